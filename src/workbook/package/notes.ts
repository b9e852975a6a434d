// Cell notes (the comments part and its VML drawing). The user's notes are kept exactly as they are —
// their XML in the comments part, their shapes (size, position, "always show") in the VML — and
// only the notes of the result cells are removed and added: a removed note's <comment> and its shape
// are cut out, a new one is appended. A sheet without notes gets both parts, their relationships,
// content types and the sheet's <legacyDrawing>.
import { a1 } from "../codec";
import { fileSay } from "../../i18n/workbook";
import { PackageError } from "./errors";
import { CONTENT_TYPE, Package, relKind } from "./opc";
import type { Worksheet } from "./sheet";
import { appendChildren, applySplices, attr, child, children, descendants, escapeAttr, escapeText, isMain, nameIn, NS, parseTree, sibling, Splice, XElement } from "./xml";

export interface NoteChanges {
  /** Remove notes in these rectangles (results of an earlier run). */
  clears: { top: number; bottom: number; columns: Set<number> }[];
  /** Remove every note (a sheet the adapter writes whole). */
  clearAll: boolean;
  /** New notes by cell. */
  notes: Map<string, { row: number; col: number; text: string }>;
}

/** Shape ids of VML drawings come in blocks of 1024 per drawing (o:idmap); the next free block of the workbook. */
export class VmlBlocks {
  private next = -1;
  constructor(private readonly pkg: Package) {}
  take(count: number): number[] {
    if (this.next < 0) {
      this.next = 1;
      // Every VML part of the package, related or not: their blocks are taken.
      for (const name of this.pkg.partNames()) {
        if (!name.toLowerCase().endsWith(".vml")) continue;
        const text = this.pkg.text(name) ?? "";
        for (const m of text.matchAll(/data\s*=\s*["']([\d,\s]+)["']/g)) for (const n of m[1].split(",")) if (n.trim()) this.next = Math.max(this.next, Number(n) + 1);
      }
    }
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push(this.next++);
    return out;
  }
}

/** The cell a VML note shape is anchored to (x:Row and x:Column are 0-based), or null for other shapes. */
function noteCell(shape: XElement): { row: number; col: number } | null {
  const data = child(shape, "ClientData", NS.excel);
  if (!data || attr(data, "ObjectType") !== "Note") return null;
  const row = child(data, "Row", NS.excel);
  const col = child(data, "Column", NS.excel);
  if (!row || !col) return null;
  return { row: Number(row.text.trim()) + 1, col: Number(col.text.trim()) + 1 };
}

/**
 * Apply the note changes of one sheet: the comments and VML parts are patched (or created, or removed
 * when no note is left), and the splices the sheet part itself needs (its <legacyDrawing>) returned.
 */
export function patchNotes(pkg: Package, ws: Worksheet, changes: NoteChanges, blocks: VmlBlocks): Splice[] {
  const rels = pkg.rels(ws.path);
  const commentsRel = rels.find("comments");
  const legacy = ws.topElement("legacyDrawing");
  const legacyId = legacy ? legacy.attrs.find((a) => a.local === "id" && (a.uri === NS.rel || a.uri === "http://purl.oclc.org/ooxml/officeDocument/relationships"))?.value : undefined;
  const vmlRel = (legacyId ? rels.byId(legacyId) : undefined) ?? rels.find("vmlDrawing");
  const commentsPath = commentsRel ? rels.partOf(commentsRel) : null;
  const vmlPath = vmlRel ? rels.partOf(vmlRel) : null;
  const removed = (row: number, col: number) =>
    changes.clearAll || changes.notes.has(a1(row, col)) || changes.clears.some((x) => row >= x.top && row <= x.bottom && x.columns.has(col));

  // ---- the comments part
  const commentsText = commentsPath ? pkg.text(commentsPath) : null;
  const croot = commentsText !== null ? parseTree(commentsText, commentsPath as string) : null;
  if (croot && (croot.local !== "comments" || !isMain(croot.uri))) throw new PackageError("xml", `${commentsPath}|not a comments part`);
  const list = croot ? child(croot, "commentList") : undefined;
  const existing = list ? children(list, "comment") : [];
  const gone = existing.filter((c) => {
    const ref = attr(c, "ref") ?? "";
    const m = /^([A-Za-z]+)(\d+)/.exec(ref);
    if (!m) return false;
    const col = m[1].toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return removed(Number(m[2]), col);
  });
  if (!gone.length && !changes.notes.size) return [];
  const left = existing.length - gone.length + changes.notes.size;
  const sheetSplices: Splice[] = [];

  if (left === 0) {
    // No note is left: the comments part goes, and the VML too when it held nothing but notes.
    if (commentsPath && commentsRel) {
      pkg.remove(commentsPath);
      rels.remove(commentsRel);
    }
    if (vmlPath && vmlRel) {
      const vml = patchVml(pkg, vmlPath, removed, [], blocks);
      if (vml === "empty") {
        pkg.remove(vmlPath);
        rels.remove(vmlRel);
        if (legacy) sheetSplices.push({ start: legacy.start, end: legacy.end, text: "" });
      }
    }
    return sheetSplices;
  }

  const author = fileSay.noteAuthor;
  let commentsOut: string;
  const newNotes = [...changes.notes.values()];
  if (croot && commentsText !== null) {
    const splices: Splice[] = gone.map((c) => ({ start: c.start, end: c.end, text: "" }));
    const authorsEl = child(croot, "authors");
    const authors = authorsEl ? children(authorsEl, "author").map((a) => a.text) : [];
    let authorId = authors.indexOf(author);
    if (authorId < 0 && newNotes.length) {
      authorId = authors.length;
      if (authorsEl) splices.push(...appendChildren(authorsEl, `<${sibling(authorsEl, "author")}>${escapeText(author)}</${sibling(authorsEl, "author")}>`));
      else {
        authorId = 0;
        const a = sibling(croot, "authors");
        splices.push({ start: croot.openEnd, end: croot.openEnd, text: `<${a}><${sibling(croot, "author")}>${escapeText(author)}</${sibling(croot, "author")}></${a}>` });
        // existing comments' authorId 0 would now name this author: none exist without <authors> in a valid part
      }
    }
    const items = newNotes.map((n) => commentXml(list ?? croot, n, authorId)).join("");
    if (items) {
      if (list) splices.push(...appendChildren(list, items));
      else splices.push({ start: croot.closeStart, end: croot.closeStart, text: `<${sibling(croot, "commentList")}>${items}</${sibling(croot, "commentList")}>` });
    }
    commentsOut = applySplices(commentsText, splices);
  } else {
    const items = newNotes.map((n) => commentXml(null, n, 0)).join("");
    commentsOut = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"><authors><author>${escapeText(author)}</author></authors><commentList>${items}</commentList></comments>`;
  }
  const cPath = commentsPath ?? pkg.freeName((n) => `xl/comments${n}.xml`);
  pkg.put(cPath, commentsOut, CONTENT_TYPE.comments);
  if (!commentsRel) pkg.relate(ws.path, "comments", cPath);

  // ---- the VML drawing
  if (vmlPath && vmlRel) {
    patchVml(pkg, vmlPath, removed, newNotes, blocks);
    if (!legacy) sheetSplices.push(legacyDrawingSplice(pkg, ws, vmlRel.id));
  } else {
    const path = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
    pkg.put(path, newVml(newNotes, blocks), CONTENT_TYPE.vml);
    const id = pkg.relate(ws.path, "vmlDrawing", path);
    if (legacy) {
      // a <legacyDrawing> without its drawing: it now points to the new one
      sheetSplices.push({ start: legacy.start, end: legacy.end, text: legacyDrawingXml(pkg, ws, id) });
    } else sheetSplices.push(legacyDrawingSplice(pkg, ws, id));
  }
  void relKind;
  return sheetSplices;
}

function legacyDrawingXml(pkg: Package, ws: Worksheet, id: string): string {
  const root = ws.root as XElement;
  const el = nameIn(root, root.uri, "legacyDrawing", "x");
  const r = nameIn(root, pkg.dialect === "strict" ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : NS.rel, "id", "r", true);
  return `<${el.name}${el.decl}${r.decl} ${r.name}="${escapeAttr(id)}"/>`;
}

function legacyDrawingSplice(pkg: Package, ws: Worksheet, id: string): Splice {
  const at = ws.insertionPoint("legacyDrawing");
  return { start: at, end: at, text: legacyDrawingXml(pkg, ws, id) };
}

function commentXml(scope: XElement | null, n: { row: number; col: number; text: string }, authorId: number): string {
  const q = (l: string) => (scope ? sibling(scope, l) : l);
  return `<${q("comment")} ref="${a1(n.row, n.col)}" authorId="${authorId}"><${q("text")}><${q("r")}><${q("t")} xml:space="preserve">${escapeText(n.text)}</${q("t")}></${q("r")}></${q("text")}></${q("comment")}>`;
}

/** One note shape, as Excel and exceljs write a hidden note (v/o/x are the prefixes to use). */
function shapeXml(p: { v: string; o: string; x: string; decl: string }, id: number, row: number, col: number, z: number): string {
  const r = row - 1;
  const c = col - 1;
  const { v, o, x } = p;
  return (
    `<${v}:shape${p.decl} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${z};visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" ${o}:insetmode="auto">` +
    `<${v}:fill color2="infoBackground [80]"/><${v}:shadow color="none [81]" obscured="t"/><${v}:path ${o}:connecttype="none"/><${v}:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></${v}:textbox>` +
    `<${x}:ClientData ObjectType="Note"><${x}:MoveWithCells/><${x}:SizeWithCells/><${x}:Anchor>${c + 1}, 15, ${Math.max(0, r - 1)}, 10, ${c + 3}, 15, ${r + 3}, 4</${x}:Anchor><${x}:AutoFill>False</${x}:AutoFill><${x}:Row>${r}</${x}:Row><${x}:Column>${c}</${x}:Column></${x}:ClientData></${v}:shape>`
  );
}

const SHAPETYPE = (v: string, o: string) =>
  `<${v}:shapetype id="_x0000_t202" coordsize="21600,21600" ${o}:spt="202" path="m,l,21600r21600,l21600,xe"><${v}:stroke joinstyle="miter"/><${v}:path gradientshapeok="t" ${o}:connecttype="rect"/></${v}:shapetype>`;

function newVml(notes: { row: number; col: number }[], blocks: VmlBlocks): string {
  const ids = blocks.take(Math.max(1, Math.ceil(notes.length / 1023)));
  const p = { v: "v", o: "o", x: "x", decl: "" };
  const shapes = notes.map((n, i) => shapeXml(p, ids[Math.floor(i / 1023)] * 1024 + 1 + (i % 1023), n.row, n.col, i + 1));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xml xmlns:v="${NS.vml}" xmlns:o="${NS.office}" xmlns:x="${NS.excel}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${ids.join(",")}"/></o:shapelayout>` +
    SHAPETYPE("v", "o") +
    shapes.join("") +
    `</xml>`
  );
}

/**
 * Cut the note shapes of removed cells out of a VML drawing and append shapes for the new notes;
 * every other shape (the user's notes, form controls) stays as written. "empty" when no shape is left.
 */
function patchVml(pkg: Package, path: string, removed: (row: number, col: number) => boolean, notes: { row: number; col: number }[], blocks: VmlBlocks): "ok" | "empty" {
  const text = pkg.text(path);
  if (text === null) throw new PackageError("damaged", `missing ${path}`);
  const root = parseTree(text, path);
  const shapes = descendants(root, (e) => e.uri === NS.vml && e.local === "shape");
  const splices: Splice[] = [];
  let kept = 0;
  for (const s of shapes) {
    const cell = noteCell(s);
    if (cell && removed(cell.row, cell.col)) splices.push({ start: s.start, end: s.end, text: "" });
    else kept++;
  }
  if (kept === 0 && notes.length === 0) return "empty";
  if (notes.length) {
    const v = nameIn(root, NS.vml, "shape", "v");
    const o = nameIn(root, NS.office, "insetmode", "o", true);
    const x = nameIn(root, NS.excel, "ClientData", "x");
    const prefixOfName = (n: string) => n.slice(0, n.indexOf(":"));
    const p = { v: prefixOfName(v.name), o: prefixOfName(o.name), x: prefixOfName(x.name), decl: v.decl + o.decl + x.decl };
    // Shape ids: past the highest id the drawing has, inside the blocks its o:idmap lists (more blocks when needed).
    let max = 0;
    for (const s of shapes) {
      const m = /_x0000_s(\d+)$/.exec(attr(s, "id") ?? "");
      if (m) max = Math.max(max, Number(m[1]));
    }
    const idmap = descendants(root, (e) => e.uri === NS.office && e.local === "idmap")[0];
    const listed = (idmap ? attr(idmap, "data", "") ?? "" : "")
      .split(",")
      .map((n) => Number(n.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
    const ids: number[] = [];
    let next = max + 1;
    const blocksOf = new Set(listed);
    const extra: number[] = [];
    for (let i = 0; i < notes.length; i++) {
      let b = Math.floor(next / 1024);
      if (!blocksOf.has(b) || next % 1024 === 0) {
        const [fresh] = blocks.take(1);
        blocksOf.add(fresh);
        extra.push(fresh);
        b = fresh;
        next = fresh * 1024 + 1;
      }
      ids.push(next++);
      void b;
    }
    if (extra.length && idmap) {
      const data = [...listed, ...extra].join(",");
      const dataAttr = idmap.attrs.find((a) => a.local === "data" && a.uri === "");
      splices.push({ start: idmap.start, end: idmap.openEnd, text: rebuildTag(idmap, dataAttr?.name ?? "data", data) });
    }
    const hasType = descendants(root, (e) => e.uri === NS.vml && e.local === "shapetype" && attr(e, "id") === "_x0000_t202").length > 0;
    let inner = hasType ? "" : SHAPETYPE(p.v, p.o).replace(`<${p.v}:shapetype`, `<${p.v}:shapetype${p.decl}`);
    inner += notes.map((n, i) => shapeXml(p, ids[i], n.row, n.col, kept + i + 1)).join("");
    splices.push(...appendChildren(root, inner));
  }
  pkg.put(path, applySplices(text, splices));
  return "ok";
}

function rebuildTag(el: XElement, name: string, value: string): string {
  let s = `<${el.name}`;
  let found = false;
  for (const a of el.attrs) {
    if (a.name === name) {
      found = true;
      s += ` ${name}="${escapeAttr(value)}"`;
    } else s += ` ${a.name}="${escapeAttr(a.value)}"`;
  }
  if (!found) s += ` ${name}="${escapeAttr(value)}"`;
  return s + (el.selfClosing ? "/>" : ">");
}
