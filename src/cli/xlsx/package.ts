// The CLI's WorkbookPort on the .xlsx package itself (issue 5: a province's 100,000 rows in a few
// seconds and well under 1 GB). The exceljs adapter builds an object per cell for the whole workbook
// and writes every part again; this one reads the cell values it needs straight from the sheet XML
// and, on save, copies every part it did not change byte for byte (compressed), and rewrites only the
// rows that gain results, the styles, the notes and the sheets the CLI adds.
//
// It reads cells as the exceljs adapter reads them (same values, dates by number format, merged cells
// showing their first cell's value, tables without a header row skipped) and writes what it writes
// (result columns in the table's look, fills, notes, the 校验结果 sheet and the other scheme sheets), so
// the actions cannot tell them apart; the tests compare the two on the golden workbooks. A package it
// does not handle (ZIP64, strict OOXML, prefixed XML …) raises Unsupported at open, before anything is
// computed, and the CLI then uses the exceljs adapter.
import { detectTableKind } from "../../engine/headers";
import type { CellValue, RawTable } from "../../engine/types";
import { isCellError } from "../../engine/types";
import { cellText, columnLetters } from "../../engine/values";
import { findHeaderBlocks, sortTables } from "../../workbook/locate";
import { checkColumnWrites, ColumnWrite, HIGHLIGHT_FILLS, RowFormat, SheetOptions, SheetRange, Snapshot, TableRef, WorkbookError, WorkbookPort } from "../../workbook/port";
import { Styles } from "./styles";
import { attributes, decodeXml, element, elements, escapeXml, textOf } from "./xml";
import { entryOf, inflate, readZip, Unsupported, writeZip, ZipEntry } from "./zip";

const NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = {
  worksheet: `${NS}/worksheet`,
  table: `${NS}/table`,
  comments: `${NS}/comments`,
  vml: `${NS}/vmlDrawing`,
  sharedStrings: `${NS}/sharedStrings`,
  styles: `${NS}/styles`,
  calcChain: `${NS}/calcChain`,
  officeDocument: `${NS}/officeDocument`,
};
const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};
const MAX_COLUMNS = 16384;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A part's path from a relationship target (relative to the source part's folder, or absolute). */
function resolve(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A target for a relationship from `fromPart` to `toPart` (both package paths). */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => ".."), ...to.slice(k)].join("/");
}

function parseRels(xml: string | null): Rel[] {
  if (xml === null) return [];
  return elements(xml, "Relationship").map((e) => {
    const a = attributes(e.tag);
    return { id: a.Id, type: a.Type, target: a.Target, external: a.TargetMode === "External" };
  });
}

