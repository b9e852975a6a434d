import { computeAnnual } from "../engine/annual";
import { computeHistory } from "../engine/history";
import { computeUnits } from "../engine/unit";
import { computeBallots, fillBallots, subjectListOf } from "../engine/ballots";
import { computeSurvey, fillSurvey, unitListOf } from "../engine/survey";
import { readExaminations, termCoverage } from "../engine/examination";
import { buildFeedbackSheet } from "../engine/feedback";
import { priorityPromotion } from "../engine/promotion";
import { detectTableKind } from "../engine/headers";
import { defaultPolicy } from "../engine/policy";
import type { Finding } from "../engine/types";
import { DEFAULT_CADRES, generateSample, MIN_CADRES, Sample, sampleTable, SHEETS } from "./index";
import { DISTRICT_UNITS, TOWNS } from "./names";

const policy = defaultPolicy();

function sheet(s: Sample, name: string) {
  const found = s.sheets.find((x) => x.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Everything the engine says about a sample, with its blank cells filled from the raw answers (as --fill-survey --fill-ballots). */
function run(s: Sample) {
  const unitTable = sampleTable(sheet(s, SHEETS.unit));
  const annualTable = sampleTable(sheet(s, SHEETS.annual));
  const survey = computeSurvey(sampleTable(sheet(s, SHEETS.survey)), unitListOf(unitTable), policy);
  const ballots = computeBallots(sampleTable(sheet(s, SHEETS.ballots)), subjectListOf(annualTable), policy);
  const annual = computeAnnual(fillBallots(annualTable, ballots).table, policy);
  const units = computeUnits(fillSurvey(unitTable, survey).table, sampleTable(sheet(s, SHEETS.city)), policy);
  const history = computeHistory(sampleTable(sheet(s, SHEETS.history)), policy);
  const exams = readExaminations(sampleTable(sheet(s, SHEETS.examination)));
  return { annual, units, history, exams, survey, ballots, findings: [...annual.findings, ...units.findings, ...history.findings, ...exams.findings, ...survey.findings, ...ballots.findings] };
}

const key = (f: Pick<Finding, "sheet" | "row" | "code">) => `${f.sheet}:${f.row}:${f.code}`;
const expected = (s: Sample) => s.planted.flatMap((p) => p.codes.map((code) => key({ sheet: p.sheet, row: p.row, code }))).sort();

describe("generateSample", () => {
  const s = generateSample();
  const out = run(s);

  test("deterministic per seed; different seeds differ", () => {
    expect(generateSample()).toEqual(s);
    expect(generateSample({ seed: 7 })).toEqual(generateSample({ seed: 7 }));
    expect(generateSample({ seed: 7 }).sheets[0].rows).not.toEqual(s.sheets[0].rows);
  });

  test("seven sheets, each recognised as its kind", () => {
    expect(s.sheets.map((x) => x.name)).toEqual(["年度考核", "单位绩效", "市考指标", "历年等次", "政治建设考察", "民意调查", "民主测评票"]);
    for (const x of s.sheets) {
      expect(detectTableKind(x.headers)).toBe(x.kind);
      expect(detectTableKind(x.headers) === "examination").toBe(x.kind === "examination");
    }
  });

  test("64 units (50 district, 14 towns), a team row each, ~300 cadres", () => {
    const unitRows = sheet(s, SHEETS.unit).rows;
    expect(unitRows).toHaveLength(64);
    expect(unitRows.filter((r) => r[2] === "区直单位")).toHaveLength(50);
    expect(unitRows.filter((r) => r[2] === "镇街道")).toHaveLength(14);
    expect(new Set(unitRows.map((r) => r[1]))).toEqual(new Set([...DISTRICT_UNITS, ...TOWNS]));
    const annual = sheet(s, SHEETS.annual).rows;
    expect(annual.filter((r) => r[2] === "班子")).toHaveLength(64);
    expect(annual.filter((r) => r[2] === "干部")).toHaveLength(DEFAULT_CADRES);
    expect(annual.filter((r) => r[6] === "是")).toHaveLength(64); // one top leader per unit
    expect(s.cadres).toBe(DEFAULT_CADRES);
    expect(generateSample({ cadres: 400 }).sheets[0].rows.filter((r) => r[2] === "干部")).toHaveLength(400);
    expect(() => generateSample({ cadres: MIN_CADRES - 1 })).toThrow(RangeError);
  });

  test("121 city indicators; the good ones led by exactly 32 distinct units", () => {
    const city = sheet(s, SHEETS.city).rows;
    expect(city).toHaveLength(121);
    const bad = new Set(s.planted.filter((p) => p.sheet === SHEETS.city && p.codes.length).map((p) => p.row));
    expect(bad.size).toBe(2);
    const leads = city.filter((_, i) => !bad.has(i + 2)).map((r) => r[2]);
    expect(new Set(leads).size).toBe(32);
    expect(out.units.city!.filter((c) => c.valid)).toHaveLength(119);
  });

  test("five years of history (2019–2023) and examination records", () => {
    const years = new Set(sheet(s, SHEETS.history).rows.map((r) => r[2]));
    expect([...years].sort()).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(out.history.cadres.length).toBe(DEFAULT_CADRES);
    expect(out.exams.records.length).toBeGreaterThan(90);
  });

  test("findings only at the planted rows, and every planted finding is there", () => {
    expect(out.findings.map(key).sort()).toEqual(expected(s));
  });

  test("the planted cases decide as POLICY.md says", () => checkDecisions(s, out));

  test("the rest of the scheme runs on it: merits, feedback, coverage, priority promotion", () => {
    const merits = out.history.cadres.filter((c) => c.merits && c.merits.length);
    expect(merits.length).toBeGreaterThanOrEqual(3);
    const fb = buildFeedbackSheet(out.units.rows, policy, { feedbackDate: s.context.feedbackDate, today: "2024-05-04" });
    const deductions = out.units.rows.reduce((n, r) => n + r.deductions.length, 0);
    expect(deductions).toBeGreaterThan(5);
    expect(fb.rows.filter((r) => r[6] !== null)).toHaveLength(deductions);
    expect(fb.overdueRows).toHaveLength(deductions);
    const cov = termCoverage({ units: out.units.rows.map((r) => r.name), records: out.exams.records, termStart: s.context.termStart, currentYear: s.context.year }, policy);
    expect(cov).toMatchObject({ termStart: 2021, termEnd: 2025, yearsLeft: 3, percent: 68.75 });
    expect(cov.findings).toEqual([]);
    expect(priorityPromotion(out.annual.results).flags.length).toBeGreaterThan(0);
  });
});

describe("the raw answers (POLICY.md §11)", () => {
  const s = generateSample();
  const out = run(s);
  const units = sheet(s, SHEETS.unit).rows;
  const blankTowns = units.filter((r) => r[6] === null);

  test("a few hundred questionnaires of the 14 towns and 15 voters' ballots on the 14 town teams", () => {
    expect(sheet(s, SHEETS.survey).rows.length).toBeGreaterThan(300);
    expect(sheet(s, SHEETS.survey).rows.length).toBeLessThan(600);
    expect(out.survey.units.map((u) => u.unit).sort()).toEqual([...TOWNS].sort());
    expect(sheet(s, SHEETS.ballots).rows).toHaveLength(15 * 14 + 1); // and one team named twice on ballot 3
    expect(out.ballots.subjects).toHaveLength(14);
  });

  test("three towns' indices and their teams' 民主测评 are blank, and the fills give them", () => {
    expect(blankTowns).toHaveLength(3);
    expect(blankTowns.every((r) => r[2] === "镇街道" && r[7] === null && r[8] === null)).toBe(true);
    const blankD = sheet(s, SHEETS.annual).rows.filter((r) => r[8] === null);
    expect(blankD.map((r) => r[3]).sort()).toEqual(blankTowns.map((r) => r[1]).sort());
    // Every unit has a total and every team a composite once filled (the findings are only the planted ones).
    for (const r of blankTowns) expect(out.units.rows.find((u) => u.id === r[0])!.total).not.toBeNull();
    for (const r of blankD) expect(out.annual.rows.find((a) => a.id === r[0])!.composite).not.toBeNull();
  });

  test("one town with a small sample; every other town with at least 30 answers per index", () => {
    const small = out.survey.units.filter((u) => u.indices.H.smallSample || u.indices.S.smallSample || u.indices.A.smallSample);
    expect(small).toHaveLength(1);
    expect(small[0].questionnaires).toBe(12);
    expect(blankTowns.map((r) => r[1])).toContain(small[0].unit);
  });

  test("an abstention and a team named twice on one ballot are planted", () => {
    expect(s.planted.filter((p) => p.sheet === SHEETS.ballots).map((p) => p.codes)).toEqual([[], ["DUPLICATE_ID"], ["UNKNOWN_VALUE"]]);
    expect(out.ballots.subjects.reduce((n, x) => n + x.abstentions, 0)).toBeGreaterThan(0);
  });
});

describe("other seeds and sizes keep their promise", () => {
  test.each([1, 2, 3, 42, 99, 12345])("seed %i: findings only at the planted rows; the cases decide as announced", (seed) => {
    const s = generateSample({ seed });
    const out = run(s);
    expect(out.findings.map(key).sort()).toEqual(expected(s));
    checkDecisions(s, out);
  });
  test.each([MIN_CADRES, 1000])("%i cadres", (cadres) => {
    const s = generateSample({ seed: 5, cadres });
    expect(run(s).findings.map(key).sort()).toEqual(expected(s));
  });
});

/** What each planted annual case must decide, and the city cap and P. */
function checkDecisions(s: Sample, out: ReturnType<typeof run>) {
  const at = (row: number) => out.annual.rows.find((r) => r.row === row)!;
  const planted = (what: string) => s.planted.find((p) => p.sheet === SHEETS.annual && p.what.startsWith(what))!.row;
  expect(at(planted("区级 circular"))).toMatchObject({ grade: "称职", reasons: ["VETO"] });
  expect(at(planted("市级 circular on a team"))).toMatchObject({ grade: "良好", reasons: ["VETO"] });
  expect(at(planted("political quality 合格"))).toMatchObject({ grade: "称职", reasons: ["POLITICAL_NOT_SOLID"] });
  expect(at(planted("political quality 不合格"))).toMatchObject({ grade: "不称职", reasons: ["POLITICAL_FAIL"] });
  expect(at(planted("乡镇级 circular")).reasons).not.toContain("VETO");
  expect(at(planted("乡镇级 circular")).composite!).toBeGreaterThanOrEqual(90);
  expect(at(planted("top leader with 真抓实干激励 and a 市级")).reasons).toEqual(expect.arrayContaining(["VETO", "AFFIRM_VETO_CONFLICT"]));
  const affirmed = s.planted.filter((p) => p.what.startsWith("top leader of a unit with 真抓实干激励"));
  expect(affirmed).toHaveLength(4);
  for (const p of affirmed) expect(at(p.row)).toMatchObject({ grade: "优秀", reasons: ["AFFIRMED"] });
  expect(affirmed.some((p) => at(p.row).composite! < 90)).toBe(true); // affirmation lifted at least one
  expect(out.annual.rows.filter((r) => r.reasons.includes("QUOTA_TIE"))).toHaveLength(2);
  // City cap: +6 capped at +5.
  expect(out.units.rows.find((r) => r.name === "区发改局")!.cityBonus).toBe(5);
  // P of every team and cadre is its unit's total (as is), and no total exceeds 100.
  const totals = new Map(out.units.rows.map((r) => [r.name, r.total]));
  for (const r of sheet(s, SHEETS.annual).rows) expect(r[7]).toBe(totals.get(r[3] as string));
  for (const t of totals.values()) expect(t!).toBeLessThanOrEqual(100);
  // The history plants give the merits they announce.
  const byRow = (row: number) => out.history.cadres.find((c) => c.row === row)!;
  for (const p of s.planted.filter((x) => x.sheet === SHEETS.history)) expect(byRow(p.row).merits).toEqual([Number(/三等功 in (\d{4})/.exec(p.what)![1])]);
}
