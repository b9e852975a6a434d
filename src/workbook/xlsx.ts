// The exceljs adapter of the WorkbookPort: the same action code that runs in Excel runs on .xlsx
// files (the CLI, the golden tests). No file system here: the caller loads and saves buffers, so
// the adapter also runs in a browser.
//
// exceljs facts this adapter relies on or works around (exceljs 4.4):
// - Loaded cell styles are shared objects between cells with the same style id: a style is never
//   mutated in place, a changed cell gets a fresh style object.
// - A loaded table whose XML omits headerRowCount (Excel's default, meaning 1) comes back with
//   headerRow false and would be written back as headerRowCount="0", turning the header into a data
//   row. fixHeaderRowFlags() repairs the flag from the sheet.
// - A string value is written as a shared string, so "=1+1" stays text.
import * as ExcelJS from "exceljs";
import type { CellValue, RawTable } from "../engine/types";
import { cellText } from "../engine/values";
import { fileSay, portSay } from "../i18n/workbook";
import { Box, formatRange, parseBox, toWritable } from "./codec";
import { closestNearMisses, gridBlocks, listObjectRef, NearMiss, sortTables } from "./locate";
import { CellSnapshot, checkColumnWrites, ColumnWrite, HIGHLIGHT_FILLS, RangeSnapshot, RowFormat, SheetOptions, SheetRange, Snapshot, SnapshotScope, TableRef, WorkbookError, WorkbookPort } from "./port";

/** The parts of a loaded exceljs table model this adapter reads and writes. */
interface TableModel {
  name: string;
  displayName?: string;
  tableRef: string;
  autoFilterRef?: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: { name: string; filterButton?: boolean; totalsRowFunction?: string; totalsRowLabel?: string }[];
}

interface LoadedTable {
  model: TableModel;
}

/** Where the cell note lives inside an exceljs cell (removing a note has no public API). */
interface CellWithComment {
  _comment?: unknown;
}

function decodeRef(ref: string): Box {
  return parseBox(ref);
}

function encodeRef(b: Box): string {
  return formatRange(b);
}

/** An exceljs value as the engine sees it: cached formula results, errors as { error }, blank as null. */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    if ("error" in v) return { error: String(v.error) };
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      return r === undefined ? null : toCellValue(r);
    }
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("hyperlink" in v) {
      const t = (v).text as unknown;
      return typeof t === "string" ? t : t && typeof t === "object" && "richText" in t ? toCellValue(t as ExcelJS.CellRichTextValue) : null;
    }
  }
  return null;
}

/** A value for exceljs (the codec's toWritable: strings stay strings, never formulas; non-finite numbers become #NUM!). */
function toExcelValue(v: CellValue): ExcelJS.CellValue {
  return toWritable(v) as ExcelJS.CellValue;
}

function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  if (typeof note === "object" && Array.isArray((note as { texts?: unknown }).texts)) {
    return ((note as { texts: { text?: string }[] }).texts).map((t) => t.text ?? "").join("");
  }
  return null;
}

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { indexed: 64 } } as ExcelJS.Fill;
}

function fillColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  return (fill.fgColor && fill.fgColor.argb) || null;
}

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** Give a cell a fresh style object (exceljs shares loaded styles between cells). */
function restyle(cell: ExcelJS.Cell, change: (style: Partial<ExcelJS.Style>) => void): void {
  const style: Partial<ExcelJS.Style> = { ...(cell.style ?? {}) };
  change(style);
  cell.style = style;
}

