// Test-side reading and editing of .xlsx packages for the corpus harness — independent of the
// product's package adapter (src/cli/xlsx, src/workbook): fflate for the ZIP entries and
// @xmldom/xmldom, a namespace-aware DOM parser, for the XML. Nothing here is used by the product.
import { DOMParser } from "@xmldom/xmldom";
import { deflateSync, unzipSync } from "fflate";

// ---------------------------------------------------------------------------------------------
// Namespaces: transitional and Strict (ISO 29500 "purl") spellings of the ones the harness reads.

export const NS = {
  main: ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  rel: ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
};

// ---------------------------------------------------------------------------------------------
// ZIP

/** Every entry of the package by name (directory entries included, as empty arrays). */
export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** The parts: entries that are not directories. */
export function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(unzip(bytes))) if (!name.endsWith("/")) out.set(name, data);
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface CentralEntry {
  name: string;
  cdStart: number; // offset of this record in the archive
  cdEnd: number;
  localOffset: number;
}

/**
 * Replaces the data of one entry and keeps every other entry's bytes as the writer left them
 * (local headers, extra fields, data descriptors, directory entries, order, the archive comment),
 * so the writer's ZIP layout reaches the program under test. ZIP64 archives are refused.
 */
export function replaceEntry(zip: Uint8Array, name: string, data: Uint8Array): Uint8Array {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("no end of central directory");
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new Error("ZIP64 archive");
  const entries: CentralEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (dv.getUint32(p, true) !== 0x02014b50) throw new Error("bad central directory");
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    if (localOffset === 0xffffffff || dv.getUint32(p + 20, true) === 0xffffffff || dv.getUint32(p + 24, true) === 0xffffffff) throw new Error("ZIP64 entry");
    const entryName = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen));
    const end = p + 46 + nameLen + extraLen + commentLen;
    entries.push({ name: entryName, cdStart: p, cdEnd: end, localOffset });
    p = end;
  }
  const target = entries.find((e) => e.name === name);
  if (!target) throw new Error(`no entry ${name}`);
  // Each entry's local record runs from its local header to the next local header (or the central directory).
  const starts = [...new Set(entries.map((e) => e.localOffset))].sort((a, b) => a - b);
  const recordEnd = (offset: number) => starts.find((s) => s > offset) ?? cdOffset;

  const chunks: Uint8Array[] = [];
  let written = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    written += b.length;
  };
  // Bytes before the first local header (rare, e.g. a self-extractor stub) stay.
  if (starts[0] > 0) push(zip.subarray(0, starts[0]));
  const newOffsets = new Map<number, number>();
  const compressed = deflateSync(data, { level: 6 });
  const crc = crc32(data);
  for (const off of starts) {
    newOffsets.set(off, written);
    if (off !== target.localOffset) {
      push(zip.subarray(off, recordEnd(off)));
      continue;
    }
    const nameLen = dv.getUint16(off + 26, true);
    const nameBytes = zip.subarray(off + 30, off + 30 + nameLen);
    const head = new Uint8Array(30);
    const h = new DataView(head.buffer);
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, dv.getUint16(off + 6, true) & 0x0800, true); // keep only the UTF-8 name flag
    h.setUint16(8, 8, true);
    h.setUint16(10, dv.getUint16(off + 10, true), true);
    h.setUint16(12, dv.getUint16(off + 12, true), true);
    h.setUint32(14, crc, true);
    h.setUint32(18, compressed.length, true);
    h.setUint32(22, data.length, true);
    h.setUint16(26, nameLen, true);
    h.setUint16(28, 0, true);
    push(head);
    push(nameBytes);
    push(compressed);
  }
  const cdStartNew = written;
  for (const e of entries) {
    const rec = zip.slice(e.cdStart, e.cdEnd);
    const r = new DataView(rec.buffer);
    r.setUint32(42, newOffsets.get(e.localOffset)!, true);
    if (e === target) {
      r.setUint16(6, 20, true);
      r.setUint16(8, r.getUint16(8, true) & 0x0800, true);
      r.setUint16(10, 8, true);
      r.setUint32(16, crc, true);
      r.setUint32(20, compressed.length, true);
      r.setUint32(24, data.length, true);
    }
    push(rec);
  }
  const end = zip.slice(eocd);
  const ev = new DataView(end.buffer);
  ev.setUint32(12, written - cdStartNew, true);
  ev.setUint32(16, cdStartNew, true);
  push(end);
  const out = new Uint8Array(written);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text encodings of XML parts (UTF-8 with or without BOM, UTF-16 LE/BE with or without BOM)

