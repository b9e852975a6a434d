// Raw survey answers → the survey indices of each unit (民意调查, POLICY.md §11):
//   one row per questionnaire: the unit surveyed and one answer per index (幸福感 H, 满意度 S, 安全感 A),
//   a level word (非常幸福 … worth 100/80/60/40/0 by default) or a score 0–100;
//   不清楚 / 不了解 / blank = no answer (not counted); any other answer is UNKNOWN_VALUE on its cell and
//   the questionnaire's other answers still count;
//   index = exact mean of a unit's counted answers, rounded half-up to the policy's decimals;
//   fewer than policy.survey.smallSample counted answers → SMALL_SAMPLE (warning); none → MISSING.
// A computed index fills only a blank cell of the unit table (fillSurvey); a typed value is never replaced.
// Host-free; linear in the rows, with each distinct answer text and unit text decoded once.
import { Big, roundToNumber, SCALE, toScaled } from "./decimal";
import { matchColumns, readColumns, SURVEY_COLUMNS, UNIT_COLUMNS } from "./headers";
import { Policy, SurveyIndexKey, SURVEY_INDEX_KEYS } from "./policy";
import { CellValue, Finding, FindingCode, isCellError, Message, RawTable, Severity } from "./types";
import { UnitDirectory } from "./unit";
import { a1, cellText, isBlank, isBlankRow, keyHash, normalizeText, pairHash, readNumber, repeatedGroups, truncate } from "./values";
import { surveyMsg } from "../i18n/survey";

/** One index of one unit: what its answers were and the index they give. */
export interface SurveyTally {
  /** Answers counted: level words and scores. */
  counted: number;
  /** Count per level of policy.survey.levels, best first. */
  levels: number[];
  /** Answers given as a score 0–100. */
  numeric: number;
  /** Blank or a no-answer word (不清楚, 不了解): not counted, not an error. */
  noAnswer: number;
  /** Answers not understood (UNKNOWN_VALUE) or outside 0–100 (OUT_OF_RANGE): reported, not counted. */
  invalid: number;
  /** The mean of the counted answers, rounded half-up to policy.rounding.decimals; null when none was counted. */
  value: number | null;
  /** 0 < counted < policy.survey.smallSample. */
  smallSample: boolean;
}

export interface SurveyUnit {
  /** Index into the unit list given to computeSurvey (a data-row index of the unit table); null without a list. */
  unitIndex: number | null;
  /** The unit's 编号 in the unit table ("" without a list). */
  unitId: string;
  /** The unit's 名称 in the unit table, or the text of its first questionnaire without a list. */
  unit: string;
  /** Worksheet row of the unit's first questionnaire. */
  row: number;
  /** Questionnaires counted for the unit (repeated questionnaire numbers counted once). */
  questionnaires: number;
  indices: Record<SurveyIndexKey, SurveyTally>;
}

export interface SurveyOutcome {
  kind: "survey";
  /** key → 0-based column index of the survey table's columns found. */
  columns: Record<string, number>;
  /** False when a required column is missing or doubled: nothing is counted. */
  usable: boolean;
  /** The units surveyed: in the unit list's order when one was given, else in order of first appearance. */
  units: SurveyUnit[];
  /** Non-blank questionnaire rows. */
  questionnaires: number;
  findings: Finding[];
}

/** A unit as the survey names it: by 编号 or 名称 (matched as for --fill-performance). */
export interface UnitKey {
  id?: string;
  name: string;
}

/** The units of a unit table, one per data row (blank rows give an entry that matches nothing). */
export function unitListOf(unitTable: RawTable): UnitKey[] {
  const col = matchColumns(unitTable.headers, UNIT_COLUMNS).columns;
  return unitTable.rows.map((cells) => ({ id: "id" in col ? cellText(cells[col.id]) : "", name: "name" in col ? cellText(cells[col.name]) : "" }));
}

// Decoded answer codes: ≥ 0 a level's index; the rest below.
const NO_ANSWER = -1;
const UNKNOWN = -2;
const SCORE = -3;
const OUT_OF_RANGE = -4;

/** Distinct answer texts cached per column; a column of free text must not fill memory. */
const CACHE_LIMIT = 4096;

