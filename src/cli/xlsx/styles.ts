// The cell formats of xl/styles.xml as the CLI needs them: which formats show dates (exceljs reads
// those numbers as dates, and the CLI must read what the exceljs adapter reads), and new formats
// derived from existing ones — a number format, a fill, the look of a neighbouring cell — appended
// once per distinct combination and referred to by index (a million result cells share a few).
import { attributes, element, elements, escapeXml } from "./xml";
import { Unsupported } from "./zip";

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

/** One cell format (<xf> of cellXfs): its attributes and its alignment / protection children. */
interface Xf {
  attrs: Record<string, string>;
  alignment: string | null;
  protection: string | null;
}

export class Styles {
  private readonly numFmts = new Map<number, string>();
  private readonly xfs: Xf[];
  private readonly added: Xf[] = [];
  private readonly addedFills: string[] = [];
  private readonly addedFonts: string[] = [];
  private readonly addedNumFmts: { id: number; code: string }[] = [];
  private readonly fillCount: number;
  private readonly fontCount: number;
  private readonly derived = new Map<string, number>();
  private readonly dateXf = new Map<number, boolean>();
  private changed = false;

  constructor(private readonly xml: string | null) {
    if (xml === null) {
      // A package without styles.xml: a minimal one is written if a format is needed.
      this.xfs = [{ attrs: { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0", xfId: "0" }, alignment: null, protection: null }];
      this.fillCount = 2;
      this.fontCount = 1;
      return;
    }
    const numFmts = element(xml, "numFmts");
    if (numFmts?.inner) for (const n of elements(numFmts.inner, "numFmt")) this.numFmts.set(Number(attributes(n.tag).numFmtId), attributes(n.tag).formatCode ?? "");
    const cellXfs = element(xml, "cellXfs");
    if (!cellXfs || cellXfs.inner === null) throw new Unsupported("styles without cellXfs");
    const child = (inner: string | null, name: string) => {
      const e = inner === null ? null : element(inner, name);
      return e ? (inner as string).slice(e.start, e.end) : null;
    };
    this.xfs = elements(cellXfs.inner, "xf").map((x) => ({ attrs: attributes(x.tag), alignment: child(x.inner, "alignment"), protection: child(x.inner, "protection") }));
    const fills = element(xml, "fills");
    this.fillCount = fills?.inner ? elements(fills.inner, "fill").length : 0;
    const fonts = element(xml, "fonts");
    this.fontCount = fonts?.inner ? elements(fonts.inner, "font").length : 0;
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
    const key = JSON.stringify(xf);
    let index = this.derived.get(key);
    if (index === undefined) {
      index = this.xfs.length + this.added.length;
      this.added.push(xf);
      this.derived.set(key, index);
      this.changed = true;
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
    const xml = `<fill><patternFill patternType="solid"><fgColor rgb="${escapeXml(argb)}"/><bgColor indexed="64"/></patternFill></fill>`;
    const at = this.addedFills.indexOf(xml);
    if (at >= 0) return this.fillCount + at;
    this.addedFills.push(xml);
    return this.fillCount + this.addedFills.length - 1;
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

  /** The format with a bold 11 pt Calibri font (header rows of the sheets the CLI writes). */
  withBoldFont(index: number): number {
    const font = '<font><b/><sz val="11"/><name val="Calibri"/></font>';
    let at = this.addedFonts.indexOf(font);
    if (at < 0) at = this.addedFonts.push(font) - 1;
    return this.derive(index, (xf) => {
      xf.attrs.fontId = String(this.fontCount + at);
      xf.attrs.applyFont = "1";
    });
  }

  /** The format for a Date written by the CLI (exceljs writes dates with mm-dd-yy). */
  forDate(index: number): number {
    return this.isDate(index) ? index : this.withNumFmt(index, "mm-dd-yy");
  }

  /** xl/styles.xml with the new formats appended, or null when nothing was added. */
  toXml(): string | null {
    if (!this.changed && this.addedFills.length === 0 && this.addedFonts.length === 0) return null;
    let xml = this.xml ?? MINIMAL_STYLES;
    const append = (name: string, child: string, items: string[]) => {
      if (!items.length) return;
      const e = element(xml, name);
      if (!e) throw new Unsupported(`styles without ${name}`);
      const inner = (e.inner ?? "") + items.join("");
      const tag = setCount(e.tag.replace(/\/>$/, ">"), elements(inner, child).length);
      xml = xml.slice(0, e.start) + tag + inner + `</${name}>` + xml.slice(e.end);
    };
    if (this.addedNumFmts.length) {
      const items = this.addedNumFmts.map((n) => `<numFmt numFmtId="${n.id}" formatCode="${escapeXml(n.code)}"/>`);
      if (element(xml, "numFmts")) append("numFmts", "numFmt", items);
      else {
        const open = xml.indexOf(">", xml.indexOf("<styleSheet")) + 1; // numFmts is the first child of styleSheet
        xml = xml.slice(0, open) + `<numFmts count="${items.length}">${items.join("")}</numFmts>` + xml.slice(open);
      }
    }
    append("fonts", "font", this.addedFonts);
    append("fills", "fill", this.addedFills);
    append("cellXfs", "xf", this.added.map(xfXml));
    return xml;
  }
}

function setCount(tag: string, count: number): string {
  return /\bcount="\d*"/.test(tag) ? tag.replace(/\bcount="\d*"/, `count="${count}"`) : tag.replace(/>$/, ` count="${count}">`);
}

function xfXml(xf: Xf): string {
  const attrs = Object.entries(xf.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  const children = (xf.alignment ?? "") + (xf.protection ?? "");
  return children ? `<xf${attrs}>${children}</xf>` : `<xf${attrs}/>`;
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
