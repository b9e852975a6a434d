// Reading cell values as the domain needs them: numbers (full-width digits, trailing %),
// vocabulary terms (是/否, 过得硬 …) and text. Blank, text and error cells are never zero (POLICY.md §5).
import { CellValue, isCellError } from "./types";

// readNumber runs once per score cell and per function argument: it reads these builtins from module
// constants rather than the global object (see decimal.ts: in Node's vm each global lookup is costly).
const isFiniteNumber = Number.isFinite;
const sameValue = Object.is;

/** Full-width → half-width (Ａ→A, ９→9, ％→%, ．→., ideographic space → space). */
export function foldWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

const NORMAL = 0;
const UPPER_ASCII = 1;
const OTHER = 2;

/** What normalizeText has to do to s: nothing, only lower-case ASCII, or the full folding. */
function normalization(s: string): number {
  let need = NORMAL;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c <= 0x20 || c === 0x7f) return OTHER;
      if (c >= 0x41 && c <= 0x5a) need = UPPER_ASCII;
    } else if (c < 0x3400 || c > 0x9fff) {
      return OTHER; // beyond ASCII and CJK ideographs: let the full path decide
    }
  }
  return need;
}

/** The form in which text is compared: width-folded, trimmed, case-folded, inner whitespace collapsed. */
export function normalizeText(s: string): string {
  // Most cells (IDs, 是/否, 过得硬) need little or nothing; scanning is far cheaper than three regexes.
  const need = normalization(s);
  if (need === NORMAL) return s;
  if (need === UPPER_ASCII) return s.toLowerCase();
  return foldWidth(s).trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * A character trim() never removes: printable ASCII or a CJK ideograph. Checking the ends of a cell
 * for these is much cheaper than trim() on every cell of a million-row table.
 */
function solid(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c >= 0x3400 && c <= 0x9fff);
}

export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  return !solid(v.charCodeAt(0)) && v.trim() === "";
}

/** A cell as display text (for ids, names, groups). Error cells and dates are described, not hidden. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return solid(v.charCodeAt(0)) && solid(v.charCodeAt(v.length - 1)) ? v : v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(Object.is(v, -0) ? 0 : v) : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  // Not a cell value (a host handed something else): its JSON, never "[object Object]".
  return JSON.stringify(v) ?? "";
}

export type NumberRead =
  | { ok: true; value: number }
  | { ok: false; reason: "blank" }
  | { ok: false; reason: "not-a-number"; shown: string };

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A number from a cell. Numbers are taken as they are; text is width-folded and may carry a
 * trailing % ("90%" on a 0–100 scale is 90, INTERFACES.md §1a). Booleans, dates, errors,
 * NaN and ±Infinity are not numbers.
 */
export function readNumber(v: CellValue): NumberRead {
  if (isBlank(v)) return { ok: false, reason: "blank" };
  if (typeof v === "number") {
    if (!isFiniteNumber(v)) return { ok: false, reason: "not-a-number", shown: String(v) };
    return { ok: true, value: sameValue(v, -0) ? 0 : v };
  }
  if (typeof v === "string") {
    let s = foldWidth(v).trim().replace(/,/g, "");
    if (s.endsWith("%")) s = s.slice(0, -1).trim();
    if (NUMERIC.test(s)) {
      const n = Number(s);
      if (isFiniteNumber(n)) return { ok: true, value: sameValue(n, -0) ? 0 : n };
    }
    return { ok: false, reason: "not-a-number", shown: truncate(v.trim()) };
  }
  return { ok: false, reason: "not-a-number", shown: truncate(cellText(v)) };
}

/** Display width of a text (a terminal's columns, a cell's characters): CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

/** Shorten long cell text for messages (a 10,000-character cell must not flood a finding). */
export function truncate(s: string, max = 40): string {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max).join("") + "…" : s;
}

/** A vocabulary: canonical value → accepted spellings. */
export type Vocabulary<K extends string> = Record<K, readonly string[]>;

/**
 * Look a cell up in a vocabulary. Booleans are read as their TRUE/FALSE text and numbers
 * as their digits, so 1/0 and TRUE/FALSE work in yes/no columns.
 */