function relsXml(rels: readonly Rel[]): string {
  const items = rels.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`);
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

function newRelId(rels: readonly Rel[]): string {
  let n = rels.length + 1;
  while (rels.some((r) => r.id === `rId${n}`)) n++;
  return `rId${n}`;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function decodeRef(ref: string): Box {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) throw new WorkbookError("unreadable", { zh: `无法识别的区域“${ref}”。`, en: `Unrecognised range "${ref}".` });
  const col = (s: string) => s.toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left };
}

function encodeRef(b: Box): string {
  return `${columnLetters(b.left)}${b.top}:${columnLetters(b.right)}${b.bottom}`;
}

/** Column number of a cell reference's letters ("AB12" → 28). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20;
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

/** A value as exceljs writes it: strings stay text, non-finite numbers become #NUM!. */
function toExcelValue(v: CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (isCellError(v)) return { error: v.error };
  return String(v);
}

/** A written cell: its format (index into cellXfs) and, when `set`, its new value. */
interface CellEdit {
  xf: number;
  set: boolean;
  value: CellValue;
}

interface TablePart {
  path: string;
  xml: string;
  name: string;
  box: Box;
  headerRow: boolean;
  totalsRow: boolean;
  columns: { id: number; name: string }[];
  added: string[];
  renamed: Map<number, string>;
  changed: boolean;
}

/** A note as the sheet will have it: a kept one (its XML as it was) or a new one (its text). */
interface NoteEntry {
  authorXml: string | null;
  text: string | null;
  raw: string | null;
}

interface RowSpan {
  r: number;
  start: number;
  end: number;
}

/** One worksheet: its cells as read, and what the CLI writes to it. */
class Sheet {
  /** Cell values by row and column (0-based), as the exceljs adapter reads them; holes are blank. */
  values: CellValue[][] = [];
  /** Cell formats (cellXfs index) of the cells the sheet XML has, by row and column (0-based). */
  formats: (number | undefined)[][] = [];
  rows: RowSpan[] = [];
  sheetData: { start: number; end: number } | null = null;
  tables: TablePart[] = [];
  rels: Rel[] = [];
  relsChanged = false;
  readonly edits = new Map<number, CellEdit>();
  /** New notes by cell key; cleared note areas. */
  readonly notes = new Map<number, string>();
  readonly noteClears: { top: number; bottom: number; columns: Set<number> }[] = [];
  /** For a sheet the CLI writes whole (new, or its own from an earlier run): its layout. */
  written: { headerRows: number; columnWidths: number[] } | null = null;

  constructor(
    public name: string,
    public readonly path: string,
    public xml: string | null,
  ) {}

  key(row: number, col: number): number {
    return row * MAX_COLUMNS + col;
  }

  value(row: number, col: number): CellValue {
    const r = this.values[row - 1];
    const v = r ? r[col - 1] : undefined;
    return v === undefined ? null : v;
  }

  /** The cell's format: its edit's, else the sheet's, else −1 (no format). */
  format(row: number, col: number): number {
    const e = this.edits.get(this.key(row, col));
    if (e) return e.xf;
    const r = this.formats[row - 1];
    const f = r ? r[col - 1] : undefined;
    return f === undefined ? -1 : f;
  }

  edit(row: number, col: number): CellEdit {
    const k = this.key(row, col);
    let e = this.edits.get(k);
    if (!e) {
      const f = this.format(row, col);
      this.edits.set(k, (e = { xf: f < 0 ? 0 : f, set: false, value: null }));
    }
    return e;
  }

  setValue(row: number, col: number, v: CellValue): void {
    const e = this.edit(row, col);
    e.set = true;
    e.value = v;
    (this.values[row - 1] ??= [])[col - 1] = v;
  }

  get changed(): boolean {
    return this.edits.size > 0 || this.notes.size > 0 || this.noteClears.length > 0 || this.written !== null;
  }
}

export class PackageWorkbook implements WorkbookPort {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly sheets: Sheet[] = [];
  private readonly workbookPath: string;
  private workbookXml: string;
  private readonly workbookRels: Rel[];
  private contentTypes: string;
  private readonly sharedStrings: (string | null)[] = [];
  private readonly sharedStringsPath: string;
  private readonly sharedStringsXml: string | null;
  /** Names of every sheet of the workbook, chart sheets included (a new sheet's name must be free). */
  private readonly otherSheetNames: string[] = [];
  /** Texts the CLI writes, as new shared strings: a result column repeats a handful of texts. */
  private readonly newStrings = new Map<string, number>();
  private newStringRefs = 0;
  private readonly styles: Styles;
  private readonly stylesPath: string;
  private readonly date1904: boolean;
  private relIdAttribute = "r:id";
  private nextVmlBlock = 1;

  private constructor(bytes: Uint8Array) {
    this.entries = readZip(bytes);
    for (const e of this.entries) this.byName.set(e.name, e);
    const ct = this.text("[Content_Types].xml");
    if (ct === null) throw new Unsupported("no [Content_Types].xml");
    this.contentTypes = ct;
    if (/purl\.oclc\.org\/ooxml/.test(ct) || /purl\.oclc\.org\/ooxml/.test(this.text("_rels/.rels") ?? "")) throw new Unsupported("strict OOXML");
    const main = parseRels(this.text("_rels/.rels")).find((r) => r.type === REL_TYPE.officeDocument);
    if (!main) throw new Unsupported("no workbook part");
    this.workbookPath = resolve("", main.target);
    const wb = this.text(this.workbookPath);
    if (wb === null) throw new Unsupported("no workbook part");
    if (!/<workbook[\s>]/.test(wb)) throw new Unsupported("prefixed workbook XML");
    this.workbookXml = wb;
    this.workbookRels = parseRels(this.text(relsPathOf(this.workbookPath)));
    const pr = element(wb, "workbookPr");
    const d1904 = pr ? attributes(pr.tag).date1904 : undefined;
    this.date1904 = d1904 === "1" || d1904 === "true";

    const ssRel = this.workbookRels.find((r) => r.type === REL_TYPE.sharedStrings);
    this.sharedStringsPath = ssRel ? resolve(this.workbookPath, ssRel.target) : "xl/sharedStrings.xml";
    const ss = ssRel ? this.text(this.sharedStringsPath) : null;
    this.sharedStringsXml = ss;
    if (ss !== null) for (const si of elements(ss, "si")) this.sharedStrings.push(si.inner === null ? null : textOf(si.inner, true));
    const stRel = this.workbookRels.find((r) => r.type === REL_TYPE.styles);
    this.stylesPath = stRel ? resolve(this.workbookPath, stRel.target) : "xl/styles.xml";
    this.styles = new Styles(this.text(this.stylesPath));

    const sheetsEl = element(wb, "sheets");
    for (const s of sheetsEl?.inner ? elements(sheetsEl.inner, "sheet") : []) {
      const a = attributes(s.tag);
      const idKey = Object.keys(a).find((k) => k.endsWith(":id"));
      if (!idKey) throw new Unsupported("sheet without relationship id");
      this.relIdAttribute = idKey;
      const rel = this.workbookRels.find((r) => r.id === a[idKey]);
      if (!rel || rel.type !== REL_TYPE.worksheet) {
        this.otherSheetNames.push(a.name ?? ""); // chart sheets and the like hold no cells
        continue;
      }
      const path = resolve(this.workbookPath, rel.target);
      const xml = this.text(path);
      if (xml === null) throw new Unsupported(`missing ${path}`);
      const sheet = new Sheet(a.name, path, xml);
      sheet.rels = parseRels(this.text(relsPathOf(path)));
      this.sheets.push(sheet);
    }
    for (const e of this.entries) {
      if (!e.name.endsWith(".vml")) continue;
      const vml = inflate(e).toString("utf8");
      for (const m of vml.matchAll(/data="([\d,\s]+)"/g)) for (const n of m[1].split(",")) this.nextVmlBlock = Math.max(this.nextVmlBlock, Number(n) + 1);
    }
    for (const sheet of this.sheets) this.parse(sheet);
  }

  /** Open an .xlsx package; Unsupported when it uses something this adapter does not handle. */
  static open(bytes: Uint8Array): PackageWorkbook {
    return new PackageWorkbook(bytes);
  }

  private text(path: string): string | null {
    const e = this.byName.get(path);
    return e ? inflate(e).toString("utf8") : null;
  }

  // ------------------------------------------------------------------ reading

  /** Read a sheet's cells (values as exceljs reads them, formats), its merged cells and its tables. */
  private parse(sheet: Sheet): void {
    const xml = sheet.xml as string;
    if (!/<worksheet[\s>]/.test(xml)) throw new Unsupported("prefixed worksheet XML");
    const rootTag = xml.slice(xml.indexOf("<worksheet"), xml.indexOf(">", xml.indexOf("<worksheet")) + 1);
    const rBinding = /\sxmlns:r="([^"]*)"/.exec(rootTag);
    if (rBinding && rBinding[1] !== NS) throw new Unsupported("the prefix r bound to another namespace");
    const sd = xml.indexOf("<sheetData");
    if (sd < 0) throw new Unsupported("worksheet without sheetData");
    const sdOpenEnd = xml.indexOf(">", sd) + 1;
    const selfClosing = xml.charCodeAt(sdOpenEnd - 2) === 0x2f;
    const sdEnd = selfClosing ? sdOpenEnd : xml.indexOf("</sheetData>", sdOpenEnd);
    if (sdEnd < 0) throw new Unsupported("unterminated sheetData");
    sheet.sheetData = { start: sdOpenEnd, end: sdEnd };
    const styles = this.styles;
    let p = selfClosing ? sdEnd : xml.indexOf("<row", sdOpenEnd);
    while (p >= 0 && p < sdEnd) {
      const tagEnd = xml.indexOf(">", p);
      const rowAttrs = xml.slice(p + 4, tagEnd);
      const rm = /\br="(\d+)"/.exec(rowAttrs);
      if (!rm) throw new Unsupported("row without r");
      const r = Number(rm[1]);
      const empty = xml.charCodeAt(tagEnd - 1) === 0x2f;
      const end = empty ? tagEnd + 1 : xml.indexOf("</row>", tagEnd) + 6;
      if (!empty && end < 6) throw new Unsupported("unterminated row");
      sheet.rows.push({ r, start: p, end });
      if (!empty) this.parseCells(sheet, xml, r, tagEnd + 1, end - 6, styles);
      p = xml.indexOf("<row", end);
    }
    // Merged cells show their first cell's value, as exceljs reads them.
    const merges = element(xml, "mergeCells", sdEnd);
    if (merges?.inner) {
      for (const m of elements(merges.inner, "mergeCell")) {
        const box = decodeRef(attributes(m.tag).ref ?? "");
        const master = sheet.value(box.top, box.left);
        for (let r = box.top; r <= box.bottom; r++) {
          for (let c = box.left; c <= box.right; c++) if (r !== box.top || c !== box.left) (sheet.values[r - 1] ??= [])[c - 1] = master;
        }
      }
    }
    for (const rel of sheet.rels) {
      if (rel.type === REL_TYPE.vml) {
        const vml = this.text(resolve(sheet.path, rel.target)) ?? "";
        if (/ObjectType="(?!Note")/.test(vml)) throw new Unsupported("form controls in a VML drawing");
      }
      if (rel.type !== REL_TYPE.table) continue;
      const path = resolve(sheet.path, rel.target);
      const t = this.text(path);
      if (t === null) continue;
      const root = element(t, "table");
      if (!root) throw new Unsupported("prefixed table XML");
      const a = attributes(root.tag);
      const box = decodeRef(a.ref ?? "");
      const cols = element(t, "tableColumns");
      const columns = (cols?.inner ? elements(cols.inner, "tableColumn") : []).map((c) => ({ id: Number(attributes(c.tag).id), name: attributes(c.tag).name ?? "" }));
      // exceljs reads headerRowCount="1" as a header row and a missing one (Excel's default) as none; its
      // adapter then takes the header row when the header cells equal the column names. The same here.
      let headerRow = a.headerRowCount === "1";
      if (a.headerRowCount === undefined) headerRow = columns.every((c, j) => cellText(sheet.value(box.top, box.left + j)) === String(c.name ?? "").trim());
      sheet.tables.push({ path, xml: t, name: a.name ?? a.displayName ?? "", box, headerRow, totalsRow: a.totalsRowCount === "1", columns, added: [], renamed: new Map(), changed: false });
    }
  }

  private parseCells(sheet: Sheet, xml: string, r: number, from: number, to: number, styles: Styles): void {
    let values: CellValue[] | undefined;
    let formats: (number | undefined)[] | undefined;
    let p = xml.indexOf("<c", from);
    while (p >= 0 && p < to) {
      const after = xml.charCodeAt(p + 2);
      if (after !== 0x20 && after !== 0x3e && after !== 0x2f) {
        p = xml.indexOf("<c", p + 2);
        continue;
      }
      const tagEnd = xml.indexOf(">", p);
      const tag = xml.slice(p, tagEnd);
      const a = cellAttributes(tag);
      if (!a.r) throw new Unsupported("cell without r");
      const c = columnOf(a.r);
      const empty = xml.charCodeAt(tagEnd - 1) === 0x2f;
      const close = empty ? tagEnd + 1 : xml.indexOf("</c>", tagEnd) + 4;
      const inner = empty ? "" : xml.slice(tagEnd + 1, close - 4);
      const s = a.s === undefined ? undefined : Number(a.s);
      if (s !== undefined) (formats ??= sheet.formats[r - 1] ??= [])[c - 1] = s;
      const v = this.cellValue(a.t, inner, s, styles);
      if (v !== null) (values ??= sheet.values[r - 1] ??= [])[c - 1] = v;
      p = xml.indexOf("<c", close);
    }
  }

  /** A cell's value as exceljs reads it (see its cell-xform), then as the exceljs adapter hands it on. */
  private cellValue(t: string | undefined, inner: string, s: number | undefined, styles: Styles): CellValue {
    if (inner === "") return null;
    const fi = inner.indexOf("<f");
    const vi = inner.indexOf("<v");
    let v: string | undefined;
    if (vi >= 0) {
      const open = inner.indexOf(">", vi);
      if (inner.charCodeAt(open - 1) !== 0x2f) {
        const close = inner.indexOf("</v>", open);
        const text = decodeXml(inner.slice(open + 1, close));
        if (text !== "") v = text;
      }
    }
    const asDate = (n: number): CellValue => (s !== undefined && styles.isDate(s) ? new Date(Math.round((n - 25569 + (this.date1904 ? 1462 : 0)) * 86400000)) : n);
    if (fi >= 0 && (inner.charCodeAt(fi + 2) === 0x20 || inner.charCodeAt(fi + 2) === 0x3e || inner.charCodeAt(fi + 2) === 0x2f)) {
      // A formula: its cached result (none until a spreadsheet has calculated it).
      if (v === undefined) return null;
      if (t === "str") return decodeXml(v);
      if (t === "b") return parseInt(v, 10) !== 0;
      if (t === "e") return { error: v };
      return asDate(parseFloat(v));
    }
    if (t === "inlineStr") {
      const is = element(inner, "is");
      if (!is || is.inner === null) return null;
      const rich = is.inner.indexOf("<r") >= 0 && element(is.inner, "r") !== null;
      const text = textOf(is.inner, rich);
      return text === "" && !rich ? null : text;
    }
    if (v === undefined) return null;
    switch (t) {
      case "s":
        return this.sharedStrings[parseInt(v, 10)] ?? null;
      case "str":
        return decodeXml(v);
      case "b":
        return parseInt(v, 10) !== 0;
      case "e":
        return { error: v };
      default:
        return asDate(parseFloat(v));
    }
  }

  private sheet(name: string): Sheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new WorkbookError("no-such-sheet", { zh: `找不到工作表“${name}”。`, en: `No sheet named "${name}".` });
    return s;
  }

  private findSheet(name: string): Sheet | undefined {
    const key = name.toLowerCase(); // Excel sheet names are case-insensitive
    return this.sheets.find((w) => w.name.toLowerCase() === key);
  }

  private nameTaken(name: string): boolean {
    const key = name.toLowerCase();
    return this.findSheet(name) !== undefined || this.otherSheetNames.some((n) => n.toLowerCase() === key);
  }

  private grid(sheet: Sheet): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < sheet.values.length; r++) {
      const src = sheet.values[r];
      if (!src) {
        out.push([]);
        continue;
      }
      const row = new Array<CellValue>(src.length);
      for (let c = 0; c < src.length; c++) row[c] = src[c] === undefined ? null : src[c];
      out.push(row);
    }
    return out;
  }

  async listTables(): Promise<TableRef[]> {
    const all: TableRef[] = [];
    const order: string[] = [];
    for (const ws of this.sheets) {
      order.push(ws.name);
      const objects: TableRef[] = [];
      for (const t of ws.tables) {
        if (!t.headerRow) continue; // a table without a header row has nothing to recognise it by
        const box = t.box;
        const headers: CellValue[] = [];
        for (let c = box.left; c <= box.right; c++) headers.push(ws.value(box.top, c));
        objects.push({ sheet: ws.name, name: t.name, kind: detectTableKind(headers), headerRow: box.top, firstColumn: box.left, lastColumn: box.right, lastRow: box.bottom - (t.totalsRow ? 1 : 0), totalsRow: t.totalsRow });
      }
      const exclude: SheetRange[] = objects.map((o) => ({ sheet: o.sheet, top: o.headerRow, left: o.firstColumn, bottom: o.lastRow + (o.totalsRow ? 1 : 0), right: o.lastColumn }));
      all.push(...objects, ...findHeaderBlocks(ws.name, { values: this.grid(ws), top: 1, left: 1 }, exclude));
    }
    return sortTables(all, order);
  }

  async readTable(ref: TableRef): Promise<RawTable> {
    const ws = this.sheet(ref.sheet);
    const headers: CellValue[] = [];
    for (let c = ref.firstColumn; c <= ref.lastColumn; c++) headers.push(ws.value(ref.headerRow, c));
    const rows: CellValue[][] = [];
    for (let r = ref.headerRow + 1; r <= ref.lastRow; r++) {
      const row: CellValue[] = [];
      for (let c = ref.firstColumn; c <= ref.lastColumn; c++) row.push(ws.value(r, c));
      rows.push(row);
    }
    return { sheet: ref.sheet, name: ref.name, headers, rows, headerRow: ref.headerRow, firstColumn: ref.firstColumn };
  }

  async readRange(range: SheetRange): Promise<CellValue[][]> {
    const ws = this.sheet(range.sheet);
    const out: CellValue[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = range.left; c <= range.right; c++) row.push(ws.value(r, c));
      out.push(row);
    }
    return out;
  }

  // ------------------------------------------------------------------ writing (as the exceljs adapter)

  async writeColumns(ref: TableRef, columns: ColumnWrite[]): Promise<TableRef> {
    const ws = this.sheet(ref.sheet);
    const height = ref.lastRow - ref.headerRow;
    const table = ref.name ? ws.tables.find((t) => t.name === ref.name) : undefined;
    const { appended, newLast } = checkColumnWrites(ref, columns, table ? { names: new Set(table.columns.map((c) => String(c.name).trim().toLowerCase())) } : null);
    const styles = this.styles;
    // Appended cells take the look of the table's last column: header cells its whole format, data
    // cells its font, border and alignment (not its fill or number format: those are data to staff).
    const headerFormat = Math.max(0, ws.format(ref.headerRow, ref.lastColumn));
    const look = new Map<string, number>();
    for (const col of columns.slice().sort((a, b) => a.column - b.column)) {
      const isNew = col.column > ref.lastColumn;
      if (col.header !== undefined) {
        ws.setValue(ref.headerRow, col.column, col.header);
        if (isNew) ws.edit(ref.headerRow, col.column).xf = headerFormat;
      }
      for (let i = 0; i < height; i++) {
        const r = ref.headerRow + 1 + i;
        const e = ws.edit(r, col.column);
        if (isNew) {
          const left = ws.format(r, ref.lastColumn);
          if (left >= 0) {
            const k = `${e.xf}|${left}`;
            let xf = look.get(k);
            if (xf === undefined) look.set(k, (xf = styles.withLookOf(e.xf, left)));
            e.xf = xf;
          }
        }
        ws.setValue(r, col.column, toExcelValue(col.values[i]));
        if (col.numberFormat !== undefined) e.xf = this.withNumFmt(e.xf, col.numberFormat);
      }
      if (table && col.header !== undefined && !isNew) {
        const j = col.column - ref.firstColumn;
        if (table.columns[j]) {
          table.columns[j].name = col.header;
          table.renamed.set(j, col.header);
          table.changed = true;
        }
      }
    }
    if (table && newLast > ref.lastColumn) {
      for (const c of appended) table.added.push(columns.find((x) => x.column === c)!.header!);
      table.box = { ...table.box, right: newLast };
      table.changed = true;
    }
    return { ...ref, lastColumn: newLast };
  }

  private readonly numFmtMemo = new Map<string, number>();
  private withNumFmt(xf: number, code: string): number {
    const k = `${xf}|${code}`;
    let out = this.numFmtMemo.get(k);
    if (out === undefined) this.numFmtMemo.set(k, (out = this.styles.withNumFmt(xf, code)));
    return out;
  }

  private readonly fillMemo = new Map<string, number>();
  private withFill(xf: number, argb: string | null): number {
    const k = `${xf}|${argb}`;
    let out = this.fillMemo.get(k);
    if (out === undefined) this.fillMemo.set(k, (out = this.styles.withFill(xf, argb)));
    return out;
  }

  async formatRows(ref: TableRef, format: RowFormat): Promise<void> {
    const ws = this.sheet(ref.sheet);
    // Earlier results' fills and notes go first (a formatted cell's fill is cleared, as exceljs does).
    for (let r = ref.headerRow + 1; r <= ref.lastRow; r++) {
      for (const c of format.columns) {
        const f = ws.format(r, c);
        if (f >= 0 && this.styles.hasFill(f)) {
          const e = ws.edit(r, c);
          e.xf = this.withFill(e.xf, null);
        }
      }
    }
    ws.noteClears.push({ top: ref.headerRow + 1, bottom: ref.lastRow, columns: new Set(format.columns) });
    for (const k of [...ws.notes.keys()]) {
      const r = Math.floor(k / MAX_COLUMNS);
      if (r > ref.headerRow && r <= ref.lastRow && format.columns.includes(k % MAX_COLUMNS)) ws.notes.delete(k);
    }
    for (const [cls, rows] of Object.entries(format.classes) as [keyof typeof HIGHLIGHT_FILLS, number[]][]) {
      const argb = HIGHLIGHT_FILLS[cls];
      for (const r of rows) {
        if (r <= ref.headerRow || r > ref.lastRow) continue;
        for (const c of format.columns) {
          const e = ws.edit(r, c);
          e.xf = this.withFill(e.xf, argb);
        }
      }
    }
    for (const n of format.notes) ws.notes.set(ws.key(n.row, n.column), n.text);
  }

  async addSheet(name: string, rows: CellValue[][], options: SheetOptions = {}): Promise<string> {
    const signature = (rows[0] ?? []).map((v) => cellText(v));
    const existing = this.findSheet(name);
    let ws: Sheet;
    if (existing && signature.length > 0 && signature.every((s, i) => cellText(existing.value(1, i + 1)) === s)) {
      ws = existing; // the add-in's own sheet from an earlier run: replaced in place
      ws.values = [];
      ws.formats = [];
      ws.edits.clear();
      ws.notes.clear();
      ws.noteClears.length = 0;
    } else {
      let used = name;
      for (let i = 2; this.nameTaken(used); i++) used = `${name} (${i})`;
      ws = this.newSheet(used);
    }
    const headerRows = options.headerRows ?? 1;
    ws.written = { headerRows, columnWidths: options.columnWidths ?? [] };
    const bold = this.styles.withBoldFont(0);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const value = toExcelValue(v);
        if (value === null && r + 1 > headerRows) return;
        ws.setValue(r + 1, c + 1, value);
        if (r + 1 <= headerRows) ws.edit(r + 1, c + 1).xf = bold;
      }),
    );
    return ws.name;
  }

  private newSheet(name: string): Sheet {
    let n = 1;
    while (this.byName.has(`xl/worksheets/sheet${n}.xml`) || this.sheets.some((s) => s.path === `xl/worksheets/sheet${n}.xml`)) n++;
    const ws = new Sheet(name, `xl/worksheets/sheet${n}.xml`, null);
    this.sheets.push(ws);
    const sheetsEl = element(this.workbookXml, "sheets");
    if (!sheetsEl) throw new Unsupported("workbook without sheets");
    const ids = elements(sheetsEl.inner ?? "", "sheet").map((s) => Number(attributes(s.tag).sheetId) || 0);
    const rId = newRelId(this.workbookRels);
    this.workbookRels.push({ id: rId, type: REL_TYPE.worksheet, target: relativeTarget(this.workbookPath, ws.path), external: false });
    const item = `<sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}" ${this.relIdAttribute}="${rId}"/>`;
    const inner = (sheetsEl.inner ?? "") + item;
    this.workbookXml = this.workbookXml.slice(0, sheetsEl.start) + sheetsEl.tag.replace(/\/>$/, ">") + inner + "</sheets>" + this.workbookXml.slice(sheetsEl.end);
    this.addOverride(ws.path, CONTENT_TYPE.worksheet);
    return ws;
  }

  private addOverride(path: string, type: string): void {
    if (this.contentTypes.includes(`PartName="/${path}"`)) return;
    this.contentTypes = this.contentTypes.replace("</Types>", `<Override PartName="/${escapeXml(path)}" ContentType="${type}"/></Types>`);
  }

  async snapshot(): Promise<Snapshot> {
    throw new WorkbookError("bad-request", { zh: "命令行不支持撤销快照。", en: "The command line takes no undo snapshots." });
  }

  async restore(): Promise<void> {
    throw new WorkbookError("bad-request", { zh: "命令行不支持撤销快照。", en: "The command line takes no undo snapshots." });
  }

  // ------------------------------------------------------------------ saving

  async toBuffer(): Promise<Uint8Array> {
    const out = new Map<string, Uint8Array | null>(); // path → new bytes (null: removed)
    const put = (path: string, text: string) => out.set(path, Buffer.from(text, "utf8"));
    let anySheetChanged = false;
    for (const ws of this.sheets) {
      if (!ws.changed) continue;
      anySheetChanged = true;
      put(ws.path, this.sheetXml(ws, out));
      if (ws.relsChanged) put(relsPathOf(ws.path), relsXml(ws.rels));
      for (const t of ws.tables) if (t.changed) put(t.path, tableXml(t));
    }
    if (this.newStrings.size) {
      put(this.sharedStringsPath, this.sharedStringsOut());
      if (!this.workbookRels.some((r) => r.type === REL_TYPE.sharedStrings)) {
        this.workbookRels.push({ id: newRelId(this.workbookRels), type: REL_TYPE.sharedStrings, target: relativeTarget(this.workbookPath, this.sharedStringsPath), external: false });
        this.addOverride(this.sharedStringsPath, "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
      }
    }
    const styles = this.styles.toXml();
    if (styles !== null) {
      put(this.stylesPath, styles);
      if (!this.workbookRels.some((r) => r.type === REL_TYPE.styles)) {
        this.workbookRels.push({ id: newRelId(this.workbookRels), type: REL_TYPE.styles, target: relativeTarget(this.workbookPath, this.stylesPath), external: false });
        this.addOverride(this.stylesPath, CONTENT_TYPE.styles);
      }
    }
    // The calculation chain lists formula cells; a changed sheet may no longer have some. Excel rebuilds it.
    const calc = this.workbookRels.findIndex((r) => r.type === REL_TYPE.calcChain);
    if (anySheetChanged && calc >= 0) {
      const path = resolve(this.workbookPath, this.workbookRels[calc].target);
      out.set(path, null);
      this.workbookRels.splice(calc, 1);
    }
    put(this.workbookPath, this.workbookXml);
    put(relsPathOf(this.workbookPath), relsXml(this.workbookRels));

    for (const [path, data] of out) {
      if (data !== null) continue;
      const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      this.contentTypes = this.contentTypes.replace(new RegExp(`<Override[^>]*PartName="/${escaped}"[^>]*/>`), "");
    }
    put("[Content_Types].xml", this.contentTypes);

    const entries: ZipEntry[] = [];
    for (const e of this.entries) {
      if (!out.has(e.name)) entries.push(e);
      else {
        const data = out.get(e.name);
        if (data) entries.push(entryOf(e.name, data));
        out.delete(e.name);
      }
    }
    for (const [path, data] of out) if (data) entries.push(entryOf(path, data));
    return writeZip(entries);
  }

  /** A changed sheet's XML: original rows copied, rows with written cells rebuilt, notes attached. */
  private sheetXml(ws: Sheet, out: Map<string, Uint8Array | null>): string {
    let xml: string;
    let sheetData: { start: number; end: number };
    let rows: RowSpan[];
    if (ws.written) {
      // A sheet written again keeps its drawings and tables (exceljs clears cells, not objects).
      const kept = ws.xml === null ? "" : [element(ws.xml, "drawing"), element(ws.xml, "tableParts")].map((e) => (e ? (ws.xml as string).slice(e.start, e.end) : "")).join("");
      xml = writtenSheetTemplate(ws.written.headerRows, ws.written.columnWidths, kept);
      const at = xml.indexOf("<sheetData>") + "<sheetData>".length;
      sheetData = { start: at, end: at };
      rows = [];
      // The sheet's old notes and drawings of notes go (exceljs clears a sheet it writes again).
      for (const rel of ws.rels.filter((r) => r.type === REL_TYPE.comments || r.type === REL_TYPE.vml)) out.set(resolve(ws.path, rel.target), null);
      if (ws.rels.some((r) => r.type === REL_TYPE.comments || r.type === REL_TYPE.vml)) {
        ws.rels = ws.rels.filter((r) => r.type !== REL_TYPE.comments && r.type !== REL_TYPE.vml);
        ws.relsChanged = true;
      }
    } else {
      xml = ws.xml as string;
      sheetData = ws.sheetData as { start: number; end: number };
      rows = ws.rows;
    }

    // Written cells by row, in order.
    const keys = [...ws.edits.keys()].sort((a, b) => a - b);
    const parts: string[] = [xml.slice(0, sheetData.start)];
    let k = 0;
    let maxRow = 0;
    let maxCol = 0;
    const rowEdits = (r: number): [number, CellEdit][] => {
      const list: [number, CellEdit][] = [];
      while (k < keys.length && Math.floor(keys[k] / MAX_COLUMNS) === r) {
        const c = keys[k] % MAX_COLUMNS;
        list.push([c, ws.edits.get(keys[k]) as CellEdit]);
        if (c > maxCol) maxCol = c;
        k++;
      }
      if (list.length && r > maxRow) maxRow = r;
      return list;
    };
    let last = sheetData.start;
    for (const row of rows) {
      // Rows that only have written cells, before this one.
      while (k < keys.length && Math.floor(keys[k] / MAX_COLUMNS) < row.r) {
        const r = Math.floor(keys[k] / MAX_COLUMNS);
        parts.push(xml.slice(last, row.start));
        last = row.start;
        parts.push(this.newRow(r, rowEdits(r)));
      }
      if (k < keys.length && Math.floor(keys[k] / MAX_COLUMNS) === row.r) {
        parts.push(xml.slice(last, row.start));
        parts.push(this.mergeRow(xml.slice(row.start, row.end), row.r, rowEdits(row.r)));
        last = row.end;
      }
    }
    parts.push(xml.slice(last, sheetData.end));
    while (k < keys.length) {
      const r = Math.floor(keys[k] / MAX_COLUMNS);
      parts.push(this.newRow(r, rowEdits(r)));
    }
    let tail = xml.slice(sheetData.end);
    let head = parts[0];
    parts[0] = "";
    let body = parts.join("");

    // The dimension covers the written cells.
    const dim = element(head, "dimension");
    if (dim && maxRow > 0) {
      const a = attributes(dim.tag);
      const box = a.ref ? decodeRef(a.ref) : { top: 1, left: 1, bottom: 1, right: 1 };
      const grown = encodeRef({ top: Math.min(box.top, 1), left: Math.min(box.left, 1), bottom: Math.max(box.bottom, maxRow), right: Math.max(box.right, maxCol) });
      head = head.slice(0, dim.start) + `<dimension ref="${grown}"/>` + head.slice(dim.end);
    }
    const notes = this.notesOf(ws);
    if (notes) {
      tail = this.attachNotes(ws, tail, notes, out);
      // legacyDrawing refers to its part as r:id: the root must bind r (checked at open when it exists).
      const at = head.indexOf("<worksheet");
      const root = { start: at, tag: head.slice(at, head.indexOf(">", at) + 1) };
      if (!/\sxmlns:r=/.test(root.tag)) head = head.slice(0, root.start) + root.tag.replace(/^<worksheet/, `<worksheet xmlns:r="${NS}"`) + head.slice(root.start + root.tag.length);
    }
    body = head + body + tail;
    return body;
  }

  /** A row of the original XML with written cells merged in, in column order. */
  private mergeRow(rowXml: string, r: number, edits: [number, CellEdit][]): string {
    const tagEnd = rowXml.indexOf(">");
    const empty = rowXml.charCodeAt(tagEnd - 1) === 0x2f;
    const openTag = rowXml.slice(0, empty ? tagEnd - 1 : tagEnd).replace(/\sspans="[^"]*"/, "") + ">";
    const cells: [number, string][] = [];
    if (!empty) {
      const inner = rowXml.slice(tagEnd + 1, rowXml.length - 6);
      let p = inner.indexOf("<c");
      while (p >= 0) {
        const after = inner.charCodeAt(p + 2);
        if (after !== 0x20 && after !== 0x3e && after !== 0x2f) {
          p = inner.indexOf("<c", p + 2);
          continue;
        }
        const te = inner.indexOf(">", p);
        const close = inner.charCodeAt(te - 1) === 0x2f ? te + 1 : inner.indexOf("</c>", te) + 4;
        const tag = inner.slice(p, te);
        cells.push([columnOf(cellAttributes(tag).r ?? ""), inner.slice(p, close)]);
        p = inner.indexOf("<c", close);
      }
    }
    const outCells: string[] = [];
    let i = 0;
    for (const [c, e] of edits) {
      while (i < cells.length && cells[i][0] < c) outCells.push(cells[i++][1]);
      const original = i < cells.length && cells[i][0] === c ? cells[i++][1] : null;
      outCells.push(e.set || original === null ? this.cellXml(r, c, e) : withFormat(original, e.xf));
    }
    while (i < cells.length) outCells.push(cells[i++][1]);
    return `${openTag}${outCells.join("")}</row>`;
  }

  private newRow(r: number, edits: [number, CellEdit][]): string {
    return `<row r="${r}">${edits.map(([c, e]) => this.cellXml(r, c, e)).join("")}</row>`;
  }

  /** A written cell as XML: text inline (never a formula), numbers, booleans, errors, dates as serial numbers. */
  private cellXml(r: number, c: number, e: CellEdit): string {
    const ref = `${columnLetters(c)}${r}`;
    const v = e.value;
    let xf = e.xf;
    if (v instanceof Date) xf = this.styles.forDate(xf);
    const s = xf > 0 ? ` s="${xf}"` : "";
    if (v === null || v === undefined) return `<c r="${ref}"${s}/>`;
    if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
    if (typeof v === "string") return `<c r="${ref}"${s} t="s"><v>${this.sharedString(v)}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
    if (v instanceof Date) return `<c r="${ref}"${s}><v>${25569 + v.getTime() / 86400000 - (this.date1904 ? 1462 : 0)}</v></c>`;
    if (isCellError(v)) return `<c r="${ref}"${s} t="e"><v>${escapeXml(v.error)}</v></c>`;
    return `<c r="${ref}"${s} t="s"><v>${this.sharedString(String(v))}</v></c>`;
  }

  /** The index of a text in the shared strings (written text is never a formula: t="s"). */
  private sharedString(text: string): number {
    this.newStringRefs++;
    let i = this.newStrings.get(text);
    if (i === undefined) this.newStrings.set(text, (i = this.sharedStrings.length + this.newStrings.size));
    return i;
  }

  /** xl/sharedStrings.xml with the new texts appended (exceljs writes text cells as shared strings too). */
  private sharedStringsOut(): string {
    const items = [...this.newStrings.keys()].map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join("");
    const unique = this.sharedStrings.length + this.newStrings.size;
    const xml = this.sharedStringsXml ?? `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`;
    const open = xml.indexOf("<sst");
    const openEnd = xml.indexOf(">", open);
    let tag = xml.slice(open, openEnd + 1);
    const count = Number(/\bcount="(\d+)"/.exec(tag)?.[1] ?? this.sharedStrings.length) + this.newStringRefs;
    const set = (t: string, name: string, value: number) => (new RegExp(`\\b${name}="\\d*"`).test(t) ? t.replace(new RegExp(`\\b${name}="\\d*"`), `${name}="${value}"`) : t.replace(/\/?>$/, (end) => ` ${name}="${value}"${end}`));
    tag = set(set(tag, "count", count), "uniqueCount", unique);
    if (tag.endsWith("/>")) return xml.slice(0, open) + tag.slice(0, -2) + ">" + items + "</sst>" + xml.slice(openEnd + 1);
    const close = xml.lastIndexOf("</sst>");
    return xml.slice(0, open) + tag + xml.slice(openEnd + 1, close) + items + xml.slice(close);
  }

  /** The sheet's notes after this run (null when they did not change): kept ones first, by reference. */
  private notesOf(ws: Sheet): Map<string, NoteEntry> | null {
    const rel = ws.written ? undefined : ws.rels.find((r) => r.type === REL_TYPE.comments);
    const existing = rel ? this.text(resolve(ws.path, rel.target)) : null;
    const cleared = (row: number, col: number) => ws.noteClears.some((x) => row >= x.top && row <= x.bottom && x.columns.has(col));
    const result = new Map<string, NoteEntry>();
    let changed = ws.notes.size > 0;
    if (existing !== null) {
      const authors = elements(element(existing, "authors")?.inner ?? "", "author").map((a) => a.inner ?? "");
      const commentList = element(existing, "commentList")?.inner ?? "";
      for (const cm of elements(commentList, "comment")) {
        const a = attributes(cm.tag);
        const box = decodeRef(a.ref ?? "A1");
        if (cleared(box.top, box.left) || ws.notes.has(ws.key(box.top, box.left))) {
          changed = true;
          continue;
        }
        result.set(a.ref, { authorXml: authors[Number(a.authorId ?? 0)] ?? null, text: null, raw: commentList.slice(cm.start, cm.end) });
      }
    }
    if (!changed) return null;
    for (const [key, text] of ws.notes) {
      const ref = `${columnLetters(key % MAX_COLUMNS)}${Math.floor(key / MAX_COLUMNS)}`;
      result.set(ref, { authorXml: "Author", text, raw: null });
    }
    return result;
  }

  /** Write the comments part and its VML drawing, link them from the sheet, and return the sheet's new tail. */
  private attachNotes(ws: Sheet, tail: string, notes: Map<string, NoteEntry>, out: Map<string, Uint8Array | null>): string {
    let commentsRel = ws.rels.find((r) => r.type === REL_TYPE.comments);
    let vmlRel = ws.rels.find((r) => r.type === REL_TYPE.vml);
    if (notes.size === 0) {
      for (const rel of [commentsRel, vmlRel]) if (rel) out.set(resolve(ws.path, rel.target), null);
      if (commentsRel || vmlRel) {
        ws.rels = ws.rels.filter((r) => r !== commentsRel && r !== vmlRel);
        ws.relsChanged = true;
      }
      return tail.replace(/<legacyDrawing\b[^>]*\/>/, "");
    }
    const freeName = (make: (n: number) => string) => {
      let n = 1;
      while (this.byName.has(make(n)) || out.has(make(n))) n++;
      return make(n);
    };
    if (!commentsRel) {
      const path = freeName((n) => `xl/comments${n}.xml`);
      commentsRel = { id: newRelId(ws.rels), type: REL_TYPE.comments, target: relativeTarget(ws.path, path), external: false };
      ws.rels.push(commentsRel);
      ws.relsChanged = true;
      this.addOverride(path, CONTENT_TYPE.comments);
    }
    if (!vmlRel) {
      const path = freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
      vmlRel = { id: newRelId(ws.rels), type: REL_TYPE.vml, target: relativeTarget(ws.path, path), external: false };
      ws.rels.push(vmlRel);
      ws.relsChanged = true;
      if (!/Extension="vml"/i.test(this.contentTypes)) this.contentTypes = this.contentTypes.replace("</Types>", `<Default Extension="vml" ContentType="${CONTENT_TYPE.vml}"/></Types>`);
    }
    // Comments: authors (the kept notes' and ours), then one <comment> per note.
    const authors: string[] = [];
    const authorId = (a: string) => {
      let i = authors.indexOf(a);
      if (i < 0) i = authors.push(a) - 1;
      return i;
    };
    const list: string[] = [];
    const refs: { row: number; col: number }[] = [];
    for (const [ref, n] of notes) {
      const id = authorId(n.authorXml ?? "");
      list.push(
        n.raw !== null
          ? n.raw.replace(/\bauthorId="\d+"/, `authorId="${id}"`)
          : `<comment ref="${ref}" authorId="${id}"><text><r><t xml:space="preserve">${escapeXml(n.text ?? "")}</t></r></text></comment>`,
      );
      const box = decodeRef(ref);
      refs.push({ row: box.top, col: box.left });
    }
    const comments = `${XML_HEAD}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors>${authors.map((a) => `<author>${a}</author>`).join("")}</authors><commentList>${list.join("")}</commentList></comments>`;
    out.set(resolve(ws.path, commentsRel.target), Buffer.from(comments, "utf8"));
    out.set(resolve(ws.path, vmlRel.target), Buffer.from(this.vml(refs), "utf8"));
    if (/<legacyDrawing\b/.test(tail)) return tail.replace(/<legacyDrawing\b[^>]*\/>/, `<legacyDrawing r:id="${vmlRel.id}"/>`);
    // legacyDrawing comes after drawing and before these (the order CT_Worksheet prescribes).
    const next = /<(legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(tail);
    const at = next ? next.index : tail.lastIndexOf("</worksheet>");
    return tail.slice(0, at) + `<legacyDrawing r:id="${vmlRel.id}"/>` + tail.slice(at);
  }

  /** The VML drawing of a sheet's notes (one hidden note shape per cell, as Excel and exceljs write them). */
  private vml(refs: { row: number; col: number }[]): string {
    const blocks = Math.max(1, Math.ceil(refs.length / 1024));
    const first = this.nextVmlBlock;
    this.nextVmlBlock += blocks;
    const data = Array.from({ length: blocks }, (_, i) => first + i).join(",");
    const shapes = refs.map(({ row, col }, i) => {
      const r = row - 1;
      const c = col - 1;
      return (
        `<v:shape id="_x0000_s${first * 1024 + 1 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
        `<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${Math.max(0, r - 1)}, 10, ${c + 3}, 15, ${r + 3}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
      );
    });
    return (
      `${XML_HEAD}<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>` +
      `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
      shapes.join("") +
      `</xml>`
    );
  }
}

