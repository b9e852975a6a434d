// Golden workbook cases of the raw answers (POLICY.md §11, issue #14): a survey workbook and a ballot
// workbook with every edge case of §11, and the indices, D and results worked out by hand (the
// comments show the working). Like scheme-cases.ts: the spec builds input.xlsx (`MAKE_GOLDEN=1 npx
// jest test/golden/raw`), expected.json is `assess rank` --json, and must agree with `hand`.
import type { TestCell, WorkbookSpec } from "../support/xlsx-builders";

export interface RawHand {
  /** Per unit surveyed (by name): the indices and the counted answers (JSON kind "survey"). */
  survey?: Record<string, { happiness: number | null; satisfaction: number | null; security: number | null; counted: { happiness: number; satisfaction: number; security: number }; questionnaires: number }>;
  /** Per unit of the unit table (by 编号): the indices filled from the survey, 民评 and total. */
  unit?: Record<string, { filledH: number | null; filledS: number | null; filledA: number | null; minping: number | null; total: number | null; rank: number | null }>;
  /** Per subject (by 编号): counts, abstentions and D (JSON kind "ballots"). */
  ballots?: Record<string, { counts: { 好: number; 较好: number; 一般: number; 差: number }; abstentions: number; invalid: number; democratic: number | null }>;
  /** Per annual row (by 编号): the D filled from the ballots, the composite and the grade. */
  annual?: Record<string, { filledD: number | null; composite: number | null; grade: string | null }>;
}

export interface RawCase {
  name: string;
  spec: WorkbookSpec;
  /** `assess rank <input> --json` plus these. */
  args: string[];
  fillSurvey: boolean;
  fillBallots: boolean;
  exitCode: 0 | 1;
  /** Every finding: sheet, worksheet row, cell, code, severity — in the report's order. */
  findings: [string, number | null, string | null, string, string][];
  /** The scheme sheets the compute writes, in order. */
  sheets: string[];
  hand: RawHand;
  /** Rows of the summary sheet (民意调查汇总 / 民主测评汇总) worked by hand, by their first cell. */
  summary: { sheet: string; headers: string[]; rows: Record<string, TestCell[]> };
}

const FEEDBACK = ["--feedback-date", "2024-03-15", "--today", "2024-03-20"];

/** n questionnaires of one unit, numbered from `from`; `answers(i)` gives the three answers of the i-th. */
function questionnaires(n: number, unit: string, from: number, answers: (i: number) => [TestCell, TestCell, TestCell]): TestCell[][] {
  return Array.from({ length: n }, (_, i) => [`Q${String(from + i).padStart(3, "0")}`, unit, ...answers(i)]);
}
const pick = <T>(i: number, runs: [number, T][]): T => {
  let k = i;
  for (const [n, v] of runs) {
    if (k < n) return v;
    k -= n;
  }
  throw new Error("index past the runs");
};

