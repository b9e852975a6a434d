// The Office.js adapter of the WorkbookPort (DESIGN.md): what the task pane runs the actions on.
//
// Office.js discipline (issue #3, item 7):
// - Reads are row blocks of at most READ_CELLS cells (a table is read once, block by block; Excel on
//   the web answers at most 5 MB per request). Writes are row blocks of at most WRITE_CELLS cells
//   AND at most BYTE_BUDGET bytes of estimated request payload (the limit is 5 MB): rows per block =
//   floor(WRITE_CELLS / columns), cut shorter where long text makes a block heavier. One
//   context.sync per block, plus a constant number per call (protection check, table extent).
// - Every write block starts with application.suspendApiCalculationUntilNextSync() (ExcelApi 1.6).
// - Values first, formatting after: fills and notes go out only once every value block is written.
// - Requirement sets are checked at run time: notes need ExcelApi 1.18 (else threaded comments, 1.10,
//   else the 说明 column alone), multi-area fills and cell properties 1.9, table resize 1.13.
// - A protected sheet is detected in the first (read-only) sync of every writing call and reported as
//   a WorkbookError("unwritable") before anything is written.
// - Text stays text: a string that Excel would turn into something else when assigned to
//   range.values (a formula "=…", "+…", "-…", "@…"; a number "0012", "1e5", "90%"; a date "3/5",
//   "3月5日"; TRUE/FALSE; "#N/A"; a leading apostrophe) is written with a leading apostrophe,
//   Excel's own "keep as typed" prefix, which is not part of the value read back. Other strings
//   go as they are, so the formula bar shows staff their text unchanged.
import type { CellValue, RawTable } from "../../engine/types";
import { hostSay } from "../../i18n/workbook";
import { formatRange, parseBox, quoteSheet, runs, toTypedInput } from "../codec";
import { closestNearMisses, listObjectRef, NearMiss, sheetBlocks, sortTables } from "../locate";
import { ChartSpec, checkColumnWrites, ColumnWrite, HIGHLIGHT_FILLS, rangeOfTable, RangeSnapshot, RowFormat, SheetOptions, SheetRange, Snapshot, SnapshotScope, placeSheet, tableFromGrid, TableRef, WorkbookError, WorkbookPort } from "../port";
import { addNoteOp, deleteNoteOp, LoadedNote, loadNotes, NoteMode, noteModeOf } from "./notes";
import { BYTE_BUDGET, estimateBytes, fillOps, MAX_READ_CELLS, opBlocks, READ_CELLS, SizedOp, valueOps, WRITE_CELLS } from "./requests";
import { restoreOps, snapshotCells } from "./snapshot";
import { argbToHex, breathe, convertRows, startSlice } from "./values";

type Ctx = Excel.RequestContext;
export type Runner = <T>(batch: (context: Ctx) => Promise<T>) => Promise<T>;

export interface Capabilities {
  /** Where reasons go besides the 说明 column. */
  notes: NoteMode;
  /** getRanges / getCellProperties / setCellProperties (ExcelApi 1.9). */
  cellProperties: boolean;
  /** Table.resize (ExcelApi 1.13). */
  tableResize: boolean;
  /** suspendApiCalculationUntilNextSync (ExcelApi 1.6). */
  suspendCalculation: boolean;
  /** getItemOrNullObject / getUsedRangeOrNullObject (ExcelApi 1.4). */
  nullObjects: boolean;
}

export interface AdapterStats {
  /** context.sync calls made by this adapter. */
  syncs: number;
  /** Of which: one per row block (read or write) or format block. */
  chunks: number;
  /** Largest estimated request of a write block, in bytes. */
  maxChunkBytes: number;
}

export interface OfficeWorkbookOptions {
  run?: Runner;
  isSetSupported?: (name: string, version: string) => boolean;
  /** Called after each block: what is being done, blocks done so far in this call, blocks in this call. */
  onProgress?: (phase: ProgressPhase, done: number, total: number) => void;
  readCells?: number;
  /** Most cells of one rectangle read (default MAX_READ_CELLS). */
  maxReadCells?: number;
  writeCells?: number;
  byteBudget?: number;
}

export type ProgressPhase = "read" | "write" | "format" | "snapshot" | "restore" | "sheet";

