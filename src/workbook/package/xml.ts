// XML for the package adapter, on saxes (a strict, namespace-aware XML 1.0 parser): decoding a part's
// bytes (UTF-8 or UTF-16, with or without a byte-order mark, or the encoding its declaration names),
// a small element tree with source offsets for the parts the adapter edits in place, and writing:
// escaping, start tags rebuilt from their parsed attributes, and names for new elements and
// attributes that use the prefixes in scope where they are inserted (declaring one when none is).
// Comments, processing instructions and CDATA are what XML says they are: comments and PIs are not
// content, CDATA is text. No DTD is processed (no external entities, no entity expansion).
import { SaxesParser, SaxesTagNS } from "saxes";
import { PackageError } from "./errors";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  mainStrict: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relStrict: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  xml: "http://www.w3.org/XML/1998/namespace",
  xmlns: "http://www.w3.org/2000/xmlns/",
  vml: "urn:schemas-microsoft-com:vml",
  office: "urn:schemas-microsoft-com:office:office",
  excel: "urn:schemas-microsoft-com:office:excel",
} as const;

/** Is this the SpreadsheetML main namespace (transitional or strict)? */
export function isMain(uri: string): boolean {
  return uri === NS.main || uri === NS.mainStrict;
}

/** Is this the relationships namespace of r:id attributes (transitional or strict)? */
export function isRelNs(uri: string): boolean {
  return uri === NS.rel || uri === NS.relStrict;
}

// ------------------------------------------------------------------ decoding and encoding

function label(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) return "utf-16le";
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f) return "utf-16be";
  // No mark: the declaration's encoding (ASCII-compatible encodings only get here), else UTF-8.
  if (bytes[0] === 0x3c && bytes[1] === 0x3f) {
    let end = 0;
    while (end < bytes.length && end < 200 && bytes[end] !== 0x3e) end++;
    const decl = String.fromCharCode(...bytes.subarray(0, end));
    const m = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl);
    if (m) return m[1].toLowerCase();
  }
  return "utf-8";
}

/** Is the part UTF-8 (by its byte-order mark, its declaration, or neither)? */
export function isUtf8Part(bytes: Uint8Array): boolean {
  return label(bytes) === "utf-8";
}

/**
 * A part's text. Throws PackageError("xml") when its bytes are not text in the encoding it declares.
 * `ascii` (a host's, PackageOptions.host) may read a UTF-8 part faster when its bytes are all ASCII.
 */