// ---- the survey workbook ------------------------------------------------------------------------
// 区财政局 (U1, all blank in 单位绩效), 30 questionnaires Q001–Q030, named 区财政局, U1 or 财政局 in turn:
//   幸福感: 10 非常幸福 (100) + 10 幸福 (80) + 5 一般 (60) + 3 不幸福 (40) + 2 很不幸福 (0) = 2220 / 30 = 74.00
//   满意度: 15 满意 (80) + 15 "90" typed as text → (1200 + 1350) / 30 = 85.00
//   安全感: Q001 很好 (UNKNOWN_VALUE), Q002 120 (OUT_OF_RANGE), Q003 不清楚, Q004 blank, 26 很安全 → 100.00,
//          only 26 counted: SMALL_SAMPLE. A 31st row repeats Q030 (DUPLICATE_ID, not counted).
// 区教育局 (U2, 幸福感 typed 88), 30 questionnaires named U2:
//   幸福感: 30 幸福 → 80.00 (not used: the typed 88 stays); 满意度: 30 "８５" (full-width) → 85.00;
//   安全感: 20 安全 (80) + 10 基本安全 (60) → 2200 / 30 = 73.333… → 73.33
// 良田镇 (T1, all blank), 12 questionnaires: 幸福感 12 非常幸福 → 100.00 (SMALL_SAMPLE); 满意度 12 不了解 →
//   no answer at all: MISSING (and 良田镇's 满意度 stays blank: MISSING in 单位绩效); 安全感 6 安全 + 6 很安全
//   → 1080 / 12 = 90.00 (SMALL_SAMPLE)
// 桥口镇 (T2, typed 80 80 80), 30 questionnaires of 100s: computed 100.00 each, never replacing the typed 80s.
// 区水利局 (U3, all blank) has no questionnaire: its cells stay blank (MISSING ×3 in 单位绩效).
// One questionnaire names 区水务局 (not in 单位绩效: UNKNOWN_VALUE), one names no unit (MISSING).
//
// 民评 = 15 × (H + S + A) / 3 / 100:
//   U1 15 × (74 + 85 + 100) / 300 = 12.95 → total 70 + 12.95 = 82.95 (rank 1 of 区直单位)
//   U2 15 × (88 + 85 + 73.33) / 300 = 12.3165 → 12.32 → total 82.32 (rank 2)
//   T2 15 × 80 / 100 = 12.00 → total 82.00 (rank 1 of 镇街道); U3 and T1 have no total.
const SURVEY_ROWS: TestCell[][] = [
  ...questionnaires(30, "区财政局", 1, (i) => [
    pick(i, [[10, "非常幸福"], [10, "幸福"], [5, "一般"], [3, "不幸福"], [2, "很不幸福"]]),
    i < 15 ? "满意" : "90",
    i === 0 ? "很好" : i === 1 ? 120 : i === 2 ? "不清楚" : i === 3 ? null : "很安全",
  ]).map((r, i) => (i % 3 === 1 ? [r[0], "U1", ...r.slice(2)] : i % 3 === 2 ? [r[0], "财政局", ...r.slice(2)] : r)),
  ["Q030", "区财政局", "很不幸福", "非常不满意", "很不安全"], // row 32: Q030 again → DUPLICATE_ID
  ...questionnaires(30, "U2", 31, (i) => ["幸福", "８５", i < 20 ? "安全" : "基本安全"]),
  ...questionnaires(12, "良田镇", 61, (i) => ["非常幸福", "不了解", i < 6 ? "安全" : "很安全"]),
  ...questionnaires(30, "桥口镇", 73, () => [100, 100, 100]),
  ["Q103", "区水务局", "幸福", "满意", "安全"], // row 105: UNKNOWN_VALUE
  ["Q104", null, "幸福", "满意", "安全"], //      row 106: MISSING
];

