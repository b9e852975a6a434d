import fc from "fast-check";
import { computeUnits, fillPerformance, splitLeads, UnitDirectory } from "./unit";
import { defaultPolicy, requirePolicy } from "./policy";
import { CellValue, RawTable } from "./types";

const policy = defaultPolicy();

const UNIT_HEADERS = ["编号", "名称", "分组", "重点工作得分", "共性工作得分", "党的建设得分", "幸福感", "满意度", "安全感"];
const CITY_HEADERS = ["编号", "指标名称", "牵头单位", "考核结果", "说明"];

function table(sheet: string, headers: string[], rows: CellValue[][]): RawTable {
  return { sheet, headers, rows, headerRow: 1, firstColumn: 1 };
}
const units = (rows: CellValue[][]) => table("单位绩效", UNIT_HEADERS, rows);
const city = (rows: CellValue[][]) => table("市考指标", CITY_HEADERS, rows);

// Three district units and two towns; 民评 of U1 is example 5 (13.50).
const UNITS: CellValue[][] = [
  ["U1", "区财政局", "区直单位", 36, 22, 14, 90, 84, 96],
  ["U2", "区教育局", "区直单位", 35.5, 21.5, 13.5, 88, 88, 88],
  ["U3", "区委办", "区直单位", 30, 20, 12, 80, 80, 80],
  ["T1", "良田镇", "镇街道", 34, 20, 14, 90, 90, 90],
  ["T2", "桥口镇", "镇街道", 33, 21, 14, 85, 86, 87],
];

describe("POLICY.md §10 example 5 in the unit table", () => {
  test("民评 with H=90, S=84, A=96 → 13.50; total = Σ indicators + 民评", () => {
    const out = computeUnits(units([UNITS[0]]), null, policy);
    expect(out.findings).toEqual([]);
    expect(out.rows[0]).toMatchObject({ minping: 13.5, indicatorPoints: 72, cityAdjustment: 0, total: 85.5, rank: 1, minpingRank: 1, valid: true });
  });
});

describe("unit performance table (golden)", () => {
  const cityRows: CellValue[][] = [
    ["SK001", "地区生产总值增长", "区发改局", "先进", ""],
    ["SK002", "一般公共预算收入", "区财政局", "先进", ""],
    ["SK003", "税收占比", "区财政局", "落后", "税收占比低于全市平均"],
    ["SK004", "义务教育优质均衡", "区教育局", "末位", ""],
    ["SK005", "学前教育普惠率", "教育局", "良好", "牵头单位写作简称"],
    ["SK006", "乡村振兴", "良田镇", "达标", ""],
  ];
  const out = computeUnits(units([...UNITS, ["U4", "区发改局", "区直单位", 32, 20, 14, 86, 86, 86]]), city(cityRows), policy);

  test("totals, ranks per group, deductions with reasons", () => {
    const by = Object.fromEntries(out.rows.map((r) => [r.id, r]));
    expect(out.findings).toEqual([]);
    expect(by.U1).toMatchObject({ minping: 13.5, cityBonus: 1, cityDeduction: -0.5, cityAdjustment: 0.5, total: 86 });
    expect(by.U1.deductions).toEqual([{ indicatorId: "SK003", indicator: "税收占比", outcome: "落后", points: -0.5, reason: "税收占比低于全市平均", row: 4 }]);
    expect(by.U2).toMatchObject({ minping: 13.2, cityAdjustment: -0.5, total: 83.2 });
    expect(by.U2.deductions[0]).toMatchObject({ indicatorId: "SK004", points: -1 });
    expect(by.U2.deductions[0].reason).toContain("末位");
    expect(by.U3).toMatchObject({ minping: 12, total: 74, cityAdjustment: 0 });
    expect(by.U4).toMatchObject({ minping: 12.9, cityAdjustment: 1, total: 79.9 });
    expect(["U1", "U2", "U4", "U3"].map((id) => by[id].rank)).toEqual([1, 2, 3, 4]);
    expect(by.T1).toMatchObject({ minping: 13.5, total: 81.5, rank: 1 });
    expect(by.T2).toMatchObject({ minping: 12.9, total: 80.9, rank: 2 });
    expect(by.U3.minpingRank).toBe(4);
    expect(out.city).toHaveLength(6);
  });

  test("fillPerformance fills blank P cells of the annual table by unit", () => {
    const annual: RawTable = {
      sheet: "年度考核",
      headers: ["编号", "姓名", "单位", "绩效考核", "民主测评"],
      rows: [
        ["A1", "张三", "区财政局", null, 90],
        ["A2", "李四", "财政局", 77, 90],
        ["A3", "王五", "不存在局", null, 90],
      ],
      headerRow: 1,
      firstColumn: 1,
    };
    const f = fillPerformance(annual, out.rows);
    expect(f.table.rows.map((r) => r[3])).toEqual([86, 77, null]);
    expect(f.filled).toEqual([{ row: 2, unit: "区财政局", P: 86 }]);
    expect(f.unmatched).toEqual([{ row: 4, unit: "不存在局" }]);
    expect(fillPerformance(annual, out.rows, { overwrite: true }).table.rows[1][3]).toBe(86);
  });
});

