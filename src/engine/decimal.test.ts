import fc from "fast-check";
import { Big, divRoundHalfUp, parseWeight, toScaled, weightsSumToOne, WeightedSum, roundToNumber } from "./decimal";

const w = (...xs: (number | string)[]) => xs.map((x) => parseWeight(x)!);

describe("exact decimals, half-up (POLICY.md §3)", () => {
  test("ROUND(1.005, 2) is 1.01", () => {
    expect(roundToNumber(new Big(1.005), 2)).toBe(1.01);
    expect(new WeightedSum(w(1), 2).compute([1.005])).toBe(1.01);
    // Binary floating point gets this wrong, which is why the engine does not round with it.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
  });

  test("worked example 11: five components of 89.35 give exactly 89.35", () => {
    const sum = new WeightedSum(w(0.6, 0.1, 0.1, 0.1, 0.1), 2);
    expect(sum.compute([89.35, 89.35, 89.35, 89.35, 89.35])).toBe(89.35);
    expect(String(sum.compute([89.35, 89.35, 89.35, 89.35, 89.35]))).toBe("89.35");
  });

  test("half-up on ties, away from zero", () => {
    expect(divRoundHalfUp(125, 10)).toBe(13);
    expect(divRoundHalfUp(124, 10)).toBe(12);
    expect(divRoundHalfUp(-125, 10)).toBe(-13);
    expect(new WeightedSum(w(0.5, 0.5), 2).compute([0.005, 0.005])).toBe(0.01);
    expect(new WeightedSum(w(0.5, 0.5), 2).compute([0.004, 0.005])).toBe(0); // 0.0045 → 0.00
  });

  test("toScaled is exact or refuses", () => {
    expect(toScaled(89.35)).toBe(893500);
    expect(toScaled(0.1)).toBe(1000);
    expect(toScaled(1 / 3)).toBeNull();
    expect(toScaled(12.34567)).toBeNull();
    expect(toScaled(Infinity)).toBeNull();
  });

  test("values with many decimals take the exact big.js path", () => {
    const sum = new WeightedSum(w(0.6, 0.1, 0.1, 0.1, 0.1), 2);
    // 0.6 × 90.123456 + 0.1 × (80 + 70 + 60 + 50) = 54.0740736 + 26 = 80.0740736 → 80.07
    expect(sum.compute([90.123456, 80, 70, 60, 50])).toBe(80.07);
    // 0.6 × 10.00833333 = 6.004999998 → 6.00 (not 6.01 despite float noise)
    expect(new WeightedSum(w(0.6, 0.4), 2).compute([10.00833333, 0])).toBe(6);
  });

  test("weights: decimals, percentages, fractions; sums checked exactly", () => {
    expect(weightsSumToOne(w(0.6, 0.1, 0.1, 0.1, 0.1))).toBe(true);
    expect(weightsSumToOne(w("1/3", "1/3", "1/3"))).toBe(true);
    expect(weightsSumToOne(w("60%", "40%"))).toBe(true);
    expect(weightsSumToOne(w(0.3333, 0.3333, 0.3333))).toBe(false);
    expect(weightsSumToOne(w(0.6, 0.1, 0.1, 0.1))).toBe(false);
    expect(parseWeight("abc")).toBeNull();
    expect(parseWeight("1/0")).toBeNull();
  });

  test("fast path and exact path agree on random 2-decimal scores", () => {
    const sum = new WeightedSum(w(0.6, 0.1, 0.1, 0.1, 0.1), 2);
    const score = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.array(score, { minLength: 5, maxLength: 5 }), (xs) => {
        const fast = sum.computeUnits(xs);
        const exact = roundToNumber(sum.exact(xs), 2);
        return fast !== null && fast / 100 === exact;
      }),
    );
  });
});
