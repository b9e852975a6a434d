// Golden workbook cases of the rest of the scheme (issue 4): unit performance with city indicators,
// grade history, examination coverage, feedback over an existing 反馈 sheet. Like cases.ts: what each
// input.xlsx holds (regenerate with `MAKE_GOLDEN=1 npx jest test/golden/scheme`), the run's options
// (the CLI arguments), and the results worked out by hand from POLICY.md — expected.json must agree.
import type { WorkbookSpec } from "../support/xlsx-builders";

export interface SchemeHand {
  /** Unit table rows by 编号. */
  unit?: Record<string, { minping: number | null; minpingRank: number | null; cityAdjustment: number | null; total: number | null; rank: number | null; deductions: string[] }>;
  /** Annual table rows by 编号. */
  annual?: Record<string, { composite: number | null; grade: string | null; priorityPromotion: boolean; filledP?: number | null; convertedP?: number | null }>;
  /** History rows (one per cadre) by 编号. */
  history?: Record<string, { merits: number[] | null; excellentYears: number | null; tenure: number | null }>;
  /** Examination coverage per term. */
  coverage?: { term: string; examined: string[]; notExamined: string[]; percent: number; yearsLeft: number }[];
  /** Feedback items (unit 编号 + indicator 编号 → what the 反馈 sheet says). */
  feedback?: Record<string, { feedbackDate: string; deadline: string; status: "open" | "done"; overdue: boolean }>;
}

export interface SchemeCase {
  name: string;
  spec: WorkbookSpec;
  /** `assess rank <input> --json` plus these. */
  args: string[];
  feedbackDate: string;
  today: string;
  fillPerformance?: boolean;
  /** The settings that differ from the default policy: written to the case's policy.json and passed with --policy. */
  policy?: Record<string, unknown>;
  exitCode: 0 | 1;
  /** Every finding: sheet, worksheet row, code — in the report's order. */
  findings: [string, number | null, string][];
  /** The Chinese sentences of the table-level findings (MISSING_COLUMN, DUPLICATE_COLUMN), as a reader should see them. */
  columnMessages?: string[];
  /** The scheme sheets the compute writes, in order. */
  sheets: string[];
  hand: SchemeHand;
}

const ninety = [90, 90, 90, 90];
export const FEEDBACK_HEADERS = ["编号", "单位", "分组", "总分", "组内排名", "民评排名", "指标编号", "扣分指标", "扣分", "扣分原因", "反馈日期", "整改期限", "状态", "逾期"];
const dates = (feedbackDate: string, today: string, fill = false) => ({
  feedbackDate,
  today,
  fillPerformance: fill,
  args: ["--feedback-date", feedbackDate, "--today", today, ...(fill ? ["--fill-performance"] : [])],
});