/**
 * The r, s and t attributes of a cell's start tag. A million cells make attribute parsing matter:
 * Excel and exceljs write them in double quotes, which indexOf finds without a regular expression.
 */
function cellAttributes(tag: string): { r?: string; s?: string; t?: string } {
  if (tag.indexOf("'") >= 0) return attributes(tag);
  const get = (name: string): string | undefined => {
    const at = tag.indexOf(` ${name}="`);
    if (at < 0) return undefined;
    const from = at + name.length + 3;
    return decodeXml(tag.slice(from, tag.indexOf('"', from)));
  };
  return { r: get("r"), s: get("s"), t: get("t") };
}

/** A cell's original XML with another format (its `s` attribute). */
function withFormat(cellXml: string, xf: number): string {
  const tagEnd = cellXml.indexOf(">");
  const selfClosing = cellXml.charCodeAt(tagEnd - 1) === 0x2f;
  let tag = cellXml.slice(0, selfClosing ? tagEnd - 1 : tagEnd).replace(/\ss="\d*"/, "");
  if (xf > 0) tag += ` s="${xf}"`;
  return tag + (selfClosing ? "/>" : ">") + cellXml.slice(tagEnd + 1);
}

/** A table part with its range, autofilter and columns as written. */
function tableXml(t: TablePart): string {
  let xml = t.xml;
  const ref = encodeRef(t.box);
  const root = element(xml, "table") as { start: number; end: number; tag: string };
  xml = xml.slice(0, root.start) + root.tag.replace(/\bref="[^"]*"/, `ref="${ref}"`) + xml.slice(root.start + root.tag.length);
  const af = element(xml, "autoFilter");
  const afRef = af ? attributes(af.tag).ref : undefined;
  if (af && afRef) {
    const grown = encodeRef({ ...decodeRef(afRef), right: t.box.right });
    xml = xml.slice(0, af.start) + af.tag.replace(/\bref="[^"]*"/, `ref="${grown}"`) + xml.slice(af.start + af.tag.length);
  }
  const cols = element(xml, "tableColumns");
  if (cols && cols.inner !== null) {
    const list = elements(cols.inner, "tableColumn");
    const items = list.map((c, j) => {
      const raw = cols.inner!.slice(c.start, c.end);
      const name = t.renamed.get(j);
      return name === undefined ? raw : raw.replace(/\bname="[^"]*"/, `name="${escapeXml(name)}"`);
    });
    let id = Math.max(0, ...t.columns.map((c) => c.id || 0));
    for (const name of t.added) items.push(`<tableColumn id="${++id}" name="${escapeXml(name)}"/>`);
    const tag = /\bcount="\d*"/.test(cols.tag) ? cols.tag.replace(/\bcount="\d*"/, `count="${items.length}"`) : cols.tag;
    xml = xml.slice(0, cols.start) + tag + items.join("") + "</tableColumns>" + xml.slice(cols.end);
  }
  return xml;
}

/** A sheet the CLI writes whole: frozen header rows, column widths, the rows (merged in later). */
function writtenSheetTemplate(headerRows: number, widths: number[], objects: string): string {
  const pane = headerRows > 0 ? `<pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>` : "";
  const view = pane ? `<sheetView workbookViewId="0">${pane}</sheetView>` : `<sheetView workbookViewId="0"/>`;
  const cols = widths.length ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` : "";
  return (
    `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="A1"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData></sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${objects}</worksheet>`
  );
}
