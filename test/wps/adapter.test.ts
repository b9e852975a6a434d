// The WPS adapter on the WPS double, against the Office.js adapter on the Excel double: the same
// actions (insertSample, computeRanking with 反馈, validate) must leave the same cells, fills and notes
// in both hosts; undo (restore of the step's snapshot) gives the workbook back exactly; a failed write
// is rolled back; text stays text; a protected sheet is refused before anything is written; builds
// whose zero-argument members are methods behave the same; the settings live on a very hidden sheet.
import { computeRanking, feedbackAction, insertSample, validateWorkbook } from "../../src/actions";
import { defaultPolicy } from "../../src/engine/policy";
import type { Snapshot } from "../../src/workbook/port";
import { OfficeWorkbook } from "../../src/workbook/office";
import { argbToBgr, bgrToArgb, WpsWorkbook } from "../../src/workbook/wps/adapter";
import { SETTINGS_SHEET, WpsDocumentSettings, CHUNK } from "../../src/workbook/wps/settings";
import { WorkbookError } from "../../src/workbook/port";
import { createWorkbook as createExcel } from "../support/excel-double";
import { createWorkbook as createWps, WpsDouble, WpsFixture } from "../support/wps-double";
import { Norm, normExcel, normWps as normDump } from "./normalize";

const normWps = (d: WpsDouble): Norm => normDump(d.dump());

jest.setTimeout(120_000);

const DATES = { feedbackDate: "2024-03-15", today: "2024-05-04" };
const noYield = async () => undefined;

function wpsRig(fixture: WpsFixture = { sheets: [{ name: "Sheet1" }] }) {
  const d = createWps(fixture);
  const port = new WpsWorkbook({ application: () => d.application as never, yieldToPage: noYield });
  return { d, port };
}

describe("colours: HIGHLIGHT_FILLS (ARGB) ↔ Interior.Color (BGR, VBA's RGB())", () => {
  test("light red FFC7CE is 255 + 199·256 + 206·65536 = 13551615, and back", () => {
    expect(argbToBgr("FFFFC7CE")).toBe(13551615);
    expect(bgrToArgb(13551615)).toBe("FFFFC7CE");
    // yellow: r 255, g 255, b 0 → 255 + 255·256 = 65535
    expect(argbToBgr("FFFFFF00")).toBe(65535);
  });
});

