// A realistic sample workbook of the Suxian 2023 scheme, as plain tables (host-free: the CLI writes it
// with exceljs, the task pane inserts it with Office.js). Deterministic for a seed.
//
// Sheets (headers per INTERFACES.md §1; 政治建设考察 per examination.ts):
//   年度考核      64 team rows (班子) and the cadres (干部) of every unit, with a hand-typed 拟定等次 column
//   单位绩效      64 units: three own indicators (…得分), 幸福感 / 满意度 / 安全感
//   市考指标      121 city indicators: 119 led by exactly 32 units, plus two planted bad rows
//   历年等次      2019–2023 grades of every cadre (2023 = the grade the rules give), with tenure columns
//   政治建设考察   examinations (单位, 考察年度, 备注) of the 2016–2020 and 2021–2025 terms
//   民意调查      a few hundred questionnaires of the 14 towns (POLICY.md §11): three towns' 幸福感 / 满意度 /
//                安全感 are blank in 单位绩效 and come from here (--fill-survey); one has a small sample
//   民主测评票    ballots of 15 voters on the 14 town teams: three teams' 民主测评 are blank in 年度考核 and
//                come from here (--fill-ballots)
//
// The cases that matter are planted and listed in `planted`, so tests can assert "no findings but the
// planted ones": vetoes (区级, 市级; a 乡镇级 circular that does not veto), affirmations and one
// affirmation+veto conflict, an affirmation on a deputy, a quota tie at the boundary of one pool,
// political-quality gates, two wrong hand-typed grades, bad cells and two bad city indicators.
import { AnnualOutcome, AnnualRowResult, computeAnnual, poolKey } from "../engine/annual";
import type { TableKind } from "../engine/headers";
import { defaultPolicy } from "../engine/policy";
import type { CellValue, FindingCode, RawTable } from "../engine/types";
import { computeUnits } from "../engine/unit";
import { computeBallots } from "../engine/ballots";
import { computeSurvey } from "../engine/survey";
import { CITY_INDICATORS, DEDUCTION_NOTES, DISTRICT_UNITS, GIVEN, SURNAMES, TOWNS, titles } from "./names";
import { cellText } from "../engine/values";

export type SampleSheetKind = TableKind;

export interface SampleSheet {
  name: string;
  kind: SampleSheetKind;
  headers: string[];
  /** Data rows; row i sits on worksheet row i + 2 (headers on row 1). */
  rows: CellValue[][];
}

export interface PlantedCase {
  sheet: string;
  /** Worksheet row (headers on row 1). */
  row: number;
  what: string;
  /** The findings this row must give (empty for cases that change a grade without a finding). */
  codes: FindingCode[];
}

export interface SampleContext {
  /** The assessment year. */
  year: number;
  /** First year of the current party-committee term, and of the first term in the records. */
  termStart: number;
  firstTermStart: number;
  /** A feedback date for the 反馈 sheet. */
  feedbackDate: string;
}

export interface Sample {
  seed: number;
  cadres: number;
  sheets: SampleSheet[];
  planted: PlantedCase[];
  context: SampleContext;
}

export interface SampleOptions {
  seed?: number;
  /** Number of cadres (default 300, at least MIN_CADRES). */
  cadres?: number;
}

export const DEFAULT_SEED = 2023;
export const DEFAULT_CADRES = 300;
export const MIN_CADRES = 150;
export const MAX_CADRES = 5000;

export const SHEETS = { annual: "年度考核", unit: "单位绩效", city: "市考指标", history: "历年等次", examination: "政治建设考察", survey: "民意调查", ballots: "民主测评票" } as const;

const ANNUAL_HEADERS = ["编号", "姓名", "对象", "单位", "分组", "职务", "主要负责人", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评", "真抓实干激励", "拟定等次"] as const;
const UNIT_HEADERS = ["编号", "名称", "分组", "重点工作得分", "共性工作得分", "党的建设得分", "幸福感", "满意度", "安全感"];
const OWN_MAX = [40, 25, 15];
const CITY_HEADERS = ["编号", "指标名称", "牵头单位", "考核结果", "说明"];
const HISTORY_HEADERS = ["编号", "姓名", "年度", "等次", "任现职级年度", "基本任职年限"];
const EXAM_HEADERS = ["单位", "考察年度", "备注"];
const SURVEY_HEADERS = ["问卷编号", "单位", "幸福感", "满意度", "安全感"];
const BALLOT_HEADERS = ["票号", "测评对象", "评价"];
/** Questionnaires per town (the small-sample town gets SMALL_SURVEY), voters on the ballots. */
const SURVEY_PER_TOWN = 30;
const SMALL_SURVEY = 12;
const VOTERS = 15;
const GROUP = { district: "区直单位", town: "镇街道" };
const YEAR = 2023;

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; the same seed gives the same cells on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  weighted<T>(pairs: readonly [T, number][]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  }
}

