// 示例 Insert sample (INTERFACES.md §3) and `assess sample` (§4): the sample workbook of the scheme
// (src/sample) written through the WorkbookPort — one sheet per table, headers on row 1 (header
// blocks, which every face recognises like Excel Tables), and a 示例说明 sheet listing the planted
// cases. Host-free: the CLI runs it on a new exceljs workbook, the task pane on the open workbook.
import type { CellValue } from "../engine/types";
import { cellText, displayWidth } from "../engine/values";
import { generateSample, Sample, SampleOptions } from "../sample";
import type { Snapshot, WorkbookPort } from "../workbook/port";
import { sampleNotesSheet, SHEET_NAMES } from "../i18n/sheets";

export const SAMPLE_NOTES_SHEET = SHEET_NAMES.sampleNotes;

export interface InsertSampleOptions extends SampleOptions {
  /** Take a snapshot before writing (the sheets about to be added), for undo (default false). */
  snapshot?: boolean;
  /** Called with the snapshot as soon as it is taken, before the first write (implies snapshot). */
  onSnapshot?: (snapshot: Snapshot) => void;
}

export interface InsertSampleResult {
  sample: Sample;
  /** The sheets written, by the names used (a sheet name the user already has gets " (2)"). */
  sheets: string[];
  /** Taken before anything was written (options.snapshot): restoring it removes the sheets again. */
  snapshot?: Snapshot;
}


/** Column widths that fit the header and the first rows (8–40 characters). */
export function fitWidths(rows: readonly CellValue[][], sampleRows = 200): number[] {
  const widths: number[] = [];
  for (const row of rows.slice(0, sampleRows + 1)) row.forEach((v, i) => (widths[i] = Math.max(widths[i] ?? 8, Math.min(40, displayWidth(cellText(v)) + 2))));
  return widths;
}

/** The 示例说明 sheet: what each planted case is and which findings it must give. */
export function sampleNotes(sample: Sample): CellValue[][] {
  const rows: CellValue[][] = [sampleNotesSheet.headers];
  for (const p of sample.planted) rows.push([p.sheet, p.row, p.what, p.codes.join(", ") || null]);
  rows.push([]);
  rows.push([sampleNotesSheet.seed, sample.seed]);
  rows.push([sampleNotesSheet.cadres, sample.cadres]);
  rows.push([sampleNotesSheet.year, sample.context.year]);
  rows.push([sampleNotesSheet.feedbackDate, sample.context.feedbackDate]);
  return rows;
}

/** Write the sample's sheets (and 示例说明) into the workbook behind `port`. */
export async function insertSample(port: WorkbookPort, options: InsertSampleOptions = {}): Promise<InsertSampleResult> {
  const sample = generateSample({ seed: options.seed, cadres: options.cadres });
  const names = [...sample.sheets.map((s) => s.name), SAMPLE_NOTES_SHEET];
  const snapshot = options.snapshot || options.onSnapshot ? await port.snapshot({ ranges: [], sheets: names }) : undefined;
  if (snapshot) options.onSnapshot?.(snapshot);
  const sheets: string[] = [];
  // A name already taken by the user's sheet gets " (2)": that new sheet goes on undo too.
  const used = (name: string, asked: string) => {
    if (snapshot && name !== asked) snapshot.sheets.push({ name, existed: false });
    sheets.push(name);
  };
  for (const s of sample.sheets) {
    const rows: CellValue[][] = [s.headers, ...s.rows];
    used(await port.addSheet(s.name, rows, { columnWidths: fitWidths(rows), headerRows: 1 }), s.name);
  }
  const notes = sampleNotes(sample);
  used(await port.addSheet(SAMPLE_NOTES_SHEET, notes, { columnWidths: [14, 6, 70, 36], headerRows: 1 }), SAMPLE_NOTES_SHEET);
  return { sample, sheets, ...(snapshot ? { snapshot } : {}) };
}
