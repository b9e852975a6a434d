// 考核统计's chart in the .xlsx the command line writes (the package adapter): a DrawingML chart part and
// a drawing part, related and typed as Excel expects, well-formed (xmllint), its series pointing at the
// sheet's own cells with their values cached; a second run replaces it; and LibreOffice — a reader we
// did not write — opens the file and draws it (the PDF page holds the chart's title and axis title, and
// is rendered to test-output/statistics/ to be looked at).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { run } from "../../src/cli/main";
import { buildBytes, SheetSpec, TestCell } from "../support/xlsx-builders";
import { lookTestFor, pdfPages, renderPages, toPdf } from "../support/libreoffice";

jest.setTimeout(240_000);
const lookTest = lookTestFor("test/statistics/chart-xlsx (the chart as LibreOffice draws it)");

const HEADERS = ["编号", "姓名", "对象", "单位", "分组", "主要负责人", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评", "真抓实干激励"];
const row = (id: string, subject: string, group: string, x: TestCell, circular = "无"): TestCell[] => [id, id, subject, "区财政局", group, "否", x, x, x, x, x, "过得硬", circular, "否"];
// Three pools: 区直单位 · 班子/单位 (95 优秀, 80 良好, 70 一般), 区直单位 · 干部 (92 vetoed → 称职, 91 优秀,
// 50 不称职), 镇街道 · 干部 (70 基本称职).
const ANNUAL: SheetSpec = {
  name: "年度考核",
  tables: [
    {
      origin: "A1",
      headers: HEADERS,
      rows: [row("T1", "班子", "区直单位", 95), row("T2", "班子", "区直单位", 80), row("T3", "班子", "区直单位", 70), row("C1", "干部", "区直单位", 92, "区级"), row("C2", "干部", "区直单位", 91), row("C3", "干部", "区直单位", 50), row("C4", "干部", "镇街道", 70)],
    },
  ],
};
const SHOTS = path.join(__dirname, "..", "..", "test-output", "statistics");

async function rank(input: string, out: string): Promise<number> {
  return run(["rank", input, "--out", out, "--today", "2024-03-20"], { stdout: () => undefined, stderr: () => undefined });
}

function parts(file: string): Record<string, string> {
  const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
  return Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, strFromU8(v)]));
}

function wellFormed(xml: string, dir: string): string {
  const f = path.join(dir, "part.xml");
  fs.writeFileSync(f, xml);
  const r = spawnSync("xmllint", ["--noout", f], { encoding: "utf8" });
  return r.error ? `xmllint: ${r.error.message}` : r.stderr.trim();
}

