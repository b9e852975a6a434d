// The one port the actions need from a workbook (DESIGN.md): coarse-grained and async so that the
// Office.js adapter can batch it (one read per table, whole column blocks per write, one fill per
// highlight class) and the exceljs adapter can run the same action code on .xlsx files.
// Host-free: no exceljs, no Office.js, no Node here.
import type { TableKind } from "../engine/headers";
import type { CellValue, Highlight, Message, RawTable } from "../engine/types";
import { cellText } from "../engine/values";
import { portSay } from "../i18n/workbook";
import type { NearMiss } from "./locate";

/** A rectangle on one sheet, 1-based and inclusive. */
export interface SheetRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A table found in the workbook: an Excel Table (ListObject) or a header block (a block whose
 * first row holds headers that detectTableKind recognises). Rows and columns are 1-based
 * worksheet numbers.
 */
export interface TableRef {
  sheet: string;
  /** ListObject name; absent for a header block. */
  name?: string;
  /** What the headers announce; null for a ListObject whose headers match no known kind. */
  kind: TableKind | null;
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  /** Last data row (a ListObject's totals row is not a data row). headerRow when there are no rows. */
  lastRow: number;
  /** ListObject only: the table has a totals row just below lastRow. */
  totalsRow?: boolean;
  /**
   * Header blocks only: rows at the end of the block that total or average it (合计, 平均分, Total …),
   * left out of the table (lastRow is above them) and reported, never read as data nor written.
   */
  summaryRows?: { row: number; column: number; label: string }[];
}

/** One column to write: rows aligned to the table's data rows (values[i] goes to headerRow + 1 + i). */
export interface ColumnWrite {
  /** 1-based worksheet column. */
  column: number;
  /** Header text for the header row; undefined leaves the header cell as it is. */
  header?: string;
  /** One value per data row, exactly lastRow − headerRow of them. null clears the cell's value. */
  values: CellValue[];
  /** Excel number format for the data cells ("0.00", "0", "@"); undefined leaves it as it is. */
  numberFormat?: string;
}

/**
 * Row highlighting of the result cells. The adapter first clears the fill and the note of every
 * data-row cell in `columns` (results of an earlier run), then fills, per class, the cells of
 * `columns` on the listed rows, and puts the notes. Cells outside `columns` are never touched:
 * the user's own fills in input cells are data to them.
 */
export interface RowFormat {
  /** 1-based worksheet columns of the result cells. */
  columns: number[];
  /** Worksheet rows per highlight class. */
  classes: Partial<Record<Highlight, number[]>>;
  /** Notes (cell comments), plain text. */
  notes: { row: number; column: number; text: string }[];
}

export interface SheetOptions {
  /** Column widths in characters, left to right. */
  columnWidths?: number[];
  /** Rows at the top shown bold and frozen (default 1). */
  headerRows?: number;
}

/**
 * A clustered column chart of a block of one sheet: categories down the block's first column, one
 * series per further column, the series' names in its first row (the block includes its header row).
 */
export interface ChartSpec {
  /** The add-in's name for the chart: a chart of this name already on the sheet is replaced. */
  name: string;
  title: string;
  /** The data block on the chart's own sheet, 1-based and inclusive. */
  data: { top: number; left: number; bottom: number; right: number };
  /** Where the chart sits: its top-left cell (1-based) and its size in rows and columns. */
  anchor: { row: number; column: number; rows: number; columns: number };
  categoryAxis?: string;
  valueAxis?: string;
  /** The value axis's major unit (1 for a few counts: no 0.2 steps between whole people). */
  valueStep?: number;
}

/** One cell as a snapshot holds it (plain data that structuredClone copies; host-neutral). */
export interface CellSnapshot {
  value: CellValue;
  /** The formula (without "="), when the cell held one; value is then its cached result. */
  formula?: string;
  numberFormat?: string | null;
  /** Solid fill colour as ARGB, null for no fill. */
  fill?: string | null;
  note?: string | null;
  /** Adapter-private extra state (e.g. the full cell style) that makes a restore exact. */
  host?: unknown;
}