export const SCHEME_CASES: SchemeCase[] = [
  {
    // 单位绩效 + 市考指标 + an annual table whose blank P cells are filled from the unit totals.
    // 民评 = 15 × (wH·H + wS·S + wA·A) / 100 with equal weights: U1 90/84/96 → 15 × 90/100 = 13.50
    // (POLICY.md §10 #5); U2 80s → 12.00; U3 100s → 15.00; U4, U6 → 13.50; U5 has 幸福感 120 (OUT_OF_RANGE).
    // City: 区发改局 leads six 先进 (+6, capped at +5); 区财政局 落后 −0.5, 末位 −1 (named "财政局"),
    // 良好 +0.5 → −1.0; 区教育局 six 末位 (−6, capped at −5, six deduction items). SK16 has two lead units,
    // SK17 a lead unit not in the list, SK19 none (CITY_INDICATOR_LEAD, counted for nobody); SK18's
    // outcome 优秀 is unknown (UNKNOWN_VALUE) and leaves 良田镇's total unknown.
    // Totals: U1 70 + 13.5 − 1 = 82.50, U2 70 + 12 + 5 = 87.00, U3 70 + 15 − 5 = 80.00, U6 80 + 13.5 = 93.50.
    // Annual (P from unit totals where blank): T1 0.6·82.5 + 36 = 85.50, T2 keeps its typed P 95 →
    // 93.00 (优秀, the one place of 2 rows), T3 0.6·93.5 + 36 = 92.10 (优秀), T4's unit has no total
    // (P stays blank: MISSING), A1 0.6·87 + 36 = 88.20 称职 — and, top leader of 区发改局 whose team is
    // 优秀, flagged 优先晋升职级.
    name: "unit-city",
    ...dates("2024-03-15", "2024-05-04", true),
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "单位绩效",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "名称", "分组", "重点工作得分", "共性工作得分", "幸福感", "满意度", "安全感"],
              rows: [
                ["U1", "区财政局", "区直单位", 50, 20, 90, 84, 96],
                ["U2", "区发改局", "区直单位", 48, 22, 80, 80, 80],
                ["U3", "区教育局", "区直单位", 45, 25, 100, 100, 100],
                ["U4", "良田镇", "镇街道", 55, 20, 88, 92, 90],
                ["U5", "桥口镇", "镇街道", 50, 24, 120, 90, 90],
                ["U6", "五里牌镇", "镇街道", 60, 20, 90, 90, 90],
              ],
            },
          ],
        },
        {
          name: "市考指标",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "指标名称", "牵头单位", "考核结果", "说明"],
              rows: [
                ["SK01", "地区生产总值增长", "区发改局", "先进", null],
                ["SK02", "固定资产投资增长", "区发改局", "先进", null],
                ["SK03", "重点项目建设", "区发改局", "先进", null],
                ["SK04", "招商引资实际到位资金", "区发改局", "先进", null],
                ["SK05", "社会信用体系建设", "区发改局", "先进", null],
                ["SK06", "粮食安全责任制考核", "区发改局", "先进", null],
                ["SK07", "一般公共预算收入增长", "区财政局", "落后", "收入增幅低于全市平均"],
                ["SK08", "政府债务风险防控", "财政局", "末位", null],
                ["SK09", "预算绩效管理", "区财政局", "良好", null],
                ["SK10", "义务教育优质均衡发展", "区教育局", "末位", "督导评估未达标"],
                ["SK11", "学前教育普及普惠", "区教育局", "末位", null],
                ["SK12", "控辍保学", "区教育局", "末位", null],
                ["SK13", "教师队伍建设", "区教育局", "末位", null],
                ["SK14", "校园安全", "区教育局", "末位", null],
                ["SK15", "职业教育发展", "区教育局", "末位", null],
                ["SK16", "一二三产业融合发展", "区教育局、区财政局", "落后", null],
                ["SK17", "数字政府建设", "区数据局", "达标", null],
                ["SK18", "乡村振兴示范创建", "良田镇", "优秀", null],
                ["SK19", "人居环境整治", null, "良好", null],
              ],
            },
          ],
        },
        {
          name: "年度考核",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "姓名", "对象", "单位", "分组", "主要负责人", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"],
              rows: [
                ["T1", "区财政局领导班子", "班子", "区财政局", "区直单位", null, null, ...ninety, "过得硬"],
                ["T2", "区发改局领导班子", "班子", "区发改局", "区直单位", null, 95, ...ninety, "过得硬"],
                ["T3", "五里牌镇领导班子", "班子", "五里牌镇", "镇街道", null, null, ...ninety, "过得硬"],
                ["T4", "良田镇领导班子", "班子", "良田镇", "镇街道", null, null, ...ninety, "过得硬"],
                ["A1", "陈一", "干部", "区发改局", "区直单位", "是", null, ...ninety, "过得硬"],
              ],
            },
          ],
        },
      ],
    },
    findings: [
      ["单位绩效", 6, "OUT_OF_RANGE"],
      ["市考指标", 17, "CITY_INDICATOR_LEAD"],
      ["市考指标", 18, "CITY_INDICATOR_LEAD"],
      ["市考指标", 19, "UNKNOWN_VALUE"],
      ["市考指标", 20, "CITY_INDICATOR_LEAD"],
      ["年度考核", 5, "MISSING"],
    ],
    sheets: ["历年奖励", "反馈", "考核统计"],
    hand: {
      unit: {
        U1: { minping: 13.5, minpingRank: 2, cityAdjustment: -1, total: 82.5, rank: 2, deductions: ["SK07", "SK08"] },
        U2: { minping: 12, minpingRank: 3, cityAdjustment: 5, total: 87, rank: 1, deductions: [] },
        U3: { minping: 15, minpingRank: 1, cityAdjustment: -5, total: 80, rank: 3, deductions: ["SK10", "SK11", "SK12", "SK13", "SK14", "SK15"] },
        U4: { minping: 13.5, minpingRank: 1, cityAdjustment: null, total: null, rank: null, deductions: [] },
        U5: { minping: null, minpingRank: null, cityAdjustment: 0, total: null, rank: null, deductions: [] },
        U6: { minping: 13.5, minpingRank: 1, cityAdjustment: 0, total: 93.5, rank: 1, deductions: [] },
      },
      annual: {
        T1: { composite: 85.5, grade: "良好", priorityPromotion: false, filledP: 82.5 },
        T2: { composite: 93, grade: "优秀", priorityPromotion: false, filledP: null },
        T3: { composite: 92.1, grade: "优秀", priorityPromotion: false, filledP: 93.5 },
        T4: { composite: null, grade: null, priorityPromotion: false, filledP: null },
        A1: { composite: 88.2, grade: "称职", priorityPromotion: true, filledP: 87 },
      },
      feedback: {
        "U1/SK07": { feedbackDate: "2024-03-15", deadline: "2024-04-14", status: "open", overdue: true },
        "U1/SK08": { feedbackDate: "2024-03-15", deadline: "2024-04-14", status: "open", overdue: true },
        ...Object.fromEntries(
          ["SK10", "SK11", "SK12", "SK13", "SK14", "SK15"].map((k) => [`U3/${k}`, { feedbackDate: "2024-03-15", deadline: "2024-04-14", status: "open" as const, overdue: true }]),
        ),
      },
    },
  },
  {
    // 历年等次 (POLICY.md §6). H1: 优秀 2018–2023 → 三等功 in 2020 and 2023 (years 3 and 6, §10 #9); in
    // rank since 2021 with base tenure 2 → 3 优秀 years in rank → 2 − 1.5 = 0.5 years (§10 #10). H2: 优秀
    // 2019, 2020, 2022, 2023 with 2021 missing — the gap breaks the streak, no merit. H3: 称职, 优秀,
    // "Excellent" → 2 优秀 years, no merit. H4 has an unknown grade (很好), H5 the year 2022 twice, and a
    // row without 编号: those histories are not computed. The annual table rates 区财政局's team 优秀, so
    // its top leader H1 is flagged 优先晋升职级 on the 历年奖励 sheet.
    name: "history",
    ...dates("2024-03-15", "2024-05-04"),
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "年度考核",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "姓名", "对象", "单位", "分组", "主要负责人", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"],
              rows: [
                ["B1", "区财政局领导班子", "班子", "区财政局", "区直单位", null, 95, 95, 95, 95, 95, "过得硬"],
                ["H1", "甲", "干部", "区财政局", "区直单位", "是", 90, ...ninety, "过得硬"],
              ],
            },
          ],
        },
        {
          name: "历年等次",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "姓名", "年度", "等次", "任现职级年度", "基本任职年限"],
              rows: [
                ["H1", "甲", 2018, "优秀", null, null],
                ["H1", "甲", 2019, "优秀", null, null],
                ["H1", "甲", 2020, "优秀", null, null],
                ["H1", "甲", 2021, "优秀", null, null],
                ["H1", "甲", 2022, "优秀", null, null],
                ["H1", "甲", 2023, "优秀", 2021, 2],
                ["H2", "乙", 2019, "优秀", null, null],
                ["H2", "乙", 2020, "优秀", null, null],
                ["H2", "乙", 2022, "优秀", null, null],
                ["H2", "乙", 2023, "优秀", null, null],
                ["H3", "丙", 2021, "称职", null, null],
                ["H3", "丙", 2022, "优秀", null, null],
                ["H3", "丙", 2023, "Excellent", null, null],
                ["H4", "丁", 2022, "很好", null, null],
                ["H4", "丁", 2023, "优秀", null, null],
                ["H5", "戊", 2022, "优秀", null, null],
                ["H5", "戊", 2022, "称职", null, null],
                [null, "己", 2023, "优秀", null, null],
              ],
            },
          ],
        },
      ],
    },
    findings: [
      ["历年等次", 15, "UNKNOWN_VALUE"],
      ["历年等次", 17, "DUPLICATE_ID"],
      ["历年等次", 18, "DUPLICATE_ID"],
      ["历年等次", 19, "MISSING"],
    ],
    sheets: ["历年奖励", "考核统计"],
    hand: {
      annual: {
        B1: { composite: 95, grade: "优秀", priorityPromotion: false },
        H1: { composite: 90, grade: "优秀", priorityPromotion: true },
      },
      history: {
        H1: { merits: [2020, 2023], excellentYears: 3, tenure: 0.5 },
        H2: { merits: [], excellentYears: 4, tenure: null },
        H3: { merits: [], excellentYears: 2, tenure: null },
        H4: { merits: null, excellentYears: null, tenure: null },
        H5: { merits: null, excellentYears: null, tenure: null },
      },
    },
  },
  {
    // 政治建设考察 (POLICY.md §7) without a unit table: the units are the annual table's five teams.
    // Terms of 5 years from 2021 (policy coverage.termStart): records 2018–2023 → terms 2016–2020 and
    // 2021–2025, reported as of 2023 (the latest record; no history table). 2016–2020: 区委办 (2018),
    // 良田镇 (2019) → 2/5 = 40.00%, 0 years left. 2021–2025: 区委办 (2022), 区财政局 (2023, written
    // 财政局) → 40.00%, 3 years left (2023, 2024, 2025). 区大数据局 is not a unit (warning); 南塔街道's
    // year 明年 is not a year (NOT_A_NUMBER).
    name: "examination",
    ...dates("2024-03-15", "2024-05-04"),
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "年度考核",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "姓名", "对象", "单位", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"],
              rows: [
                ["T1", "区委办领导班子", "班子", "区委办", "区直单位", 80, 80, 80, 80, 80, "过得硬"],
                ["T2", "区政府办领导班子", "班子", "区政府办", "区直单位", 82, 80, 80, 80, 80, "过得硬"],
                ["T3", "区财政局领导班子", "班子", "区财政局", "区直单位", 84, 80, 80, 80, 80, "过得硬"],
                ["T4", "良田镇领导班子", "班子", "良田镇", "镇街道", 86, 80, 80, 80, 80, "过得硬"],
                ["T5", "南塔街道领导班子", "班子", "南塔街道", "镇街道", 88, 80, 80, 80, 80, "过得硬"],
              ],
            },
          ],
        },
        {
          name: "政治建设考察",
          tables: [
            {
              origin: "A1",
              headers: ["单位", "考察年度", "备注"],
              rows: [
                ["区委办", 2018, "上一届"],
                ["良田镇", 2019, "上一届"],
                ["区委办", 2022, null],
                ["区大数据局", 2022, "不在名单中"],
                ["财政局", 2023, "简称"],
                ["南塔街道", "明年", null],
              ],
            },
          ],
        },
      ],
    },
    findings: [
      ["政治建设考察", 5, "UNKNOWN_VALUE"],
      ["政治建设考察", 7, "NOT_A_NUMBER"],
    ],
    sheets: ["考察覆盖", "考核统计"],
    hand: {
      coverage: [
        { term: "2016–2020", examined: ["区委办", "良田镇"], notExamined: ["区政府办", "区财政局", "南塔街道"], percent: 40, yearsLeft: 0 },
        { term: "2021–2025", examined: ["区委办", "区财政局"], notExamined: ["区政府办", "良田镇", "南塔街道"], percent: 40, yearsLeft: 3 },
      ],
    },
  },
  {
    // 反馈 over an existing 反馈 sheet (POLICY.md §8): its statuses and feedback dates survive the
    // recompute. SK07 was marked 已整改 on 2024-02-01's feedback: done, not overdue. SK08 is 待整改 from
    // 2024-02-01: deadline 2024-03-02, overdue on 2024-04-01 (highlighted). SK10's status 搞定了 is not a
    // status word (warning; the item stays open and is overdue). SK11 is new: feedback date 2024-03-15,
    // deadline 2024-04-14, open and not yet overdue. The old row for SK99 (no longer a deduction) is gone.
    name: "feedback",
    ...dates("2024-03-15", "2024-04-01"),
    exitCode: 0,
    spec: {
      sheets: [
        {
          name: "单位绩效",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "名称", "分组", "重点工作得分", "幸福感", "满意度", "安全感"],
              rows: [
                ["U1", "区财政局", "区直单位", 70, 90, 90, 90],
                ["U2", "区教育局", "区直单位", 72, 90, 90, 90],
                ["U3", "区商务局", "区直单位", 74, 90, 90, 90],
              ],
            },
          ],
        },
        {
          name: "市考指标",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "指标名称", "牵头单位", "考核结果", "说明"],
              rows: [
                ["SK07", "一般公共预算收入增长", "区财政局", "落后", "收入增幅低于全市平均"],
                ["SK08", "政府债务风险防控", "区财政局", "末位", null],
                ["SK10", "义务教育优质均衡发展", "区教育局", "末位", "督导评估未达标"],
                ["SK11", "外贸进出口总额", "区商务局", "落后", "进出口增幅落后"],
              ],
            },
          ],
        },
        {
          name: "反馈",
          fills: { H3: "FFFFFF00" },
          tables: [
            {
              origin: "A1",
              headers: FEEDBACK_HEADERS,
              rows: [
                ["U1", "区财政局", "区直单位", 82, 3, 1, "SK07", "一般公共预算收入增长", -0.5, "收入增幅低于全市平均", "2024-02-01", "2024-03-02", "已整改", null],
                ["U1", "区财政局", "区直单位", 82, 3, 1, "SK08", "政府债务风险防控", -1, null, "2024-02-01", "2024-03-02", "待整改", "逾期"],
                ["U2", "区教育局", "区直单位", 84, 2, 1, "SK10", "义务教育优质均衡发展", -1, "督导评估未达标", "2024-02-01", "2024-03-02", "搞定了", "逾期"],
                ["U2", "区教育局", "区直单位", 84, 2, 1, "SK99", "已取消的指标", -1, null, "2024-02-01", "2024-03-02", "待整改", "逾期"],
              ],
            },
          ],
        },
      ],
    },
    findings: [["反馈", 4, "UNKNOWN_VALUE"]],
    sheets: ["反馈", "考核统计"],
    hand: {
      unit: {
        U1: { minping: 13.5, minpingRank: 1, cityAdjustment: -1.5, total: 82, rank: 3, deductions: ["SK07", "SK08"] },
        U2: { minping: 13.5, minpingRank: 1, cityAdjustment: -1, total: 84.5, rank: 2, deductions: ["SK10"] },
        U3: { minping: 13.5, minpingRank: 1, cityAdjustment: -0.5, total: 87, rank: 1, deductions: ["SK11"] },
      },
      feedback: {
        "U1/SK07": { feedbackDate: "2024-02-01", deadline: "2024-03-02", status: "done", overdue: false },
        "U1/SK08": { feedbackDate: "2024-02-01", deadline: "2024-03-02", status: "open", overdue: true },
        "U2/SK10": { feedbackDate: "2024-02-01", deadline: "2024-03-02", status: "open", overdue: true },
        "U3/SK11": { feedbackDate: "2024-03-15", deadline: "2024-04-14", status: "open", overdue: false },
      },
    },
  },
  {
    // 折算 (POLICY.md §3, performance.mode "convert") with --fill-performance: every P of the annual
    // table, filled from a unit total or typed, is divided by the best P of its group (all subjects).
    // Unit totals: 区财政局 70 + 13.5 = 83.50, 区发改局 75 + 12 = 87.00 (no city table). Annual, group
    // 区直单位: T1's and T2's blank P take 83.5 and 87; A1 typed 95, the group's best. Converted:
    // T1 83.5 ÷ 95 × 100 = 87.894… → 87.89, composite 0.6 × 87.89 + 0.1 × 360 = 52.734 + 36 = 88.73 (良好);
    // T2 87 ÷ 95 × 100 = 91.578… → 91.58, composite 54.948 + 36 = 90.95 (优秀, the one place of two teams);
    // A1 95 → 100.00, composite 96.00 (优秀, alone among the cadres).
    name: "convert",
    ...dates("2024-03-15", "2024-05-04", true),
    args: [...dates("2024-03-15", "2024-05-04", true).args, "--policy", "test/golden/convert/policy.json"],
    policy: { performance: { mode: "convert" } },
    exitCode: 0,
    spec: {
      sheets: [
        {
          name: "单位绩效",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "名称", "分组", "重点工作得分", "幸福感", "满意度", "安全感"],
              rows: [
                ["U1", "区财政局", "区直单位", 70, 90, 90, 90],
                ["U2", "区发改局", "区直单位", 75, 80, 80, 80],
              ],
            },
          ],
        },
        {
          name: "年度考核",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "姓名", "对象", "单位", "分组", "主要负责人", "绩效考核（60%）", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"],
              rows: [
                ["T1", "区财政局领导班子", "班子", "区财政局", "区直单位", null, null, ...ninety, "过得硬"],
                ["T2", "区发改局领导班子", "班子", "区发改局", "区直单位", null, null, ...ninety, "过得硬"],
                ["A1", "陈一", "干部", "区财政局", "区直单位", "否", 95, ...ninety, "过得硬"],
              ],
            },
          ],
        },
      ],
    },
    findings: [],
    sheets: ["反馈", "考核统计"],
    hand: {
      unit: {
        U1: { minping: 13.5, minpingRank: 1, cityAdjustment: 0, total: 83.5, rank: 2, deductions: [] },
        U2: { minping: 12, minpingRank: 2, cityAdjustment: 0, total: 87, rank: 1, deductions: [] },
      },
      annual: {
        T1: { composite: 88.73, grade: "良好", priorityPromotion: false, filledP: 83.5, convertedP: 87.89 },
        T2: { composite: 90.95, grade: "优秀", priorityPromotion: false, filledP: 87, convertedP: 91.58 },
        A1: { composite: 96, grade: "优秀", priorityPromotion: false, filledP: null, convertedP: 100 },
      },
      feedback: {},
    },
  },
  {
    // A table as offices write it (issue 10): headers with their weights or units in brackets, and an
    // average row under the data. The headers are read by their core words; the 平均分 row is not data
    // (a SUMMARY_ROW warning, no results on it, its cells untouched). No 分组: one pool of cadres.
    // A1: 0.6 × 90 + 0.1 × (90 + 90 + 90 + 90) = 54 + 36 = 90.00, 优秀 (quota 20% of 2 → 0.4 → 1);
    // A2: 0.6 × 80 + 0.1 × 320 = 48 + 32 = 80.00, 称职.
    name: "office-headers",
    ...dates("2024-03-15", "2024-05-04"),
    exitCode: 0,
    spec: {
      sheets: [
        {
          name: "年度考核",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "姓名", "绩效考核（60%）", "民主测评（10%）", "领导评价（10%）", "民意调查 10%", "党建成效(分)", "政治素质"],
              rows: [
                ["A1", "张三", 90, 90, 90, 90, 90, "过得硬"],
                ["A2", "李四", 80, 80, 80, 80, 80, "过得硬"],
                [null, "平均分", 85, 85, 85, 85, 85, null],
              ],
            },
          ],
        },
      ],
    },
    findings: [["年度考核", 4, "SUMMARY_ROW"]],
    sheets: ["考核统计"],
    hand: {
      annual: {
        A1: { composite: 90, grade: "优秀", priorityPromotion: false },
        A2: { composite: 80, grade: "称职", priorityPromotion: false },
      },
    },
  },
  // ---- error-…: a required column missing from each kind of table (issue 11). The message names
  // the kind's own header, and the table gets no results.
  {
    // A unit table without 名称 (found by 幸福感/满意度/安全感): nothing computed, no feedback items.
    name: "error-unit-missing-column",
    ...dates("2024-03-15", "2024-05-04"),
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "单位绩效",
          tables: [{ origin: "A1", headers: ["编号", "分组", "重点工作得分", "幸福感", "满意度", "安全感"], rows: [["U1", "区直单位", 70, 90, 90, 90], ["U2", "区直单位", 72, 80, 80, 80]] }],
        },
      ],
    },
    findings: [["单位绩效", 1, "MISSING_COLUMN"]],
    columnMessages: ["单位绩效表缺少必需的列“名称”。"],
    sheets: ["考核统计"],
    hand: {},
  },
  {
    // A city table without 指标名称 next to a good unit table: the units' city adjustments are unknown,
    // so no unit gets a total (a total without its adjustments would be wrong). 民评 = 15 × 90/100 = 13.50.
    name: "error-city-missing-column",
    ...dates("2024-03-15", "2024-05-04"),
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "单位绩效",
          tables: [{ origin: "A1", headers: ["编号", "名称", "分组", "重点工作得分", "幸福感", "满意度", "安全感"], rows: [["U1", "区财政局", "区直单位", 70, 90, 90, 90]] }],
        },
        {
          name: "市考指标",
          tables: [{ origin: "A1", headers: ["编号", "牵头单位", "考核结果"], rows: [["SK01", "区财政局", "落后"]] }],
        },
      ],
    },
    findings: [["市考指标", 1, "MISSING_COLUMN"]],
    columnMessages: ["市考指标表缺少必需的列“指标名称”。"],
    sheets: ["反馈", "考核统计"],
    hand: { unit: { U1: { minping: 13.5, minpingRank: 1, cityAdjustment: null, total: null, rank: null, deductions: [] } }, feedback: {} },
  },
  {
    // A grade history without 编号 (found by 年度 + 等次): no merits or tenure for anyone.
    name: "error-history-missing-column",
    ...dates("2024-03-15", "2024-05-04"),
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "历年等次",
          tables: [{ origin: "A1", headers: ["姓名", "年度", "等次"], rows: [["甲", 2022, "优秀"], ["甲", 2023, "优秀"]] }],
        },
      ],
    },
    findings: [["历年等次", 1, "MISSING_COLUMN"]],
    columnMessages: ["历年等次表缺少必需的列“编号”。"],
    sheets: ["历年奖励"],
    hand: { history: {} },
  },
  {
    // Examination records without 单位 (found by 考察年度): no records, so no coverage.
    name: "error-examination-missing-column",
    ...dates("2024-03-15", "2024-05-04"),
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "政治建设考察",
          tables: [{ origin: "A1", headers: ["被考察对象", "考察年度"], rows: [["区委办", 2022]] }],
        },
      ],
    },
    findings: [["政治建设考察", 1, "MISSING_COLUMN"]],
    columnMessages: ["政治建设考察表缺少必需的列“单位”。"],
    sheets: [],
    hand: {},
  },
];
