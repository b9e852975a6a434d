// Check that another implementation's results equal the engine's, row by row, by 编号: so that a
// timing comparison is a comparison of the same work.
import type { AnnualOutcome } from "../../src/engine/annual";
import type { NativeResult } from "./workbooks";

export interface Check {
  /** Rows compared (every generated row; invalid rows must come back without results). */
  checked: number;
  mismatches: { composite: number; grade: number; rank: number; missing: number };
  /** A few mismatching rows, for a human to look at. */
  examples: string[];
}

export function compareWithEngine(outcome: AnnualOutcome, other: Map<string, NativeResult>): Check {
  const check: Check = { checked: 0, mismatches: { composite: 0, grade: 0, rank: 0, missing: 0 }, examples: [] };
  const note = (text: string) => check.examples.length < 5 && check.examples.push(text);
  for (const r of outcome.rows) {
    check.checked++;
    const o = other.get(r.id);
    if (!o) {
      check.mismatches.missing++;
      note(`${r.id}: missing`);
      continue;
    }
    if (o.composite !== r.composite) {
      check.mismatches.composite++;
      note(`${r.id}: composite ${o.composite} ≠ engine ${r.composite}`);
    }
    if (o.grade !== r.grade) {
      check.mismatches.grade++;
      note(`${r.id}: grade ${o.grade} ≠ engine ${r.grade} (${r.reasons.join(",")})`);
    }
    if (o.rank !== r.rank) {
      check.mismatches.rank++;
      note(`${r.id}: rank ${o.rank} ≠ engine ${r.rank}`);
    }
  }
  return check;
}

export function checkSummary(c: Check): string {
  const m = c.mismatches;
  const bad = m.composite + m.grade + m.rank + m.missing;
  return bad === 0 ? `all ${c.checked.toLocaleString("en")} rows equal` : `${bad} differences in ${c.checked.toLocaleString("en")} rows (composite ${m.composite}, grade ${m.grade}, rank ${m.rank}, missing ${m.missing})`;
}
