// Shared first half of compute and validate: find the tables, read each once, run its engine.
// Nothing is written here (POLICY.md §9: validation runs over the whole input before anything is written).
import type { TableKind } from "../engine/headers";
import type { Policy } from "../engine/policy";
import type { Finding } from "../engine/types";
import type { TableRef, WorkbookPort } from "../workbook/port";
import { processTable, TableResult } from "./kinds";

export interface Analysis {
  /** Every table found, in sheet order. */
  found: TableRef[];
  /** Tables computed. */
  tables: TableResult[];
  /** Tables found but not computed (kinds without an engine yet, unrecognised ListObjects). */
  skipped: TableRef[];
  /** Findings of all computed tables, table by table, row by row. */
  findings: Finding[];
}

export interface AnalyzeOptions {
  /** Only these kinds (default: every kind that has an engine). */
  kinds?: readonly TableKind[];
}

export async function analyzeWorkbook(port: WorkbookPort, policy: Policy, options: AnalyzeOptions = {}): Promise<Analysis> {
  const found = await port.listTables();
  const tables: TableResult[] = [];
  const skipped: TableRef[] = [];
  for (const ref of found) {
    if (ref.kind === null || (options.kinds && !options.kinds.includes(ref.kind))) {
      skipped.push(ref);
      continue;
    }
    const raw = await port.readTable(ref);
    const result = processTable(ref, raw, policy);
    if (result) tables.push(result);
    else skipped.push(ref);
  }
  return { found, tables, skipped, findings: tables.flatMap((t) => t.findings) };
}

export function countSeverities(findings: readonly Finding[]): { errors: number; warnings: number } {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}
