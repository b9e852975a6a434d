// POLICY.md §11, survey half: every edge case with the expected indices worked by hand (in the comments).
import { computeSurvey, fillSurvey, unitListOf } from "./survey";
import { defaultPolicy, loadPolicy, requirePolicy } from "./policy";
import { CellValue, RawTable } from "./types";

const policy = defaultPolicy();

const table = (sheet: string, headers: string[], rows: CellValue[][]): RawTable => ({ sheet, headers, rows, headerRow: 1, firstColumn: 1 });
const UNIT_HEADERS = ["编号", "名称", "分组", "重点工作得分", "幸福感", "满意度", "安全感"];
const unitTable = (rows: CellValue[][]) => table("单位绩效", UNIT_HEADERS, rows);
const survey = (rows: CellValue[][], headers = ["问卷编号", "单位", "幸福感", "满意度", "安全感"]) => table("民意调查", headers, rows);

const UNITS = unitTable([
  ["U1", "区财政局", "区直单位", 70, null, null, null],
  ["U2", "区教育局", "区直单位", 70, 88, null, null],
  ["T1", "良田镇", "镇街道", 70, null, null, null],
]);
const units = unitListOf(UNITS);

/** n questionnaires of one unit with the same three answers, numbered from `from`. */
const many = (n: number, unit: string, h: CellValue, s: CellValue, a: CellValue, from = 1): CellValue[][] =>
  Array.from({ length: n }, (_, i) => [`Q${from + i}`, unit, h, s, a]);

describe("levels, scores and no-answers", () => {
  // U1, 30 questionnaires (no small sample):
  //  幸福感: 10 × 非常幸福 (100) + 10 × 幸福 (80) + 5 × 一般 (60) + 3 × 不幸福 (40) + 2 × 很不幸福 (0)
  //        = 1000 + 800 + 300 + 120 + 0 = 2220 / 30 = 74.00
  //  满意度: 29 × 满意 (80) + 1 × 不清楚 (not counted) → 2320 / 29 = 80.00
  //  安全感: 20 × "95" (text score) + 10 × 很安全 (100) → (1900 + 1000) / 30 = 96.666… → 96.67
  const rows: CellValue[][] = [
    ...many(10, "区财政局", "非常幸福", "满意", "95"),
    ...many(10, "区财政局", "幸福", "满意", "95", 11),
    ...many(5, "区财政局", "一般", "满意", "很安全", 21),
    ...many(3, "区财政局", "不幸福", "满意", "很安全", 26),
    ...many(1, "区财政局", "很不幸福", "满意", "很安全", 29),
    ...many(1, "区财政局", "很不幸福", "不清楚", "很安全", 30),
  ];
  const out = computeSurvey(survey(rows), units, policy);
  const u1 = out.units[0];

  test("the indices are the exact means of the counted answers", () => {
    // 满意度 has 29 counted answers: one short of 30.
    expect(out.findings.map((f) => [f.code, f.column, f.severity])).toEqual([["SMALL_SAMPLE", "S", "warning"]]);
    expect(out.units).toHaveLength(1);
    expect(u1).toMatchObject({ unitIndex: 0, unitId: "U1", unit: "区财政局", row: 2, questionnaires: 30 });
    expect(u1.indices.H).toEqual({ counted: 30, levels: [10, 10, 5, 3, 2], numeric: 0, noAnswer: 0, invalid: 0, value: 74, smallSample: false });
    expect(u1.indices.S).toEqual({ counted: 29, levels: [0, 29, 0, 0, 0], numeric: 0, noAnswer: 1, invalid: 0, value: 80, smallSample: true });
    expect(u1.indices.A).toEqual({ counted: 30, levels: [10, 0, 0, 0, 0], numeric: 20, noAnswer: 0, invalid: 0, value: 96.67, smallSample: false });
  });

  test("blank, 不清楚 and 不了解 are no answer; full-width and % scores are scores", () => {
    // 区教育局 (matched by ID U2 and by 教育局 without the 区 prefix): 幸福感 answers
    //   "８５" → 85, "90%" → 90, 70 → 70; blank, 不了解 → no answer. (85 + 90 + 70) / 3 = 81.666… → 81.67
    const o = computeSurvey(
      survey([
        ["Q1", "U2", "８５", "满意", "安全"],
        ["Q2", "教育局", "90%", "满意", "安全"],
        ["Q3", "区教育局", 70, null, "安全"],
        ["Q4", "区教育局", null, "不了解", "  "],
        ["Q5", "区教育局", "不了解", "不清楚", "不清楚"],
      ]),
      units,
      policy,
    );
    const t = o.units[0];
    expect(t).toMatchObject({ unitIndex: 1, unitId: "U2", questionnaires: 5 });
    expect(t.indices.H).toMatchObject({ counted: 3, numeric: 3, noAnswer: 2, value: 81.67 });
    // 满意度: 满意 × 2 → 80; 安全感: 安全 × 3 → 80
    expect(t.indices.S).toMatchObject({ counted: 2, noAnswer: 3, value: 80 });
    expect(t.indices.A).toMatchObject({ counted: 3, noAnswer: 2, value: 80 });
  });
});

