// Shared first half of compute and validate: find the tables, read each once, run its engine.
// Nothing is written here (POLICY.md §9: validation runs over the whole input before anything is written).
import { closestKind, TableKind } from "../engine/headers";
import type { Policy } from "../engine/policy";
import type { Finding } from "../engine/types";
import { a1, cellText, truncate } from "../engine/values";
import type { TableRef, WorkbookPort } from "../workbook/port";
import { ActionError } from "./errors";
import { processTable, TableResult } from "./kinds";
import { ContextOptions, WorkbookContext } from "./scheme";
import { msg, TABLE_KIND_NAMES } from "../i18n/messages";
import { text } from "../i18n/actions";

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
    if (result) {
      if (ref.summaryRows) result.findings = [...result.findings, ...summaryRowFindings(ref)].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      tables.push(result);
    } else skipped.push(ref);
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

/** A warning for each totals or average row the locator left out at the end of a table (平均分, 合计 …). */
function summaryRowFindings(ref: TableRef): Finding[] {
  return (ref.summaryRows ?? []).map((s) => {
    const cell = a1(s.row, s.column);
    return { code: "SUMMARY_ROW", severity: "warning", sheet: ref.sheet, row: s.row, cell, message: msg.summaryRow(s.row, truncate(s.label)) };
  });
}

/**
 * NO_TABLE, naming the closest header rows the workbook has (up to 3), the kind each comes closest to
 * and the required columns it misses, when the adapter saw any (WorkbookPort.nearMisses).
 */
export async function noTableError(port: WorkbookPort): Promise<ActionError> {
  const near = (await port.nearMisses?.()) ?? [];
  if (!near.length) return new ActionError("NO_TABLE", text.noTable);
  return new ActionError(
    "NO_TABLE",
    text.noTableNear(
      near.map((n) => {
        const closest = closestKind(n.headers);
        const shown = n.headers.map((h) => truncate(cellText(h), 20)).filter((h) => h !== "");
        return { sheet: n.sheet, cell: a1(n.row, n.firstColumn), headers: shown.length > 8 ? [...shown.slice(0, 8), "…"] : shown, kind: TABLE_KIND_NAMES[closest.kind], missing: closest.missing };
      }),
    ),
  );
}
