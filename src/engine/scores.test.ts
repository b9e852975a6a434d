import { defaultPolicy, requirePolicy } from "./policy";
import { convertScore, democratic, minping, NoBallotsError } from "./scores";
import { cityAdjustment, outcomePoints } from "./city";
import { meritYears, requiredTenure } from "./rewards";
import { coverage } from "./coverage";
import { quotaFor } from "./quota";

const policy = defaultPolicy();

describe("POLICY.md §10 worked examples (scores and rewards)", () => {
  test("5: 民评 with H=90, S=84, A=96 → 15 × 90/100 = 13.50", () => {
    expect(minping(90, 84, 96, policy)).toBe(13.5);
  });

  test("6: ballots 好 30, 较好 10, 一般 5, 差 5 → 86.00", () => {
    expect(democratic({ good: 30, fairlyGood: 10, average: 5, poor: 5 }, policy)).toBe(86);
  });

  test("7: quota counts 10 → 2, 17 → 3 (half-up) or 4 (ceil), 2 → 1 (minimum)", () => {
    expect(quotaFor(10, policy)).toBe(2);
    expect(quotaFor(17, policy)).toBe(3);
    expect(quotaFor(17, requirePolicy({ quota: { rounding: "ceil" } }))).toBe(4);
    expect(quotaFor(17, requirePolicy({ quota: { rounding: "floor" } }))).toBe(3);
    expect(quotaFor(2, policy)).toBe(1);
    expect(quotaFor(0, policy)).toBe(0);
    expect(quotaFor(15, policy)).toBe(3); // 3.0
    expect(quotaFor(13, policy)).toBe(3); // 2.6
    expect(quotaFor(12, policy)).toBe(2); // 2.4
    expect(quotaFor(5, requirePolicy({ quota: { ratio: 0.5 } }))).toBe(3); // 2.5 → 3: a half rounds up
  });

  test("9: 优秀 six years running → 三等功 in years 3 and 6", () => {
    const h = [2018, 2019, 2020, 2021, 2022, 2023].map((year) => ({ year, grade: "优秀" }));
    expect(meritYears(h, policy)).toEqual([2020, 2023]);
  });

  test("10: base tenure 2 years, 3 excellent years → 0.5 years", () => {
    expect(requiredTenure(2, 3, policy)).toBe(0.5);
  });
});

describe("rewards (POLICY.md §6)", () => {
  test("year 4 alone does not award; a missing year breaks the streak; a lower grade resets it", () => {
    const g = (pairs: [number, string][]) => pairs.map(([year, grade]) => ({ year, grade }));
    expect(meritYears(g([[2019, "优秀"], [2020, "优秀"], [2021, "优秀"], [2022, "优秀"]]), policy)).toEqual([2021]);
    expect(meritYears(g([[2019, "优秀"], [2020, "优秀"], [2022, "优秀"], [2023, "优秀"]]), policy)).toEqual([]);
    expect(meritYears(g([[2019, "优秀"], [2020, "称职"], [2021, "优秀"], [2022, "优秀"], [2023, "优秀"]]), policy)).toEqual([2023]);
    expect(meritYears(g([[2023, "优秀"], [2021, "优秀"], [2022, "Excellent"]]), policy)).toEqual([2023]);
  });

  test("tenure never below the floor", () => {
    expect(requiredTenure(2, 5, policy)).toBe(0);
    expect(requiredTenure(3, 1, policy)).toBe(2.5);
    expect(requiredTenure(2, 5, requirePolicy({ rewards: { tenureFloor: 1 } }))).toBe(1);
  });
});

describe("city indicators (POLICY.md §2)", () => {
  test("outcomes map to points; caps apply to bonus and deduction separately", () => {
    expect(outcomePoints("先进", policy)).toBe(1);
    expect(outcomePoints("末位", policy)).toBe(-1);
    expect(outcomePoints("优", policy)).toBeUndefined();
    const items = [
      ...Array.from({ length: 7 }, (_, i) => ({ indicator: `I${i}`, outcome: "先进", points: 1 })),
      { indicator: "X", outcome: "落后", points: -0.5 },
    ];
    const adj = cityAdjustment(items, policy);
    expect(adj).toMatchObject({ bonus: 5, deduction: -0.5, adjustment: 4.5 });
    expect(adj.deductions.map((d) => d.indicator)).toEqual(["X"]);
    const many = Array.from({ length: 12 }, (_, i) => ({ indicator: `D${i}`, outcome: "末位", points: -1 }));
    expect(cityAdjustment(many, policy)).toMatchObject({ deduction: -5, adjustment: -5 });
    expect(cityAdjustment(many, policy).deductions).toHaveLength(12);
  });

  test("0.1-step sums stay exact", () => {
    const items = Array.from({ length: 3 }, () => ({ indicator: "a", outcome: "x", points: 0.1 }));
    expect(cityAdjustment(items, policy).adjustment).toBe(0.3);
  });
});

describe("other score rules", () => {
  test("zero ballots is an error, not a zero", () => {
    expect(() => democratic({ good: 0, fairlyGood: 0, average: 0, poor: 0 }, policy)).toThrow(NoBallotsError);
  });

  test("折算 relative to the best unit", () => {
    expect(convertScore(90, 96, 2)).toBe(93.75);
    expect(convertScore(80, 90, 2)).toBe(88.89);
    expect(convertScore(96, 96, 2)).toBe(100);
  });

  test("coverage", () => {
    const c = coverage(["区委办", "区政府办", "财政局", "教育局"], ["区委办", "财政局", "不存在"]);
    expect(c.fraction).toBe(0.5);
    expect(c.notExamined).toEqual(["区政府办", "教育局"]);
  });
});