/** One index's answers decoded to a code (a level's index, or NO_ANSWER …): each distinct text once. */
class AnswerReader {
  private readonly words = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  private readonly scores = new Map<string, number>();
  /** The score of the last answer read as SCORE or OUT_OF_RANGE. */
  score = 0;

  constructor(
    levels: readonly { words: readonly string[] }[],
    noAnswer: readonly string[],
  ) {
    levels.forEach((l, i) => l.words.forEach((w) => this.words.set(normalizeText(w), i)));
    for (const w of noAnswer) this.words.set(normalizeText(w), NO_ANSWER);
  }

  read(v: CellValue): number {
    if (typeof v === "number") return this.number(v);
    if (typeof v !== "string") return isBlank(v) ? NO_ANSWER : UNKNOWN;
    let code = this.seen.get(v);
    if (code === undefined) {
      code = this.decode(v);
      if (this.seen.size < CACHE_LIMIT) {
        this.seen.set(v, code);
        if (code === SCORE || code === OUT_OF_RANGE) this.scores.set(v, this.score);
      }
    } else if (code === SCORE || code === OUT_OF_RANGE) this.score = this.scores.get(v) as number;
    return code;
  }

  private number(v: number): number {
    if (!Number.isFinite(v)) return UNKNOWN;
    this.score = Object.is(v, -0) ? 0 : v;
    return this.score >= 0 && this.score <= 100 ? SCORE : OUT_OF_RANGE;
  }

  private decode(s: string): number {
    if (isBlank(s)) return NO_ANSWER;
    const w = this.words.get(normalizeText(s));
    if (w !== undefined) return w;
    const r = readNumber(s);
    return r.ok ? this.number(r.value) : UNKNOWN;
  }
}

/** A unit's running counts for one index. */
class Tally {
  counted = 0;
  numeric = 0;
  noAnswer = 0;
  invalid = 0;
  readonly levels: number[];
  /** Σ scores in exact 1/10000ths, and the scores with more decimals (rare) exactly. */
  scaled = 0;
  extra: Big | null = null;

  constructor(levels: number) {
    this.levels = new Array<number>(levels).fill(0);
  }

  addScore(x: number) {
    this.counted++;
    this.numeric++;
    const k = toScaled(x);
    if (k !== null) this.scaled += k;
    else this.extra = (this.extra ?? new Big(0)).plus(new Big(x));
  }

  /** The exact mean, rounded half-up; null when nothing was counted. */
  index(points: readonly number[], decimals: number): number | null {
    if (this.counted === 0) return null;
    let sum = new Big(this.scaled).div(SCALE);
    this.levels.forEach((n, i) => {
      if (n) sum = sum.plus(new Big(points[i]).times(n));
    });
    if (this.extra) sum = sum.plus(this.extra);
    return roundToNumber(sum.div(this.counted), decimals);
  }
}

interface Acc {
  unitIndex: number | null;
  unitId: string;
  unit: string;
  row: number;
  /** Cell of the unit on its first row, for the unit's own findings. */
  cell: string;
  questionnaires: number;
  tallies: Tally[];
}

/**
 * Count a survey table per unit. `units` is the unit table's list (unitListOf): questionnaires are
 * matched to it by ID or name, and one naming a unit not in it is UNKNOWN_VALUE and not counted.
 * Without a list (null) every unit is taken as written.
 */
