// The WPS adapter of the WorkbookPort (DESIGN.md): the same actions (computeRanking, validate,
// feedback, sample, undo) on WPS 表格's synchronous object model (window.Application), through the one
// member-access layer in ./com.ts.
//
// The Excel guarantees, kept here the WPS way:
// - Input cells are never written: only the cells the port is asked to write (result columns, result
//   sheets) are touched, and fills and notes only on result cells.
// - Text stays text: a string ET would turn into a formula, number, date or boolean when assigned to
//   Value2 (the same typed-input rules as Excel) is written with a leading apostrophe, ET's own "keep as
//   typed" prefix, which is not part of the value read back (the codec's needsTextGuard and toTypedInput, shared with Office.js).
// - A protected sheet is detected (Worksheet.ProtectContents) before anything is written.
// - Reads and writes go in row blocks (READ_CELLS / WRITE_CELLS) with a yield to the page between blocks,
//   so a long compute does not freeze the task pane; ScreenUpdating is off while a call writes.
// - snapshot/restore put back values, formulas, number formats, fills, bold and comments (批注, ET's
//   notes) exactly, so the session's undo and its rollback of a failed step work as in Excel.
// Colours: ET, like VBA, takes Interior.Color as a BGR long; HIGHLIGHT_FILLS are ARGB strings.
import type { CellValue, RawTable } from "../../engine/types";
import { cellText } from "../../engine/values";
import { wpsText } from "../../i18n/wps";
import { closestNearMisses, listObjectRef, NearMiss, sheetBlocks, sortTables } from "../locate";
import { Box, formatRange, parseBox, runs, toTypedInput } from "../codec";
import { CellSnapshot, checkColumnWrites, ColumnWrite, HIGHLIGHT_FILLS, rangeOfTable, RangeSnapshot, RowFormat, SheetOptions, SheetRange, Snapshot, SnapshotScope, placeSheet, tableFromGrid, TableRef, WorkbookError, WorkbookPort } from "../port";
import { call, get, item, items, num, obj, objOrNull, put, str, WpsCallError, WpsObject, wpsApplication } from "./com";
import { SETTINGS_SHEET } from "./settings";
import { nextTask } from "../next-task";

/** Cells per read block (one Value2 read). */
export const READ_CELLS = 40_000;
/** Cells per write block (one Value2 assignment). */
export const WRITE_CELLS = 20_000;
/** Most cells of one rectangle the adapter reads (as the Office.js adapter: refuse before freezing WPS). */
export const MAX_READ_CELLS = 5_000_000;
/** xlNone: no fill (Interior.ColorIndex), also xlPatternNone. */
export const XL_NONE = -4142;
/** xlSheetVeryHidden: a sheet only code can show again. */
export const XL_SHEET_VERY_HIDDEN = 2;

const ERROR_TEXTS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);

export type WpsProgressPhase = "read" | "write" | "format" | "snapshot" | "restore" | "sheet";

export interface WpsWorkbookOptions {
  /** The host's Application (default: window.Application, else wps.EtApplication()). */
  application?: () => WpsObject | null;
  onProgress?: (phase: WpsProgressPhase, done: number, total: number) => void;
  readCells?: number;
  writeCells?: number;
  maxReadCells?: number;
  /** Let the page breathe between blocks (default: a macrotask; tests may pass a no-op). */
  yieldToPage?: () => Promise<void>;
}


/** "ARGB" (HIGHLIGHT_FILLS) → BGR long (Interior.Color). */
export function argbToBgr(argb: string): number {
  const h = argb.slice(-6);
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}
/** BGR long → "FFRRGGBB". */
export function bgrToArgb(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return "FF" + [r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("").toUpperCase();
}

const address = (box: Box): string => formatRange(box, true);

/** A value read from Value2 as the engine sees it: blank → null, "#N/A" → an error, serial dates stay numbers. */
export function fromWps(v: unknown): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return ERROR_TEXTS.has(v) ? { error: v } : v;
  if (v instanceof Date) return v;
  return cellText(v);
}

