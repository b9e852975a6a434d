// The excellent quota (POLICY.md §4 step 7): how many 优秀 places a pool has — ratio × valid rows,
// rounded as the policy says (half-up by default), never below the minimum (不足 1 人按 1 人计) — and
// which candidates take them: affirmed rows first, then by composite and the tie-break keys, rows
// tied exactly at the boundary held back for a human decision.
import type { PoolSummary } from "./annual";
import type { AnnualColumns } from "./annual-columns";
import { Big, dec } from "./decimal";
import type { Policy } from "./policy";
import { kthLargest } from "./rank";
import type { Finding } from "./types";
import { msg } from "../i18n/messages";

export function quotaFor(validRows: number, policy: Pick<Policy, "quota">): number {
  if (validRows <= 0) return 0;
  const q = policy.quota;
  const exact = dec(q.ratio).times(validRows);
  const mode = q.rounding === "floor" ? Big.roundDown : q.rounding === "ceil" ? Big.roundUp : Big.roundHalfUp;
  const places = Number(exact.round(0, mode).toFixed(0));
  return Math.max(places, q.minimum);
}

/** What the quota reads and writes of the rows: their composites, worksheet rows and tie-break scores; the holds. */
export type QuotaRows = Pick<AnnualColumns, "units" | "row" | "hold" | "tieScores">;

export type QuotaSummary = Omit<PoolSummary, "rows" | "group" | "kind">;

/** A pool's rows as the quota needs them: counts, and the 优秀 candidates (affirmed or not) in row order. */
export interface PoolRows {
  rows: number;
  valid: number;
  vetoes: number;
  affirmed: number[];
  others: number[];
}

/** POLICY.md §4 step 7: the excellent quota within one pool, affirmed rows first, exact ties held back. */
export function applyQuota(rows: QuotaRows, key: string, pool: PoolRows, policy: Policy, findings: Finding[], sheet: string | undefined): QuotaSummary {
  const q = policy.quota;
  const { units } = rows;
  const rowOf = (j: number) => rows.row(j);
  const { affirmed, others } = pool;
  const summary: QuotaSummary = {
    key,
    valid: pool.valid,
    quota: null,
    excellent: 0,
    affirmed: affirmed.length,
    vetoes: pool.vetoes,
    tie: false,
    exceededByAffirmation: false,
  };
  if (!q.enabled || pool.valid === 0) {
    summary.excellent = affirmed.length + others.length;
    return summary;
  }
  const quota = quotaFor(pool.valid, policy);
  summary.quota = quota;
  if (affirmed.length > quota) {
    summary.exceededByAffirmation = true;
    findings.push({ code: "QUOTA_EXCEEDED_BY_AFFIRMATION", severity: "warning", sheet, pool: key, row: rowOf(affirmed[0]), message: msg.quotaExceeded(key, affirmed.length, quota) });
  }
  const places = Math.max(0, quota - affirmed.length);
  // Only the order at the boundary matters: rows above it are admitted, rows below it held, whatever
  // their order among themselves. The boundary composite is the places-th best (found by counting);
  // only the candidates at exactly that composite are ordered, by the tie-break keys, then by row.
  let admitted = Math.min(places, others.length);
  if (places === 0) {
    for (const j of others) rows.hold(j, "QUOTA");
  } else if (others.length > places) {
    const candidates = new Float64Array(others.length); // small: the 优秀 candidates of one pool
    for (let k = 0; k < others.length; k++) candidates[k] = units[others[k]];
    const boundary = kthLargest(candidates, places);
    let above = 0;
    const run: number[] = [];
    for (const j of others) {
      if (units[j] > boundary) above++;
      else if (units[j] === boundary) run.push(j);
      else rows.hold(j, "QUOTA");
    }
    // The run shares one composite: it is ordered by the tie-break components, descending, which are
    // read again from the cells of its rows only.
    const tie = new Map(run.map((j) => [j, rows.tieScores(j)]));
    const compare = (a: number, b: number): number => {
      const x = tie.get(a) as number[];
      const y = tie.get(b) as number[];
      for (let t = 0; t < x.length; t++) {
        const e = y[t] - x[t];
        if (e !== 0) return e;
      }
      return 0;
    };
    // Positions grow with the row, so a − b keeps row order among exact ties.
    run.sort((a, b) => compare(a, b) || a - b);
    const left = places - above; // places for the run: 1 … run.length
    if (left < run.length && compare(run[left - 1], run[left]) === 0) {
      // Rows tied exactly at the boundary: all held back for a human decision (QUOTA_TIE).
      let start = left - 1;
      while (start > 0 && compare(run[start - 1], run[left]) === 0) start--;
      let end = left;
      while (end + 1 < run.length && compare(run[end + 1], run[left]) === 0) end++;
      admitted = above + start;
      const tied = run.slice(start, end + 1);
      for (const j of tied) rows.hold(j, "QUOTA_TIE");
      summary.tie = true;
      findings.push({ code: "QUOTA_TIE", severity: "warning", sheet, pool: key, row: rowOf(tied[0]), message: msg.quotaTie(key, tied.map(rowOf), places - admitted) });
      for (let k = end + 1; k < run.length; k++) rows.hold(run[k], "QUOTA");
    } else {
      for (let k = left; k < run.length; k++) rows.hold(run[k], "QUOTA");
    }
  }
  summary.excellent = affirmed.length + admitted;
  return summary;
}