export function lookupTerm<K extends string>(v: CellValue, vocab: Vocabulary<K>): K | undefined {
  return compiled(vocab).get(normalizeText(cellText(v)));
}

// Each vocabulary object is compiled once into normalized spelling → key (vocabularies are policy data).
const compiledVocabularies = new WeakMap<object, Map<string, string>>();
function compiled<K extends string>(vocab: Vocabulary<K>): Map<string, K> {
  let map = compiledVocabularies.get(vocab);
  if (!map) {
    map = new Map();
    for (const k of Object.keys(vocab) as K[]) for (const term of vocab[k]) if (!map.has(normalizeText(term))) map.set(normalizeText(term), k);
    compiledVocabularies.set(vocab, map);
  }
  return map as Map<string, K>;
}

/** A 32-bit hash of a text (FNV-1a over its UTF-16 code units), for repeatedGroups. */
export function hashText(s: string): number {
  let h = 0x811c9dc5;
  for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), 0x01000193);
  return h ^ (h >>> 16);
}

/**
 * The hash repeatedGroups wants of a text compared as normalizeText compares it: 0 for "" (no key),
 * otherwise hashText(normalizeText(s)) made non-zero. Made without the normalized text when only ASCII
 * case differs: IDs such as "K0001234" would otherwise each become a new lower-case string.
 */
export function keyHash(s: string): number {
  if (s === "") return 0;
  let h: number;
  if (normalization(s) === OTHER) h = hashText(normalizeText(s));
  else {
    h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c + 0x20 : c), 0x01000193);
    }
    h ^= h >>> 16;
  }
  return h === 0 ? 1 : h;
}

/** A row whose every cell is blank (skipped, not reported). */
export function isBlankRow(cells: readonly CellValue[]): boolean {
  for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) return false;
  return true;
}

/** A non-zero hash of a keyHash and a small number (a ballot's subject, a questionnaire's unit), for repeatedGroups. */
export function pairHash(textHash: number, n: number): number {
  let h = Math.imul(textHash ^ (n + 1), 0x01000193);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/**
 * Groups of equal keys (repeated IDs) among items 0 … count − 1: each group lists its indices in
 * order, and groups come in the order their second member appears. hashes[i] is keyHash of item i's
 * text (0: no key), made by the caller while it had the text at hand; keyOf(i) is the compared key,
 * asked for only when two hashes agree. Linear time through an open-addressing table of indices (a Map
 * of a million fresh strings costs ~0.5 s here, this a fifth of that).
 */
export function repeatedGroups(count: number, hashes: Int32Array, keyOf: (i: number) => string): number[][] {
  let size = 1024;
  while (size < 2 * count) size *= 2; // at most half full: probe runs stay short
  const mask = size - 1;
  // Slot s holds 1 + the index of the first item hashed there (0 = empty).
  const slots = scratchInt32("repeatedGroups", size).fill(0);
  const groups: number[][] = [];
  let groupOf: Map<number, number[]> | null = null; // first index → its group, once a repeat is seen
  for (let i = 0; i < count; i++) {
    const h = hashes[i];
    if (h === 0) continue;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const first = slots[s] - 1;
      if (first < 0) {
        slots[s] = i + 1;
        break;
      }
      if (hashes[first] === h && keyOf(first) === keyOf(i)) {
        groupOf ??= new Map();
        let group = groupOf.get(first);
        if (!group) {
          groupOf.set(first, (group = [first]));
          groups.push(group);
        }
        group.push(i);
        break;
      }
    }
  }
  return groups;
}

/**
 * Scratch arrays kept from one computation to the next, for work that lives only during a call (hash
 * tables, lists of members). A typed array's memory is external to V8's heap, and every 64 MB of new
 * external memory starts a full collection of the whole heap — the input table included, 0.2–0.3 s at
 * a million rows — so allocating the scratch afresh cost a full collection every other computation.
 * The contents are whatever the last user left: callers that need zeros fill them. Computations are
 * synchronous, and each name has one user at a time.
 */
const scratchBuffers = new Map<string, Int32Array>();
export function scratchInt32(name: string, n: number): Int32Array {
  let a = scratchBuffers.get(name);
  if (!a || a.length < n) scratchBuffers.set(name, (a = new Int32Array(Math.max(n, 1024))));
  return a.subarray(0, n);
}

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}