describe("exact means, half-up", () => {
  test("80.01 and 80 → 80.005 → 80.01 (binary floating point would give 80.00)", () => {
    const o = computeSurvey(survey([["Q1", "良田镇", 80.01, 100, 0], ["Q2", "良田镇", 80, 100, 1]]), units, policy);
    expect(o.units[0].indices.H.value).toBe(80.01);
    // 安全感: (0 + 1) / 2 = 0.5; 满意度 100
    expect(o.units[0].indices.S.value).toBe(100);
    expect(o.units[0].indices.A.value).toBe(0.5);
  });

  test("100, 80, 80 → 86.666… → 86.67; 60, 40, 40 → 46.666… → 46.67", () => {
    const o = computeSurvey(
      survey([
        ["Q1", "良田镇", "非常幸福", "基本满意", "很不安全"],
        ["Q2", "良田镇", "幸福", "不满意", "很不安全"],
        ["Q3", "良田镇", "幸福", "不满意", "不安全"],
      ]),
      units,
      policy,
    );
    expect(o.units[0].indices.H.value).toBe(86.67);
    expect(o.units[0].indices.S.value).toBe(46.67);
    // 安全感: (0 + 0 + 40) / 3 = 13.333… → 13.33
    expect(o.units[0].indices.A.value).toBe(13.33);
  });

  test("the policy's decimals: 0 places, 86.666… → 87", () => {
    const p = requirePolicy({ rounding: { decimals: 0 } });
    const o = computeSurvey(survey([["Q1", "良田镇", 100, 100, 100], ["Q2", "良田镇", 80, 80, 80], ["Q3", "良田镇", 80, 80, 80]]), units, p);
    expect(o.units[0].indices.H.value).toBe(87);
  });
});

describe("bad answers are reported on their cell; the questionnaire's other answers count", () => {
  const o = computeSurvey(
    survey([
      ["Q1", "区财政局", "很好", "满意", "安全"], // C2: 很好 is no level of 幸福感
      ["Q2", "区财政局", "幸福", 120, "安全"], //  D3: 120 > 100
      ["Q3", "区财政局", "幸福", "满意", true], //  E4: a boolean is no answer word
      ["Q4", "区财政局", "幸福", "满意", { error: "#N/A" }], // E5: an error value
      ["Q5", "区财政局", "幸福", "-5", "安全"], //  D6: −5 < 0
    ]),
    units,
    policy,
  );
  test("UNKNOWN_VALUE / OUT_OF_RANGE with the cell, errors", () => {
    expect(o.findings.filter((f) => f.code !== "SMALL_SAMPLE").map((f) => [f.code, f.cell, f.severity])).toEqual([
      ["UNKNOWN_VALUE", "C2", "error"],
      ["OUT_OF_RANGE", "D3", "error"],
      ["UNKNOWN_VALUE", "E4", "error"],
      ["UNKNOWN_VALUE", "E5", "error"],
      ["OUT_OF_RANGE", "D6", "error"],
    ]);
    expect(o.findings[0].message.zh).toContain("很好");
    expect(o.findings[0].message.en).toContain("not counted");
  });
  test("the indices count the rest", () => {
    const t = o.units[0].indices;
    // 幸福感: Q2–Q5 幸福 (80) → 80, 4 counted, 1 invalid
    expect(t.H).toMatchObject({ counted: 4, invalid: 1, value: 80 });
    // 满意度: Q1, Q3, Q4 满意 (80) → 80, 3 counted, 2 invalid
    expect(t.S).toMatchObject({ counted: 3, invalid: 2, value: 80 });
    // 安全感: Q1, Q2, Q5 安全 (80) → 80, 3 counted, 2 invalid
    expect(t.A).toMatchObject({ counted: 3, invalid: 2, value: 80 });
  });
  test("fewer than 30 counted answers → SMALL_SAMPLE per index (warning), on the unit's first row", () => {
    expect(o.findings.filter((f) => f.code === "SMALL_SAMPLE").map((f) => [f.column, f.row, f.cell, f.severity])).toEqual([
      ["H", 2, "B2", "warning"],
      ["S", 2, "B2", "warning"],
      ["A", 2, "B2", "warning"],
    ]);
  });
});

