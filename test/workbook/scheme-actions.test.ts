// The host-free actions the task pane's 示例 and 反馈 buttons call — insertSample(port, options) and
// feedbackAction(port, policy, dates) — on both adapters: exceljs (the CLI) and Office.js (on the
// in-memory Excel double). Undo of a compute removes the scheme sheets it added.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { ActionError, computeRanking, feedbackAction, insertSample } from "../../src/actions";
import { defaultPolicy } from "../../src/engine/policy";
import { FeedbackDateError } from "../../src/engine/feedback";
import { generateSample } from "../../src/sample";
import { OfficeWorkbook } from "../../src/workbook/office";
import { HIGHLIGHT_FILLS, WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { createWorkbook, ExcelDouble } from "../support/excel-double";
import { dumpCells, fillOf, loadExcel } from "../support/xlsx-builders";
import { FEEDBACK_HEADERS } from "../golden/scheme-cases";

const policy = defaultPolicy();
const SHEETS = ["年度考核", "单位绩效", "市考指标", "历年等次", "政治建设考察", "民意调查", "民主测评票", "示例说明"];
const office = (fixture: Parameters<typeof createWorkbook>[0] = { sheets: [{ name: "Sheet1" }] }): { d: ExcelDouble; port: OfficeWorkbook } => {
  const d = createWorkbook(fixture).install(globalThis);
  return { d, port: new OfficeWorkbook() };
};

describe("insertSample", () => {
  test("exceljs: every sheet of the sample, recognised as its kind; a second insert replaces the first", async () => {
    const port = XlsxWorkbook.from(new ExcelJS.Workbook());
    const first = await insertSample(port, { seed: 3, cadres: 150 });
    expect(first.sheets).toEqual(SHEETS);
    const kinds = (await port.listTables()).map((t) => [t.sheet, t.kind]);
    expect(kinds).toEqual([
      ["年度考核", "annual"],
      ["单位绩效", "unit"],
      ["市考指标", "city"],
      ["历年等次", "history"],
      ["政治建设考察", "examination"],
      ["民意调查", "survey"],
      ["民主测评票", "ballots"],
    ]);
    const again = await insertSample(port, { seed: 4, cadres: 150 });
    expect(again.sheets).toEqual(SHEETS);
    expect(port.workbook.worksheets.map((w) => w.name)).toEqual(SHEETS);
    expect(port.workbook.getWorksheet("年度考核")!.getCell("A2").value).toBe(generateSample({ seed: 4, cadres: 150 }).sheets[0].rows[0][0]);
  });

  test("a sheet of the same name that belongs to the user is kept; the sample's goes beside it", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("年度考核").getCell("A1").value = "我的表";
    const port = XlsxWorkbook.from(wb);
    const r = await insertSample(port, { cadres: 150 });
    expect(r.sheets[0]).toBe("年度考核 (2)");
    expect(wb.getWorksheet("年度考核")!.getCell("A1").value).toBe("我的表");
  });

  test("Office.js: the same sheets and cells through the pane's adapter", async () => {
    const { d, port } = office();
    const r = await insertSample(port, { seed: 3, cadres: 150 });
    expect(r.sheets).toEqual(SHEETS);
    expect(d.sheetNames()).toEqual(["Sheet1", ...SHEETS]);
    const unit = r.sample.sheets[1];
    expect(d.values("单位绩效", "A1:I2")).toEqual([unit.headers, unit.rows[0]]);
    expect((await port.listTables()).map((t) => t.kind)).toEqual(["annual", "unit", "city", "history", "examination", "survey", "ballots"]);
  });
});

/** The golden feedback case: a unit table, city indicators and an existing 反馈 sheet. */
const FEEDBACK_INPUT = path.join(__dirname, "../golden/feedback/input.xlsx");
const dates = { feedbackDate: "2024-03-15", today: "2024-04-01" };

async function checkFeedback(port: WorkbookPort, cellOf: (row: number, col: number) => { value: unknown; fill: string | null }) {
  const r = await feedbackAction(port, policy, { ...dates, snapshot: true });
  expect(r).toMatchObject({ sheet: "反馈", units: 3, items: 4, open: 3, done: 1, overdue: 2, errors: 0, warnings: 1 });
  expect(r.findings.map((f) => [f.sheet, f.cell, f.code])).toEqual([["反馈", "M4", "UNKNOWN_VALUE"]]);
  const rows: Record<string, { status: unknown; fill: string | null }> = {};
  for (let row = 2; row <= 5; row++) rows[String(cellOf(row, 7).value)] = { status: cellOf(row, 13).value, fill: cellOf(row, 1).fill };
  expect(rows).toEqual({
    SK11: { status: "待整改", fill: null },
    SK10: { status: "待整改", fill: HIGHLIGHT_FILLS.veto },
    SK07: { status: "已整改", fill: null },
    SK08: { status: "待整改", fill: HIGHLIGHT_FILLS.veto },
  });
  return r;
}