export function computeSurvey(table: RawTable, units: readonly UnitKey[] | null, policy: Policy): SurveyOutcome {
  const findings: Finding[] = [];
  const sheet = table.sheet;
  const { columns: col, findings: columnProblems, usable } = readColumns(table, "survey", SURVEY_COLUMNS);
  findings.push(...columnProblems);
  if (!usable) return { kind: "survey", columns: col, usable, units: [], questionnaires: table.rows.filter((r) => !isBlankRow(r)).length, findings };

  const s = policy.survey;
  const levels = SURVEY_INDEX_KEYS.map((k) => s.levels[k]);
  const points = levels.map((ls) => ls.map((l) => l.points));
  const readers = levels.map((ls) => new AnswerReader(ls, s.noAnswer));
  const levelWords = levels.map((ls) => ls.map((l) => l.words[0]));
  const answerCols = SURVEY_INDEX_KEYS.map((k) => col[k]);
  const unitCol = col.unit;
  const qCol = col.questionnaire;
  const cellAt = (rowNo: number, c: number) => a1(rowNo, table.firstColumn + c);

  const directory = units ? new UnitDirectory(units) : null;
  const accs: Acc[] = [];
  /** Unit text → accumulator index (−1: not in the unit list). */
  const unitOf = new Map<string, number>();
  /** Accumulator by unit-list index, or by normalized text without a list. */
  const accByKey = new Map<number | string, number>();
  const push = (code: FindingCode, severity: Severity, row: number, cell: string | undefined, column: string, message: Message) =>
    findings.push({ code, severity, sheet, row, cell, column, message });

  const accFor = (text: string, rowNo: number): number => {
    let a = unitOf.get(text);
    if (a !== undefined) return a;
    let key: number | string;
    let unitIndex: number | null = null;
    if (directory && units) {
      const u = directory.find(text);
      if (u === undefined) {
        unitOf.set(text, -1);
        return -1;
      }
      key = unitIndex = u;
    } else key = normalizeText(text);
    a = accByKey.get(key);
    if (a === undefined) {
      a = accs.length;
      accByKey.set(key, a);
      const known = unitIndex !== null && units ? units[unitIndex] : null;
      accs.push({
        unitIndex,
        unitId: known?.id ?? "",
        unit: known ? known.name || (known.id ?? "") : text,
        row: rowNo,
        cell: cellAt(rowNo, unitCol),
        questionnaires: 0,
        tallies: levels.map((ls) => new Tally(ls.length)),
      });
    }
    if (unitOf.size < CACHE_LIMIT * 4) unitOf.set(text, a);
    return a;
  };

  // Pass 1: each questionnaire's unit (−1: not counted), and its number's hash for repeats.
  const n = table.rows.length;
  const accOfRow = new Int32Array(n).fill(-1);
  const hashes = qCol === undefined ? null : new Int32Array(n);
  let questionnaires = 0;
  for (let i = 0; i < n; i++) {
    const cells = table.rows[i];
    if (isBlankRow(cells)) continue;
    questionnaires++;
    const rowNo = table.headerRow + 1 + i;
    const unitCell = cells[unitCol];
    if (isBlank(unitCell)) {
      push("MISSING", "error", rowNo, cellAt(rowNo, unitCol), "unit", surveyMsg.unitMissing(cellAt(rowNo, unitCol)));
      continue;
    }
    const unitText = cellText(unitCell);
    const a = accFor(unitText, rowNo);
    if (a < 0) {
      push("UNKNOWN_VALUE", "error", rowNo, cellAt(rowNo, unitCol), "unit", surveyMsg.unitUnknown(cellAt(rowNo, unitCol), truncate(unitText)));
      continue;
    }
    accOfRow[i] = a;
    if (hashes && !isBlank(cells[qCol])) hashes[i] = pairHash(keyHash(cellText(cells[qCol])), a);
  }
  // A questionnaire number seen before for the same unit: a copied row, counted once (the first).
  if (hashes) {
    const keyOf = (i: number) => `${normalizeText(cellText(table.rows[i][qCol]))}\u0000${accOfRow[i]}`;
    for (const group of repeatedGroups(n, hashes, keyOf)) {
      const first = table.headerRow + 1 + group[0];
      for (const i of group.slice(1)) {
        const rowNo = table.headerRow + 1 + i;
        const cell = cellAt(rowNo, qCol);
        push("DUPLICATE_ID", "warning", rowNo, cell, "questionnaire", surveyMsg.duplicateQuestionnaire(cell, truncate(cellText(table.rows[i][qCol])), accs[accOfRow[i]].unit, first));
        accOfRow[i] = -1;
      }
    }
  }

  // Pass 2: count the answers.
  const [hCol, sCol, aCol] = answerCols;
  for (let i = 0; i < n; i++) {
    const a = accOfRow[i];
    if (a < 0) continue;
    const cells = table.rows[i];
    const acc = accs[a];
    acc.questionnaires++;
    count(cells[hCol], 0, acc, i);
    count(cells[sCol], 1, acc, i);
    count(cells[aCol], 2, acc, i);
  }

  function count(v: CellValue, k: number, acc: Acc, i: number) {
    const reader = readers[k];
    const code = reader.read(v);
    const t = acc.tallies[k];
    if (code >= 0) {
      t.counted++;
      t.levels[code]++;
    } else if (code === NO_ANSWER) t.noAnswer++;
    else if (code === SCORE) t.addScore(reader.score);
    else {
      t.invalid++;
      const key = SURVEY_INDEX_KEYS[k];
      const rowNo = table.headerRow + 1 + i;
      const cell = cellAt(rowNo, answerCols[k]);
      if (code === OUT_OF_RANGE) push("OUT_OF_RANGE", "error", rowNo, cell, key, surveyMsg.answerOutOfRange(cell, key, reader.score));
      else push("UNKNOWN_VALUE", "error", rowNo, cell, key, surveyMsg.unknownAnswer(cell, key, truncate(isCellError(v) ? v.error : cellText(v)), levelWords[k], s.noAnswer));
    }
  }

  const decimals = policy.rounding.decimals;
  const out: SurveyUnit[] = accs.map((acc) => {
    const indices = {} as Record<SurveyIndexKey, SurveyTally>;
    SURVEY_INDEX_KEYS.forEach((key, k) => {
      const t = acc.tallies[k];
      const value = t.index(points[k], decimals);
      const smallSample = t.counted > 0 && t.counted < s.smallSample;
      indices[key] = { counted: t.counted, levels: t.levels, numeric: t.numeric, noAnswer: t.noAnswer, invalid: t.invalid, value, smallSample };
      if (value === null) push("MISSING", "error", acc.row, acc.cell, key, surveyMsg.noAnswers(acc.unit, key));
      else if (smallSample) push("SMALL_SAMPLE", "warning", acc.row, acc.cell, key, surveyMsg.smallSample(acc.unit, key, t.counted, s.smallSample));
    });
    return { unitIndex: acc.unitIndex, unitId: acc.unitId, unit: acc.unit, row: acc.row, questionnaires: acc.questionnaires, indices };
  });
  if (units) out.sort((x, y) => (x.unitIndex as number) - (y.unitIndex as number));
  findings.sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
  return { kind: "survey", columns: col, usable, units: out, questionnaires, findings };
}