describe("sample size", () => {
  test("exactly 30 counted answers is enough; 29 is SMALL_SAMPLE", () => {
    // 区财政局: 30 × 幸福; 良田镇: 29 × 幸福 (+ one 不清楚, not counted)
    const o = computeSurvey(survey([...many(30, "区财政局", "幸福", "满意", "安全"), ...many(29, "良田镇", "幸福", "满意", "安全", 31), ["Q60", "良田镇", "不清楚", "满意", "安全"]]), units, policy);
    const small = o.findings.filter((f) => f.code === "SMALL_SAMPLE");
    expect(small.map((f) => [f.row, f.column])).toEqual([[32, "H"]]);
    expect(small[0].message.zh).toContain("29");
    expect(o.units.map((u) => [u.unit, u.indices.H.counted, u.indices.H.smallSample, u.indices.S.smallSample])).toEqual([
      ["区财政局", 30, false, false],
      ["良田镇", 29, true, false],
    ]);
  });

  test("the threshold is the policy's survey.smallSample", () => {
    const o = computeSurvey(survey(many(5, "区财政局", "幸福", "满意", "安全")), units, requirePolicy({ survey: { smallSample: 5 } }));
    expect(o.findings).toEqual([]);
  });

  test("no counted answer at all → no index, MISSING on the unit (error)", () => {
    const o = computeSurvey(survey([["Q1", "区财政局", "不清楚", "满意", null], ["Q2", "区财政局", null, "满意", "坏"]]), units, requirePolicy({ survey: { smallSample: 0 } }));
    const t = o.units[0].indices;
    expect(t.H).toMatchObject({ counted: 0, noAnswer: 2, value: null, smallSample: false });
    expect(t.A).toMatchObject({ counted: 0, noAnswer: 1, invalid: 1, value: null });
    expect(t.S.value).toBe(80);
    expect(o.findings.map((f) => [f.code, f.row, f.cell, f.column, f.severity])).toEqual([
      ["MISSING", 2, "B2", "H", "error"],
      ["MISSING", 2, "B2", "A", "error"],
      ["UNKNOWN_VALUE", 3, "E3", "A", "error"],
    ]);
  });
});

describe("units", () => {
  test("a unit not in the unit table is UNKNOWN_VALUE and its questionnaire is not counted; a blank unit is MISSING", () => {
    const o = computeSurvey(
      survey([
        ["Q1", "区财政局", "幸福", "满意", "安全"],
        ["Q2", "区水利局", "非常幸福", "非常满意", "很安全"],
        ["Q3", null, "非常幸福", "非常满意", "很安全"],
        ["Q4", "区财政局", "非常幸福", "非常满意", "很安全"],
      ]),
      units,
      requirePolicy({ survey: { smallSample: 0 } }),
    );
    expect(o.findings.map((f) => [f.code, f.cell])).toEqual([
      ["UNKNOWN_VALUE", "B3"],
      ["MISSING", "B4"],
    ]);
    expect(o.findings[0].message.zh).toContain("区水利局");
    // 区财政局: (80 + 100) / 2 = 90 for each index
    expect(o.units).toHaveLength(1);
    expect(o.units[0]).toMatchObject({ unit: "区财政局", questionnaires: 2 });
    expect(o.units[0].indices.H.value).toBe(90);
    expect(o.questionnaires).toBe(4);
  });

  test("units come in the unit table's order, each with its first row", () => {
    const o = computeSurvey(survey([["Q1", "良田镇", 100, 100, 100], ["Q2", "U1", 80, 80, 80], ["Q3", "良田镇", 60, 60, 60]]), units, policy);
    expect(o.units.map((u) => [u.unitId, u.row, u.questionnaires, u.indices.H.value])).toEqual([
      ["U1", 3, 1, 80],
      ["T1", 2, 2, 80], // (100 + 60) / 2
    ]);
  });

  test("without a unit table every unit is taken as written", () => {
    const o = computeSurvey(survey([["Q1", "甲镇", 100, 100, 100], ["Q2", "乙镇", 80, 80, 80], ["Q3", "甲镇", 60, 60, 60]]), null, policy);
    expect(o.units.map((u) => [u.unit, u.unitIndex, u.indices.A.value])).toEqual([
      ["甲镇", null, 80],
      ["乙镇", null, 80],
    ]);
  });

  test("a questionnaire number repeated within a unit counts once (DUPLICATE_ID, warning); the same number in another unit is another questionnaire", () => {
    const o = computeSurvey(
      survey([
        ["Q1", "区财政局", 100, 100, 100],
        ["Q1", "区财政局", 0, 0, 0],
        ["Q1", "良田镇", 60, 60, 60],
      ]),
      units,
      requirePolicy({ survey: { smallSample: 0 } }),
    );
    expect(o.findings.map((f) => [f.code, f.cell, f.severity])).toEqual([["DUPLICATE_ID", "A3", "warning"]]);
    expect(o.units.map((u) => [u.unit, u.questionnaires, u.indices.H.value])).toEqual([
      ["区财政局", 1, 100],
      ["良田镇", 1, 60],
    ]);
  });

  test("without a 问卷编号 column every row is its own questionnaire", () => {
    const o = computeSurvey(survey([["区财政局", 100, 100, 100], ["区财政局", 0, 0, 0]], ["单位", "幸福感", "满意度", "安全感"]), units, policy);
    expect(o.units[0]).toMatchObject({ questionnaires: 2 });
    expect(o.units[0].indices.H.value).toBe(50);
  });

  test("English headers; a missing column makes the table unusable", () => {
    const en = computeSurvey(survey([["区财政局", "very happy", "satisfied", 70]], ["Unit", "Happiness", "Satisfaction", "Security"]), units, policy);
    expect(en.units[0].indices.H.value).toBe(100);
    expect(en.units[0].indices.S.value).toBe(80);
    const bad = computeSurvey(survey([["区财政局", 100, 100]], ["单位", "幸福感", "满意度"]), units, policy);
    expect(bad.usable).toBe(false);
    expect(bad.findings.map((f) => [f.code, f.column])).toEqual([["MISSING_COLUMN", "A"]]);
  });
});