describe("feedbackAction", () => {
  test("exceljs: statuses of the existing 反馈 sheet survive; overdue items filled; undo gives the old sheet back", async () => {
    const port = await XlsxWorkbook.load(new Uint8Array(fs.readFileSync(FEEDBACK_INPUT)));
    const ws = () => port.workbook.getWorksheet("反馈")!;
    const before = ws().getCell("M4").value;
    const r = await checkFeedback(port, (row, col) => ({ value: ws().getCell(row, col).value, fill: fillOf(ws().getCell(row, col)) }));
    expect(ws().getCell("A1").value).toBe(FEEDBACK_HEADERS[0]);
    await port.restore(r.snapshot!);
    expect(ws().getCell("M4").value).toBe(before);
    expect(ws().getCell("G5").value).toBe("SK99");
  });

  test("Office.js: the same 反馈 sheet through the pane's adapter", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(FEEDBACK_INPUT) as unknown as ExcelJS.Buffer);
    const rowsOf = (name: string) => {
      const out: (string | number | null)[][] = [];
      wb.getWorksheet(name)!.eachRow((row, n) => (out[n - 1] = (row.values as (string | number | null)[]).slice(1).map((v) => v ?? null)));
      return out;
    };
    const { d, port } = office({ sheets: ["单位绩效", "市考指标", "反馈"].map((name) => ({ name, rows: rowsOf(name) })) });
    const toArgb = (hex: string | null) => (hex ? `FF${hex.replace("#", "").toUpperCase()}` : null);
    await checkFeedback(port, (row, col) => {
      const c = d.cell("反馈", `${String.fromCharCode(64 + col)}${row}`);
      return { value: c.value === "" ? null : c.value, fill: toArgb(c.fill) };
    });
  });

  test("no unit table: NO_UNIT_TABLE; a bad date: FeedbackDateError; nothing written", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "你好";
    const empty = XlsxWorkbook.from(wb);
    await expect(feedbackAction(empty, policy, dates)).rejects.toMatchObject({ code: "NO_UNIT_TABLE" });
    await expect(feedbackAction(empty, policy, dates)).rejects.toBeInstanceOf(ActionError);
    const port = await XlsxWorkbook.load(new Uint8Array(fs.readFileSync(FEEDBACK_INPUT)));
    await expect(feedbackAction(port, policy, { feedbackDate: "2024-02-30", today: dates.today })).rejects.toBeInstanceOf(FeedbackDateError);
    expect(port.workbook.getWorksheet("反馈")!.getCell("M2").value).toBe("已整改");
  });
});

describe("compute with the scheme sheets", () => {
  test("undo removes the 历年奖励, 考察覆盖, 反馈, 民意调查汇总, 民主测评汇总 and 考核统计 sheets a compute added", async () => {
    const port = XlsxWorkbook.from(new ExcelJS.Workbook());
    await insertSample(port, { cadres: 150 });
    const r = await computeRanking(port, policy, { snapshot: true, feedback: { feedbackDate: "2024-03-15", today: "2024-05-04" } });
    expect(r.summary.schemeSheets).toEqual(["历年奖励", "考察覆盖", "反馈", "民意调查汇总", "民主测评汇总", "考核统计"]);
    expect(r.summary.feedback).toMatchObject({ sheet: "反馈" });
    await port.restore(r.snapshot!);
    expect(port.workbook.worksheets.map((w) => w.name)).toEqual(SHEETS);
  });
});

describe("computeRanking's write plan (beforeWrite)", () => {
  const golden = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../golden", name, "input.xlsx")));

  test("names every sheet it writes before the first write; the result carries the same plan", async () => {
    // unit-city: the unit table's and the annual table's result columns, 历年奖励 (a priority
    // promotion), 反馈 (the unit table), 考核统计 (every compute) and 校验结果 — the city table gets no results.
    const wb = await XlsxWorkbook.load(golden("unit-city"));
    const seen: string[][] = [];
    const r = await computeRanking(wb, policy, { fillPerformance: true, feedback: { feedbackDate: "2024-03-15", today: "2024-05-04" }, beforeWrite: async (plan) => void seen.push(plan.sheets) });
    expect(seen).toEqual([["单位绩效", "年度考核", "历年奖励", "反馈", "考核统计", "校验结果"]]);
    expect(r.plan.sheets).toEqual(seen[0]);
  });

  test("a beforeWrite that throws stops the compute with nothing written", async () => {
    const input = golden("unit-city");
    const wb = await XlsxWorkbook.load(input);
    const stop = new Error("protected");
    await expect(computeRanking(wb, policy, { beforeWrite: async () => Promise.reject(stop) })).rejects.toBe(stop);
    const after = dumpCells(await loadExcel(await wb.toBuffer()));
    expect(after).toEqual(dumpCells(await loadExcel(input)));
  });
});
