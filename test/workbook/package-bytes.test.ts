// The package adapter writes a changed sheet's bytes directly (src/workbook/package/bytes.ts,
// Worksheet.output, writeCell): numbers, column letters and text as UTF-8 straight into one buffer,
// and the unchanged ranges of an ASCII part copied from its original bytes. Every expected value
// below is worked out by hand (the UTF-8 bytes from the code points, the XML from the cells written).
import { asciiSource, ByteWriter } from "../../src/workbook/package/bytes";
import { CellEdit, Worksheet, writeCell } from "../../src/workbook/package/sheet";
import { Styles } from "../../src/workbook/package/styles";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(" ");
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe("ByteWriter", () => {
  test("integers as String(n) writes them", () => {
    const w = new ByteWriter(16);
    for (const n of [0, 7, 9, 10, 99, 100, 1234567, 1048576, 9007199254740991]) {
      w.uint(n);
      w.text(",");
    }
    expect(decode(w.result())).toBe("0,7,9,10,99,100,1234567,1048576,9007199254740991,");
  });

  test("column letters: 1 A, 26 Z, 27 AA, 52 AZ, 53 BA, 702 ZZ, 703 AAA, 16384 XFD", () => {
    // 702 = 26·26 + 26 → ZZ; 703 = 26² + 26 + 1 → AAA; 16384 = 24·676 + 6·26 + 4 → X F D
    const w = new ByteWriter(4);
    for (const c of [1, 26, 27, 52, 53, 702, 703, 16384]) {
      w.column(c);
      w.text(" ");
    }
    expect(decode(w.result())).toBe("A Z AA AZ BA ZZ AAA XFD ");
  });

  test("text as UTF-8: ASCII, then a CJK character (3 bytes) and a character beyond the BMP (4 bytes)", () => {
    const w = new ByteWriter(2);
    w.text("a<");
    w.text("中x"); // U+4E2D = 0100 1110 0010 1101 → 1110 0100, 10 111000, 10 101101 = e4 b8 ad
    w.text("\u{1F600}"); // U+1F600 → f0 9f 98 80
    expect(hex(w.result())).toBe("61 3c e4 b8 ad 78 f0 9f 98 80");
  });

  test("a long text (past the character-by-character path) and a long one with CJK in it", () => {
    const w = new ByteWriter(8);
    const long = "ab".repeat(200); // 400 characters, 400 bytes
    w.text(long);
    w.text("甲".repeat(300)); // U+7532 → e7 94 b2, 300 times: 900 bytes
    const out = w.result();
    expect(out.length).toBe(400 + 900);
    expect(decode(out.subarray(0, 400))).toBe(long);
    expect(hex(out.subarray(400, 406))).toBe("e7 94 b2 e7 94 b2");
  });

  test("bytes copied: short and long ranges, past the initial capacity", () => {
    const src = ascii("0123456789".repeat(20)); // 200 bytes
    const w = new ByteWriter(16);
    w.bytes(src, 3, 7); // "3456"
    w.bytes(src, 10, 110); // 100 bytes: "0123456789" × 10
    w.bytes(src, 5, 5); // nothing
    expect(decode(w.result())).toBe("3456" + "0123456789".repeat(10));
  });
});