describe("the sample through every verb: the WPS path leaves what the Excel path leaves", () => {
  const policy = defaultPolicy();
  const excel = createExcel({ sheets: [{ name: "Sheet1" }] }).install(globalThis);
  const office = new OfficeWorkbook();
  const { d, port } = wpsRig();
  const snaps: { excel: Snapshot[]; wps: Snapshot[] } = { excel: [], wps: [] };
  const before: Norm[] = [];
  let statusCell = "";

  test("示例 inserts the same six sheets with the same cells", async () => {
    before.push(normWps(d));
    const a = await insertSample(office, { onSnapshot: (s) => snaps.excel.push(s) });
    const b = await insertSample(port, { onSnapshot: (s) => snaps.wps.push(s) });
    expect(b.sheets).toEqual(a.sheets);
    expect(d.sheetNames()).toEqual(["Sheet1", ...a.sheets]);
    expect(normWps(d)).toEqual(normExcel(excel.dump() as never));
    // A header row is bold and frozen (ActiveWindow.SplitRow + FreezePanes), and the user's sheet stays active.
    expect(d.cell(a.sheets[0], "A1").bold).toBe(true);
    expect(d.activeSheet).toBe("Sheet1");
  });

  test("计算排名 writes the same results, fills, notes and result sheets", async () => {
    before.push(normWps(d));
    const a = await computeRanking(office, policy, { feedback: DATES, onSnapshot: (s) => snaps.excel.push(s) });
    const b = await computeRanking(port, policy, { feedback: DATES, onSnapshot: (s) => snaps.wps.push(s) });
    // The one difference: the WPS adapter draws no chart (考核统计's 各组等次分布), and says so.
    expect(a.summary.charts).toEqual([{ sheet: "考核统计", drawn: true }]);
    expect(b.summary.charts).toEqual([{ sheet: "考核统计", drawn: false }]);
    expect(JSON.stringify({ ...b.summary, charts: null })).toBe(JSON.stringify({ ...a.summary, charts: null }));
    const wps = normWps(d);
    expect(wps).toEqual(normExcel(excel.dump() as never));
    // The sheets of the scheme are there, and highlighted rows carry a reason on their 等次 cell.
    expect(Object.keys(wps)).toEqual(expect.arrayContaining(["历年奖励", "考察覆盖", "反馈", "考核统计", "校验结果"]));
    const notes = Object.values(wps["年度考核"]).filter((c) => c.note);
    expect(notes.length).toBeGreaterThan(3);
    const fills = new Set(Object.values(wps["年度考核"]).map((c) => c.fill).filter(Boolean));
    // veto red, affirmed green, quota amber, invalid grey (POLICY §4; the sample plants each)
    expect([...fills].sort()).toEqual(["FFC6EFCE", "FFD9D9D9", "FFFFC7CE", "FFFFEB9C"]);
  });

  test("反馈 rewrites the 反馈 sheet the same way, keeping a typed status", async () => {
    before.push(normWps(d));
    // Staff mark the first deduction item done in both workbooks.
    const sheet = normWps(d)["反馈"];
    const colOf = (header: string) => Object.entries(sheet).find(([addr, c]) => /^[A-Z]+1$/.test(addr) && c.v === header)![0].replace("1", "");
    const item = colOf("扣分指标");
    const row = Object.keys(sheet).filter((a) => a.startsWith(item) && a !== `${item}1` && sheet[a].v !== "").map((a) => Number(a.slice(item.length))).sort((x, y) => x - y)[0];
    statusCell = `${colOf("状态")}${row}`;
    excel.type("反馈", statusCell, "已整改");
    d.type("反馈", statusCell, "已整改");
    const a = await feedbackAction(office, policy, { ...DATES, onSnapshot: (s) => snaps.excel.push(s) });
    const b = await feedbackAction(port, policy, { ...DATES, onSnapshot: (s) => snaps.wps.push(s) });
    expect([b.units, b.items, b.open, b.done, b.overdue]).toEqual([a.units, a.items, a.open, a.done, a.overdue]);
    expect(b.done).toBe(1);
    expect(normWps(d)).toEqual(normExcel(excel.dump() as never));
  });

  test("校验 finds the same findings", async () => {
    const a = await validateWorkbook(office, policy);
    const b = await validateWorkbook(port, policy);
    expect(b.findings.map((f) => [f.code, f.sheet, f.row])).toEqual(a.findings.map((f) => [f.code, f.sheet, f.row]));
    expect(b.errors).toBeGreaterThan(0);
  });

  test("撤销 ×3 walks back to the blank workbook, exactly", async () => {
    // 反馈 → 计算排名 → 示例, newest first; the status typed in between was an input cell of the 反馈 sheet the 反馈 step replaced.
    await port.restore(snaps.wps[2]);
    // The 反馈 sheet is back as it was before 反馈, with the status staff typed into it.
    const afterFeedbackUndo = normWps(d);
    expect(afterFeedbackUndo["反馈"][statusCell].v).toBe("已整改");
    afterFeedbackUndo["反馈"][statusCell] = before[2]["反馈"][statusCell];
    expect(afterFeedbackUndo).toEqual(before[2]);
    await port.restore(snaps.wps[1]);
    expect(normWps(d)).toEqual(before[1]);
    await port.restore(snaps.wps[0]);
    expect(normWps(d)).toEqual(before[0]);
    expect(d.sheetNames(true)).toEqual(["Sheet1"]);
    expect(d.displayAlerts).toBe(true); // turned off only around Worksheet.Delete
    expect(d.screenUpdating).toBe(true);
  });
});