export type Encoding = "utf8" | "utf8bom" | "utf16le" | "utf16be";

export function detectEncoding(b: Uint8Array): Encoding {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf8bom";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf16be";
  if (b[0] === 0x3c && b[1] === 0) return "utf16le";
  if (b[0] === 0 && b[1] === 0x3c) return "utf16be";
  return "utf8";
}

export function decodeXml(b: Uint8Array): { text: string; encoding: Encoding; bom: boolean } {
  const encoding = detectEncoding(b);
  const bom = encoding === "utf8bom" || ((encoding === "utf16le" || encoding === "utf16be") && (b[0] === 0xff || b[0] === 0xfe));
  if (encoding === "utf16le" || encoding === "utf16be") {
    const body = b.subarray(bom ? 2 : 0);
    const le = new Uint8Array(body.length);
    for (let i = 0; i + 1 < body.length; i += 2) {
      le[i] = encoding === "utf16le" ? body[i] : body[i + 1];
      le[i + 1] = encoding === "utf16le" ? body[i + 1] : body[i];
    }
    return { text: new TextDecoder("utf-16le").decode(le), encoding, bom };
  }
  return { text: new TextDecoder("utf-8").decode(b.subarray(bom ? 3 : 0)), encoding, bom };
}

export function encodeXml(text: string, encoding: Encoding, bom: boolean): Uint8Array {
  if (encoding === "utf16le" || encoding === "utf16be") {
    const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
    let o = 0;
    if (bom) {
      out[o++] = encoding === "utf16le" ? 0xff : 0xfe;
      out[o++] = encoding === "utf16le" ? 0xfe : 0xff;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[o++] = encoding === "utf16le" ? c & 0xff : c >> 8;
      out[o++] = encoding === "utf16le" ? c >> 8 : c & 0xff;
    }
    return out;
  }
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

// ---------------------------------------------------------------------------------------------
// DOM

export type El = Element;

/** Parses an XML part; any warning or error of the parser is an exception. */
export function parseXml(b: Uint8Array | string, what = "part"): Document {
  const text = typeof b === "string" ? b : decodeXml(b).text;
  const parser = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== "warning") throw new Error(`${what}: ${msg}`);
    },
  });
  return parser.parseFromString(text, "text/xml") as unknown as Document;
}

export function children(el: Element, local?: string, ns?: readonly string[] | string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (local && e.localName !== local) continue;
    if (ns && !(typeof ns === "string" ? e.namespaceURI === ns : ns.includes(e.namespaceURI ?? ""))) continue;
    out.push(e);
  }
  return out;
}

export function descendants(el: Element | Document, local: string, ns: readonly string[] | string): Element[] {
  const list = (el as Element).getElementsByTagName("*");
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (e.localName === local && (typeof ns === "string" ? e.namespaceURI === ns : ns.includes(e.namespaceURI ?? ""))) out.push(e);
  }
  return out;
}

export function attrNS(el: Element, local: string, nss: readonly string[]): string | null {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.localName === local && nss.includes(a.namespaceURI ?? "")) return a.value;
  }
  return null;
}

/** An attribute without a namespace. */
export function attr(el: Element, local: string): string | null {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (!a.namespaceURI && (a.localName ?? a.name) === local) return a.value;
  }
  return null;
}

export function textOf(el: Element): string {
  return el.textContent ?? "";
}

// ---------------------------------------------------------------------------------------------
// Package navigation

