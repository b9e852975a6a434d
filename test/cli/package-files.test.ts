// Issue 10: the package adapter on .xlsx files written the ways other programs write them, and on
// hostile and odd ones. Each input is built here part by part (fflate's zipSync, not the adapter's own
// ZIP code), run through `assess rank --out --json`, and the output checked with programs other than
// the adapter: xmllint for well-formedness and namespaces (every prefix bound), fflate for the
// package, and exact expectations worked out by hand from the cells written here.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strToU8, unzipSync, zipSync, Zippable } from "fflate";
import { run } from "../../src/cli/main";
import { PackageWorkbook } from "../../src/workbook/package/workbook";
import { WorkbookError } from "../../src/workbook/port";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const T_WS = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const T_WB = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const HEAD = ["编号", "姓名", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评"];

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "assess-pkgfiles-"))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

interface Opts {
  /** Prefix for the main namespace in sheet and workbook ("" = default namespace). */
  p?: string;
  /** Leave r off rows and cells. */
  noRefs?: boolean;
}

/** An inline-string cell and a number cell. */
function cell(ref: string, v: string | number, o: Opts = {}): string {
  const p = o.p ? `${o.p}:` : "";
  const r = o.noRefs ? "" : ` r="${ref}"`;
  if (typeof v === "number") return `<${p}c${r}><${p}v>${v}</${p}v></${p}c>`;
  return `<${p}c${r} t="inlineStr"><${p}is><${p}t>${xmlEscape(v)}</${p}t></${p}is></${p}c>`;
}

const COLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Rows of an annual table at A1: the header, then one row per [id, score] (all five scores equal). */
function annualRows(rows: [string, number][], o: Opts = {}, firstRow = 1): string[] {
  const p = o.p ? `${o.p}:` : "";
  const line = (r: number, values: (string | number)[]) => `<${p}row${o.noRefs ? "" : ` r="${r}"`}>${values.map((v, i) => cell(`${COLS[i]}${r}`, v, o)).join("")}</${p}row>`;
  return [line(firstRow, HEAD), ...rows.map(([id, s], i) => line(firstRow + 1 + i, [id, `干部${id}`, "区直单位", s, s, s, s, s, "过得硬", "无"]))];
}

function sheetXml(rows: string[], o: Opts = {}, extra = ""): string {
  const p = o.p ? `${o.p}:` : "";
  const ns = o.p ? `xmlns:${o.p}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetData>${rows.join("")}</${p}sheetData>${extra}</${p}worksheet>`;
}

/** A minimal package: one worksheet (年度考核) plus any extra parts. */
function basicParts(sheet: string, o: Opts = {}): Record<string, string | Uint8Array> {
  const p = o.p ? `${o.p}:` : "";
  const ns = o.p ? `xmlns:${o.p}="${MAIN}"` : `xmlns="${MAIN}"`;
  return {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${T_WB}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${T_WS}"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${REL}"><${p}sheets><${p}sheet name="年度考核" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheet,
  };
}

function zip(parts: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(parts)) z[name] = [typeof data === "string" ? strToU8(data) : data, { level }];
  return zipSync(z);
}

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

interface Report {
  tables: { sheet: string; rows: { row: number; id: string; composite: number | null; grade: string | null }[] }[];
  findings: { code: string; cell: string | null }[];
}

async function assess(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string; json?: Report }> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: argv.includes("--json") && code !== 2 ? (JSON.parse(stdout) as Report) : undefined };
}

/** xmllint's verdict on one part: "" when it is well-formed and namespace-well-formed. */
function xmllint(data: Uint8Array): string {
  const r = spawnSync("xmllint", ["--noout", "-"], { input: Buffer.from(data), encoding: "utf8" });
  if (r.error) throw new Error("xmllint is needed (apt-get install -y libxml2-utils)");
  return r.stderr.trim();
}

/** Every XML part of a package is well-formed with every prefix bound (VML included). */
function expectWellFormed(bytes: Uint8Array): Record<string, Uint8Array> {
  const parts = unzipSync(bytes);
  for (const [name, data] of Object.entries(parts)) {
    if (/\.(xml|rels|vml)$/i.test(name)) expect([name, xmllint(data)]).toEqual([name, ""]);
  }
  return parts;
}

const text = (parts: Record<string, Uint8Array>, name: string) => Buffer.from(parts[name]).toString("utf8");

/** rank --out --json on a package; the output must be well-formed. */
async function rank(name: string, bytes: Uint8Array, expectCode = 0) {
  const input = save(`${name}.xlsx`, bytes);
  const out = path.join(tmp, `${name}-out.xlsx`);
  const r = await assess("rank", input, "--out", out, "--json", "--today", "2024-05-01");
  expect([r.code, r.stderr.split("\n").filter((l) => !/^已写入|Written/.test(l.trim()) && l.trim())]).toEqual([expectCode, []]);
  expect(fs.readFileSync(input)).toEqual(Buffer.from(bytes)); // the input is never written
  const parts = expectWellFormed(new Uint8Array(fs.readFileSync(out)));
  return { json: r.json as Report, parts, out };
}