function address(top: number, left: number, bottom: number, right: number): string {
  return formatRange({ top, left, bottom, right }, true);
}

function officeMessage(e: unknown): string {
  if (e && typeof e === "object" && "message" in e) return String((e).message);
  return String(e);
}

/** Office.js failures become WorkbookErrors with a sentence the pane can show. */
function translate(e: unknown): never {
  if (e instanceof WorkbookError) throw e;
  const code = e && typeof e === "object" && "code" in e ? String((e).code) : "";
  const detail = officeMessage(e);
  if (code === "InvalidOperationInCellEditMode") throw new WorkbookError("unwritable", hostSay.excelEditing());
  if (code === "AccessDenied") throw new WorkbookError("unwritable", hostSay.excelRefused(detail));
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") throw new WorkbookError("bad-request", hostSay.excelRequestTooLarge(detail));
  throw new WorkbookError("bad-request", hostSay.excelFailed(detail, code));
}

export class OfficeWorkbook implements WorkbookPort {
  readonly stats: AdapterStats = { syncs: 0, chunks: 0, maxChunkBytes: 0 };
  private readonly run: Runner;
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly readCells: number;
  private readonly maxReadCells: number;
  private readonly writeCells: number;
  private readonly byteBudget: number;
  private caps: Capabilities | null = null;

  constructor(private readonly options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? (<T>(batch: (c: Ctx) => Promise<T>) => Excel.run(batch));
    this.isSetSupported = options.isSetSupported ?? ((n, v) => Office.context.requirements.isSetSupported(n, v));
    this.readCells = options.readCells ?? READ_CELLS;
    this.maxReadCells = options.maxReadCells ?? MAX_READ_CELLS;
    this.writeCells = options.writeCells ?? WRITE_CELLS;
    this.byteBudget = options.byteBudget ?? BYTE_BUDGET;
  }

  /** Requirement sets, checked once at run time. */
  capabilities(): Capabilities {
    if (!this.caps) {
      const has = (v: string) => {
        try {
          return !!this.isSetSupported("ExcelApi", v);
        } catch {
          return false;
        }
      };
      this.caps = {
        notes: noteModeOf(has),
        cellProperties: has("1.9"),
        tableResize: has("1.13"),
        suspendCalculation: has("1.6"),
        nullObjects: has("1.4"),
      };
    }
    return this.caps;
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.chunks = 0;
    this.stats.maxChunkBytes = 0;
  }

  /**
   * Await one context.sync(), counted (stats). Written `await this.counted(context.sync())` at each
   * call site, so that eslint-plugin-office-addins sees every sync where it happens.
   */
  private async counted(sync: Promise<void>, chunk = false): Promise<void> {
    this.stats.syncs++;
    if (chunk) this.stats.chunks++;
    await sync;
  }

  private async batch<T>(fn: (context: Ctx) => Promise<T>): Promise<T> {
    try {
      return await this.run(fn);
    } catch (e) {
      translate(e);
    }
  }

  /** What one write block may hold. */
  private writeBudget(): { cells: number; bytes: number } {
    return { cells: this.writeCells, bytes: this.byteBudget };
  }

  private progress(phase: ProgressPhase, done: number, total: number): void {
    this.options.onProgress?.(phase, done, total);
  }

  // ------------------------------------------------------------------ reading

  /** Refuse, before reading anything, a rectangle past the read limit: say where and what to do. */
  private guardSize(sheetName: string, box: { top: number; left: number; bottom: number; right: number }): void {
    const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
    if (cells <= this.maxReadCells) return;
    const where = address(box.top, box.left, box.bottom, box.right);
    throw new WorkbookError("too-large", hostSay.tooLarge(sheetName, where, cells.toLocaleString("en-US"), this.maxReadCells.toLocaleString("en-US")));
  }

