// Table shapes (INTERFACES.md §1): which header means which column, in Chinese or English,
// after trimming, case-folding and full-width folding. Columns may come in any order; unknown
// columns are left alone. Each kind's column specs are the one source of its headers and of the
// column names its messages use (a spec's zh/en is the name staff see).
import { CellValue, Finding, RawTable } from "./types";
import { a1, cellText, normalizeText } from "./values";
import { msg, TableName } from "../i18n/messages";

export interface ColumnSpec {
  key: string;
  zh: string;
  en: string;
  /** Further accepted spellings. */
  aliases?: string[];
  required?: boolean;
}

/**
 * What a header row announces. "feedback" is the add-in's own 反馈 sheet (POLICY.md §8): it is not
 * computed, but read back so that the statuses typed into it survive a recompute.
 */
export type TableKind = "annual" | "unit" | "city" | "history" | "examination" | "feedback" | "survey" | "ballots";

export const ANNUAL_COLUMNS: ColumnSpec[] = [
  { key: "id", zh: "编号", en: "ID", required: true },
  { key: "name", zh: "姓名", en: "Name", aliases: ["名称"] },
  { key: "subject", zh: "对象", en: "Subject" },
  { key: "unit", zh: "单位", en: "Unit" },
  { key: "group", zh: "分组", en: "Group" },
  { key: "topLeader", zh: "主要负责人", en: "Top leader" },
  { key: "P", zh: "绩效考核", en: "Performance", required: true },
  { key: "D", zh: "民主测评", en: "Democratic", required: true },
  { key: "L", zh: "领导评价", en: "Leader evaluation", required: true },
  { key: "S", zh: "民意调查", en: "Survey", required: true },
  { key: "B", zh: "党建成效", en: "Party building", required: true },
  { key: "political", zh: "政治素质", en: "Political quality", required: true },
  { key: "circular", zh: "通报批评", en: "Circular" },
  { key: "incentive", zh: "真抓实干激励", en: "Incentive" },
  { key: "manualGrade", zh: "拟定等次", en: "Proposed grade" },
];

/** The columns compute ranking writes, left to right (INTERFACES.md §1a). */
export const ANNUAL_RESULT_COLUMNS: ColumnSpec[] = [
  { key: "composite", zh: "综合得分", en: "Composite" },
  { key: "rank", zh: "排名", en: "Rank" },
  { key: "grade", zh: "等次", en: "Grade" },
  { key: "reasons", zh: "说明", en: "Reasons" },
];

/** An extra result column of the annual table: the P taken from the unit totals for a blank P cell (--fill-performance). */
export const PERFORMANCE_FILLED_COLUMN: ColumnSpec = { key: "filledP", zh: "绩效考核（取自单位总分）", en: "Performance (from unit totals)" };
/** An extra result column of the annual table under 折算 (performance.mode "convert"): the converted P each composite used (POLICY.md §3). */
export const PERFORMANCE_CONVERTED_COLUMN: ColumnSpec = { key: "convertedP", zh: "绩效考核（折算）", en: "Performance (converted)" };

export const UNIT_COLUMNS: ColumnSpec[] = [
  { key: "id", zh: "编号", en: "ID", required: true },
  { key: "name", zh: "名称", en: "Name", aliases: ["单位", "单位名称", "Unit"], required: true },
  { key: "group", zh: "分组", en: "Group" },
  { key: "H", zh: "幸福感", en: "Happiness", required: true },
  { key: "S", zh: "满意度", en: "Satisfaction", required: true },
  { key: "A", zh: "安全感", en: "Security", required: true },
];

export const UNIT_RESULT_COLUMNS: ColumnSpec[] = [
  { key: "minping", zh: "民评得分", en: "Public evaluation" },
  { key: "cityAdjustment", zh: "市考加扣分", en: "City adjustment" },
  { key: "total", zh: "总分", en: "Total" },
  { key: "rank", zh: "排名", en: "Rank" },
];

export const CITY_COLUMNS: ColumnSpec[] = [
  { key: "id", zh: "编号", en: "ID", required: true },
  { key: "indicator", zh: "指标名称", en: "Indicator", required: true },
  { key: "lead", zh: "牵头单位", en: "Lead unit", required: true },
  { key: "outcome", zh: "考核结果", en: "Outcome", required: true },
  { key: "note", zh: "说明", en: "Note" },
];

/**
 * The grade history (历年等次, INTERFACES.md §1d): one row per cadre and year. 任现职级年度 and
 * 基本任职年限 are optional per-cadre columns for the tenure (read from the cadre's latest row that has one).
 */