describe("filling the unit table", () => {
  // 区财政局: H (100+80)/2 = 90, S 80, A 70; 区教育局: H 60, S 60, A 60 — its typed 幸福感 88 stays.
  const o = computeSurvey(
    survey([
      ["Q1", "区财政局", 100, 80, 70],
      ["Q2", "区财政局", 80, 80, 70],
      ["Q3", "区教育局", 60, 60, 60],
    ]),
    units,
    policy,
  );
  const fill = fillSurvey(UNITS, o);

  test("only blank cells are filled; a typed value is never replaced", () => {
    expect(fill.table.rows[0].slice(4)).toEqual([90, 80, 70]);
    expect(fill.table.rows[1].slice(4)).toEqual([88, 60, 60]);
    expect(fill.table.rows[2].slice(4)).toEqual([null, null, null]); // 良田镇 was not surveyed
    expect(fill.cells).toBe(5);
    expect(fill.rows).toEqual([
      { index: 0, row: 2, filled: { H: 90, S: 80, A: 70 }, kept: [] },
      { index: 1, row: 3, filled: { S: 60, A: 60 }, kept: ["H"] },
    ]);
  });

  test("the input table itself is not changed", () => {
    expect(UNITS.rows[0].slice(4)).toEqual([null, null, null]);
  });

  test("a typed text (even a bad one) is the user's: kept", () => {
    const t = unitTable([["U1", "区财政局", "区直单位", 70, "待定", null, 0]]);
    const f = fillSurvey(t, computeSurvey(survey([["Q1", "U1", 50, 50, 50]]), unitListOf(t), policy));
    expect(f.table.rows[0].slice(4)).toEqual(["待定", 50, 0]);
    expect(f.rows[0].kept).toEqual(["H", "A"]);
  });
});

describe("the policy's survey and ballot settings are validated where they are loaded", () => {
  const paths = (input: unknown) => loadPolicy(input).findings.map((f) => [f.code, f.column]);
  test("a word in two levels, points outside 0–100, a bad threshold", () => {
    expect(
      paths({
        survey: {
          levels: { H: [{ points: 100, words: ["幸福"] }, { points: 120, words: ["幸福"] }] },
          smallSample: -1,
        },
      }),
    ).toEqual([
      ["POLICY_INVALID", "survey.levels.H.1.points"],
      ["POLICY_INVALID", "survey.levels.H.1.words"],
      ["POLICY_INVALID", "survey.smallSample"],
    ]);
  });
  test("a no-answer word that is also a level; an index that does not exist", () => {
    expect(paths({ survey: { noAnswer: ["一般"], levels: { X: [] } } })).toEqual([
      ["POLICY_INVALID", "survey.levels.X"],
      ["POLICY_INVALID", "survey.levels.H.2.words"],
    ]);
  });
  test("ballot choices: a spelling under two choices or also an abstention", () => {
    expect(paths({ democratic: { choices: { good: ["好", "差"] }, abstain: ["好"] } })).toEqual([
      ["POLICY_INVALID", "democratic.choices.poor"],
      ["POLICY_INVALID", "democratic.abstain"],
    ]);
  });
  test("the default policy passes", () => {
    expect(paths(undefined)).toEqual([]);
  });
});
