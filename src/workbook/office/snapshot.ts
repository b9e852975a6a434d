// Snapshot and restore through Office.js, the halves without requests: the cells a snapshot read
// become CellSnapshots (converted in slices that let the page breathe), and a RangeSnapshot becomes
// the sized operations that put it back (number formats before values, so that a text-formatted
// cell takes its text back verbatim; fills; bold text). The adapter (workbook.ts) reads, syncs and
// sends them.
import type { CellSnapshot, RangeSnapshot, SheetRange } from "../port";
import { formatRange, runs, toTypedInput } from "../codec";
import { estimateBytes, fillOps, planWriteBlocks, SizedOp } from "./requests";
import { argbToHex, fromOffice, hexToArgb, mapRows } from "./values";

/** What readBlocks gave for a snapshot: per property the rows of the range, and the cell properties (fill, bold) when the host has them. */
export interface SnapshotBlocks {
  out: Record<string, unknown[][]>;
  fills: Excel.CellProperties[][];
}

/**
 * The cells of a range as read (values, value types, formulas, number formats, fills, bold) with their
 * notes. One object per cell (a 20,000-row snapshot holds 80,000 of them on the page until undone):
 * `host` only for a bold cell, the one thing a restore needs besides the port's fields.
 */
export function snapshotCells(range: SheetRange, { out, fills }: SnapshotBlocks, noteAt: ReadonlyMap<string, string>): Promise<CellSnapshot[][]> {
  const notes = noteAt.size > 0;
  return mapRows(out.values, (row, i) =>
    row.map((v, j) => {
      const formula = out.formulas[i][j];
      const props = fills[i]?.[j]?.format;
      const fill = props?.fill;
      const filled = fill && fill.pattern && fill.pattern !== "None";
      const cell: CellSnapshot = {
        value: fromOffice(v, out.valueTypes[i][j] as string),
        numberFormat: out.numberFormat[i][j] as string,
        fill: filled ? hexToArgb(fill.color) : null,
        note: notes ? (noteAt.get(`${range.top + i},${range.left + j}`) ?? null) : null,
      };
      if (typeof formula === "string" && formula.startsWith("=") && formula !== v) cell.formula = formula.slice(1);
      if (props?.font?.bold === true) cell.host = { bold: true };
      return cell;
    }),
  );
}

/** The operations that put a range's cells back as the snapshot saw them (notes apart: see notes.ts). */
export function restoreOps(snap: RangeSnapshot, budget: { cells: number; bytes: number }, multiAreas: boolean): SizedOp[] {
  const { range, cells } = snap;
  const sheetName = range.sheet;
  const ops: SizedOp[] = [];
  // Number formats first, so that a text-formatted ("@") cell takes its text back verbatim.
  const width = range.right - range.left + 1;
  const formats = cells.map((row) => row.map((c) => c.numberFormat ?? "General"));
  const inputs = cells.map((row) => row.map((c) => (c.formula !== undefined ? "=" + c.formula : toTypedInput(c.value, c.numberFormat === "@"))));
  const rowBytes = inputs.map((row, i) => row.reduce((n: number, v, j) => n + estimateBytes(v) + estimateBytes(formats[i][j]), 0));
  for (const [start, end] of planWriteBlocks(rowBytes, width, budget.cells, budget.bytes)) {
    let bytes = 0;
    for (let i = start; i < end; i++) bytes += rowBytes[i];
    ops.push({
      bytes,
      run: (context) => {
        const r = context.workbook.worksheets.getItem(sheetName).getRangeByIndexes(range.top + start - 1, range.left - 1, end - start, width);
        r.numberFormat = formats.slice(start, end);
        r.values = inputs.slice(start, end);
      },
    });
  }
  // Fills: cleared, then put back colour by colour.
  ops.push({ bytes: 64, run: (context) => context.workbook.worksheets.getItem(sheetName).getRange(formatRange(range, true)).format.fill.clear() });
  const byColor = new Map<string, Map<number, number[]>>();
  cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (!c.fill) return;
      const color = argbToHex(c.fill);
      const cols = byColor.get(color) ?? new Map<number, number[]>();
      byColor.set(color, cols);
      const col = range.left + j;
      cols.set(col, [...(cols.get(col) ?? []), range.top + i]);
    }),
  );
  for (const [color, cols] of byColor) for (const [col, rows] of cols) ops.push(...fillOps(sheetName, rows, [col], color, multiAreas));
  // Bold text (the header row of a sheet the add-in had made and then replaced).
  const bold = new Map<number, number[]>();
  cells.forEach((row, i) => row.forEach((c, j) => {
    if ((c.host as { bold?: boolean } | undefined)?.bold) bold.set(range.left + j, [...(bold.get(range.left + j) ?? []), range.top + i]);
  }));
  for (const [col, rows] of bold)
    for (const [r0, r1] of runs(rows)) ops.push({ bytes: 64, run: (context) => (context.workbook.worksheets.getItem(sheetName).getRange(formatRange({ top: r0, left: col, bottom: r1, right: col }, true)).format.font.bold = true) });
  return ops;
}
