// Big values cross between the page and the engine's worker in pieces (issue #12). A message is
// copied (structured clone) on the sending thread when it is posted and on the receiving thread when
// it is read, each in one go: a 20,000-row table posted whole held the page for 140 ms on a loaded
// machine. So every long array inside a message (a table's rows, a column's values, the findings) is
// taken out and sent ahead as pieces of about PIECE_CELLS cells, each its own message; the message
// itself follows with a marker where each array was, and the receiver puts the arrays back. Messages
// between a page and its worker arrive in the order they were sent. Host-free: no DOM here.

/** Cells (or items) in one piece. */
export const PIECE_CELLS = 8192;
/** Arrays of more items than this travel in pieces. */
const LONG = 1024;
/** How deep into a message long arrays are looked for (a port call's arguments: args → columns → column → values). */
const DEPTH = 4;
/** The marker left where a long array was (no cell value or engine result is an object with this key). */
const MARK = "__assessPieces";

interface Marker {
  [MARK]: number;
}

/** A long array's pieces, in order: `array` is its index in the message (the order the walk meets them). */
export interface Piece {
  array: number;
  items: unknown[];
}

/** Arrays and plain objects are looked into; anything else (bytes, a Date, a Map) travels as it is. */
function plain(v: unknown): v is Record<string, unknown> | unknown[] {
  if (typeof v !== "object" || v === null) return false;
  if (Array.isArray(v)) return true;
  // A plain object's prototype is an Object.prototype (of whichever realm made it: a structured clone in
  // a test runner may come from another), whose own prototype is null.
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function isMarker(v: unknown): v is Marker {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as Record<string, unknown>)[MARK] === "number";
}

/** Items per piece: rows of a grid count by their cells. */
function itemsPerPiece(a: readonly unknown[]): number {
  const first = a[0];
  const width = Array.isArray(first) ? first.length : typeof first === "object" && first !== null ? Object.keys(first).length : 1;
  return Math.max(1, Math.floor(PIECE_CELLS / Math.max(1, width)));
}

/**
 * `value` without its long arrays (markers in their place, objects and arrays on the way copied
 * shallowly; `value` itself is not changed) and the arrays' pieces.
 */
export function split(value: unknown): { head: unknown; pieces: Piece[] } {
  const pieces: Piece[] = [];
  let arrays = 0;
  const walk = (v: unknown, depth: number): unknown => {
    if (!plain(v)) return v;
    if (Array.isArray(v)) {
      if (v.length > LONG) {
        const n = arrays++;
        const per = itemsPerPiece(v);
        for (let i = 0; i < v.length; i += per) pieces.push({ array: n, items: v.slice(i, i + per) });
        const mark: Marker = { [MARK]: n };
        return mark;
      }
      return depth < DEPTH ? v.map((x) => walk(x, depth + 1)) : v;
    }
    if (depth >= DEPTH) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, depth + 1);
    return out;
  };
  const head = walk(value, 0);
  return { head, pieces };
}

/**
 * The pieces that came ahead of messages, kept by call until the message itself arrives (the page
 * and the worker each keep one: a port call's result, its arguments, a run's value).
 */
export class Assemblies {
  private readonly byCall = new Map<number, Assembly>();

  /** A piece of the message of `call`. */
  add(call: number, piece: Piece): void {
    let a = this.byCall.get(call);
    if (!a) this.byCall.set(call, (a = new Assembly()));
    a.add(piece);
  }

  /** The message of `call` with its pieces put back in place of the markers of `head` (the pieces then forgotten). */
  take(call: number, head: unknown): unknown {
    const a = this.byCall.get(call);
    this.byCall.delete(call);
    return a ? a.finish(head) : head;
  }
}

/** Collects the pieces of one message, then puts its long arrays back. */
export class Assembly {
  private readonly arrays: unknown[][] = [];

  add(piece: Piece): void {
    const a = (this.arrays[piece.array] ??= []);
    for (const x of piece.items) a.push(x);
  }

  /** The message's value with its long arrays in place of the markers. */
  finish(head: unknown): unknown {
    if (!this.arrays.length) return head;
    const walk = (v: unknown, depth: number): unknown => {
      if (isMarker(v)) return this.arrays[v[MARK]] ?? [];
      if (!plain(v) || depth >= DEPTH) return v;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) v[i] = walk(v[i], depth + 1);
        return v;
      }
      for (const k of Object.keys(v)) v[k] = walk(v[k], depth + 1);
      return v;
    };
    return walk(head, 0);
  }
}
