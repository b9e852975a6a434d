// 计算排名 Compute ranking (INTERFACES.md §3), written once against the WorkbookPort: find every
// annual table, validate and compute it with the engine, then write the result columns in one
// batch per table, highlight the result cells per class, and write the 校验结果 sheet.
// Nothing outside the result columns and the findings sheet changes.
import type { TableKind } from "../engine/headers";
import type { PoolSummary } from "../engine/annual";
import type { Policy } from "../engine/policy";
import type { CellValue, Highlight, RawTable } from "../engine/types";
import { cellText, isBlank } from "../engine/values";
import { columnOfTable, ColumnWrite, rangeOfTable, RowFormat, SheetRange, Snapshot, SnapshotScope, TableRef, WorkbookPort } from "../workbook/port";
import { Analysis, analyzeWorkbook, countSeverities, noTableError } from "./analyze";
import { ActionError } from "./errors";
import { findingsSheetRows } from "./findingsSheet";
import type { TableResult } from "./kinds";
import { planResultColumns, rangeAddress, ResultLayout } from "./layout";
import { ChartsWritten, FeedbackCounts, feedbackCounts, FeedbackDates, planSchemeSheets, SchemePlan, writeSchemeSheets } from "./schemeSheets";
import { FINDINGS_HEADERS, FINDINGS_SHEET, FINDINGS_WIDTHS, text } from "../i18n/actions";

export interface ComputeOptions {
  /** Write the 校验结果 sheet (default true). */
  findingsSheet?: boolean;
  /** Take a snapshot of everything the compute changes, for undo (default false). */
  snapshot?: boolean;
  /** Fill the annual table's blank P cells from the unit totals (as is or 折算 per policy); never a filled cell. */
  fillPerformance?: boolean;
  /** Fill the unit table's blank 幸福感 / 满意度 / 安全感 cells from the survey answers (POLICY §11); never a filled cell. */
  fillSurvey?: boolean;
  /** Fill the annual table's blank 民主测评 cells from the ballots (POLICY §11); never a filled cell. */
  fillBallots?: boolean;
  /** Write the 反馈 sheet of the unit table with these dates (statuses of an existing 反馈 sheet survive). */
  feedback?: FeedbackDates;
  /** Write the 历年奖励 and 考察覆盖 sheets when the workbook has their tables (default true). */
  schemeSheets?: boolean;
  /**
   * Compute this annual table only (the one the user chose); the workbook's other annual tables are
   * left untouched (reported as skipped). Every other kind (unit, city, history, examination) is
   * computed as usual. Without it every annual table is computed.
   */
  annualTable?: TableRef;
  /**
   * Asked once, after everything is validated and planned and before the first write, when result
   * cells hold content the add-in did not write: an existing result column with other values (see
   * ownResults), or a non-empty area right of a table where new result columns go. false: nothing
   * is written (result.declined). Without it an existing result column is overwritten and a
   * non-empty area is refused (ActionError RESULT_AREA_NOT_EMPTY). A table in the way is refused
   * either way (RESULT_AREA_OVERLAPS_TABLE).
   */
  confirmOverwrite?: (conflicts: ResultConflict[]) => Promise<boolean>;
  /**
   * Whether the add-in itself wrote exactly these values into this result column (the task pane keeps
   * a fingerprint per column in the document settings). Without it, any non-blank existing result
   * column counts as a conflict for confirmOverwrite.
   */
  ownResults?: OwnResults;
  /** Called with the snapshot as soon as it is taken, before the first write (implies snapshot). */
  onSnapshot?: (snapshot: Snapshot) => void;
  /**
   * Called once everything is validated and planned, before confirmOverwrite and the first write, with
   * what the compute is about to write (e.g. to refuse protected sheets). Throwing stops the compute
   * with nothing written.
   */
  beforeWrite?: (plan: WritePlan) => Promise<void>;
}

/** What a compute writes, known before its first write. */
export interface WritePlan {
  /** Every sheet whose cells it writes, once each, in order: the tables' sheets (their result columns), the scheme sheets, the findings sheet. */
  sheets: string[];
}

/** Result cells holding content the add-in did not write. */
export interface ResultConflict {
  /** The table whose result cells these are. */
  sheet: string;
  table?: string;
  kind: TableKind;
  /** "column": an existing result column (data rows); "area": the block right of the table where new result columns go. */
  what: "column" | "area";
  range: SheetRange;
  /** The existing column's header (what === "column"). */
  header?: string;
}

/**
 * Whether the add-in itself wrote these values into this result column: true (every cell), false
 * (none known), or per data row (the cells that still hold what it wrote).
 */
export type OwnResults = (table: TableRef, key: string, column: number, values: readonly CellValue[]) => boolean | readonly boolean[];

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
  /** The scheme's sheets written (历年奖励, 考察覆盖, 反馈), by the names used. */
  schemeSheets: string[];
  /** The 反馈 sheet's counts, when it was written. */
  feedback?: FeedbackCounts;
  /** Native charts planned (考核统计's grades per pool): on which sheet, and whether this workbook's adapter drew it. */
  charts: ChartsWritten[];
}

