// The RANK custom function and compute ranking share one ranking (engine/rank.ts): placed beside a
// computed table, RANK(composite, composites, group, groups) gives every row the rank the table has.
import { installCustomFunctionsShim } from "../../test/support/custom-functions-shim";
installCustomFunctionsShim();
import fc from "fast-check";
import * as F from "./functions";
import { setActivePolicy } from "../engine/active-policy";
import { computeAnnual } from "../engine/annual";
import { requirePolicy } from "../engine/policy";
import { annualTable, cadre } from "../../test/support/annual-table";

afterEach(() => setActivePolicy(null));

// Cadres only, so that a pool is one group (RANK knows groups, not subject kinds). Scores with up to
// two decimals; one row in eight has a blank P and gets no composite (RANK ignores its blank cell).
const score = fc.integer({ min: 6000, max: 10000 }).map((n) => n / 100);
const row = fc.record({ P: fc.oneof({ weight: 7, arbitrary: score }, { weight: 1, arbitrary: fc.constant(null) }), D: score, L: score, S: score, B: score, group: fc.constantFrom("区直单位", "镇街道") });
const tables = fc.array(row, { minLength: 1, maxLength: 40 });

test.each(["competition", "dense"] as const)("property: RANK beside the table agrees with the table's ranks (%s)", (style) => {
  const policy = requirePolicy({ ranking: { style } });
  setActivePolicy(policy);
  fc.assert(
    fc.property(tables, (rows) => {
      const out = computeAnnual(annualTable(rows.map((r, i) => cadre(`C${i}`, r))), policy);
      // The result column as the sheet holds it: blank for rows without a composite.
      const composites = out.rows.map((r) => [r.composite ?? ""]);
      const groups = out.rows.map((r) => [r.group]);
      for (const r of out.rows) {
        if (r.composite === null) continue;
        expect({ id: r.id, rank: F.rank(r.composite, composites, r.group, groups) }).toEqual({ id: r.id, rank: r.rank });
      }
    }),
    { numRuns: 200 },
  );
});