describe("考核统计's chart in the .xlsx", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-chart-"));
  const input = path.join(dir, "in.xlsx");
  const out = path.join(dir, "out.xlsx");
  const again = path.join(dir, "again.xlsx");
  let p: Record<string, string>;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    fs.writeFileSync(input, await buildBytes({ sheets: [ANNUAL] }));
    expect(await rank(input, out)).toBe(0);
    p = parts(out);
  });

  test("a chart part and a drawing part, typed and related from the 考核统计 sheet", () => {
    const charts = Object.keys(p).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
    const drawings = Object.keys(p).filter((k) => /^xl\/drawings\/drawing\d+\.xml$/.test(k));
    expect(charts).toHaveLength(1);
    expect(drawings).toHaveLength(1);
    const types = p["[Content_Types].xml"];
    expect(types).toContain(`PartName="/${charts[0]}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    expect(types).toContain(`PartName="/${drawings[0]}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`);
    // The workbook's sheet list → 考核统计's part → its rels → the drawing → its rels → the chart.
    const sheetRid = /<sheet [^>]*name="考核统计"[^>]*r:id="([^"]+)"/.exec(p["xl/workbook.xml"])![1];
    const sheetTarget = new RegExp(`Id="${sheetRid}"[^>]*Target="([^"]+)"`).exec(p["xl/_rels/workbook.xml.rels"])![1];
    const sheetPath = `xl/${sheetTarget.replace(/^\/?xl\//, "")}`;
    const drawingRid = /<drawing r:id="([^"]+)"\/>/.exec(p[sheetPath])![1];
    const sheetRels = p[sheetPath.replace("worksheets/", "worksheets/_rels/") + ".rels"];
    expect(sheetRels).toMatch(new RegExp(`Id="${drawingRid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/${path.basename(drawings[0])}"`));
    const drawingRels = p[`xl/drawings/_rels/${path.basename(drawings[0])}.rels`];
    const chartRid = /<c:chart [^>]*r:id="([^"]+)"/.exec(p[drawings[0]])![1];
    expect(drawingRels).toMatch(new RegExp(`Id="${chartRid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/${path.basename(charts[0])}"`));
    // <drawing> sits where CT_Worksheet wants it: after pageMargins.
    expect(p[sheetPath].indexOf("<drawing ")).toBeGreaterThan(p[sheetPath].indexOf("<pageMargins"));
  });

  test("well-formed (xmllint); four series of the four grade levels over the three pools, values cached from the cells", () => {
    const chart = p["xl/charts/chart1.xml"];
    expect(wellFormed(chart, dir)).toBe("");
    expect(wellFormed(p["xl/drawings/drawing1.xml"], dir)).toBe("");
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain('<c:majorUnit val="1"/>'); // whole people
    expect([...chart.matchAll(/<c:tx><c:strRef><c:f>([^<]+)<\/c:f>.*?<c:v>([^<]+)<\/c:v>/g)].map((m) => [m[1], m[2]])).toEqual([
      ["'考核统计'!$B$1", "优秀"],
      ["'考核统计'!$C$1", "良好/称职"],
      ["'考核统计'!$D$1", "一般/基本称职"],
      ["'考核统计'!$E$1", "较差/不称职"],
    ]);
    expect([...chart.matchAll(/<c:cat><c:strRef><c:f>([^<]+)<\/c:f>/g)].map((m) => m[1])).toEqual(new Array(4).fill("'考核统计'!$A$2:$A$4"));
    // The counts per pool (rows 2–4) for each level, as the sheet holds them.
    const vals = [...chart.matchAll(/<c:val><c:numRef><c:f>[^<]+<\/c:f><c:numCache>(.*?)<\/c:numCache>/g)].map((m) => [...m[1].matchAll(/<c:pt idx="(\d)"><c:v>([^<]+)<\/c:v>/g)].map((x) => Number(x[2])));
    expect(vals).toEqual([
      [1, 1, 0], // 优秀: T1; C2; none
      [1, 1, 0], // 良好/称职: T2; C1 (vetoed)
      [1, 0, 1], // 一般/基本称职: T3; —; C4
      [0, 1, 0], // 较差/不称职: —; C3
    ]);
  });

  test("a second run over its own output replaces the chart: one chart, one drawing, one <drawing>", async () => {
    expect(await rank(out, again)).toBe(0);
    const q = parts(again);
    expect(Object.keys(q).filter((k) => /^xl\/charts\/.*\.xml$/.test(k))).toEqual(["xl/charts/chart1.xml"]);
    expect(Object.keys(q).filter((k) => /^xl\/drawings\/drawing\d+\.xml$/.test(k))).toEqual(["xl/drawings/drawing1.xml"]);
    expect((q["xl/drawings/drawing1.xml"].match(/<xdr:twoCellAnchor/g) ?? []).length).toBe(1);
    const sheet = Object.entries(q).find(([k, v]) => k.startsWith("xl/worksheets/sheet") && v.includes("<drawing "))!;
    expect((sheet[1].match(/<drawing /g) ?? []).length).toBe(1);
  });

  lookTest("LibreOffice opens the file and draws the chart (its title and value-axis title are on the page)", () => {
    const [pdf] = toPdf([out], dir);
    const pages = pdfPages(pdf);
    const at = pages.findIndex((t) => t.includes("各组等次分布"));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(pages[at]).toContain("人数");
    fs.rmSync(SHOTS, { recursive: true, force: true });
    const shots = renderPages(pdf, path.join(SHOTS, "chart"), at + 1, at + 1, 90);
    expect(shots).toHaveLength(1);
    expect(fs.statSync(shots[0]).size).toBeGreaterThan(10_000);
  });
});
