// A part's UTF-8 bytes written directly, for the one part that is big: a worksheet whose rows gain
// results. Building its text as pieces (a string per cell, several per row) and encoding them after
// kept a million small strings alive at once (issue 10: at 100,000 rows the collector's work was a
// third of the run); here a cell's XML goes straight into one buffer, and the unchanged runs of an
// ASCII part are copied from its original bytes, with no string made for them at all.

import { isUtf8Part } from "./xml";

const encoder = new TextEncoder();

/** Strings longer than this are encoded in one call instead of character by character. */
const LONG = 256;

export class ByteWriter {
  private buf: Uint8Array;
  /** Bytes written so far. */
  length = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Text as UTF-8 (lone surrogates as U+FFFD, as TextEncoder writes them). */
  text(s: string): void {
    const n = s.length;
    if (n > LONG) {
      this.long(s);
      return;
    }
    this.room(n * 3);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.length = at;
        this.long(i === 0 ? s : s.slice(i));
        return;
      }
      buf[at++] = c;
    }
    this.length = at;
  }

  private long(s: string): void {
    this.room(s.length * 3);
    const { written } = encoder.encodeInto(s, this.buf.subarray(this.length));
    this.length += written;
  }

  /** A non-negative integer's decimal digits (as String(n) writes them, for n < 2^53). */
  uint(n: number): void {
    if (n < 10) {
      this.room(1);
      this.buf[this.length++] = 0x30 + n;
      return;
    }
    let digits = 1;
    for (let k = n; k >= 10; k = Math.floor(k / 10)) digits++;
    this.room(digits);
    let at = this.length + digits;
    this.length = at;
    for (let k = n; digits > 0; digits--) {
      const q = Math.floor(k / 10);
      this.buf[--at] = 0x30 + (k - q * 10);
      k = q;
    }
  }

  /** A column's letters (1 → A, 28 → AB), as columnLetters writes them. */
  column(col: number): void {
    let len = 0;
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) len++;
    this.room(len);
    let at = this.length + len;
    this.length = at;
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) this.buf[--at] = 65 + ((n - 1) % 26);
  }

  /** Bytes copied as they are. */
  bytes(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    this.room(n);
    if (n < 64) {
      const buf = this.buf;
      let at = this.length;
      for (let i = from; i < to; i++) buf[at++] = src[i];
    } else this.buf.set(src.subarray(from, to), this.length);
    this.length += n;
  }

  /** What was written (a view of the writer's buffer). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/**
 * The bytes a part's text was decoded from, when every character is one byte of them (UTF-8 of
 * ASCII only, no byte-order mark: any other character of UTF-8 takes more bytes than UTF-16 units):
 * a range of the text is then the same range of the bytes. Else null.
 */
export function asciiSource(text: string, bytes: Uint8Array | null): Uint8Array | null {
  return bytes !== null && bytes.length === text.length && isUtf8Part(bytes) ? bytes : null;
}
