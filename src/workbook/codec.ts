// The one codec the workbook adapters share (DESIGN.md): A1 addresses and ranges, Excel's serial
// dates (1900 and 1904 systems, from engine/dates.ts) and the conversion of a value before it is written. The package
// adapter (src/workbook/package), the exceljs adapter (xlsx.ts), the Office.js adapter (office.ts)
// and the WPS adapter use it; host-free (no Node, no DOM, no Office.js).
import type { CellValue } from "../engine/types";
import { isCellError } from "../engine/types";
import { dateToSerial, serialToDate } from "../engine/dates";
import { a1, columnLetters } from "../engine/values";

// Column letters and "B7" addresses are the engine's (its findings name cells): one source, re-exported here.
export { a1, columnLetters };

/** Excel's last row and column (XFD1048576). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** A rectangle, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The 1-based column of a cell reference's leading letters ("AB12" → 28, "$C$3" → 3); 0 when there are none. */
export function columnNumber(ref: string, from = 0): number {
  let n = 0;
  let i = from;
  if (ref.charCodeAt(i) === 0x24) i++; // $
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20;
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** A cell reference ("B7", "$B$7") as row and column, or null when it is not one inside the sheet's limits. */
export function parseCell(ref: string): { row: number; col: number } | null {
  const m = CELL.exec(ref.trim());
  if (!m) return null;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROW && col >= 1 && col <= MAX_COLUMN ? { row, col } : null;
}

/**
 * A range ("A1:C9", "B2", "'Sheet 1'!A1:C9"; the sheet part is dropped) as a box, or null when it is
 * not one. Reversed corners are put in order.
 */
export function parseRange(ref: string): Box | null {
  const local = ref.includes("!") ? ref.slice(ref.lastIndexOf("!") + 1) : ref;
  const [a, b, extra] = local.split(":");
  if (extra !== undefined) return null;
  const p = parseCell(a ?? "");
  const q = b === undefined ? p : parseCell(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** A box as a range ("A1:C9"; a single cell as "B2" when `single` is set). */
export function formatRange(b: Box, single = false): string {
  const p = a1(b.top, b.left);
  const q = a1(b.bottom, b.right);
  return single && p === q ? p : `${p}:${q}`;
}

// Serial dates are the engine's one date codec (engine/dates.ts: both date systems), re-exported here.
export { dateToSerial, serialToDate };

/**
 * A value as every adapter writes it: strings stay text (the adapter keeps them from becoming
 * formulas), non-finite numbers become #NUM!, blanks null, anything else its text.
 */
export function toWritable(v: CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: "#VALUE!" } : v;
  if (isCellError(v)) return { error: v.error };
  return String(v);
}

/** Excel's error values, as they appear in a cell (`t="e"`). */
export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!"];
