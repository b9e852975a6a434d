// What a file that is not an .xlsx package is, from its first bytes: an Excel 97–2003 or WPS
// compound file (.xls, .et), an encrypted .xlsx (also a compound file), a web page or an Excel 2003
// XML sheet saved under a spreadsheet's name, Excel's lock file. The sentence then says what to do with it.
import type { PackageErrorKind } from "./errors";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ENCRYPTED = utf16("EncryptedPackage");

/** The kind of a file that is not a ZIP package. */
export function sniff(bytes: Uint8Array): PackageErrorKind {
  if (bytes.length === 0) return "empty";
  // Excel's and WPS's owner file (~$name.xlsx) beside an open workbook: the user's name as a length
  // byte and 54 bytes of ANSI, the length again, then the name in UTF-16 — 162 or 165 bytes in all.
  if ((bytes.length === 165 || bytes.length === 162) && bytes[0] >= 1 && bytes[0] <= 54 && bytes[55] === bytes[0] && bytes[56] === 0) return "lockfile";
  if (CFB.every((b, i) => bytes[i] === b)) return contains(bytes, ENCRYPTED) ? "encrypted" : "xls";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<")) {
    if (head.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml2003";
    if (/<(html|table|!doctype html)/.test(head)) return "html";
  }
  return "not-zip";
}
