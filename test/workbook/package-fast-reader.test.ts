// The fast reader of a sheet's cells and of the shared strings (src/workbook/package/xml.ts,
// readRegion): what it reads must be what XML says, and what it does not read it leaves to saxes.
// Every expected value below is worked out by hand from the XML written here.
import { PackageError } from "../../src/workbook/package/errors";
import { Worksheet, writeCell } from "../../src/workbook/package/sheet";
import { SharedStrings } from "../../src/workbook/package/strings";
import { Styles } from "../../src/workbook/package/styles";
import { StreamTag, streamParse } from "../../src/workbook/package/xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";

function sheet(sheetData: string, root = `<worksheet xmlns="${MAIN}" xmlns:x14ac="${X14AC}">`, close = "</worksheet>"): Worksheet {
  const ws = new Worksheet("s", "xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?>\n${root}${sheetData}${close}`);
  ws.parse({ styles: new Styles(null, "xl/styles.xml"), sharedStrings: ["甲", "乙"], date1904: false });
  return ws;
}

/** The sheet's values as rows of [ref, value] (holes left out). */
function cells(ws: Worksheet): [string, unknown][] {
  const out: [string, unknown][] = [];
  ws.values.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v !== undefined) out.push([`${String.fromCharCode(65 + c)}${r + 1}`, v]);
    }),
  );
  return out;
}

