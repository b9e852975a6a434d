// 计算排名 Compute ranking (INTERFACES.md §3), written once against the WorkbookPort: find every
// annual table, validate and compute it with the engine, then write the result columns in one
// batch per table, highlight the result cells per class, and write the 校验结果 sheet.
// Nothing outside the result columns and the findings sheet changes.
import type { TableKind } from "../engine/headers";
import type { PoolSummary } from "../engine/annual";
import type { Policy } from "../engine/policy";
import type { Highlight } from "../engine/types";
import { isBlank } from "../engine/values";
import { ColumnWrite, RowFormat, SheetRange, Snapshot, SnapshotScope, TableRef, WorkbookPort } from "../workbook/port";
import { Analysis, analyzeWorkbook, countSeverities } from "./analyze";
import { ActionError } from "./errors";
import { findingsSheetRows } from "./findingsSheet";
import type { TableResult } from "./kinds";
import { planResultColumns, rangeAddress, ResultLayout } from "./layout";
import { FINDINGS_HEADERS, FINDINGS_SHEET, FINDINGS_WIDTHS, text } from "./text";

export interface ComputeOptions {
  /** Write the 校验结果 sheet (default true). */
  findingsSheet?: boolean;
  /** Take a snapshot of everything the compute changes, for undo (default false). */
  snapshot?: boolean;
}

export interface TableSummary {
  sheet: string;
  name?: string;
  kind: TableKind;
  /** The table's range after the write, result columns included. */
  address: string;
  rows: number;
  valid: number;
  pools: PoolSummary[];
  vetoes: number;
  conflicts: number;
  errors: number;
  warnings: number;
  /** False when the table could not be computed (a required column missing or doubled). */
  written: boolean;
  resultColumns: { key: string; column: number; existing: boolean }[];
}

export interface ComputeSummary {
  tables: TableSummary[];
  skipped: { sheet: string; name?: string; kind: TableKind | null; address: string }[];
  errors: number;
  warnings: number;
  /** Name of the findings sheet written, or null. */
  findingsSheet: string | null;
}

export interface ComputeResult {
  analysis: Analysis;
  summary: ComputeSummary;
  /** Taken before anything was written (options.snapshot). */
  snapshot?: Snapshot;
}

const HIGHLIGHT_ORDER: Highlight[] = ["veto", "affirmed", "quota", "invalid"];

function tableRange(ref: TableRef): SheetRange {
  return { sheet: ref.sheet, top: ref.headerRow, left: ref.firstColumn, bottom: ref.lastRow + (ref.totalsRow ? 1 : 0), right: ref.lastColumn };
}