/** What a fill did to one unit-table row: the indices it filled and those it kept as typed. */
export interface SurveyFillRow {
  /** 0-based data-row index of the unit table. */
  index: number;
  /** Worksheet row. */
  row: number;
  filled: Partial<Record<SurveyIndexKey, number>>;
  /** Indices the survey computed but the unit table already had a value for (never replaced). */
  kept: SurveyIndexKey[];
}

export interface SurveyFill {
  /** A copy of the unit table with its blank H/S/A cells taken from the survey. */
  table: RawTable;
  rows: SurveyFillRow[];
  /** How many cells were filled. */
  cells: number;
}

/**
 * Fill the unit table's blank 幸福感 / 满意度 / 安全感 cells from a survey computed against its unit
 * list (computeSurvey(survey, unitListOf(unitTable), …)). A cell that holds anything — a number, text,
 * an error — is never replaced: it is the user's, and the unit table reports it if it is bad.
 */
export function fillSurvey(unitTable: RawTable, survey: SurveyOutcome): SurveyFill {
  const col = matchColumns(unitTable.headers, UNIT_COLUMNS).columns;
  const rows: SurveyFillRow[] = [];
  const copy = unitTable.rows.slice();
  let cells = 0;
  for (const u of survey.units) {
    if (u.unitIndex === null || u.unitIndex >= copy.length) continue;
    const i = u.unitIndex;
    const r: SurveyFillRow = { index: i, row: unitTable.headerRow + 1 + i, filled: {}, kept: [] };
    let out: CellValue[] | null = null;
    for (const key of SURVEY_INDEX_KEYS) {
      const value = u.indices[key].value;
      const c = col[key];
      if (value === null || c === undefined) continue;
      if (!isBlank(unitTable.rows[i][c])) {
        r.kept.push(key);
        continue;
      }
      out ??= copy[i].slice();
      while (out.length <= c) out.push(null);
      out[c] = value;
      r.filled[key] = value;
      cells++;
    }
    if (out) copy[i] = out;
    rows.push(r);
  }
  return { table: { ...unitTable, rows: copy }, rows, cells };
}
