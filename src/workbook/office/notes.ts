// Notes on cells through Office.js, with the fallback the requirement sets allow: notes (ExcelApi
// 1.18), else threaded comments (1.10), else none — the 说明 column alone carries the reasons then.
import { formatRange, parseBox, quoteSheet } from "../codec";
import { estimateBytes, SizedOp } from "./requests";

export type NoteMode = "notes" | "comments" | "none";

/** A note (or comment) as loaded: its cell, its text, and the proxy to delete it by. */
export interface LoadedNote {
  row: number;
  column: number;
  text: string;
  item: Excel.Note | Excel.Comment;
}

/** Where notes go, from the requirement sets the host supports. */
export function noteModeOf(has: (version: string) => boolean): NoteMode {
  return has("1.18") ? "notes" : has("1.10") ? "comments" : "none";
}

/**
 * The notes (or comments) of one sheet with their cells: two syncs whatever their number. `counted`
 * awaits a sync and counts it (the adapter's stats).
 */
export async function loadNotes(context: Excel.RequestContext, sheet: Excel.Worksheet, mode: NoteMode, counted: (sync: Promise<void>) => Promise<void>): Promise<LoadedNote[]> {
  if (mode === "none") return [];
  const coll: Excel.NoteCollection | Excel.CommentCollection = mode === "notes" ? sheet.notes : sheet.comments;
  coll.load("items/content");
  await counted(context.sync());
  const located = (coll.items as (Excel.Note | Excel.Comment)[]).map((item) => {
    const loc = item.getLocation();
    loc.load("address");
    return { item, loc };
  });
  await counted(context.sync());
  return located.map(({ item, loc }) => {
    const b = parseBox(loc.address);
    return { row: b.top, column: b.left, text: item.content, item };
  });
}

/** Add a note (or a comment) to one cell. */
export function addNoteOp(sheetName: string, row: number, column: number, text: string, mode: NoteMode): SizedOp {
  const cell = formatRange({ top: row, left: column, bottom: row, right: column }, true);
  return {
    bytes: estimateBytes(text) + 64,
    run: (context) => {
      if (mode === "notes") context.workbook.worksheets.getItem(sheetName).notes.add(cell, text);
      else if (mode === "comments") context.workbook.comments.add(`${quoteSheet(sheetName)}!${cell}`, text);
    },
  };
}

/** Delete a loaded note (or comment). */
export function deleteNoteOp(note: LoadedNote): SizedOp {
  return { bytes: 64, run: () => note.item.delete() };
}
