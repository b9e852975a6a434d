// POLICY.md §11, ballot half: every edge case with D worked by hand (in the comments).
import { computeBallots, fillBallots, subjectListOf } from "./ballots";
import { defaultPolicy, requirePolicy } from "./policy";
import { CellValue, RawTable } from "./types";

const policy = defaultPolicy();
const table = (sheet: string, headers: string[], rows: CellValue[][]): RawTable => ({ sheet, headers, rows, headerRow: 1, firstColumn: 1 });

const ANNUAL = table(
  "年度考核",
  ["编号", "姓名", "对象", "单位", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"],
  [
    ["A001", "区财政局领导班子", "班子", "区财政局", 90, null, 90, 90, 90, "过得硬"],
    ["A002", "张三", "干部", "区财政局", 90, null, 90, 90, 90, "过得硬"],
    ["A003", "李四", "干部", "区教育局", 90, 77, 90, 90, 90, "过得硬"],
    ["A004", "王五", "干部", "区教育局", 90, null, 90, 90, 90, "过得硬"],
    ["A005", "王五", "干部", "良田镇", 90, null, 90, 90, 90, "过得硬"],
  ],
);
const subjects = subjectListOf(ANNUAL);
const ballots = (rows: CellValue[][], headers = ["票号", "测评对象", "评价"]) => table("民主测评票", headers, rows);
/** n ballots numbered from `from`, each rating `subject` with `choice`. */
const votes = (n: number, subject: string, choice: CellValue, from: number): CellValue[][] => Array.from({ length: n }, (_, i) => [from + i, subject, choice]);

describe("D from ballots", () => {
  test("POLICY.md §10 example 6 from raw ballots: 好 30, 较好 10, 一般 5, 差 5 → 4300 / 50 = 86.00", () => {
    const o = computeBallots(ballots([...votes(30, "A002", "好", 1), ...votes(10, "A002", "较好", 31), ...votes(5, "A002", "一般", 41), ...votes(5, "A002", "差", 46)]), subjects, policy);
    expect(o.findings).toEqual([]);
    expect(o.subjects).toEqual([
      { subjectIndex: 1, id: "A002", subject: "张三", row: 2, ballots: 50, counts: { good: 30, fairlyGood: 10, average: 5, poor: 5 }, abstentions: 0, invalid: 0, democratic: 86 },
    ]);
  });

  test("优秀 / 称职 / 基本称职 / 不称职 are the same four levels; 不了解 and blank abstain", () => {
    // 张三 by name: 优秀 (100), 称职 (80), 基本称职 (60), 不称职 (40), 好 (100); 不了解, blank not counted
    //   → (100 + 80 + 60 + 40 + 100) / 5 = 380 / 5 = 76.00
    const o = computeBallots(
      ballots([
        [1, "张三", "优秀"],
        [2, "张三", "称职"],
        [3, "张三", "基本称职"],
        [4, "张三", "不称职"],
        [5, "张三", "好"],
        [6, "张三", "不了解"],
        [7, "张三", null],
      ]),
      subjects,
      policy,
    );
    expect(o.findings).toEqual([]);
    expect(o.subjects[0]).toMatchObject({ id: "A002", ballots: 7, counts: { good: 2, fairlyGood: 1, average: 1, poor: 1 }, abstentions: 2, democratic: 76 });
  });

  test("half-up: 好 1, 较好 2 → 260 / 3 = 86.666… → 86.67", () => {
    const o = computeBallots(ballots([[1, "A001", "好"], [2, "A001", "较好"], [3, "A001", "较好"]]), subjects, policy);
    expect(o.subjects[0].democratic).toBe(86.67);
  });

  test("the policy's weights and decimals apply", () => {
    // weights 100/90/70/50, 0 decimals: 好 1, 较好 1, 差 1 → 240 / 3 = 80; 较好 2, 一般 1 → 250 / 3 = 83.33 → 83
    const p = requirePolicy({ democratic: { weights: { good: 100, fairlyGood: 90, average: 70, poor: 50 } }, rounding: { decimals: 0 } });
    const o = computeBallots(ballots([[1, "A001", "好"], [2, "A001", "较好"], [3, "A001", "差"], [1, "A002", "较好"], [2, "A002", "较好"], [3, "A002", "一般"]]), subjects, p);
    expect(o.subjects.map((s) => s.democratic)).toEqual([80, 83]);
  });
});

describe("bad and odd ballots", () => {
  const o = computeBallots(
    ballots([
      [1, "A001", "好"], //        row 2
      [1, "A001", "差"], //        row 3: A001 again on ballot 1 → DUPLICATE_ID, not counted
      [2, "区财政局领导班子", "较好"], // row 4: by name
      [3, "A001", "同意"], //      row 5: unknown choice → UNKNOWN_VALUE C5
      [3, "赵六", "好"], //        row 6: nobody of that name → UNKNOWN_VALUE B6
      [3, "王五", "好"], //        row 7: two 王五 → UNKNOWN_VALUE B7 (ambiguous)
      [4, null, "好"], //          row 8: no subject → MISSING B8
      [5, "A004", "不了解"], //    row 9: 王五 (A004) only abstains → no D, MISSING on its first row
      [2, "A001", "好"], //        row 10: ballot 2 already rated A001 by name (row 4) → DUPLICATE_ID
      [3, "a001", "好"], //        row 11: ID compared case-folded; ballot 3's A001 vote (row 5) was bad but it was cast → DUPLICATE_ID
    ]),
    subjects,
    policy,
  );

  test("findings on their cells", () => {
    expect(o.findings.map((f) => [f.code, f.cell, f.severity])).toEqual([
      ["DUPLICATE_ID", "B3", "warning"],
      ["UNKNOWN_VALUE", "C5", "error"],
      ["UNKNOWN_VALUE", "B6", "error"],
      ["UNKNOWN_VALUE", "B7", "error"],
      ["MISSING", "B8", "error"],
      ["MISSING", "B9", "error"],
      ["DUPLICATE_ID", "B10", "warning"],
      ["DUPLICATE_ID", "B11", "warning"],
    ]);
    expect(o.findings[3].message.zh).toContain("A004、A005");
    expect(o.findings[0].message.zh).toContain("第 2 行");
  });

  test("counts: a repeat on one ballot counts once, a bad choice not at all", () => {
    // A001: 好 (row 2) + 较好 (row 4) → (100 + 80) / 2 = 90; 同意 invalid
    expect(o.subjects.map((s) => [s.id, s.ballots, s.counts, s.abstentions, s.invalid, s.democratic])).toEqual([
      ["A001", 3, { good: 1, fairlyGood: 1, average: 0, poor: 0 }, 0, 1, 90],
      ["A004", 1, { good: 0, fairlyGood: 0, average: 0, poor: 0 }, 1, 0, null],
    ]);
    expect(o.rows).toBe(10);
  });

  test("without a 票号 column every row is its own ballot", () => {
    const b = computeBallots(ballots([["A001", "好"], ["A001", "差"]], ["测评对象", "评价"]), subjects, policy);
    // (100 + 40) / 2 = 70
    expect(b.findings).toEqual([]);
    expect(b.subjects[0].democratic).toBe(70);
  });

  test("English headers and choices; without an annual table subjects are taken as written", () => {
    const b = computeBallots(ballots([[1, "Zhang", "good"], [2, "Zhang", "fairly good"], [1, "Li", "poor"]], ["Ballot", "Subject", "Choice"]), null, policy);
    expect(b.subjects.map((s) => [s.subject, s.subjectIndex, s.democratic])).toEqual([
      ["Zhang", null, 90],
      ["Li", null, 40],
    ]);
  });

  test("a missing column makes the table unusable", () => {
    const b = computeBallots(ballots([["A001"]], ["测评对象"]), subjects, policy);
    expect(b.usable).toBe(false);
    expect(b.findings.map((f) => [f.code, f.column])).toEqual([["MISSING_COLUMN", "choice"]]);
  });
});

describe("filling the annual table", () => {
  // A001: 好, 好, 一般 → 260 / 3 = 86.67 (blank: filled); A003: 差 → 40 (typed 77: kept); A002 has no ballots.
  const o = computeBallots(ballots([[1, "A001", "好"], [2, "A001", "好"], [3, "A001", "一般"], [1, "李四", "差"]]), subjects, policy);
  const fill = fillBallots(ANNUAL, o);
  test("only blank 民主测评 cells are filled", () => {
    expect(fill.table.rows.map((r) => r[5])).toEqual([86.67, null, 77, null, null]);
    expect(fill.rows).toEqual([
      { index: 0, row: 2, filled: 86.67 },
      { index: 2, row: 4, filled: null },
    ]);
    expect(fill.cells).toBe(1);
    expect(ANNUAL.rows[0][5]).toBeNull();
  });
});
