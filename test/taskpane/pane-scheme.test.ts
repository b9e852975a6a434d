// The pane's whole-scheme verbs without the DOM (PaneSession on the Excel double): 示例 into an
// empty workbook (refused into one with assessment tables), 计算排名 over every table kind with the
// 历年奖励 / 考察覆盖 / 反馈 sheets and the coverage view, 反馈 with a date (a bad one refused), and
// undo walking back through all of it to the empty workbook.
import { COVERAGE_SHEET, FEEDBACK_SHEET, REWARDS_SHEET, SAMPLE_NOTES_SHEET } from "../../src/actions";
import { SHEETS } from "../../src/sample/generate";
import { PaneError } from "../../src/taskpane/session";
import { answering, paneOn } from "../reliability/pane-support";
import { annualWorkbook, HEADERS } from "./fixtures";

jest.setTimeout(60_000);

describe("示例 → 计算排名 → 反馈 → 撤销 ×3", () => {
  const rig = paneOn({ sheets: [{ name: "Sheet1" }] });
  const dumps: ReturnType<typeof rig.dump>[] = [rig.dump()];
  const sheetNames = () => rig.dump().sheets.map((s) => s.name);
  const column = (sheet: string, header: string): unknown[] => {
    const cells = rig.dump().sheets.find((s) => s.name === sheet)!.cells as Record<string, { value?: unknown }>;
    const col = Object.entries(cells).find(([a, c]) => /^[A-Z]+1$/.test(a) && c.value === header)?.[0].replace(/1$/, "");
    if (!col) throw new Error(`no ${header} on ${sheet}`);
    return Object.entries(cells)
      .filter(([a]) => new RegExp(`^${col}\\d+$`).test(a) && a !== `${col}1`)
      .map(([, c]) => c.value);
  };

  test("示例 inserts the sample's sheets into an empty workbook", async () => {
    const r = await rig.session.insertSample();
    if (!r.ran || r.value.status !== "inserted") throw new Error(`not inserted: ${JSON.stringify(r)}`);
    expect(r.value.sheets).toEqual([...Object.values(SHEETS), SAMPLE_NOTES_SHEET]);
    expect(sheetNames()).toEqual(["Sheet1", ...r.value.sheets]);
    expect(rig.session.undo.depth).toBe(1);
    dumps.push(rig.dump());
  });

  test("a second 示例 is refused: the workbook holds assessment tables now; nothing changes", async () => {
    const r = await rig.session.insertSample();
    if (!r.ran || r.value.status !== "refused") throw new Error("not refused");
    expect(r.value.tables.map((t) => t.kind)).toEqual(["annual", "unit", "city", "history", "examination", "survey", "ballots"]);
    expect(rig.dump()).toEqual(dumps[1]);
    expect(rig.session.undo.depth).toBe(1);
  });

  test("a bad feedback date is refused with the reason before anything is read", async () => {
    const e = await rig.session.compute(answering(), { feedbackDate: "2024-02-30" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PaneError);
    expect((e as PaneError).code).toBe("BAD_DATE");
    expect((e as PaneError).detail.zh).toContain("“2024-02-30”不是有效日期");
    expect(rig.dump()).toEqual(dumps[1]);
  });

  test("计算排名 runs the whole scheme: annual and unit results, 历年奖励, 考察覆盖, 反馈, 校验结果", async () => {
    const asked = answering();
    const r = await rig.session.compute(asked, { feedbackDate: "2024/3/1" });
    if (!r.ran || r.value.status !== "computed") throw new Error("not computed");
    expect(asked.asked).toEqual([]);
    const { summary: s, feedbackDate } = r.value;
    expect(feedbackDate).toBe("2024-03-01");
    expect(s.tables.filter((t) => t.written).map((t) => t.kind)).toEqual(expect.arrayContaining(["annual", "unit"]));
    expect(s.schemeSheets).toEqual([REWARDS_SHEET, COVERAGE_SHEET, FEEDBACK_SHEET, "民意调查汇总", "民主测评汇总", "考核统计"]);
    expect(s.findingsSheet).toBe("校验结果");
    expect(s.feedback!.items).toBeGreaterThan(0);
    expect(s.feedback!.overdue).toBe(s.feedback!.open); // the deadline of 2024-03-01 has long passed
    // Unit totals and ranks on the unit table; a 三等功 in 历年奖励.
    expect(column(SHEETS.unit, "总分").filter((v) => typeof v === "number").length).toBeGreaterThan(50);
    expect(column(REWARDS_SHEET, "记三等功年度").some((v) => typeof v === "string" && /20\d\d/.test(v))).toBe(true);
    // The pane's coverage view: per term, examined, not examined, %, years left.
    const view = r.value.view;
    expect(view.coverage!.terms.length).toBeGreaterThan(0);
    const term = view.coverage!.terms[view.coverage!.terms.length - 1];
    expect(term.examined + term.notExamined.length).toBe(term.units);
    expect(term.percent).toBeGreaterThan(0);
    expect(term.percent).toBeLessThan(100);
    expect(column(COVERAGE_SHEET, "覆盖率(%)")).toContain(term.percent);
    expect(view.rewards!.merits).toBeGreaterThan(0);
    expect(rig.session.undo.depth).toBe(2);
    dumps.push(rig.dump());
  });

  test("反馈 with a date rewrites the 反馈 sheet, items already on it keep their date; a bad date is refused", async () => {
    await expect(rig.session.feedback({ feedbackDate: "明天" })).rejects.toMatchObject({ code: "BAD_DATE" });
    const r = await rig.session.feedback({ feedbackDate: "2099-01-01" });
    if (!r.ran || r.value.status !== "written") throw new Error("not written");
    const f = r.value.result;
    expect(f.sheet).toBe(FEEDBACK_SHEET);
    expect(f.units).toBeGreaterThan(50);
    expect(f.items).toBeGreaterThan(0);
    expect(f.open + f.done).toBe(f.items);
    // Items already on the 反馈 sheet keep their feedback date (and status): still overdue.
    expect(f.json.items.every((it) => it.feedbackDate === "2024-03-01")).toBe(true);
    expect(f.overdue).toBe(f.open);
    expect(rig.session.undo.depth).toBe(3);
    expect(rig.session.undo.peek()?.extra).toMatchObject({ what: "feedback", date: "2099-01-01" });
  });

  test("撤销 walks back: the feedback, the compute, the sample — to the empty workbook", async () => {
    for (const expected of [dumps[2], dumps[1], dumps[0]]) {
      expect(await rig.session.undoLast()).toEqual({ ran: true, value: true });
      expect(rig.dump()).toEqual(expected);
    }
    expect(rig.session.lastUndone?.what).toBe("sample");
    expect(await rig.session.undoLast()).toEqual({ ran: true, value: false });
  });
});

describe("the whole scheme in the pane", () => {
  test("a protected unit sheet is reported before anything is written", async () => {
    const rig = paneOn({ sheets: [{ name: "Sheet1" }] });
    await rig.session.insertSample();
    rig.d.setProtected(SHEETS.unit, true);
    const before = rig.dump();
    const r = await rig.session.compute(answering());
    expect(r).toEqual({ ran: true, value: { status: "protected", sheet: SHEETS.unit } });
    expect(rig.dump()).toEqual(before);
  });

  test("a record of the result columns that cannot be saved is said, not lost silently", async () => {
    const rig = paneOn({ sheets: [{ name: "Sheet1" }] });
    await rig.session.insertSample();
    rig.session.settings.save = () => Promise.reject(new Error("the document is read-only"));
    const r = await rig.session.compute(answering());
    expect(r.ran && r.value.status).toBe("computed");
    expect(rig.session.takeSaveProblem()?.en).toContain("the document is read-only");
    expect(rig.session.takeSaveProblem()).toBeNull(); // said once
  });

  test("示例 into a workbook with an annual table: refused, nothing written", async () => {
    const rig = paneOn(annualWorkbook());
    const before = rig.dump();
    const r = await rig.session.insertSample();
    expect(r.ran && r.value.status).toBe("refused");
    expect(rig.dump()).toEqual(before);
    expect(rig.session.undo.depth).toBe(0);
  });

  test("计算排名 without an annual table but with a unit table: says what it needs and where 反馈 is", async () => {
    const rig = paneOn({ sheets: [{ name: "绩效", rows: [["编号", "名称", "分组", "幸福感", "满意度", "安全感"], ["U1", "发改局", "区直单位", 90, 90, 90]] }] });
    const before = rig.dump();
    const e = await rig.session.compute(answering()).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "NO_TABLE" });
    expect((e as PaneError).detail.zh).toContain("没有年度考核表");
    expect((e as PaneError).detail.zh).toContain("“反馈”标签");
    expect(rig.dump()).toEqual(before);
    const f = await rig.session.feedback({ feedbackDate: "2024-03-01" });
    expect(f.ran && f.value.status).toBe("written");
  });

  test("填补绩效考核: a blank P takes the unit's total in its own result column; the input cell stays blank; undone", async () => {
    const fixture = () => ({
      sheets: [
        { name: "绩效", rows: [["编号", "名称", "分组", "幸福感", "满意度", "安全感"], ["U1", "发改局", "区直单位", 90, 86, 88]] },
        { name: "年度考核", rows: [HEADERS, ["A1", "张三", "干部", "发改局", "区直单位", "否", "", 90, 90, 90, 90, "过得硬", "无", "否"], ["A2", "李四", "干部", "发改局", "区直单位", "否", 80, 90, 90, 90, 90, "过得硬", "无", "否"]] },
      ],
    });
    const cellsOf = (rig: ReturnType<typeof paneOn>, sheet: string) => rig.dump().sheets.find((x) => x.name === sheet)!.cells as Record<string, { value?: unknown }>;
    const columnOf = (rig: ReturnType<typeof paneOn>, sheet: string, header: string) => Object.entries(cellsOf(rig, sheet)).find(([a, c]) => /^[A-Z]+1$/.test(a) && c.value === header)?.[0].replace(/1$/, "");

    // Off (the default): the blank P is a MISSING cell and the row is not computed.
    const off = paneOn(fixture());
    const r0 = await off.session.compute(answering());
    if (!r0.ran || r0.value.status !== "computed") throw new Error("not computed");
    expect(r0.value.findings.map((f) => [f.code, f.cell])).toContainEqual(["MISSING", "G2"]);
    expect(r0.value.view.filledP).toBeNull();

    const rig = paneOn(fixture());
    const before = rig.dump();
    const r = await rig.session.compute(answering(), { fillPerformance: true });
    if (!r.ran || r.value.status !== "computed") throw new Error("not computed");
    expect(r.value.view.filledP).toBe(1);
    const total = cellsOf(rig, "绩效")[`${columnOf(rig, "绩效", "总分")}2`].value;
    expect(typeof total).toBe("number");
    const filledCol = columnOf(rig, "年度考核", "绩效考核（取自单位总分）")!;
    const annual = cellsOf(rig, "年度考核");
    expect(annual[`${filledCol}2`].value).toBe(total);
    expect(annual[`${filledCol}3`]?.value ?? null).toBeNull(); // A2 typed its own P
    expect(annual.G2?.value ?? "").toBe(""); // the input cell is not written
    expect(r.value.findings.filter((f) => f.row === 2 && f.severity === "error")).toEqual([]);
    expect(annual[`${columnOf(rig, "年度考核", "综合得分")}2`].value).toBeCloseTo(0.6 * (total as number) + 36, 2);

    const u = await rig.session.undoLast();
    expect(u.ran).toBe(true);
    expect(rig.dump()).toEqual(before);
  });

  test("反馈 without a unit table: one sentence, nothing written", async () => {
    const rig = paneOn(annualWorkbook());
    const before = rig.dump();
    await expect(rig.session.feedback({ feedbackDate: "2024-03-01" })).rejects.toMatchObject({ code: "NO_UNIT_TABLE" });
    expect(rig.dump()).toEqual(before);
  });

  test("a 示例 failing midway is rolled back: no sample sheet is left", async () => {
    const rig = paneOn({ sheets: [{ name: "Sheet1" }] });
    const before = rig.dump();
    rig.d.failSync(3, { onOp: "Range.values=" });
    const e = await rig.session.insertSample().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PaneError);
    expect((e as PaneError).code).toBe("WRITE_FAILED_RESTORED");
    expect((e as PaneError).detail.zh).toContain("插入示例时写入出错");
    expect(rig.dump()).toEqual(before);
    expect(rig.session.undo.depth).toBe(0);
  });
});
