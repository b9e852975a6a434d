// Host-free decisions of the task pane, tested in jest: which table to compute, and which result
// cells hold content the add-in did not write (the pane asks before overwriting those).
import { ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS } from "../engine/headers";
import type { CellValue, RawTable } from "../engine/types";
import { a1, cellText, isBlank } from "../engine/values";
import { planResultColumns, ResultLayout } from "../actions/layout";
import type { SettingsStore } from "../actions/policy-store";
import type { SheetRange, TableRef } from "../workbook/port";

export type TableChoice = { table: TableRef } | { ask: TableRef[] } | { none: true };

/** The selected table, else the only annual table on the active sheet, else the only one in the workbook, else ask. */
export function chooseTable(tables: readonly TableRef[], selection: { sheet: string; row: number; column: number; activeSheet: string } | null): TableChoice {
  const annual = tables.filter((t) => t.kind === "annual");
  if (!annual.length) return { none: true };
  if (selection) {
    const hit = annual.find((t) => t.sheet === selection.sheet && selection.row >= t.headerRow && selection.row <= t.lastRow + (t.totalsRow ? 1 : 0) && selection.column >= t.firstColumn && selection.column <= t.lastColumn);
    if (hit) return { table: hit };
    const onSheet = annual.filter((t) => t.sheet === selection.activeSheet);
    if (onSheet.length === 1) return { table: onSheet[0] };
    if (onSheet.length > 1) return { ask: onSheet };
  }
  return annual.length === 1 ? { table: annual[0] } : { ask: annual.slice() };
}

export function tableAddress(t: TableRef): string {
  return `${a1(t.headerRow, t.firstColumn)}:${a1(t.lastRow + (t.totalsRow ? 1 : 0), t.lastColumn)}`;
}

// ------------------------------------------------------------ what the add-in wrote

/** Document setting: per table, the result columns the add-in last wrote and a fingerprint of their values. */
export const WRITTEN_SETTING = "assess.written";

export interface WrittenColumn {
  column: number;
  fingerprint: string;
}
export type WrittenRecord = Record<string, Record<string, WrittenColumn>>;

export function tableKey(t: TableRef): string {
  return t.name ? `table:${t.name}` : `block:${t.sheet}!${a1(t.headerRow, t.firstColumn)}`;
}

/** FNV-1a over the cells' kinds and texts: equal for the values written and the values read back. */
export function fingerprint(values: readonly CellValue[]): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const v of values) {
    feed(isBlank(v) ? "_" : typeof v === "number" ? "n" : typeof v === "string" ? "s" : "o");
    feed(isBlank(v) ? "" : cellText(v));
    feed("\u0001");
  }
  return h.toString(16).padStart(8, "0") + ":" + values.length;
}

export function readWritten(store: SettingsStore): WrittenRecord {
  const raw = store.get(WRITTEN_SETTING);
  if (typeof raw !== "string") return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as WrittenRecord) : {};
  } catch {
    return {};
  }
}

export interface ForeignContent {
  /** Existing result columns (inside the table) holding content the add-in did not write. */
  columns: { column: number; header: string; range: SheetRange }[];
  /** The area right of the table where new result columns go, when it is not empty. */
  area: SheetRange | null;
}

export function layoutFor(ref: TableRef, raw: RawTable): ResultLayout {
  return planResultColumns(ref, raw.headers, ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS);
}

/** Result cells that hold content the add-in did not write: non-blank, and unlike what it last wrote there. */
export function foreignContent(ref: TableRef, raw: RawTable, layout: ResultLayout, written: WrittenRecord, appendCells: CellValue[][] | null): ForeignContent {
  const mine = written[tableKey(ref)] ?? {};
  const columns: ForeignContent["columns"] = [];
  for (const c of layout.columns) {
    if (!c.existing) continue;
    const j = c.column - ref.firstColumn;
    const values = raw.rows.map((r) => r[j]);
    if (values.every(isBlank)) continue;
    const rec = mine[c.key];
    if (rec && rec.column === c.column && rec.fingerprint === fingerprint(values)) continue;
    columns.push({ column: c.column, header: cellText(raw.headers[j]), range: { sheet: ref.sheet, top: ref.headerRow + 1, left: c.column, bottom: ref.lastRow, right: c.column } });
  }
  const area = layout.appendArea && appendCells && appendCells.some((row) => row.some((v) => !isBlank(v))) ? layout.appendArea : null;
  return { columns, area };
}

/** The record after a compute wrote `values` (result key → column values) into `layout`'s columns. */
export function recordWritten(written: WrittenRecord, ref: TableRef, layout: { columns: readonly { key: string; column: number }[] }, values: Record<string, CellValue[]>): WrittenRecord {
  const cols: Record<string, WrittenColumn> = {};
  for (const c of layout.columns) if (values[c.key]) cols[c.key] = { column: c.column, fingerprint: fingerprint(values[c.key]) };
  return { ...written, [tableKey(ref)]: cols };
}
