// The cell formats of xl/styles.xml as the adapter needs them: which formats show dates (exceljs
// reads those numbers as dates, and this adapter reads what the exceljs adapter reads), and formats
// derived from existing ones — a number format, a fill, the look of a neighbouring cell, a bold font.
// A derived format that the part already has (an earlier run wrote it, or the user's file has it) is
// reused; only formats that are new are appended, once per distinct combination (a million result
// cells share a few). The part is edited in place: its other content is copied as it was.
import { PackageError } from "./errors";
import { appendChildren, applySplices, attr, child, children, escapeAttr, isMain, NS, parseTree, sibling, Splice, startTag, XElement } from "./xml";

/** Built-in number formats by id, as exceljs knows them (its defaultnumformats with a format code). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** exceljs's test for a date format: y, m, d, h, M, s or b outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** One cell format (<xf> of cellXfs): its attributes (no namespace) and its alignment / protection as written. */
interface Xf {
  attrs: Record<string, string>;
  alignment: string | null;
  protection: string | null;
}

/** A comparable key of an element and its descendants: names and attribute values, no prefixes or whitespace. */
function keyOf(el: XElement): string {
  const attrs = el.attrs
    .filter((a) => a.prefix !== "xmlns" && a.name !== "xmlns")
    .map((a) => `${a.local}=${a.value.toLowerCase()}`)
    .sort()
    .join(",");
  return `${el.local}[${attrs}](${el.children.map(keyOf).join(";")})`;
}

function xfKey(xf: Xf): string {
  const attrs = Object.keys(xf.attrs)
    .sort()
    .map((k) => `${k}=${xf.attrs[k]}`)
    .join(",");
  return `${attrs}|${xf.alignment ?? ""}|${xf.protection ?? ""}`;
}

const SOLID_KEY = (argb: string) => `fill[](patternFill[patternType=solid](fgColor[rgb=${argb.toLowerCase()}]();bgColor[indexed=64]()))`;
const BOLD_FONT_KEY = "font[](b[]();sz[val=11]();name[val=calibri]())";

export class Styles {
  private readonly text: string;
  private readonly root: XElement;
  private readonly numFmts = new Map<number, string>();
  private readonly xfs: Xf[] = [];
  private readonly xfIndex = new Map<string, number>();
  private readonly fillIndex = new Map<string, number>();
  private readonly fontIndex = new Map<string, number>();
  private readonly added: Xf[] = [];
  private readonly addedFills: string[] = [];
  private readonly addedFonts: string[] = [];
  private readonly addedNumFmts: { id: number; code: string }[] = [];
  private fillCount = 0;
  /** Collections the part lacks, with the default entries to write first. */
  private readonly missing = new Map<string, string[]>();
  private fontCount = 0;
  private readonly dateXf = new Map<number, boolean>();
  /** True when the part did not exist: it is written whole if a format is needed. */
  readonly created: boolean;