export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
  const segs: string[] = [];
  for (const s of (base + target).split("/")) {
    if (s === "..") segs.pop();
    else if (s !== "." && s !== "") segs.push(s);
  }
  return segs.join("/");
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A part by name, exactly, else by a case-insensitive match (OPC names are case-insensitive). */
export function findPart(all: Map<string, Uint8Array>, name: string): string | null {
  if (all.has(name)) return name;
  const low = name.toLowerCase();
  for (const k of all.keys()) if (k.toLowerCase() === low) return k;
  return null;
}

export interface Rel {
  id: string;
  type: string;
  target: string; // resolved part name, or the raw target for external ones
  external: boolean;
}

export function readRels(all: Map<string, Uint8Array>, part: string): Rel[] {
  const name = findPart(all, part === "" ? "_rels/.rels" : relsPathOf(part));
  if (!name) return [];
  const doc = parseXml(all.get(name)!, name);
  return descendants(doc, "Relationship", NS.pkgRels).map((r) => {
    const external = attr(r, "TargetMode") === "External";
    const target = attr(r, "Target") ?? "";
    return { id: attr(r, "Id") ?? "", type: attr(r, "Type") ?? "", target: external ? target : resolveTarget(part, target), external };
  });
}

export interface SheetInfo {
  name: string;
  part: string; // resolved part name (as it appears in the zip)
  kind: "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "other";
  state: string; // visible | hidden | veryHidden
}