describe("asciiSource: a part's bytes stand for its text only when each character is one byte", () => {
  test.each([
    ["ASCII UTF-8 without a declaration", ascii('<a x="1"/>'), true],
    ["ASCII with a UTF-8 declaration", ascii('<?xml version="1.0" encoding="UTF-8"?><a/>'), true],
    // A byte-order mark is 3 bytes the text does not have
    ["a UTF-8 byte-order mark", Uint8Array.from([0xef, 0xbb, 0xbf, ...ascii("<a/>")]), false],
    // 中 is 3 bytes, 1 character
    ["UTF-8 beyond ASCII", Uint8Array.from([...ascii("<a>"), 0xe4, 0xb8, 0xad, ...ascii("</a>")]), false],
    // é as one byte of ISO-8859-1 is one character too, but the part is written back as UTF-8 (2 bytes)
    ["a one-byte encoding beyond ASCII", Uint8Array.from([...ascii('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...ascii("</a>")]), false],
  ])("%s", (_, bytes, expected) => {
    const label = /encoding="([^"]+)"/.exec(decode(bytes))?.[1] ?? "utf-8";
    const text = new TextDecoder(label).decode(bytes);
    expect(asciiSource(text, bytes) === bytes).toBe(expected);
  });
});

describe("writeCell: the XML of a written cell", () => {
  const styles = () => new Styles(null, "xl/styles.xml");
  const cell = (e: Partial<CellEdit> & { col: number }, prefix = "", strings: string[] = []) => {
    const w = new ByteWriter(8);
    const ctx = { styles: styles(), date1904: false, sharedString: (s: string) => strings.push(s) - 1 + 10 };
    writeCell(w, prefix, 12, { xf: 0, set: true, value: null, ...e }, ctx);
    return decode(w.result());
  };

  test.each([
    ["a blank cell", { col: 1 }, '<c r="A12"/>'],
    ["a blank cell with a format", { col: 2, xf: 3 }, '<c r="B12" s="3"/>'],
    ["an integer", { col: 3, value: 95 }, '<c r="C12"><v>95</v></c>'],
    ["a negative integer", { col: 3, value: -7 }, '<c r="C12"><v>-7</v></c>'],
    ["a decimal", { col: 28, xf: 5, value: 84.55 }, '<c r="AB12" s="5"><v>84.55</v></c>'],
    ["a very large number", { col: 1, value: 1e21 }, '<c r="A12"><v>1e+21</v></c>'],
    ["true", { col: 1, value: true }, '<c r="A12" t="b"><v>1</v></c>'],
    ["false", { col: 1, value: false }, '<c r="A12" t="b"><v>0</v></c>'],
    ["an error, escaped", { col: 1, value: { error: "#N/A<" } }, '<c r="A12" t="e"><v>#N/A&lt;</v></c>'],
  ])("%s", (_, e, expected) => {
    expect(cell(e as CellEdit)).toBe(expected);
  });

  test("text goes to the shared strings (never inline), in the order written; a prefix is used on every element", () => {
    const strings: string[] = [];
    const a = cell({ col: 1, value: "优秀" }, "x:", strings);
    const b = cell({ col: 16384, xf: 2, value: "称职" }, "x:", strings);
    // the context numbers strings from 10: 优秀 → 10, 称职 → 11
    expect([a, b, strings]).toEqual(['<x:c r="A12" t="s"><x:v>10</x:v></x:c>', '<x:c r="XFD12" s="2" t="s"><x:v>11</x:v></x:c>', ["优秀", "称职"]]);
  });

  test("a date: its serial number, and a date format when the cell's has none", () => {
    // 2024-01-01 is 45,292 days after 1899-12-30 (1900 date system). The minimal styles have one cell
    // format (0); the date gets a copy of it with the date format mm-dd-yy (built-in 14): index 1.
    expect(cell({ col: 1, value: new Date(Date.UTC(2024, 0, 1)) })).toBe('<c r="A12" s="1"><v>45292</v></c>');
  });
});

describe("Worksheet.output", () => {
  const text = (decl: string, sheetData: string) => `${decl}<worksheet xmlns="${MAIN}"><dimension ref="A1:B2"/>${sheetData}<pageMargins left="0.7"/></worksheet>`;
  const ctx = { styles: new Styles(null, "xl/styles.xml"), date1904: false, sharedString: () => 0 };
  const build = (t: string, bytes: Uint8Array | null) => {
    const ws = new Worksheet("s", "xl/worksheets/sheet1.xml", t, bytes);
    ws.parse({ styles: ctx.styles, sharedStrings: [], date1904: false });
    return ws;
  };

  test("from the original bytes or from the text: the same part", () => {
    const t = text('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', '<sheetData><row r="1" spans="1:2"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData>');
    const bytes = ascii(t);
    expect(asciiSource(t, bytes)).toBe(bytes);
    const outputs = [build(t, bytes), build(t, null)].map((ws) => {
      ws.setValue(1, 3, 9);
      ws.setValue(3, 1, 4);
      const dim = ws.topElement("dimension")!;
      return decode(ws.output([{ start: dim.start, end: dim.openEnd, text: '<dimension ref="A1:C3"/>' }], (w, r, e) => writeCell(w, "", r, e, ctx)));
    });
    // row 1 loses its spans and gains C1; row 2 is copied; row 3 is new; the dimension is replaced
    const expected = text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>9</v></c></row><row r="2"><c r="A2"><v>3</v></c></row><row r="3"><c r="A3"><v>4</v></c></row></sheetData>',
    ).replace('<dimension ref="A1:B2"/>', '<dimension ref="A1:C3"/>');
    expect(outputs).toEqual([expected, expected]);
  });

  test("a part in another encoding is written as UTF-8 and its declaration says so", () => {
    const t = text('<?xml version="1.0" encoding="GBK"?>', '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c></row></sheetData>');
    const ws = build(t, null);
    ws.setValue(1, 2, 5);
    const out = ws.output([], (w, r, e) => writeCell(w, "", r, e, ctx));
    const s = decode(out);
    expect(s.slice(0, s.indexOf("<worksheet"))).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    // 甲 as UTF-8 (e7 94 b2), in the copied cell A1
    expect(s).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="B1"><v>5</v></c></row>');
    expect(hex(out.subarray(out.indexOf(0xe7), out.indexOf(0xe7) + 3))).toBe("e7 94 b2");
  });

  test("a self-closing sheetData is opened for the new rows; edits that overlap are refused", () => {
    const t = text("", "<sheetData/>");
    const ws = build(t, ascii(t));
    ws.setValue(2, 1, "x");
    expect(decode(ws.output([], (w, r, e) => writeCell(w, "", r, e, ctx)))).toBe(text("", '<sheetData><row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData>'));
    const sd = ws.sheetData!;
    expect(() => ws.output([{ start: sd.start, end: sd.end, text: "" }], (w, r, e) => writeCell(w, "", r, e, ctx))).toThrow("overlapping");
  });
});

describe("written cells, column by column", () => {
  test("a value reads back, a written cell keeps its format, rows are written upwards and far apart", () => {
    const t = `<worksheet xmlns="${MAIN}"><dimension ref="A5"/><sheetData><row r="5"><c r="A5" s="2"><v>1</v></c></row></sheetData></worksheet>`;
    const ws = new Worksheet("s", "xl/worksheets/sheet1.xml", t, ascii(t));
    const styles = new Styles(null, "xl/styles.xml");
    ws.parse({ styles, sharedStrings: [], date1904: false });
    ws.setValue(5, 1, 7);
    ws.setValue(200, 2, "x"); // column B's first written cell: row 200
    ws.setValue(1, 2, true); // then row 1, 199 rows above it
    ws.setFormat(3, 3, 4); // C3: a format only, on a cell the sheet does not have
    expect([ws.value(5, 1), ws.value(200, 2), ws.value(1, 2), ws.value(3, 3), ws.value(2, 2)]).toEqual([7, "x", true, null, null]);
    // A5's written cell kept the cell's s="2"; C3 has the format it was given; B7 was never written (−1)
    expect([ws.editFormat(5, 1), ws.format(3, 3), ws.format(7, 2)]).toEqual([2, 4, -1]);
    // the grid as a whole (what the table locator reads) has the written values
    expect([ws.values[4][0], ws.values[199][1], ws.values[0][1]]).toEqual([7, "x", true]);
    // the extent: A5 and the cells given values, B1 and B200 (C3 has no value) → A1:B200
    expect(ws.writtenExtent()).toEqual({ top: 1, left: 1, bottom: 200, right: 2 });
    const out = decode(ws.output([], (w, r, e) => writeCell(w, "", r, e, { styles, date1904: false, sharedString: () => 0 })));
    expect(out.slice(out.indexOf("<sheetData>"), out.indexOf("</sheetData>"))).toBe(
      '<sheetData><row r="1"><c r="B1" t="b"><v>1</v></c></row><row r="3"><c r="C3" s="4"/></row><row r="5"><c r="A5" s="2"><v>7</v></c></row><row r="200"><c r="B200" t="s"><v>0</v></c></row>',
    );
  });
});
