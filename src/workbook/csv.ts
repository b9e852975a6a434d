// CSV files as staff export them (Excel's "CSV UTF-8" and plain "CSV", WPS, other systems): UTF-8
// with or without a byte-order mark, UTF-16 with one, or GBK/GB18030 (what Chinese Windows writes as
// plain CSV). RFC 4180 fields: commas (or tabs, or semicolons, whichever the first line uses), double
// quotes around a field that holds them, "" for a quote, CRLF or LF. Host-free.
import type { CellValue } from "../engine/types";

/** The text of a CSV file's bytes and the encoding it was read in. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  const tryDecode = (label: string, data: Uint8Array) => new TextDecoder(label, { fatal: true }).decode(data);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: tryDecode("utf-8", bytes.subarray(3)), encoding: "UTF-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: tryDecode("utf-16le", bytes.subarray(2)), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: tryDecode("utf-16be", bytes.subarray(2)), encoding: "UTF-16BE" };
  try {
    return { text: tryDecode("utf-8", bytes), encoding: "UTF-8" };
  } catch {
    // not UTF-8: the Chinese ANSI code page (GBK, read as its superset GB18030)
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "GBK" };
  }
}

/** The field separator the first line uses: comma unless it has none and has tabs (or semicolons). */
function separatorOf(text: string): string {
  const end = text.indexOf("\n");
  const first = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => first.split(c).length - 1;
  if (count(",") > 0) return ",";
  if (count("\t") > 0) return "\t";
  if (count(";") > 0) return ";";
  return ",";
}

/** A field as a cell value: plain decimal numbers become numbers (as Excel opens them), with no leading zeros to lose; the rest stays text. */
function cellOf(field: string): CellValue {
  if (field === "") return null;
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(field)) return Number(field);
  return field;
}

/** The rows of a CSV text (fields as cell values). */
export function parseCsv(text: string): CellValue[][] {
  const sep = separatorOf(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(cellOf(field));
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === sep) endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else if (c === "\n" || c === "\r") endRow();
    else field += c;
    i++;
  }
  if (field !== "" || row.length) endRow();
  return rows;
}