/** One decimal place, as a person types a score (input data, not a computed score). */
const one = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

interface UnitSpec {
  id: string;
  name: string;
  group: string;
  town: boolean;
  quality: number;
}

interface Cadre {
  id: string;
  name: string;
  unit: UnitSpec;
  title: string;
  top: boolean;
  strength: number;
}

/** One row of the annual table, by header. */
type AnnualRow = Record<(typeof ANNUAL_HEADERS)[number], CellValue>;

export function generateSample(options: SampleOptions = {}): Sample {
  const seed = options.seed ?? DEFAULT_SEED;
  const nCadres = options.cadres ?? DEFAULT_CADRES;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number (got ${seed}) · 随机种子必须是整数`);
  if (!Number.isInteger(nCadres) || nCadres < MIN_CADRES || nCadres > MAX_CADRES)
    throw new RangeError(`cadres must be a whole number from ${MIN_CADRES} to ${MAX_CADRES} (got ${nCadres}) · 干部人数须为 ${MIN_CADRES}–${MAX_CADRES} 的整数`);
  const rnd = new Random(seed);
  const policy = defaultPolicy();
  const planted: PlantedCase[] = [];
  const plant = (sheet: string, row: number, what: string, codes: FindingCode[] = []) => planted.push({ sheet, row, what, codes });

  // ---- Units ---------------------------------------------------------------------------------
  const units: UnitSpec[] = [
    ...DISTRICT_UNITS.map((name) => ({ name, group: GROUP.district, town: false })),
    ...TOWNS.map((name) => ({ name, group: GROUP.town, town: true })),
  ].map((u, i) => ({ ...u, id: `DW${String(i + 1).padStart(2, "0")}`, quality: rnd.float() }));
  const unitByName = new Map(units.map((u) => [u.name, u]));

  // ---- 市考指标 -----------------------------------------------------------------------------------
  const cityRows: CellValue[][] = [];
  const capUnit = "区发改局"; // every indicator 先进: +6 capped at +5
  for (const [lead, names] of Object.entries(CITY_INDICATORS)) {
    const q = (unitByName.get(lead) as UnitSpec).quality;
    for (const indicator of names) {
      const outcome =
        lead === capUnit
          ? "先进"
          : rnd.weighted<string>([
              ["先进", 0.06 + 0.2 * q],
              ["良好", 0.3],
              ["达标", 0.34],
              ["落后", 0.18 - 0.1 * q],
              ["末位", 0.06 - 0.04 * q],
            ]);
      const note = outcome === "落后" || outcome === "末位" ? rnd.pick(DEDUCTION_NOTES) : outcome === "先进" && rnd.chance(0.4) ? "全市排名前列" : "";
      cityRows.push([null, indicator, lead, outcome, note]);
    }
    if (lead === "区农业农村局") cityRows.push([null, "一二三产业融合发展", "区农业农村局、区商务局", rnd.pick(["良好", "落后"]), ""]);
    if (lead === "区医保局") cityRows.push([null, "数字政府建设", "区数据局", rnd.pick(["达标", "落后"]), "牵头单位待明确"]);
  }
  cityRows.forEach((r, i) => (r[0] = `SK${String(i + 1).padStart(3, "0")}`));
  cityRows.forEach((r, i) => {
    if (r[1] === "一二三产业融合发展") plant(SHEETS.city, i + 2, "two lead units (区农业农村局、区商务局)", ["CITY_INDICATOR_LEAD"]);
    if (r[1] === "数字政府建设") plant(SHEETS.city, i + 2, "a lead unit not in the unit list (区数据局)", ["CITY_INDICATOR_LEAD"]);
  });
  const capRow = cityRows.findIndex((r) => r[2] === capUnit);
  plant(SHEETS.city, capRow + 2, `${capUnit} leads six indicators, all 先进: +6 capped at +5`);

  // ---- 单位绩效 -----------------------------------------------------------------------------------
  const unitRows: CellValue[][] = units.map((u) => {
    const own = OWN_MAX.map((max) => clamp(one(max * rnd.float(0.82 + 0.1 * u.quality, 0.92 + 0.075 * u.quality)), 0, max));
    const idx = [0, 1, 2].map(() => one(clamp(rnd.float(81 + 8 * u.quality, 88 + 9 * u.quality), 60, 99)));
    return [u.id, u.name, u.group, ...own, ...idx];
  });
  // ---- 民意调查 (POLICY.md §11) -------------------------------------------------------------------------
  // The 14 towns' households answer in level words, now and then a score, 不清楚 / 不了解 or nothing.
  // Three towns have no 幸福感 / 满意度 / 安全感 typed in 单位绩效: their indices are the survey's (set
  // here so that every total below is the one --fill-survey gives), and the cells are left blank.
  const towns = units.filter((u) => u.town);
  const surveyTowns = rnd.shuffle(towns).slice(0, 3);
  const smallTown = surveyTowns[2];
  const levels = (["H", "S", "A"] as const).map((k) => policy.survey.levels[k].map((l) => l.words[0]));
  const surveyRows: CellValue[][] = [];
  for (const u of towns) {
    const counted = [0, 0, 0];
    const target = u === smallTown ? SMALL_SURVEY : SURVEY_PER_TOWN;
    // One answer more than the threshold per index: a planted bad answer must not make a small sample.
    for (let n = 0; n < 60 && (u === smallTown ? n < SMALL_SURVEY : counted.some((c) => c <= target)); n++) {
      const answer = (k: number): CellValue => {
        const r = rnd.float();
        if (r < 0.04) return rnd.pick(["不清楚", "不了解", null]);
        counted[k]++;
        if (r < 0.1) return rnd.int(70, 100);
        return levels[k][rnd.weighted<number>([[0, 0.3 + 0.35 * u.quality], [1, 0.45], [2, 0.18 - 0.12 * u.quality], [3, 0.05], [4, 0.02]])];
      };
      surveyRows.push([`WJ${u.id.slice(2)}${String(n + 1).padStart(2, "0")}`, rnd.chance(0.2) ? u.id : u.name, answer(0), answer(1), answer(2)]);
    }
  }
  // Planted: an answer that is no level (很好), a score of 120, a questionnaire of a unit not in 单位绩效.
  const badWordRow = surveyRows.findIndex((r) => r[1] === towns[0].name || r[1] === towns[0].id);
  surveyRows[badWordRow][2] = "很好";
  const badScoreRow = surveyRows.findIndex((r, i) => i > badWordRow + 5 && typeof r[3] === "string");
  surveyRows[badScoreRow][3] = 120;
  surveyRows.push([`WJ99${String(1).padStart(2, "0")}`, "区水务局", levels[0][1], levels[1][1], levels[2][1]]);
  const surveyTable: RawTable = { sheet: SHEETS.survey, headers: SURVEY_HEADERS, rows: surveyRows, headerRow: 1, firstColumn: 1 };
  const survey = computeSurvey(surveyTable, unitRows.map((r) => ({ id: r[0] as string, name: r[1] as string })), policy);
  const blankIndices = new Set<number>();
  for (const t of surveyTowns) {
    const k = units.indexOf(t);
    const found = survey.units.find((x) => x.unitIndex === k);
    if (!found || (["H", "S", "A"] as const).some((key) => found.indices[key].value === null)) throw new Error(`sample ${seed}: no survey index for ${t.name}`);
    unitRows[k][6] = found.indices.H.value;
    unitRows[k][7] = found.indices.S.value;
    unitRows[k][8] = found.indices.A.value;
    blankIndices.add(k);
  }
  const firstSurveyRow = (u: UnitSpec) => surveyRows.findIndex((r) => r[1] === u.name || r[1] === u.id) + 2;
  plant(SHEETS.survey, badWordRow + 2, "幸福感 answered 很好: no level of the index, not counted (the other answers are)", ["UNKNOWN_VALUE"]);
  plant(SHEETS.survey, badScoreRow + 2, "满意度 answered 120: outside 0–100, not counted", ["OUT_OF_RANGE"]);
  plant(SHEETS.survey, firstSurveyRow(smallTown), `${smallTown.name}: only ${SMALL_SURVEY} questionnaires, fewer than ${policy.survey.smallSample} answers per index`, ["SMALL_SAMPLE", "SMALL_SAMPLE", "SMALL_SAMPLE"]);
  plant(SHEETS.survey, surveyRows.length + 1, "a questionnaire of 区水务局, which is not in 单位绩效: not counted", ["UNKNOWN_VALUE"]);
  for (const k of blankIndices) plant(SHEETS.unit, k + 2, `${units[k].name}: 幸福感 / 满意度 / 安全感 left blank, taken from 民意调查 (--fill-survey; without it: MISSING)`);

  const unitTable = (): RawTable => ({ sheet: SHEETS.unit, headers: UNIT_HEADERS, rows: unitRows, headerRow: 1, firstColumn: 1 });
  const cityTable: RawTable = { sheet: SHEETS.city, headers: CITY_HEADERS, rows: cityRows, headerRow: 1, firstColumn: 1 };
  const unitOutcome = computeUnits(unitTable(), cityTable, policy);
  const total = new Map(unitOutcome.rows.map((r) => [r.name, r.total as number]));

  // ---- Cadres ------------------------------------------------------------------------------------
  const counts = new Map(units.map((u) => [u.name, 2]));
  const dupUnit = rnd.pick(DISTRICT_UNITS.filter((n) => !(n in CITY_INDICATORS)));
  counts.set(dupUnit, 3);
  let left = nCadres - [...counts.values()].reduce((s, n) => s + n, 0);
  while (left-- > 0) {
    const u = rnd.weighted(units.map((x) => [x.name, x.town ? 1.4 : 1] as [string, number]));
    counts.set(u, (counts.get(u) as number) + 1);
  }
  const usedNames = new Set<string>();
  const surnames = Array.from(SURNAMES);
  const givenChars = Array.from(GIVEN);
  const personName = (): string => {
    for (;;) {
      const given = rnd.chance(0.7) ? rnd.pick(givenChars) + rnd.pick(givenChars) : rnd.pick(givenChars);
      const n = (rnd.chance(0.02) ? "欧阳" : rnd.pick(surnames)) + given;
      if (!usedNames.has(n) && given[0] !== given[1]) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const cadres: Cadre[] = [];
  for (const u of units) {
    const t = titles(u.name);
    const n = counts.get(u.name) as number;
    for (let k = 0; k < n; k++) {
      cadres.push({
        id: `GB${String(cadres.length + 1).padStart(4, "0")}`,
        name: personName(),
        unit: u,
        title: k === 0 ? t.top : t.others[(k - 1) % t.others.length],
        top: k === 0,
        strength: rnd.float(),
      });
    }
  }

  // ---- 年度考核 -----------------------------------------------------------------------------------
  const scores = (q: number, s: number, lo = 0): Pick<AnnualRow, "民主测评" | "领导评价" | "民意调查" | "党建成效"> => {
    const base = 83.5 + 7 * q + 8 * s;
    const v = () => one(clamp(Math.max(lo, base + rnd.float(-4, 4)), 70, 99));
    return { 民主测评: v(), 领导评价: v(), 民意调查: v(), 党建成效: v() };
  };
  const rows: AnnualRow[] = [];
  const teamRow = new Map<string, AnnualRow>();
  for (const u of units) {
    const r: AnnualRow = {
      编号: `BZ${u.id.slice(2)}`,
      姓名: `${u.name}领导班子`,
      对象: "班子",
      单位: u.name,
      分组: u.group,
      职务: null,
      主要负责人: null,
      绩效考核: total.get(u.name),
      ...scores(u.quality, u.quality),
      政治素质: "过得硬",
      通报批评: rnd.chance(0.3) ? "无" : null,
      真抓实干激励: "否",
      拟定等次: null,
    };
    rows.push(r);
    teamRow.set(u.name, r);
  }
  const cadreRow = new Map<Cadre, AnnualRow>();
  for (const c of cadres) {
    const r: AnnualRow = {
      编号: c.id,
      姓名: c.name,
      对象: "干部",
      单位: c.unit.name,
      分组: c.unit.group,
      职务: c.title,
      主要负责人: c.top ? "是" : "否",
      绩效考核: total.get(c.unit.name),
      ...scores(c.unit.quality, c.strength),
      政治素质: rnd.chance(0.03) ? "合格" : "过得硬",
      通报批评: rnd.chance(0.3) ? "无" : null,
      真抓实干激励: "否",
      拟定等次: null,
    };
    rows.push(r);
    cadreRow.set(c, r);
  }
  const rowOf = (r: AnnualRow) => rows.indexOf(r) + 2;
  const cadresOf = (unit: string) => cadres.filter((c) => c.unit.name === unit);
  const deputy = (unit: string, k = 0) => cadreRow.get(cadresOf(unit).filter((c) => !c.top)[k]) as AnnualRow;
  const top = (unit: string) => cadreRow.get(cadresOf(unit)[0]) as AnnualRow;

  // Units for the planted cases: the strongest units carry the vetoes (their rows would be 优秀).
  const used = new Set<string>([dupUnit]);
  const take = (names: readonly string[]) => {
    const n = names.find((x) => !used.has(x)) as string;
    used.add(n);
    return n;
  };
  const byTotal = (town: boolean) => units.filter((u) => u.town === town).sort((a, b) => (total.get(b.name) as number) - (total.get(a.name) as number)).map((u) => u.name);
  const high = (r: AnnualRow): AnnualRow => Object.assign<AnnualRow, Partial<AnnualRow>>(r, { 民主测评: one(rnd.float(96, 98.5)), 领导评价: one(rnd.float(96, 99)), 民意调查: one(rnd.float(95, 98)), 党建成效: one(rnd.float(96, 99)), 政治素质: "过得硬", 通报批评: null });

  const vetoUnit = take(byTotal(false));
  const vetoed = high(deputy(vetoUnit));
  vetoed.通报批评 = "区级";
  plant(SHEETS.annual, rowOf(vetoed), "区级 circular on a cadre whose score is 优秀 band: VETO → 称职");
  const teamVetoUnit = take(byTotal(false));
  const teamVetoed = high(teamRow.get(teamVetoUnit) as AnnualRow);
  teamVetoed.通报批评 = "市级";
  plant(SHEETS.annual, rowOf(teamVetoed), "市级 circular on a team in the 优秀 band: VETO → 良好");
  const solidUnit = take(byTotal(false));
  const notSolid = high(deputy(solidUnit));
  notSolid.政治素质 = "合格";
  plant(SHEETS.annual, rowOf(notSolid), "political quality 合格 in the 优秀 band: POLITICAL_NOT_SOLID → 称职");
  const townCircularUnit = take(byTotal(true));
  const townCircular = high(deputy(townCircularUnit));
  townCircular.通报批评 = "乡镇级";
  plant(SHEETS.annual, rowOf(townCircular), "乡镇级 circular: below district level, no veto");
  const failUnit = take(rnd.shuffle(byTotal(true)));
  const failed = deputy(failUnit);
  failed.政治素质 = "不合格";
  plant(SHEETS.annual, rowOf(failed), "political quality 不合格: POLITICAL_FAIL → 不称职 whatever the score");

  // 真抓实干激励: three district units and two towns; their top leaders are affirmed.
  const incentiveDistrict = [0, 1, 2].map(() => take(rnd.shuffle(byTotal(false).slice(8))));
  const incentiveTowns = [0, 1].map(() => take(rnd.shuffle(byTotal(true).slice(3))));
  for (const u of [...incentiveDistrict, ...incentiveTowns]) {
    (teamRow.get(u) as AnnualRow).真抓实干激励 = "是";
    const r = top(u);
    Object.assign(r, scores(0.2, 0.2), { 真抓实干激励: "是", 政治素质: "过得硬", 通报批评: null });
  }
  const conflict = top(incentiveDistrict[0]);
  conflict.通报批评 = "市级";
  plant(SHEETS.annual, rowOf(conflict), "top leader with 真抓实干激励 and a 市级 circular: veto wins", ["AFFIRM_VETO_CONFLICT"]);
  for (const u of [...incentiveDistrict.slice(1), ...incentiveTowns]) plant(SHEETS.annual, rowOf(top(u)), "top leader of a unit with 真抓实干激励: AFFIRMED → 优秀");
  const notTop = deputy(incentiveTowns[0]);
  notTop.真抓实干激励 = "是";
  plant(SHEETS.annual, rowOf(notTop), "真抓实干激励 on a deputy, not the top leader: no effect", ["AFFIRM_NOT_TOP_LEADER"]);

  // Bad cells: a text score, a blank, 120, and a copied ID.
  const district = rnd.shuffle(DISTRICT_UNITS.filter((n) => !used.has(n)));
  const textUnit = take(district);
  const blankUnit = take(district);
  const rangeUnit = take(district);
  const textRow = deputy(textUnit);
  textRow.民主测评 = "85分";
  plant(SHEETS.annual, rowOf(textRow), "text in 民主测评 (85分)", ["NOT_A_NUMBER"]);
  const blankRow = deputy(blankUnit);
  blankRow.领导评价 = null;
  plant(SHEETS.annual, rowOf(blankRow), "blank 领导评价", ["MISSING"]);
  const rangeRow = deputy(rangeUnit);
  rangeRow.民意调查 = 120;
  plant(SHEETS.annual, rowOf(rangeRow), "民意调查 120, outside 0–100", ["OUT_OF_RANGE"]);
  const dupFirst = deputy(dupUnit, 0);
  const dupSecond = deputy(dupUnit, 1);
  dupSecond.编号 = dupFirst.编号;
  plant(SHEETS.annual, rowOf(dupFirst), `ID ${cellText(dupFirst.编号)} also on the next row`, ["DUPLICATE_ID"]);
  plant(SHEETS.annual, rowOf(dupSecond), `ID ${cellText(dupFirst.编号)} copied from the row above`, ["DUPLICATE_ID"]);
  const plantedRows = new Set<AnnualRow>([vetoed, teamVetoed, notSolid, townCircular, failed, conflict, notTop, textRow, blankRow, rangeRow, dupFirst, dupSecond, ...[...incentiveDistrict, ...incentiveTowns].map(top)]);

  // ---- 民主测评票 (POLICY.md §11) -------------------------------------------------------------------------
  // 15 voters rate the 14 town teams (by 编号 or by name). The three survey towns' teams have no
  // 民主测评 typed in 年度考核: their D is the ballots' (set here so that every result below is the one
  // --fill-ballots gives), and the cells are left blank.
  const ballotRows: CellValue[][] = [];
  const choices = (["good", "fairlyGood", "average", "poor"] as const).map((k) => policy.democratic.choices[k]);
  for (let v = 1; v <= VOTERS; v++) {
    for (const u of towns) {
      const team = teamRow.get(u.name) as AnnualRow;
      const k = rnd.weighted<number>([[0, 0.45 + 0.3 * u.quality], [1, 0.35], [2, 0.12 - 0.08 * u.quality], [3, 0.03], [4, 0.03]]);
      ballotRows.push([v, rnd.chance(0.3) ? team.姓名 : team.编号, k === 4 ? policy.democratic.abstain[0] : choices[k][rnd.chance(0.15) ? 1 : 0]]);
    }
  }
  // Planted: an abstention, a team named twice on one ballot, a choice that is none of the four.
  const abstainAt = ballotRows.findIndex((r) => r[1] === teamRow.get(towns[1].name)!.编号 || r[1] === teamRow.get(towns[1].name)!.姓名);
  if (abstainAt < 0) throw new Error(`sample ${seed}: no ballot row for the abstention`);
  ballotRows[abstainAt][2] = policy.democratic.abstain[0];
  const twice = teamRow.get(towns[2].name) as AnnualRow;
  const twiceRow = towns.length * 2 + 3; // inside ballot 3, after the row where it names that team first
  ballotRows.splice(twiceRow, 0, [3, twice.编号, choices[0][0]]);
  const named = (r: CellValue[], u: UnitSpec) => r[1] === teamRow.get(u.name)!.编号 || r[1] === teamRow.get(u.name)!.姓名;
  const badChoiceAt = ballotRows.findIndex((r, i) => i > twiceRow + 20 && named(r, towns[3]));
  ballotRows[badChoiceAt][2] = "同意";
  const ballotTable: RawTable = { sheet: SHEETS.ballots, headers: BALLOT_HEADERS, rows: ballotRows, headerRow: 1, firstColumn: 1 };
  const ballots = computeBallots(ballotTable, rows.map((r) => ({ id: r.编号 as string, name: r.姓名 as string })), policy);
  const ballotTeams = surveyTowns.map((u) => teamRow.get(u.name) as AnnualRow);
  for (const team of ballotTeams) {
    const found = ballots.subjects.find((x) => x.subjectIndex === rows.indexOf(team));
    if (!found || found.democratic === null) throw new Error(`sample ${seed}: no D from the ballots for ${cellText(team.姓名)}`);
    team.民主测评 = found.democratic;
  }
  plant(SHEETS.ballots, abstainAt + 2, "不了解: an abstention, not counted");
  plant(SHEETS.ballots, twiceRow + 2, `ballot 3 names ${cellText(twice.编号)} a second time: counted once`, ["DUPLICATE_ID"]);
  plant(SHEETS.ballots, badChoiceAt + 2, "同意 is none of 好 / 较好 / 一般 / 差: not counted", ["UNKNOWN_VALUE"]);
  for (const team of ballotTeams) plant(SHEETS.annual, rows.indexOf(team) + 2, `${cellText(team.姓名)}: 民主测评 left blank, taken from 民主测评票 (--fill-ballots; without it: MISSING)`);
  const fixedD = new Set<AnnualRow>(ballotTeams);

  const annualTable = (): RawTable => ({ sheet: SHEETS.annual, headers: [...ANNUAL_HEADERS], rows: rows.map((r) => ANNUAL_HEADERS.map((h) => r[h])), headerRow: 1, firstColumn: 1 });
  const compute = () => computeAnnual(annualTable(), policy);

  // A quota tie at the boundary of one cadre pool: two cadres of one unit (so the same P) get the same
  // D and the same L + S + B, placed exactly across the last 优秀 place (see plantTie).
  let out = compute();
  const tie = plantTie(out, rows, plantedRows);
  plantedRows.add(tie.held).add(tie.boundary);
  out = compute();
  const tiePool = tie.pool;
  const tied = out.rows.filter((r) => r.reasons.includes("QUOTA_TIE") && r.pool === tiePool);
  const tiedRows = [rowOf(tie.boundary), rowOf(tie.held)].sort((a, b) => a - b);
  if (tied.length !== 2 || tied.some((r) => !tiedRows.includes(r.row))) throw new Error(`sample ${seed}: the planted quota tie did not hold`);
  plant(SHEETS.annual, tiedRows[0], `tied exactly with row ${tiedRows[1]} at the 优秀 boundary of ${tiePool}`, ["QUOTA_TIE"]);
  plant(SHEETS.annual, tiedRows[1], `tied exactly with row ${tiedRows[0]} at the 优秀 boundary of ${tiePool}`);

  // No other exact tie at a boundary: nudge one tied row's D down by 0.1 until there is none.
  for (let guard = 0; guard < 100; guard++) {
    const stray = out.rows.filter((r) => r.reasons.includes("QUOTA_TIE") && r.pool !== tiePool && !fixedD.has(rows[r.index]));
    if (!stray.length) break;
    const r = rows[stray[stray.length - 1].index];
    r.民主测评 = one((r.民主测评 as number) - 0.1);
    out = compute();
  }

  // 拟定等次: typed by hand as the rules give, the tie decided by a person, and two wrong grades.
  for (const r of out.rows) rows[r.index].拟定等次 = r.grade;
  tie.boundary.拟定等次 = "优秀";
  tie.held.拟定等次 = "称职";
  vetoed.拟定等次 = "优秀";
  plant(SHEETS.annual, rowOf(vetoed), "拟定等次 优秀 typed on the vetoed cadre", ["MANUAL_GRADE_CONFLICT"]);
  const unplanted = (r: AnnualRowResult) => r.subject === "cadre" && r.valid && !plantedRows.has(rows[r.index]);
  const quotaHeld = out.rows.find((r) => unplanted(r) && r.reasons.includes("QUOTA"));
  const wrong = quotaHeld ?? out.rows.find((r) => unplanted(r) && r.gradeIndex === 1);
  if (!wrong) throw new Error(`sample ${seed}: no cadre for a wrong hand-typed grade`);
  rows[wrong.index].拟定等次 = "优秀";
  plant(SHEETS.annual, wrong.row, quotaHeld ? "拟定等次 优秀 typed on a cadre held back by the quota" : "拟定等次 优秀 typed on a cadre the rules rate 称职", ["MANUAL_GRADE_CONFLICT"]);
  out = compute();

  // ---- 历年等次 -----------------------------------------------------------------------------------
  const grade2023 = new Map<string, string>();
  for (const r of out.rows) if (r.valid && r.subject === "cadre" && r.grade) grade2023.set(r.id, r.grade);
  const history: CellValue[][] = [];
  const excellent2023 = cadres.filter((c) => grade2023.get(c.id) === "优秀" && !plantedRows.has(cadreRow.get(c) as AnnualRow));
  const meritCadres = rnd.shuffle(excellent2023).slice(0, 2);
  const streak3 = rnd.shuffle(cadres.filter((c) => !meritCadres.includes(c) && grade2023.has(c.id)))[0];
  const historyPlants: [Cadre, string][] = [];
  for (const c of cadres) {
    const since = rnd.chance(0.8) ? 2019 : rnd.int(2020, 2022);
    const rankSince = rnd.int(2015, 2022);
    const base = rnd.pick([2, 2, 3]);
    const grades = new Map<number, string>();
    for (let y = since; y < YEAR; y++) grades.set(y, rnd.weighted<string>([["优秀", 0.08 + 0.3 * c.strength], ["称职", 0.88 - 0.3 * c.strength], ["基本称职", 0.04]]));
    // The annual table's own id for the cadre (the copied-ID row keeps its true id here).
    const g = cadreRow.get(c) === dupSecond ? undefined : grade2023.get(c.id);
    if (g) grades.set(YEAR, g);
    if (c === meritCadres[0]) {
      for (let y = 2019; y <= 2022; y++) grades.set(y, "优秀");
      historyPlants.push([c, "优秀 2019–2023: 三等功 in 2021 only (the streak restarts)"]);
    } else if (c === meritCadres[1]) {
      grades.set(2020, "称职").set(2021, "优秀").set(2022, "优秀");
      if (!grades.has(2019)) grades.set(2019, "称职");
      historyPlants.push([c, "优秀 2021–2023: 三等功 in 2023"]);
    } else if (c === streak3) {
      grades.set(2019, "优秀").set(2020, "优秀").set(2021, "优秀").set(2022, "称职");
      historyPlants.push([c, "优秀 2019–2021: 三等功 in 2021"]);
    }
    const first = history.length;
    for (const y of [...grades.keys()].sort((a, b) => a - b)) history.push([c.id, c.name, y, grades.get(y), rankSince, base]);
    for (const [pc, what] of historyPlants) if (pc === c) plant(SHEETS.history, first + 2, what);
  }

  // ---- 政治建设考察 ---------------------------------------------------------------------------------
  const exams: [number, number, string][] = [];
  const groupNo = () => `第${"一二三四五六"[rnd.int(0, 5)]}考察组`;
  rnd.shuffle(units).slice(0, 55).forEach((u) => exams.push([rnd.int(2017, 2020), units.indexOf(u), groupNo()]));
  const thisTerm = rnd.shuffle(units).slice(0, 44);
  thisTerm.forEach((u) => exams.push([rnd.int(2021, 2023), units.indexOf(u), groupNo()]));
  thisTerm.slice(0, 6).forEach((u) => exams.push([2023, units.indexOf(u), "回访"]));
  exams.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const examRows: CellValue[][] = exams.map(([y, k, note]) => [units[k].name, y, note]);

  planted.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : Object.values(SHEETS).indexOf(a.sheet as never) - Object.values(SHEETS).indexOf(b.sheet as never)));
  return {
    seed,
    cadres: cadres.length,
    planted,
    context: { year: YEAR, termStart: 2021, firstTermStart: 2016, feedbackDate: "2024-03-15" },
    sheets: [
      // The blank cells the raw answers fill (their values above are what the fills give).
      { name: SHEETS.annual, kind: "annual", headers: [...ANNUAL_HEADERS], rows: rows.map((r) => ANNUAL_HEADERS.map((h) => (h === "民主测评" && fixedD.has(r) ? null : r[h]))) },
      { name: SHEETS.unit, kind: "unit", headers: UNIT_HEADERS, rows: unitRows.map((r, k) => (blankIndices.has(k) ? [...r.slice(0, 6), null, null, null] : r)) },
      { name: SHEETS.city, kind: "city", headers: CITY_HEADERS, rows: cityRows },
      { name: SHEETS.history, kind: "history", headers: HISTORY_HEADERS, rows: history },
      { name: SHEETS.examination, kind: "examination", headers: EXAM_HEADERS, rows: examRows },
      { name: SHEETS.survey, kind: "survey", headers: SURVEY_HEADERS, rows: surveyRows },
      { name: SHEETS.ballots, kind: "ballots", headers: BALLOT_HEADERS, rows: ballotRows },
    ],
  };
}

/**
 * Make an exact tie at the 优秀 boundary of a cadre pool. Two eligible cadres of one unit (same unit,
 * so the same P) get the same D and the same L + S + B, chosen so that their composite lies strictly
 * between the candidates that keep 优秀 and those held back: with `places` excellent places left,
 * places − 1 other candidates rank above them and the rest below, so they tie across the boundary.
 */
function plantTie(out: AnnualOutcome, rows: AnnualRow[], planted: Set<AnnualRow>): { pool: string; boundary: AnnualRow; held: AnnualRow } {
  for (const group of [GROUP.town, GROUP.district]) {
    const pool = poolKey(group, "cadre");
    const summary = out.pools.find((p) => p.key === pool);
    if (!summary || summary.quota === null) continue;
    const places = summary.quota - summary.affirmed;
    if (places < 1) continue;
    const members = out.rows.filter((r) => r.pool === pool && r.valid);
    const isCandidate = (r: AnnualRowResult) => (r.grade === "优秀" && !r.reasons.includes("AFFIRMED")) || r.reasons.includes("QUOTA") || r.reasons.includes("QUOTA_TIE");
    const eligible = (r: AnnualRowResult) => !planted.has(rows[r.index]) && rows[r.index]["真抓实干激励"] !== "是";
    const P = (r: AnnualRowResult) => rows[r.index]["绩效考核"] as number;
    // Units with the highest P first: their cadres reach the 优秀 band most easily.
    const unitsByP = [...new Set(members.map((r) => r.unit))].sort((a, b) => P(members.find((r) => r.unit === b)!) - P(members.find((r) => r.unit === a)!));
    for (const unit of unitsByP) {
      const pair = members.filter((r) => r.unit === unit && eligible(r)).slice(0, 2);
      if (pair.length < 2) continue;
      const others = members
        .filter((r) => isCandidate(r) && !pair.includes(r))
        .map((r) => Math.round((r.composite as number) * 100))
        .sort((a, b) => b - a);
      if (others.length < places - 1) continue; // the quota does not bind: no boundary to tie at
      const lo = places - 1 < others.length ? others[places - 1] : 8999;
      const hi = places >= 2 && others.length >= places - 1 ? others[places - 2] : 9999;
      const target = Math.max(lo, 8999) + 1; // composite × 100, strictly between lo and hi, in the 优秀 band
      if (target >= hi) continue;
      // composite × 1000 = 6·P×100 + 10·Σ(tenths of D, L, S, B); rounded half-up to hundredths.
      const m = 6 * Math.round(P(pair[0]) * 100);
      const sum = Math.ceil((10 * target - m - 5) / 10);
      if (Math.floor((m + 10 * sum + 5) / 10) !== target || sum > 4 * 985 || sum < 4 * 750) continue;
      const q = Math.floor(sum / 4);
      const r = sum - 4 * q;
      const [d, l, s2, b] = [q + 6, q - 4 + (r > 0 ? 1 : 0), q + 3 + (r > 1 ? 1 : 0), q - 5 + (r > 2 ? 1 : 0)].map((x) => x / 10);
      const [boundary, held] = pair.map((x) => rows[x.index]);
      Object.assign(boundary, { 民主测评: d, 领导评价: l, 民意调查: s2, 党建成效: b, 政治素质: "过得硬", 通报批评: null });
      Object.assign(held, { 民主测评: d, 领导评价: s2, 民意调查: b, 党建成效: l, 政治素质: "过得硬", 通报批评: null });
      return { pool, boundary, held };
    }
  }
  throw new Error("sample: no place for the planted quota tie");
}

/** A sample sheet as the engine's RawTable (headers on row 1, column A). */
export function sampleTable(sheet: SampleSheet): RawTable {
  return { sheet: sheet.name, headers: sheet.headers, rows: sheet.rows, headerRow: 1, firstColumn: 1 };
}