export const HISTORY_COLUMNS: ColumnSpec[] = [
  { key: "id", zh: "编号", en: "ID", required: true },
  { key: "year", zh: "年度", en: "Year", required: true },
  { key: "grade", zh: "等次", en: "Grade", required: true },
  { key: "name", zh: "姓名", en: "Name" },
  { key: "rankSince", zh: "任现职级年度", en: "In rank since", aliases: ["任现职级时间", "Rank since"] },
  { key: "baseTenure", zh: "基本任职年限", en: "Base tenure", aliases: ["晋升基本年限", "Base tenure years"] },
];

/** The 历年奖励 sheet's columns per cadre, left to right (POLICY.md §6): what the history gives. */
export const HISTORY_RESULT_COLUMNS: ColumnSpec[] = [
  { key: "id", zh: "编号", en: "ID" },
  { key: "name", zh: "姓名", en: "Name" },
  { key: "years", zh: "考核年度", en: "Years" },
  { key: "excellentList", zh: "优秀年度", en: "Excellent years" },
  { key: "excellentYears", zh: "任现职级以来优秀年数", en: "Excellent years in rank" },
  { key: "merits", zh: "记三等功年度", en: "Third-class merit years" },
  { key: "rankSince", zh: "任现职级年度", en: "In rank since" },
  { key: "baseTenure", zh: "基本任职年限", en: "Base tenure" },
  { key: "tenure", zh: "晋升所需任职年限", en: "Required tenure" },
];

/**
 * Political-construction examination records (政治建设考察, POLICY.md §7): one row per examination,
 * 单位 Unit and 考察年度 Year required; further columns (考察组, 备注 …) are left alone.
 */
export const EXAMINATION_COLUMNS: ColumnSpec[] = [
  { key: "unit", zh: "单位", en: "Unit", aliases: ["单位名称", "被考察单位"], required: true },
  { key: "year", zh: "考察年度", en: "Year", aliases: ["考察年份", "Examination year"], required: true },
];

/**
 * Raw survey answers (民意调查, POLICY.md §11; INTERFACES.md §1f): one row per questionnaire, the unit
 * surveyed (its 编号 or 名称 in the unit table) and one answer per index (a level word or 0–100).
 */
export const SURVEY_COLUMNS: ColumnSpec[] = [
  { key: "questionnaire", zh: "问卷编号", en: "Questionnaire", aliases: ["问卷号", "Questionnaire ID"] },
  { key: "unit", zh: "单位", en: "Unit", aliases: ["考核对象", "被调查单位", "调查单位"], required: true },
  { key: "H", zh: "幸福感", en: "Happiness", required: true },
  { key: "S", zh: "满意度", en: "Satisfaction", required: true },
  { key: "A", zh: "安全感", en: "Security", required: true },
];

/**
 * Democratic-evaluation ballots (民主测评票, POLICY.md §11; INTERFACES.md §1g): one row per ballot and
 * subject, the subject (an 编号 or 姓名 of the annual table) and the choice (好/较好/一般/差 …).
 */
export const BALLOT_COLUMNS: ColumnSpec[] = [
  { key: "ballot", zh: "票号", en: "Ballot", aliases: ["选票编号", "Ballot ID"] },
  { key: "subject", zh: "测评对象", en: "Subject", aliases: ["被测评人", "被测评对象"], required: true },
  { key: "choice", zh: "评价", en: "Choice", aliases: ["测评意见", "评价意见", "Rating"], required: true },
];

/**
 * The result columns a fill adds (POLICY.md §11): the index or D taken from the raw answers, beside the
 * blank input cell, which itself is never written. Never read as input columns.
 */
export const SURVEY_FILL_COLUMNS: ColumnSpec[] = [
  { key: "filledH", zh: "幸福感（取自民意调查）", en: "Happiness (from the survey)" },
  { key: "filledS", zh: "满意度（取自民意调查）", en: "Satisfaction (from the survey)" },
  { key: "filledA", zh: "安全感（取自民意调查）", en: "Security (from the survey)" },
];
export const BALLOT_FILL_COLUMN: ColumnSpec = { key: "filledD", zh: "民主测评（取自测评票）", en: "Democratic (from the ballots)" };

