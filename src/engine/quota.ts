// How many 优秀 places a pool has (POLICY.md §4 step 7): ratio × valid rows, rounded as the
// policy says (half-up by default), and never below the minimum (不足 1 人按 1 人计).
import { Big, dec } from "./decimal";
import type { Policy } from "./policy";

export function quotaFor(validRows: number, policy: Pick<Policy, "quota">): number {
  if (validRows <= 0) return 0;
  const q = policy.quota;
  const exact = dec(q.ratio).times(validRows);
  const mode = q.rounding === "floor" ? Big.roundDown : q.rounding === "ceil" ? Big.roundUp : Big.roundHalfUp;
  const places = Number(exact.round(0, mode).toFixed(0));
  return Math.max(places, q.minimum);
}
