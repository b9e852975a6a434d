// The package (Open Packaging Conventions) under the adapter: parts by name, their relationships and
// content types, and saving. Parts nobody changed are copied compressed as they were; a part that is
// added gets its content type (an Override, or the Default of its extension) and is reachable by a
// relationship; a part that is removed loses its Override and the relationships to it. These are the
// general operations a new kind of part needs — a drawing and its chart, say: put(drawing, xml,
// CONTENT_TYPE.drawing), put(chart, xml, CONTENT_TYPE.chart), relate(drawing, "chart", chart) for the
// drawing's r:id, relate(sheet, "drawing", drawing), and the sheet's <drawing r:id> element spliced in at
// Worksheet.insertionPoint("drawing") with names from xml.ts nameIn() (as notes.ts does for <legacyDrawing>).
import { PackageError } from "./errors";
import { applySplices, appendChildren, attr, declareUtf8, decodePart, escapeAttr, NS, parseTree, Splice, utf8, XElement } from "./xml";
import { crc32, Deflate, DEFAULT_LIMITS, entryOfAsync, fflateDeflate, fflateInflate, inflate, Inflate, readZip, writeZip, ZipEntry, ZipLimits } from "./zip";

const REL_PREFIX = { transitional: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/", strict: "http://purl.oclc.org/ooxml/officeDocument/relationships/" };

export type Dialect = keyof typeof REL_PREFIX;

/** A relationship type without its namespace ("worksheet", "sharedStrings"); other vocabularies as they are. */
export function relKind(type: string): string {
  for (const p of Object.values(REL_PREFIX)) if (type.startsWith(p)) return type.slice(p.length);
  if (type === "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument") return "officeDocument";
  return type;
}

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The element in the rels part as read (absent for a relationship added in this run). */
  el?: XElement;
}

/** A part's path from a relationship target (relative to the source part's folder, or absolute). */
export function resolveTarget(fromPart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // a target with a stray % is used as written
  }
  t = t.replace(/\\/g, "/").split("#")[0];
  if (t.startsWith("/")) return t.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Where the relationships of a part live ("" = the package's own). */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A target for a relationship from `fromPart` to `toPart` (both package paths). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => ".."), ...to.slice(k)].join("/");
}

/** The relationships of one source part, as read plus what this run adds and removes. */
export class Rels {
  readonly list: Rel[] = [];
  private readonly root: XElement | null;
  private readonly removed: Rel[] = [];
  private changed = false;

  constructor(
    readonly source: string,
    private readonly text: string | null,
  ) {
    if (text === null) {
      this.root = null;
      return;
    }
    this.root = parseTree(text, relsPathOf(source));
    for (const e of this.root.children) {
      if (e.local !== "Relationship" || e.uri !== NS.pkgRels) continue;
      const id = attr(e, "Id");
      const type = attr(e, "Type");
      const target = attr(e, "Target");
      if (id === undefined || type === undefined || target === undefined) continue;
      this.list.push({ id, type, target, external: attr(e, "TargetMode") === "External", el: e });
    }
  }

  find(kind: string): Rel | undefined {
    return this.list.find((r) => relKind(r.type) === kind);
  }

  all(kind: string): Rel[] {
    return this.list.filter((r) => relKind(r.type) === kind);
  }

  byId(id: string): Rel | undefined {
    return this.list.find((r) => r.id === id);
  }

  /** The part a relationship points to (null for an external one). */
  partOf(rel: Rel): string | null {
    return rel.external ? null : resolveTarget(this.source, rel.target);
  }

  add(type: string, targetPart: string): Rel {
    let n = this.list.length + 1;
    const ids = new Set(this.list.map((r) => r.id).concat(this.removed.map((r) => r.id)));
    while (ids.has(`rId${n}`)) n++;
    const rel: Rel = { id: `rId${n}`, type, target: relativeTarget(this.source, targetPart), external: false };
    this.list.push(rel);
    this.changed = true;
    return rel;
  }

  remove(rel: Rel): void {
    const i = this.list.indexOf(rel);
    if (i < 0) return;
    this.list.splice(i, 1);
    if (rel.el) this.removed.push(rel);
    this.changed = true;
  }

  /** The rels part after this run: null when unchanged. The kept relationships are copied as written. */
  output(): string | null {
    if (!this.changed) return null;
    const item = (r: Rel, name: string) => `<${name} Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`;
    if (this.root === null || this.text === null) {
      const items = this.list.map((r) => item(r, "Relationship")).join("");
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRels}">${items}</Relationships>`;
    }
    const name = this.root.prefix ? `${this.root.prefix}:Relationship` : "Relationship";
    const splices: Splice[] = this.removed.map((r) => ({ start: r.el!.start, end: r.el!.end, text: "" }));
    const added = this.list.filter((r) => !r.el).map((r) => item(r, name));
    if (added.length) splices.push(...appendChildren(this.root, added.join("")));
    return applySplices(this.text, splices);
  }
}

