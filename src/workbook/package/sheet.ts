// One worksheet part: read in a single streaming pass of saxes (cells, merged ranges, where every
// row, cell and top-level element is in the text), and written back by patching — the rows that
// gain cells are rebuilt, every other byte of the part is copied as it was.
//
// Cells are read as exceljs reads them (the exceljs adapter is the reference the tests compare
// against): cached results of formulas, shared strings, inline and rich-text strings without their
// phonetic runs, booleans, errors, ISO dates (t="d"), numbers as dates when their format is a date
// format, merged cells showing their first cell's value. Rows and cells without r take the next
// position; rows out of order and repeated rows are read in order of appearance (a later cell wins)
// and written back in ascending order, merged.
import { SaxesTagNS } from "saxes";
import type { CellValue } from "../../engine/types";
import { isCellError } from "../../engine/types";
import { a1, Box, columnNumber, dateToSerial, formatRange, MAX_COLUMN, MAX_ROW, parseRange, serialToDate } from "../codec";
import { PackageError } from "./errors";
import type { Styles } from "./styles";
import { ByteWriter } from "./bytes";
import { declareUtf8, escapeAttr, escapeText, FastPathDeclined, isMain, NS, Splice, startTagEnd, StreamTag, streamAttrs, streamParse, XAttr, XElement } from "./xml";

/** Cells one sheet may hold before the package is refused (README "Limits"). */
export const MAX_CELLS = 3_000_000;

/** The order of a worksheet's children (CT_Worksheet): where a new element goes. */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios",
  "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
  "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
  "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
  "webPublishItems", "tableParts", "extLst",
];