export interface ComputeResult {
  analysis: Analysis;
  summary: ComputeSummary;
  /** What the compute planned to write (beforeWrite saw the same). */
  plan: WritePlan;
  /** Taken before anything was written (options.snapshot). */
  snapshot?: Snapshot;
  /** confirmOverwrite answered false: nothing was written (every table's `written` is false). */
  declined?: boolean;
}

const HIGHLIGHT_ORDER: Highlight[] = ["veto", "affirmed", "quota", "invalid"];

const tableRange = (ref: TableRef): SheetRange => rangeOfTable(ref, { totals: true });

function overlaps(a: SheetRange, b: SheetRange): boolean {
  return a.sheet === b.sheet && a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Runs of consecutive true entries, as [first, last] indexes. */
function runsOf(flags: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i]) continue;
    const start = i;
    while (i + 1 < flags.length && flags[i + 1]) i++;
    out.push([start, i]);
  }
  return out;
}

/**
 * Result cells of one table that hold content the add-in did not write, as ranges of exactly those
 * cells: in existing result columns, the non-blank cells `own` does not recognise; in the append
 * area (`appendCells`, the area's cells as read; null when there is no area), the non-blank cells.
 */
export function resultConflicts(ref: TableRef, raw: RawTable, layout: ResultLayout, own: OwnResults | undefined, appendCells: CellValue[][] | null): ResultConflict[] {
  const where = { sheet: ref.sheet, ...(ref.name ? { table: ref.name } : {}), kind: ref.kind as TableKind };
  const out: ResultConflict[] = [];
  for (const c of layout.columns) {
    if (!c.existing) continue;
    const j = c.column - ref.firstColumn;
    const values = raw.rows.map((r) => r[j] ?? null);
    if (values.every(isBlank)) continue;
    const mine = own ? own(ref, c.key, c.column, values) : false;
    if (mine === true) continue;
    const foreign = values.map((v, i) => !isBlank(v) && (mine === false || !mine[i]));
    const header = cellText(raw.headers[j]);
    for (const [a, b] of runsOf(foreign)) out.push({ ...where, what: "column", header, range: { sheet: ref.sheet, top: ref.headerRow + 1 + a, left: c.column, bottom: ref.headerRow + 1 + b, right: c.column } });
  }
  const area = layout.appendArea;
  if (area && appendCells) {
    for (let k = 0; k <= area.right - area.left; k++) {
      const filled = appendCells.map((row) => !isBlank(row[k] ?? null));
      for (const [a, b] of runsOf(filled)) out.push({ ...where, what: "area", range: { sheet: area.sheet, top: area.top + a, left: area.left + k, bottom: area.top + b, right: area.left + k } });
    }
  }
  return out;
}

/**
 * Plan every table's result columns and check that appending them overwrites nothing: a table in
 * the way is refused; content the add-in did not write is returned as conflicts when the caller
 * asks about them (`ask`), else a non-empty append area is refused.
 */
async function planWrites(port: WorkbookPort, analysis: Analysis, ask: boolean, own: OwnResults | undefined): Promise<{ plans: (ResultLayout | null)[]; conflicts: ResultConflict[] }> {
  const plans: (ResultLayout | null)[] = [];
  const conflicts: ResultConflict[] = [];
  for (const t of analysis.tables) {
    if (!t.usable) {
      plans.push(null);
      continue;
    }
    const layout = planResultColumns(t.ref, t.raw.headers, t.inputSpecs, t.resultSpecs);
    const area = layout.appendArea;
    if (area && analysis.found.some((other) => other !== t.ref && overlaps(area, tableRange(other)))) {
      throw new ActionError("RESULT_AREA_OVERLAPS_TABLE", text.resultAreaOverlaps(area.sheet, rangeAddress(area)));
    }
    const found = resultConflicts(t.ref, t.raw, layout, own, area ? await port.readRange(area) : null);
    if (ask) conflicts.push(...found);
    else if (area && found.some((c) => c.what === "area")) throw new ActionError("RESULT_AREA_NOT_EMPTY", text.resultAreaNotEmpty(area.sheet, rangeAddress(area)));
    plans.push(layout);
  }
  return { plans, conflicts };
}

const sameTable = (a: TableRef, b: TableRef) => a.sheet === b.sheet && a.headerRow === b.headerRow && a.firstColumn === b.firstColumn;