/** The 反馈 sheet's columns, left to right (POLICY.md §8). */
export const FEEDBACK_COLUMNS: ColumnSpec[] = [
  { key: "id", zh: "编号", en: "ID" },
  { key: "unit", zh: "单位", en: "Unit", aliases: ["名称", "Name"] },
  { key: "group", zh: "分组", en: "Group" },
  { key: "total", zh: "总分", en: "Total" },
  { key: "rank", zh: "组内排名", en: "Rank in group" },
  { key: "minpingRank", zh: "民评排名", en: "Public-evaluation rank" },
  { key: "indicatorId", zh: "指标编号", en: "Indicator ID" },
  { key: "indicator", zh: "扣分指标", en: "Deduction indicator" },
  { key: "points", zh: "扣分", en: "Points" },
  { key: "reason", zh: "扣分原因", en: "Reason" },
  { key: "feedbackDate", zh: "反馈日期", en: "Feedback date" },
  { key: "deadline", zh: "整改期限", en: "Deadline" },
  { key: "status", zh: "状态", en: "Status" },
  { key: "overdue", zh: "逾期", en: "Overdue" },
];

/** Every table kind, so that a kind added to TableKind is added here too (the compiler says so). */
const KIND_SPECS = {
  annual: { input: ANNUAL_COLUMNS, results: ANNUAL_RESULT_COLUMNS },
  unit: { input: UNIT_COLUMNS, results: UNIT_RESULT_COLUMNS },
  city: { input: CITY_COLUMNS, results: [] },
  history: { input: HISTORY_COLUMNS, results: [] },
  examination: { input: EXAMINATION_COLUMNS, results: [] },
  feedback: { input: FEEDBACK_COLUMNS, results: [] },
  survey: { input: SURVEY_COLUMNS, results: [] },
  ballots: { input: BALLOT_COLUMNS, results: [] },
} satisfies Record<TableKind, { input: ColumnSpec[]; results: ColumnSpec[] }>;

export const TABLE_KINDS = Object.keys(KIND_SPECS) as TableKind[];

export function specsFor(kind: TableKind): { input: ColumnSpec[]; results: ColumnSpec[] } {
  return KIND_SPECS[kind];
}

/** A column's spec by key, as the one source of its name in messages (a programming error if absent). */
export function specByKey(specs: readonly ColumnSpec[]): Record<string, ColumnSpec> {
  return Object.fromEntries(specs.map((s) => [s.key, s]));
}

export function headerKey(h: CellValue): string {
  return normalizeText(cellText(h));
}

/** A spec's accepted spellings as compared (normalizeText). */
export function spellings(spec: ColumnSpec): string[] {
  return [spec.zh, spec.en, ...(spec.aliases ?? [])].map(normalizeText);
}

// A qualifier after the core word: a bracketed note ("（60%）", "(分)", "【必填】"), a weight ("60%"),
// or a unit after a separator ("/分", "- points"). Full-width brackets are folded to ( ) by normalizeText.
const BRACKETED = /\s*[([【〔][^()[\]【】〔〕]*[)\]】〕]\s*$/;
const WEIGHT = /\s*[:：/_-]?\s*\d+(?:\.\d+)?\s*%$/;
const UNIT_WORD = /\s*[:：/_-]\s*(?:分|分值|points?|pts)$/;

/**
 * The core word of a normalized header: "绩效考核(60%)" → "绩效考核", "党建成效(分)" → "党建成效",
 * "performance 60%" → "performance". A header without a qualifier is its own core.
 */
export function headerCore(key: string): string {
  let k = key;
  for (let i = 0; i < 3; i++) {
    const next = k.replace(BRACKETED, "").replace(WEIGHT, "").replace(UNIT_WORD, "").trim();
    if (next === k || next === "") break;
    k = next;
  }
  return k;
}

let resultSpellings: Set<string> | null = null;
/** Headers the add-in writes (every kind's result columns): never read as a qualified input header. */
function isResultHeader(key: string): boolean {
  if (!resultSpellings) {
    resultSpellings = new Set([PERFORMANCE_FILLED_COLUMN, PERFORMANCE_CONVERTED_COLUMN, ...SURVEY_FILL_COLUMNS, BALLOT_FILL_COLUMN, ...TABLE_KINDS.flatMap((k) => KIND_SPECS[k].results)].flatMap(spellings));
  }
  return resultSpellings.has(key);
}

export interface ColumnMatch {
  /** key → 0-based column index within the table. */
  columns: Record<string, number>;
  /** keys whose header appears more than once, with every index. */
  duplicates: { key: string; indices: number[] }[];
  /** required keys with no column. */
  missing: string[];
}

