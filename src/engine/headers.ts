// Table shapes (INTERFACES.md §1): which header means which column, in Chinese or English,
// after trimming, case-folding and full-width folding. Columns may come in any order; unknown
// columns are left alone.
import { CellValue } from "./types";
import { cellText, normalizeText } from "./values";

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

/** The extra result column of the annual table: the P used, when it was taken from the unit totals or 折算 (POLICY.md §3). */
export const PERFORMANCE_USED_COLUMN: ColumnSpec = { key: "filledP", zh: "绩效考核（取自单位总分）", en: "Performance (from unit totals)" };

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

export const HISTORY_COLUMNS: ColumnSpec[] = [
  { key: "id", zh: "编号", en: "ID", required: true },
  { key: "year", zh: "年度", en: "Year", required: true },
  { key: "grade", zh: "等次", en: "Grade", required: true },
  { key: "name", zh: "姓名", en: "Name" },
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

/** Headers that make a table something else even when it has 单位 and a year (an annual or history table). */
const NOT_EXAMINATION = ["绩效考核", "performance", "等次", "grade", "年度"];

export function headerKey(h: CellValue): string {
  return normalizeText(cellText(h));
}

function spellings(spec: ColumnSpec): string[] {
  return [spec.zh, spec.en, ...(spec.aliases ?? [])].map(normalizeText);
}

export interface ColumnMatch {
  /** key → 0-based column index within the table. */
  columns: Record<string, number>;
  /** keys whose header appears more than once, with every index. */
  duplicates: { key: string; indices: number[] }[];
  /** required keys with no column. */
  missing: string[];
}

/** Match a header row against a table's column specs. */
export function matchColumns(headers: readonly CellValue[], specs: readonly ColumnSpec[]): ColumnMatch {
  const columns: Record<string, number> = {};
  const found = new Map<string, number[]>();
  const normalized = headers.map(headerKey);
  for (const spec of specs) {
    const names = spellings(spec);
    const idx: number[] = [];
    normalized.forEach((h, i) => {
      if (h !== "" && names.includes(h)) idx.push(i);
    });
    if (idx.length) {
      found.set(spec.key, idx);
      columns[spec.key] = idx[0];
    }
  }
  const duplicates = [...found.entries()].filter(([, idx]) => idx.length > 1).map(([key, indices]) => ({ key, indices }));
  const missing = specs.filter((s) => s.required && !(s.key in columns)).map((s) => s.key);
  return { columns, duplicates, missing };
}

/** Indicator columns of a unit performance table: headers ending in 得分 or "points" (not result columns). */
export function indicatorColumns(headers: readonly CellValue[]): number[] {
  const results = new Set([...UNIT_RESULT_COLUMNS, ...SURVEY_FILL_COLUMNS].flatMap(spellings));
  const out: number[] = [];
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (!k || results.has(k)) return;
    if (k.endsWith("得分") || k.endsWith("points")) out.push(i);
  });
  return out;
}

const has = (headers: readonly CellValue[], specs: ColumnSpec[], keys: string[]) => {
  const m = matchColumns(headers, specs);
  return keys.every((k) => k in m.columns);
};

/** Headers that make 单位 + 幸福感/满意度/安全感 a unit table rather than survey answers (INTERFACES.md §1f). */
const UNIT_NAME_HEADERS = ["名称", "name", "单位名称"];

/** Which kind of table a header row announces, or null if none. */
export function detectTableKind(headers: readonly CellValue[]): TableKind | null {
  if (has(headers, ANNUAL_COLUMNS, ["P", "D"]) || has(headers, ANNUAL_COLUMNS, ["P", "political"])) return "annual";
  if (has(headers, BALLOT_COLUMNS, ["subject", "choice"])) return "ballots";
  // Survey answers: 单位 and the three indices, without the unit table's 名称 or own indicator columns.
  if (has(headers, SURVEY_COLUMNS, ["unit", "H", "S", "A"]) && !headers.some((h) => UNIT_NAME_HEADERS.includes(headerKey(h))) && indicatorColumns(headers).length === 0) return "survey";
  if (has(headers, UNIT_COLUMNS, ["H", "S", "A"])) return "unit";
  if (has(headers, CITY_COLUMNS, ["lead", "outcome"])) return "city";
  if (has(headers, HISTORY_COLUMNS, ["id", "year", "grade"])) return "history";
  if (has(headers, FEEDBACK_COLUMNS, ["indicator", "deadline", "status"])) return "feedback";
  if (has(headers, EXAMINATION_COLUMNS, ["unit", "year"]) && !headers.some((h) => NOT_EXAMINATION.includes(headerKey(h)))) return "examination";
  return null;
}

export function specsFor(kind: TableKind): { input: ColumnSpec[]; results: ColumnSpec[] } {
  switch (kind) {
    case "annual":
      return { input: ANNUAL_COLUMNS, results: ANNUAL_RESULT_COLUMNS };
    case "unit":
      return { input: UNIT_COLUMNS, results: UNIT_RESULT_COLUMNS };
    case "city":
      return { input: CITY_COLUMNS, results: [] };
    case "history":
      return { input: HISTORY_COLUMNS, results: [] };
    case "examination":
      return { input: EXAMINATION_COLUMNS, results: [] };
    case "feedback":
      return { input: FEEDBACK_COLUMNS, results: [] };
    case "survey":
      return { input: SURVEY_COLUMNS, results: [] };
    case "ballots":
      return { input: BALLOT_COLUMNS, results: [] };
  }
}
