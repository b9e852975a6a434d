// Issue #6, promise 1 for the task pane: the broken and hostile workbooks of corpus.test.ts (which
// runs them through the CLI), built in the Excel double and run through the pane's own verbs
// (PaneSession: the code behind 计算排名 and 校验, without the DOM). Each gives findings or one
// clear sentence in both languages — never an exception of another kind — and nothing half-written:
// a refused compute changes nothing at all; a computed one changes only its result columns and the
// 校验结果 sheet.
import type { CellSpec, WorkbookFixture } from "../support/excel-double";
import { HEADERS } from "../taskpane/fixtures";
import { answering, attemptCompute, Dump, expectExplained, expectOnlyResultsChanged, paneOn, PaneRig, resultColumnsOf } from "./pane-support";

type Cell = string | number | boolean | null;
const SHEET = "年度考核";
// 编号 姓名 对象 单位 分组 主要负责人 绩效考核(G) 民主测评 领导评价 民意调查 党建成效 政治素质(L) 通报批评 真抓实干激励
const row = (id: string, score: Cell = 80, over: Partial<Record<number, Cell>> = {}): Cell[] => {
  const r: Cell[] = [id, `干部${id}`, "干部", "区委办", "区直单位", "否", score, 80, 80, 80, 80, "过得硬", "无", "否"];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v ?? null;
  return r;
};
/** All five scores equal: the composite is exactly n. */
const all = (n: number): Partial<Record<number, Cell>> => ({ 6: n, 7: n, 8: n, 9: n, 10: n });
const annual = (rows: Cell[][], cells: Record<string, CellSpec> = {}, extra: Partial<WorkbookFixture> = {}): WorkbookFixture => ({
  sheets: [{ name: SHEET, rows: [HEADERS, ...rows], cells }, { name: "说明", rows: [["用户的说明页"]] }],
  active: SHEET,
  selection: `${SHEET}!A1`,
  ...extra,
});

interface Checked {
  rig: PaneRig;
  before: Dump;
  codes: [string, string | number | undefined][];
}

/** Compute and validate; assert the promises that hold for every input; return the findings. */
async function through(fixture: WorkbookFixture): Promise<Checked> {
  const rig = paneOn(fixture);
  const before = rig.dump();
  const a = await attemptCompute(rig);
  let codes: Checked["codes"] = [];
  if (!a.ok) {
    expectExplained(a.error);
    expect(rig.dump()).toEqual(before); // refused: nothing at all changed
  } else {
    expectOnlyResultsChanged(before, rig.dump(), resultColumnsOf(a.outcome));
    if (a.outcome.status === "computed") codes = a.outcome.findings.map((f) => [f.code, f.cell ?? f.row]);
    else expect(rig.dump()).toEqual(before);
  }
  // 校验 on the same workbook: findings or one sentence, and only the 校验结果 sheet is written.
  const afterCompute = rig.dump();
  try {
    const v = await rig.session.validate();
    expect(v.ran).toBe(true);
  } catch (e) {
    expectExplained(e);
  }
  expectOnlyResultsChanged(afterCompute, rig.dump(), null);
  return { rig, before, codes };
}

async function refused(fixture: WorkbookFixture, code: string): Promise<{ zh: string; en: string }> {
  const rig = paneOn(fixture);
  const before = rig.dump();
  const a = await attemptCompute(rig);
  expect(a.ok).toBe(false);
  expect((a.error as { code?: string }).code).toBe(code);
  expect(rig.dump()).toEqual(before);
  return expectExplained(a.error);
}