/**
 * Match a header row against a table's column specs. A header names a column exactly (after
 * folding) or by its core word with a qualifier ("绩效考核（60%）"); an exact header wins over
 * qualified ones, and the add-in's own result headers ("绩效考核（取自单位总分）") are never inputs.
 */
export function matchColumns(headers: readonly CellValue[], specs: readonly ColumnSpec[]): ColumnMatch {
  const columns: Record<string, number> = {};
  const found = new Map<string, number[]>();
  const normalized = headers.map(headerKey);
  const names = specs.map(spellings);
  const exactOf = (h: string) => h !== "" && names.some((n) => n.includes(h));
  const cores = normalized.map((h) => (h === "" || exactOf(h) || isResultHeader(h) ? "" : headerCore(h)));
  specs.forEach((spec, s) => {
    const exact: number[] = [];
    const qualified: number[] = [];
    normalized.forEach((h, i) => {
      if (h === "") return;
      if (names[s].includes(h)) exact.push(i);
      else if (cores[i] !== "" && cores[i] !== h && names[s].includes(cores[i])) qualified.push(i);
    });
    const idx = exact.length ? exact : qualified;
    if (idx.length) {
      found.set(spec.key, idx);
      columns[spec.key] = idx[0];
    }
  });
  const duplicates = [...found.entries()].filter(([, idx]) => idx.length > 1).map(([key, indices]) => ({ key, indices }));
  const missing = specs.filter((s) => s.required && !(s.key in columns)).map((s) => s.key);
  return { columns, duplicates, missing };
}

/**
 * MISSING_COLUMN and DUPLICATE_COLUMN findings of a table whose header row was matched against
 * `specs`: the column names are the kind's own (a unit table misses 满意度, not the annual 民意调查).
 */
export function columnFindings(table: RawTable, match: ColumnMatch, kind: TableName, specs: readonly ColumnSpec[]): Finding[] {
  const sheet = table.sheet;
  const spec = specByKey(specs);
  const out: Finding[] = [];
  for (const key of match.missing) {
    out.push({ code: "MISSING_COLUMN", severity: "error", sheet, row: table.headerRow, column: key, message: msg.missingColumn(kind, spec[key]) });
  }
  for (const d of match.duplicates) {
    const cells = d.indices.map((i) => a1(table.headerRow, table.firstColumn + i));
    out.push({ code: "DUPLICATE_COLUMN", severity: "error", sheet, row: table.headerRow, cell: cells[1], column: d.key, message: msg.duplicateColumn(kind, spec[d.key], cells) });
  }
  return out;
}

/** A table's columns as one kind reads them: where each is, what is wrong with them, the cell of a row. */
export interface TableColumns {
  /** key → 0-based column index within the table. */
  columns: Record<string, number>;
  /** MISSING_COLUMN and DUPLICATE_COLUMN findings (columnFindings). */
  findings: Finding[];
  /** No required column is missing and none is doubled: the rows can be read. */
  usable: boolean;
  /** The A1 address of data row i's cell in column `key`, undefined when the table has no such column. */
  cellOf: (i: number, key: string) => string | undefined;
}

/** The columns of a table of kind `kind` (its specs), with the findings that make it unreadable. */
export function readColumns(table: RawTable, kind: TableName, specs: readonly ColumnSpec[]): TableColumns {
  const match = matchColumns(table.headers, specs);
  const col = match.columns;
  return {
    columns: col,
    findings: columnFindings(table, match, kind, specs),
    usable: match.missing.length === 0 && match.duplicates.length === 0,
    cellOf: (i, key) => (key in col ? a1(table.headerRow + 1 + i, table.firstColumn + col[key]) : undefined),
  };
}

/** Indicator columns of a unit performance table: headers ending in 得分 or "points" (not result columns). */
export function indicatorColumns(headers: readonly CellValue[]): number[] {
  const out: number[] = [];
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (!k || isResultHeader(k)) return;
    const core = headerCore(k);
    if (core.endsWith("得分") || core.endsWith("points")) out.push(i);
  });
  return out;
}

let columnWords: Set<string> | null = null;
/** Longer than any column name with its qualifiers. */
const MAX_HEADER_LENGTH = 200;
/**
 * Is this text a column name of any kind (exactly, or by its core word)? A row without one cannot
 * be a header row: the locator asks this before detectTableKind, which costs more.
 */
