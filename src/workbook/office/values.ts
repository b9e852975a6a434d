// Values and colours as Office.js gives and takes them (the values Office.js is given are the codec's
// toTypedInput, shared with WPS).
import type { CellValue } from "../../engine/types";
import { nextTask } from "../next-task";

/** A value read from Office.js (range.values with range.valueTypes) as the engine sees it. */
export function fromOffice(value: unknown, type: string | undefined): CellValue {
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return type === "Error" ? { error: String(value) } : value;
  // Office.js gives numbers, booleans and strings; anything else is shown as JSON, never "[object Object]".
  return type === "Error" ? { error: JSON.stringify(value) } : JSON.stringify(value);
}

/** "FFRRGGBB" (HIGHLIGHT_FILLS) → "#RRGGBB" (format.fill.color). */
export function argbToHex(argb: string): string {
  return "#" + argb.slice(-6).toUpperCase();
}

/** "#RRGGBB" → "FFRRGGBB"; null for no colour. */
export function hexToArgb(hex: string | null | undefined): string | null {
  if (!hex) return null;
  const h = hex.replace("#", "").toUpperCase();
  return h.length === 6 ? "FF" + h : h;
}

/**
 * Longest stretch (ms) of the adapter's own work before it lets the page handle input. The task it
 * runs in may have begun before (Excel's answer, a message from the engine's worker), so the budget
 * is well under the 50 ms of a long task.
 */
const SLICE_MS = 12;
/** When the adapter last yielded (or was told a task had just begun): -Infinity at first. */
let sliceStart = -Infinity;

/**
 * Let the page breathe during a long conversion (a 20,000-row snapshot makes 80,000 cell objects):
 * when more than SLICE_MS have passed since the adapter last yielded, yield to the event loop so
 * that clicks and paints are not held up; otherwise return at once. The first call after other work
 * yields too (how long the current task has run is not known here). Results and Excel requests are
 * the same either way.
 */
export async function breathe(): Promise<void> {
  const now = performance.now();
  if (now - sliceStart < SLICE_MS) return;
  await nextTask();
  sliceStart = performance.now();
}

/** A slice starts now (the first breathe() after it waits until SLICE_MS have passed). */
export function startSlice(): void {
  sliceStart = performance.now();
}

/** `f` over the rows of a grid, in slices with breathe() between them. */
export async function mapRows<T, U>(rows: readonly T[], f: (row: T, i: number) => U): Promise<U[]> {
  const out: U[] = new Array<U>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    out[i] = f(rows[i], i);
    if ((i & 31) === 31) await breathe();
  }
  return out;
}

/**
 * Rows as Office.js answered them (range.values with range.valueTypes) converted in place to the
 * engine's values, in slices: the arrays are the adapter's own (Office.js makes them for each
 * answer), and converting in place spares a second grid of the same size.
 */
export async function convertRows(values: unknown[][], types: unknown[][]): Promise<CellValue[][]> {
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    const t = types[i];
    for (let j = 0; j < row.length; j++) row[j] = fromOffice(row[j], t?.[j] as string | undefined);
    if ((i & 31) === 31) await breathe();
  }
  return values as CellValue[][];
}
