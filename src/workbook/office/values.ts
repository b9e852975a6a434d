// Values and colours as Office.js gives and takes them (the values Office.js is given are the codec's
// toTypedInput, shared with WPS).
import type { CellValue } from "../../engine/types";

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

/** Longest stretch (ms) of cell-by-cell conversion before the adapter lets the page handle input. */
const SLICE_MS = 25;
let sliceStart = 0;

/**
 * Let the page breathe during a long conversion (a 20,000-row snapshot makes 80,000 cell objects):
 * when more than SLICE_MS have passed, yield to the event loop so that clicks and paints are not
 * held up; otherwise return at once. Results and Excel requests are the same either way.
 */
export async function breathe(): Promise<void> {
  const now = performance.now();
  if (now - sliceStart < SLICE_MS) return;
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  sliceStart = performance.now();
}

/** A slice starts now (the first breathe() after it waits until SLICE_MS have passed). */
export function startSlice(): void {
  sliceStart = performance.now();
}

/** `f` over the rows of a grid, in slices with breathe() between them. */
export async function mapRows<T, U>(rows: readonly T[], f: (row: T, i: number) => U): Promise<U[]> {
  const out: U[] = new Array<U>(rows.length);
  sliceStart = performance.now();
  for (let i = 0; i < rows.length; i++) {
    out[i] = f(rows[i], i);
    if ((i & 63) === 63) await breathe();
  }
  return out;
}
