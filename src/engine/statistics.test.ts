// 考核统计: pool and group statistics with the figures worked by hand (in the comments).
import { computeAnnual } from "./annual";
import { defaultPolicy } from "./policy";
import { poolStatistics, unitSpread } from "./statistics";
import type { CellValue } from "./types";
import type { UnitRowResult } from "./unit";

const policy = defaultPolicy();
const HEADERS = ["编号", "姓名", "对象", "单位", "分组", "主要负责人", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评", "真抓实干激励"];
/** A row whose five components are all x: its composite is x. */
const row = (id: string, subject: string, group: string, x: CellValue, extra: { circular?: string; leader?: string; incentive?: string } = {}): CellValue[] => [
  id, id, subject, "单位" + id, group, extra.leader ?? "否", x, x, x, x, x, "过得硬", extra.circular ?? "无", extra.incentive ?? "否",
];

describe("pool statistics", () => {
  const outcome = computeAnnual(
    {
      sheet: "年度考核",
      headers: HEADERS,
      headerRow: 1,
      firstColumn: 1,
      rows: [
        // 区直单位 · 班子/单位: 95, 80, 70; quota 20% × 3 = 0.6 → 1 → 优秀, 良好, 一般
        row("T1", "班子", "区直单位", 95),
        row("T2", "班子", "区直单位", 80),
        row("T3", "班子", "区直单位", 70),
        // 区直单位 · 干部: 92 vetoed (称职), 91 (优秀: quota 0.8 → 1), 50 (不称职), one invalid row
        row("C1", "干部", "区直单位", 92, { circular: "区级" }),
        row("C2", "干部", "区直单位", 91),
        row("C3", "干部", "区直单位", 50),
        row("C4", "干部", "区直单位", "abc"),
        // 镇街道 · 干部: a top leader affirmed at 70 → 优秀
        row("C5", "干部", "镇街道", 70, { leader: "是", incentive: "是" }),
      ],
    },
    policy,
  );
  const stats = poolStatistics(outcome, policy);
  const by = Object.fromEntries(stats.map((s) => [s.key, s]));

  test("one entry per pool with each grade's count", () => {
    expect(stats.map((s) => s.key)).toEqual(["区直单位 · 班子/单位", "区直单位 · 干部", "镇街道 · 干部"]);
    expect(by["区直单位 · 班子/单位"].grades.map((g) => [g.grade.zh, g.count])).toEqual([
      ["优秀", 1],
      ["良好", 1],
      ["一般", 1],
      ["较差", 0],
    ]);
    expect(by["区直单位 · 干部"].grades.map((g) => [g.grade.zh, g.count])).toEqual([
      ["优秀", 1],
      ["称职", 1],
      ["基本称职", 0],
      ["不称职", 1],
    ]);
  });

  test("rows, valid, quota, vetoes, affirmations", () => {
    expect(by["区直单位 · 干部"]).toMatchObject({ group: "区直单位", kind: "cadres", rows: 4, valid: 3, excellent: 1, quota: 1, vetoes: 1, affirmed: 0 });
    expect(by["镇街道 · 干部"]).toMatchObject({ rows: 1, valid: 1, excellent: 1, quota: 1, vetoes: 0, affirmed: 1 });
  });

  test("mean, highest, lowest composite (exact mean, half-up)", () => {
    // (95 + 80 + 70) / 3 = 81.666… → 81.67; (92 + 91 + 50) / 3 = 77.666… → 77.67
    expect(by["区直单位 · 班子/单位"]).toMatchObject({ count: 3, mean: 81.67, highest: 95, lowest: 70 });
    expect(by["区直单位 · 干部"]).toMatchObject({ count: 3, mean: 77.67, highest: 92, lowest: 50 });
    expect(by["镇街道 · 干部"]).toMatchObject({ count: 1, mean: 70, highest: 70, lowest: 70 });
  });
});

describe("unit totals per group", () => {
  const u = (group: string, total: number | null): UnitRowResult => ({ group, total, valid: total !== null }) as UnitRowResult;
  const spread = unitSpread([u("区直单位", 86), u("镇街道", 81.5), u("区直单位", 83.2), u("区直单位", 74), u("区直单位", null), u("镇街道", 80.9), u("开发区", 60)], policy);

  test("the policy's groups first, then others in table order", () => {
    expect(spread.map((s) => s.group)).toEqual(["区直单位", "镇街道", "开发区"]);
  });

  test("count, mean, highest, lowest, range and standard deviation", () => {
    // 区直单位: 86, 83.2, 74 (one unit without a total): mean 243.2 / 3 = 81.0666… → 81.07, range 12;
    //   squared deviations 4.9333…² + 2.1333…² + 7.0666…² = 78.8266… / 3 = 26.2755… → √ = 5.1259… → 5.13
    expect(spread[0]).toEqual({ group: "区直单位", units: 4, count: 3, mean: 81.07, highest: 86, lowest: 74, range: 12, stdDev: 5.13 });
    // 镇街道: 81.5, 80.9: mean 81.2, range 0.6, deviations ±0.3 → σ 0.3
    expect(spread[1]).toEqual({ group: "镇街道", units: 2, count: 2, mean: 81.2, highest: 81.5, lowest: 80.9, range: 0.6, stdDev: 0.3 });
    expect(spread[2]).toEqual({ group: "开发区", units: 1, count: 1, mean: 60, highest: 60, lowest: 60, range: 0, stdDev: 0 });
  });

  test("a group whose units all lack a total has no figures", () => {
    expect(unitSpread([u("镇街道", null)], policy)).toEqual([{ group: "镇街道", units: 1, count: 0, mean: null, highest: null, lowest: null, range: null, stdDev: null }]);
  });
});
