import fc from "fast-check";
import { kthLargest, rankDescending, rankInPools, rankOf } from "./rank";

/** rankInPools over plain arrays: every item a member, ranks returned in item order. */
function ranks(keys: number[], pools: number[], style: "competition" | "dense"): number[] {
  const out = new Int32Array(keys.length);
  rankInPools(Int32Array.from(keys, (_, i) => i), Int32Array.from(pools), Math.max(1, ...pools.map((p) => p + 1)), Float64Array.from(keys), style, out);
  return Array.from(out);
}

describe("ranking (POLICY.md §5)", () => {
  test("worked example 8: 95, 93, 93, 90 rank 1, 2, 2, 4 (competition) and 1, 2, 2, 3 (dense)", () => {
    // Counted (integer keys, 9500 = 95.00) and sorted (the same scores as decimals) alike.
    expect(ranks([9500, 9300, 9300, 9000], [0, 0, 0, 0], "competition")).toEqual([1, 2, 2, 4]);
    expect(ranks([95, 93, 93, 90.5], [0, 0, 0, 0], "competition")).toEqual([1, 2, 2, 4]);
    expect(ranks([9500, 9300, 9300, 9000], [0, 0, 0, 0], "dense")).toEqual([1, 2, 2, 3]);
    expect(ranks([95, 93, 93, 90.5], [0, 0, 0, 0], "dense")).toEqual([1, 2, 2, 3]);
  });

  test("pools never mix: each pool ranks its own members", () => {
    // Pool 0: 80, 90 → 2, 1; pool 1: 85, 85, 70 → 1, 1, 3.
    expect(ranks([80, 85, 90, 85, 70], [0, 1, 0, 1, 1], "competition")).toEqual([2, 1, 1, 1, 3]);
  });

  test("RANK's rankOf: the score is ranked with the others, blanks already gone", () => {
    expect(rankOf(93, [95, 93, 93, 90], "competition")).toBe(2);
    expect(rankOf(90, [95, 93, 93, 90], "dense")).toBe(3);
    // A score not among the others still gets the place it would take: 1 + the three above it.
    expect(rankOf(91, [95, 93, 93, 90], "competition")).toBe(4);
    expect(rankOf(96, [], "competition")).toBe(1);
  });

  test("rankDescending assigns each item its rank; kthLargest finds the boundary", () => {
    const got: [string, number][] = [];
    rankDescending(["b", "a", "c"], (s) => ({ a: 88.5, b: 90, c: 88.5 })[s] as number, "competition", (s, r) => got.push([s, r]));
    expect(got).toEqual([["b", 1], ["a", 2], ["c", 2]]);
    expect(kthLargest(Float64Array.from([9000, 9500, 9300, 9300]), 2)).toBe(9300);
    expect(kthLargest(Float64Array.from([90, 95.5, 93.25, 93.25]), 3)).toBe(93.25);
  });

  // The definition, written out plainly: 1 + the members of the pool above the key (competition) or
  // 1 + the distinct keys above it (dense).
  const definition = (keys: number[], pools: number[], style: "competition" | "dense") =>
    keys.map((k, i) => {
      const above = keys.filter((x, j) => pools[j] === pools[i] && x > k);
      return 1 + (style === "dense" ? new Set(above).size : above.length);
    });
  const pooled = fc.array(fc.record({ key: fc.integer({ min: 0, max: 10000 }), pool: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 60 });

  test("property: counted and sorted ranks both follow the definition, for either style", () => {
    fc.assert(
      fc.property(pooled, (items) => {
        const keys = items.map((x) => x.key);
        const pools = items.map((x) => x.pool);
        for (const style of ["competition", "dense"] as const) {
          const expected = definition(keys, pools, style);
          expect(ranks(keys, pools, style)).toEqual(expected); // small integer range: counted
          expect(ranks(keys.map((k) => k / 7), pools, style)).toEqual(expected); // fractions: sorted
          expect(ranks(keys.map((k) => k * 1e6), pools, style)).toEqual(expected); // wide range: sorted
        }
      }),
      { numRuns: 300 },
    );
  });
});
