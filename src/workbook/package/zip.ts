// The ZIP container of an .xlsx package. fflate does the work that is easy to get wrong — inflating
// (into a buffer of the declared size, so a lying entry cannot grow past it), deflating and CRC-32 —
// and runs in Node and in browsers alike. This file reads the directory records fflate's archive API
// keeps to itself: where each entry's compressed bytes are and its CRC, which the adapter needs to
// check every part it reads and to copy every part it does not change compressed, byte for byte
// (fflate's unzip hands out inflated data only, and its zip re-compresses). Every field is bounds-
// checked; ZIP64, data descriptors, directory entries and stored entries are read; encrypted entries
// and other compression methods are refused with a PackageError.
import { deflateSync, inflateSync, ZipPassThrough } from "fflate";
import { PackageError } from "./errors";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date as stored. */
  time: number;
  date: number;
  /** The compressed bytes, as stored in the file. */
  raw: Uint8Array;
}

/** Bounds on what a package may make this process hold (zip bombs, huge sheets): README "Limits". */
export interface ZipLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Uncompressed bytes of one entry that is read. */
  maxEntrySize: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalSize: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntrySize: 400 * 1024 * 1024,
  maxTotalSize: 2 * 1024 * 1024 * 1024,
};

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}
function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, p: number): number {
  const n = u32(b, p) + u32(b, p + 4) * 0x1_0000_0000;
  if (!Number.isSafeInteger(n)) throw new PackageError("damaged", "ZIP64 size beyond 2^53");
  return n;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });
const latin1 = new TextDecoder("latin1");

/** The end-of-central-directory record's offset, or −1. */
function findEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && u32(bytes, i) === EOCD) return i;
  }
  return -1;
}

/** Every entry of a ZIP file, in central-directory order. Throws PackageError("not-zip" | "damaged" | …). */
export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  const eocd = findEnd(bytes);
  if (eocd < 0) throw new PackageError(bytes.length >= 4 && u32(bytes, 0) === LOCAL ? "truncated" : "not-zip");
  let count = u16(bytes, eocd + 10);
  let dirSize = u32(bytes, eocd + 12);
  let dirOffset = u32(bytes, eocd + 16);
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0) throw new PackageError("damaged", "multi-volume archive");
  if (eocd >= 20 && u32(bytes, eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(bytes, eocd - 12);
    if (at + 56 > bytes.length || u32(bytes, at) !== EOCD64) throw new PackageError("damaged", "ZIP64 directory record");
    count = u64(bytes, at + 32);
    dirSize = u64(bytes, at + 40);
    dirOffset = u64(bytes, at + 48);
  }
  if (count > limits.maxEntries) throw new PackageError("too-large", `${count} entries`);
  if (dirOffset + dirSize > bytes.length) throw new PackageError("truncated");
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) throw new PackageError("damaged", "central directory");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let local = u32(bytes, p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw new PackageError("damaged", "central directory");
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    // ZIP64 extra field: the sizes and offset that do not fit 32 bits, in this order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || local === 0xffffffff) {
      let q = p + 46 + nameLength;
      const stop = q + extraLength;
      let found = false;
      while (q + 4 <= stop) {
        const id = u16(bytes, q);
        const len = u16(bytes, q + 2);
        if (id === 1) {
          let r = q + 4;
          if (size === 0xffffffff) {
            size = u64(bytes, r);
            r += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, r);
            r += 8;
          }
          if (local === 0xffffffff) local = u64(bytes, r);
          found = true;
          break;
        }
        q += 4 + len;
      }
      if (!found) throw new PackageError("damaged", "ZIP64 field missing");
    }
    if (flags & 0x41) throw new PackageError("encrypted");
    if (method !== 0 && method !== 8) throw new PackageError("method", String(method));
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) throw new PackageError("damaged", `local header of ${name}`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compressedSize > bytes.length) throw new PackageError("truncated");
    if (method === 0 && compressedSize !== size) throw new PackageError("damaged", `stored entry ${name}`);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new PackageError("damaged", `duplicate entry ${name}`);
    seen.add(key);
    total += size;
    if (total > limits.maxTotalSize) throw new PackageError("too-large", "inflated size");
    entries.push({ name, method, flags, crc, compressedSize, size, time, date, raw: bytes.subarray(start, start + compressedSize) });
    p = end;
  }
  return entries;
}