  constructor(text: string | null, part: string) {
    this.created = text === null;
    this.text = text ?? MINIMAL_STYLES;
    this.root = parseTree(this.text, part);
    if (this.root.local !== "styleSheet" || !isMain(this.root.uri)) throw new PackageError("xml", `${part}|not a styleSheet`);
    const numFmts = this.el("numFmts");
    for (const n of numFmts ? children(numFmts, "numFmt") : []) this.numFmts.set(Number(attr(n, "numFmtId")), attr(n, "formatCode") ?? "");
    const cellXfs = this.el("cellXfs");
    for (const x of cellXfs ? children(cellXfs, "xf") : []) {
      const attrs: Record<string, string> = {};
      for (const a of x.attrs) if (a.uri === "" && a.name !== "xmlns") attrs[a.local] = a.value;
      const slice = (name: string) => {
        const c = child(x, name);
        return c ? this.text.slice(c.start, c.end) : null;
      };
      const xf = { attrs, alignment: slice("alignment"), protection: slice("protection") };
      const key = xfKey(xf);
      if (!this.xfIndex.has(key)) this.xfIndex.set(key, this.xfs.length);
      this.xfs.push(xf);
    }
    if (!this.xfs.length) this.xfs.push({ attrs: { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0", xfId: "0" }, alignment: null, protection: null });
    const fills = this.el("fills");
    (fills ? children(fills, "fill") : []).forEach((f, i) => {
      const k = keyOf(f);
      if (!this.fillIndex.has(k)) this.fillIndex.set(k, i);
      this.fillCount = i + 1;
    });
    const fonts = this.el("fonts");
    (fonts ? children(fonts, "font") : []).forEach((f, i) => {
      const k = keyOf(f);
      if (!this.fontIndex.has(k)) this.fontIndex.set(k, i);
      this.fontCount = i + 1;
    });
    // A style sheet without these (an empty <styleSheet/> is valid): Excel's defaults stand in for
    // them, and are written with the first format the adapter adds.
    if (!fonts || this.fontCount === 0) this.missing.set("fonts", DEFAULTS.fonts);
    if (!fills || this.fillCount === 0) this.missing.set("fills", DEFAULTS.fills);
    if (!this.el("borders")) this.missing.set("borders", DEFAULTS.borders);
    if (!this.el("cellStyleXfs")) this.missing.set("cellStyleXfs", DEFAULTS.cellStyleXfs);
    if (!cellXfs || !children(cellXfs, "xf").length) this.missing.set("cellXfs", DEFAULTS.cellXfs);
    if (this.missing.has("fonts")) this.fontCount = 1;
    if (this.missing.has("fills")) this.fillCount = 2;
  }

  private el(local: string): XElement | undefined {
    return this.root.children.find((c) => c.local === local && isMain(c.uri));
  }

  private xf(index: number): Xf {
    return index < this.xfs.length ? this.xfs[index] : this.added[index - this.xfs.length] ?? this.xfs[0];
  }

  /** The format code of a cell format, as exceljs resolves it ("" for none). */
  private formatOf(index: number): string {
    const id = Number(this.xf(index).attrs.numFmtId ?? 0);
    if (!id) return "";
    return this.numFmts.get(id) ?? BUILTIN_FORMATS[id] ?? "";
  }

  /** Does this cell format show numbers as dates (exceljs then reads the cell as a Date)? */
  isDate(index: number): boolean {
    let d = this.dateXf.get(index);
    if (d === undefined) this.dateXf.set(index, (d = isDateFormat(this.formatOf(index))));
    return d;
  }

  /** True when the cell format has a fill other than none (fillId ≠ 0). */
  hasFill(index: number): boolean {
    return Number(this.xf(index).attrs.fillId ?? 0) !== 0;
  }

  private add(xf: Xf): number {
    const key = xfKey(xf);
    let index = this.xfIndex.get(key);
    if (index === undefined) {
      index = this.xfs.length + this.added.length;
      this.added.push(xf);
      this.xfIndex.set(key, index);
    }
    return index;
  }

  private derive(index: number, change: (xf: Xf) => void): number {
    const base = this.xf(index);
    const xf: Xf = { attrs: { ...base.attrs }, alignment: base.alignment, protection: base.protection };
    change(xf);
    return this.add(xf);
  }

  private numFmtId(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN_FORMATS)) if (c === code) return Number(id);
    for (const [id, c] of this.numFmts) if (c === code) return id;
    const id = Math.max(163, ...this.numFmts.keys()) + 1;
    this.numFmts.set(id, code);
    this.addedNumFmts.push({ id, code });
    return id;
  }

  private fillId(argb: string): number {
    const key = SOLID_KEY(argb);
    let i = this.fillIndex.get(key);
    if (i === undefined) {
      const f = (n: string) => this.name("fills", n);
      this.addedFills.push(`<${f("fill")}><${f("patternFill")} patternType="solid"><${f("fgColor")} rgb="${escapeAttr(argb)}"/><${f("bgColor")} indexed="64"/></${f("patternFill")}></${f("fill")}>`);
      i = this.fillCount + this.addedFills.length - 1;
      this.fillIndex.set(key, i);
    }
    return i;
  }

  /** The name of a child element of a collection element, with that element's prefix. */
  private name(collection: string, local: string): string {
    const el = this.el(collection) ?? this.root;
    return sibling(el, local);
  }

  /** The format with this number format code. */
  withNumFmt(index: number, code: string): number {
    return this.derive(index, (xf) => {
      xf.attrs.numFmtId = String(this.numFmtId(code));
      xf.attrs.applyNumberFormat = "1";
    });
  }

  /** The format with a solid fill of this colour, or with no fill (null). */
  withFill(index: number, argb: string | null): number {
    return this.derive(index, (xf) => {
      xf.attrs.fillId = String(argb === null ? 0 : this.fillId(argb));
      if (argb === null) delete xf.attrs.applyFill;
      else xf.attrs.applyFill = "1";
    });
  }

  /** The format with the font, border and alignment of another (an appended cell looks like its left neighbour). */
  withLookOf(index: number, other: number): number {
    const o = this.xf(other);
    return this.derive(index, (xf) => {
      xf.attrs.fontId = o.attrs.fontId ?? "0";
      xf.attrs.borderId = o.attrs.borderId ?? "0";
      if (o.attrs.applyFont) xf.attrs.applyFont = o.attrs.applyFont;
      if (o.attrs.applyBorder) xf.attrs.applyBorder = o.attrs.applyBorder;
      if (o.alignment !== null) {
        xf.alignment = o.alignment;
        xf.attrs.applyAlignment = "1";
      }
    });
  }

  /** The format with a bold 11 pt Calibri font (header rows of the sheets the adapter writes). */
  withBoldFont(index: number): number {
    let at = this.fontIndex.get(BOLD_FONT_KEY);
    if (at === undefined) {
      const f = (n: string) => this.name("fonts", n);
      this.addedFonts.push(`<${f("font")}><${f("b")}/><${f("sz")} val="11"/><${f("name")} val="Calibri"/></${f("font")}>`);
      at = this.fontCount + this.addedFonts.length - 1;
      this.fontIndex.set(BOLD_FONT_KEY, at);
    }
    const fontId = at;
    return this.derive(index, (xf) => {
      xf.attrs.fontId = String(fontId);
      xf.attrs.applyFont = "1";
    });
  }

  /** The format for a Date written by the adapter (exceljs writes dates with mm-dd-yy). */
  forDate(index: number): number {
    return this.isDate(index) ? index : this.withNumFmt(index, "mm-dd-yy");
  }

  get changed(): boolean {
    return this.added.length > 0 || this.addedFills.length > 0 || this.addedFonts.length > 0 || this.addedNumFmts.length > 0;
  }

  /** The part with the new formats appended, or null when nothing was added. */
  output(): string | null {
    if (!this.changed) return null;
    const splices: Splice[] = [];
    // Collections the part lacks: inserted whole (defaults first, then what was added) where CT_Stylesheet puts them.
    const p = this.root.prefix ? `${this.root.prefix}:` : "";
    for (const [collection, defaults] of this.missing) {
      const items = collection === "fonts" ? this.addedFonts : collection === "fills" ? this.addedFills : collection === "cellXfs" ? this.added.map((xf) => this.xfXml(xf)) : [];
      const all = defaults.map((d) => d.replace(/\{p\}/g, p)).concat(items);
      const at = this.insertionPoint(collection);
      splices.push({ start: at, end: at, text: `<${p}${collection} count="${all.length}">${all.join("")}</${p}${collection}>` });
    }
    const append = (collection: string, local: string, items: string[]) => {
      if (!items.length || this.missing.has(collection)) return;
      const el = this.el(collection);
      if (!el) throw new PackageError("damaged", `styles without ${collection}`);
      const count = children(el, local).length + items.length;
      splices.push(...appendChildren(el, items.join(""), { count: String(count) }));
    };
    if (this.addedNumFmts.length) {
      const existing = this.el("numFmts");
      const n = (l: string) => (existing ? sibling(existing, l) : sibling(this.root, l));
      const items = this.addedNumFmts.map((x) => `<${n("numFmt")} numFmtId="${x.id}" formatCode="${escapeAttr(x.code)}"/>`);
      if (existing) append("numFmts", "numFmt", items);
      else splices.push({ start: this.root.openEnd, end: this.root.openEnd, text: `<${n("numFmts")} count="${items.length}">${items.join("")}</${n("numFmts")}>` });
    }
    append("fonts", "font", this.addedFonts);
    append("fills", "fill", this.addedFills);
    append(
      "cellXfs",
      "xf",
      this.added.map((xf) => this.xfXml(xf)),
    );
    if (this.root.selfClosing) {
      // <styleSheet/>: everything added goes inside it, in the order the splices would have put it.
      const inner = splices.sort((a, b) => a.start - b.start).map((x) => (typeof x.text === "string" ? x.text : x.text.join(""))).join("");
      return applySplices(this.text, [{ start: this.root.start, end: this.root.end, text: startTag(this.root, {}, false) + inner + `</${this.root.name}>` }]);
    }
    return applySplices(this.text, splices);
  }

  private xfXml(xf: Xf): string {
    const x = this.name("cellXfs", "xf");
    const attrs = Object.entries(xf.attrs)
      .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
      .join("");
    const inner = (xf.alignment ?? "") + (xf.protection ?? "");
    return inner ? `<${x}${attrs}>${inner}</${x}>` : `<${x}${attrs}/>`;
  }

  /** Where a missing collection goes: before the first later one of CT_Stylesheet's sequence. */
  private insertionPoint(collection: string): number {
    const rank = STYLESHEET_ORDER.indexOf(collection);
    for (const c of this.root.children) {
      const k = isMain(c.uri) ? STYLESHEET_ORDER.indexOf(c.local) : STYLESHEET_ORDER.length;
      if (k > rank) return c.start;
    }
    return this.root.selfClosing ? this.root.openEnd : this.root.closeStart;
  }
}

const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** Excel's default entries ({p}: the part's prefix) of the collections a style sheet may lack. */
const DEFAULTS: Record<string, string[]> = {
  fonts: ['<{p}font><{p}sz val="11"/><{p}name val="Calibri"/></{p}font>'],
  fills: ['<{p}fill><{p}patternFill patternType="none"/></{p}fill>', '<{p}fill><{p}patternFill patternType="gray125"/></{p}fill>'],
  borders: ["<{p}border><{p}left/><{p}right/><{p}top/><{p}bottom/><{p}diagonal/></{p}border>"],
  cellStyleXfs: ['<{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
