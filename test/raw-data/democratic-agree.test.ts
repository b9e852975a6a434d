// The DEMOCRATIC custom function and the ballot import agree (issue #14): the same counts, typed as
// four numbers into DEMOCRATIC or cast as raw ballot rows (with abstentions, synonyms and a repeat on
// one ballot mixed in), give the same D — under the default policy and under other weights.
import fc from "fast-check";
import { installCustomFunctionsShim } from "../support/custom-functions-shim";
installCustomFunctionsShim();
import * as F from "../../src/functions/functions";
import { setActivePolicy } from "../../src/engine/active-policy";
import { computeBallots } from "../../src/engine/ballots";
import { defaultPolicy, Policy, requirePolicy } from "../../src/engine/policy";
import type { CellValue } from "../../src/engine/types";

afterEach(() => setActivePolicy(null));

const SPELLINGS = [
  ["好", "优秀", "good"],
  ["较好", "称职", "fairly good"],
  ["一般", "基本称职", "average"],
  ["差", "不称职", "poor"],
];

/** Ballot rows for one subject: counts[k] votes of choice k (spelled in turn), abstentions, and a repeated row on ballot 1. */
function ballotRows(counts: number[], abstentions: number): CellValue[][] {
  const rows: CellValue[][] = [];
  let ballot = 1;
  counts.forEach((n, k) => {
    for (let i = 0; i < n; i++) rows.push([ballot++, "A001", SPELLINGS[k][i % 3]]);
  });
  for (let i = 0; i < abstentions; i++) rows.push([ballot++, "A001", i % 2 ? "不了解" : null]);
  if (rows.length) rows.push([1, "A001", "差"]); // the same ballot again: counts once (DUPLICATE_ID)
  return rows;
}

function both(counts: number[], abstentions: number, policy: Policy): [number | null, number] {
  setActivePolicy(policy);
  const fromFunction = F.democratic(counts[0], counts[1], counts[2], counts[3]);
  const table = { sheet: "民主测评票", headers: ["票号", "测评对象", "评价"], rows: ballotRows(counts, abstentions), headerRow: 1, firstColumn: 1 };
  const imported = computeBallots(table, [{ id: "A001", name: "张三" }], policy).subjects[0].democratic;
  return [imported, fromFunction];
}

describe("DEMOCRATIC and the ballot import", () => {
  test("POLICY.md §10 example 6: both give 86", () => {
    expect(both([30, 10, 5, 5], 3, defaultPolicy())).toEqual([86, 86]);
  });

  test("any counts, default policy", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 4, maxLength: 4 }), fc.nat(5), (counts, abstentions) => {
        fc.pre(counts.some((n) => n > 0));
        const [imported, fromFunction] = both(counts, abstentions, defaultPolicy());
        expect(imported).toBe(fromFunction);
      }),
      { numRuns: 150 },
    );
  });

  test("any counts, other weights and decimals", () => {
    const policy = requirePolicy({ democratic: { weights: { good: 95, fairlyGood: 85.5, average: 70, poor: 33.3 } }, rounding: { decimals: 3 } });
    fc.assert(
      fc.property(fc.array(fc.nat(25), { minLength: 4, maxLength: 4 }), (counts) => {
        fc.pre(counts.some((n) => n > 0));
        const [imported, fromFunction] = both(counts, 1, policy);
        expect(imported).toBe(fromFunction);
      }),
      { numRuns: 100 },
    );
  });
});