/** CRC-32 of data (fflate's, through its pass-through ZIP stream, the one public door to it). */
export function crc32(data: Uint8Array): number {
  const z = new ZipPassThrough("");
  z.ondata = () => undefined;
  z.push(data, true);
  return z.crc >>> 0;
}

/**
 * Raw inflate into at most `limit` bytes: more data than that is cut off (the caller then sees the
 * wrong length), never allocated. A host may pass a native one that keeps the same promise.
 */
export type Inflate = (raw: Uint8Array, limit: number) => Uint8Array;

export const fflateInflate: Inflate = (raw, limit) => inflateSync(raw, { out: new Uint8Array(limit) });

/** The uncompressed bytes of an entry, CRC-checked; never more than its declared size. */
export function inflate(entry: ZipEntry, limits: ZipLimits = DEFAULT_LIMITS, crc: (data: Uint8Array) => number = crc32, inflater: Inflate = fflateInflate): Uint8Array {
  if (entry.size > limits.maxEntrySize) throw new PackageError("too-large", entry.name);
  let data: Uint8Array;
  if (entry.method === 0) data = entry.raw;
  else {
    try {
      // One byte more than declared: an entry that inflates past its size is caught below, not grown.
      data = inflater(entry.raw, entry.size + 1);
    } catch {
      throw new PackageError("damaged", entry.name);
    }
  }
  if (data.length !== entry.size) throw new PackageError("damaged", entry.name);
  if (crc(data) >>> 0 !== entry.crc) throw new PackageError("crc", entry.name);
  return data;
}

/** Deflate (raw), as the adapter compresses new and changed parts. A host may pass a faster native one, or one that works off the main thread. */
export type Deflate = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** fflate's deflate at level 4: on a 100,000-row sheet close to level 6's size in half the time. */
export const fflateDeflate: Deflate = (data) => deflateSync(data, { level: 4 });

/** A new entry from uncompressed bytes (deflated; dated 1980-01-01, as fflate and exceljs date them when told nothing). */
export function entryOf(name: string, data: Uint8Array, deflate: (data: Uint8Array) => Uint8Array = fflateDeflate as (data: Uint8Array) => Uint8Array, crc: (data: Uint8Array) => number = crc32): ZipEntry {
  const raw = deflate(data);
  return { name, method: 8, flags: 0x800, crc: crc(data) >>> 0, compressedSize: raw.length, size: data.length, time: 0, date: 0x21, raw };
}

/** The same, with a deflate that may work off the main thread (the entries of a package compress side by side). */
export async function entryOfAsync(name: string, data: Uint8Array, deflate: Deflate, crc: (data: Uint8Array) => number = crc32): Promise<ZipEntry> {
  const raw = await deflate(data);
  return { name, method: 8, flags: 0x800, crc: crc(data) >>> 0, compressedSize: raw.length, size: data.length, time: 0, date: 0x21, raw };
}

const encoder = new TextEncoder();

/**
 * A ZIP file of the entries, in order: local headers with the sizes and CRC (no data descriptors,
 * which some readers refuse on stored entries), names in UTF-8; no ZIP64 (an archive that would
 * need it, past 4 GB or 65,535 entries, is refused: the read limits keep a package far below both).
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  let dataSize = 0;
  let dirSize = 0;
  entries.forEach((e, i) => {
    dataSize += 30 + names[i].length + e.compressedSize;
    dirSize += 46 + names[i].length;
  });
  const zip64 = dataSize + dirSize > 0xfffffff0 || entries.length >= 0xffff;
  if (zip64) throw new PackageError("too-large", "output over 4 GB");
  const out = new Uint8Array(dataSize + dirSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    view.setUint32(p, LOCAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x800, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.compressedSize, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(e.raw, p + 30 + names[i].length);
    p += 30 + names[i].length + e.compressedSize;
  });
  const dir = p;
  entries.forEach((e, i) => {
    view.setUint32(p, CENTRAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x800, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.compressedSize, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, names[i].length, true);
    // a directory entry keeps the MS-DOS directory attribute
    if (e.name.endsWith("/")) view.setUint32(p + 38, 0x10, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, EOCD, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - dir, true);
  view.setUint32(p + 16, dir, true);
  return out;
}