export interface RangeSnapshot {
  range: SheetRange;
  /** cells[r][c] for range.top + r, range.left + c. */
  cells: CellSnapshot[][];
}

/** What a compute is about to change: cells, ListObjects that may widen, sheets it may create. */
export interface SnapshotScope {
  ranges: SheetRange[];
  tables?: TableRef[];
  sheets?: string[];
}

export interface Snapshot {
  ranges: RangeSnapshot[];
  /** ListObjects as they were (their extent and column names). */
  tables: { ref: TableRef; columnNames: string[] }[];
  /** Sheets the compute may create or replace: whether each existed, and its cells if so. */
  sheets: { name: string; existed: boolean; cells?: RangeSnapshot }[];
}

export interface WorkbookPort {
  /** Every ListObject and every recognised header block on every sheet, sheet by sheet, top to bottom. */
  listTables(): Promise<TableRef[]>;
  /**
   * A table's header row and data rows as values: formulas give their cached results, error
   * values come as { error: "#N/A" }, dates as Date, blank cells as null. One read per table.
   */
  readTable(ref: TableRef): Promise<RawTable>;
  /** Values of any rectangle (same conventions as readTable). */
  readRange(range: SheetRange): Promise<CellValue[][]>;
  /**
   * Write whole columns (headers + values) of a table; an adapter may chunk them into row blocks.
   * Text stays text: a string that begins with = + - @ is written so that the host keeps it as
   * text, never as a formula (exceljs: a string value; Office.js: a leading apostrophe or the "@"
   * number format). A column just right of a ListObject becomes part of it (the table widens,
   * its header cell gets the column's header). Returns the table as it is after the write.
   */
  writeColumns(ref: TableRef, columns: ColumnWrite[]): Promise<TableRef>;
  /** Highlight result cells per class and put notes (see RowFormat). */
  formatRows(ref: TableRef, format: RowFormat): Promise<void>;
  /**
   * Add a sheet of plain values (row 0 = headers). If a sheet of that name exists and was made by
   * the add-in (its first row equals rows[0]) its contents are replaced in place; if a sheet of
   * that name belongs to the user, the new sheet gets a free name ("校验结果 (2)"). Returns the
   * name used.
   */
  addSheet(name: string, rows: CellValue[][], options?: SheetOptions): Promise<string>;
  /**
   * Draw a native chart on a sheet from its own cells (see ChartSpec), replacing the add-in's chart of
   * the same name; true when drawn. An adapter that cannot draw charts leaves this out.
   */
  addChart?(sheet: string, chart: ChartSpec): Promise<boolean>;
  /**
   * Header-like rows the last listTables saw but recognised as no kind of table, closest first (at
   * most 3): named when no table is found. Optional: an adapter without it gives the plain sentence.
   */
  nearMisses?(): Promise<NearMiss[]>;
  /** Cells (values, formats, fills, notes) of the scope, to undo a compute. */
  snapshot(scope: SnapshotScope): Promise<Snapshot>;
  /** Put the cells of a snapshot back exactly; shrink ListObjects and remove sheets the compute added. */
  restore(snapshot: Snapshot): Promise<void>;
}

/**
 * Fills per highlight class (ARGB): Excel's own "light red / green / yellow" cell-style fills and a
 * light grey, all legible with the default black text.
 */
export const HIGHLIGHT_FILLS: Record<Highlight, string> = {
  veto: "FFFFC7CE",
  affirmed: "FFC6EFCE",
  quota: "FFFFEB9C",
  invalid: "FFD9D9D9",
};

export type WorkbookErrorKind = "not-found" | "unreadable" | "unwritable" | "no-such-sheet" | "bad-request" | "too-large";

/** A workbook could not be opened, read or written: the faces turn it into one clear sentence. */
export class WorkbookError extends Error {
  constructor(
    public readonly kind: WorkbookErrorKind,
    public readonly detail: { zh: string; en: string },
  ) {
    super(detail.en);
    this.name = "WorkbookError";
  }
}