export function decodePart(bytes: Uint8Array, part: string, ascii?: (bytes: Uint8Array) => string | null): string {
  let enc = label(bytes);
  if (ascii && enc === "utf-8") {
    const text = ascii(bytes);
    if (text !== null) return text;
  }
  if (enc === "utf-16") enc = bytes[0] === 0xfe ? "utf-16be" : "utf-16le";
  let decoder: { decode(input: Uint8Array): string };
  try {
    decoder = new TextDecoder(enc, { fatal: true });
  } catch {
    throw new PackageError("xml", `${part}|encoding ${enc}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new PackageError("xml", `${part}|not ${enc} text`);
  }
}

const encoder = new TextEncoder();

/** UTF-8 of pieces of text, in order (a host may pass a faster one: PackageOptions.host). */
export function utf8(pieces: readonly string[]): Uint8Array {
  return encoder.encode(pieces.join(""));
}

/** A part's declaration made to say UTF-8 (a UTF-16 or GBK part is written back as UTF-8). */
export function declareUtf8(first: string): string {
  if (!first.startsWith("<?xml")) return first;
  const end = first.indexOf("?>");
  if (end < 0) return first;
  const decl = first.slice(0, end);
  if (/encoding\s*=/.test(decl) && !/encoding\s*=\s*["']utf-8["']/i.test(decl)) return decl.replace(/encoding\s*=\s*(["'])[^"']*\1/, 'encoding="UTF-8"') + first.slice(end);
  return first;
}

// ------------------------------------------------------------------ escaping

// Characters XML 1.0 cannot hold are dropped, as exceljs drops them (control characters, DEL, lone surrogates).
const INVALID = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g; // eslint-disable-line no-control-regex
const TEXT_SPECIAL = /[<>&\r]/g;
const ATTR_SPECIAL = /[<>&"\t\n\r]/g;
const ESCAPES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

// Any character either escape may change (most texts have none: they are returned as they are).
const MAY_ESCAPE = /[\x00-\x1f\x7f<>&"\ud800-\udfff\ufffe\uffff]/; // eslint-disable-line no-control-regex

/** Character data, escaped. */
export function escapeText(s: string): string {
  if (!MAY_ESCAPE.test(s)) return s;
  return s.replace(INVALID, "").replace(TEXT_SPECIAL, (c) => ESCAPES[c]);
}

/** An attribute value (for double quotes), escaped; whitespace kept as character references. */
export function escapeAttr(s: string): string {
  if (!MAY_ESCAPE.test(s)) return s;
  return s.replace(INVALID, "").replace(ATTR_SPECIAL, (c) => ESCAPES[c]);
}

// ------------------------------------------------------------------ the element tree

export interface XAttr {
  /** As written: "r", "r:id", "xmlns:x". */
  name: string;
  prefix: string;
  local: string;
  uri: string;
  value: string;
}

export interface XElement {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attrs: XAttr[];
  /** Prefix → namespace declared on this element ("" for the default namespace). */
  declared: Record<string, string>;
  children: XElement[];
  parent: XElement | null;
  /** The element's own character data (text and CDATA, not its children's). */
  text: string;
  /** Offsets in the part's text: start of "<", just after the start tag's ">", just after the end. */
  start: number;
  openEnd: number;
  /** Where the end tag starts (= end for a self-closing element). */
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

export interface ParseOptions {
  /** Keep the character data of these local names only (default: every element's). */
  textOf?: ReadonlySet<string>;
}

function failure(part: string, e: unknown): PackageError {
  const msg = e instanceof Error ? e.message : String(e);
  return new PackageError("xml", `${part}|${msg.replace(/^undefined:/, "").slice(0, 120)}`);
}

/** A new saxes parser that throws on the first well-formedness or namespace error. */
export function newParser(additionalNamespaces?: Record<string, string>, fragment = false): SaxesParser<{ xmlns: true; position: true }> {
  return new SaxesParser({ xmlns: true, position: true, fragment, additionalNamespaces });
}

/** The offset of the "<" of the start tag saxes has just begun (its position is past the name). */
export function tagStart(text: string, position: number): number {
  return text.lastIndexOf("<", position - 1);
}

/** Parse a whole part into an element tree (throws PackageError("xml") when it is not well-formed). */
export function parseTree(text: string, part: string, options: ParseOptions = {}): XElement {
  const parser = newParser();
  let root: XElement | null = null;
  let current: XElement | null = null;
  let start = 0;
  const keep = options.textOf;
  parser.on("opentagstart", () => {
    start = tagStart(text, parser.position);
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const attrs: XAttr[] = [];
    for (const name in tag.attributes) {
      const a = tag.attributes[name];
      attrs.push({ name, prefix: a.prefix, local: a.local, uri: a.uri, value: a.value });
    }
    const el: XElement = {
      name: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      attrs,
      declared: tag.ns,
      children: [],
      parent: current,
      text: "",
      start,
      openEnd: parser.position,
      closeStart: parser.position,
      end: parser.position,
      selfClosing: tag.isSelfClosing,
    };
    if (current) current.children.push(el);
    else root = el;
    current = el;
  });
  parser.on("closetag", () => {
    if (!current) return;
    current.end = parser.position;
    current.closeStart = current.selfClosing ? current.end : tagStart(text, parser.position);
    current = current.parent;
  });
  const onText = (t: string) => {
    if (current && (!keep || keep.has(current.local))) current.text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  try {
    parser.write(text).close();
  } catch (e) {
    throw failure(part, e);
  }
  if (!root) throw new PackageError("xml", `${part}|no root element`);
  return root;
}

/** The value of an attribute by local name and namespace ("" = no namespace). */
export function attr(el: XElement, local: string, uri = ""): string | undefined {
  for (const a of el.attrs) if (a.local === local && a.uri === uri && !(a.prefix === "" && a.name === "xmlns")) return a.value;
  return undefined;
}

/** The value of an r:id-like attribute (relationships namespace, transitional or strict). */
export function relAttr(el: XElement, local = "id"): string | undefined {
  for (const a of el.attrs) if (a.local === local && isRelNs(a.uri)) return a.value;
  return undefined;
}

/** Child elements by local name in the main namespace (or any namespace when `uri` is null). */
export function children(el: XElement, local: string, uri: string | null = null): XElement[] {
  return el.children.filter((c) => c.local === local && (uri === null ? true : c.uri === uri));
}

export function child(el: XElement, local: string, uri: string | null = null): XElement | undefined {
  return el.children.find((c) => c.local === local && (uri === null ? true : c.uri === uri));
}

/** Descendants by local name and namespace test, in document order. */
export function descendants(el: XElement, test: (e: XElement) => boolean, out: XElement[] = []): XElement[] {
  for (const c of el.children) {
    if (test(c)) out.push(c);
    descendants(c, test, out);
  }
  return out;
}

/** The prefix bound to `uri` where `el` is ("" for the default namespace), or undefined. */
export function prefixOf(el: XElement | null, uri: string, forAttribute = false): string | undefined {
  const shadowed = new Set<string>();
  for (let e = el; e; e = e.parent) {
    for (const p in e.declared) {
      if (shadowed.has(p)) continue;
      shadowed.add(p);
      if (e.declared[p] === uri && !(forAttribute && p === "")) return p;
    }
  }
  if (uri === NS.xml) return "xml";
  return undefined;
}

/** Is `prefix` bound (to anything) where `el` is? */
function prefixBound(el: XElement | null, prefix: string): boolean {
  for (let e = el; e; e = e.parent) if (prefix in e.declared) return true;
  return false;
}

/**
 * How to name an element or attribute of namespace `uri` written inside `scope`: the qualified name,
 * and a declaration to put on the written element when no prefix is bound to `uri` there.
 */
export function nameIn(scope: XElement | null, uri: string, local: string, preferred: string, forAttribute = false): { name: string; decl: string } {
  const p = prefixOf(scope, uri, forAttribute);
  if (p !== undefined) return { name: p ? `${p}:${local}` : local, decl: "" };
  let prefix = preferred;
  for (let i = 1; prefixBound(scope, prefix); i++) prefix = `${preferred}${i}`;
  return { name: `${prefix}:${local}`, decl: ` xmlns:${prefix}="${escapeAttr(uri)}"` };
}

/** The qualified name for a child element of `parent` in parent's own namespace (same prefix). */
export function sibling(parent: XElement, local: string): string {
  return parent.prefix ? `${parent.prefix}:${local}` : local;
}

/**
 * An element's start tag rebuilt from its parsed attributes, with some changed: `set` maps an
 * attribute's name as written (or a new name) to its new value, null to remove it. Attributes keep
 * their order; new ones go last. `close` makes it self-closing.
 */
export function startTag(el: XElement, set: Record<string, string | null> = {}, close = el.selfClosing): string {
  let s = `<${el.name}`;
  const done = new Set<string>();
  for (const a of el.attrs) {
    if (a.name in set) {
      done.add(a.name);
      const v = set[a.name];
      if (v !== null) s += ` ${a.name}="${escapeAttr(v)}"`;
    } else s += ` ${a.name}="${escapeAttr(a.value)}"`;
  }
  for (const name in set) if (!done.has(name) && set[name] !== null) s += ` ${name}="${escapeAttr(set[name])}"`;
  return s + (close ? "/>" : ">");
}

/** The end tag of an element ("" when it is self-closing). */
export function endTag(el: XElement): string {
  return el.selfClosing ? "" : `</${el.name}>`;
}

/** One edit of a part's text: replace [start, end) with text (or with pieces of text, in order). */
export interface Splice {
  start: number;
  end: number;
  text: string | string[];
}

/** The pieces of the text with the splices applied (they must not overlap; any order). */
export function splicePieces(text: string, splices: Splice[]): string[] {
  const sorted = splices.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error("overlapping edits of one part");
    out.push(text.slice(at, s.start));
    if (typeof s.text === "string") out.push(s.text);
    else for (const piece of s.text) out.push(piece);
    at = s.end;
  }
  out.push(text.slice(at));
  return out;
}

/** The text with the splices applied. */
export function applySplices(text: string, splices: Splice[]): string {
  return splicePieces(text, splices).join("");
}

/**
 * Splices that append `inner` as the last children of `el`: before its end tag, or — when it is
 * self-closing — by opening it (its start tag rebuilt with `set`) and closing it after `inner`.
 */
export function appendChildren(el: XElement, inner: string, set: Record<string, string | null> = {}): Splice[] {
  if (el.selfClosing) return [{ start: el.start, end: el.end, text: startTag(el, set, false) + inner + `</${el.name}>` }];
  const out: Splice[] = [];
  if (Object.keys(set).length) out.push({ start: el.start, end: el.openEnd, text: startTag(el, set, false) });
  const closeAt = el.closeStart;
  out.push({ start: closeAt, end: closeAt, text: inner });
  return out;
}

// ------------------------------------------------------------------ streaming, for the big parts

/** A start tag as the streaming reader hands it over: its namespace resolved, attributes by name as written. */
export interface StreamTag {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attributes: Record<string, string>;
  isSelfClosing: boolean;
  /** Prefix → namespace declared on this element, or null. */
  declared: Record<string, string> | null;
}

export interface StreamHandlers {
  /** A start tag from `start` ("<"; −1 below the depth offsets are wanted for) to `openEnd` (after ">"). */
  open(tag: StreamTag, start: number, openEnd: number, resolve: (prefix: string) => string): void;
  /** The end of an element: its end tag starts at `closeStart` (= end when self-closing). */
  close(tag: StreamTag, closeStart: number, end: number): void;
  /** Character data (text and CDATA) as it comes. */
  text?: (t: string) => void;
  /** Each attribute of the start tag being read, before open() (a fast path for the few a reader wants). */
  attribute?: (name: string, value: string) => void;
}

const XML_SCOPE: Record<string, string> = { xml: NS.xml };

/**
 * Read a big part (a worksheet of a million cells, the shared strings) in one pass. saxes checks that
 * it is well-formed XML; its namespaces are resolved here with a scope per element that declares one
 * (saxes's own namespace mode allocates a scope and an object per attribute for every element, which
 * doubled the time of a 100,000-row sheet). An unbound prefix is an error, as in saxes's mode.
 */
export function streamParse(text: string, part: string, h: StreamHandlers, offsetsToDepth = Infinity, fast?: FastRegion): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  // Offsets after a region the fast reader took are saxes's positions plus what saxes did not see.
  let shift = 0;
  let regionTag: StreamTag | null = null;
  let regionOpenEnd = -1;
  const scopes: Record<string, string>[] = [XML_SCOPE];
  let scope = XML_SCOPE;
  let defaultUri = "";
  let depth = 0;
  const resolve = (prefix: string): string => {
    if (prefix === "") return defaultUri;
    const uri = scope[prefix];
    if (uri === undefined) throw new PackageError("xml", `${part}|unbound namespace prefix "${prefix}"`);
    return uri;
  };
  // Declarations and prefixed attributes are noticed as saxes reads each attribute (a for-in over
  // every element's attributes cost more than the rest of the namespace work together).
  let declared: Record<string, string> | null = null;
  let prefixedAttribute = false;
  const onAttribute = h.attribute;
  parser.on("attribute", (a) => {
    const name = a.name;
    if (name.charCodeAt(0) === 0x78 && (name === "xmlns" || name.startsWith("xmlns:"))) {
      if (!declared) declared = {};
      declared[name === "xmlns" ? "" : name.slice(6)] = a.value;
    } else if (name.indexOf(":") > 0) prefixedAttribute = true;
    if (onAttribute) onAttribute(name, a.value);
  });
  parser.on("opentag", (raw) => {
    // saxes's own tag object becomes the StreamTag (no second object per element: a million cells).
    const tag = raw as unknown as StreamTag;
    const attributes = raw.attributes as Record<string, string>;
    depth++;
    if (declared) {
      scope = Object.assign(Object.create(scope), declared) as Record<string, string>;
      scopes.push(scope);
      defaultUri = scope[""] ?? "";
    }
    const name = raw.name;
    const colon = name.indexOf(":");
    if (colon > 0) {
      tag.prefix = name.slice(0, colon);
      tag.local = name.slice(colon + 1);
    } else {
      tag.prefix = "";
      tag.local = name;
    }
    if (prefixedAttribute) for (const a in attributes) if (a.indexOf(":") > 0 && !a.startsWith("xmlns:")) resolve(a.slice(0, a.indexOf(":")));
    tag.uri = resolve(tag.prefix);
    tag.declared = declared;
    declared = null;
    prefixedAttribute = false;
    const openEnd = parser.position + shift;
    if (fast && depth === fast.depth && tag.local === fast.local && !tag.isSelfClosing) {
      regionTag = tag;
      regionOpenEnd = openEnd;
    }
    // A start tag begins at the last "<" before its ">": attribute values cannot hold a raw "<".
    h.open(tag, depth <= offsetsToDepth ? text.lastIndexOf("<", openEnd - 1) : -1, openEnd, resolve);
  });
  parser.on("closetag", (raw) => {
    const tag = raw as unknown as StreamTag;
    const end = parser.position + shift;
    h.close(tag, raw.isSelfClosing ? end : depth <= offsetsToDepth ? text.lastIndexOf("<", end - 1) : -1, end);
    depth--;
    if (tag.declared) {
      scopes.pop();
      scope = scopes[scopes.length - 1];
      defaultUri = scope[""] ?? "";
    }
  });
  if (h.text) {
    parser.on("text", h.text);
    parser.on("cdata", h.text);
  }
  try {
    const at = fast ? regionCandidate(text, fast.local) : -1;
    if (at < 0) parser.write(text).close();
    else {
      // saxes reads up to the region's start tag; if that is the element asked for, the fast reader
      // takes its content (or declines before reading anything) and saxes goes on from its end tag.
      const openEnd = startTagEnd(text, at);
      parser.write(text.slice(0, openEnd));
      let from = openEnd;
      if (regionTag && regionOpenEnd === openEnd) {
        const closeStart = readRegion(text, openEnd, regionTag, depth, offsetsToDepth, h, resolve);
        if (closeStart >= 0) {
          shift = closeStart - openEnd;
          from = closeStart;
        }
      }
      parser.write(text.slice(from)).close();
    }
  } catch (e) {
    if (e instanceof PackageError || e instanceof FastPathDeclined) throw e;
    throw failure(part, e);
  }
}

// ------------------------------------------------------------------ the fast reader of a sheet's cells

/**
 * An element whose content streamParse may read without saxes: the cells of a sheet (<sheetData>,
 * 1.5 million cells at 100,000 rows) are nearly all of a big part, and saxes's character-by-character
 * state machine and its objects per tag cost more than the rest of a run's reading together.
 */
export interface FastRegion {
  /** The element's local name and depth (the root is depth 1). */
  local: string;
  depth: number;
}

/**
 * The fast reader met XML it leaves to saxes after it had reported some of the region: the caller
 * forgets what it was told and reads the part again without a fast region. (What it can see before
 * reading anything — comments, CDATA, processing instructions, namespace declarations, characters
 * XML forbids — it declines silently, and saxes reads the region.)
 */
export class FastPathDeclined extends Error {
  constructor(readonly at: number) {
    super(`fast reader declined at ${at}`);
  }
}

/** Where the region's start tag may be: its first "<name" or "<prefix:name" (saxes then says whether it is). */
function regionCandidate(text: string, local: string): number {
  const re = new RegExp(`<(?:[A-Za-z_][A-Za-z0-9._-]*:)?${local}[\\s/>]`, "g");
  const m = re.exec(text);
  return m ? m.index : -1;
}

/** Where a start tag that begins at `from` ends (after its ">"): quoted values may hold ">". */
export function startTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i + 1;
  }
  return text.length;
}

// Characters XML 1.0 does not allow, and surrogates (left to saxes, which checks their pairing).
const NOT_FAST_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/g; // eslint-disable-line no-control-regex
const REFERENCE = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/y;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Character and entity references decoded; null when one is not what XML without a DTD allows. */
function decodeReferences(s: string): string | null {
  let out = "";
  let at = 0;
  for (let amp = s.indexOf("&"); amp >= 0; amp = s.indexOf("&", at)) {
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(s);
    if (!m) return null;
    let ch: string;
    if (m[3] !== undefined) ch = NAMED[m[3]];
    else {
      const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
      if (!isXmlChar(code)) return null;
      ch = String.fromCodePoint(code);
    }
    out += s.slice(at, amp) + ch;
    at = REFERENCE.lastIndex;
  }
  return out + s.slice(at);
}

/** Character data as XML hands it over: line ends normalised, references decoded (null: not allowed). */
function textValue(raw: string): string | null {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  return s.indexOf("&") >= 0 ? decodeReferences(s) : s;
}

/** An attribute value as XML hands it over: literal whitespace as spaces, references decoded (null: not allowed). */
function attributeValue(raw: string): string | null {
  let s = raw;
  if (s.indexOf("<") >= 0) return null;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ");
  return s.indexOf("&") >= 0 ? decodeReferences(s) : s;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e;
}
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

interface KnownName {
  name: string;
  prefix: string;
  local: string;
  uri: string;
}

/**
 * The content of the region element (saxes has read its start tag) read here, handing the handlers
 * what saxes would: every start tag (attributes through `attribute`, in order), end tag and piece of
 * character data, with the same offsets. It reads the XML a sheet's cells are written in — elements,
 * attributes, text, the five entity references and character references — and checks what saxes would
 * check of it: names, quoting, one value per attribute, every element closed in order, references
 * and characters XML allows. Inside the region no namespace is declared (it declines otherwise), so
 * every prefix means what it means at the region element. Names are ASCII here (a sheet's always are);
 * anything else is declined. The tag objects handed to `open` and `close` are reused and carry no
 * `attributes` (the sheet reader keeps neither). Returns where the region element's end tag starts,
 * or −1 when it declined before reporting anything; throws FastPathDeclined when it declines later.
 */
function readRegion(text: string, from: number, region: StreamTag, depth0: number, offsetsToDepth: number, h: StreamHandlers, resolve: (prefix: string) => string): number {
  const closeAt = text.lastIndexOf(`</${region.name}`);
  if (closeAt < from) return -1;
  // What the fast reader leaves to saxes, seen before anything is reported.
  for (const s of ["<!", "<?", "]]>", "xmlns"]) {
    const i = text.indexOf(s, from);
    if (i >= 0 && i < closeAt) return -1;
  }
  NOT_FAST_CHAR.lastIndex = from;
  const bad = NOT_FAST_CHAR.exec(text);
  if (bad && bad.index < closeAt) return -1;

  const onText = h.text;
  const onAttribute = h.attribute;
  const noAttributes: Record<string, string> = Object.freeze({});
  const elementNames: KnownName[] = [];
  const attributeNames: string[] = [];
  const open: KnownName[] = [];
  const tags: StreamTag[] = [];
  const seen: string[] = [];
  const decline = (at: number): never => {
    throw new FastPathDeclined(at);
  };
  /** The name at i (ended by a space, ">", "/" or "="), its length checked by the caller. */
  const nameAt = (i: number): string => {
    if (!isNameStart(text.charCodeAt(i))) decline(i);
    let j = i + 1;
    let colon = -1;
    for (;;) {
      const c = text.charCodeAt(j);
      if (isNameChar(c)) j++;
      else if (c === 0x3a && colon < 0 && isNameStart(text.charCodeAt(j + 1))) {
        colon = j;
        j += 2;
      } else break;
    }
    return text.slice(i, j);
  };
  const element = (i: number): KnownName => {
    for (let k = 0; k < elementNames.length; k++) {
      const n = elementNames[k];
      if (text.startsWith(n.name, i)) {
        const c = text.charCodeAt(i + n.name.length);
        if (c === 0x3e || c === 0x2f || isSpace(c)) return n;
      }
    }
    const name = nameAt(i);
    const colon = name.indexOf(":");
    const prefix = colon > 0 ? name.slice(0, colon) : "";
    const n: KnownName = { name, prefix, local: colon > 0 ? name.slice(colon + 1) : name, uri: resolve(prefix) };
    if (elementNames.length < 64) elementNames.push(n);
    return n;
  };
  const attributeName = (i: number): string => {
    for (let k = 0; k < attributeNames.length; k++) {
      const n = attributeNames[k];
      if (text.startsWith(n, i)) {
        const c = text.charCodeAt(i + n.length);
        if (c === 0x3d || isSpace(c)) return n;
      }
    }
    const name = nameAt(i);
    const colon = name.indexOf(":");
    if (colon > 0) resolve(name.slice(0, colon)); // an unbound prefix is an error, as saxes would have it
    if (attributeNames.length < 64) attributeNames.push(name);
    return name;
  };

  let p = from;
  for (;;) {
    const lt = text.indexOf("<", p);
    if (lt < 0 || lt > closeAt) decline(p);
    if (lt > p && onText) {
      const t = textValue(text.slice(p, lt));
      if (t === null) decline(p);
      onText(t as string);
    }
    const c1 = text.charCodeAt(lt + 1);
    if (c1 === 0x2f) {
      // an end tag: the innermost open element's, or the region's own
      const level = open.length;
      const name = level ? open[level - 1].name : region.name;
      if (!text.startsWith(name, lt + 2)) decline(lt);
      let q = lt + 2 + name.length;
      while (isSpace(text.charCodeAt(q))) q++;
      if (text.charCodeAt(q) !== 0x3e) decline(lt);
      if (!level) return lt;
      open.pop();
      h.close(tags[level - 1], lt, q + 1);
      p = q + 1;
      continue;
    }
    const n = element(lt + 1);
    let q = lt + 1 + n.name.length;
    let selfClosing = false;
    let seenCount = 0;
    for (;;) {
      const before = q;
      while (isSpace(text.charCodeAt(q))) q++;
      const c = text.charCodeAt(q);
      if (c === 0x3e) {
        q++;
        break;
      }
      if (c === 0x2f) {
        if (text.charCodeAt(q + 1) !== 0x3e) decline(q);
        selfClosing = true;
        q += 2;
        break;
      }
      if (q === before) decline(q); // attributes are separated by white space
      const name = attributeName(q);
      for (let k = 0; k < seenCount; k++) if (seen[k] === name) decline(q);
      seen[seenCount++] = name;
      q += name.length;
      while (isSpace(text.charCodeAt(q))) q++;
      if (text.charCodeAt(q) !== 0x3d) decline(q);
      q++;
      while (isSpace(text.charCodeAt(q))) q++;
      const quote = text.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) decline(q);
      const close = text.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (close < 0 || close > closeAt) decline(q);
      let special = false;
      for (let k = q + 1; k < close; k++) {
        const v = text.charCodeAt(k);
        if (v === 0x26 || v === 0x3c || v === 0x09 || v === 0x0a || v === 0x0d) {
          special = true;
          break;
        }
      }
      let value: string | null = text.slice(q + 1, close);
      if (special) value = attributeValue(value);
      if (value === null) decline(q);
      if (onAttribute) onAttribute(name, value as string);
      q = close + 1;
    }
    const level = open.length;
    let tag = tags[level];
    if (!tag) tags[level] = tag = { name: "", prefix: "", local: "", uri: "", attributes: noAttributes, isSelfClosing: false, declared: null };
    tag.name = n.name;
    tag.prefix = n.prefix;
    tag.local = n.local;
    tag.uri = n.uri;
    tag.isSelfClosing = selfClosing;
    const depth = depth0 + level + 1;
    h.open(tag, depth <= offsetsToDepth ? lt : -1, q, resolve);
    if (selfClosing) h.close(tag, q, q);
    else open.push(n);
    p = q;
  }
}

/** A stream tag's attributes as XAttr (for the few elements whose start tags are rebuilt). */
export function streamAttrs(tag: StreamTag, scopeOf: (prefix: string) => string): XAttr[] {
  const out: XAttr[] = [];
  for (const name in tag.attributes) {
    const colon = name.indexOf(":");
    const prefix = colon > 0 ? name.slice(0, colon) : "";
    const local = colon > 0 ? name.slice(colon + 1) : name;
    const uri = name === "xmlns" || prefix === "xmlns" ? NS.xmlns : prefix ? scopeOf(prefix) : "";
    out.push({ name, prefix, local, uri, value: tag.attributes[name] });
  }
  return out;
}