  /**
   * Rows of a rectangle, read in row blocks; `props` per block (values always first). A block whose
   * answer Excel refuses as too large (long texts) is read again in halves, down to one row.
   */
  private async readBlocks(context: Ctx, sheet: Excel.Worksheet, box: { top: number; left: number; bottom: number; right: number }, props: ("values" | "valueTypes" | "formulas" | "numberFormat")[], phase: ProgressPhase = "read") {
    const width = box.right - box.left + 1;
    const height = box.bottom - box.top + 1;
    let per = Math.max(1, Math.floor(this.readCells / width));
    const out: Record<string, unknown[][]> = {};
    for (const p of props) out[p] = [];
    let fills: Excel.CellProperties[][] = [];
    const wantFill = phase === "snapshot" && this.capabilities().cellProperties;
    let r0 = box.top;
    let done = 0;
    while (r0 <= box.bottom) {
      const rows = Math.min(per, box.bottom - r0 + 1);
      const range = sheet.getRangeByIndexes(r0 - 1, box.left - 1, rows, width);
      // eslint-disable-next-line office-addins/no-empty-load -- props names the properties (values, formulas, numberFormat …)
      range.load(props.join(","));
      const cellProps = wantFill ? range.getCellProperties({ format: { fill: { color: true, pattern: true }, font: { bold: true } } }) : null;
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of rows, sized to stay under Excel's response limit
        await this.counted(context.sync(), true);
      } catch (e) {
        const code = e && typeof e === "object" && "code" in e ? String((e).code) : "";
        if (code === "ResponsePayloadSizeLimitExceeded" && rows > 1) {
          per = Math.ceil(rows / 2);
          continue;
        }
        throw e;
      }
      // eslint-disable-next-line office-addins/load-object-before-read -- the properties read here are the ones loaded above (props)
      for (const p of props) out[p].push(...(range[p] as unknown[][]));
      if (cellProps) fills = fills.concat(cellProps.value);
      r0 += rows;
      done += rows;
      this.progress(phase, Math.ceil(done / per), Math.ceil(height / per));
    }
    return { out, fills };
  }

  private toValues(values: unknown[][], types: unknown[][]): Promise<CellValue[][]> {
    return convertRows(values, types);
  }

  /** Header-like rows the last listTables saw but could not recognise (WorkbookPort.nearMisses). */
  private nearMissesSeen: NearMiss[] = [];

  async nearMisses(): Promise<NearMiss[]> {
    return closestNearMisses(this.nearMissesSeen);
  }

  async listTables(): Promise<TableRef[]> {
    const nearMisses: NearMiss[] = (this.nearMissesSeen = []);
    return this.batch(async (context) => {
      const caps = this.capabilities();
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name,items/showHeaders,items/showTotals");
      await this.counted(context.sync());
      const tableInfo = tables.items.map((t) => {
        const ws = t.worksheet;
        ws.load("name");
        const range = t.getRange();
        range.load("address");
        const header = t.showHeaders ? t.getHeaderRowRange() : null;
        if (header) header.load("values");
        return { t, ws, range, header };
      });
      const used = sheets.items.map((s) => {
        const r = caps.nullObjects ? s.getUsedRangeOrNullObject(true) : s.getUsedRange(true);
        r.load("address");
        return { name: s.name, sheet: s, r };
      });
      await this.counted(context.sync());
      const objects: TableRef[] = [];
      for (const info of tableInfo) {
        if (!info.header) continue; // a table without a header row has nothing to recognise it by
        objects.push(listObjectRef(info.ws.name, info.t.name, parseBox(info.range.address), info.t.showTotals, info.header.values[0] as CellValue[]));
      }
      const all: TableRef[] = [...objects];
      for (const u of used) {
        if (caps.nullObjects && u.r.isNullObject) continue;
        const box = parseBox(u.r.address);
        const mine = objects.filter((o) => o.sheet === u.name);
        const read = async () => {
          this.guardSize(u.name, box);
          const { out } = await this.readBlocks(context, u.sheet, box, ["values", "valueTypes"]);
          return this.toValues(out.values, out.valueTypes);
        };
        // The locator walks every row of the used range: in steps, letting the page breathe between them.
        startSlice();
        all.push(...(await sheetBlocks(u.name, box, mine, read, nearMisses, breathe)));
      }
      return sortTables(all, used.map((u) => u.name));
    });
  }

  async readTable(ref: TableRef): Promise<RawTable> {
    return tableFromGrid(ref, await this.readRange(rangeOfTable(ref)));
  }

  async readRange(range: SheetRange): Promise<CellValue[][]> {
    this.guardSize(range.sheet, range);
    return this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getItem(range.sheet);
      const { out } = await this.readBlocks(context, sheet, range, ["values", "valueTypes"]);
      return this.toValues(out.values, out.valueTypes);
    });
  }

  // ------------------------------------------------------------------ writing

  /** Fail before writing anything if the sheet is protected. Queues the check; call after a sync. */
  private protectionProbe(sheet: Excel.Worksheet): () => void {
    sheet.protection.load("protected");
    sheet.load("name");
    return () => {
      if (sheet.protection.protected) {
        throw new WorkbookError("unwritable", hostSay.protectedSheet(sheet.name));
      }
    };
  }

  /** Sheets among `names` that exist and are protected (the pane reports them before a compute starts). */
  async protectedSheets(names: readonly string[]): Promise<string[]> {
    return this.batch(async (context) => {
      const all = context.workbook.worksheets;
      all.load("items/name");
      await this.counted(context.sync());
      const wanted = new Set(names.map((n) => n.toLowerCase()));
      const probes = all.items.filter((s) => wanted.has(s.name.toLowerCase())).map((ws) => {
        ws.protection.load("protected");
        return ws;
      });
      await this.counted(context.sync());
      return probes.filter((ws) => ws.protection.protected).map((ws) => ws.name);
    });
  }

  /** Send sized operations in blocks of at most byteBudget estimated bytes: one sync per block. */
  private async flush(context: Ctx, ops: SizedOp[], phase: ProgressPhase, suspend: boolean): Promise<void> {
    const blocks = opBlocks(ops, this.byteBudget);
    for (let i = 0; i < blocks.length; i++) {
      if (suspend && this.capabilities().suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
      const size = blocks[i].reduce((n, op) => n + op.bytes, 0);
      this.stats.maxChunkBytes = Math.max(this.stats.maxChunkBytes, size);
      for (const op of blocks[i]) op.run(context);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of at most 20,000 cells and about 1 MB (Excel on the web refuses requests over 5 MB)
      await this.counted(context.sync(), true);
      this.progress(phase, i + 1, blocks.length);
    }
  }

  async writeColumns(ref: TableRef, columns: ColumnWrite[]): Promise<TableRef> {
    const height = ref.lastRow - ref.headerRow;
    const { appended, newLast } = checkColumnWrites(ref, columns, ref.name ? {} : null);

    return this.batch(async (context) => {
      const caps = this.capabilities();
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      const check = this.protectionProbe(sheet);
      await this.counted(context.sync());
      check();

      const ops: SizedOp[] = [];
      const headers = columns.filter((c) => c.header !== undefined);
      if (headers.length) {
        ops.push({
          bytes: headers.reduce((n, c) => n + estimateBytes(c.header), 0),
          run: (c) => {
            const ws = c.workbook.worksheets.getItem(ref.sheet);
            for (const h of headers) ws.getRangeByIndexes(ref.headerRow - 1, h.column - 1, 1, 1).values = [[toTypedInput(h.header)]];
          },
        });
      }
      if (height > 0) ops.push(...(await valueOps(ref.sheet, ref.headerRow + 1, columns, this.writeBudget())));
      await this.flush(context, ops, "write", true);

      if (ref.name && newLast > ref.lastColumn) {
        const table = context.workbook.tables.getItem(ref.name);
        if (caps.tableResize) {
          const bottom = ref.lastRow + (ref.totalsRow ? 1 : 0);
          table.resize(`${quoteSheet(ref.sheet)}!${address(ref.headerRow, ref.firstColumn, bottom, newLast)}`);
        } else {
          for (const c of appended) table.columns.add(undefined, undefined, columns.find((x) => x.column === c)?.header);
        }
        await this.counted(context.sync());
      }
      return { ...ref, lastColumn: newLast };
    });
  }

  async formatRows(ref: TableRef, format: RowFormat): Promise<void> {
    const mode = this.capabilities().notes;
    return this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      const check = this.protectionProbe(sheet);
      await this.counted(context.sync());
      check();
      const inColumns = (n: { row: number; column: number }) => n.row > ref.headerRow && n.row <= ref.lastRow && format.columns.includes(n.column);
      const existing = (await loadNotes(context, sheet, mode, (sync) => this.counted(sync))).filter(inColumns);

      const ops: SizedOp[] = [];
      const height = ref.lastRow - ref.headerRow;
      if (height > 0) {
        for (const [c0, c1] of runs(format.columns.slice().sort((a, b) => a - b))) {
          ops.push({ bytes: 64, run: (c) => c.workbook.worksheets.getItem(ref.sheet).getRange(address(ref.headerRow + 1, c0, ref.lastRow, c1)).format.fill.clear() });
        }
      }
      for (const n of existing) ops.push(deleteNoteOp(n));
      for (const [cls, rows] of Object.entries(format.classes) as [keyof typeof HIGHLIGHT_FILLS, number[]][]) {
        const inside = rows.filter((r) => r > ref.headerRow && r <= ref.lastRow);
        if (inside.length) ops.push(...fillOps(ref.sheet, inside, format.columns, argbToHex(HIGHLIGHT_FILLS[cls]), this.capabilities().cellProperties));
      }
      if (mode !== "none") for (const n of format.notes) ops.push(addNoteOp(ref.sheet, n.row, n.column, n.text, mode));
      await this.flush(context, ops, "format", false);
    });
  }

  async addSheet(name: string, rows: CellValue[][], options: SheetOptions = {}): Promise<string> {
    return this.batch(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await this.counted(context.sync());
      // The protection probe is loaded in the same sync as the header; it is asked only if the sheet is replaced.
      let check = () => {};
      const { used, replace } = await placeSheet(
        sheets.items.map((s) => s.name),
        name,
        rows[0] ?? [],
        async (existing, width) => {
          const ws = sheets.getItem(existing);
          const head = ws.getRangeByIndexes(0, 0, 1, width);
          head.load("values");
          check = this.protectionProbe(ws);
          await this.counted(context.sync());
          return head.values[0] as CellValue[];
        },
      );
      if (replace) check();
      const ws = () => context.workbook.worksheets.getItem(used);
      try {
        if (replace) ws().getRange().clear("All");
        else sheets.add(used);
        await this.counted(context.sync());
        await this.fillSheet(context, used, rows, options);
      } catch (e) {
        // A sheet this call created and could not fill goes again: no half-written sheet is left.
        if (!replace) {
          try {
            ws().delete();
            await this.counted(context.sync());
          } catch {
            // the original failure is the one to report
          }
        }
        throw e;
      }
      return used;
    });
  }

  /**
   * A clustered column chart of a block of the sheet (ExcelApi 1.1): the add-in's chart of the same
   * name goes first (getItemOrNullObject, 1.4; before that the sheet's charts by name), then the new
   * one is added from the block, named, titled and placed over its anchor cells. One request.
   */
  async addChart(sheetName: string, chart: ChartSpec): Promise<boolean> {
    return this.batch(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      if (this.capabilities().nullObjects) {
        const old = ws.charts.getItemOrNullObject(chart.name);
        old.load("name");
        await this.counted(context.sync());
        if (!old.isNullObject) old.delete();
      } else {
        // eslint-disable-next-line office-addins/load-object-before-read -- ws.charts is a navigation to a collection, loaded on the next line
        const charts = ws.charts;
        charts.load("items/name");
        await this.counted(context.sync());
        for (const c of charts.items) if (c.name === chart.name) c.delete();
      }
      const d = chart.data;
      const source = ws.getRangeByIndexes(d.top - 1, d.left - 1, d.bottom - d.top + 1, d.right - d.left + 1);
      const c = ws.charts.add("ColumnClustered" as Excel.ChartType, source, "Columns" as Excel.ChartSeriesBy);
      c.name = chart.name;
      c.title.text = chart.title;
      if (chart.categoryAxis) c.axes.categoryAxis.title.text = chart.categoryAxis;
      if (chart.valueAxis) c.axes.valueAxis.title.text = chart.valueAxis;
      if (chart.valueStep) c.axes.valueAxis.majorUnit = chart.valueStep;
      const a = chart.anchor;
      c.setPosition(ws.getCell(a.row - 1, a.column - 1), ws.getCell(a.row - 1 + a.rows - 1, a.column - 1 + a.columns - 1));
      await this.counted(context.sync());
      return true;
    });
  }

  /** The values of a sheet addSheet made or cleared, then its bold, frozen header and column widths. */
  private async fillSheet(context: Ctx, used: string, rows: CellValue[][], options: SheetOptions): Promise<void> {
    const ws = () => context.workbook.worksheets.getItem(used);
    const width = Math.max(0, ...rows.map((r) => r.length));
    const ops: SizedOp[] = [];
    if (rows.length && width) {
      const columns = Array.from({ length: width }, (_, j) => ({ column: j + 1, values: rows.map((r) => r[j] ?? null) }));
      ops.push(...(await valueOps(used, 1, columns, this.writeBudget())));
    }
    const headerRows = options.headerRows ?? 1;
    ops.push({
      bytes: 128 + (options.columnWidths?.length ?? 0) * 48,
      run: () => {
        const s = ws();
        if (headerRows > 0 && width > 0) {
          s.getRangeByIndexes(0, 0, headerRows, width).format.font.bold = true;
          s.freezePanes.freezeRows(headerRows);
        }
        // Excel's column width is in points; about 6 points per character of the default font.
        (options.columnWidths ?? []).forEach((w, i) => (s.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * 6));
      },
    });
    await this.flush(context, ops, "sheet", true);
  }

  // ------------------------------------------------------------------ snapshot / restore

  private async snapshotRange(context: Ctx, range: SheetRange, notes: Map<string, LoadedNote[]>, mode: NoteMode): Promise<RangeSnapshot> {
    this.guardSize(range.sheet, range);
    const sheet = context.workbook.worksheets.getItem(range.sheet);
    const blocks = await this.readBlocks(context, sheet, range, ["values", "valueTypes", "formulas", "numberFormat"], "snapshot");
    let sheetNotes = notes.get(range.sheet);
    if (!sheetNotes) {
      sheetNotes = await loadNotes(context, sheet, mode, (sync) => this.counted(sync));
      notes.set(range.sheet, sheetNotes);
    }
    const noteAt = new Map(sheetNotes.map((n) => [`${n.row},${n.column}`, n.text]));
    return { range, cells: await snapshotCells(range, blocks, noteAt) };
  }

  async snapshot(scope: SnapshotScope): Promise<Snapshot> {
    const mode = this.capabilities().notes;
    return this.batch(async (context) => {
      const notes = new Map<string, LoadedNote[]>();
      const ranges: RangeSnapshot[] = [];
      for (const r of scope.ranges) ranges.push(await this.snapshotRange(context, r, notes, mode));

      const named = (scope.tables ?? []).filter((t) => t.name);
      const loaded = named.map((t) => {
        const table = context.workbook.tables.getItem(t.name as string);
        const range = table.getRange();
        range.load("address");
        // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- table.columns is a navigation to a collection, loaded on the next line
        const cols = table.columns;
        cols.load("items/name");
        return { t, range, cols };
      });
      const probes = (scope.sheets ?? []).map((name) => {
        const ws = this.capabilities().nullObjects ? context.workbook.worksheets.getItemOrNullObject(name) : null;
        ws?.load("name");
        return { name, ws };
      });
      if (loaded.length || probes.length) await this.counted(context.sync());
      const tables = loaded.map(({ t, range, cols }) => {
        const box = parseBox(range.address);
        return { ref: { ...t, firstColumn: box.left, lastColumn: box.right }, columnNames: cols.items.map((c) => c.name) };
      });

      const sheets: Snapshot["sheets"] = [];
      for (const p of probes) {
        let exists: string | null = null;
        if (p.ws) exists = p.ws.isNullObject ? null : p.ws.name;
        else {
          const all = context.workbook.worksheets;
          all.load("items/name");
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the sheet names are read once, for the first sheet that needs them
          await this.counted(context.sync());
          exists = all.items.map((s) => s.name).find((n) => n.toLowerCase() === p.name.toLowerCase()) ?? null;
        }
        if (!exists) {
          sheets.push({ name: p.name, existed: false });
          continue;
        }
        const used = context.workbook.worksheets.getItem(exists).getUsedRange(false);
        used.load("address");
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sheet at a time: a sheet's used range sizes the read of its cells (at most the four sheets a compute writes)
        await this.counted(context.sync());
        const box = parseBox(used.address);
        const cells = await this.snapshotRange(context, { sheet: exists, ...box }, notes, mode);
        sheets.push({ name: exists, existed: true, cells });
      }
      return { ranges, tables, sheets };
    });
  }

  async restore(snapshot: Snapshot): Promise<void> {
    const caps = this.capabilities();
    const mode = caps.notes;
    return this.batch(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await this.counted(context.sync());
      const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const touched = [...new Set([...snapshot.ranges.map((r) => r.range.sheet), ...snapshot.sheets.filter((s) => s.existed).map((s) => s.name)])].filter((n) => present.has(n.toLowerCase()));
      const checks = touched.map((n) => this.protectionProbe(sheets.getItem(n)));
      await this.counted(context.sync());
      checks.forEach((c) => c());

      // Sheets the compute added go; sheets it replaced get their cells back below.
      for (const s of snapshot.sheets) {
        if (!s.existed && present.has(s.name.toLowerCase())) sheets.getItem(s.name).delete();
        else if (s.existed && present.has(s.name.toLowerCase())) sheets.getItem(s.name).getRange().clear("All");
      }
      // ListObjects back to their extent.
      for (const t of snapshot.tables) {
        const table = context.workbook.tables.getItem(t.ref.name as string);
        if (caps.tableResize) {
          const box = table.getRange();
          box.load("address");
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one table at a time: its extent now must be read before it is resized (a compute widens a handful of tables)
          await this.counted(context.sync());
          const now = parseBox(box.address);
          table.resize(`${quoteSheet(t.ref.sheet)}!${address(now.top, t.ref.firstColumn, now.bottom, t.ref.lastColumn)}`);
        } else {
          // eslint-disable-next-line office-addins/load-object-before-read -- table.columns is a navigation to a collection, loaded on the next line
          const cols = table.columns;
          cols.load("items/name");
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one table at a time: its column names must be read before its extra columns are deleted (a compute widens a handful of tables)
          await this.counted(context.sync());
          for (let i = cols.items.length - 1; i >= t.columnNames.length; i--) cols.getItemAt(i).delete();
        }
      }
      await this.counted(context.sync());

      const all: RangeSnapshot[] = [...snapshot.ranges, ...snapshot.sheets.flatMap((s) => (s.existed && s.cells ? [s.cells] : []))];
      const ops: SizedOp[] = all.flatMap((r) => restoreOps(r, this.writeBudget(), caps.cellProperties));
      await this.flush(context, ops, "restore", true);

      // Notes last: those in the restored cells now go, and the snapshot's come back.
      if (mode !== "none") {
        const noteOps: SizedOp[] = [];
        for (const sheetName of [...new Set(all.map((r) => r.range.sheet))]) {
          const inSheet = all.filter((r) => r.range.sheet === sheetName);
          const inside = (n: { row: number; column: number }) => inSheet.some((r) => n.row >= r.range.top && n.row <= r.range.bottom && n.column >= r.range.left && n.column <= r.range.right);
          const now = (await loadNotes(context, context.workbook.worksheets.getItem(sheetName), mode, (sync) => this.counted(sync))).filter(inside);
          for (const n of now) noteOps.push(deleteNoteOp(n));
          for (const r of inSheet)
            r.cells.forEach((row, i) =>
              row.forEach((c, j) => {
                if (c.note) noteOps.push(addNoteOp(sheetName, r.range.top + i, r.range.left + j, c.note, mode));
              }),
            );
        }
        await this.flush(context, noteOps, "restore", false);
      }
    });
  }

  // ------------------------------------------------------------------ for the pane (not part of the port)

  /** The selected cell's sheet and position, and the active sheet. */
  async selection(): Promise<{ sheet: string; row: number; column: number; activeSheet: string } | null> {
    return this.batch(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      try {
        await this.counted(context.sync());
      } catch {
        return null;
      }
      const addr = range.address;
      const sheet = addr.includes("!") ? addr.slice(0, addr.lastIndexOf("!")).replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : active.name;
      const box = parseBox(addr);
      return { sheet, row: box.top, column: box.left, activeSheet: active.name };
    });
  }

  /** Select a cell (A1 address) on a sheet and show that sheet. */
  async select(sheetName: string, cell: string): Promise<void> {
    return this.batch(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.activate();
      ws.getRange(cell).select();
      await this.counted(context.sync());
    });
  }

  /** Recalculate the workbook (after a policy change, the custom functions give new results). */
  async recalculate(): Promise<void> {
    return this.batch(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await this.counted(context.sync());
    });
  }
}