/**
 * The checks every adapter makes on a writeColumns request before it touches the workbook: one value
 * per table row, valid column numbers, appended columns contiguous to the table's right, and for an
 * Excel table (ListObject) a header for each new column that is not a name the table already has
 * (`names`, trimmed and lower-cased, when the adapter can read them). Gives the appended columns in
 * order and the table's last column after the write.
 */
export function checkColumnWrites(ref: TableRef, columns: readonly ColumnWrite[], table: { names?: ReadonlySet<string> } | null): { appended: number[]; newLast: number } {
  const height = ref.lastRow - ref.headerRow;
  const bad = (message: Message) => new WorkbookError("bad-request", message);
  for (const col of columns) {
    if (col.values.length !== height) throw bad(portSay.valueCount(col.column, col.values.length, height));
    if (col.column < 1) throw bad(portSay.badColumn(col.column));
  }
  const appended = columns.filter((c) => c.column > ref.lastColumn).map((c) => c.column).sort((a, b) => a - b);
  if (appended.some((c, i) => c !== ref.lastColumn + 1 + i)) throw bad(portSay.gap());
  if (table) {
    for (const col of columns) {
      if (col.column <= ref.lastColumn) continue;
      if (col.header === undefined || col.header.trim() === "") throw bad(portSay.noHeader());
      if (table.names?.has(col.header.trim().toLowerCase())) throw bad(portSay.takenHeader(col.header));
    }
  }
  return { appended, newLast: appended.length ? appended[appended.length - 1] : ref.lastColumn };
}

/** The cells a table covers: its header row to its last data row, and its totals row with `totals`. */
export function rangeOfTable(ref: TableRef, options: { totals?: boolean } = {}): SheetRange {
  return { sheet: ref.sheet, top: ref.headerRow, left: ref.firstColumn, bottom: ref.lastRow + (options.totals && ref.totalsRow ? 1 : 0), right: ref.lastColumn };
}

/** A table as read: the grid of rangeOfTable(ref), its first row the headers. */
export function tableFromGrid(ref: TableRef, grid: CellValue[][]): RawTable {
  return { sheet: ref.sheet, name: ref.name, headers: grid[0] ?? [], rows: grid.slice(1), headerRow: ref.headerRow, firstColumn: ref.firstColumn };
}

/** One column of a table: its data cells, and its header cell too with `header`. */
export function columnOfTable(ref: TableRef, column: number, options: { header?: boolean } = {}): SheetRange {
  return { sheet: ref.sheet, top: options.header ? ref.headerRow : ref.headerRow + 1, left: column, bottom: ref.lastRow, right: column };
}

/**
 * Where addSheet writes, shared by the Office.js and WPS adapters so the two hosts cannot drift apart:
 * a sheet of that name (case-insensitive, as sheet names are) whose first cells already hold the header
 * we are about to write is ours from an earlier run and is written again; any other sheet of that name is
 * the user's, so the new one is named "X (2)", "X (3)" … instead. Host-free: `readHead` is the adapter's
 * own read of an existing sheet's first `width` header cells, asked only when that sheet exists and the
 * header is not empty. The adapter still checks a sheet to replace is writable and does the writing.
 */
export async function placeSheet(
  names: readonly string[],
  name: string,
  header: readonly CellValue[],
  readHead: (existing: string, width: number) => Promise<readonly CellValue[]> | readonly CellValue[],
): Promise<{ used: string; replace: boolean }> {
  const signature = header.map((v) => cellText(v));
  const find = (n: string) => names.find((x) => x.toLowerCase() === n.toLowerCase());
  const existing = find(name);
  if (!existing) return { used: name, replace: false };
  if (signature.length) {
    const head = await readHead(existing, signature.length);
    if (head.every((v, i) => cellText(v) === signature[i])) return { used: existing, replace: true };
  }
  let used = name;
  for (let i = 2; find(used); i++) used = `${name} (${i})`;
  return { used, replace: false };
}
