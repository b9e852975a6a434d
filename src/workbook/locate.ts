// Finding tables in a sheet (INTERFACES.md §1): a block whose first row holds headers that
// detectTableKind recognises. Host-free: works on a grid of cell values that either adapter reads
// in one go (exceljs: the sheet's cells; Office.js: usedRange.values), so both find the same tables.
import { detectTableKind, isColumnName, isSummaryLabel } from "../engine/headers";
import type { CellValue } from "../engine/types";
import { cellText, isBlank } from "../engine/values";
import { rangeOfTable, SheetRange, TableRef } from "./port";

export interface Grid {
  /** values[r][c] is the cell at worksheet row top + r, column left + c. Rows may be ragged; a missing row or cell (a hole) is blank. */
  values: CellValue[][];
  top: number;
  left: number;
}

/**
 * Could these cells be a header row? detectTableKind recognises a header by its column names, so a
 * row none of whose cells is a column name of any kind is not one. Checked first because a block's
 * every data row is asked whether it starts another table, and detectTableKind on each row of a
 * 100,000-row table cost seconds.
 */
function mayBeHeader(cells: readonly CellValue[]): boolean {
  for (const v of cells) if (isColumnName(v)) return true;
  return false;
}

/**
 * A header-like row that was not recognised as any kind of table (at least two of its cells are column
 * names): when no table is found, the closest of these are named with what they miss.
 */
export interface NearMiss {
  sheet: string;
  /** Worksheet row and first column of the run of header cells. */
  row: number;
  firstColumn: number;
  headers: CellValue[];
  /** How many of its cells are column names of some kind. */
  names: number;
}

/** The closest near misses first (most column names, then sheet order as seen), at most `limit`. */
export function closestNearMisses(seen: readonly NearMiss[], limit = 3): NearMiss[] {
  return seen
    .map((m, i) => ({ m, i }))
    .sort((a, b) => b.m.names - a.m.names || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.m);
}

/** The first non-blank cell of a row's cells and its offset (−1 when all are blank). */
function firstFilled(cells: readonly CellValue[]): { value: CellValue; at: number } {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return { value: cells[i], at: i };
  return { value: null, at: -1 };
}

/** Blank rows bridged inside a block when a data-like row follows (a stray empty line is not the end of the table). */
export const MAX_BLANK_ROWS_INSIDE = 1;

function overlaps(a: SheetRange, top: number, left: number, bottom: number, right: number): boolean {
  return a.top <= bottom && top <= a.bottom && a.left <= right && left <= a.right;
}

/**
 * Header blocks on one sheet, top to bottom. `exclude` holds the ListObjects, which are tables of
 * their own: no block starts inside one or grows into one.
 *
 * A header is a maximal run of non-blank cells in a row whose texts detectTableKind recognises.
 * Its data rows run down from it while rows are non-blank within the run's columns; a gap of up to
 * MAX_BLANK_ROWS_INSIDE blank rows is bridged when the row after it looks like data (at least half
 * of the columns filled), so a stray empty line does not silently cut the table short. A row that
 * is itself a recognised header starts a new block.
 */