describe("a ListObject, the user's fills and notes, text that looks like a formula", () => {
  const rows: (string | number)[][] = [
    ["编号", "姓名", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评"],
    ["A01", "=1+1", 92, 88, 90, 85, 95, "过得硬", "无"],
    ["A02", "+李四", 95, 95, 95, 95, 95, "过得硬", "区级"],
  ];
  const fixture = (): WpsFixture => ({
    sheets: [
      {
        name: "年度考核",
        rows: rows.map((r) => r.map((v) => (typeof v === "string" && /^[=+]/.test(v) ? "'" + v : v))),
        tables: [{ name: "年度表", address: "A1:I3" }],
        cells: { C2: { fill: 65535, comment: "用户的批注" } },
      },
    ],
    active: "年度考核",
  });

  test("results widen the table; input cells, their fill and note stay; the names stay text", async () => {
    const { d, port } = wpsRig(fixture());
    const input = JSON.stringify(d.values("年度考核", "A1:I3"));
    let snap: Snapshot | null = null;
    await computeRanking(port, defaultPolicy(), { findingsSheet: true, onSnapshot: (s) => (snap = s) });
    expect(JSON.stringify(d.values("年度考核", "A1:I3"))).toBe(input);
    expect(d.cell("年度考核", "C2")).toMatchObject({ fill: 65535, comment: "用户的批注" });
    expect(d.table("年度表")!.address).toBe("A1:M3");
    expect(d.values("年度考核", "J1:M1")).toEqual([["综合得分", "排名", "等次", "说明"]]);
    // A01: 0.6·92 + 0.1·(88+90+85+95) = 55.2 + 35.8 = 91.00 (POLICY §10 example 1)
    expect(d.cell("年度考核", "J2").value).toBe(91);
    // A02 has a district-level circular: veto, red 等次 cell with the reason as a note.
    expect(d.cell("年度考核", "L3").fill).toBe(13551615);
    expect(d.cell("年度考核", "L3").comment).toMatch(/否决|veto/i);
    // The names read back as the text typed, never as formulas.
    expect(d.cell("年度考核", "B2")).toMatchObject({ value: "=1+1", type: "String", formula: null });
    // Undo: the table shrinks back, the results go, the user's cells are as they were.
    const original = createWps(fixture()).dump();
    await port.restore(snap!);
    expect(d.dump()).toEqual(original);
  });

  test("a protected sheet is refused before anything is written", async () => {
    const f = fixture();
    f.sheets![0].protected = true;
    const { d, port } = wpsRig(f);
    const original = d.dump();
    const e = await computeRanking(port, defaultPolicy(), { findingsSheet: false }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookError);
    expect((e as WorkbookError).kind).toBe("unwritable");
    expect((e as WorkbookError).detail.zh).toContain("受保护");
    expect(d.dump()).toEqual(original);
  });

  test.each([1, 3, 6])("a write that fails midway (the %i. Value2 assignment) is rolled back from the snapshot", async (nth) => {
    const { d, port } = wpsRig(fixture());
    const original = d.dump();
    let snap: Snapshot | null = null;
    d.failOn("Value2=", nth);
    const e = await computeRanking(port, defaultPolicy(), { onSnapshot: (s) => (snap = s) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookError);
    expect((e as WorkbookError).detail.zh).toContain("WPS 操作失败");
    expect(snap).not.toBeNull();
    await port.restore(snap!);
    expect(d.dump()).toEqual(original);
  });
});

describe("builds whose zero-argument members are methods", () => {
  test("the sample and a compute leave exactly what the property build leaves", async () => {
    const run = async (flavour: "property" | "method") => {
      const { d, port } = wpsRig({ sheets: [{ name: "Sheet1" }], flavour });
      await insertSample(port, {});
      await computeRanking(port, defaultPolicy(), { feedback: DATES });
      return d.dump();
    };
    const a = await run("property");
    const b = await run("method");
    expect(b).toEqual(a);
  });
});

describe("document settings on a very hidden sheet", () => {
  test("saved, read back by a fresh store, invisible to the add-in's table search", async () => {
    const { d, port } = wpsRig({ sheets: [{ name: "Sheet1", rows: [["备注"]] }], active: "Sheet1" });
    const store = new WpsDocumentSettings(() => d.application as never);
    const long = "政".repeat(CHUNK + 10); // longer than one cell holds
    store.set("assess.policy", JSON.stringify({ name: "x", note: long }));
    store.set("assess.written", { a: 1 });
    await store.save();
    expect(d.sheetVisibility(SETTINGS_SHEET)).toBe(2); // xlSheetVeryHidden
    expect(d.sheetNames()).toEqual(["Sheet1"]);
    expect(d.activeSheet).toBe("Sheet1");
    expect(d.cell(SETTINGS_SHEET, "B1").numberFormat).toBe("@");
    const again = new WpsDocumentSettings(() => d.application as never);
    expect(JSON.parse(again.get("assess.policy") as string).note).toBe(long);
    expect(again.get("assess.written")).toEqual({ a: 1 });
    expect(again.get("missing")).toBeNull();
    again.remove("assess.written");
    await again.save();
    expect(new WpsDocumentSettings(() => d.application as never).get("assess.written")).toBeNull();
    expect(await port.listTables()).toEqual([]);
  });
});