describe("hostile and broken workbooks through the task pane's verbs", () => {
  test("error values and formulas in input cells", async () => {
    const { codes } = await through(annual([row("A1", "#DIV/0!"), row("A2", "#N/A"), row("A3", null), row("A4")], { G4: { formula: "=40*2", result: 80 } }));
    expect(codes).toEqual([
      ["NOT_A_NUMBER", "G2"],
      ["NOT_A_NUMBER", "G3"],
    ]);
  });

  test("booleans, dates (Excel hands them over as serial numbers), 1e308, negative zero, NaN and Infinity as text", async () => {
    const { codes, rig } = await through(
      annual([row("B1", true), row("B2", 45000), row("B3", 1e308), row("B4", -0), row("B5", "'NaN"), row("B6", "'Infinity")], { G3: { numberFormat: "yyyy-mm-dd" } }),
    );
    expect(codes).toEqual([
      ["NOT_A_NUMBER", "G2"],
      ["OUT_OF_RANGE", "G3"],
      ["OUT_OF_RANGE", "G4"],
      ["NOT_A_NUMBER", "G6"],
      ["NOT_A_NUMBER", "G7"],
    ]);
    expect(rig.d.values(SHEET, "O5:O5")).toEqual([[32]]); // 0.6 × 0 + 0.1 × 80 × 4
  });

  test("10,000-character strings, emoji and right-to-left text stay data; messages stay short", async () => {
    const long = "长".repeat(10_000);
    const { codes, rig } = await through(annual([row("D1", 80, { 1: long }), row("D2😀", 90, { ...all(90), 1: "مرحبا بالعالم" }), row("D3", 80, { 11: long })]));
    expect(codes).toEqual([["UNKNOWN_VALUE", "L4"]]);
    expect(rig.d.values(SHEET, "A3:B3")).toEqual([["D2😀", "مرحبا بالعالم"]]);
    expect(rig.d.values(SHEET, "Q3:Q3")).toEqual([["优秀"]]);
    expect(String(rig.d.values(SHEET, "R4:R4")[0][0]).length).toBeLessThan(300);
  });

  test("merged cells (Office.js reads the cells under a merge as blank) and hidden rows (read like any other)", async () => {
    // A merged C2:C4 分组 reads "区直单位" in E2 and "" in E3:E4: those rows are reported, not guessed.
    const { codes } = await through(annual([row("E1", 90), row("E2", 80, { 4: null }), row("E3", 70, { 4: null })]));
    expect(codes).toEqual([
      ["MISSING", "E3"],
      ["MISSING", "E4"],
    ]);
  });

  test("duplicate and missing headers: reported, no result written", async () => {
    const dup = await through({ sheets: [{ name: SHEET, rows: [[...HEADERS, "绩效考核"], [...row("F1"), 70]] }] });
    expect(dup.codes.map((c) => c[0])).toEqual(["DUPLICATE_COLUMN"]);
    expect(dup.rig.d.values(SHEET, "P1:P2")).toEqual([[""], [""]]);
    const missing = await through({ sheets: [{ name: SHEET, rows: [HEADERS.filter((_, i) => i !== 8), row("F2").filter((_, i) => i !== 8)] }] });
    expect(missing.codes.map((c) => c[0])).toEqual(["MISSING_COLUMN"]);
  });

  test("a header-only table: only the result headers are written", async () => {
    const { rig } = await through({ sheets: [{ name: SHEET, rows: [HEADERS] }] });
    expect(rig.d.values(SHEET, "O1:R1")[0]).toEqual(["综合得分", "排名", "等次", "说明"]);
  });

  test("an empty sheet, a workbook with only other tables: one sentence, nothing written", async () => {
    const m = await refused({ sheets: [{ name: "空" }] }, "NO_TABLE");
    expect(m.en).toMatch(/table/i);
    await refused({ sheets: [{ name: "绩效", rows: [["编号", "名称", "分组", "幸福感", "满意度", "安全感"], ["U1", "发改局", "区直单位", 90, 90, 90]] }] }, "NO_TABLE");
  });

  test("two annual tables: the pane asks which; cancel changes nothing; the chosen one alone is written", async () => {
    const two: WorkbookFixture = {
      sheets: [
        { name: "区直", rows: [HEADERS, row("G1", 95, all(95)), row("G2", 85, all(85))] },
        { name: "镇街", rows: [HEADERS, row("H1", 91, all(91)), row("H2", 92, all(92))] },
        { name: "说明", rows: [["x"]] },
      ],
      active: "说明",
      selection: "说明!A1",
    };
    const rig = paneOn(two);
    const before = rig.dump();
    const cancel = answering({ pick: null });
    expect((await attemptCompute(rig, cancel)).outcome).toEqual({ status: "cancelled" });
    expect(cancel.asked).toEqual(["pick:2"]);
    expect(rig.dump()).toEqual(before);
    const a = await attemptCompute(rig, answering({ pick: 1 }));
    expect(a.outcome?.status).toBe("computed");
    expectOnlyResultsChanged(before, rig.dump(), resultColumnsOf(a.outcome!));
    expect(rig.d.values("镇街", "Q2:Q3")).toEqual([["称职"], ["优秀"]]);
    expect(rig.d.values("区直", "O1:O1")).toEqual([[""]]);
  });

  test("a protected sheet: reported before anything is written", async () => {
    const rig = paneOn({ ...annual([row("P1", 95)]), sheets: [{ name: SHEET, rows: [HEADERS, row("P1", 95)], protected: true }] });
    const before = rig.dump();
    expect((await attemptCompute(rig)).outcome).toEqual({ status: "protected", sheet: SHEET });
    expect(rig.dump()).toEqual(before);
  });

  test("a protected 校验结果 sheet of the add-in's: reported before anything is written", async () => {
    const fixture = annual([row("P2", 95)]);
    fixture.sheets!.push({ name: "校验结果", rows: [["级别", "代码"]], protected: true });
    const rig = paneOn(fixture);
    const before = rig.dump();
    expect((await attemptCompute(rig)).outcome).toEqual({ status: "protected", sheet: "校验结果" });
    expect(rig.dump()).toEqual(before);
  });

  test("another table where the result columns would go: one sentence, nothing written", async () => {
    const fixture = annual([row("R1", 95)]);
    fixture.sheets![0].cells = { P1: { value: "别人的表" }, P2: { value: "x" } };
    fixture.sheets![0].tables = [{ name: "别人", address: "P1:P2" }];
    const m = await refused(fixture, "RESULT_AREA_OVERLAPS_TABLE");
    expect(m.zh).toContain("O1:R2");
  });

  test("content right of the table: the pane asks; declining changes nothing", async () => {
    const fixture = annual([row("S1", 95)], { Q2: { value: "我的批注", fill: "#FFFF00" } });
    const rig = paneOn(fixture);
    const before = rig.dump();
    const no = answering({ overwrite: false });
    expect((await attemptCompute(rig, no)).outcome).toEqual({ status: "cancelled" });
    expect(no.asked).toEqual(["overwrite"]);
    expect(rig.dump()).toEqual(before);
  });
});