// ---- the ballot workbook ------------------------------------------------------------------------
// 10 ballots (票号 1–10) each rate A001, 张三 (C001), C002 and C003; ballot 3 names C003 twice.
//   A001 (D blank): 好 ×6, 较好 ×2, 一般, 差 → (600 + 160 + 60 + 40) / 10 = 86.00; an 11th ballot says 同意
//        (UNKNOWN_VALUE, not counted).
//   张三 = C001 (D blank), named 张三 on ballots 1–5 and C001 on 6–10: 优秀 ×4 (= 好), 称职 ×3 (= 较好),
//        基本称职 ×1 (= 一般), 不了解, blank (abstentions) → (400 + 240 + 60) / 8 = 87.50
//   C002 (D typed 77): 好 ×10 → 100.00, not used: the typed 77 stays.
//   C003 王五 (D blank): 差 ×5, 一般 ×5 → (200 + 300) / 10 = 50.00; its repeat on ballot 3 (好) is DUPLICATE_ID.
//   赵六 = C005 (D blank): ballots 1–3 all 不了解 → no D: MISSING; its D cell stays blank (MISSING in 年度考核).
//   王五 by name names two people (C003, C004): UNKNOWN_VALUE; 钱七: UNKNOWN_VALUE; a blank subject: MISSING.
// Composites (P, L, S, B all 90): 0.6·90 + 0.1·(D + 270) = 81 + 0.1·D
//   A001 81 + 8.6 = 89.60 (良好); C001 81 + 8.75 = 89.75; C002 81 + 7.7 = 88.70; C003 81 + 5 = 86.00 (称职);
//   C004 (D blank, not evaluated) and C005 have no composite.
const BALLOT_ROWS: TestCell[][] = [];
const A001 = ["好", "好", "好", "好", "好", "好", "较好", "较好", "一般", "差"];
const C001 = ["优秀", "优秀", "优秀", "优秀", "称职", "称职", "称职", "基本称职", "不了解", null];
const C003 = ["差", "差", "差", "差", "差", "一般", "一般", "一般", "一般", "一般"];
for (let b = 1; b <= 10; b++) {
  BALLOT_ROWS.push([b, "A001", A001[b - 1]], [b, b <= 5 ? "张三" : "C001", C001[b - 1]], [b, "C002", "好"], [b, "C003", C003[b - 1]]);
  if (b === 3) BALLOT_ROWS.push([3, "c003", "好"]); // row 16: C003 again on ballot 3 (IDs compare case-folded)
  if (b <= 3) BALLOT_ROWS.push([b, "赵六", "不了解"]);
}
BALLOT_ROWS.push([11, "A001", "同意"], [11, "王五", "好"], [11, "钱七", "好"], [11, null, "好"]);