/** Value2 of a range as a 2-D array (a one-cell range answers a scalar). */
function grid2(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v) && (rows > 1 || cols > 1 || Array.isArray(v[0]))) return (v as unknown[]).map((row): unknown[] => (Array.isArray(row) ? (row as unknown[]) : [row]));
  const out: unknown[][] = [];
  for (let i = 0; i < rows; i++) out.push(new Array(cols).fill(i === 0 ? v : undefined));
  return out;
}

export class WpsWorkbook implements WorkbookPort {
  private readonly application: () => WpsObject | null;
  private readonly readCells: number;
  private readonly writeCells: number;
  private readonly maxReadCells: number;
  private readonly yieldToPage: () => Promise<void>;

  constructor(private readonly options: WpsWorkbookOptions = {}) {
    this.application = options.application ?? (() => wpsApplication());
    this.readCells = options.readCells ?? READ_CELLS;
    this.writeCells = options.writeCells ?? WRITE_CELLS;
    this.maxReadCells = options.maxReadCells ?? MAX_READ_CELLS;
    this.yieldToPage = options.yieldToPage ?? nextTask;
  }

  /** What the pane needs to know: ET's 批注 are the notes (the reason on the 等次 cell). */
  capabilities(): { notes: "notes" } {
    return { notes: "notes" };
  }

  // ------------------------------------------------------------------ plumbing

  private app(): WpsObject {
    const a = this.application();
    if (!a) throw new WorkbookError("not-found", wpsText.noWorkbook);
    return a;
  }

  private book(): WpsObject {
    const b = objOrNull(this.app(), "ActiveWorkbook");
    if (!b) throw new WorkbookError("not-found", wpsText.noWorkbook);
    return b;
  }

  private worksheets(): WpsObject {
    return obj(this.book(), "Worksheets");
  }

  /** Worksheets by name (the add-in's settings sheet left out). */
  private sheetList(): { name: string; ws: WpsObject }[] {
    return items(this.worksheets())
      .map((ws) => ({ name: str(ws, "Name"), ws }))
      .filter((s) => s.name !== SETTINGS_SHEET);
  }

  private find(name: string): WpsObject | null {
    const key = name.toLowerCase();
    return this.sheetList().find((s) => s.name.toLowerCase() === key)?.ws ?? null;
  }

  private sheet(name: string): WpsObject {
    const ws = this.find(name);
    if (!ws) throw new WorkbookError("no-such-sheet", wpsText.noSuchSheet(name));
    return ws;
  }

  private range(ws: WpsObject, box: Box): WpsObject {
    return call(ws, "Range", address(box)) as WpsObject;
  }

  private progress(phase: WpsProgressPhase, done: number, total: number): void {
    this.options.onProgress?.(phase, done, total);
  }

  /** Run a call against WPS: host failures become one sentence; ScreenUpdating is off while it writes. */
  private async run<T>(writes: boolean, body: () => Promise<T>): Promise<T> {
    const app = writes ? this.app() : null;
    let screen: unknown = true;
    if (app) {
      screen = get(app, "ScreenUpdating");
      put(app, "ScreenUpdating", false);
    }
    try {
      return await body();
    } catch (e) {
      if (e instanceof WorkbookError) throw e;
      if (e instanceof WpsCallError) throw new WorkbookError("bad-request", wpsText.hostFailed(e.member, e.hostMessage));
      const detail = e instanceof Error ? e.message : String(e);
      throw new WorkbookError("bad-request", wpsText.hostFailed("WPS", detail));
    } finally {
      if (app) {
        try {
          put(app, "ScreenUpdating", screen !== false);
        } catch {
          // the original failure (if any) is the one to report
        }
      }
    }
  }

  private guardSize(sheet: string, box: Box): void {
    const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
    if (cells <= this.maxReadCells) return;
    throw new WorkbookError("too-large", wpsText.tooLarge(sheet, address(box), cells.toLocaleString("en-US"), this.maxReadCells.toLocaleString("en-US")));
  }