function xmlError(make: () => unknown): PackageError {
  try {
    make();
  } catch (e) {
    if (e instanceof PackageError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("the fast reader of a sheet's cells", () => {
  test("a plain sheet's cells are read by it, not by saxes (it hands over one reused tag object per depth)", () => {
    const text = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData></worksheet>`;
    const tags = (fast: boolean) => {
      const seen = new Set<StreamTag>();
      streamParse(text, "p", { open: (tag) => tag.local === "c" && seen.add(tag), close: () => undefined }, 4, fast ? { local: "sheetData", depth: 2 } : undefined);
      return seen.size;
    };
    // three cells: saxes makes three tag objects, the fast reader reuses one
    expect([tags(false), tags(true)]).toEqual([3, 1]);
  });

  test("what a sheet's cells are written in: references, line ends, quotes, spacing, prefixes, runs, formulas", () => {
    const ws = sheet(
      "<sheetData>\r\n" +
        '  <row r="1" spans="1:4" x14ac:dyDescent="0.25">' +
        '<c r="A1" t="inlineStr"><is><t>a &amp; &lt;b&gt; &#x4E2D;&#20013;\r\nz</t></is></c>' +
        "<c r = 'B1' t='s' ><v >1</v ></c>" +
        '<c r="C1"/>' +
        '<c r="D1"><f>1+2</f><v>3</v></c>' +
        "</row>\r\n" +
        '  <row r="2"><c r="A2" t="inlineStr"><is><r><t>x</t></r><r><rPr><b/></rPr><t xml:space="preserve"> y</t></r></is></c>' +
        '<c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="str"><f>"q"</f><v>&quot;q&quot;</v></c></row>' +
        "</sheetData>",
    );
    // A1: &amp; → &, &lt;b&gt; → <b>, &#x4E2D; and &#20013; are both 中, CR LF → LF
    // B1: shared string 1 (乙); C1: no value; D1: the formula's cached 3
    // A2: the runs joined ("x" + " y"); B2 true; C2 an error; D2 the cached text with &quot; decoded
    expect(cells(ws)).toEqual([
      ["A1", "a & <b> 中中\nz"],
      ["B1", "乙"],
      ["D1", 3],
      ["A2", "x y"],
      ["B2", true],
      ["C2", { error: "#N/A" }],
      ["D2", '"q"'],
    ]);
    expect(ws.extent).toEqual({ top: 1, left: 1, bottom: 2, right: 4 });
  });

  test("a prefixed main namespace (x:) and another namespace's elements inside a cell", () => {
    const ws = sheet(
      '<x:sheetData><x:row r="3"><x:c r="B3"><x:v>7.5</x:v><o:note>9</o:note></x:c><x:c r="C3" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData>',
      `<x:worksheet xmlns:x="${MAIN}" xmlns:o="urn:other">`,
      "</x:worksheet>",
    );
    // o:note is not the main namespace: its text is not the cell's value
    expect(cells(ws)).toEqual([
      ["B3", 7.5],
      ["C3", "ok"],
    ]);
  });

  test("offsets: a patched row keeps every other byte, whatever the spacing", () => {
    const body = '<sheetData>\n <row r="1" >\n  <c r="A1"><v>1</v></c>\n  <c r="C1" ><v>3</v ></c>\n </row>\n <row r="2"><c r="A2"><v>4</v></c></row>\n</sheetData>';
    const ws = sheet(body);
    ws.setValue(1, 2, 2);
    const ctx = { styles: new Styles(null, "xl/styles.xml"), date1904: false, sharedString: () => 0 };
    const out = new TextDecoder().decode(ws.output([], (w, r, e) => writeCell(w, "", r, e, ctx)));
    // B1 goes between A1 and C1; the whitespace between cells of the rebuilt row goes with the cells
    // around it; row 2 and everything outside row 1 are as they were
    expect(out.slice(out.indexOf("<sheetData>"), out.indexOf("</worksheet>"))).toBe(
      '<sheetData>\n <row r="1" >' + '<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" ><v>3</v ></c>' + '</row>\n <row r="2"><c r="A2"><v>4</v></c></row>\n</sheetData>',
    );
  });

  test("what it leaves to saxes is read as saxes reads it: comments, CDATA, a namespace declared inside", () => {
    // the commented-out cell is not data; CDATA is text; a declaration inside sheetData binds its prefix there
    const ws = sheet(
      '<sheetData><row r="1"><!-- <c r="A1"><v>99</v></c> --><c r="B1" t="inlineStr"><is><t><![CDATA[<b>&amp;]]></t></is></c>' +
        '<c r="C1"><v>2</v><y:z xmlns:y="urn:y"/></c></row></sheetData>',
    );
    expect(cells(ws)).toEqual([
      ["B1", "<b>&amp;"],
      ["C1", 2],
    ]);
  });

  test("declining half-way (a name beyond ASCII) forgets what was read and reads again: nothing twice", () => {
    const ws = sheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>5</v><e:备注/></c></row></sheetData>', `<worksheet xmlns="${MAIN}" xmlns:e="urn:e">`);
    expect(cells(ws)).toEqual([
      ["A1", 1],
      ["A2", 5],
    ]);
    expect(ws.sharedRefs).toBe(0);
    expect(ws.top.map((t) => t.local)).toEqual(["sheetData"]);
  });

  test.each([
    ["an end tag that does not match", '<row r="1"><c r="A1"><v>1</c></row>'],
    ["an entity no DTD defines", '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'],
    ["a character reference to a character XML forbids", '<row r="1"><c r="A1" t="inlineStr"><is><t>&#1;</t></is></c></row>'],
    ["an attribute twice", '<row r="1"><c r="A1" r="A2"><v>1</v></c></row>'],
    ["attributes without white space between them", '<row r="1"><c r="A1"s="1"><v>1</v></c></row>'],
    ["an unquoted attribute", "<row r=1><c><v>1</v></c></row>"],
    ["a raw < in an attribute", '<row r="1"><c r="A<1"><v>1</v></c></row>'],
    ["an unbound prefix", '<row r="1"><c r="A1" q:x="1"><v>1</v></c></row>'],
    ["a control character", '<row r="1"><c r="A1"><v>1\u0001</v></c></row>'],
    ["an element left open", '<row r="1"><c r="A1"><v>1</v></row>'],
  ])("not well-formed inside sheetData (%s): the part is refused as XML", (_, rows) => {
    expect(xmlError(() => sheet(`<sheetData>${rows}</sheetData>`)).kind).toBe("xml");
  });
});

describe("the fast reader of the shared strings", () => {
  test("items: runs joined, phonetic runs left out, references and _xHHHH_ decoded, empty items", () => {
    const sst = new SharedStrings(
      `<?xml version="1.0"?>\n<sst xmlns="${MAIN}" count="5" uniqueCount="5">` +
        '<si><t xml:space="preserve"> a&amp;b </t></si>' +
        "<si><r><t>x</t></r><r><rPr><b/></rPr><t>y</t></r></si>" +
        '<si><t>漢</t><rPh sb="0" eb="1"><t>かん</t></rPh><phoneticPr fontId="1"/></si>' +
        "<si/>" +
        "<si><t>_x000D_\r\n</t></si>" +
        "</sst>",
      "xl/sharedStrings.xml",
    );
    // " a&b " with its spaces; "xy"; 漢 without its reading; null; _x000D_ is CR and CR LF is LF
    expect(sst.items).toEqual([" a&b ", "xy", "漢", null, "\r\n"]);
    // a plain item is reused; a new text is appended after the five
    expect([sst.index(" a&b "), sst.index("漢"), sst.index("new")]).toEqual([0, 2, 5]);
  });

  test("a comment among the items is left to saxes", () => {
    const sst = new SharedStrings(`<sst xmlns="${MAIN}"><si><t>a</t></si><!-- <si><t>b</t></si> --><si><t>c</t></si></sst>`, "xl/sharedStrings.xml");
    expect(sst.items).toEqual(["a", "c"]);
  });
});