interface Override {
  part: string;
  type: string;
  el?: XElement;
}

/** [Content_Types].xml: Defaults by extension, Overrides by part name. */
class ContentTypes {
  private readonly root: XElement;
  private readonly defaults = new Map<string, { type: string; el?: XElement }>();
  private readonly overrides = new Map<string, Override>();
  private readonly splices: Splice[] = [];
  private readonly added: string[] = [];

  constructor(private readonly text: string) {
    this.root = parseTree(text, "[Content_Types].xml");
    if (this.root.local !== "Types" || this.root.uri !== NS.contentTypes) throw new PackageError("not-spreadsheet", "content types");
    for (const e of this.root.children) {
      if (e.uri !== NS.contentTypes) continue;
      const type = attr(e, "ContentType");
      if (type === undefined) continue;
      if (e.local === "Default") {
        const ext = attr(e, "Extension");
        if (ext !== undefined) this.defaults.set(ext.toLowerCase(), { type, el: e });
      } else if (e.local === "Override") {
        const part = attr(e, "PartName");
        if (part !== undefined) this.overrides.set(part.replace(/^\//, "").toLowerCase(), { part, type, el: e });
      }
    }
  }

  typeOf(path: string): string | undefined {
    const o = this.overrides.get(path.toLowerCase());
    if (o) return o.type;
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    return this.defaults.get(ext)?.type;
  }

  /** Make `path` have `type`: nothing when it already does, else an Override. */
  ensure(path: string, type: string): void {
    if (this.typeOf(path) === type) return;
    const key = path.toLowerCase();
    const o = this.overrides.get(key);
    const name = this.root.prefix ? `${this.root.prefix}:Override` : "Override";
    const xml = `<${name} PartName="/${escapeAttr(path)}" ContentType="${escapeAttr(type)}"/>`;
    if (o?.el) this.splices.push({ start: o.el.start, end: o.el.end, text: xml });
    else this.added.push(xml);
    this.overrides.set(key, { part: `/${path}`, type });
  }

  /** A part that leaves the package loses its Override. */
  forget(path: string): void {
    const key = path.toLowerCase();
    const o = this.overrides.get(key);
    if (!o) return;
    if (o.el) this.splices.push({ start: o.el.start, end: o.el.end, text: "" });
    else this.added.splice(this.added.findIndex((x) => x.includes(`PartName="/${escapeAttr(path)}"`)), 1);
    this.overrides.delete(key);
  }

  output(): string | null {
    if (!this.splices.length && !this.added.length) return null;
    const splices = this.splices.slice();
    if (this.added.length) splices.push(...appendChildren(this.root, this.added.join("")));
    return applySplices(this.text, splices);
  }
}

/**
 * What the host may do faster than the portable code (fflate, TextEncoder): Node passes its native
 * zlib inflate, deflate and CRC-32 and Buffer's UTF-8 writer (src/cli/main.ts). Same bytes either way, but
 * for the deflate, whose output may differ by a byte and is equally valid.
 */
export interface HostCodec {
  deflate: Deflate;
  inflate: Inflate;
  crc32: (data: Uint8Array) => number;
  utf8: (pieces: readonly string[]) => Uint8Array;
  /** The text of bytes that are all ASCII, else null (the portable decoder then reads them). */
  ascii: (bytes: Uint8Array) => string | null;
}

/** What a package may make this process hold, and the host's faster codecs. */
export interface PackageOptions {
  limits?: ZipLimits;
  /** Cells one sheet may hold (README "Limits": 3,000,000). */
  maxCells?: number;
  host?: Partial<HostCodec>;
}

export class Package {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  /** Parts changed or added (bytes) or removed (null) by this run. */
  private readonly out = new Map<string, Uint8Array | null>();
  private readonly relsCache = new Map<string, Rels>();
  readonly contentTypes: ContentTypes;
  readonly dialect: Dialect;
  private readonly limits: ZipLimits;
  private readonly host: HostCodec;

  constructor(bytes: Uint8Array, options: PackageOptions = {}) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.host = { deflate: fflateDeflate, inflate: fflateInflate, crc32, utf8, ascii: () => null, ...options.host };
    this.entries = readZip(bytes, this.limits);
    for (const e of this.entries) this.byName.set(e.name.toLowerCase(), e);
    const ct = this.text("[Content_Types].xml");
    if (ct === null) {
      // An OpenDocument file (.ods) is a ZIP package too, named by its mimetype entry.
      const mimetype = this.has("mimetype") ? this.text("mimetype") ?? "" : "";
      throw new PackageError(/opendocument\.spreadsheet/.test(mimetype) ? "ods" : "not-spreadsheet", "no [Content_Types].xml");
    }
    this.contentTypes = new ContentTypes(ct);
    const root = this.rels("");
    const main = root.find("officeDocument");
    this.dialect = main && main.type.startsWith(REL_PREFIX.strict) ? "strict" : "transitional";
  }

  /** The stored name of a part (part names are case-insensitive), or undefined. */
  private entry(path: string): ZipEntry | undefined {
    return this.byName.get(path.toLowerCase());
  }

  has(path: string): boolean {
    const o = this.out.get(path.toLowerCase());
    if (o !== undefined) return o !== null;
    return this.entry(path) !== undefined;
  }

  /** A part's bytes (as this run left it), or null when there is no such part. */
  bytes(path: string): Uint8Array | null {
    const o = this.out.get(path.toLowerCase());
    if (o !== undefined) return o;
    const e = this.entry(path);
    return e ? inflate(e, this.limits, this.host.crc32, this.host.inflate) : null;
  }

  /** A part's text, or null. */
  text(path: string): string | null {
    const b = this.bytes(path);
    return b === null ? null : this.decode(b, path);
  }

  /** A part's text from its bytes (PackageError("xml") when they are not text in the encoding it declares). */
  decode(bytes: Uint8Array, path: string): string {
    return decodePart(bytes, path, this.host.ascii);
  }

  /** The names of the parts as stored (and added), in order. */
  partNames(): string[] {
    const names = this.entries.map((e) => e.name).filter((n) => this.out.get(n.toLowerCase()) !== null);
    for (const [key, data] of this.out) if (data !== null && !this.entry(key)) names.push(this.newNames.get(key) ?? key);
    return names;
  }

  /** The uncompressed size of a stored part, as its directory declares it. */
  declaredSize(path: string): number {
    return this.entry(path)?.size ?? 0;
  }

  /** The relationships of a part ("" = the package's), read once. */
  rels(source: string): Rels {
    let r = this.relsCache.get(source);
    if (!r) {
      const path = source === "" ? "_rels/.rels" : relsPathOf(source);
      r = new Rels(source, this.text(path));
      this.relsCache.set(source, r);
    }
    return r;
  }

  /** A relationship type of this package's dialect ("worksheet" → its full URI). */
  relType(kind: string): string {
    return REL_PREFIX[this.dialect] + kind;
  }

  /** Put a part (new or changed; text, or pieces of text, is stored as UTF-8); a content type makes sure the package declares it. */
  put(path: string, data: string | string[] | Uint8Array, contentType?: string): void {
    let bytes: Uint8Array;
    if (data instanceof Uint8Array) bytes = data;
    else {
      const pieces = typeof data === "string" ? [data] : data.slice();
      if (pieces.length) pieces[0] = declareUtf8(pieces[0]);
      bytes = this.host.utf8(pieces);
    }
    this.out.set(path.toLowerCase(), bytes);
    if (!this.entry(path)) this.newNames.set(path.toLowerCase(), path);
    if (contentType) this.contentTypes.ensure(path, contentType);
  }

  private readonly newNames = new Map<string, string>();

  /** Remove a part (its Override goes too; the caller removes the relationships to it). */
  remove(path: string): void {
    this.out.set(path.toLowerCase(), null);
    this.contentTypes.forget(path);
  }

  /** The first free part name make(1), make(2), … */
  freeName(make: (n: number) => string): string {
    let n = 1;
    while (this.has(make(n))) n++;
    return make(n);
  }

  /** Relate `source` to `target` by a relationship of `kind`; returns the relationship id. */
  relate(source: string, kind: string, target: string): string {
    return this.rels(source).add(this.relType(kind), target).id;
  }

  /** The whole package after this run: changed parts compressed anew, every other entry copied as stored. */
  async save(): Promise<Uint8Array> {
    for (const r of this.relsCache.values()) {
      const text = r.output();
      if (text === null) continue;
      const path = r.source === "" ? "_rels/.rels" : relsPathOf(r.source);
      this.put(path, text);
      if (!this.contentTypes.typeOf(path)) this.contentTypes.ensure(path, CONTENT_TYPE.rels);
    }
    const ct = this.contentTypes.output();
    if (ct !== null) this.out.set("[content_types].xml", this.host.utf8([declareUtf8(ct)]));
    const entries: Promise<ZipEntry>[] = [];
    const written = new Set<string>();
    for (const e of this.entries) {
      const key = e.name.toLowerCase();
      const o = this.out.get(key);
      written.add(key);
      if (o === undefined) entries.push(Promise.resolve(e));
      else if (o !== null) entries.push(entryOfAsync(e.name, o, this.host.deflate, this.host.crc32));
    }
    for (const [key, data] of this.out) {
      if (written.has(key) || data === null) continue;
      entries.push(entryOfAsync(this.newNames.get(key) ?? key, data, this.host.deflate, this.host.crc32));
    }
    return writeZip(await Promise.all(entries));
  }
}