  private assertWritable(ws: WpsObject): void {
    if (get(ws, "ProtectContents") === true) throw new WorkbookError("unwritable", wpsText.protectedSheet(str(ws, "Name")));
  }

  /** The box of a Range object. */
  private boxOf(r: WpsObject): Box {
    const top = num(r, "Row");
    const left = num(r, "Column");
    const rows = num(obj(r, "Rows"), "Count");
    const cols = num(obj(r, "Columns"), "Count");
    return { top, left, bottom: top + rows - 1, right: left + cols - 1 };
  }

  /** Value2 of a rectangle, row block by row block. */
  private async readValues(ws: WpsObject, box: Box, phase: WpsProgressPhase = "read"): Promise<unknown[][]> {
    const width = box.right - box.left + 1;
    const per = Math.max(1, Math.floor(this.readCells / width));
    const total = Math.ceil((box.bottom - box.top + 1) / per);
    const out: unknown[][] = [];
    let block = 0;
    for (let r0 = box.top; r0 <= box.bottom; r0 += per) {
      const r1 = Math.min(box.bottom, r0 + per - 1);
      const v = get(this.range(ws, { top: r0, left: box.left, bottom: r1, right: box.right }), "Value2");
      for (const row of grid2(v, r1 - r0 + 1, width)) out.push(row);
      this.progress(phase, ++block, total);
      if (block < total) await this.yieldToPage();
    }
    return out;
  }

  private async readGrid(ws: WpsObject, box: Box): Promise<CellValue[][]> {
    return (await this.readValues(ws, box)).map((row) => row.map(fromWps));
  }

  // ------------------------------------------------------------------ reading

  /** Header-like rows the last listTables saw but could not recognise (WorkbookPort.nearMisses). */
  private nearMissesSeen: NearMiss[] = [];

  async nearMisses(): Promise<NearMiss[]> {
    return closestNearMisses(this.nearMissesSeen);
  }

  async listTables(): Promise<TableRef[]> {
    const nearMisses: NearMiss[] = (this.nearMissesSeen = []);
    return this.run(false, async () => {
      const sheets = this.sheetList();
      const all: TableRef[] = [];
      for (const { name, ws } of sheets) {
        const objects: TableRef[] = [];
        for (const lo of items(obj(ws, "ListObjects"))) {
          const header = get(lo, "ShowHeaders") === false ? null : objOrNull(lo, "HeaderRowRange");
          if (!header) continue; // a table without a header row has nothing to recognise it by
          const box = this.boxOf(obj(lo, "Range"));
          const headers = grid2(get(header, "Value2"), 1, box.right - box.left + 1)[0].map(fromWps);
          const totals = get(lo, "ShowTotals") === true;
          objects.push(listObjectRef(name, str(lo, "Name"), box, totals, headers));
        }
        all.push(...objects);
        const used = this.boxOf(obj(ws, "UsedRange"));
        const read = async () => {
          this.guardSize(name, used);
          return this.readGrid(ws, used);
        };
        all.push(...(await sheetBlocks(name, used, objects, read, nearMisses)));
      }
      return sortTables(all, sheets.map((s) => s.name));
    });
  }

  async readTable(ref: TableRef): Promise<RawTable> {
    return tableFromGrid(ref, await this.readRange(rangeOfTable(ref)));
  }

  async readRange(range: SheetRange): Promise<CellValue[][]> {
    this.guardSize(range.sheet, range);
    return this.run(false, async () => this.readGrid(this.sheet(range.sheet), range));
  }

  // ------------------------------------------------------------------ writing

  /** Sheets among `names` that exist and are protected (the pane reports them before a compute starts). */
  async protectedSheets(names: readonly string[]): Promise<string[]> {
    return this.run(false, async () => {
      const wanted = new Set(names.map((n) => n.toLowerCase()));
      return this.sheetList()
        .filter((s) => wanted.has(s.name.toLowerCase()) && get(s.ws, "ProtectContents") === true)
        .map((s) => s.name);
    });
  }

