// Building small .xlsx workbooks for tests, and reading every cell of one back for comparisons.
import * as ExcelJS from "exceljs";

/** A cell as a test writes it: plain values, errors, formulas with cached results. */
export type TestCell =
  | string
  | number
  | boolean
  | Date
  | null
  | { error: string }
  | { formula: string; result?: string | number | boolean | { error: string } };

export interface TableSpec {
  /** Top-left cell of the header row, e.g. "A1". */
  origin: string;
  headers: string[];
  rows: TestCell[][];
  /** Make it an Excel Table (ListObject) with this name. */
  listObject?: string;
}

export interface SheetSpec {
  name: string;
  tables?: TableSpec[];
  /** Loose cells: address → value. */
  cells?: Record<string, TestCell>;
  /** Solid fills the user put on cells: address → ARGB. */
  fills?: Record<string, string>;
  /** Notes the user put on cells. */
  notes?: Record<string, string>;
  /** Number formats the user put on cells. */
  numFmts?: Record<string, string>;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

function toExcel(v: TestCell): ExcelJS.CellValue {
  return v as ExcelJS.CellValue;
}

export function buildWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ASSESS tests";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const t of s.tables ?? []) {
      const origin = ws.getCell(t.origin);
      const top = Number(origin.row);
      const left = Number(origin.col);
      if (t.listObject) {
        ws.addTable({
          name: t.listObject,
          ref: t.origin,
          headerRow: true,
          style: { theme: "TableStyleMedium2", showRowStripes: true },
          columns: t.headers.map((name) => ({ name, filterButton: true })),
          rows: t.rows.map((r) => t.headers.map((_, j) => toExcel(r[j] ?? null))),
        });
      } else {
        t.headers.forEach((h, j) => {
          const c = ws.getCell(top, left + j);
          c.value = h;
          c.font = { bold: true };
        });
        t.rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(top + 1 + i, left + j).value = toExcel(v))));
      }
    }
    for (const [addr, v] of Object.entries(s.cells ?? {})) ws.getCell(addr).value = toExcel(v);
    for (const [addr, argb] of Object.entries(s.fills ?? {})) ws.getCell(addr).fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
    for (const [addr, text] of Object.entries(s.notes ?? {})) ws.getCell(addr).note = text;
    for (const [addr, fmt] of Object.entries(s.numFmts ?? {})) ws.getCell(addr).numFmt = fmt;
  }
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

export async function buildBytes(spec: WorkbookSpec): Promise<Uint8Array> {
  return workbookBytes(buildWorkbook(spec));
}

export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Everything about a cell a user could see: value, style, note. */
export interface CellDump {
  value: unknown;
  style: unknown;
  note: unknown;
}

/** sheet → address → cell, every non-empty or styled cell. */
export function dumpCells(wb: ExcelJS.Workbook): Map<string, Map<string, CellDump>> {
  const out = new Map<string, Map<string, CellDump>>();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, CellDump>();
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells.set(cell.address, {
          value: JSON.parse(JSON.stringify(cell.value ?? null)),
          style: JSON.parse(JSON.stringify(cell.style ?? {})),
          note: cell.note === undefined ? null : JSON.parse(JSON.stringify(cell.note)),
        });
      });
    });
    out.set(ws.name, cells);
  }
  return out;
}

/** "B7" → { row: 7, col: 2 } */
export function decodeAddress(addr: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  if (!m) throw new Error(`bad address ${addr}`);
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

export function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.style?.fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== "pattern" || f.pattern !== "solid") return null;
  return f.fgColor?.argb ?? null;
}