describe("validation", () => {
  test("CITY_INDICATOR_LEAD: none, two (、 or /), unknown; the indicator counts for nobody", () => {
    const out = computeUnits(
      units(UNITS),
      city([
        ["SK001", "A", "", "先进", ""],
        ["SK002", "B", "区财政局、区教育局", "先进", ""],
        ["SK003", "C", "财政局/教育局", "末位", ""],
        ["SK004", "D", "区大数据局", "先进", ""],
        ["SK005", "E", "区财政局", "先进", ""],
      ]),
      policy,
    );
    const lead = out.findings.filter((f) => f.code === "CITY_INDICATOR_LEAD");
    expect(lead.map((f) => [f.sheet, f.row, f.cell])).toEqual([
      ["市考指标", 2, "C2"],
      ["市考指标", 3, "C3"],
      ["市考指标", 4, "C4"],
      ["市考指标", 5, "C5"],
    ]);
    expect(lead[1].message.zh).toContain("2 个牵头单位");
    expect(lead[3].message.en).toContain("not in the unit list");
    expect(out.findings).toHaveLength(4);
    const u1 = out.rows.find((r) => r.id === "U1")!;
    expect(u1).toMatchObject({ valid: true, cityAdjustment: 1, total: 86.5 });
    expect(out.rows.find((r) => r.id === "U2")!.cityAdjustment).toBe(0);
  });

  test("unknown or blank outcome: UNKNOWN_VALUE / MISSING, and the lead unit gets no total", () => {
    const out = computeUnits(units(UNITS), city([["SK001", "A", "区财政局", "优", ""], ["SK002", "B", "良田镇", "", ""]]), policy);
    expect(out.findings.map((f) => [f.code, f.cell])).toEqual([
      ["UNKNOWN_VALUE", "D2"],
      ["MISSING", "D3"],
    ]);
    const u1 = out.rows.find((r) => r.id === "U1")!;
    expect(u1).toMatchObject({ valid: false, total: null, rank: null, cityAdjustment: null, minping: 13.5 });
    expect(u1.explanation.zh).toContain("市考指标第 2 行");
    expect(out.rows.find((r) => r.id === "U2")!.rank).toBe(1);
  });

  test("bad cells: text, blank, index outside 0–100, duplicate ID; never zero", () => {
    const out = computeUnits(
      units([
        ["U1", "区财政局", "区直单位", "三十六", 22, 14, 90, 84, 96],
        ["U2", "区教育局", "区直单位", 35.5, null, 13.5, 88, 88, 88],
        ["U3", "区委办", "区直单位", 30, 20, 12, 120, 80, 80],
        ["U4", "区发改局", "区直单位", 30, 20, 12, "８０", "80%", 80],
        ["U4", "区商务局", "区直单位", 30, 20, 12, 80, 80, 80],
      ]),
      null,
      policy,
    );
    expect(out.findings.map((f) => [f.code, f.cell])).toEqual([
      ["NOT_A_NUMBER", "D2"],
      ["MISSING", "E3"],
      ["OUT_OF_RANGE", "G4"],
      ["DUPLICATE_ID", "A5"],
      ["DUPLICATE_ID", "A6"],
    ]);
    expect(out.rows.map((r) => r.total)).toEqual([null, null, null, null, null]);
    expect(out.rows[3].minping).toBe(12); // full-width and % parsed
    expect(out.rows[0].minping).toBe(13.5);
    expect(out.rows[2].minping).toBeNull();
  });

  test("民评 outside 0–15 is OUT_OF_RANGE (only with an odd policy)", () => {
    const odd = requirePolicy({ minping: { maxPoints: 20 } });
    const out = computeUnits(units([UNITS[0], ["U3", "区委办", "区直单位", 30, 20, 12, 70, 70, 70]]), null, odd);
    expect(out.findings.map((f) => [f.code, f.row, f.column])).toEqual([["OUT_OF_RANGE", 2, "minping"]]);
    expect(out.rows[0]).toMatchObject({ total: null, minping: null, valid: false });
    expect(out.rows[1]).toMatchObject({ minping: 14, total: 76 });
  });

  test("missing columns are table-level findings", () => {
    const out = computeUnits(table("单位绩效", ["编号", "名称", "幸福感"], [["U1", "x", 90]]), null, policy);
    expect(out.findings.map((f) => [f.code, f.column])).toEqual([
      ["MISSING_COLUMN", "S"],
      ["MISSING_COLUMN", "A"],
    ]);
    expect(out.rows[0].valid).toBe(false);
  });

  test("lead-unit names: whole names are not split; the district prefix is optional", () => {
    const d = new UnitDirectory([{ name: "区住房和城乡建设局" }, { name: "区财政局", id: "U1" }, { name: "区委办" }]);
    expect(splitLeads("区住房和城乡建设局", d)).toEqual(["区住房和城乡建设局"]);
    expect(splitLeads("财政局 / 区委办", d)).toEqual(["财政局", "区委办"]);
    expect(d.find("苏仙区财政局")).toBe(1);
    expect(d.find("U1")).toBe(1);
    expect(d.find("财政")).toBeUndefined();
  });
});