function overlaps(a: SheetRange, b: SheetRange): boolean {
  return a.sheet === b.sheet && a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Plan every table's result columns and check that appending them overwrites nothing. */
async function planWrites(port: WorkbookPort, analysis: Analysis): Promise<(ResultLayout | null)[]> {
  const plans: (ResultLayout | null)[] = [];
  for (const t of analysis.tables) {
    if (!t.usable) {
      plans.push(null);
      continue;
    }
    const layout = planResultColumns(t.ref, t.raw.headers, t.inputSpecs, t.resultSpecs);
    const area = layout.appendArea;
    if (area) {
      if (analysis.found.some((other) => other !== t.ref && overlaps(area, tableRange(other)))) {
        throw new ActionError("RESULT_AREA_OVERLAPS_TABLE", text.resultAreaOverlaps(area.sheet, rangeAddress(area)));
      }
      const cells = await port.readRange(area);
      if (cells.some((row) => row.some((v) => !isBlank(v)))) {
        throw new ActionError("RESULT_AREA_NOT_EMPTY", text.resultAreaNotEmpty(area.sheet, rangeAddress(area)));
      }
    }
    plans.push(layout);
  }
  return plans;
}

function snapshotScope(analysis: Analysis, plans: (ResultLayout | null)[], findingsSheet: boolean): SnapshotScope {
  const ranges: SheetRange[] = [];
  const tables: TableRef[] = [];
  analysis.tables.forEach((t, i) => {
    const plan = plans[i];
    if (!plan) return;
    for (const c of plan.columns) ranges.push({ sheet: t.ref.sheet, top: t.ref.headerRow, left: c.column, bottom: t.ref.lastRow, right: c.column });
    if (t.ref.name && plan.appendArea) tables.push(t.ref);
  });
  return { ranges, tables, sheets: findingsSheet ? [FINDINGS_SHEET] : [] };
}

/** The writes of one table: the result columns, then the highlight and the notes. */
async function writeTable(port: WorkbookPort, t: TableResult, plan: ResultLayout): Promise<TableRef> {
  const columns: ColumnWrite[] = plan.columns.map((c) => ({
    column: c.column,
    header: c.header,
    values: t.values[c.key],
    numberFormat: t.numberFormats[c.key],
  }));
  const ref = await port.writeColumns(t.ref, columns);
  const rowOf = (i: number) => t.ref.headerRow + 1 + i;
  const classes: RowFormat["classes"] = {};
  for (const h of HIGHLIGHT_ORDER) {
    const rows = t.highlights.flatMap((x, i) => (x === h ? [rowOf(i)] : []));
    if (rows.length) classes[h] = rows;
  }
  const noteColumn = plan.columns.find((c) => c.key === t.noteKey)?.column;
  const notes = noteColumn === undefined ? [] : t.notes.flatMap((n, i) => (n && t.highlights[i] ? [{ row: rowOf(i), column: noteColumn, text: n }] : []));
  await port.formatRows(ref, { columns: plan.columns.map((c) => c.column), classes, notes });
  return ref;
}

export async function computeRanking(port: WorkbookPort, policy: Policy, options: ComputeOptions = {}): Promise<ComputeResult> {
  const writeFindings = options.findingsSheet ?? true;
  const analysis = await analyzeWorkbook(port, policy);
  if (!analysis.tables.some((t) => t.kind === "annual")) throw new ActionError("NO_TABLE", text.noTable);

  // Everything is validated and planned before the first write.
  const plans = await planWrites(port, analysis);
  const snapshot = options.snapshot ? await port.snapshot(snapshotScope(analysis, plans, writeFindings)) : undefined;

  const tables: TableSummary[] = [];
  for (let i = 0; i < analysis.tables.length; i++) {
    const t = analysis.tables[i];
    const plan = plans[i];
    const ref = plan ? await writeTable(port, t, plan) : t.ref;
    const counts = countSeverities(t.findings);
    tables.push({
      sheet: t.ref.sheet,
      ...(t.ref.name ? { name: t.ref.name } : {}),
      kind: t.kind,
      address: rangeAddress(tableRange(ref)),
      ...t.stats,
      ...counts,
      written: plan !== null,
      resultColumns: plan ? plan.columns.map((c) => ({ key: c.key, column: c.column, existing: c.existing })) : [],
    });
  }

  let findingsSheet: string | null = null;
  if (writeFindings) {
    findingsSheet = await port.addSheet(FINDINGS_SHEET, findingsSheetRows(analysis.findings), { columnWidths: FINDINGS_WIDTHS, headerRows: 1 });
    if (snapshot && findingsSheet !== FINDINGS_SHEET) snapshot.sheets.push({ name: findingsSheet, existed: false });
  }

  const summary: ComputeSummary = {
    tables,
    skipped: analysis.skipped.map((r) => ({ sheet: r.sheet, ...(r.name ? { name: r.name } : {}), kind: r.kind, address: rangeAddress(tableRange(r)) })),
    ...countSeverities(analysis.findings),
    findingsSheet,
  };
  return { analysis, summary, snapshot };
}

export { FINDINGS_HEADERS, FINDINGS_SHEET };