export function findHeaderBlocks(sheet: string, grid: Grid, exclude: readonly SheetRange[] = [], nearMisses?: NearMiss[]): TableRef[] {
  const steps = headerBlockSteps(sheet, grid, exclude, nearMisses);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Rows looked at between two pauses of headerBlockSteps (a few milliseconds of work). */
export const ROWS_PER_STEP = 256;

/**
 * findHeaderBlocks in steps: the generator pauses (yields) after every ROWS_PER_STEP rows it has
 * looked at, so that a caller on a page's thread can let clicks and paints through between steps
 * (the Office.js adapter does); its return value is findHeaderBlocks's.
 */
export function* headerBlockSteps(sheet: string, grid: Grid, exclude: readonly SheetRange[] = [], nearMisses?: NearMiss[]): Generator<void, TableRef[], void> {
  const rows = grid.values;
  let seen = 0;
  const cell = (r: number, c: number): CellValue => {
    const row = rows[r - grid.top];
    const v = row ? row[c - grid.left] : null;
    return v === undefined ? null : v;
  };
  const found: TableRef[] = [];
  const claimed: SheetRange[] = exclude.filter((x) => x.sheet === sheet).slice();
  const inClaimed = (r: number, c: number) => claimed.some((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
  const width = (r: number) => (rows[r - grid.top] ?? []).length;
  const bottom = grid.top + rows.length - 1;

  const slice = (r: number, c0: number, c1: number): CellValue[] => {
    const out: CellValue[] = [];
    for (let c = c0; c <= c1; c++) out.push(cell(r, c));
    return out;
  };
  const blankWithin = (r: number, c0: number, c1: number) => slice(r, c0, c1).every(isBlank);
  const dataLike = (r: number, c0: number, c1: number) => {
    const filled = slice(r, c0, c1).filter((v) => !isBlank(v)).length;
    return filled >= Math.max(2, Math.ceil((c1 - c0 + 1) / 2));
  };
  /** Is this part of row r a recognised header (the start of another table)? */
  const isHeader = (r: number, c0: number, c1: number) => {
    const cells = slice(r, c0, c1);
    return mayBeHeader(cells) && detectTableKind(cells) !== null;
  };

  for (let r = grid.top; r <= bottom; r++) {
    if (++seen % ROWS_PER_STEP === 0) yield;
    const w = width(r);
    let c = grid.left;
    while (c < grid.left + w) {
      if (isBlank(cell(r, c)) || inClaimed(r, c)) {
        c++;
        continue;
      }
      let c1 = c;
      while (c1 + 1 < grid.left + w && !isBlank(cell(r, c1 + 1)) && !inClaimed(r, c1 + 1)) c1++;
      const headers = slice(r, c, c1);
      const kind = mayBeHeader(headers) ? detectTableKind(headers) : null;
      if (!kind && nearMisses) {
        const names = headers.filter(isColumnName).length;
        if (names >= 2) nearMisses.push({ sheet, row: r, firstColumn: c, headers, names });
      }
      if (kind) {
        let last = r;
        let k = r + 1;
        while (k <= bottom) {
          if (claimed.some((x) => overlaps(x, k, c, k, c1))) break;
          if (blankWithin(k, c, c1)) {
            let j = k;
            while (j <= bottom && blankWithin(j, c, c1)) j++;
            if (j > bottom || j - k > MAX_BLANK_ROWS_INSIDE) break;
            if (claimed.some((x) => overlaps(x, j, c, j, c1))) break;
            if (!dataLike(j, c, c1) || isHeader(j, c, c1)) break;
            k = j;
            continue;
          }
          if (isHeader(k, c, c1)) break;
          last = k;
          k++;
          if (++seen % ROWS_PER_STEP === 0) yield;
        }
        // A totals or average row at the end (合计, 平均分, Total …) is not data: the table stops above it.
        const summaryRows: TableRef["summaryRows"] = [];
        while (last > r) {
          const first = firstFilled(slice(last, c, c1));
          if (!isSummaryLabel(first.value)) break;
          summaryRows.unshift({ row: last, column: c + first.at, label: cellText(first.value) });
          last--;
        }
        const ref: TableRef = { sheet, kind, headerRow: r, firstColumn: c, lastColumn: c1, lastRow: last, ...(summaryRows.length ? { summaryRows } : {}) };
        found.push(ref);
        claimed.push({ sheet, top: r, left: c, bottom: last, right: c1 });
      }
      c = c1 + 1;
    }
  }
  return found;
}

/**
 * The header blocks of one sheet around its ListObjects (`objects`): none when the sheet's used cells
 * all lie inside them, and then its cells are not read at all; else findHeaderBlocks on the grid
 * `read` gives for the used range.
 */
export async function sheetBlocks(
  sheet: string,
  used: Omit<SheetRange, "sheet">,
  objects: readonly TableRef[],
  read: () => Promise<CellValue[][]>,
  nearMisses?: NearMiss[],
  /** Called between the locator's steps (headerBlockSteps): a page's adapter lets input through there. */
  pause?: () => Promise<void>,
): Promise<TableRef[]> {
  const cover = objects.map((o) => rangeOfTable(o, { totals: true }));
  if (cover.some((c) => c.top <= used.top && c.left <= used.left && c.bottom >= used.bottom && c.right >= used.right)) return [];
  const grid = { values: await read(), top: used.top, left: used.left };
  if (!pause) return findHeaderBlocks(sheet, grid, cover, nearMisses);
  const steps = headerBlockSteps(sheet, grid, cover, nearMisses);
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    await pause();
  }
}

/**
 * An Excel table (ListObject) as every adapter lists it: its kind from its header cells, its data rows
 * above its totals row. `box` runs from the header row to the last row (the totals row included).
 */
export function listObjectRef(sheet: string, name: string, box: Omit<SheetRange, "sheet">, totalsRow: boolean, headers: readonly CellValue[]): TableRef {
  return { sheet, name, kind: detectTableKind(headers), headerRow: box.top, firstColumn: box.left, lastColumn: box.right, lastRow: box.bottom - (totalsRow ? 1 : 0), totalsRow };
}

/** The header blocks of a sheet whose cells are all in memory (a grid from A1) around its ListObjects. */
export function gridBlocks(sheet: string, values: CellValue[][], objects: readonly TableRef[], nearMisses?: NearMiss[]): TableRef[] {
  return findHeaderBlocks(sheet, { values, top: 1, left: 1 }, objects.map((o) => rangeOfTable(o, { totals: true })), nearMisses);
}

/** Tables in the order staff read them: sheet order, then top to bottom, then left to right. */
export function sortTables(tables: TableRef[], sheetOrder: readonly string[]): TableRef[] {
  const pos = new Map(sheetOrder.map((s, i) => [s, i]));
  return tables.slice().sort((a, b) => (pos.get(a.sheet) ?? 0) - (pos.get(b.sheet) ?? 0) || a.headerRow - b.headerRow || a.firstColumn - b.firstColumn);
}
