// The shared strings part: read in one streaming pass (each <si>'s text runs joined, phonetic runs
// left out, Excel's _xHHHH_ escapes decoded, as exceljs reads them), and written by appending only
// the texts that are not there yet — a text the part already holds as a plain item is reused, so a
// second run over its own output appends nothing.
import { PackageError } from "./errors";
import { decodeExcelEscapes, rootElement } from "./sheet";
import { escapeAttr, escapeText, FastPathDeclined, isMain, NS, streamParse, XElement } from "./xml";

export class SharedStrings {
  /** Text of each item, by index (null for an empty <si/>). */
  readonly items: (string | null)[] = [];
  /** Plain items (a single <t>, no runs) by text: the first index of each. */
  private readonly plain = new Map<string, number>();
  private readonly added = new Map<string, number>();
  private root: XElement | null = null;
  /** References to shared strings from cells, as the workbook counts them (set by the adapter). */
  count = 0;

  constructor(
    private readonly text: string | null,
    readonly path: string,
  ) {
    if (text === null) return;
    try {
      this.read(text, path, true);
    } catch (e) {
      if (!(e instanceof FastPathDeclined)) throw e;
      // The fast reader met XML it leaves to saxes: read again from the start.
      this.items.length = 0;
      this.plain.clear();
      this.root = null;
      this.read(text, path, false);
    }
    if (!this.root || this.root.local !== "sst" || !isMain(this.root.uri)) throw new PackageError("xml", `${path}|not a shared strings part`);
  }

  /** One pass over the part: the items by the fast reader (`fast`) or all of it by saxes. */
  private read(text: string, path: string, fast: boolean): void {
    let depth = 0;
    let inSi = false;
    let inT = false;
    let phonetic = 0;
    let runs = false;
    let s = "";
    streamParse(text, path, {
      open: (tag, start, openEnd, resolve) => {
        depth++;
        if (depth === 1) {
          this.root = rootElement(tag, start, openEnd, resolve);
          return;
        }
        if (!isMain(tag.uri)) return;
        if (depth === 2 && tag.local === "si") {
          inSi = true;
          s = "";
          runs = false;
          phonetic = 0;
        } else if (inSi) {
          if (tag.local === "rPh") phonetic = depth;
          else if (tag.local === "r") runs = true;
          else if (tag.local === "t" && !phonetic) inT = true;
        }
      },
      text: (t) => {
        if (inT) s += t;
      },
      close: (tag, closeStart, end) => {
        if (depth === 1 && this.root) {
          this.root.end = end;
          this.root.closeStart = closeStart;
        } else if (inSi) {
          if (depth === 2) {
            inSi = false;
            const value = decodeExcelEscapes(s);
            const index = this.items.length;
            this.items.push(tag.isSelfClosing ? null : value);
            if (!runs && !tag.isSelfClosing && !this.plain.has(value)) this.plain.set(value, index);
          } else if (inT && tag.local === "t") inT = false;
          else if (phonetic === depth) phonetic = 0;
        }
        depth--;
      },
    }, 1, fast ? { local: "sst", depth: 1 } : undefined);
  }

  /** The index of a text, appended when the part does not hold it yet. */
  index(text: string): number {
    const i = this.plain.get(text) ?? this.added.get(text);
    if (i !== undefined) return i;
    const n = this.items.length + this.added.size;
    this.added.set(text, n);
    return n;
  }

  get changed(): boolean {
    return this.added.size > 0;
  }

  /** The part with the new texts appended and its counts updated, as pieces of text (one per new item: no copy of the whole part is made). */
  output(): string[] {
    const p = this.root?.prefix ? `${this.root.prefix}:` : "";
    const items = [...this.added.keys()].map((t) => `<${p}si><${p}t xml:space="preserve">${escapeText(t)}</${p}t></${p}si>`);
    const unique = this.items.length + this.added.size;
    if (!this.root || this.text === null) {
      return [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${unique}">`, ...items, "</sst>"];
    }
    const root = this.root;
    let tag = `<${root.name}`;
    const set: Record<string, string> = { count: String(this.count), uniqueCount: String(unique) };
    for (const a of root.attrs) {
      if (a.uri === "" && a.name in set) continue;
      tag += ` ${a.name}="${escapeAttr(a.value)}"`;
    }
    tag += ` count="${set.count}" uniqueCount="${set.uniqueCount}">`;
    if (root.selfClosing) return [this.text.slice(0, root.start) + tag, ...items, `</${root.name}>` + this.text.slice(root.end)];
    return [this.text.slice(0, root.start) + tag, this.text.slice(root.openEnd, root.closeStart), ...items, this.text.slice(root.closeStart)];
  }
}
