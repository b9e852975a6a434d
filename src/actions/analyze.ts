// Shared first half of compute and validate: find the tables, read each once, run its engine.
// Nothing is written here (POLICY.md §9: validation runs over the whole input before anything is written).
import type { TableKind } from "../engine/headers";
import type { Policy } from "../engine/policy";
import type { Finding } from "../engine/types";
import type { TableRef, WorkbookPort } from "../workbook/port";
import { processTable, TableResult } from "./kinds";
import { ContextOptions, WorkbookContext } from "./scheme";

export interface Analysis {
  /** Every table found, in sheet order. */
  found: TableRef[];
  /** Tables computed. */
  tables: TableResult[];
  /** Tables found but not computed (unrecognised ListObjects, a second city table). */
  skipped: TableRef[];
  /** The add-in's own 反馈 sheets found (read back by the feedback so that their statuses survive). */
  feedback: TableRef[];
  /** The workbook's tables as read, and what they need from each other. */
  context: WorkbookContext;
  /** Findings of all computed tables, table by table, row by row. */
  findings: Finding[];
}

export interface AnalyzeOptions extends ContextOptions {
  /** Only these kinds (default: every kind that has an engine). */
  kinds?: readonly TableKind[];
  /** Tables for which this is false are not read nor computed (they are reported as skipped). */
  include?: (ref: TableRef) => boolean;
}

export async function analyzeWorkbook(port: WorkbookPort, policy: Policy, options: AnalyzeOptions = {}): Promise<Analysis> {
  const found = await port.listTables();
  const tables: TableResult[] = [];
  const skipped: TableRef[] = [];
  const feedback = found.filter((ref) => ref.kind === "feedback");
  // Every table is read before any is computed: a unit table needs its city table, the annual
  // table's P may come from the unit totals, coverage needs the unit list.
  const read: { ref: TableRef; raw: Awaited<ReturnType<WorkbookPort["readTable"]>> }[] = [];
  for (const ref of found) {
    if (ref.kind === "feedback") continue;
    if (ref.kind === null || (options.kinds && !options.kinds.includes(ref.kind)) || (options.include && !options.include(ref))) {
      skipped.push(ref);
      continue;
    }
    read.push({ ref, raw: await port.readTable(ref) });
  }
  const context = new WorkbookContext(read, policy, { fillPerformance: options.fillPerformance, fillSurvey: options.fillSurvey, fillBallots: options.fillBallots, fillAsBefore: options.fillAsBefore });
  for (const { ref, raw } of read) {
    const result = processTable(ref, raw, policy, context);
    if (result) tables.push(result);
    else skipped.push(ref);
  }
  skipped.sort((a, b) => found.indexOf(a) - found.indexOf(b));
  return { found, tables, skipped, feedback, context, findings: tables.flatMap((t) => t.findings) };
}

export function countSeverities(findings: readonly Finding[]): { errors: number; warnings: number } {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}