function snapshotScope(analysis: Analysis, plans: (ResultLayout | null)[], findingsSheet: boolean, scheme: SchemePlan): SnapshotScope {
  const ranges: SheetRange[] = [];
  const tables: TableRef[] = [];
  analysis.tables.forEach((t, i) => {
    const plan = plans[i];
    if (!plan) return;
    for (const c of plan.columns) ranges.push(columnOfTable(t.ref, c.column, { header: true }));
    if (t.ref.name && plan.appendArea) tables.push(t.ref);
  });
  return { ranges, tables, sheets: [...scheme.sheets.map((s) => s.name), ...(findingsSheet ? [FINDINGS_SHEET] : [])] };
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

function tableSummary(t: TableResult, ref: TableRef, plan: ResultLayout | null): TableSummary {
  return {
    sheet: t.ref.sheet,
    ...(t.ref.name ? { name: t.ref.name } : {}),
    kind: t.kind,
    address: rangeAddress(tableRange(ref)),
    ...t.stats,
    ...countSeverities(t.findings),
    written: plan !== null,
    resultColumns: plan ? plan.columns.map((c) => ({ key: c.key, column: c.column, existing: c.existing })) : [],
  };
}

const skippedOf = (analysis: Analysis): ComputeSummary["skipped"] =>
  analysis.skipped.map((r) => ({ sheet: r.sheet, ...(r.name ? { name: r.name } : {}), kind: r.kind, address: rangeAddress(tableRange(r)) }));

export async function computeRanking(port: WorkbookPort, policy: Policy, options: ComputeOptions = {}): Promise<ComputeResult> {
  const writeFindings = options.findingsSheet ?? true;
  const chosen = options.annualTable;
  const analysis = await analyzeWorkbook(port, policy, {
    fillPerformance: options.fillPerformance,
    fillSurvey: options.fillSurvey,
    fillBallots: options.fillBallots,
    ...(chosen ? { include: (ref: TableRef) => ref.kind !== "annual" || sameTable(ref, chosen) } : {}),
  });
  if (!analysis.tables.length || (chosen && !analysis.tables.some((t) => t.kind === "annual"))) throw await noTableError(port);

  // Everything is validated and planned before the first write.
  const { plans, conflicts } = await planWrites(port, analysis, options.confirmOverwrite !== undefined, options.ownResults);
  const scheme = await planSchemeSheets(port, analysis, policy, { feedback: options.feedback, rewardsAndCoverage: options.schemeSheets ?? true, statistics: options.schemeSheets ?? true, rawData: options.schemeSheets ?? true });
  analysis.findings.push(...scheme.findings);
  const plan: WritePlan = {
    sheets: [...new Set([...analysis.tables.filter((_, i) => (plans[i]?.columns.length ?? 0) > 0).map((t) => t.ref.sheet), ...scheme.sheets.map((s) => s.name), ...(writeFindings ? [FINDINGS_SHEET] : [])])],
  };
  await options.beforeWrite?.(plan);
  if (conflicts.length && options.confirmOverwrite && !(await options.confirmOverwrite(conflicts))) {
    const summary: ComputeSummary = {
      tables: analysis.tables.map((t) => tableSummary(t, t.ref, null)),
      skipped: skippedOf(analysis),
      ...countSeverities(analysis.findings),
      findingsSheet: null,
      schemeSheets: [],
      charts: [],
    };
    return { analysis, summary, plan, declined: true };
  }
  const snapshot = options.snapshot || options.onSnapshot ? await port.snapshot(snapshotScope(analysis, plans, writeFindings, scheme)) : undefined;
  if (snapshot) options.onSnapshot?.(snapshot);

  const tables: TableSummary[] = [];
  for (let i = 0; i < analysis.tables.length; i++) {
    const t = analysis.tables[i];
    const plan = plans[i];
    const ref = plan ? await writeTable(port, t, plan) : t.ref;
    tables.push(tableSummary(t, ref, plan));
  }

  const charts: ChartsWritten[] = [];
  const schemeSheets = await writeSchemeSheets(port, scheme, charts);
  if (snapshot) scheme.sheets.forEach((s, i) => {
    if (schemeSheets[i] !== s.name) snapshot.sheets.push({ name: schemeSheets[i], existed: false });
  });

  let findingsSheet: string | null = null;
  if (writeFindings) {
    findingsSheet = await port.addSheet(FINDINGS_SHEET, findingsSheetRows(analysis.findings), { columnWidths: FINDINGS_WIDTHS, headerRows: 1 });
    if (snapshot && findingsSheet !== FINDINGS_SHEET) snapshot.sheets.push({ name: findingsSheet, existed: false });
  }

  const summary: ComputeSummary = {
    tables,
    skipped: skippedOf(analysis),
    ...countSeverities(analysis.findings),
    findingsSheet,
    schemeSheets,
    charts,
    ...(scheme.feedback && scheme.feedbackJson ? { feedback: feedbackCounts(scheme.feedbackJson.sheet, scheme.feedback) } : {}),
  };
  return { analysis, summary, plan, snapshot };
}

export { FINDINGS_HEADERS, FINDINGS_SHEET };
