// Request planning for the Office.js adapter (issue #3, item 7): how much one request reads or writes,
// and how the operations of a call are cut into blocks that stay under Excel on the web's 5 MB
// request limit. Pure arithmetic on sizes: no Office.js call is made here.
import type { CellValue } from "../../engine/types";
import { formatRange, runs, toTypedInput } from "../codec";
import { breathe } from "./values";

/** Cells per read block. */
export const READ_CELLS = 40_000;
/**
 * Most cells the adapter reads from one rectangle (a sheet's used range, a table, a snapshot):
 * Excel's own 5 million cell limit for one range read. Past it the adapter refuses before reading,
 * with a sentence saying what to do, rather than freezing the workbook for minutes.
 */
export const MAX_READ_CELLS = 5_000_000;
/** Cells per write block. */
export const WRITE_CELLS = 20_000;
/** Estimated request bytes per write block: a fifth of Excel on the web's 5 MB request limit. */
export const BYTE_BUDGET = 1024 * 1024;
/** Excel on the web's request and response payload limit. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Areas per getRanges call (keeps each address string short). */
export const AREAS_PER_CALL = 200;

/** One queued piece of a request (proxy calls on the context), with its estimated request bytes. */
export interface SizedOp {
  bytes: number;
  run: (context: Excel.RequestContext) => void;
}

/**
 * Request bytes of one value as Office.js would send it (non-ASCII counted as a \u escape, 6 bytes):
 * the length of its JSON, plus one. Strings, numbers, booleans and null are counted without making
 * their JSON (a 20,000-row write counts 80,000 values); anything else is stringified.
 */
export function estimateBytes(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === "string") {
    // JSON: the quotes; \" \\ \b \f \n \r \t as two characters, other controls as \u00XX (6).
    let n = 2;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c >= 0x80) n += 6;
      else if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) n += 2;
      else n += c < 0x20 ? 6 : 1;
    }
    return n + 1;
  }
  if (typeof v === "number") return (Number.isFinite(v) ? String(v).length : 4) + 1;
  if (typeof v === "boolean") return (v ? 4 : 5) + 1;
  const s = JSON.stringify(v);
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 6;
  return n + 1;
}

/** Row blocks [start, end) of a write: at most floor(cellBudget / width) rows, and at most byteBudget estimated bytes. */
export function planWriteBlocks(rowBytes: readonly number[], width: number, cellBudget: number, byteBudget: number): [number, number][] {
  const maxRows = Math.max(1, Math.floor(cellBudget / Math.max(1, width)));
  const blocks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    const rows = i - start;
    if (rows > 0 && (rows >= maxRows || bytes + rowBytes[i] > byteBudget)) {
      blocks.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += rowBytes[i];
  }
  if (start < rowBytes.length) blocks.push([start, rowBytes.length]);
  return blocks;
}

/** Operations in the order given, cut into blocks of at most byteBudget estimated bytes (an op bigger than that alone). */
export function opBlocks(ops: readonly SizedOp[], byteBudget: number): SizedOp[][] {
  const blocks: SizedOp[][] = [];
  let cur: SizedOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (cur.length && bytes + op.bytes > byteBudget) {
      blocks.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(op);
    bytes += op.bytes;
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

/**
 * Value blocks of a set of columns on one sheet: one op per row block, writing each run of adjacent
 * columns with one range. The values are made ready in slices, letting the page breathe between them.
 */
export async function valueOps(sheetName: string, top: number, columns: { column: number; values: CellValue[]; numberFormat?: string }[], budget: { cells: number; bytes: number }, textColumns: ReadonlySet<number> = new Set()): Promise<SizedOp[]> {
  if (!columns.length) return [];
  const sorted = columns.slice().sort((a, b) => a.column - b.column);
  const groups = runs(sorted.map((c) => c.column)).map(([a, b]) => sorted.filter((c) => c.column >= a && c.column <= b));
  const height = sorted[0].values.length;
  const width = sorted.length;
  const rowBytes = new Array<number>(height).fill(0);
  const inputs = sorted.map(() => new Array<string | number | boolean>(height));
  // Values plus the number-format strings sent with them.
  const formatBytes = sorted.reduce((n, c) => n + (c.numberFormat !== undefined ? estimateBytes(c.numberFormat) : 5), 0);
  for (let i = 0; i < height; i++) {
    let bytes = formatBytes + 2;
    for (let j = 0; j < width; j++) {
      const c = sorted[j];
      const input = toTypedInput(c.values[i], textColumns.has(c.column));
      inputs[j][i] = input;
      bytes += estimateBytes(input);
    }
    rowBytes[i] = bytes;
    if ((i & 255) === 255) await breathe();
  }
  const ops: SizedOp[] = [];
  for (const [start, end] of planWriteBlocks(rowBytes, width, budget.cells, budget.bytes)) {
    let bytes = 0;
    for (let i = start; i < end; i++) bytes += rowBytes[i];
    const writes = groups.map((group) => (context: Excel.RequestContext) => {
      const first = sorted.indexOf(group[0]);
      const range = context.workbook.worksheets.getItem(sheetName).getRangeByIndexes(top + start - 1, group[0].column - 1, end - start, group.length);
      const block: (string | number | boolean)[][] = [];
      for (let i = start; i < end; i++) block.push(group.map((_, j) => inputs[first + j][i]));
      range.values = block;
      // Number formats right after the values of the same block (formatting after values).
      if (group.some((c) => c.numberFormat !== undefined)) {
        const fmt = group.map((c) => c.numberFormat ?? null);
        range.numberFormat = Array.from({ length: end - start }, () => fmt) as string[][];
      }
    });
    // A block's writes go out together: one sized op per block.
    ops.push({ bytes, run: (context) => writes.forEach((w) => w(context)) });
  }
  return ops;
}

/** Fill the cells of `rows` × `columns` with one colour: one getRanges call per AREAS_PER_CALL areas when `multi` (ExcelApi 1.9), else one range per area. */
export function fillOps(sheetName: string, rows: readonly number[], columns: readonly number[], color: string, multi: boolean): SizedOp[] {
  const colRuns = runs(columns.slice().sort((a, b) => a - b));
  const areas: string[] = [];
  for (const [r0, r1] of runs(rows.slice().sort((a, b) => a - b))) for (const [c0, c1] of colRuns) areas.push(formatRange({ top: r0, left: c0, bottom: r1, right: c1 }, true));
  const ops: SizedOp[] = [];
  const per = multi ? AREAS_PER_CALL : 1;
  for (let i = 0; i < areas.length; i += per) {
    const part = areas.slice(i, i + per);
    ops.push({
      bytes: part.join(",").length + 64,
      run: (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        if (multi) ws.getRanges(part.join(",")).format.fill.color = color;
        else ws.getRange(part[0]).format.fill.color = color;
      },
    });
  }
  return ops;
}
