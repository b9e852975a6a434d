// Where result columns go (INTERFACES.md §1a: "written, or overwritten if they were written by the
// add-in before, to the right"). Host-free and the same for every table kind:
//  - a result whose header the table already has (综合得分/Composite, 排名/Rank, …) is written into
//    that column, and its header cell is left as it is;
//  - the others are appended after the table's last column, in the kind's result order, with
//    headers in the table's own language (Chinese when its headers are mostly Chinese).
import { ColumnSpec, headerCore, headerKey, spellings } from "../engine/headers";
import type { CellValue } from "../engine/types";
import { columnLetters, normalizeText } from "../engine/values";
import type { SheetRange, TableRef } from "../workbook/port";

export type HeaderLanguage = "zh" | "en";

export interface ResultColumn {
  key: string;
  /** 1-based worksheet column. */
  column: number;
  /** Header to write for an appended column; undefined for an existing column (its header stays). */
  header?: string;
  existing: boolean;
}

export interface ResultLayout {
  language: HeaderLanguage;
  /** One entry per result key, in the kind's result order. */
  columns: ResultColumn[];
  /** The block right of the table that appended columns will occupy (header row to last row), if any. */
  appendArea: SheetRange | null;
}

/** The language of a table's headers: the one most of its recognised headers are written in (ties: Chinese). */
export function headerLanguage(headers: readonly CellValue[], specs: readonly ColumnSpec[]): HeaderLanguage {
  let zh = 0;
  let en = 0;
  for (const h of headers) {
    const k = headerKey(h);
    if (!k) continue;
    const core = headerCore(k);
    for (const s of specs) {
      const zhNames = [s.zh, ...(s.aliases ?? []).filter((a) => /[\u3400-\u9fff]/.test(a))].map(normalizeText);
      const enNames = [s.en, ...(s.aliases ?? []).filter((a) => !/[\u3400-\u9fff]/.test(a))].map(normalizeText);
      if (zhNames.includes(k) || zhNames.includes(core)) zh++;
      else if (enNames.includes(k) || enNames.includes(core)) en++;
    }
  }
  return en > zh ? "en" : "zh";
}

/** Plan the result columns of one table. `headers` are the table's header cells, left to right. */
export function planResultColumns(ref: TableRef, headers: readonly CellValue[], inputSpecs: readonly ColumnSpec[], resultSpecs: readonly ColumnSpec[]): ResultLayout {
  const language = headerLanguage(headers, inputSpecs);
  const keys = headers.map(headerKey);
  const columns: ResultColumn[] = [];
  let next = ref.lastColumn + 1;
  for (const spec of resultSpecs) {
    const names = spellings(spec);
    const at = keys.findIndex((k) => k !== "" && names.includes(k));
    if (at >= 0) columns.push({ key: spec.key, column: ref.firstColumn + at, existing: true });
    else columns.push({ key: spec.key, column: next++, header: language === "zh" ? spec.zh : spec.en, existing: false });
  }
  const appendArea: SheetRange | null =
    next > ref.lastColumn + 1 ? { sheet: ref.sheet, top: ref.headerRow, left: ref.lastColumn + 1, bottom: ref.lastRow + (ref.totalsRow ? 1 : 0), right: next - 1 } : null;
  return { language, columns, appendArea };
}

export function rangeAddress(r: SheetRange): string {
  return `${columnLetters(r.left)}${r.top}:${columnLetters(r.right)}${r.bottom}`;
}