/** One line on stderr, Chinese and English, exit 2, nothing written. */
async function refused(file: string, pattern: RegExp) {
  const out = path.join(tmp, `refused-${path.basename(file)}.xlsx`);
  const r = await assess("rank", file, "--out", out);
  expect(r.code).toBe(2);
  const lines = r.stderr.split("\n").filter((l) => l.trim());
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).not.toMatch(/\n\s+at |TypeError|Bug|undefined/);
  expect(fs.existsSync(out)).toBe(false);
  return lines[0];
}

const composites = (j: Report) => j.tables[0].rows.map((r) => [r.id, r.composite]);

describe("files as other programs write them", () => {
  test("a prefixed main namespace (x:, as the Open XML SDK writes it) in workbook and sheet", async () => {
    const o = { p: "x" };
    const { json, parts } = await rank("prefixed", zip(basicParts(sheetXml(annualRows([["A1", 90], ["A2", 80]], o), o), o)));
    // all five scores equal s: composite 0.6·s + 0.1·s·4 = s
    expect(composites(json)).toEqual([["A1", 90], ["A2", 80]]);
    const sheet = text(parts, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<x:c r="K2"'); // new cells in the sheet's own prefix
    expect(sheet).not.toMatch(/<c /);
    // the added sheets are listed with a bound r: prefix and in the x: namespace
    expect(text(parts, "xl/workbook.xml")).toMatch(/<x:sheet name="校验结果"[^>]*r:id="rId\d+"/);
  });

  test("openpyxl's per-sheet xmlns:r: a new <sheet> declares the prefix it uses", async () => {
    const p = basicParts(sheetXml(annualRows([["B1", 70]])));
    p["xl/workbook.xml"] = `<?xml version="1.0"?><workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${REL}" name="年度考核" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const { parts } = await rank("openpyxl-r", zip(p));
    expect(text(parts, "xl/workbook.xml")).toMatch(new RegExp(`<sheet name="校验结果" sheetId="\\d+" xmlns:r="${REL.replace(/[/.]/g, "\\$&")}" r:id="rId\\d+"/>`));
  });

  test("prefixed relationships and content types parts (ns3:, x:)", async () => {
    const p = basicParts(sheetXml(annualRows([["C1", 88]])));
    p["_rels/.rels"] = `<?xml version="1.0"?><ns3:Relationships xmlns:ns3="${PKG_REL}"><ns3:Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></ns3:Relationships>`;
    p["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0"?><x:Relationships xmlns:x="${PKG_REL}"><x:Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/></x:Relationships>`;
    p["[Content_Types].xml"] = (p["[Content_Types].xml"] as string).replace(`<Types xmlns="${CT}">`, `<t:Types xmlns:t="${CT}">`).replace(/<(Default|Override) /g, "<t:$1 ").replace("</Types>", "</t:Types>");
    const { json, parts } = await rank("prefixed-rels", zip(p));
    expect(composites(json)).toEqual([["C1", 88]]);
    expect(text(parts, "xl/_rels/workbook.xml.rels")).toMatch(/<x:Relationship Id="rId\d+" Type="[^"]*\/worksheet" Target="worksheets\/sheet2\.xml"\/>/);
    expect(text(parts, "[Content_Types].xml")).toContain('<t:Override PartName="/xl/worksheets/sheet2.xml"');
  });

  test("rows and cells without r take the next position", async () => {
    const { json, parts } = await rank("no-refs", zip(basicParts(sheetXml(annualRows([["D1", 91], ["D2", 72]], { noRefs: true })))));
    expect(json.tables[0].rows.map((r) => [r.row, r.id, r.composite])).toEqual([
      [2, "D1", 91],
      [3, "D2", 72],
    ]);
    // the results land in K..N of rows 2 and 3, after the ten cells that had no r
    const sheet = text(parts, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<row>(<c t="inlineStr">.*?<\/c>){10}<c r="K1"/);
    expect(sheet).toMatch(/<c r="K3"[^>]*><v>72<\/v>/);
  });

  test("shared strings with rich runs and phonetic runs, a shared formula's cached values, booleans and errors", async () => {
    const si = (s: string) => `<si><t>${s}</t></si>`;
    const sst = `<?xml version="1.0"?><sst xmlns="${MAIN}" count="13" uniqueCount="13">${HEAD.map(si).join("")}<si><r><t>过得</t></r><r><rPr><b/></rPr><t>硬</t></r></si><si><t>区直单位</t><rPh sb="0" eb="1"><t>くちょく</t></rPh></si><si><t>E_x0031_</t></si></sst>`;
    const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
    const n = (ref: string, v: number, f = "") => `<c r="${ref}">${f}<v>${v}</v></c>`;
    const rows = [
      `<row r="1">${HEAD.map((_, i) => s(`${COLS[i]}1`, i)).join("")}</row>`,
      `<row r="2">${s("A2", 12)}${s("B2", 12)}${s("C2", 11)}${n("D2", 85, '<f t="shared" ref="D2:D3" si="0">84+1</f>')}${n("E2", 85)}${n("F2", 85)}${n("G2", 85)}${n("H2", 85)}${s("I2", 10)}<c r="J2" t="str"><v>无</v></c><c r="Z2" t="b"><v>0</v></c></row>`,
      `<row r="3"><c r="A3" t="str"><v>E2</v></c>${s("B3", 12)}${s("C3", 11)}${n("D3", 86, '<f t="shared" si="0"/>')}${n("E3", 86)}${n("F3", 86)}${n("G3", 86)}<c r="H3" t="e"><v>#N/A</v></c>${s("I3", 10)}</row>`,
    ];
    const p = basicParts(sheetXml(rows));
    p["xl/sharedStrings.xml"] = sst;
    p["[Content_Types].xml"] = (p["[Content_Types].xml"] as string).replace("</Types>", `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
    p["xl/_rels/workbook.xml.rels"] = (p["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", `<Relationship Id="rId9" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
    const { json } = await rank("strings", zip(p), 1);
    // E_x0031_ is Excel's escape of "E1"; 过得+硬 (two runs) is 过得硬; the phonetic run is not text.
    expect(json.tables[0].rows.map((r) => [r.id, r.composite])).toEqual([
      ["E1", 85],
      ["E2", null],
    ]);
    expect(json.findings.map((f) => [f.code, f.cell])).toEqual([["NOT_A_NUMBER", "H3"]]);
  });

  test("1904 dates: a date-formatted score is a date, not a number", async () => {
    const styles = `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const rows = annualRows([["F1", 80], ["F2", 90]]);
    rows[2] = rows[2].replace('<c r="D3"><v>90</v></c>', '<c r="D3" s="1"><v>90</v></c>');
    const p = basicParts(sheetXml(rows));
    p["xl/styles.xml"] = styles;
    p["xl/workbook.xml"] = (p["xl/workbook.xml"] as string).replace("<sheets>", '<workbookPr date1904="1"/><sheets>');
    p["xl/_rels/workbook.xml.rels"] = (p["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", `<Relationship Id="rId8" Type="${REL}/styles" Target="styles.xml"/></Relationships>`);
    const { json } = await rank("date1904", zip(p), 1);
    expect(json.findings.map((f) => [f.code, f.cell])).toEqual([["NOT_A_NUMBER", "D3"]]);
    expect(composites(json)).toEqual([["F1", 80], ["F2", null]]);
  });

  test("UTF-16 parts (LE and BE, with and without a byte-order mark) and a UTF-8 mark", async () => {
    const utf16 = (s: string, be: boolean, bom: boolean) => {
      const b = Buffer.from((bom ? "\ufeff" : "") + s.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le");
      if (be) for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
      return new Uint8Array(b);
    };
    for (const [be, bom] of [
      [false, true],
      [true, true],
      [false, false],
    ] as const) {
      const p = basicParts(sheetXml(annualRows([["G1", 77]])));
      p["xl/worksheets/sheet1.xml"] = utf16(p["xl/worksheets/sheet1.xml"] as string, be, bom);
      p["xl/workbook.xml"] = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(p["xl/workbook.xml"] as string)]);
      const { json, parts } = await rank(`utf16-${be}-${bom}`, zip(p));
      expect(composites(json)).toEqual([["G1", 77]]);
      // the changed sheet is written back as UTF-8 and says so
      expect(text(parts, "xl/worksheets/sheet1.xml")).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
    }
  });

  test("Strict OOXML (purl namespaces) keeps its dialect in what it adds", async () => {
    const p = basicParts(sheetXml(annualRows([["H1", 93]])).replace(MAIN, STRICT_MAIN).replace(REL, STRICT_REL));
    p["xl/workbook.xml"] = (p["xl/workbook.xml"] as string).replace(MAIN, STRICT_MAIN).replace(REL, STRICT_REL);
    p["_rels/.rels"] = (p["_rels/.rels"] as string).replace(`${REL}/officeDocument`, `${STRICT_REL}/officeDocument`);
    p["xl/_rels/workbook.xml.rels"] = (p["xl/_rels/workbook.xml.rels"] as string).replace(`${REL}/worksheet`, `${STRICT_REL}/worksheet`);
    const { json, parts } = await rank("strict", zip(p));
    expect(composites(json)).toEqual([["H1", 93]]);
    const rels = text(parts, "xl/_rels/workbook.xml.rels");
    expect(rels).not.toContain("schemas.openxmlformats.org/officeDocument/2006/relationships/");
    expect(rels).toContain(`${STRICT_REL}/worksheet" Target="worksheets/sheet2.xml"`);
  });

  test("chart and dialog sheets next to the worksheet; stored entries and a folder entry", async () => {
    const p = basicParts(sheetXml(annualRows([["I1", 81]])));
    p["xl/workbook.xml"] = (p["xl/workbook.xml"] as string).replace("</sheets>", '<sheet name="图表" sheetId="2" r:id="rId2"/><sheet name="对话框" sheetId="3" r:id="rId3"/></sheets>');
    p["xl/_rels/workbook.xml.rels"] = (p["xl/_rels/workbook.xml.rels"] as string).replace(
      "</Relationships>",
      `<Relationship Id="rId2" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId3" Type="${REL}/dialogsheet" Target="dialogsheets/sheet1.xml"/></Relationships>`,
    );
    p["xl/chartsheets/sheet1.xml"] = `<?xml version="1.0"?><chartsheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
    p["xl/dialogsheets/sheet1.xml"] = `<?xml version="1.0"?><dialogsheet xmlns="${MAIN}"/>`;
    p["xl/media/"] = new Uint8Array(0);
    const { json, parts } = await rank("chart-dialog", zip(p, 0));
    expect(composites(json)).toEqual([["I1", 81]]);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["xl/chartsheets/sheet1.xml", "xl/dialogsheets/sheet1.xml", "xl/media/"]));
  });
});

describe("hostile and odd files", () => {
  test("a table whose last column is XFD is refused; one that leaves exactly four columns gets its results there", async () => {
    // letters of a column number, worked by hand: XFD = 24·676 + 6·26 + 4 = 16384
    const letters = (n: number) => {
      let s = "";
      for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
      return s;
    };
    const at = (first: number) => {
      const row = (r: number, values: (string | number)[]) => `<row r="${r}">${values.map((v, i) => cell(`${letters(first + i)}${r}`, v)).join("")}</row>`;
      return [row(1, HEAD), row(2, ["S1", "甲", "区直单位", 80, 80, 80, 80, 80, "过得硬", "无"]), `<row r="3">${cell("A3", "用户的数据")}${cell("B3", 1)}${cell("C3", 2)}${cell("D3", 3)}</row>`];
    };
    const line = await refused(save("xfd.xlsx", zip(basicParts(sheetXml(at(16375))))), /XFD/);
    expect(line).toContain("年度考核");
    // 16371–16380 (XEQ–XEZ): the four results go to XFA–XFD of row 2; row 3's A–D stay as they were.
    const { json, parts } = await rank("xfd-fits", zip(basicParts(sheetXml(at(16371)))));
    expect(composites(json)).toEqual([["S1", 80]]);
    const sheet = text(parts, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<c r="XFA2"[^>]*><v>80<\/v><\/c><c r="XFB2"/);
    expect(sheet).toContain(`<row r="3">${cell("A3", "用户的数据")}${cell("B3", 1)}${cell("C3", 2)}${cell("D3", 3)}</row>`);
  });

  test("XML comments are not data; a tab or newline inside a tag is whitespace; CDATA is text", async () => {
    const rows = annualRows([["K1", 60], ["K2", 70]]);
    rows[1] = rows[1].replace('<c r="D2"><v>60</v></c>', '<!-- <c r="D2"><v>15</v></c> --><c\nr="D2"\t><v><![CDATA[60]]></v></c>');
    rows.push('<!-- <row r="4"><c r="A4" t="inlineStr"><is><t>K9</t></is></c></row> -->');
    const { json } = await rank("comments-cdata", zip(basicParts(sheetXml(rows))));
    expect(composites(json)).toEqual([["K1", 60], ["K2", 70]]);
  });

  test("rows out of order are read in place and written in ascending order, once each", async () => {
    const rows = annualRows([["L1", 61], ["L2", 62], ["L3", 63]]);
    const shuffled = [rows[0], rows[2], rows[1], rows[3]];
    const { json, parts } = await rank("out-of-order", zip(basicParts(sheetXml(shuffled))));
    expect(composites(json)).toEqual([["L1", 61], ["L2", 62], ["L3", 63]]);
    const order = [...text(parts, "xl/worksheets/sheet1.xml").matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  test("a changed byte is a CRC error with its own sentence, not a wrong score", async () => {
    const bytes = zip(basicParts(sheetXml(annualRows([["M1", 85.2]]))), 0);
    const at = Buffer.from(bytes).indexOf("<v>85.2</v>");
    bytes[at + 3] = "1".charCodeAt(0); // 85.2 → 15.2
    const line = await refused(save("crc.xlsx", bytes), /CRC/);
    expect(line).toContain("xl/worksheets/sheet1.xml");
  });

  test("a corrupt number is reported at its cell, not read as its first digits", async () => {
    const rows = annualRows([["N1", 85.2]]);
    rows[1] = rows[1].replace("<v>85.2</v>", "<v>8\u00ff5.2</v>");
    const { json } = await rank("bad-number", zip(basicParts(sheetXml(rows))), 1);
    expect(json.findings.map((f) => [f.code, f.cell])).toEqual([["NOT_A_NUMBER", "D2"]]);
  });

  test("zip bombs: an entry whose declared size is over the limit, and one that inflates past what it declares", async () => {
    // A directory that declares 450 MB for the sheet (a zip bomb's small file, big inflated size): refused by
    // the limit of 400 MB per part before anything is inflated.
    const setDeclaredSize = (bytes: Uint8Array, size: number) => {
      const buf = Buffer.from(bytes);
      const name = Buffer.from("xl/worksheets/sheet1.xml");
      const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
      for (let i = buf.indexOf(sig); i >= 0; i = buf.indexOf(sig, i + 4)) if (buf.subarray(i + 46, i + 46 + name.length).equals(name)) buf.writeUInt32LE(size, i + 24);
      return new Uint8Array(buf);
    };
    await refused(save("bomb.xlsx", setDeclaredSize(zip(basicParts(sheetXml(annualRows([["O0", 80]])))), 450 * 1024 * 1024)), /上限|limit/);
    // lying size: the directory says 100 bytes, the data inflates to 10 MB
    const liar = setDeclaredSize(zip(basicParts(sheetXml(annualRows([["O1", 80]])))), 100);
    await refused(save("liar.xlsx", liar), /损坏|damaged/);
  });

  test("a sheet with more cells than the limit is refused before anything is computed", () => {
    // 1 header row + 30 rows of 10 cells = 310 cells, over a limit of 300 (the CLI's is 3,000,000)
    const rows = annualRows(Array.from({ length: 30 }, (_, i) => [`W${i}`, 80] as [string, number]));
    const open = () => PackageWorkbook.open(zip(basicParts(sheetXml(rows))), { maxCells: 300 });
    expect(open).toThrow(WorkbookError);
    expect(open).toThrow(/limit: 3,000,000 cells|more than 300 cells/);
    expect(() => PackageWorkbook.open(zip(basicParts(sheetXml(rows))), { maxCells: 310 })).not.toThrow();
  });

  test("/dev/zero, a FIFO and a folder are refused at once", async () => {
    await refused("/dev/zero", /普通文件|regular file/);
    const fifo = path.join(tmp, "pipe.xlsx");
    spawnSync("mkfifo", [fifo]);
    await refused(fifo, /普通文件|regular file/);
  });

  test("a 9 MB text shared by 350 cells is read once and the run stays short", async () => {
    const long = "长".repeat(3_000_000);
    const sst = `<?xml version="1.0"?><sst xmlns="${MAIN}">${HEAD.map((h) => `<si><t>${h}</t></si>`).join("")}<si><t>${long}</t></si></sst>`;
    const rows = annualRows([["P1", 80]]);
    for (let r = 5; r < 355; r++) rows.push(`<row r="${r}"><c r="Z${r}" t="s"><v>10</v></c></row>`);
    const p = basicParts(sheetXml(rows));
    p["xl/sharedStrings.xml"] = sst;
    p["xl/_rels/workbook.xml.rels"] = (p["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", `<Relationship Id="rId9" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
    const { json } = await rank("long-string", zip(p));
    expect(composites(json)).toEqual([["P1", 80]]);
  });

  test("garbage <dimension> is replaced by the cells' extent", async () => {
    const { json, parts } = await rank("dimension", zip(basicParts(sheetXml(annualRows([["Q1", 66]])).replace("<sheetData>", '<dimension ref="garbage!!"/><sheetData>'))));
    expect(composites(json)).toEqual([["Q1", 66]]);
    expect(text(parts, "xl/worksheets/sheet1.xml")).toContain('<dimension ref="A1:N2"/>');
  });

  test("encrypted workbooks, .xls, web pages and text: one sentence each, saying what to do", async () => {
    const cfb = (extra: string) => {
      const b = Buffer.alloc(4096);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
      Buffer.from(extra, "utf16le").copy(b, 1024);
      return new Uint8Array(b);
    };
    expect(await refused(save("enc.xlsx", cfb("EncryptedPackage")), /密码|password/)).toMatch(/WPS/);
    expect(await refused(save("old.xls", cfb("Workbook")), /97–2003|\.xls/)).toMatch(/另存为.*xlsx/);
    expect(await refused(save("wps.et", cfb("Workbook")), /WPS/)).toMatch(/Save As|另存为/);
    // an owner file as Excel writes it: length, the name in 54 bytes of ANSI, the length again, the name in UTF-16
    const owner = new Uint8Array(165).fill(0x20);
    owner.set([5, ...strToU8("zhang")]);
    owner.set([5, 0, ...new Uint8Array(Buffer.from("zhang", "utf16le"))], 55);
    await refused(save("~$考核.xlsx", owner), /锁定文件.*lock file/);
    await refused(save("renamed-owner-file.xlsx", owner), /锁定文件.*lock file/);
    await refused(save("page.xls", strToU8("<html><body><table><tr><td>编号</td></tr></table></body></html>")), /HTML|网页/);
    await refused(save("truncated.xlsx", zip(basicParts(sheetXml(annualRows([["R1", 80]])))).subarray(0, 300)), /不完整|incomplete|不是|not/);
  });
});

describe("the user's notes, styles and strings", () => {
  const XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision";
  const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
  // A note as Excel 365 saves it (xr:uid, a bold author run), and one LibreOffice's OOXML filter would keep in mc:AlternateContent.
  const userComment = `<comment ref="B2" authorId="0" shapeId="0" xr:uid="{11111111-2222-3333-4444-555555555555}"><text><r><rPr><b/><sz val="9"/></rPr><t>张三:</t></r><r><t xml:space="preserve">\n请核对</t></r></text></comment>`;
  const otherComment = `<comment ref="A5" authorId="0"><text><t>备注</t></text><mc:AlternateContent><mc:Choice Requires="xr"><xr:note/></mc:Choice><mc:Fallback/></mc:AlternateContent></comment>`;
  const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="xr" xmlns:xr="${XR}"><authors><author>张三</author></authors><commentList>${userComment}${otherComment}</commentList></comments>`;
  // A note set to "always show", moved and resized by the user, and a form control (check box).
  const visibleNote = `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:200pt;margin-top:30pt;width:150pt;height:80pt;z-index:1;visibility:visible" fillcolor="#ffffe1" o:insetmode="auto"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:Anchor>3, 15, 0, 10, 6, 15, 4, 4</x:Anchor><x:Visible/><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape>`;
  const hiddenNote = `<v:shape id="_x0000_s1027" type="#_x0000_t202" style="position:absolute;z-index:3;visibility:hidden" o:insetmode="auto"><x:ClientData ObjectType="Note"><x:Row>4</x:Row><x:Column>0</x:Column></x:ClientData></v:shape>`;
  const checkbox = `<v:shape id="_x0000_s1026" type="#_x0000_t201" style="position:absolute;z-index:2"><x:ClientData ObjectType="Checkbox"><x:Anchor>12, 0, 5, 0, 13, 0, 6, 0</x:Anchor></x:ClientData></v:shape>`;
  const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${visibleNote}${checkbox}${hiddenNote}</xml>`;

  function withNotes(): Uint8Array {
    // T2 is vetoed (区级 circular): its 等次 cell (M3) gets a note from the run.
    const rows = annualRows([["T1", 95], ["T2", 95], ["T3", 70]]);
    rows[2] = rows[2].replace(`${cell("J3", "无")}`, `${cell("J3", "区级")}`);
    const p = basicParts(sheetXml(rows, {}, '<legacyDrawing r:id="rId2"/>'));
    p["xl/worksheets/_rels/sheet1.xml.rels"] = `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`;
    p["xl/comments1.xml"] = comments;
    p["xl/drawings/vmlDrawing1.vml"] = vml;
    p["[Content_Types].xml"] = (p["[Content_Types].xml"] as string).replace(
      "</Types>",
      `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`,
    );
    return zip(p);
  }

  test("existing notes and shapes are kept exactly; only the run's note is added", async () => {
    const { parts } = await rank("notes", withNotes(), 0);
    const c = text(parts, "xl/comments1.xml");
    expect(c).toContain(userComment);
    expect(c).toContain(otherComment);
    expect(c).toMatch(/<comment ref="M3" authorId="1"><text><r><t xml:space="preserve">[^<]+<\/t><\/r><\/text><\/comment>/);
    expect(c).toContain("<author>张三</author><author>考核助手 ASSESS</author>");
    const v = text(parts, "xl/drawings/vmlDrawing1.vml");
    for (const shape of [visibleNote, checkbox, hiddenNote]) expect(v).toContain(shape);
    expect(v).toMatch(/<x:Row>2<\/x:Row><x:Column>12<\/x:Column>/); // M3, 0-based
    expect([...v.matchAll(/<v:shape /g)]).toHaveLength(4);
    // the sheet still has its one legacyDrawing
    expect([...text(parts, "xl/worksheets/sheet1.xml").matchAll(/<legacyDrawing /g)]).toHaveLength(1);
  });

  test("running again on its own output changes nothing more: no format, string, note or shape is added twice", async () => {
    let bytes = withNotes();
    const counts: Record<string, number>[] = [];
    for (let run = 1; run <= 3; run++) {
      const { parts, out } = await rank(`rerun-${run}`, bytes, 0);
      const styles = text(parts, "xl/styles.xml");
      const strings = text(parts, "xl/sharedStrings.xml");
      counts.push({
        xfs: [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/<xf /g)].length,
        fills: [...styles.matchAll(/<fill>/g)].length,
        fonts: [...styles.matchAll(/<font>/g)].length,
        strings: [...strings.matchAll(/<si>/g)].length,
        comments: [...text(parts, "xl/comments1.xml").matchAll(/<comment /g)].length,
        shapes: [...text(parts, "xl/drawings/vmlDrawing1.vml").matchAll(/<v:shape /g)].length,
        sheets: [...text(parts, "xl/workbook.xml").matchAll(/<sheet /g)].length,
      });
      bytes = new Uint8Array(fs.readFileSync(out));
    }
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
    expect(counts[0]).toMatchObject({ comments: 3, shapes: 4 });
  });
});

describe("formats staff circulate", () => {
  const csvLines = [HEAD.join(","), "U1,甲,区直单位,91,91,91,91,91,过得硬,无", 'U2,"乙, 副",区直单位,72.5,72.5,72.5,72.5,72.5,过得硬,无', "0012,丙,区直单位,80,80,80,80,80,过得硬,无"];

  test("CSV in UTF-8 (with a mark) and in GBK: read, computed, written to a new .xlsx; never over the CSV", async () => {
    const utf8 = save("考核.csv", new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(csvLines.join("\r\n") + "\r\n")]));
    const gbkBytes = spawnSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: csvLines.join("\n") });
    expect(gbkBytes.status).toBe(0);
    const gbk = save("考核-gbk.csv", new Uint8Array(gbkBytes.stdout));
    for (const file of [utf8, gbk]) {
      const out = file.replace(/\.csv$/, "-结果.xlsx");
      const r = await assess("rank", file, "--out", out, "--json", "--today", "2024-05-01");
      expect(r.code).toBe(0);
      // composites: all five scores equal, so the composite is the score; "0012" keeps its zeros (text)
      expect(r.json!.tables[0].rows.map((x) => [x.id, x.composite])).toEqual([
        ["U1", 91],
        ["U2", 72.5],
        ["0012", 80],
      ]);
      const parts = expectWellFormed(new Uint8Array(fs.readFileSync(out)));
      expect(text(parts, "xl/workbook.xml")).toContain(`<sheet name="${path.basename(file, ".csv")}"`);
      expect(text(parts, "xl/sharedStrings.xml")).toContain("乙, 副");
    }
    for (const out of [utf8, path.join(tmp, "x.csv")]) await expect(assess("rank", utf8, "--out", out)).resolves.toMatchObject({ code: 2 });
    expect(fs.readFileSync(utf8).subarray(3).toString("utf8")).toBe(csvLines.join("\r\n") + "\r\n");
  });

  test("an OpenDocument spreadsheet (.ods) is refused with how to save it as .xlsx", async () => {
    const ods = zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8("<office:document-content/>") });
    const line = await refused(save("sheet.ods", ods), /OpenDocument/);
    expect(line).toMatch(/Excel.*WPS.*LibreOffice/);
  });
});

describe("style sheets that leave things out", () => {
  test.each([
    ["an empty <styleSheet></styleSheet>", `<styleSheet xmlns="${MAIN}"></styleSheet>`],
    ["a self-closing <x:styleSheet/>", `<x:styleSheet xmlns:x="${MAIN}"/>`],
    ["fonts and fills but no cellXfs", `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills></styleSheet>`],
  ])("%s: Excel's defaults are written first, then the formats the run needs", async (_, styles) => {
    const rows = annualRows([["V1", 95], ["V2", 95], ["V3", 60]]);
    rows[2] = rows[2].replace(`${cell("J3", "无")}`, `${cell("J3", "区级")}`); // a veto: a red fill
    const p = basicParts(sheetXml(rows));
    p["xl/styles.xml"] = `<?xml version="1.0"?>${styles}`;
    p["xl/_rels/workbook.xml.rels"] = (p["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", `<Relationship Id="rId8" Type="${REL}/styles" Target="styles.xml"/></Relationships>`);
    const { parts } = await rank("styles-missing", zip(p));
    const out = text(parts, "xl/styles.xml");
    // cellXfs starts with the default format (index 0), and a cell that refers to a later one finds it
    const xfs = /<(?:x:)?cellXfs count="(\d+)">(.*?)<\/(?:x:)?cellXfs>/.exec(out);
    expect(xfs).not.toBeNull();
    expect(xfs![2]).toMatch(/^<(x:)?xf numFmtId="0" fontId="0" fillId="0" borderId="0"( xfId="0")?\/>/);
    const used = [...text(parts, "xl/worksheets/sheet1.xml").matchAll(/ s="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...used)).toBeLessThan(Number(xfs![1]));
    expect(out).toMatch(/<(x:)?fgColor rgb="FFFFC7CE"\/>/);
  });
});

describe("ZIP64 and data descriptors, as Info-ZIP writes them", () => {
  // Info-ZIP's zip (a program other than fflate and the adapter) packs the parts: `zip -fz` writes
  // ZIP64 (a ZIP64 end record and locator, sizes in ZIP64 extra fields), `zip - … | cat` writes to a
  // pipe, where it cannot seek back, so every file entry's sizes come after its data (a data descriptor).
  function infoZip(name: string, parts: Record<string, string | Uint8Array>, how: "zip64" | "stream"): Uint8Array {
    const dir = fs.mkdtempSync(path.join(tmp, `${name}-parts-`));
    for (const [part, data] of Object.entries(parts)) {
      fs.mkdirSync(path.join(dir, path.dirname(part)), { recursive: true });
      fs.writeFileSync(path.join(dir, part), typeof data === "string" ? strToU8(data) : data);
    }
    const names = Object.keys(parts).map((p) => `'${p.replace(/'/g, "'\\''")}'`).join(" ");
    const command = how === "zip64" ? `zip -q -X -fz - ${names} > '${name}.zip'` : `zip -q -X - ${names} | cat > '${name}.zip'`;
    const r = spawnSync("sh", ["-c", command], { cwd: dir, encoding: "utf8" });
    if (r.error || r.status !== 0) throw new Error(`Info-ZIP zip is needed (apt-get install -y zip): ${r.error?.message ?? r.stderr}`);
    return new Uint8Array(fs.readFileSync(path.join(dir, `${name}.zip`)));
  }

  /** What the file's own records say, read here byte by byte (not by the code under test). */
  function records(b: Uint8Array) {
    const u16 = (p: number) => b[p] | (b[p + 1] << 8);
    const u32 = (p: number) => (u16(p) | (u16(p + 2) << 16)) >>> 0;
    const sig = (p: number, s: number) => u32(p) === s;
    let eocd = b.length - 22;
    while (eocd > 0 && !sig(eocd, 0x06054b50)) eocd--;
    const zip64End = eocd >= 20 && sig(eocd - 20, 0x07064b50);
    return { zip64End, eocdOffset: u32(eocd + 16), u16, u32, sig };
  }

  /** LibreOffice (a reader we did not write) opens the output: its first sheet as CSV rows (UTF-8). */
  function libreOfficeCsv(file: string): string[][] {
    const outDir = fs.mkdtempSync(path.join(tmp, "lo-"));
    const profile = fs.mkdtempSync(path.join(tmp, "lo-profile-"));
    const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", outDir, file], { encoding: "utf8", timeout: 180_000 });
    if (r.error) throw new Error(`LibreOffice (soffice) is needed (apt-get install -y libreoffice-calc-nogui): ${r.error.message}`);
    const csv = path.join(outDir, path.basename(file).replace(/\.xlsx$/, ".csv"));
    if (!fs.existsSync(csv)) throw new Error(`LibreOffice did not read ${file} (status ${r.status}): ${r.stderr}`);
    // The cells written here hold no comma, quote or newline: a line split on commas is the row.
    return fs.readFileSync(csv, "utf8").split(/\r?\n/).filter((l) => l).map((l) => l.split(",").map((v) => v.replace(/^"(.*)"$/, "$1")));
  }

  /** LibreOffice's read-back: each id's 综合得分 (the result column the run added). */
  function expectLibreOfficeReads(file: string, expected: [string, string][]): void {
    const rows = libreOfficeCsv(file);
    const head = rows[0];
    const id = head.indexOf("编号");
    const composite = head.indexOf("综合得分");
    expect([id, composite >= HEAD.length]).toEqual([0, true]);
    expect(rows.slice(1).map((r) => [r[id], r[composite]])).toEqual(expected);
  }

  test.each(["zip64", "stream"] as const)("%s: read, computed and written; LibreOffice reads the results back", async (how) => {
    const bytes = infoZip(`infozip-${how}`, basicParts(sheetXml(annualRows([["Z1", 88.5], ["Z2", 79], ["Z3", 93]]))), how);
    const rec = records(bytes);
    if (how === "zip64") {
      // the end record points at a ZIP64 end record (its own offset field says 0xFFFFFFFF)
      expect([rec.zip64End, rec.eocdOffset]).toEqual([true, 0xffffffff]);
    } else {
      // every local header says bit 3 (sizes in a data descriptor) and leaves its compressed size 0;
      // five descriptors (signature PK\x07\x08) follow the data
      let local = 0;
      let flagged = 0;
      let descriptors = 0;
      for (let p = 0; p + 30 <= bytes.length; p++) {
        if (rec.sig(p, 0x08074b50)) descriptors++;
        if (!rec.sig(p, 0x04034b50)) continue;
        local++;
        if (rec.u16(p + 6) & 8 && rec.u32(p + 18) === 0) flagged++;
      }
      expect([local, flagged, descriptors]).toEqual([5, 5, 5]);
    }
    const { json, out } = await rank(`infozip-${how}`, bytes);
    // all five scores equal s: composite 0.6·s + 0.1·s·4 = s
    expect(composites(json)).toEqual([["Z1", 88.5], ["Z2", 79], ["Z3", 93]]);
    expect(json.findings).toEqual([]);
    // LibreOffice shows the column's number format, two decimals
    expectLibreOfficeReads(out, [["Z1", "88.50"], ["Z2", "79.00"], ["Z3", "93.00"]]);
  }, 300_000);
});
