// The golden workbook cases: what each input.xlsx holds (built by the builders; regenerate the
// committed files with `MAKE_GOLDEN=1 npx jest test/golden/inputs`), and the composite, rank,
// grade and reasons of every row worked out by hand from POLICY.md — expected.json must agree.
import type { TestCell, WorkbookSpec } from "../support/xlsx-builders";

export interface HandRow {
  composite: number | null;
  rank: number | null;
  grade: string | null;
  reasons: string[];
}

export interface GoldenCase {
  name: string;
  spec: WorkbookSpec;
  /** A policy file for the case (policy.json), if not the default. */
  policy?: unknown;
  exitCode: 0 | 1;
  /** id → hand-computed result (POLICY.md §3–§5). Rows with a duplicated id are keyed "id@row". */
  hand: Record<string, HandRow>;
  /** Finding codes expected, in order. */
  findingCodes: string[];
}

const five = (v: number): TestCell[] => [v, v, v, v, v];
const h = (composite: number | null, rank: number | null, grade: string | null, reasons: string[] = []): HandRow => ({ composite, rank, grade, reasons });
const INVALID = h(null, null, null, ["INVALID"]);

// POLICY.md §10 #1–#3 use P=92, D=88, L=90, S=85, B=95: 0.6·92 + 0.1·(88+90+85+95) = 55.2 + 35.8 = 91.00.
const EX1: TestCell[] = [92, 88, 90, 85, 95];

