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

/** A part's text. Throws PackageError("xml") when its bytes are not text in the encoding it declares. */
export function decodePart(bytes: Uint8Array, part: string): string {
  let enc = label(bytes);
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

/** Character data, escaped. */
export function escapeText(s: string): string {
  return s.replace(INVALID, "").replace(TEXT_SPECIAL, (c) => ESCAPES[c]);
}

/** An attribute value (for double quotes), escaped; whitespace kept as character references. */
export function escapeAttr(s: string): string {
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
  return new SaxesParser({ xmlns: true, position: true, fragment, additionalNamespaces }) as SaxesParser<{ xmlns: true; position: true }>;
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
  for (const name in set) if (!done.has(name) && set[name] !== null) s += ` ${name}="${escapeAttr(set[name] as string)}"`;
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
  text?(t: string): void;
  /** Each attribute of the start tag being read, before open() (a fast path for the few a reader wants). */
  attribute?(name: string, value: string): void;
}

const XML_SCOPE: Record<string, string> = { xml: NS.xml };

/**
 * Read a big part (a worksheet of a million cells, the shared strings) in one pass. saxes checks that
 * it is well-formed XML; its namespaces are resolved here with a scope per element that declares one
 * (saxes's own namespace mode allocates a scope and an object per attribute for every element, which
 * doubled the time of a 100,000-row sheet). An unbound prefix is an error, as in saxes's mode.
 */
export function streamParse(text: string, part: string, h: StreamHandlers, offsetsToDepth = Infinity): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
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
    const openEnd = parser.position;
    // A start tag begins at the last "<" before its ">": attribute values cannot hold a raw "<".
    h.open(tag, depth <= offsetsToDepth ? text.lastIndexOf("<", openEnd - 1) : -1, openEnd, resolve);
  });
  parser.on("closetag", (raw) => {
    const tag = raw as unknown as StreamTag;
    const end = parser.position;
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
    parser.write(text).close();
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw failure(part, e);
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