  /** Write columns of values from row `top` down, in row blocks; each column's number format first, so "@" keeps text as typed. */
  private async writeBlocks(ws: WpsObject, top: number, columns: { column: number; values: CellValue[]; numberFormat?: string }[], phase: WpsProgressPhase): Promise<void> {
    if (!columns.length) return;
    const height = columns[0].values.length;
    if (!height) return;
    const sorted = columns.slice().sort((a, b) => a.column - b.column);
    for (const c of sorted) if (c.numberFormat !== undefined) put(this.range(ws, { top, left: c.column, bottom: top + height - 1, right: c.column }), "NumberFormat", c.numberFormat);
    const groups = runs(sorted.map((c) => c.column)).map(([a, b]) => sorted.filter((c) => c.column >= a && c.column <= b));
    const blocks: { group: typeof sorted; r0: number; r1: number }[] = [];
    for (const group of groups) {
      const per = Math.max(1, Math.floor(this.writeCells / group.length));
      for (let r0 = 0; r0 < height; r0 += per) blocks.push({ group, r0, r1: Math.min(height, r0 + per) });
    }
    for (let i = 0; i < blocks.length; i++) {
      const { group, r0, r1 } = blocks[i];
      const data: (string | number | boolean)[][] = [];
      for (let r = r0; r < r1; r++) data.push(group.map((c) => toTypedInput(c.values[r], c.numberFormat === "@")));
      put(this.range(ws, { top: top + r0, left: group[0].column, bottom: top + r1 - 1, right: group[group.length - 1].column }), "Value2", data);
      this.progress(phase, i + 1, blocks.length);
      if (i + 1 < blocks.length) await this.yieldToPage();
    }
  }

  private listObject(ws: WpsObject, name: string): WpsObject {
    const key = name.toLowerCase();
    const lo = items(obj(ws, "ListObjects")).find((t) => str(t, "Name").toLowerCase() === key);
    if (!lo) throw new WorkbookError("not-found", wpsText.noSuchSheet(name));
    return lo;
  }

  async writeColumns(ref: TableRef, columns: ColumnWrite[]): Promise<TableRef> {
    return this.run(true, async () => {
      const ws = this.sheet(ref.sheet);
      const lo = ref.name ? this.listObject(ws, ref.name) : null;
      const names = lo ? new Set(items(obj(lo, "ListColumns")).map((c) => str(c, "Name").trim().toLowerCase())) : undefined;
      const { newLast } = checkColumnWrites(ref, columns, lo ? { names } : null);
      this.assertWritable(ws);
      for (const c of columns) if (c.header !== undefined) put(this.range(ws, { top: ref.headerRow, left: c.column, bottom: ref.headerRow, right: c.column }), "Value2", toTypedInput(c.header));
      if (ref.lastRow > ref.headerRow) await this.writeBlocks(ws, ref.headerRow + 1, columns, "write");
      if (lo && newLast > ref.lastColumn) {
        const bottom = ref.lastRow + (ref.totalsRow ? 1 : 0);
        call(lo, "Resize", this.range(ws, { top: ref.headerRow, left: ref.firstColumn, bottom, right: newLast }));
      }
      return { ...ref, lastColumn: newLast };
    });
  }

  /** The comments (批注) of a sheet with their cells, from Worksheet.Comments (one pass, whatever the range). */
  private comments(ws: WpsObject): { row: number; column: number; text: string; item: WpsObject }[] {
    return items(obj(ws, "Comments")).map((c) => {
      const cell = obj(c, "Parent");
      return { row: num(cell, "Row"), column: num(cell, "Column"), text: cellText(call(c, "Text")), item: c };
    });
  }

  private fill(ws: WpsObject, box: Box, argb: string | null): void {
    const interior = obj(this.range(ws, box), "Interior");
    if (argb === null) put(interior, "ColorIndex", XL_NONE);
    else put(interior, "Color", argbToBgr(argb));
  }

