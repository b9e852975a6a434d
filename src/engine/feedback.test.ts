import fc from "fast-check";
import { addDays, buildFeedbackSheet, FeedbackDateError, isOverdue, parseDate, STATUS_TEXT } from "./feedback";
import { computeUnits } from "./unit";
import { defaultPolicy, requirePolicy } from "./policy";
import { CellValue, RawTable } from "./types";

const policy = defaultPolicy();
const t = (sheet: string, headers: string[], rows: CellValue[][]): RawTable => ({ sheet, headers, rows, headerRow: 1, firstColumn: 1 });
const UNIT_HEADERS = ["编号", "名称", "分组", "重点工作得分", "幸福感", "满意度", "安全感"];
const unitRows: CellValue[][] = [
  ["U1", "区财政局", "区直单位", 70, 90, 84, 96],
  ["U2", "区教育局", "区直单位", 72, 88, 88, 88],
  ["T1", "良田镇", "镇街道", 71, 90, 90, 90],
];
const cityRows: CellValue[][] = [
  ["SK1", "税收占比", "区财政局", "落后", "税收占比偏低"],
  ["SK2", "债务化解", "区财政局", "末位", ""],
  ["SK3", "教育质量", "区教育局", "先进", ""],
  ["SK4", "乡村振兴", "良田镇", "落后", "进度滞后"],
];
const outcome = computeUnits(t("单位绩效", UNIT_HEADERS, unitRows), t("市考指标", ["编号", "指标名称", "牵头单位", "考核结果", "说明"], cityRows), policy);

describe("calendar days", () => {
  test("feedback date + 30 days, across months, leap years and years", () => {
    expect(addDays("2024-05-04", 30)).toBe("2024-06-03");
    expect(addDays("2024-02-15", 30)).toBe("2024-03-16");
    expect(addDays("2023-02-15", 30)).toBe("2023-03-17");
    expect(addDays("2023-12-15", 30)).toBe("2024-01-14");
  });
  test("dates from cells: ISO, slashes, 年月日, Date (UTC day), Excel serial; nonsense is null", () => {
    expect(parseDate("2024/5/4")).toBe("2024-05-04");
    expect(parseDate("2024年5月4日")).toBe("2024-05-04");
    expect(parseDate(new Date(Date.UTC(2024, 4, 4)))).toBe("2024-05-04");
    expect(parseDate(45416)).toBe("2024-05-04");
    expect(parseDate("2023-02-29")).toBeNull();
    expect(parseDate("soon")).toBeNull();
    expect(() => addDays("05/04/2024", 1)).toThrow(FeedbackDateError);
  });
  test("overdue = open and today after the deadline", () => {
    expect(isOverdue("open", "2024-06-03", "2024-06-03")).toBe(false);
    expect(isOverdue("open", "2024-06-03", "2024-06-04")).toBe(true);
    expect(isOverdue("done", "2024-06-03", "2024-07-01")).toBe(false);
  });
});

describe("反馈 sheet (golden)", () => {
  test("per unit: rank, 民评 rank, deduction items, deadline, status; units without deductions get one row", () => {
    const s = buildFeedbackSheet(outcome.rows, policy, { feedbackDate: "2024-05-04", today: "2024-05-10" });
    expect(s.headers).toEqual(["编号", "单位", "分组", "总分", "组内排名", "民评排名", "指标编号", "扣分指标", "扣分", "扣分原因", "反馈日期", "整改期限", "状态", "逾期"]);
    expect(s.rows).toEqual([
      ["U2", "区教育局", "区直单位", 86.2, 1, 2, null, null, null, null, null, null, null, null],
      ["U1", "区财政局", "区直单位", 82, 2, 1, "SK1", "税收占比", -0.5, "税收占比偏低", "2024-05-04", "2024-06-03", "待整改", null],
      ["U1", "区财政局", "区直单位", 82, 2, 1, "SK2", "债务化解", -1, "市考指标考核结果为“末位”，扣 1 分。", "2024-05-04", "2024-06-03", "待整改", null],
      ["T1", "良田镇", "镇街道", 84, 1, 1, "SK4", "乡村振兴", -0.5, "进度滞后", "2024-05-04", "2024-06-03", "待整改", null],
    ]);
    expect(s.overdueRows).toEqual([]);
  });

  test("a recompute keeps the user's 已整改 marks and feedback dates; open items past the deadline are overdue", () => {
    const first = buildFeedbackSheet(outcome.rows, policy, { feedbackDate: "2024-05-04", today: "2024-05-10" });
    const edited = first.rows.map((r) => [...r]);
    edited[1][12] = "已整改"; // U1 / SK1 done
    edited[3][12] = "整改中?"; // unreadable: taken as open, with a warning
    const existing = t("反馈", first.headers, edited);
    const again = buildFeedbackSheet(outcome.rows, requirePolicy({ feedback: { rectificationDays: 20 } }), { feedbackDate: "2024-07-01", today: "2024-06-10", existing });
    expect(again.items.map((i) => [i.indicatorId, i.status, i.feedbackDate, i.deadline, i.overdue])).toEqual([
      [null, null, null, null, false],
      ["SK1", "done", "2024-05-04", "2024-05-24", false],
      ["SK2", "open", "2024-05-04", "2024-05-24", true],
      ["SK4", "open", "2024-05-04", "2024-05-24", true],
    ]);
    expect(again.rows[1][12]).toBe(STATUS_TEXT.done);
    expect(again.rows[2][13]).toBe("逾期");
    expect(again.overdueRows).toEqual([2, 3]);
    expect(again.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([["UNKNOWN_VALUE", "warning", "M5"]]);
  });
});

describe("every deduction appears in the feedback rows (property)", () => {
  const outcomes = ["先进", "良好", "达标", "落后", "末位"];
  test("whatever the outcomes", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom(...outcomes), fc.string({ maxLength: 6 })), { maxLength: 60 }), (items) => {
        const rows = items.map(([u, o, note], i) => [`SK${i}`, `指标${i}`, unitRows[u][1], o, note] as CellValue[]);
        const out = computeUnits(t("单位绩效", UNIT_HEADERS, unitRows), t("市考指标", ["编号", "指标名称", "牵头单位", "考核结果", "说明"], rows), policy);
        const sheet = buildFeedbackSheet(out.rows, policy, { feedbackDate: "2024-05-04", today: "2024-07-01" });
        const expected = rows.filter((r) => r[3] === "落后" || r[3] === "末位");
        const listed = sheet.rows.filter((r) => r[6] !== null);
        expect(listed).toHaveLength(expected.length);
        for (const e of expected) {
          const unit = out.rows.find((u) => u.name === e[2])!;
          const row = listed.find((r) => r[0] === unit.id && r[6] === e[0]);
          expect(row).toBeDefined();
          expect(row![8]).toBe(e[3] === "落后" ? -0.5 : -1);
          expect(row![13]).toBe("逾期");
        }
        // Every unit appears at least once.
        for (const u of out.rows) expect(sheet.rows.some((r) => r[0] === u.id)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
