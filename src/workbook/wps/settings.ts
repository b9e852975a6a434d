// Document settings for WPS (the policy, the record of what the add-in wrote): kept in the workbook
// itself, on a very hidden sheet, so that they travel with the file as Office's document settings do.
//
// Why a very hidden sheet and not a custom document property: a custom property's text value is
// limited to 255 characters in the VBA object model ET follows (a policy is several kilobytes), and
// the typings give CustomDocumentProperties only as an untyped dispatch object. A sheet holds text of
// any length (32,767 characters per cell, so a value is split over cells), is written with the same
// calls as every other write, and xlSheetVeryHidden keeps it out of the sheet tabs and the Unhide
// dialog. It is left out of everything the add-in lists, reads or writes as a workbook sheet.
//
// Layout: one row per key — column A the key, columns B… the value's JSON in pieces of CHUNK
// characters. Cells are formatted "@" before they are written, so JSON text stays text.
import { cellText } from "../../engine/values";
import { call, get, item, items, num, obj, objOrNull, put, str, WpsObject } from "./com";

/** The settings sheet's name (never shown: very hidden). */
export const SETTINGS_SHEET = "ASSESS_SETTINGS";
/** xlSheetVeryHidden. */
const VERY_HIDDEN = 2;
/** Characters per cell (below ET's 32,767). */
export const CHUNK = 30_000;

function findSheet(book: WpsObject): WpsObject | null {
  return items(obj(book, "Worksheets")).find((ws) => str(ws, "Name") === SETTINGS_SHEET) ?? null;
}

/** The settings saved in the active workbook: key → the stored JSON text. */
export function readSettingsText(app: WpsObject): Map<string, string> {
  const out = new Map<string, string>();
  const book = objOrNull(app, "ActiveWorkbook");
  if (!book) return out;
  const ws = findSheet(book);
  if (!ws) return out;
  const used = obj(ws, "UsedRange");
  const rows = num(obj(used, "Rows"), "Count");
  const cols = num(obj(used, "Columns"), "Count");
  const left = num(used, "Column");
  if (left !== 1) return out;
  const v = get(used, "Value2");
  const grid = rows === 1 && cols === 1 ? [[v]] : (v as unknown[][]);
  grid.forEach((row) => {
    const key = row[0];
    if (typeof key !== "string" || key === "") return;
    out.set(key, row.slice(1).map((x) => (typeof x === "string" ? x : cellText(x))).join(""));
  });
  return out;
}

/**
 * A SettingsStore (actions/policy-store) over the settings sheet: get/set/remove work on a copy read
 * once from the workbook; save() writes the whole copy back (creating the sheet the first time).
 */
export class WpsDocumentSettings {
  private values: Map<string, unknown> | null = null;

  constructor(private readonly application: () => WpsObject | null) {}

  private load(): Map<string, unknown> {
    if (this.values) return this.values;
    const app = this.application();
    const parsed = new Map<string, unknown>();
    if (app)
      for (const [k, text] of readSettingsText(app)) {
        try {
          parsed.set(k, JSON.parse(text));
        } catch {
          parsed.set(k, text); // loadStoredPolicy reports what it cannot use
        }
      }
    this.values = parsed;
    return parsed;
  }

  get(key: string): unknown {
    const v = this.load().get(key);
    return v === undefined ? null : v;
  }

  set(key: string, value: unknown): void {
    this.load().set(key, JSON.parse(JSON.stringify(value)));
  }

  remove(key: string): void {
    this.load().delete(key);
  }

  /** Read the workbook again (another workbook became active, or a test changed it). */
  reload(): void {
    this.values = null;
  }

  async save(): Promise<void> {
    const app = this.application();
    if (!app) throw new Error("WPS Application is not available");
    const book = obj(app, "ActiveWorkbook");
    const values = this.load();
    let ws = findSheet(book);
    if (!ws) {
      if (!values.size) return;
      const active = objOrNull(app, "ActiveSheet");
      const sheets = obj(book, "Worksheets");
      ws = call(sheets, "Add", undefined, item(sheets, num(sheets, "Count"))) as WpsObject;
      put(ws, "Name", SETTINGS_SHEET);
      put(ws, "Visible", VERY_HIDDEN);
      if (active) call(active, "Activate");
    }
    call(obj(ws, "UsedRange"), "Clear");
    const rows: string[][] = [...values].map(([k, v]) => {
      const text = JSON.stringify(v);
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += CHUNK) parts.push(text.slice(i, i + CHUNK));
      return [k, ...(parts.length ? parts : [""])];
    });
    if (!rows.length) return;
    const width = Math.max(...rows.map((r) => r.length));
    const data = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
    const last = String.fromCharCode(64 + Math.min(width, 26));
    if (width > 26) throw new Error("a setting is too long to store");
    const range = call(ws, "Range", `A1:${last}${data.length}`) as WpsObject;
    put(range, "NumberFormat", "@");
    put(range, "Value2", data);
  }
}
