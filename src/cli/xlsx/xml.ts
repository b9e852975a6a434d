// Just enough XML for the parts of an .xlsx the CLI reads and patches: entity decoding, escaping,
// attributes of one start tag, and finding elements by name. The parts are machine-written
// (Excel, LibreOffice, exceljs …); a part this cannot read is reported as Unsupported.
import { Unsupported } from "./zip";

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with XML entities decoded. */
export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? NAMED[name] : String.fromCodePoint(dec !== undefined ? Number(dec) : parseInt(hex as string, 16)),
  );
}

// Characters XML 1.0 cannot hold are dropped, as exceljs drops them (control characters, DEL).
const INVALID = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g; // eslint-disable-line no-control-regex
const SPECIAL = /[<>&"]/g;
const ESCAPES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" };

/** Text or attribute value, escaped for XML. */
export function escapeXml(s: string): string {
  return s.replace(INVALID, "").replace(SPECIAL, (c) => ESCAPES[c]);
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's text (`<c r="A1" s="2">` or just `r="A1" s="2"`). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) out[m[1]] = decodeXml(m[2] ?? m[3]);
  return out;
}

/** One element found in a part: its start tag, its inner XML (null when self-closing), and where it is. */
export interface Element {
  start: number;
  end: number;
  tag: string;
  inner: string | null;
}

/** Elements named `name` (no prefix) from `from` on, in order; nested elements of the same name are not supported. */
export function elements(xml: string, name: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  const open = `<${name}`;
  let p = xml.indexOf(open, from);
  while (p >= 0 && p < to) {
    const after = xml.charCodeAt(p + open.length);
    // the next character ends the name: space, '>' or '/'
    if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x0a && after !== 0x0d && after !== 0x09) {
      p = xml.indexOf(open, p + 1);
      continue;
    }
    const close = xml.indexOf(">", p);
    if (close < 0) throw new Unsupported(`unterminated <${name}>`);
    const tag = xml.slice(p, close + 1);
    if (xml.charCodeAt(close - 1) === 0x2f) {
      out.push({ start: p, end: close + 1, tag, inner: null });
      p = xml.indexOf(open, close + 1);
      continue;
    }
    const endTag = `</${name}>`;
    const e = xml.indexOf(endTag, close + 1);
    if (e < 0) throw new Unsupported(`unterminated <${name}>`);
    out.push({ start: p, end: e + endTag.length, tag, inner: xml.slice(close + 1, e) });
    p = xml.indexOf(open, e + endTag.length);
  }
  return out;
}

/** The first element named `name`, or null. */
export function element(xml: string, name: string, from = 0): Element | null {
  return elements(xml, name, from)[0] ?? null;
}

const EXCEL_ESCAPE = /_x([0-9A-F]{4})_/g;

/**
 * The text of a string item (`<si>`, `<is>`): every `<t>` joined, phonetic runs (`<rPh>`) left out,
 * as exceljs reads it. `excelEscapes` decodes Excel's _xHHHH_ escapes (exceljs does for shared strings
 * and rich-text runs, not for the plain text of an inline string).
 */
export function textOf(inner: string, excelEscapes: boolean): string {
  const body = inner.indexOf("<rPh") >= 0 ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : inner;
  let s = "";
  for (const t of elements(body, "t")) {
    const text = t.inner === null ? "" : decodeXml(t.inner);
    s += excelEscapes ? text.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
  }
  return s;
}
