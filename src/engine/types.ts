// The engine's public vocabulary. The engine knows nothing of Excel, the DOM or Node:
// it takes plain cell values and a policy, and returns results and findings.

/** An error value in a cell (#N/A, #DIV/0!, …), as adapters hand it over. */
export interface CellError {
  error: string;
}

/** One cell's value as read from any host. Blank cells are null, undefined or "". */
export type CellValue = string | number | boolean | Date | CellError | null | undefined;

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellError).error === "string";
}

/** A table as the engine sees it: a header row and data rows, plus where it sits on its sheet. */
export interface RawTable {
  sheet?: string;
  /** Table (ListObject) name when the block is an Excel Table. */
  name?: string;
  headers: CellValue[];
  rows: CellValue[][];
  /** 1-based worksheet row of the header row; data row i sits on headerRow + 1 + i. */
  headerRow: number;
  /** 1-based worksheet column of the table's first column. */
  firstColumn: number;
}

export type Severity = "error" | "warning";

export type FindingCode =
  | "WEIGHTS_SUM"
  | "OUT_OF_RANGE"
  | "NOT_A_NUMBER"
  | "MISSING"
  | "DUPLICATE_ID"
  | "UNKNOWN_VALUE"
  | "AFFIRM_NOT_TOP_LEADER"
  | "AFFIRM_VETO_CONFLICT"
  | "CITY_INDICATOR_LEAD"
  | "MANUAL_GRADE_CONFLICT"
  | "QUOTA_TIE"
  | "QUOTA_EXCEEDED_BY_AFFIRMATION"
  | "POLICY_INVALID"
  | "MISSING_COLUMN"
  | "DUPLICATE_COLUMN"
  | "UNKNOWN_GROUP"
  /** A survey index of a unit computed from fewer answers than policy.survey.smallSample (warning, POLICY.md §11). */
  | "SMALL_SAMPLE"
  | "CONVERT_BEST_ZERO"
  | "SUMMARY_ROW";

export interface Message {
  zh: string;
  en: string;
}

/** One validation finding: stable code, severity, where, and a sentence in both languages. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet?: string;
  /** 1-based worksheet row, when the finding is about a row. */
  row?: number;
  /** A1 address of the cell, when the finding is about one cell. */
  cell?: string;
  /** Column key (P, D, political, …) when the finding is about one column. */
  column?: string;
  /** Pool key when the finding is about a whole pool (quota findings). */
  pool?: string;
  message: Message;
}

/** Why a grade is what it is (POLICY.md §4). Tests assert codes; the UI shows sentences. */
export type ReasonCode =
  | "INVALID"
  | "POLITICAL_FAIL"
  | "VETO"
  | "POLITICAL_NOT_SOLID"
  | "AFFIRMED"
  | "AFFIRM_VETO_CONFLICT"
  | "AFFIRM_NOT_TOP_LEADER"
  | "QUOTA"
  | "QUOTA_TIE";

export type SubjectKind = "team" | "cadre" | "unit";
export type PoliticalQuality = "solid" | "qualified" | "unqualified";
export type CircularLevel = "none" | "belowDistrict" | "veto";

/** Row highlight class in the sheet (INTERFACES.md §3): veto red, affirmed green, quota amber, invalid grey. */
export type Highlight = "veto" | "affirmed" | "quota" | "invalid";

export type ComponentKey = "P" | "D" | "L" | "S" | "B";
export const COMPONENT_KEYS: readonly ComponentKey[] = ["P", "D", "L", "S", "B"];