function removeNote(cell: ExcelJS.Cell): void {
  (cell as unknown as CellWithComment)._comment = undefined;
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly workbook: ExcelJS.Workbook) {
    this.fixHeaderRowFlags();
  }

  /** Open a workbook from the bytes of an .xlsx file. */
  static async load(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    try {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch (e) {
      throw new WorkbookError("unreadable", portSay.notXlsx(shortReason(e)));
    }
    return new XlsxWorkbook(wb);
  }

  /** Wrap a workbook built in memory (tests, the sample generator). */
  static from(workbook: ExcelJS.Workbook): XlsxWorkbook {
    return new XlsxWorkbook(workbook);
  }

  async toBuffer(): Promise<Uint8Array> {
    const buf = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buf);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new WorkbookError("no-such-sheet", fileSay.noSheet(name));
    return ws;
  }

  private tablesOf(ws: ExcelJS.Worksheet): LoadedTable[] {
    return Object.values((ws as unknown as { tables: Record<string, LoadedTable> }).tables ?? {});
  }

  private listObject(ref: TableRef): LoadedTable | undefined {
    if (!ref.name) return undefined;
    return this.tablesOf(this.sheet(ref.sheet)).find((t) => t.model.name === ref.name);
  }

  /** See the file comment: a table whose header cells equal its column names has a header row. */
  private fixHeaderRowFlags(): void {
    for (const ws of this.workbook.worksheets) {
      for (const t of this.tablesOf(ws)) {
        const m = t.model;
        if (m.headerRow || !m.tableRef || !m.columns) continue;
        const box = decodeRef(m.tableRef);
        const same = m.columns.every((c, j) => cellText(toCellValue(ws.getCell(box.top, box.left + j).value)) === String(c.name ?? "").trim());
        if (same) m.headerRow = true;
      }
    }
  }

  private value(ws: ExcelJS.Worksheet, row: number, col: number): CellValue {
    return toCellValue(ws.getCell(row, col).value);
  }

  private grid(ws: ExcelJS.Worksheet): CellValue[][] {
    const out: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = toCellValue(cell.value);
      });
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
      out[r - 1] = cells;
    });
    for (let r = 0; r < out.length; r++) if (!out[r]) out[r] = [];
    return out;
  }

  /** Header-like rows the last listTables saw but could not recognise (WorkbookPort.nearMisses). */
  private nearMissesSeen: NearMiss[] = [];

  async nearMisses(): Promise<NearMiss[]> {
    return closestNearMisses(this.nearMissesSeen);
  }

  async listTables(): Promise<TableRef[]> {
    const nearMisses: NearMiss[] = (this.nearMissesSeen = []);
    const all: TableRef[] = [];
    const order: string[] = [];
    for (const ws of this.workbook.worksheets) {
      order.push(ws.name);
      const objects: TableRef[] = [];
      for (const t of this.tablesOf(ws)) {
        const m = t.model;
        if (!m.headerRow) continue; // a table without a header row has nothing to recognise it by
        const box = decodeRef(m.tableRef);
        const headers: CellValue[] = [];
        for (let c = box.left; c <= box.right; c++) headers.push(this.value(ws, box.top, c));
        objects.push(listObjectRef(ws.name, m.name, box, m.totalsRow, headers));
      }
      all.push(...objects, ...gridBlocks(ws.name, this.grid(ws), objects, nearMisses));
    }
    return sortTables(all, order);
  }

  async readTable(ref: TableRef): Promise<RawTable> {
    const ws = this.sheet(ref.sheet);
    const headers: CellValue[] = [];
    for (let c = ref.firstColumn; c <= ref.lastColumn; c++) headers.push(this.value(ws, ref.headerRow, c));
    const rows: CellValue[][] = [];
    for (let r = ref.headerRow + 1; r <= ref.lastRow; r++) {
      const row: CellValue[] = [];
      for (let c = ref.firstColumn; c <= ref.lastColumn; c++) row.push(this.value(ws, r, c));
      rows.push(row);
    }
    return { sheet: ref.sheet, name: ref.name, headers, rows, headerRow: ref.headerRow, firstColumn: ref.firstColumn };
  }

  async readRange(range: SheetRange): Promise<CellValue[][]> {
    const ws = this.sheet(range.sheet);
    const out: CellValue[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = range.left; c <= range.right; c++) row.push(this.value(ws, r, c));
      out.push(row);
    }
    return out;
  }

  async writeColumns(ref: TableRef, columns: ColumnWrite[]): Promise<TableRef> {
    const ws = this.sheet(ref.sheet);
    const height = ref.lastRow - ref.headerRow;
    const table = this.listObject(ref);
    const { appended, newLast } = checkColumnWrites(ref, columns, table ? { names: new Set(table.model.columns.map((c) => String(c.name).trim().toLowerCase())) } : null);

    // Appended cells take the look of the table's last column: header cells its whole style, data
    // cells its border, font and alignment (not its fill or number format: those are data to staff).
    const headerStyle = clone(ws.getCell(ref.headerRow, ref.lastColumn).style);
    for (const col of columns.slice().sort((a, b) => a.column - b.column)) {
      const isNew = col.column > ref.lastColumn;
      if (col.header !== undefined) {
        const h = ws.getCell(ref.headerRow, col.column);
        h.value = col.header;
        if (isNew && headerStyle) h.style = clone(headerStyle);
      }
      for (let i = 0; i < height; i++) {
        const r = ref.headerRow + 1 + i;
        const cell = ws.getCell(r, col.column);
        if (isNew) {
          const left = ws.getCell(r, ref.lastColumn).style ?? {};
          restyle(cell, (s) => {
            if (left.border) s.border = clone(left.border);
            if (left.font) s.font = clone(left.font);
            if (left.alignment) s.alignment = clone(left.alignment);
          });
        }
        cell.value = toExcelValue(col.values[i]);
        if (col.numberFormat !== undefined) restyle(cell, (s) => (s.numFmt = col.numberFormat));
      }
      if (table && col.header !== undefined && !isNew) {
        const j = col.column - ref.firstColumn;
        if (table.model.columns[j]) table.model.columns[j].name = col.header;
      }
    }

    if (table && newLast > ref.lastColumn) {
      const m = table.model;
      const last = m.columns[m.columns.length - 1];
      for (const c of appended) {
        const col = columns.find((x) => x.column === c)!;
        m.columns.push({ name: col.header!, filterButton: last ? last.filterButton : true, totalsRowFunction: "none" });
      }
      const box = decodeRef(m.tableRef);
      m.tableRef = encodeRef({ ...box, right: newLast });
      if (m.autoFilterRef) m.autoFilterRef = encodeRef({ ...decodeRef(m.autoFilterRef), right: newLast });
    }
    return { ...ref, lastColumn: newLast };
  }

  async formatRows(ref: TableRef, format: RowFormat): Promise<void> {
    const ws = this.sheet(ref.sheet);
    for (let r = ref.headerRow + 1; r <= ref.lastRow; r++) {
      for (const c of format.columns) {
        const cell = ws.getCell(r, c);
        if (cell.style && cell.style.fill) restyle(cell, (s) => delete s.fill);
        removeNote(cell);
      }
    }
    for (const [cls, rows] of Object.entries(format.classes) as [keyof typeof HIGHLIGHT_FILLS, number[]][]) {
      const fill = solidFill(HIGHLIGHT_FILLS[cls]);
      for (const r of rows) {
        if (r <= ref.headerRow || r > ref.lastRow) continue;
        for (const c of format.columns) restyle(ws.getCell(r, c), (s) => (s.fill = clone(fill)));
      }
    }
    for (const n of format.notes) ws.getCell(n.row, n.column).note = n.text;
  }

  async addSheet(name: string, rows: CellValue[][], options: SheetOptions = {}): Promise<string> {
    const signature = (rows[0] ?? []).map((v) => cellText(v));
    const existing = this.findSheet(name);
    let ws: ExcelJS.Worksheet;
    let used = name;
    if (existing && this.ownedBy(existing, signature)) {
      ws = existing;
      used = existing.name;
      this.clearSheet(ws);
    } else {
      if (existing) {
        for (let i = 2; this.findSheet(used); i++) used = `${name} (${i})`;
      }
      ws = this.workbook.addWorksheet(used);
    }
    rows.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = toExcelValue(v))));
    const headerRows = options.headerRows ?? 1;
    for (let r = 1; r <= headerRows; r++) ws.getRow(r).font = { name: "Calibri", size: 11, bold: true };
    ws.views = headerRows > 0 ? [{ state: "frozen", ySplit: headerRows, xSplit: 0 }] : [];
    (options.columnWidths ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    return used;
  }

  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    const key = name.toLowerCase(); // Excel sheet names are case-insensitive
    return this.workbook.worksheets.find((w) => w.name.toLowerCase() === key);
  }

  private ownedBy(ws: ExcelJS.Worksheet, signature: string[]): boolean {
    return signature.length > 0 && signature.every((s, i) => cellText(this.value(ws, 1, i + 1)) === s);
  }

  private clearSheet(ws: ExcelJS.Worksheet): void {
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.value = null;
        cell.style = {};
        removeNote(cell);
      });
    });
  }

  private usedRange(ws: ExcelJS.Worksheet): SheetRange | null {
    const rows = ws.rowCount;
    const cols = ws.columnCount;
    return rows > 0 && cols > 0 ? { sheet: ws.name, top: 1, left: 1, bottom: rows, right: cols } : null;
  }

  private snapshotRange(range: SheetRange): RangeSnapshot {
    const ws = this.sheet(range.sheet);
    const cells: CellSnapshot[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const row: CellSnapshot[] = [];
      for (let c = range.left; c <= range.right; c++) {
        const cell = ws.getCell(r, c);
        const raw = cell.value;
        const formula = raw && typeof raw === "object" && "formula" in raw ? (raw as ExcelJS.CellFormulaValue).formula : undefined;
        row.push({
          value: toCellValue(raw),
          formula,
          numberFormat: cell.style?.numFmt ?? null,
          fill: fillColor(cell.style?.fill),
          note: noteText(cell.note),
          host: { value: clone(raw), style: clone(cell.style ?? {}), note: cell.note === undefined ? null : clone(cell.note) },
        });
      }
      cells.push(row);
    }
    return { range, cells };
  }

  private restoreRange(snap: RangeSnapshot): void {
    const ws = this.sheet(snap.range.sheet);
    snap.cells.forEach((row, i) =>
      row.forEach((s, j) => {
        const cell = ws.getCell(snap.range.top + i, snap.range.left + j);
        const host = s.host as { value: ExcelJS.CellValue; style: ExcelJS.Style; note: string | ExcelJS.Comment | null } | undefined;
        if (host) {
          cell.value = clone(host.value);
          cell.style = clone(host.style);
          removeNote(cell);
          if (host.note !== null) cell.note = clone(host.note);
        } else {
          cell.value = s.formula ? { formula: s.formula, result: toExcelValue(s.value) } as ExcelJS.CellFormulaValue : toExcelValue(s.value);
          restyle(cell, (st) => {
            if (s.numberFormat) st.numFmt = s.numberFormat;
            else delete st.numFmt;
            if (s.fill) st.fill = solidFill(s.fill);
            else delete st.fill;
          });
          removeNote(cell);
          if (s.note) cell.note = s.note;
        }
      }),
    );
  }

  async snapshot(scope: SnapshotScope): Promise<Snapshot> {
    const ranges = scope.ranges.map((r) => this.snapshotRange(r));
    const tables = (scope.tables ?? [])
      .filter((t) => t.name)
      .map((t) => {
        const lo = this.listObject(t);
        const box = lo ? decodeRef(lo.model.tableRef) : null;
        const ref: TableRef = box ? { ...t, firstColumn: box.left, lastColumn: box.right } : t;
        return { ref, columnNames: lo ? lo.model.columns.map((c) => c.name) : [] };
      });
    const sheets = (scope.sheets ?? []).map((name) => {
      const ws = this.findSheet(name);
      if (!ws) return { name, existed: false };
      const used = this.usedRange(ws);
      return { name: ws.name, existed: true, cells: used ? this.snapshotRange(used) : undefined };
    });
    return { ranges, tables, sheets };
  }

  async restore(snapshot: Snapshot): Promise<void> {
    for (const s of snapshot.sheets) {
      const ws = this.findSheet(s.name);
      if (!s.existed) {
        if (ws) this.workbook.removeWorksheet(ws.id);
        continue;
      }
      if (!ws) continue;
      this.clearSheet(ws);
      if (s.cells) this.restoreRange(s.cells);
    }
    for (const t of snapshot.tables) {
      const lo = this.listObject(t.ref);
      if (!lo) continue;
      const m = lo.model;
      m.columns = m.columns.slice(0, t.columnNames.length);
      t.columnNames.forEach((n, j) => (m.columns[j].name = n));
      const box = decodeRef(m.tableRef);
      m.tableRef = encodeRef({ ...box, left: t.ref.firstColumn, right: t.ref.lastColumn });
      if (m.autoFilterRef) m.autoFilterRef = encodeRef({ ...decodeRef(m.autoFilterRef), left: t.ref.firstColumn, right: t.ref.lastColumn });
    }
    for (const r of snapshot.ranges) this.restoreRange(r);
  }
}

function shortReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // Library messages carry hints for developers ("… : is this a zip file ? If it is, see https://…"): keep the first clause.
  const line = text.split("\n")[0].split(" : ")[0].trim();
  return line.length > 80 ? line.slice(0, 80) + "…" : line || "unknown error";
}