const ANNUAL_HEADERS = ["编号", "姓名", "对象", "单位", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"];
const cadre = (id: string, name: string, subject: string, unit: string, group: string, D: TestCell): TestCell[] => [id, name, subject, unit, group, 90, D, 90, 90, 90, "过得硬"];

export const RAW_CASES: RawCase[] = [
  {
    name: "survey",
    args: [...FEEDBACK, "--fill-survey"],
    fillSurvey: true,
    fillBallots: false,
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "单位绩效",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "名称", "分组", "重点工作得分", "幸福感", "满意度", "安全感"],
              rows: [
                ["U1", "区财政局", "区直单位", 70, null, null, null],
                ["U2", "区教育局", "区直单位", 70, 88, null, null],
                ["U3", "区水利局", "区直单位", 70, null, null, null],
                ["T1", "良田镇", "镇街道", 70, null, null, null],
                ["T2", "桥口镇", "镇街道", 70, 80, 80, 80],
              ],
            },
          ],
        },
        { name: "民意调查", tables: [{ origin: "A1", headers: ["问卷编号", "单位", "幸福感", "满意度", "安全感"], rows: SURVEY_ROWS }] },
      ],
    },
    findings: [
      ["单位绩效", 4, "E4", "MISSING", "error"],
      ["单位绩效", 4, "F4", "MISSING", "error"],
      ["单位绩效", 4, "G4", "MISSING", "error"],
      ["单位绩效", 5, "F5", "MISSING", "error"],
      ["民意调查", 2, "E2", "UNKNOWN_VALUE", "error"],
      ["民意调查", 2, "B2", "SMALL_SAMPLE", "warning"], // 区财政局's 安全感, on the unit's first row
      ["民意调查", 3, "E3", "OUT_OF_RANGE", "error"],
      ["民意调查", 32, "A32", "DUPLICATE_ID", "warning"],
      ["民意调查", 63, "B63", "SMALL_SAMPLE", "warning"], // 良田镇's 幸福感
      ["民意调查", 63, "B63", "MISSING", "error"], //       良田镇's 满意度
      ["民意调查", 63, "B63", "SMALL_SAMPLE", "warning"], // 良田镇's 安全感
      ["民意调查", 105, "B105", "UNKNOWN_VALUE", "error"],
      ["民意调查", 106, "B106", "MISSING", "error"],
    ],
    sheets: ["反馈", "民意调查汇总", "考核统计"],
    hand: {
      survey: {
        区财政局: { happiness: 74, satisfaction: 85, security: 100, counted: { happiness: 30, satisfaction: 30, security: 26 }, questionnaires: 30 },
        区教育局: { happiness: 80, satisfaction: 85, security: 73.33, counted: { happiness: 30, satisfaction: 30, security: 30 }, questionnaires: 30 },
        良田镇: { happiness: 100, satisfaction: null, security: 90, counted: { happiness: 12, satisfaction: 0, security: 12 }, questionnaires: 12 },
        桥口镇: { happiness: 100, satisfaction: 100, security: 100, counted: { happiness: 30, satisfaction: 30, security: 30 }, questionnaires: 30 },
      },
      unit: {
        U1: { filledH: 74, filledS: 85, filledA: 100, minping: 12.95, total: 82.95, rank: 1 },
        U2: { filledH: null, filledS: 85, filledA: 73.33, minping: 12.32, total: 82.32, rank: 2 },
        U3: { filledH: null, filledS: null, filledA: null, minping: null, total: null, rank: null },
        T1: { filledH: 100, filledS: null, filledA: 90, minping: null, total: null, rank: null },
        T2: { filledH: null, filledS: null, filledA: null, minping: 12, total: 82, rank: 1 },
      },
    },
    summary: {
      sheet: "民意调查汇总",
      headers: [
        "单位编号", "单位", "问卷数",
        "幸福感有效回答", "幸福感·非常幸福(100)", "幸福感·幸福(80)", "幸福感·一般(60)", "幸福感·不幸福(40)", "幸福感·很不幸福(0)", "幸福感按分数作答", "幸福感未作答", "幸福感无效回答", "幸福感指数",
        "满意度有效回答", "满意度·非常满意(100)", "满意度·满意(80)", "满意度·基本满意(60)", "满意度·不满意(40)", "满意度·非常不满意(0)", "满意度按分数作答", "满意度未作答", "满意度无效回答", "满意度指数",
        "安全感有效回答", "安全感·很安全(100)", "安全感·安全(80)", "安全感·基本安全(60)", "安全感·不安全(40)", "安全感·很不安全(0)", "安全感按分数作答", "安全感未作答", "安全感无效回答", "安全感指数",
        "样本不足", "用于单位绩效",
      ],
      rows: {
        U1: ["U1", "区财政局", 30, 30, 10, 10, 5, 3, 2, 0, 0, 0, 74, 30, 0, 15, 0, 0, 0, 15, 0, 0, 85, 26, 26, 0, 0, 0, 0, 0, 2, 2, 100, "安全感", "已填入空白的幸福感、满意度、安全感"],
        U2: ["U2", "区教育局", 30, 30, 0, 30, 0, 0, 0, 0, 0, 0, 80, 30, 0, 0, 0, 0, 0, 30, 0, 0, 85, 30, 0, 20, 10, 0, 0, 0, 0, 0, 73.33, null, "已填入空白的满意度、安全感；幸福感已有填报值，未替换"],
        U3: ["U3", "区水利局", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, "没有问卷"],
        T1: ["T1", "良田镇", 12, 12, 12, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 12, 0, null, 12, 6, 6, 0, 0, 0, 0, 0, 0, 90, "幸福感、安全感", "已填入空白的幸福感、安全感"],
        T2: ["T2", "桥口镇", 30, 30, 0, 0, 0, 0, 0, 30, 0, 0, 100, 30, 0, 0, 0, 0, 0, 30, 0, 0, 100, 30, 0, 0, 0, 0, 0, 30, 0, 0, 100, null, "幸福感、满意度、安全感已有填报值，未替换"],
      },
    },
  },
  {
    name: "ballots",
    args: [...FEEDBACK, "--fill-ballots"],
    fillSurvey: false,
    fillBallots: true,
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "年度考核",
          tables: [
            {
              origin: "A1",
              headers: ANNUAL_HEADERS,
              rows: [
                cadre("A001", "区财政局领导班子", "班子", "区财政局", "区直单位", null),
                cadre("C001", "张三", "干部", "区财政局", "区直单位", null),
                cadre("C002", "李四", "干部", "区财政局", "区直单位", 77),
                cadre("C003", "王五", "干部", "区教育局", "区直单位", null),
                cadre("C004", "王五", "干部", "良田镇", "镇街道", null),
                cadre("C005", "赵六", "干部", "区教育局", "区直单位", null),
              ],
            },
          ],
        },
        { name: "民主测评票", tables: [{ origin: "A1", headers: ["票号", "测评对象", "评价"], rows: BALLOT_ROWS }] },
      ],
    },
    // Ballot rows: ballot b's A001, 张三/C001, C002, C003 (and 赵六 on 1–3) in turn from row 2; the repeat of
    // C003 on ballot 3 is row 16; ballot 11's 同意, 王五, 钱七 and blank subject are rows 46–49.
    findings: [
      ["年度考核", 6, "G6", "MISSING", "error"],
      ["年度考核", 7, "G7", "MISSING", "error"],
      ["民主测评票", 6, "B6", "MISSING", "error"], // 赵六: abstentions only
      ["民主测评票", 16, "B16", "DUPLICATE_ID", "warning"],
      ["民主测评票", 46, "C46", "UNKNOWN_VALUE", "error"],
      ["民主测评票", 47, "B47", "UNKNOWN_VALUE", "error"],
      ["民主测评票", 48, "B48", "UNKNOWN_VALUE", "error"],
      ["民主测评票", 49, "B49", "MISSING", "error"],
    ],
    sheets: ["民主测评汇总", "考核统计"],
    hand: {
      ballots: {
        A001: { counts: { 好: 6, 较好: 2, 一般: 1, 差: 1 }, abstentions: 0, invalid: 1, democratic: 86 },
        C001: { counts: { 好: 4, 较好: 3, 一般: 1, 差: 0 }, abstentions: 2, invalid: 0, democratic: 87.5 },
        C002: { counts: { 好: 10, 较好: 0, 一般: 0, 差: 0 }, abstentions: 0, invalid: 0, democratic: 100 },
        C003: { counts: { 好: 0, 较好: 0, 一般: 5, 差: 5 }, abstentions: 0, invalid: 0, democratic: 50 },
        C005: { counts: { 好: 0, 较好: 0, 一般: 0, 差: 0 }, abstentions: 3, invalid: 0, democratic: null },
      },
      annual: {
        A001: { filledD: 86, composite: 89.6, grade: "良好" },
        C001: { filledD: 87.5, composite: 89.75, grade: "称职" },
        C002: { filledD: null, composite: 88.7, grade: "称职" },
        C003: { filledD: 50, composite: 86, grade: "称职" },
        C004: { filledD: null, composite: null, grade: null },
        C005: { filledD: null, composite: null, grade: null },
      },
    },
    summary: {
      sheet: "民主测评汇总",
      headers: ["编号", "测评对象", "票数", "好", "较好", "一般", "差", "弃权", "无效", "有效票", "民主测评得分", "用于年度考核"],
      rows: {
        A001: ["A001", "区财政局领导班子", 11, 6, 2, 1, 1, 0, 1, 10, 86, "已填入空白的民主测评"],
        C001: ["C001", "张三", 10, 4, 3, 1, 0, 2, 0, 8, 87.5, "已填入空白的民主测评"],
        C002: ["C002", "李四", 10, 10, 0, 0, 0, 0, 0, 10, 100, "民主测评已有填报值，未替换"],
        C003: ["C003", "王五", 10, 0, 0, 5, 5, 0, 0, 10, 50, "已填入空白的民主测评"],
        C005: ["C005", "赵六", 3, 0, 0, 0, 0, 3, 0, 0, null, null],
      },
    },
  },
];
