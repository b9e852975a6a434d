// The package adapter (src/workbook/package) against the exceljs adapter: the same action code on the
// same workbook must give the same report, and the two output workbooks, read back by exceljs, the
// same cells — values, notes, fills, number formats, bold — on every sheet. Then the promises of the
// golden cases that concern the file itself: every input cell keeps its value, format and note.
import * as ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { computeRanking } from "../../src/actions/computeRanking";
import { buildReport } from "../../src/actions/report";
import { policySha256, readPolicy } from "../../src/cli/main";
import { PackageWorkbook } from "../../src/workbook/package/workbook";
import { readZip } from "../../src/workbook/package/zip";
import type { Policy } from "../../src/engine/policy";
import type { WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { fillOf, loadExcel } from "../support/xlsx-builders";

const GOLDEN = path.join(__dirname, "..", "golden");
const OPTIONS = { feedback: { feedbackDate: "2024-03-01", today: "2024-05-01" } };

interface Port extends WorkbookPort {
  toBuffer(): Promise<Uint8Array>;
}

async function run(port: Port, policy: Policy) {
  const result = await computeRanking(port, policy, OPTIONS);
  const report = buildReport({ name: policy.name, sha256: policySha256(policy) }, result.analysis.tables, result.analysis.findings);
  return { report, summary: result.summary, output: await port.toBuffer() };
}

/** What a reader sees of every cell: value, note, fill colour, number format, bold. */
function view(wb: ExcelJS.Workbook) {
  const sheets: Record<string, Record<string, unknown>> = {};
  for (const ws of wb.worksheets) {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[cell.address] = { value: JSON.parse(JSON.stringify(cell.value ?? null)), note: cell.note ?? null, fill: fillOf(cell), numFmt: cell.numFmt ?? null, bold: cell.font?.bold ?? false };
      }),
    );
    sheets[ws.name] = cells;
  }
  return { names: wb.worksheets.map((w) => w.name), sheets };
}

async function compare(bytes: Uint8Array, policy: Policy) {
  const viaExceljs = await run(await XlsxWorkbook.load(bytes), policy);
  const viaPackage = await run(PackageWorkbook.open(bytes), policy);
  expect(viaPackage.report).toEqual(viaExceljs.report);
  // The one difference: the package adapter draws 考核统计's chart, exceljs cannot (and says so).
  expect(viaPackage.summary.charts.map((c) => c.drawn)).toEqual(viaExceljs.summary.charts.map(() => true));
  expect(viaExceljs.summary.charts.every((c) => !c.drawn)).toBe(true);
  expect({ ...viaPackage.summary, charts: null }).toEqual({ ...viaExceljs.summary, charts: null });
  expect(view(await loadExcel(viaPackage.output))).toEqual(view(await loadExcel(viaExceljs.output)));
  return viaPackage;
}

const cases = fs.readdirSync(GOLDEN).filter((d) => fs.existsSync(path.join(GOLDEN, d, "input.xlsx")));

describe.each(cases)("golden workbook %s", (name) => {
  test("the package adapter computes and writes what the exceljs adapter does", async () => {
    const input = new Uint8Array(fs.readFileSync(path.join(GOLDEN, name, "input.xlsx")));
    const policyFile = path.join(GOLDEN, name, "policy.json");
    const policy = await readPolicy(fs.existsSync(policyFile) ? policyFile : undefined);
    const first = await compare(input, policy);
    // Run again on its own output: the earlier results are recognised and overwritten in place.
    await compare(first.output, policy);
  });
});

describe("workbooks the golden cases do not cover", () => {
  const HEAD = ["编号", "姓名", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评"];
  const row = (id: string, s: number, extra: ExcelJS.CellValue[] = []) => [id, `干部${id}`, "区直单位", s, s, s, s, s, "过得硬", "", ...extra];

  async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  test("notes elsewhere on the sheet stay; merged cells, dates, formulas, styles and a second sheet", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("年度考核");
      ws.addRow(HEAD).font = { bold: true, color: { argb: "FF1F4E79" } };
      for (let i = 1; i <= 40; i++) ws.addRow(row(`A${i}`, 70 + (i % 25) + (i % 3) * 0.25));
      ws.getCell("B3").note = "a note of the user's";
      ws.getCell("A45").value = "备注：以上为 2023 年数据";
      ws.getCell("A45").note = "far away";
      ws.mergeCells("C10:C12");
      ws.getCell("D20").value = { formula: "90+1", result: 91 };
      ws.getCell("E21").value = new Date(Date.UTC(2023, 11, 31));
      ws.getCell("J5").value = "区级";
      ws.getColumn(4).numFmt = "0.0";
      ws.getCell("F7").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
      const other = wb.addWorksheet("说明");
      other.getCell("A1").value = "本表由人事科维护";
    });
    await compare(bytes, await readPolicy(undefined));
  });

  test("an Excel table grows by the result columns", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("年度考核");
      ws.addTable({ name: "考核表", ref: "B2", headerRow: true, style: { theme: "TableStyleMedium2", showRowStripes: true }, columns: HEAD.map((h) => ({ name: h, filterButton: true })), rows: Array.from({ length: 12 }, (_, i) => row(`T${i}`, 80 + i)) });
    });
    const out = await compare(bytes, await readPolicy(undefined));
    const wb = await loadExcel(out.output);
    const table = (wb.getWorksheet("年度考核") as unknown as { tables: Record<string, { model: { tableRef: string; columns: { name: string }[] } }> }).tables["考核表"];
    expect(table.model.tableRef).toBe("B2:O14");
    expect(table.model.columns.map((c) => c.name).slice(-4)).toEqual(["综合得分", "排名", "等次", "说明"]);
  });

  test("parts it does not change are copied byte for byte", async () => {
    const input = new Uint8Array(fs.readFileSync(path.join(GOLDEN, "chinese-headers", "input.xlsx")));
    const out = await run(PackageWorkbook.open(input), await readPolicy(undefined));
    const before = new Map(readZip(input).map((e) => [e.name, Buffer.from(e.raw).toString("base64")]));
    const after = new Map(readZip(out.output).map((e) => [e.name, Buffer.from(e.raw).toString("base64")]));
    for (const name of ["xl/theme/theme1.xml", "docProps/core.xml", "docProps/app.xml"]) {
      if (before.has(name)) expect(after.get(name)).toBe(before.get(name));
    }
  });
});
