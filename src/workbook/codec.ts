// The one codec the workbook adapters share (DESIGN.md): A1 addresses and ranges, Excel's serial
// dates (1900 and 1904 systems, from engine/dates.ts) and the conversion of a value before it is written. The package
// adapter (src/workbook/package), the exceljs adapter (xlsx.ts), the Office.js adapter (office.ts)
// and the WPS adapter use it; host-free (no Node, no DOM, no Office.js).
import type { CellValue } from "../engine/types";
import { isCellError } from "../engine/types";
import { dateToSerial, serialToDate } from "../engine/dates";
import { a1, cellText, columnLetters } from "../engine/values";
import { fileSay } from "../i18n/workbook";
import { WorkbookError } from "./port";

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

// ---- Values typed into a host's cells (Office.js range.values, WPS ET's Value2) ------------------

/**
 * Would Excel (or WPS) turn this string into something other than the same text if it were assigned
 * to a range's values as if typed? Such text is written with a leading apostrophe, the hosts' own
 * "keep as typed" prefix, which is not part of the value read back.
 */
export function needsTextGuard(s: string): boolean {
  if (s === "") return false;
  if (/^[=+\-@'#]/.test(s)) return true;
  const t = s.trim();
  if (t !== s) return /^[\s]*[=+\-@'#\d.,(（$¥￥€£０-９]/.test(s) || /^(true|false)$/i.test(t);
  // Numbers, percentages, fractions, dates and times all start with a digit (full-width too), a sign,
  // a decimal point, a bracket (accounting negatives) or a currency sign.
  if (/^[\d.,(（$¥￥€£０-９]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  // Month-name dates: "Jan 5", "March-2024", "5-Mar" is covered by the digit rule.
  if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i.test(t)) return true;
  return false;
}

/**
 * The value to assign to a host's range as if typed (Office.js range.values, ET's Value2) for one
 * CellValue: blank as "" (both hosts take null as "leave as is"), text the host would reinterpret with
 * its apostrophe (not in a text-formatted "@" cell, which keeps what it is given), a date as its
 * serial number, an error as its text.
 */
export function toTypedInput(v: CellValue, textFormat = false): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return !textFormat && needsTextGuard(v) ? "'" + v : v;
  if (v instanceof Date) return dateToSerial(v);
  if (isCellError(v)) return v.error;
  return cellText(v);
}

/** A range address a host answered ("'My sheet'!B2:C9"; the sheet part dropped) as a box, or a WorkbookError. */
export function parseBox(address: string): Box {
  const box = parseRange(address);
  if (!box) throw new WorkbookError("unreadable", fileSay.unrecognisedRange(address));
  return box;
}

/** Runs of consecutive numbers (rows or columns, sorted): [1,2,3,7,8] → [[1,3],[7,8]]. */
export function runs(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else if (!last || n > last[1]) out.push([n, n]);
  }
  return out;
}

/** A sheet name as an address writes it: quoted (quotes doubled) unless it is a plain name. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