/** A top-level element of the worksheet as read: where it is and its attributes. */
export interface TopElement {
  local: string;
  uri: string;
  name: string;
  attrs: XAttr[];
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

interface RowSpan {
  r: number;
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  /** Index of its first cell in the cell arrays, and how many. */
  first: number;
  count: number;
}

/** A written cell: its format (index into cellXfs) and, when `set`, its new value. */
export interface CellEdit {
  col: number;
  xf: number;
  set: boolean;
  value: CellValue;
}

const FLAG_FORMULA = 1;
const FLAG_SHARED = 2;

/** A growable Int32 column. */
class IntColumn {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Where the sheet's cells start and end: the bounding box of every cell it has. */
interface Extent {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What a sheet reader needs from the workbook. */
export interface SheetContext {
  /** Cells one sheet may hold (default MAX_CELLS). */
  maxCells?: number;
  styles: Styles;
  sharedStrings: readonly (string | null)[];
  date1904: boolean;
}

const ATTRIBUTE = /\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;

/**
 * A start tag that saxes has already read as well-formed, with one attribute set (value already
 * escaped) or removed (null); the others are copied as written. Splitting a well-formed start tag
 * into attributes is exact: values are delimited by their quotes.
 */
export function retag(tag: string, name: string, value: string | null): string {
  const selfClosing = tag.endsWith("/>");
  const nameEnd = tag.search(/[\s/>]/);
  let out = tag.slice(0, nameEnd);
  let found = false;
  ATTRIBUTE.lastIndex = nameEnd;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) {
    if (m[1] === name) {
      found = true;
      if (value !== null) out += ` ${name}="${value}"`;
    } else out += ` ${m[1]}=${m[2]}`;
  }
  if (!found && value !== null) out += ` ${name}="${value}"`;
  return out + (selfClosing ? "/>" : ">");
}

/** The value of one attribute of a well-formed start tag, undecoded (the adapter asks only for t). */
function rawAttribute(tag: string, name: string): string | undefined {
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) if (m[1] === name) return m[2].slice(1, -1);
  return undefined;
}

const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Excel's _xHHHH_ escapes decoded (exceljs decodes them in shared strings and rich-text runs). */
export function decodeExcelEscapes(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A number cell's text as a number; text that is not a number stays text (the engine then says so). */
function numberOf(v: string): number | string {
  const n = Number(v);
  if (!Number.isFinite(n) || v.trim() === "") return v;
  const c1 = v.charCodeAt(1);
  if (v.charCodeAt(0) === 0x30 && (c1 === 0x78 || c1 === 0x58 || c1 === 0x62 || c1 === 0x42 || c1 === 0x6f || c1 === 0x4f)) return v; // 0x…, 0b…, 0o…
  return n;
}

/** A number cell's value: a Date when its format is a date format (as exceljs reads it). */
function asNumber(s: string, xf: number | undefined, styles: Styles, date1904: boolean): CellValue {
  const n = numberOf(s);
  if (typeof n === "number" && xf !== undefined && styles.isDate(xf)) return serialToDate(n, date1904);
  return n;
}

/**
 * The written cells of one column, by row from `top`: the format (−1 where the row has no written
 * cell), whether a value is set, and the value. Rows grow in both directions as cells are written.
 */
class ColumnEdits {
  top: number;
  xf: Int32Array;
  set: Uint8Array;
  values: CellValue[] = [];

  constructor(
    readonly col: number,
    row: number,
  ) {
    this.top = row;
    this.xf = new Int32Array(64).fill(-1);
    this.set = new Uint8Array(64);
  }

  /** The slot of a row that has a written cell, or −1. */
  at(row: number): number {
    const i = row - this.top;
    return i >= 0 && i < this.xf.length && this.xf[i] >= 0 ? i : -1;
  }

  /** The slot of a row, made room for. */
  slot(row: number): number {
    const i = row - this.top;
    if (i >= 0 && i < this.xf.length) return i;
    const end = this.top + this.xf.length;
    const from = Math.min(this.top, row);
    const to = Math.max(end, row + 1);
    let size = this.xf.length * 2;
    while (size < to - from) size *= 2;
    // Room to grow on the side the new row is on (rows are written downwards, nearly always).
    const top = row < this.top ? Math.max(1, to - size) : this.top;
    const shift = this.top - top;
    const xf = new Int32Array(size).fill(-1);
    xf.set(this.xf, shift);
    const set = new Uint8Array(size);
    set.set(this.set, shift);
    if (shift) {
      const values: CellValue[] = [];
      this.values.forEach((v, k) => (values[k + shift] = v));
      this.values = values;
    }
    this.top = top;
    this.xf = xf;
    this.set = set;
    return row - top;
  }
}

/** The rows that have written cells in any of the columns, ascending. */
function editedRows(columns: readonly ColumnEdits[]): number[] {
  let top = Infinity;
  let bottom = -Infinity;
  for (const ec of columns) {
    top = Math.min(top, ec.top);
    bottom = Math.max(bottom, ec.top + ec.xf.length - 1);
  }
  const rows: number[] = [];
  for (let r = top; r <= bottom; r++) {
    for (const ec of columns) {
      if (ec.at(r) >= 0) {
        rows.push(r);
        break;
      }
    }
  }
  return rows;
}

export class Worksheet {
  /** Cell values by row and column (0-based) as read, the written ones folded in when `values` is read. */
  private grid: CellValue[][] = [];
  /** Values were written since the grid last had them folded in. */
  private gridStale = false;
  /** Cell formats (cellXfs index) of the cells the sheet XML has, by row and column (0-based). */
  formats: (number | undefined)[][] = [];
  private rows: RowSpan[] = [];
  private cellCol = new IntColumn();
  private cellStart = new IntColumn();
  private cellEnd = new IntColumn();
  private cellFlags = new Uint8Array(1024);
  /** Rows ascending without repeats, cells ascending within each row. */
  private ordered = true;
  readonly top: TopElement[] = [];
  root: XElement | null = null;
  sheetData: TopElement | null = null;
  merges: Box[] = [];
  extent: Extent | null = null;
  /** Cells with t="s", for the shared strings' count. */
  sharedRefs = 0;
  /** The written cells, column by column (no object per cell: a million of them at 100,000 rows). */
  private readonly editColumns = new Map<number, ColumnEdits>();
  /** How many cells are written. */
  private editCount = 0;
  /** A formula cell was overwritten (the calculation chain must go). */
  formulaOverwritten = false;
  /** Shared-string references removed by overwriting cells. */
  sharedRefsRemoved = 0;

  constructor(
    public name: string,
    public readonly path: string,
    public text: string | null,
    /** The bytes the text was read from when they are ASCII (asciiSource): unchanged ranges are copied from them. */
    public readonly source: Uint8Array | null = null,
  ) {}

  // ------------------------------------------------------------------ reading

  /** Read the part (a new sheet has no text and nothing to read). */
  parse(ctx: SheetContext): void {
    try {
      this.read(ctx, true);
    } catch (e) {
      if (!(e instanceof FastPathDeclined)) throw e;
      // The cells' fast reader met XML it leaves to saxes: everything read so far is forgotten.
      this.grid = [];
      this.formats = [];
      this.rows = [];
      this.ordered = true;
      this.top.length = 0;
      this.root = null;
      this.sheetData = null;
      this.merges = [];
      this.extent = null;
      this.sharedRefs = 0;
      this.read(ctx, false);
    }
  }

  /** One pass over the part: the cells by the fast reader (`fast`) or all of it by saxes. */
  private read(ctx: SheetContext, fast: boolean): void {
    const text = this.text;
    if (text === null) return;
    // Room for the cells at once (a cell takes 20 characters or more of XML): the columns grow rarely.
    const capacity = Math.max(1024, Math.min(ctx.maxCells ?? MAX_CELLS, Math.ceil(text.length / 24)));
    this.cellCol = new IntColumn(capacity);
    this.cellStart = new IntColumn(capacity);
    this.cellEnd = new IntColumn(capacity);
    this.cellFlags = new Uint8Array(capacity);
    const styles = ctx.styles;
    const maxCells = ctx.maxCells ?? MAX_CELLS;
    const shared = ctx.sharedStrings;
    const date1904 = ctx.date1904;
    let depth = 0;
    // where we are: 0 elsewhere, 1 sheetData, 2 row, 3 cell, 4 v, 5 is, 6 is/t (or is/r/t), 7 rPh, 8 mergeCells
    let inSheetData = false;
    let inMerges = false;
    let row: RowSpan | null = null;
    let lastRow = 0;
    let lastCol = 0;
    let col = 0;
    let cellS: number | undefined;
    let cellT: string | undefined;
    let cellHasF = false;
    let vText: string | null = null;
    let capturing = 0; // 1: v, 2: inline t
    let inIs = false;
    let inPhonetic = 0;
    let isText = "";
    let isRich = false;
    let cellDepth = 0;
    let cells = 0;
    let top = MAX_ROW + 1;
    let left = MAX_COLUMN + 1;
    let bottom = 0;
    let right = 0;
    const sheetName = this.name;
    const flagsOf = (i: number, f: number) => {
      if (i >= this.cellFlags.length) {
        const next = new Uint8Array(this.cellFlags.length * 2);
        next.set(this.cellFlags);
        this.cellFlags = next;
      }
      this.cellFlags[i] |= f;
    };

    const finishCell = () => {
      let v: CellValue = null;
      const t = cellT;
      const raw = vText;
      if (t === "inlineStr" && !cellHasF) {
        v = isText !== "" || isRich ? isText : raw ? raw : null;
      } else if (raw !== null && raw !== "") {
        if (cellHasF) {
          if (t === "str") v = raw;
          else if (t === "b") v = parseInt(raw, 10) !== 0;
          else if (t === "e") v = { error: raw };
          else if (t === "d") v = new Date(raw);
          else v = asNumber(raw, cellS, styles, date1904);
        } else {
          switch (t) {
            case "s": {
              const i = Number(raw);
              v = Number.isInteger(i) && i >= 0 && i < shared.length ? shared[i] : null;
              break;
            }
            case "str":
              v = raw;
              break;
            case "b":
              v = parseInt(raw, 10) !== 0;
              break;
            case "e":
              v = { error: raw };
              break;
            case "d": {
              const d = new Date(raw);
              v = Number.isNaN(d.getTime()) ? raw : d;
              break;
            }
            default:
              v = asNumber(raw, cellS, styles, date1904);
          }
        }
      }
      const r = (row as RowSpan).r;
      if (cellS !== undefined) {
        const fr = (this.formats[r - 1] ??= []);
        fr[col - 1] = cellS;
      }
      if (v !== null) {
        const vr = (this.grid[r - 1] ??= []);
        vr[col - 1] = v;
      }
    };

    // r, s and t of the start tag being read (a cell's only attributes, nearly always), caught as saxes reads them.
    let attrR: string | undefined;
    let attrS: string | undefined;
    let attrT: string | undefined;
    let mainNs = "\u0000";
    streamParse(text, this.path, {
      attribute: (name, value) => {
        const c = name.charCodeAt(0);
        if (name.length === 1) {
          if (c === 0x72) attrR = value;
          else if (c === 0x73) attrS = value;
          else if (c === 0x74) attrT = value;
        }
      },
      open: (tag, tagStartAt, openEnd, resolve) => {
        const ra = attrR;
        const sa = attrS;
        const ta = attrT;
        attrR = attrS = attrT = undefined;
        depth++;
        if (depth === 1) {
          this.root = rootElement(tag, tagStartAt, openEnd, resolve);
          // The main namespace as this part spells it: later elements compare against this one string.
          if (isMain(tag.uri)) mainNs = tag.uri;
          return;
        }
        if (depth === 2) {
          const el: TopElement = { local: tag.local, uri: tag.uri, name: tag.name, attrs: streamAttrs(tag, resolve), start: tagStartAt, openEnd, closeStart: openEnd, end: openEnd, selfClosing: tag.isSelfClosing };
          this.top.push(el);
          if (tag.uri === mainNs) {
            if (tag.local === "sheetData") {
              this.sheetData = el;
              inSheetData = true;
            } else if (tag.local === "mergeCells") inMerges = true;
          }
          return;
        }
        if (inSheetData) {
          if (depth === 3) {
            if (tag.local !== "row" || tag.uri !== mainNs) return;
            let r = ra === undefined ? lastRow + 1 : Number(ra);
            if (!Number.isInteger(r) || r < 1 || r > MAX_ROW) {
              if (ra !== undefined && ra.trim() === "") r = lastRow + 1;
              else throw new PackageError("damaged", `${sheetName}: row ${ra}`);
            }
            if (r <= lastRow) this.ordered = false;
            lastRow = r;
            lastCol = 0;
            row = { r, start: tagStartAt, openEnd, end: openEnd, selfClosing: tag.isSelfClosing, first: this.cellCol.length, count: 0 };
            this.rows.push(row);
            return;
          }
          if (depth === 4 && row !== null) {
            if (tag.local !== "c" || tag.uri !== mainNs) return;
            let c = lastCol + 1;
            if (ra !== undefined && ra !== "") {
              c = columnNumber(ra);
              if (c < 1 || c > MAX_COLUMN) throw new PackageError("damaged", `${sheetName}: cell ${ra}`);
            }
            if (c > MAX_COLUMN) throw new PackageError("damaged", `${sheetName}: cell beyond XFD in row ${row.r}`);
            if (c <= lastCol) this.ordered = false;
            lastCol = c;
            col = c;
            cellS = sa === undefined ? undefined : Number(sa) || 0;
            cellT = ta;
            cellHasF = false;
            vText = null;
            isText = "";
            isRich = false;
            inIs = false;
            inPhonetic = 0;
            cellDepth = depth;
            if (++cells > maxCells) throw new PackageError("too-large", `${sheetName}: more than ${maxCells} cells`);
            const i = this.cellCol.length;
            this.cellCol.push(c);
            this.cellStart.push(tagStartAt);
            this.cellEnd.push(openEnd);
            row.count++;
            if (cellT === "s") {
              flagsOf(i, FLAG_SHARED);
              this.sharedRefs++;
            }
            if (row.r < top) top = row.r;
            if (row.r > bottom) bottom = row.r;
            if (c < left) left = c;
            if (c > right) right = c;
            return;
          }
          if (cellDepth && depth > cellDepth && tag.uri === mainNs) {
            const local = tag.local;
            if (depth === cellDepth + 1) {
              if (local === "v") {
                capturing = 1;
                vText = "";
              } else if (local === "f") {
                cellHasF = true;
                flagsOf(this.cellCol.length - 1, FLAG_FORMULA);
              } else if (local === "is") inIs = true;
            } else if (inIs) {
              if (local === "rPh") inPhonetic = depth;
              else if (local === "r") isRich = true;
              else if (local === "t" && !inPhonetic) capturing = 2;
            }
          }
          return;
        }
        if (inMerges && depth === 3 && tag.local === "mergeCell" && tag.uri === mainNs) {
          const ref = tag.attributes.ref;
          const box = ref === undefined ? null : parseRange(ref);
          if (box) this.merges.push(box);
        }
      },
      text: (t) => {
        if (capturing === 1) vText += t;
        else if (capturing === 2) isText += t;
      },
      close: (tag, closeStart, end) => {
        if (depth === 2) {
          const el = this.top[this.top.length - 1];
          el.end = end;
          el.closeStart = closeStart;
          if (tag.local === "sheetData") inSheetData = false;
          else if (tag.local === "mergeCells") inMerges = false;
        } else if (depth === 1 && this.root) {
          this.root.end = end;
          this.root.closeStart = closeStart;
        } else if (inSheetData) {
          if (depth === 3 && row !== null && tag.local === "row") {
            row.end = end;
            row = null;
          } else if (depth === cellDepth && cellDepth) {
            this.cellEnd.data[this.cellCol.length - 1] = end;
            finishCell();
            cellDepth = 0;
            capturing = 0;
          } else if (cellDepth && depth > cellDepth) {
            if (capturing === 1 && tag.local === "v") capturing = 0;
            else if (capturing === 2 && tag.local === "t") capturing = 0;
            else if (inPhonetic === depth) inPhonetic = 0;
            else if (depth === cellDepth + 1 && tag.local === "is") {
              inIs = false;
              if (isRich) isText = decodeExcelEscapes(isText);
            }
          }
        }
        depth--;
      },
    }, 4, fast ? { local: "sheetData", depth: 2 } : undefined);
    if (!this.root || this.root.local !== "worksheet" || !isMain(this.root.uri)) throw new PackageError("xml", `${this.path}|not a worksheet`);
    if (!this.sheetData) throw new PackageError("damaged", `${this.path} without sheetData`);
    this.extent = bottom > 0 ? { top, left, bottom, right } : null;
    this.spreadMerges();
  }

  /** Merged cells show their first cell's value, as exceljs reads them (only within the cells the sheet has). */
  private spreadMerges(): void {
    const ext = this.extent;
    if (!ext) return;
    for (const box of this.merges) {
      const master = this.value(box.top, box.left);
      const bottom = Math.min(box.bottom, ext.bottom);
      const right = Math.min(box.right, ext.right);
      for (let r = box.top; r <= bottom; r++) {
        for (let c = box.left; c <= right; c++) if (r !== box.top || c !== box.left) (this.grid[r - 1] ??= [])[c - 1] = master;
      }
    }
  }

  /** Cell values by row and column (0-based), as the exceljs adapter reads them, written ones included; holes are blank. */
  get values(): CellValue[][] {
    if (this.gridStale) {
      for (const ec of this.editColumns.values()) {
        const c = ec.col - 1;
        for (let i = 0; i < ec.xf.length; i++) if (ec.set[i]) (this.grid[ec.top + i - 1] ??= [])[c] = ec.values[i] ?? null;
      }
      this.gridStale = false;
    }
    return this.grid;
  }

  value(row: number, col: number): CellValue {
    if (this.editCount) {
      const ec = this.editColumns.get(col);
      const i = ec ? ec.at(row) : -1;
      // A written cell is a set value, or only a new format (then the value is the sheet's).
      if (ec && i >= 0 && ec.set[i]) return ec.values[i] ?? null;
    }
    const r = this.grid[row - 1];
    const v = r ? r[col - 1] : undefined;
    return v === undefined ? null : v;
  }

  /** The cell's format: its edit's, else the sheet's, else −1 (no format). */
  format(row: number, col: number): number {
    const ec = this.editColumns.get(col);
    const i = ec ? ec.at(row) : -1;
    if (ec && i >= 0) return ec.xf[i];
    const r = this.formats[row - 1];
    const f = r ? r[col - 1] : undefined;
    return f === undefined ? -1 : f;
  }

  /** Are any cells written? */
  get edited(): boolean {
    return this.editCount > 0;
  }

  /** The written cell's slot in its column's edits, the cell made a written one (keeping its format, or none: 0) if it was not. */
  private editSlot(row: number, col: number): number {
    let ec = this.editColumns.get(col);
    if (!ec) this.editColumns.set(col, (ec = new ColumnEdits(col, row)));
    const i = ec.slot(row);
    if (ec.xf[i] < 0) {
      const r = this.formats[row - 1];
      const f = r ? r[col - 1] : undefined;
      ec.xf[i] = f === undefined ? 0 : f;
      this.editCount++;
    }
    return i;
  }

  /** The written cell's format (the cell becomes a written one: see editSlot). */
  editFormat(row: number, col: number): number {
    const i = this.editSlot(row, col);
    return (this.editColumns.get(col) as ColumnEdits).xf[i];
  }

  /** Give the written cell a format (index into cellXfs). */
  setFormat(row: number, col: number, xf: number): void {
    const i = this.editSlot(row, col);
    (this.editColumns.get(col) as ColumnEdits).xf[i] = xf;
  }

  setValue(row: number, col: number, v: CellValue): void {
    const i = this.editSlot(row, col);
    const ec = this.editColumns.get(col) as ColumnEdits;
    ec.set[i] = 1;
    ec.values[i] = v;
    this.gridStale = true;
  }

  /** Forget every cell (a sheet the adapter writes whole). */
  clear(): void {
    this.grid = [];
    this.gridStale = false;
    this.formats = [];
    this.editColumns.clear();
    this.editCount = 0;
  }

  /** A top-level element by local name (main namespace). */
  topElement(local: string): TopElement | undefined {
    return this.top.find((e) => e.local === local && isMain(e.uri));
  }

  /** The prefix of the main namespace in the sheet's rows ("" or "x:"). */
  get mainPrefix(): string {
    const p = this.sheetData?.name.includes(":") ? this.sheetData.name.slice(0, this.sheetData.name.indexOf(":")) : "";
    return p ? `${p}:` : "";
  }

  /** Where a new top-level element `local` goes: before the first later one in CT_Worksheet order. */
  insertionPoint(local: string): number {
    const rank = WORKSHEET_ORDER.indexOf(local);
    for (const el of this.top) {
      let k = isMain(el.uri) ? WORKSHEET_ORDER.indexOf(el.local) : -1;
      if (el.uri === NS.mc && el.local === "AlternateContent") k = WORKSHEET_ORDER.indexOf("oleObjects");
      if (k > rank) return el.start;
    }
    return (this.root as XElement).closeStart;
  }

  // ------------------------------------------------------------------ writing

  /** The sheet's extent after its edits: the cells it has and every cell given a value. */
  writtenExtent(): Box | null {
    let extent = this.extent ? { ...this.extent } : null;
    for (const ec of this.editColumns.values()) {
      const c = ec.col;
      for (let i = 0; i < ec.xf.length; i++) {
        if (!ec.set[i]) continue;
        const r = ec.top + i;
        if (!extent) extent = { top: r, left: c, bottom: r, right: c };
        else {
          if (r < extent.top) extent.top = r;
          if (r > extent.bottom) extent.bottom = r;
          if (c < extent.left) extent.left = c;
          if (c > extent.right) extent.right = c;
        }
      }
    }
    return extent;
  }

  /**
   * The part's bytes after the edits: sheetData's content (or the whole sheetData when it was
   * self-closing) rebuilt — original rows copied, rows with written cells rebuilt — and the other
   * splices applied (they must not overlap it or each other). The part is written as UTF-8, its
   * declaration made to say so; an ASCII part's unchanged ranges are copied from its bytes.
   */
  output(splices: readonly Splice[], cell: CellWriter): Uint8Array {
    const text = this.text as string;
    const sd = this.sheetData as TopElement;
    const cells: Splice = sd.selfClosing ? { start: sd.start, end: sd.end, text: "" } : { start: sd.openEnd, end: sd.closeStart, text: "" };
    const sorted = [cells, ...splices].sort((a, b) => a.start - b.start || a.end - b.end);
    const w = new ByteWriter(text.length + this.editCount * 48 + 4096);
    let at = 0;
    for (let k = 0; k < sorted.length; k++) {
      const s = sorted[k];
      if (s.start < at) throw new Error("overlapping edits of one part");
      if (k === 0) {
        const head = text.slice(0, s.start);
        const declared = declareUtf8(head);
        if (declared === head) this.copy(w, 0, s.start);
        else w.text(declared);
      } else this.copy(w, at, s.start);
      if (s === cells) this.writeCells(w, cell);
      else if (typeof s.text === "string") w.text(s.text);
      else for (const piece of s.text) w.text(piece);
      at = s.end;
    }
    this.copy(w, at, text.length);
    return w.result();
  }

  /** A range of the part's text, from its bytes when they are ASCII. */
  private copy(w: ByteWriter, from: number, to: number): void {
    if (to <= from) return;
    if (this.source) w.bytes(this.source, from, to);
    else w.text((this.text as string).slice(from, to));
  }

  /** sheetData's new content (or the whole element when it was self-closing). */
  private writeCells(w: ByteWriter, cell: CellWriter): void {
    const text = this.text as string;
    const sd = this.sheetData as TopElement;
    const p = this.mainPrefix;
    const columns = [...this.editColumns.values()].sort((a, b) => a.col - b.col);
    const editRows = editedRows(columns);
    // One row's edits in column order, in objects reused from row to row.
    const scratch: CellEdit[] = [];
    const rowEdits = (r: number): CellEdit[] => {
      let n = 0;
      for (const ec of columns) {
        const i = ec.at(r);
        if (i < 0) continue;
        const e = (scratch[n] ??= { col: 0, xf: 0, set: false, value: null });
        e.col = ec.col;
        e.xf = ec.xf[i];
        e.set = ec.set[i] === 1;
        e.value = e.set ? ec.values[i] ?? null : null;
        n++;
      }
      scratch.length = n;
      return scratch;
    };
    const rowOpen = `<${p}row r="`;
    const rowClose = `</${p}row>`;
    const newRow = (r: number) => {
      w.text(rowOpen);
      w.uint(r);
      w.text('">');
      for (const e of rowEdits(r)) cell(w, r, e);
      w.text(rowClose);
    };
    if (sd.selfClosing) w.text(`${text.slice(sd.start, sd.openEnd - 2).trimEnd()}>`);
    let k = 0;
    if (this.ordered) {
      let last = sd.selfClosing ? sd.end : sd.openEnd;
      for (const row of this.rows) {
        while (k < editRows.length && editRows[k] < row.r) {
          this.copy(w, last, row.start);
          last = row.start;
          newRow(editRows[k++]);
        }
        if (k < editRows.length && editRows[k] === row.r) {
          this.copy(w, last, row.start);
          this.mergeRow(w, [row], rowEdits(editRows[k++]), cell);
          last = row.end;
        }
      }
      if (!sd.selfClosing) this.copy(w, last, sd.closeStart);
      while (k < editRows.length) newRow(editRows[k++]);
    } else {
      // Rows out of order or repeated: written in ascending order, repeated rows merged into one.
      const byR = new Map<number, RowSpan[]>();
      for (const row of this.rows) {
        const list = byR.get(row.r);
        if (list) list.push(row);
        else byR.set(row.r, [row]);
      }
      const all = [...new Set([...byR.keys(), ...editRows])].sort((a, b) => a - b);
      for (const r of all) {
        const spans = byR.get(r);
        const edits = rowEdits(r);
        if (!spans) newRow(r);
        else this.mergeRow(w, spans, edits, cell);
      }
    }
    if (sd.selfClosing) w.text(`</${sd.name}>`);
  }

  /** One row (or several spans of the same row number) with written cells merged in, in column order. */
  private mergeRow(w: ByteWriter, spans: RowSpan[], edits: CellEdit[], cell: CellWriter): void {
    const text = this.text as string;
    const first = spans[0];
    const r = first.r;
    const col = this.cellCol.data;
    // The start tag without spans (which hint at the columns used and would be wrong now).
    const rawTag = text.slice(first.start, first.openEnd);
    const openTag = (rawTag.indexOf("spans") >= 0 ? retag(rawTag, "spans", null) : rawTag).replace(/\/>$/, ">");
    // The row's cells (indices into the cell columns) in column order, a repeated column keeping its last cell.
    let cells: number[];
    if (spans.length === 1) {
      cells = [];
      let sorted = true;
      for (let i = first.first; i < first.first + first.count; i++) {
        if (cells.length && col[i] <= col[cells[cells.length - 1]]) sorted = false;
        cells.push(i);
      }
      if (!sorted) cells = this.byColumn(cells);
    } else {
      cells = [];
      for (const span of spans) for (let i = span.first; i < span.first + span.count; i++) cells.push(i);
      cells = this.byColumn(cells);
    }
    w.text(openTag);
    const start = this.cellStart.data;
    const end = this.cellEnd.data;
    // Unchanged cells go out as they were, a run of neighbours (in the text) as one piece.
    let runFrom = -1;
    let runTo = -1;
    const keep = (i: number) => {
      if (runFrom >= 0 && i === runTo + 1) runTo = i;
      else {
        if (runFrom >= 0) this.copy(w, start[runFrom], end[runTo]);
        runFrom = runTo = i;
      }
    };
    const flush = () => {
      if (runFrom >= 0) this.copy(w, start[runFrom], end[runTo]);
      runFrom = runTo = -1;
    };
    let j = 0;
    for (const e of edits) {
      const c = e.col;
      while (j < cells.length && col[cells[j]] < c) keep(cells[j++]);
      flush();
      const i = j < cells.length && col[cells[j]] === c ? cells[j++] : -1;
      if (i < 0) cell(w, r, e);
      else if (e.set) {
        if (this.cellFlags[i] & FLAG_FORMULA) this.formulaOverwritten = true;
        if (this.cellFlags[i] & FLAG_SHARED) this.sharedRefsRemoved++;
        cell(w, r, e);
      } else {
        // Only the format changes: the cell's start tag gets the new s, its content stays.
        const openEnd = startTagEnd(text, start[i]);
        w.text(retag(text.slice(start[i], openEnd), "s", e.xf > 0 ? String(e.xf) : null));
        this.copy(w, openEnd, end[i]);
      }
    }
    while (j < cells.length) keep(cells[j++]);
    flush();
    w.text(`</${openTag.slice(1, openTag.search(/[\s/>]/))}>`);
  }

  /** Cell indices in column order (stable), a repeated column keeping its last cell. */
  private byColumn(cells: number[]): number[] {
    const col = this.cellCol.data;
    const sorted = cells.slice().sort((a, b) => col[a] - col[b] || a - b);
    const out: number[] = [];
    for (let k = 0; k < sorted.length; k++) if (k + 1 === sorted.length || col[sorted[k + 1]] !== col[sorted[k]]) out.push(sorted[k]);
    return out;
  }
}

/** The attributes of a saxes tag, in order. */
export function attrsOf(tag: SaxesTagNS): XAttr[] {
  const out: XAttr[] = [];
  for (const name in tag.attributes) {
    const a = tag.attributes[name];
    out.push({ name, prefix: a.prefix, local: a.local, uri: a.uri, value: a.value });
  }
  return out;
}

/** The root element of a part read in a stream, as an XElement without children (for prefix look-ups). */
export function rootElement(tag: StreamTag, start: number, openEnd: number, resolve: (prefix: string) => string): XElement {
  return { name: tag.name, prefix: tag.prefix, local: tag.local, uri: tag.uri, attrs: streamAttrs(tag, resolve), declared: tag.declared ?? {}, children: [], parent: null, text: "", start, openEnd, closeStart: openEnd, end: openEnd, selfClosing: tag.isSelfClosing };
}

/** Writes one edited cell of row r (see writeCell). */
export type CellWriter = (w: ByteWriter, r: number, e: CellEdit) => void;

/** What writing a cell needs from the workbook. */
export interface CellContext {
  styles: Styles;
  date1904: boolean;
  sharedString: (s: string) => number;
}

/** A written cell as XML: text as a shared string (never a formula), numbers, booleans, errors, dates as serial numbers. */
export function writeCell(w: ByteWriter, prefix: string, r: number, e: CellEdit, ctx: CellContext): void {
  const v = e.value;
  let xf = e.xf;
  if (v instanceof Date) xf = ctx.styles.forDate(xf);
  w.text("<");
  w.text(prefix);
  w.text('c r="');
  w.column(e.col);
  w.uint(r);
  if (xf > 0) {
    w.text('" s="');
    w.uint(xf);
  }
  if (v === null || v === undefined) {
    w.text('"/>');
    return;
  }
  let t = "";
  let value: string | number;
  if (typeof v === "number") value = v;
  else if (typeof v === "string") {
    t = "s";
    value = ctx.sharedString(v);
  } else if (typeof v === "boolean") {
    t = "b";
    value = v ? 1 : 0;
  } else if (v instanceof Date) value = dateToSerial(v, ctx.date1904);
  else if (isCellError(v)) {
    t = "e";
    value = escapeText(v.error);
  } else {
    t = "s";
    value = ctx.sharedString(String(v));
  }
  if (t) {
    w.text('" t="');
    w.text(t);
  }
  w.text('"><');
  w.text(prefix);
  w.text("v>");
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) w.uint(value);
  else w.text(String(value));
  w.text("</");
  w.text(prefix);
  w.text("v></");
  w.text(prefix);
  w.text("c>");
}

export { a1, escapeAttr, formatRange, rawAttribute };
