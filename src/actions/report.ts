// The JSON result of INTERFACES.md §4 (`assess rank --json`): policy name and hash, one entry per
// computed table, every finding. Keys and shapes are a public contract: add, never rename.
import type { TableKind } from "../engine/headers";
import type { Finding, FindingCode, Message, Severity } from "../engine/types";
import type { JsonRow, TableResult } from "./kinds";

export interface JsonFinding {
  code: FindingCode;
  severity: Severity;
  sheet: string | null;
  row: number | null;
  cell: string | null;
  message: Message;
}

export interface JsonTable {
  sheet: string;
  /** Excel Table (ListObject) name, when the table is one. */
  name?: string;
  kind: TableKind;
  rows: JsonRow[];
  /** Kind-specific table fields: an examination table's `coverage`, a unit table's `feedback`. */
  [extra: string]: unknown;
}

export interface JsonReport {
  policy: { name: string; sha256: string };
  tables: JsonTable[];
  findings: JsonFinding[];
}

export function jsonFinding(f: Finding): JsonFinding {
  return { code: f.code, severity: f.severity, sheet: f.sheet ?? null, row: f.row ?? null, cell: f.cell ?? null, message: { zh: f.message.zh, en: f.message.en } };
}

export function buildReport(policy: { name: string; sha256: string }, tables: readonly TableResult[], findings: readonly Finding[]): JsonReport {
  return {
    policy: { name: policy.name, sha256: policy.sha256 },
    tables: tables.map((t) => ({ sheet: t.ref.sheet, ...(t.ref.name ? { name: t.ref.name } : {}), kind: t.kind, rows: t.json, ...t.jsonExtra })),
    findings: findings.map(jsonFinding),
  };
}