describe("properties", () => {
  const outcomes = ["先进", "良好", "达标", "落后", "末位"];
  test("city caps are never exceeded: bonus ≤ +5, deduction ≥ −5, whatever the indicators", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...outcomes)), { maxLength: 150 }), (items) => {
        const cityRows = items.map(([u, o], i) => [`SK${i}`, `指标${i}`, UNITS[u][1], o, ""] as CellValue[]);
        const out = computeUnits(units(UNITS), city(cityRows), policy);
        expect(out.findings).toEqual([]);
        for (const r of out.rows) {
          expect(r.cityBonus!).toBeLessThanOrEqual(5);
          expect(r.cityDeduction!).toBeGreaterThanOrEqual(-5);
          expect(r.cityAdjustment!).toBeGreaterThanOrEqual(-5);
          expect(r.cityAdjustment!).toBeLessThanOrEqual(5);
          const mine = cityRows.filter((c) => c[2] === r.name && (c[3] === "落后" || c[3] === "末位"));
          expect(r.deductions.map((d) => d.indicatorId)).toEqual(mine.map((c) => c[0]));
        }
      }),
      { numRuns: 200 },
    );
  });

  test("totals are exact decimals (no 0.1 + 0.2 drift)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 3 }), ([a, b, c]) => {
        const out = computeUnits(units([["U1", "x", "区直单位", a / 10, b / 10, c / 10, 90, 84, 96]]), null, policy);
        expect(out.rows[0].total).toBe(Number(((a + b + c) / 10 + 13.5).toFixed(2)));
      }),
    );
  });
});