  async formatRows(ref: TableRef, format: RowFormat): Promise<void> {
    return this.run(true, async () => {
      const ws = this.sheet(ref.sheet);
      this.assertWritable(ws);
      const inColumns = (n: { row: number; column: number }) => n.row > ref.headerRow && n.row <= ref.lastRow && format.columns.includes(n.column);
      const colRuns = runs(format.columns.slice().sort((a, b) => a - b));
      if (ref.lastRow > ref.headerRow) for (const [c0, c1] of colRuns) this.fill(ws, { top: ref.headerRow + 1, left: c0, bottom: ref.lastRow, right: c1 }, null);
      for (const n of this.comments(ws).filter(inColumns)) call(n.item, "Delete");
      let done = 0;
      const classes = Object.entries(format.classes) as [keyof typeof HIGHLIGHT_FILLS, number[]][];
      for (const [cls, rows] of classes) {
        const inside = rows.filter((r) => r > ref.headerRow && r <= ref.lastRow).sort((a, b) => a - b);
        for (const [r0, r1] of runs(inside)) for (const [c0, c1] of colRuns) this.fill(ws, { top: r0, left: c0, bottom: r1, right: c1 }, HIGHLIGHT_FILLS[cls]);
        this.progress("format", ++done, classes.length + 1);
        await this.yieldToPage();
      }
      for (const n of format.notes) call(this.range(ws, { top: n.row, left: n.column, bottom: n.row, right: n.column }), "AddComment", n.text);
      this.progress("format", classes.length + 1, classes.length + 1);
    });
  }

  async addSheet(name: string, rows: CellValue[][], options: SheetOptions = {}): Promise<string> {
    return this.run(true, async () => {
      const app = this.app();
      // The sheet whose header was read is the one checked for protection if it is to be replaced.
      let found: WpsObject | undefined;
      const { used, replace } = await placeSheet(
        this.sheetList().map((s) => s.name),
        name,
        rows[0] ?? [],
        (existing, width) => {
          found = this.sheet(existing);
          return grid2(get(this.range(found, { top: 1, left: 1, bottom: 1, right: width }), "Value2"), 1, width)[0].map(fromWps);
        },
      );
      if (replace && found) this.assertWritable(found);
      const active = objOrNull(app, "ActiveSheet");
      let ws: WpsObject;
      if (replace) {
        ws = this.sheet(used);
        call(obj(ws, "UsedRange"), "Clear");
      } else {
        const all = this.worksheets();
        const last = item(all, num(all, "Count"));
        ws = call(all, "Add", undefined, last) as WpsObject;
        put(ws, "Name", used);
      }
      try {
        await this.fillSheet(ws, rows, options);
      } catch (e) {
        // A sheet this call created and could not fill goes again: no half-written sheet is left.
        if (!replace) this.deleteSheet(ws);
        throw e;
      } finally {
        if (active) {
          try {
            call(active, "Activate");
          } catch {
            // the user's sheet may be gone; nothing to give back
          }
        }
      }
      return used;
    });
  }

  /** Delete a sheet without WPS's confirmation dialog (DisplayAlerts off for the call). */
  private deleteSheet(ws: WpsObject): void {
    const app = this.app();
    const alerts = get(app, "DisplayAlerts");
    put(app, "DisplayAlerts", false);
    try {
      call(ws, "Delete");
    } finally {
      put(app, "DisplayAlerts", alerts !== false);
    }
  }