const ZH_HEADERS = ["编号", "姓名", "对象", "单位", "分组", "主要负责人", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评", "真抓实干激励"];

export const CASES: GoldenCase[] = [
  {
    // Chinese headers under a title, POLICY.md §10 #1 (alone in its pool → 优秀), #2 (合格 → 称职 /
    // 良好), #3 (区级通报 → 称职, VETO, red), #4 (70.00, top leader with incentive → 优秀, AFFIRMED),
    // #11 (89.35 ×5 → 89.35). 区直单位 cadres: 10 valid rows → quota 20% = 2; A003 is affirmed and takes
    // one, A004 (93) the other, A010 (90) is beyond the quota (QUOTA, amber).
    name: "chinese-headers",
    exitCode: 0,
    spec: {
      sheets: [
        {
          name: "年度考核",
          cells: { A1: "苏仙区2023年度考核汇总表" },
          fills: { B5: "FFFFFF00", G9: "FF00B0F0" },
          notes: { B4: "用户自己的批注" },
          tables: [
            {
              origin: "A3",
              headers: ZH_HEADERS,
              rows: [
                ["A001", "张一", "干部", "区财政局", "区直单位", "否", ...EX1, "合格", "无", "否"],
                ["A002", "李二", "干部", "区教育局", "区直单位", "否", ...EX1, "过得硬", "区级", "否"],
                ["A003", "王三", "干部", "区水利局", "区直单位", "是", ...five(70), "过得硬", "无", "是"],
                ["A004", "赵四", "干部", "区交通局", "区直单位", "否", 95, 90, 92, 88, 90, "过得硬", null, "否"],
                ["A005", "钱五", "干部", "区民政局", "区直单位", "否", ...five(80), "过得硬", "无", "否"],
                ["A006", "孙六", "干部", "区司法局", "区直单位", "否", 50, 60, 60, 60, 60, "过得硬", "无", "否"],
                ["A007", "周七", "干部", "区审计局", "区直单位", "否", 88, 85, 86, 84, 87, "过得硬", "无", "否"],
                ["A008", "吴八", "干部", "区商务局", "区直单位", "否", 65, 70, 68, 64, 66, "过得硬", "乡镇级", "否"],
                ["A009", "郑九", "干部", "区统计局", "区直单位", "否", ...five(89.35), "过得硬", "无", "否"],
                ["A010", "冯十", "干部", "区林业局", "区直单位", "否", ...five(90), "过得硬", "无", "否"],
                ["T001", "区财政局领导班子", "班子", "区财政局", "区直单位", null, ...EX1, "合格", "无", "否"],
                ["T002", "区教育局领导班子", "班子", "区教育局", "区直单位", null, ...five(85), "过得硬", "无", "否"],
                ["T101", "白露塘镇领导班子", "班子", "白露塘镇", "镇街道", null, ...EX1, "过得硬", "无", "否"],
              ],
            },
          ],
        },
        { name: "填表说明", cells: { A1: "本表由组织部汇总。", A2: "分组：区直单位 / 镇街道" } },
      ],
    },
    hand: {
      A001: h(91, 2, "称职", ["POLITICAL_NOT_SOLID"]),
      A002: h(91, 2, "称职", ["VETO"]),
      A003: h(70, 8, "优秀", ["AFFIRMED"]),
      A004: h(93, 1, "优秀"), // 0.6·95 + 0.1·(90+92+88+90) = 57 + 36
      A005: h(80, 7, "称职"),
      A006: h(54, 10, "不称职"), // 30 + 24
      A007: h(87, 6, "称职"), // 52.8 + 34.2
      A008: h(65.8, 9, "基本称职"), // 39 + 26.8; 乡镇级 circular: no veto
      A009: h(89.35, 5, "称职"),
      A010: h(90, 4, "称职", ["QUOTA"]),
      T001: h(91, 1, "良好", ["POLITICAL_NOT_SOLID"]),
      T002: h(85, 2, "良好"),
      T101: h(91, 1, "优秀"),
    },
    findingCodes: [],
  },
  {
    // English headers and vocabulary. 区直单位 cadres: composites 95, 93, 93, 90, 85, 80, 78, 70, 65,
    // 55 → 10 valid rows, quota 2: 95 is 优秀, the two 93s (equal P and D) are tied at the boundary
    // and both held back (QUOTA_TIE), 90 is beyond the quota (QUOTA); ranks 1, 2, 2, 4 … (POLICY.md §10 #8
    // with the default 20%). 镇街道: F01 has the incentive but is not the top leader (warning, no
    // effect), F02 is affirmed (72 → 优秀).
    name: "english-headers",
    exitCode: 0,
    spec: {
      sheets: [
        {
          name: "Annual",
          tables: [
            {
              origin: "A1",
              headers: ["ID", "Name", "Subject", "Group", "Top leader", "Performance", "Democratic", "Leader evaluation", "Survey", "Party building", "Political quality", "Circular", "Incentive"],
              rows: [
                ["E01", "Chen", "cadre", "区直单位", "no", ...five(95), "solid", "none", "no"],
                ["E02", "Lin", "cadre", "区直单位", "no", ...five(93), "solid", "none", "no"],
                ["E03", "Huang", "cadre", "区直单位", "no", ...five(93), "solid", null, "no"],
                ["E04", "Zhang", "cadre", "区直单位", "no", ...five(90), "solid", null, false],
                ["E05", "Wang", "cadre", "区直单位", "no", ...five(85), "solid", null, false],
                ["E06", "Li", "cadre", "区直单位", "no", ...five(80), "solid", null, false],
                ["E07", "Liu", "cadre", "区直单位", "no", ...five(78), "solid", null, "N"],
                ["E08", "Yang", "cadre", "区直单位", "no", ...five(70), "solid", null, "N"],
                ["E09", "Zhao", "cadre", "区直单位", "no", ...five(65), "solid", null, 0],
                ["E10", "Wu", "cadre", "区直单位", "no", ...five(55), "solid", null, 0],
                ["F01", "Xu", "cadre", "镇街道", "no", ...five(80), "solid", "none", "yes"],
                ["F02", "Sun", "cadre", "镇街道", true, ...five(72), "solid", "none", true],
                ["X01", "Town team", "team", "镇街道", null, ...five(88), "solid", "none", "no"],
              ],
            },
          ],
        },
      ],
    },
    hand: {
      E01: h(95, 1, "优秀"),
      E02: h(93, 2, "称职", ["QUOTA_TIE"]),
      E03: h(93, 2, "称职", ["QUOTA_TIE"]),
      E04: h(90, 4, "称职", ["QUOTA"]),
      E05: h(85, 5, "称职"),
      E06: h(80, 6, "称职"),
      E07: h(78, 7, "称职"),
      E08: h(70, 8, "基本称职"),
      E09: h(65, 9, "基本称职"),
      E10: h(55, 10, "不称职"),
      F01: h(80, 1, "称职"),
      F02: h(72, 2, "优秀", ["AFFIRMED"]),
      X01: h(88, 1, "良好"),
    },
    findingCodes: ["QUOTA_TIE", "AFFIRM_NOT_TOP_LEADER"],
  },
  {
    // An Excel Table (ListObject) away from A1, with a policy file setting the quota to 50%:
    // POLICY.md §10 #8 exactly — composites 95, 93, 93, 90, 2 places: 95 is 优秀, the 93s are held
    // back (QUOTA_TIE), ranks 1, 2, 2, 4. 镇街道 teams: 91.00 and 90.50 (54.6 + 35.9), 1 place → the
    // second is QUOTA. 拟定等次 typed by hand agrees with the rules (a tied row may be typed 优秀
    // while places remain), so no MANUAL_GRADE_CONFLICT.
    name: "excel-table",
    exitCode: 0,
    policy: { quota: { ratio: 0.5 } },
    spec: {
      sheets: [
        {
          name: "干部考核",
          cells: { U2: "备注：本表为示例" },
          tables: [
            {
              origin: "B2",
              listObject: "考核表",
              headers: ["编号", "姓名", "对象", "分组", "主要负责人", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评", "真抓实干激励", "拟定等次"],
              rows: [
                ["C1", "甲", "干部", "区直单位", "否", ...five(95), "过得硬", "无", "否", "优秀"],
                ["C2", "乙", "干部", "区直单位", "否", ...five(93), "过得硬", "无", "否", "优秀"],
                ["C3", "丙", "干部", "区直单位", "否", ...five(93), "过得硬", "无", "否", null],
                ["C4", "丁", "干部", "区直单位", "否", ...five(90), "过得硬", "无", "否", null],
                ["T1", "良田镇领导班子", "班子", "镇街道", null, ...EX1, "过得硬", "无", "否", null],
                ["T2", "栖凤渡镇领导班子", "班子", "镇街道", null, 91, 90, 90, 89, 90, "过得硬", "无", "否", "良好"],
              ],
            },
          ],
        },
      ],
    },
    hand: {
      C1: h(95, 1, "优秀"),
      C2: h(93, 2, "称职", ["QUOTA_TIE"]),
      C3: h(93, 2, "称职", ["QUOTA_TIE"]),
      C4: h(90, 4, "称职", ["QUOTA"]),
      T1: h(91, 1, "优秀"),
      T2: h(90.5, 2, "良好", ["QUOTA"]),
    },
    findingCodes: ["QUOTA_TIE"],
  },
  {
    // Columns in any order, an unknown column 备注 (text that looks like formulas: it must stay text and
    // untouched), and a stale 排名 column from an earlier run in the middle of the table: ranks are
    // written into it, the other results are appended. 5 valid rows → quota 1: S5 (95) is 优秀, S1
    // (90.50 = 54.6 + 35.9) is beyond the quota.
    name: "shuffled-columns",
    exitCode: 0,
    spec: {
      sheets: [
        {
          name: "Sheet1",
          fills: { C2: "FFFFFF00" },
          tables: [
            {
              origin: "A1",
              headers: ["政治素质", "党建成效", "备注", "编号", "民意调查", "排名", "分组", "绩效考核", "姓名", "领导评价", "民主测评"],
              rows: [
                ["过得硬", 88, "=不是公式", "S1", 92, 9, "区直单位", 91, "周", 89, 90],
                ["过得硬", 81, "+86 0735", "S2", 78, 9, "区直单位", 76, "吴", 82, 80],
                ["过得硬", 59, "-", "S3", 61, "旧", "区直单位", 60, "郑", 58, 62],
                ["过得硬", 60, "@张三", "S4", 60, null, "区直单位", 59, "冯", 60, 60],
                ["过得硬", 97, null, "S5", 93, 1, "区直单位", 95, "陈", 96, 94],
              ],
            },
          ],
        },
      ],
    },
    hand: {
      S1: h(90.5, 2, "称职", ["QUOTA"]),
      S2: h(77.7, 3, "称职"), // 45.6 + 0.1·(80+82+78+81) = 45.6 + 32.1
      S3: h(60, 4, "基本称职"), // 36 + 24 — exactly on the band
      S4: h(59.4, 5, "不称职"), // 35.4 + 24
      S5: h(95, 1, "优秀"), // 57 + 0.1·(94+96+93+97) = 57 + 38
    },
    findingCodes: [],
  },
  {
    // Bad cells: text, #N/A (a formula's cached error), blank, 120, a duplicated ID and an unknown
    // 政治素质 make their rows invalid (no composite, rank or grade, grey); full-width "９０" and "90%"
    // are read as 90 (POLICY.md §9). Valid rows: B05 (48 + 33 = 81), B06 (90), B09 (85, P from a
    // formula), B10 (92) → quota 1: B10 优秀, B06 QUOTA.
    name: "bad-cells",
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "年度考核",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "姓名", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评"],
              rows: [
                ["B01", "一", "区直单位", "abc", 80, 80, 80, 80, "过得硬", "无"],
                ["B02", "二", "区直单位", 80, { formula: "NA()", result: { error: "#N/A" } }, 80, 80, 80, "过得硬", "无"],
                ["B03", "三", "区直单位", 80, 80, null, 80, 80, "过得硬", "无"],
                ["B04", "四", "区直单位", 80, 80, 80, 120, 80, "过得硬", "无"],
                ["B05", "五", "区直单位", 80, 80, 80, 80, "９０", "过得硬", "无"],
                ["B06", "六", "区直单位", "90%", 90, 90, 90, 90, "过得硬", "无"],
                ["B07", "七", "区直单位", 88, 88, 88, 88, 88, "过得硬", "无"],
                ["B07", "七七", "区直单位", 87, 87, 87, 87, 87, "过得硬", "无"],
                ["B08", "八", "区直单位", 80, 80, 80, 80, 80, "很好", "无"],
                ["B09", "九", "区直单位", { formula: "80+5", result: 85 }, 85, 85, 85, 85, "过得硬", "无"],
                ["B10", "十", "区直单位", ...five(92), "过得硬", "无"],
              ],
            },
          ],
        },
      ],
    },
    hand: {
      B01: INVALID,
      B02: INVALID,
      B03: INVALID,
      B04: INVALID,
      B05: h(81, 4, "称职"),
      B06: h(90, 2, "称职", ["QUOTA"]),
      "B07@8": INVALID,
      "B07@9": INVALID,
      B08: INVALID,
      B09: h(85, 3, "称职"),
      B10: h(92, 1, "优秀"),
    },
    findingCodes: ["NOT_A_NUMBER", "NOT_A_NUMBER", "MISSING", "OUT_OF_RANGE", "DUPLICATE_ID", "DUPLICATE_ID", "UNKNOWN_VALUE"],
  },
  {
    // The 民意调查 (S) column is missing: the table cannot be computed (MISSING_COLUMN), every row is
    // reported invalid, nothing is written into the table, the findings sheet says why.
    name: "error-header-missing-column",
    exitCode: 1,
    spec: {
      sheets: [
        {
          name: "年度考核",
          tables: [
            {
              origin: "A1",
              headers: ["编号", "姓名", "分组", "绩效考核", "民主测评", "领导评价", "党建成效", "政治素质"],
              rows: [
                ["M1", "甲", "区直单位", 90, 90, 90, 90, "过得硬"],
                ["M2", "乙", "区直单位", 80, 80, 80, 80, "过得硬"],
              ],
            },
          ],
        },
      ],
    },
    hand: { M1: INVALID, M2: INVALID },
    findingCodes: ["MISSING_COLUMN"],
  },
];
