// 考核统计: the sheet a compute writes, cell by cell, with the figures worked by hand (in the comments),
// and the chart it asks the adapter to draw from the sheet's first block.
import { computeRanking } from "../../src/actions";
import { statisticsSheetOf } from "../../src/actions/statistics";
import { analyzeWorkbook } from "../../src/actions/analyze";
import { defaultPolicy } from "../../src/engine/policy";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { buildWorkbook, SheetSpec, TestCell } from "../support/xlsx-builders";

const policy = defaultPolicy();
const HEADERS = ["编号", "姓名", "对象", "单位", "分组", "主要负责人", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评", "真抓实干激励"];
const row = (id: string, subject: string, group: string, x: TestCell, extra: { circular?: string; leader?: string; incentive?: string } = {}): TestCell[] => [
  id, id, subject, "区财政局", group, extra.leader ?? "否", x, x, x, x, x, "过得硬", extra.circular ?? "无", extra.incentive ?? "否",
];
const ANNUAL: SheetSpec = {
  name: "年度考核",
  tables: [
    {
      origin: "A1",
      headers: HEADERS,
      rows: [
        row("T1", "班子", "区直单位", 95), // 区直单位 · 班子/单位: 95 优秀, 80 良好, 70 一般; quota 0.6 → 1
        row("T2", "班子", "区直单位", 80),
        row("T3", "班子", "区直单位", 70),
        row("C1", "干部", "区直单位", 92, { circular: "区级" }), // vetoed: 称职
        row("C2", "干部", "区直单位", 91), // 优秀 (quota 0.8 → 1)
        row("C3", "干部", "区直单位", 50), // 不称职
        row("C4", "干部", "区直单位", "abc"), // not valid
        row("C5", "干部", "镇街道", 70, { leader: "是", incentive: "是" }), // affirmed: 优秀
      ],
    },
  ],
};
const UNIT: SheetSpec = {
  name: "单位绩效",
  tables: [
    {
      origin: "A1",
      headers: ["编号", "名称", "分组", "重点工作得分", "幸福感", "满意度", "安全感"],
      rows: [
        ["U1", "区财政局", "区直单位", 72.5, 90, 90, 90], // 72.5 + 13.5 = 86
        ["U2", "区教育局", "区直单位", 71.2, 80, 80, 80], // 71.2 + 12 = 83.2
        ["U3", "区委办", "区直单位", 65, 60, 60, 60], //     65 + 9 = 74
        ["T1", "良田镇", "镇街道", 68, 90, 90, 90], //       68 + 13.5 = 81.5
        ["T2", "桥口镇", "镇街道", 68.9, 80, 80, 80], //     68.9 + 12 = 80.9
      ],
    },
  ],
};

describe("考核统计", () => {
  test("per pool: grade counts, rows, valid, quota, vetoes, affirmations, mean / highest / lowest; per group: the unit totals' spread", async () => {
    const port = XlsxWorkbook.from(buildWorkbook({ sheets: [ANNUAL, UNIT] }));
    const r = await computeRanking(port, policy);
    expect(r.summary.schemeSheets).toContain("考核统计");
    const ws = port.workbook.getWorksheet("考核统计")!;
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (rw, n) => (rows[n - 1] = (rw.values as unknown[]).slice(1).map((v) => v ?? null)));
    expect(rows[0]).toEqual(["组别", "优秀", "良好/称职", "一般/基本称职", "较差/不称职", "分组", "对象", "行数", "有效", "优秀名额", "一票否决", "一票肯定", "平均综合得分", "最高", "最低"]);
    // (95 + 80 + 70) / 3 = 81.666… → 81.67; (92 + 91 + 50) / 3 = 77.666… → 77.67
    expect(rows[1]).toEqual(["区直单位 · 班子/单位", 1, 1, 1, 0, "区直单位", "班子/单位", 3, 3, 1, 0, 0, 81.67, 95, 70]);
    expect(rows[2]).toEqual(["区直单位 · 干部", 1, 1, 0, 1, "区直单位", "干部", 4, 3, 1, 1, 0, 77.67, 92, 50]);
    expect(rows[3]).toEqual(["镇街道 · 干部", 1, 0, 0, 0, "镇街道", "干部", 1, 1, 1, 0, 1, 70, 70, 70]);
    expect(rows[4] ?? []).toEqual([]);
    expect(rows[5]).toEqual(["单位总分（单位绩效）"]);
    expect(rows[6]).toEqual(["分组", "单位数", "有总分", "平均总分", "最高", "最低", "极差", "标准差"]);
    // 区直单位: 86, 83.2, 74 → mean 81.07, range 12, σ 5.13 (statistics.test.ts works it); 镇街道: 81.5, 80.9 → 81.2, 0.6, 0.3
    expect(rows[7]).toEqual(["区直单位", 3, 3, 81.07, 86, 74, 12, 5.13]);
    expect(rows[8]).toEqual(["镇街道", 2, 2, 81.2, 81.5, 80.9, 0.6, 0.3]);
    // exceljs cannot draw charts: the compute says so instead of pretending.
    expect(r.summary.charts).toEqual([{ sheet: "考核统计", drawn: false }]);
  });

  test("the chart: categories 组别, one series per grade level, from the sheet's first block; placed under the tables", async () => {
    const port = XlsxWorkbook.from(buildWorkbook({ sheets: [ANNUAL, UNIT] }));
    const plan = statisticsSheetOf((await analyzeWorkbook(port, policy)).tables, policy)!;
    expect(plan.chart).toEqual({
      name: "ASSESS grades",
      title: "各组等次分布",
      data: { top: 1, left: 1, bottom: 4, right: 5 }, // A1:E4 — the header row and three pools
      anchor: { row: 11, column: 1, rows: 18, columns: 5 }, // two rows under the last row (9), as wide as the data
      categoryAxis: "组别",
      valueAxis: "人数",
      valueStep: 1, // counts of at most 1: whole steps
    });
  });

  test("the value axis steps in whole counts: 1, 2, 5, 10 … at most ten steps", async () => {
    const { countStep } = await import("../../src/actions/statistics");
    expect([0, 1, 10, 11, 20, 21, 43, 50, 51, 100, 101, 217].map(countStep)).toEqual([1, 1, 1, 2, 2, 5, 5, 5, 10, 10, 20, 50]);
  });

  test("no chart without an annual table; no sheet without annual or unit tables", async () => {
    const units = statisticsSheetOf((await analyzeWorkbook(XlsxWorkbook.from(buildWorkbook({ sheets: [UNIT] })), policy)).tables, policy)!;
    expect(units.chart).toBeNull();
    expect(units.rows[0]).toEqual(["组别", "优秀", "良好/称职", "一般/基本称职", "较差/不称职", "分组", "对象", "行数", "有效", "优秀名额", "一票否决", "一票肯定", "平均综合得分", "最高", "最低"]);
    expect(statisticsSheetOf([], policy)).toBeNull();
  });
});