  private async fillSheet(ws: WpsObject, rows: CellValue[][], options: SheetOptions): Promise<void> {
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length && width) {
      const columns = Array.from({ length: width }, (_, j) => ({ column: j + 1, values: rows.map((r) => r[j] ?? null) }));
      await this.writeBlocks(ws, 1, columns, "sheet");
    }
    const headerRows = options.headerRows ?? 1;
    if (headerRows > 0 && width > 0) {
      put(obj(this.range(ws, { top: 1, left: 1, bottom: headerRows, right: width }), "Font"), "Bold", true);
      // Freezing is a window setting in ET (ActiveWindow.SplitRow + FreezePanes) on the active sheet.
      call(ws, "Activate");
      const win = objOrNull(this.app(), "ActiveWindow");
      if (win) {
        put(win, "FreezePanes", false);
        put(win, "SplitColumn", 0);
        put(win, "SplitRow", headerRows);
        put(win, "FreezePanes", true);
      }
    }
    // ET's ColumnWidth is in characters of the default font, as SheetOptions gives it.
    (options.columnWidths ?? []).forEach((w, i) => put(obj(this.range(ws, { top: 1, left: i + 1, bottom: 1, right: i + 1 }), "EntireColumn"), "ColumnWidth", w));
  }

  // ------------------------------------------------------------------ snapshot / restore

  /**
   * A per-cell format over a box, read as few times as the format allows: WPS answers a multi-cell
   * format with the common value, or null when the cells differ; the box is then halved until each
   * part is uniform (a column of results with two fills costs a handful of reads, not one per cell).
   */
  private uniform<T>(ws: WpsObject, box: Box, probe: (r: WpsObject) => T | null, into: (box: Box, value: T) => void): void {
    const v = probe(this.range(ws, box));
    if (v !== null) return into(box, v);
    if (box.top === box.bottom && box.left === box.right) return; // a single cell always answers; null means "none"
    if (box.bottom > box.top) {
      const mid = Math.floor((box.top + box.bottom) / 2);
      this.uniform(ws, { ...box, bottom: mid }, probe, into);
      this.uniform(ws, { ...box, top: mid + 1 }, probe, into);
    } else {
      const mid = Math.floor((box.left + box.right) / 2);
      this.uniform(ws, { ...box, right: mid }, probe, into);
      this.uniform(ws, { ...box, left: mid + 1 }, probe, into);
    }
  }

  private async snapshotRange(ws: WpsObject, range: SheetRange): Promise<RangeSnapshot> {
    this.guardSize(range.sheet, range);
    const values = await this.readValues(ws, range, "snapshot");
    const cells: CellSnapshot[][] = values.map((row) => row.map((v) => ({ value: fromWps(v), numberFormat: "General", fill: null, note: null, host: { bold: false } })));
    const each = (box: Box, fn: (c: CellSnapshot, r: number, col: number) => void) => {
      for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) fn(cells[r - range.top][c - range.left], r, c);
    };
    // Formulas: HasFormula per uniform part, then each formula cell's Formula.
    const formulaCells: [number, number][] = [];
    this.uniform(
      ws,
      range,
      (r) => {
        const has = get(r, "HasFormula");
        return has === true || has === false ? has : null;
      },
      (box, has) => {
        if (has) each(box, (_c, r, col) => formulaCells.push([r, col]));
      },
    );
    for (const [r, col] of formulaCells) {
      const f = cellText(get(this.range(ws, { top: r, left: col, bottom: r, right: col }), "Formula"));
      if (f.startsWith("=")) cells[r - range.top][col - range.left].formula = f.slice(1);
    }
    this.uniform(ws, range, (r) => {
      const f = get(r, "NumberFormat");
      return typeof f === "string" ? f : null;
    }, (box, f) => each(box, (c) => (c.numberFormat = f)));
    this.uniform(
      ws,
      range,
      (r) => {
        const interior = obj(r, "Interior");
        const index = get(interior, "ColorIndex");
        if (index === XL_NONE) return "none";
        if (index === null || index === undefined) return null;
        const color = get(interior, "Color");
        return typeof color === "number" ? bgrToArgb(color) : null;
      },
      (box, fill) => each(box, (c) => (c.fill = fill === "none" ? null : fill)),
    );
    this.uniform(ws, range, (r) => {
      const b = get(obj(r, "Font"), "Bold");
      return b === true || b === false ? b : null;
    }, (box, bold) => each(box, (c) => (c.host = { bold })));
    for (const n of this.comments(ws)) if (n.row >= range.top && n.row <= range.bottom && n.column >= range.left && n.column <= range.right) cells[n.row - range.top][n.column - range.left].note = n.text;
    return { range, cells };
  }

  async snapshot(scope: SnapshotScope): Promise<Snapshot> {
    return this.run(false, async () => {
      const ranges: RangeSnapshot[] = [];
      for (const r of scope.ranges) ranges.push(await this.snapshotRange(this.sheet(r.sheet), r));
      const tables: Snapshot["tables"] = [];
      for (const t of (scope.tables ?? []).filter((x) => x.name)) {
        const lo = this.listObject(this.sheet(t.sheet), t.name as string);
        const box = this.boxOf(obj(lo, "Range"));
        tables.push({ ref: { ...t, firstColumn: box.left, lastColumn: box.right }, columnNames: items(obj(lo, "ListColumns")).map((c) => str(c, "Name")) });
      }
      const sheets: Snapshot["sheets"] = [];
      for (const name of scope.sheets ?? []) {
        const ws = this.find(name);
        if (!ws) {
          sheets.push({ name, existed: false });
          continue;
        }
        const actual = str(ws, "Name");
        const box = this.boxOf(obj(ws, "UsedRange"));
        sheets.push({ name: actual, existed: true, cells: await this.snapshotRange(ws, { sheet: actual, ...box }) });
      }
      return { ranges, tables, sheets };
    });
  }

  private async restoreRange(ws: WpsObject, snap: RangeSnapshot): Promise<void> {
    const { range, cells } = snap;
    const width = range.right - range.left + 1;
    // Number formats first, so that a text-formatted ("@") cell takes its text back verbatim.
    for (let j = 0; j < width; j++) {
      const formats = cells.map((row) => row[j].numberFormat ?? "General");
      let r0 = 0;
      for (let i = 1; i <= formats.length; i++) {
        if (i < formats.length && formats[i] === formats[r0]) continue;
        put(this.range(ws, { top: range.top + r0, left: range.left + j, bottom: range.top + i - 1, right: range.left + j }), "NumberFormat", formats[r0]);
        r0 = i;
      }
    }
    const columns = Array.from({ length: width }, (_, j) => ({ column: range.left + j, values: cells.map((row) => row[j].value) }));
    // Formulas go back as formulas; every other cell as its value (text guarded).
    const height = cells.length;
    const per = Math.max(1, Math.floor(this.writeCells / width));
    for (let r0 = 0; r0 < height; r0 += per) {
      const r1 = Math.min(height, r0 + per);
      const data: (string | number | boolean)[][] = [];
      for (let r = r0; r < r1; r++) data.push(columns.map((c, j) => (cells[r][j].formula !== undefined ? "=" + cells[r][j].formula : toTypedInput(c.values[r], cells[r][j].numberFormat === "@"))));
      put(this.range(ws, { top: range.top + r0, left: range.left, bottom: range.top + r1 - 1, right: range.right }), "Value2", data);
      this.progress("restore", Math.ceil(r1 / per), Math.ceil(height / per));
      if (r1 < height) await this.yieldToPage();
    }
    // Fills: cleared, then put back colour by colour in runs down each column.
    this.fill(ws, range, null);
    for (let j = 0; j < width; j++) {
      let r0 = 0;
      for (let i = 1; i <= height; i++) {
        if (i < height && cells[i][j].fill === cells[r0][j].fill) continue;
        const f = cells[r0][j].fill;
        if (f) this.fill(ws, { top: range.top + r0, left: range.left + j, bottom: range.top + i - 1, right: range.left + j }, f);
        r0 = i;
      }
    }
    // Bold, the same way.
    put(obj(this.range(ws, range), "Font"), "Bold", false);
    for (let j = 0; j < width; j++) {
      const bold = cells.map((row, i) => ((row[j].host as { bold?: boolean } | undefined)?.bold ? range.top + i : 0)).filter((r) => r > 0);
      for (const [a, b] of runs(bold)) put(obj(this.range(ws, { top: a, left: range.left + j, bottom: b, right: range.left + j }), "Font"), "Bold", true);
    }
  }

  async restore(snapshot: Snapshot): Promise<void> {
    return this.run(true, async () => {
      const present = new Map(this.sheetList().map((s) => [s.name.toLowerCase(), s.ws]));
      const touched = [...new Set([...snapshot.ranges.map((r) => r.range.sheet), ...snapshot.sheets.filter((s) => s.existed).map((s) => s.name)])];
      for (const n of touched) {
        const ws = present.get(n.toLowerCase());
        if (ws) this.assertWritable(ws);
      }
      const app = this.app();
      const active = objOrNull(app, "ActiveSheet");
      const activeName = active ? str(active, "Name") : "";
      // Sheets the step added go; sheets it replaced get their cells back below.
      for (const s of snapshot.sheets) {
        const ws = present.get(s.name.toLowerCase());
        if (!ws) continue;
        if (!s.existed) {
          this.deleteSheet(ws);
          present.delete(s.name.toLowerCase());
        } else call(obj(ws, "UsedRange"), "Clear");
      }
      // ListObjects back to their extent (columns the step appended leave the table).
      for (const t of snapshot.tables) {
        const ws = this.sheet(t.ref.sheet);
        const lo = this.listObject(ws, t.ref.name as string);
        const now = this.boxOf(obj(lo, "Range"));
        call(lo, "Resize", this.range(ws, { top: now.top, left: t.ref.firstColumn, bottom: now.bottom, right: t.ref.lastColumn }));
      }
      const all: RangeSnapshot[] = [...snapshot.ranges, ...snapshot.sheets.flatMap((s) => (s.existed && s.cells ? [s.cells] : []))];
      for (const r of all) await this.restoreRange(this.sheet(r.range.sheet), r);
      // Comments last: those in the restored cells go, and the snapshot's come back.
      for (const sheetName of [...new Set(all.map((r) => r.range.sheet))]) {
        const ws = this.sheet(sheetName);
        const inSheet = all.filter((r) => r.range.sheet === sheetName);
        const inside = (n: { row: number; column: number }) => inSheet.some((r) => n.row >= r.range.top && n.row <= r.range.bottom && n.column >= r.range.left && n.column <= r.range.right);
        for (const n of this.comments(ws).filter(inside)) call(n.item, "Delete");
        for (const r of inSheet)
          r.cells.forEach((row, i) =>
            row.forEach((c, j) => {
              if (c.note) call(this.range(ws, { top: r.range.top + i, left: r.range.left + j, bottom: r.range.top + i, right: r.range.left + j }), "AddComment", c.note);
            }),
          );
      }
      if (activeName) {
        const back = this.find(activeName);
        if (back) call(back, "Activate");
      }
    });
  }

  // ------------------------------------------------------------------ for the pane (not part of the port)

  /** The selected cell's sheet and position, and the active sheet. */
  async selection(): Promise<{ sheet: string; row: number; column: number; activeSheet: string } | null> {
    try {
      const app = this.app();
      const active = objOrNull(app, "ActiveSheet");
      const sel = objOrNull(app, "Selection");
      if (!active || !sel || get(sel, "Row") === undefined) return null;
      const ws = objOrNull(sel, "Worksheet");
      return { sheet: ws ? str(ws, "Name") : str(active, "Name"), row: num(sel, "Row"), column: num(sel, "Column"), activeSheet: str(active, "Name") };
    } catch {
      return null;
    }
  }

  /** Select a cell (A1 address) on a sheet and show that sheet. */
  async select(sheetName: string, cell: string): Promise<void> {
    return this.run(false, async () => {
      const ws = this.sheet(sheetName);
      call(ws, "Activate");
      const b = parseBox(cell);
      call(this.range(ws, b), "Select");
    });
  }

  /** Recalculate (after a policy change, the custom functions give new results). */
  async recalculate(): Promise<void> {
    return this.run(false, async () => {
      call(this.app(), "Calculate");
    });
  }
}