export interface Workbook {
  workbookPart: string;
  sheets: SheetInfo[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
  date1904: boolean;
}

export function readWorkbook(all: Map<string, Uint8Array>): Workbook {
  const root = readRels(all, "").find((r) => /\/officeDocument$/.test(r.type) && !r.external);
  if (!root) throw new Error("no officeDocument relationship");
  const workbookPart = findPart(all, root.target);
  if (!workbookPart) throw new Error(`no workbook part ${root.target}`);
  const doc = parseXml(all.get(workbookPart)!, workbookPart);
  const rels = readRels(all, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = descendants(doc, "sheet", NS.main).map((s) => {
    const rel = byId.get(attrNS(s, "id", NS.rel) ?? "");
    const kind = !rel ? "other" : /\/worksheet$/.test(rel.type) ? "worksheet" : /\/chartsheet$/.test(rel.type) ? "chartsheet" : /\/dialogsheet$/.test(rel.type) ? "dialogsheet" : /macrosheet$/i.test(rel.type) ? "macrosheet" : "other";
    return { name: attr(s, "name") ?? "", part: (rel && findPart(all, rel.target)) ?? "", kind, state: attr(s, "state") ?? "visible" };
  });
  const pr = descendants(doc, "workbookPr", NS.main)[0];
  const d = pr ? attr(pr, "date1904") : null;
  const sst = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const sty = rels.find((r) => /\/styles$/.test(r.type));
  return {
    workbookPart,
    sheets,
    sharedStringsPart: sst ? findPart(all, sst.target) : null,
    stylesPart: sty ? findPart(all, sty.target) : null,
    date1904: d === "1" || d === "true",
  };
}

// ---------------------------------------------------------------------------------------------
// Cells

export function colToNum(col: string): number {
  let n = 0;
  for (const ch of col.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function numToCol(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function splitRef(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`bad cell reference ${ref}`);
  return { col: colToNum(m[1]), row: Number(m[2]) };
}

export interface Cell {
  kind: "string" | "number" | "boolean" | "error" | "date" | "formula-string" | "blank";
  value: string;
  formula: string | null;
  style: string | null;
}

function sharedStrings(all: Map<string, Uint8Array>, part: string | null): string[] {
  if (!part) return [];
  const doc = parseXml(all.get(part)!, part);
  return descendants(doc, "si", NS.main).map((si) => stringItem(si));
}

/** The text of a string item (<si> or <is>): plain <t>, or the runs' <t>, without phonetic runs. */
function stringItem(si: Element): string {
  let s = "";
  for (const c of children(si)) {
    if (c.localName === "t") s += textOf(c);
    else if (c.localName === "r") for (const t of children(c, "t")) s += textOf(t);
  }
  return s;
}

/** Every cell of a worksheet part by "row,col" (rows and cells without r are numbered as OOXML says). */
export function readCells(all: Map<string, Uint8Array>, sheetPart: string, sst: string[]): Map<string, Cell> {
  const doc = parseXml(all.get(sheetPart)!, sheetPart);
  const out = new Map<string, Cell>();
  const sheetData = descendants(doc, "sheetData", NS.main)[0];
  if (!sheetData) return out;
  let rowNum = 0;
  for (const row of children(sheetData, "row")) {
    const r = attr(row, "r");
    rowNum = r ? Number(r) : rowNum + 1;
    let colNum = 0;
    for (const c of children(row, "c")) {
      const ref = attr(c, "r");
      if (ref) {
        const a = splitRef(ref);
        if (a.row !== rowNum) throw new Error(`${sheetPart}: cell ${ref} in row ${rowNum}`);
        colNum = a.col;
      } else colNum += 1;
      const t = attr(c, "t") ?? "n";
      const f = children(c, "f")[0];
      const v = children(c, "v")[0];
      const is = children(c, "is")[0];
      const style = attr(c, "s");
      let kind: Cell["kind"];
      let value: string;
      if (t === "s") {
        kind = "string";
        value = v ? sst[Number(textOf(v))] ?? `#bad-sst-${textOf(v)}` : "";
      } else if (t === "inlineStr") {
        kind = "string";
        value = is ? stringItem(is) : "";
      } else if (t === "str") {
        kind = f ? "formula-string" : "string";
        value = v ? textOf(v) : "";
      } else if (t === "b") {
        kind = "boolean";
        value = v ? textOf(v) : "";
      } else if (t === "e") {
        kind = "error";
        value = v ? textOf(v) : "";
      } else if (t === "d") {
        kind = "date";
        value = v ? textOf(v) : "";
      } else {
        kind = v ? "number" : "blank";
        value = v ? textOf(v) : "";
      }
      out.set(`${rowNum},${colNum}`, { kind, value, formula: f ? textOf(f) || attr(f, "si") : null, style: style === "0" ? null : style });
    }
  }
  return out;
}

/** The cells of every worksheet by sheet name. */
export function readAllCells(all: Map<string, Uint8Array>): Map<string, Map<string, Cell>> {
  const wb = readWorkbook(all);
  const sst = sharedStrings(all, wb.sharedStringsPart);
  const out = new Map<string, Map<string, Cell>>();
  for (const s of wb.sheets) if (s.kind === "worksheet" && s.part) out.set(s.name, readCells(all, s.part, sst));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Namespace checks a well-formedness checker does not make

/** Prefixes named in mc:Ignorable / mc:ProcessContent / mc:MustUnderstand that are not declared where they are named. */
export function unboundIgnorablePrefixes(doc: Document): string[] {
  const bad: string[] = [];
  const all = (doc as unknown as Element).getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    for (const local of ["Ignorable", "MustUnderstand"]) {
      const v = attrNS(e, local, [NS.mc]);
      if (!v) continue;
      for (const p of v.split(/\s+/).filter(Boolean)) if (!e.lookupNamespaceURI(p)) bad.push(`${e.tagName}@mc:${local} names ${p}`);
    }
  }
  return bad;
}

/** What a file's Excel extensions amount to: ext uris under extLst and elements per namespace outside the main ones. */
export function extensionSignature(doc: Document): string[] {
  const out: string[] = [];
  const all = (doc as unknown as Element).getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    if (e.localName === "ext" && e.parentNode && (e.parentNode as Element).localName === "extLst") out.push(`ext ${attr(e, "uri") ?? ""}`);
    const ns = e.namespaceURI ?? "";
    if (/x14|x15|x16|xr|xcalcf|xda|xlrd|xpdl|xltc|xxl|xfpb|x14ac/.test(ns) && /microsoft\.com/.test(ns)) out.push(`el ${ns} ${e.localName}`);
    for (let k = 0; k < e.attributes.length; k++) {
      const a = e.attributes[k];
      const ans = a.namespaceURI ?? "";
      if (/microsoft\.com\/office\/spreadsheetml/.test(ans)) out.push(`attr ${ans} ${a.localName}`);
    }
  }
  return out.sort();
}
