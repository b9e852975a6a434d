// The one date codec (calendar days as ISO 'YYYY-MM-DD' texts, Excel serial day numbers in the 1900 and
// 1904 date systems): the engine reads dates typed in cells with it, the workbook adapters convert cell
// dates with it, the faces take "today" from it. Calendar days only: no time zones, no clock but `now`.
import type { CellValue } from "./types";

export const DAY_MS = 86_400_000;
/** Days from Excel's serial 0 (1899-12-30, as Excel counts after its fictitious 1900-02-29) to 1970-01-01. */
export const UNIX_EPOCH_SERIAL = 25569;
/** Days between the 1900 and the 1904 date systems. */
export const OFFSET_1904 = 1462;
/** The largest serial day Excel shows as a date (9999-12-31). */
const MAX_SERIAL = 2958465;

/**
 * A serial number as a Date (UTC midnight plus the time of day), in the workbook's date system —
 * computed as exceljs computes it, so that every adapter gives the same Date to the millisecond.
 */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? OFFSET_1904 : 0)) * DAY_MS));
}

/** A Date as a serial number in the workbook's date system. */
export function dateToSerial(d: Date, date1904 = false): number {
  return UNIX_EPOCH_SERIAL + d.getTime() / DAY_MS - (date1904 ? OFFSET_1904 : 0);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOOSE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Days since 1970-01-01 as 'YYYY-MM-DD'. */
function isoOf(days: number): string {
  const d = new Date(days * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Days since 1970-01-01 of a calendar date, or null when there is no such date (2月30日). */
function daysOf(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

/**
 * A date from a cell or an argument, as ISO 'YYYY-MM-DD', or null: ISO text, 2024/5/4, 2024年5月4日,
 * a Date (its UTC calendar day, as adapters hand over date cells) or an Excel serial day number.
 */
export function parseDate(v: CellValue): string | null {
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? null : isoOf(Math.floor(t / DAY_MS));
  }
  if (typeof v === "number") {
    if (!Number.isInteger(v) || v < 1 || v > MAX_SERIAL) return null;
    return isoOf(v - UNIX_EPOCH_SERIAL);
  }
  if (typeof v !== "string") return null;
  const s = v.trim();
  const m = ISO.exec(s) ?? LOOSE.exec(s);
  if (!m) return null;
  const days = daysOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return days === null ? null : isoOf(days);
}

/** An ISO date + n calendar days (the date must be one parseDate gave). */
export function addDaysTo(isoDate: string, n: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return isoOf((daysOf(y, m, d) as number) + n);
}

/** Today where the program runs (the computer's time zone), as 'YYYY-MM-DD'. */
export function localToday(now = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