export function isColumnName(v: CellValue): boolean {
  // No column name is long, even with its qualifiers: a cell of thousands of characters is not folded to find out.
  if (typeof v !== "string" || v.length > MAX_HEADER_LENGTH) return false;
  if (!columnWords) columnWords = new Set(TABLE_KINDS.flatMap((k) => KIND_SPECS[k].input.flatMap(spellings)));
  const k = headerKey(v);
  return columnWords.has(k) || columnWords.has(headerCore(k));
}

/** Labels of a row that totals or averages a table (compared without spaces or a trailing colon). */
const SUMMARY_LABELS = new Set(["合计", "总计", "小计", "汇总", "总和", "平均", "平均分", "平均值", "均值", "total", "totals", "grandtotal", "subtotal", "sum", "average", "mean", "avg"]);

/** Is this cell the label of a totals or average row (合计, 平 均 分, Total:)? */
export function isSummaryLabel(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  return SUMMARY_LABELS.has(normalizeText(v).replace(/[\s:：]/g, ""));
}

/**
 * Of the kinds of table, the one a header row comes closest to (the most of its columns present, then
 * the largest share of its required ones; the annual table first among equals), with the columns it
 * has and the required ones it misses.
 */
export function closestKind(headers: readonly CellValue[]): { kind: TableKind; found: ColumnSpec[]; missing: ColumnSpec[] } {
  let best: { kind: TableKind; found: ColumnSpec[]; missing: ColumnSpec[]; share: number } | null = null;
  for (const kind of TABLE_KINDS) {
    if (kind === "feedback") continue; // the add-in's own sheet: never what a user is missing
    const specs = KIND_SPECS[kind].input;
    const m = matchColumns(headers, specs);
    const required = specs.filter((s) => s.required);
    const share = (required.length - m.missing.length) / required.length;
    const found = specs.filter((s) => s.key in m.columns);
    if (!best || found.length > best.found.length || (found.length === best.found.length && share > best.share)) {
      best = { kind, found, missing: required.filter((s) => m.missing.includes(s.key)), share };
    }
  }
  const { kind, found, missing } = best as NonNullable<typeof best>;
  return { kind, found, missing };
}

const has = (headers: readonly CellValue[], specs: ColumnSpec[], keys: string[]) => {
  const m = matchColumns(headers, specs);
  return keys.every((k) => k in m.columns);
};

/** Headers that make 单位 + 幸福感/满意度/安全感 a unit table rather than survey answers (INTERFACES.md §1f). */
const UNIT_NAME_HEADERS = ["名称", "name", "单位名称"];

/** Headers that make a table something else even when it has 单位 and a year (an annual or history table). */
const NOT_EXAMINATION = new Set(["绩效考核", "performance", "等次", "grade", "年度"]);
/** The examination year's own names: they announce examination records even without a 单位 column. */
const EXAMINATION_YEAR = new Set(["考察年度", "考察年份", "examination year"]);

/**
 * Which kind of table a header row announces, or null if none. Each kind is recognised by the
 * columns that set it apart, fewer than it requires where that is safe, so that a table missing a
 * required column is still found and told what it misses (a history table without 编号, examination
 * records without 单位).
 */
export function detectTableKind(headers: readonly CellValue[]): TableKind | null {
  if (has(headers, ANNUAL_COLUMNS, ["P", "D"]) || has(headers, ANNUAL_COLUMNS, ["P", "political"])) return "annual";
  if (has(headers, BALLOT_COLUMNS, ["subject", "choice"])) return "ballots";
  // Survey answers: 单位 and the three indices, without the unit table's 名称 or own indicator columns.
  if (has(headers, SURVEY_COLUMNS, ["unit", "H", "S", "A"]) && !headers.some((h) => UNIT_NAME_HEADERS.includes(headerKey(h))) && indicatorColumns(headers).length === 0) return "survey";
  if (has(headers, UNIT_COLUMNS, ["H", "S", "A"])) return "unit";
  if (has(headers, CITY_COLUMNS, ["lead", "outcome"])) return "city";
  if (has(headers, HISTORY_COLUMNS, ["year", "grade"])) return "history";
  if (has(headers, FEEDBACK_COLUMNS, ["indicator", "deadline", "status"])) return "feedback";
  const cores = headers.map((h) => headerCore(headerKey(h)));
  if (cores.some((k) => NOT_EXAMINATION.has(k))) return null;
  if (has(headers, EXAMINATION_COLUMNS, ["unit", "year"]) || cores.some((k) => EXAMINATION_YEAR.has(k))) return "examination";
  return null;
}
