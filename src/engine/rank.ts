// Ranking within a pool (POLICY.md §5): descending by the rounded score; competition ranking
// (1, 2, 2, 4) by default, dense "Chinese" ranking (1, 2, 2, 3) selectable. One implementation,
// rankInPools, ranks the annual table, the unit table and the RANK custom function alike. Scores
// that are integer counts of the rounding unit (9100 for 91.00) in a small range are counted (a
// histogram per pool: linear time); any other scores are sorted.
import type { RankingStyle } from "./policy";

/** Counting is used while the key range is at most this many times the row count (or small). */
const BUCKETS_PER_ROW = 4;
const SMALL_RANGE = 1 << 16;

interface KeyRange {
  min: number;
  max: number;
  /** Every key is a safe integer (so keys can index a histogram). */
  integral: boolean;
}

/** The one scan for the range of n keys. */
function keyRange(n: number, keyAt: (k: number) => number): KeyRange {
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let k = 0; k < n; k++) {
    const x = keyAt(k);
    if (x < min) min = x;
    if (x > max) max = x;
    if (!Number.isSafeInteger(x)) integral = false;
  }
  return { min, max, integral };
}

/** Whether keys of this range are counted in `histograms` histograms of n items rather than sorted. */
function countable(r: KeyRange, n: number, histograms = 1): boolean {
  return r.integral && histograms * (r.max - r.min + 1) <= Math.max(SMALL_RANGE, n * BUCKETS_PER_ROW);
}

/**
 * Ranks within pools, every pool at once: for each position j in `members`, out[j] = the rank of
 * keys[j] among the members of pool[j] — 1 + the members with a higher key (competition), or 1 + the
 * distinct higher keys (dense). Equal keys share a rank.
 */
export function rankInPools(members: ArrayLike<number>, pool: ArrayLike<number>, poolCount: number, keys: ArrayLike<number>, style: RankingStyle, out: Int32Array): void {
  const n = members.length;
  if (n === 0) return;
  const r = keyRange(n, (k) => keys[members[k]]);
  if (countable(r, n, poolCount)) rankByCounting(members, pool, poolCount, keys, style, out, r);
  else rankBySorting(members, pool, keys, style, out);
}

function rankByCounting(members: ArrayLike<number>, pool: ArrayLike<number>, poolCount: number, keys: ArrayLike<number>, style: RankingStyle, out: Int32Array, r: KeyRange): void {
  const n = members.length;
  const range = r.max - r.min + 1;
  const max = r.max;
  // counts[pool · range + (max − key)]: the rows of each pool per key, highest key first …
  const counts = new Int32Array(poolCount * range);
  for (let k = 0; k < n; k++) {
    const j = members[k];
    counts[pool[j] * range + (max - keys[j])]++;
  }
  // … then, in place, the rank each key gives: 1 + rows above it (competition) or 1 + keys above it (dense).
  for (let p = 0; p < poolCount; p++) {
    let above = 0;
    let distinct = 0;
    for (let b = p * range; b < (p + 1) * range; b++) {
      const c = counts[b];
      if (c === 0) continue;
      counts[b] = style === "dense" ? ++distinct : above + 1;
      above += c;
    }
  }
  for (let k = 0; k < n; k++) {
    const j = members[k];
    out[j] = counts[pool[j] * range + (max - keys[j])];
  }
}

function rankBySorting(members: ArrayLike<number>, pool: ArrayLike<number>, keys: ArrayLike<number>, style: RankingStyle, out: Int32Array): void {
  const order = Array.from(members).sort((a, b) => pool[a] - pool[b] || keys[b] - keys[a]);
  let currentPool = -1;
  let position = 0;
  let distinct = 0;
  let rank = 0;
  let previous = NaN;
  for (const j of order) {
    if (pool[j] !== currentPool) {
      currentPool = pool[j];
      position = 0;
      distinct = 0;
    }
    position++;
    if (position === 1 || keys[j] !== previous) {
      distinct++;
      rank = style === "dense" ? distinct : position;
      previous = keys[j];
    }
    out[j] = rank;
  }
}

/** Items of one pool ranked by a score (the unit table's totals and 民评): assign(item, rank) for each. */
export function rankDescending<T>(items: readonly T[], score: (t: T) => number, style: RankingStyle, assign: (t: T, rank: number) => void): void {
  const n = items.length;
  const keys = Float64Array.from(items, score);
  const out = new Int32Array(n);
  rankInPools(identity(n), new Int32Array(n), 1, keys, style, out);
  for (let i = 0; i < n; i++) assign(items[i], out[i]);
}

/**
 * The rank of one score among others (the RANK custom function): the score is ranked in one pool
 * with them, so the rank is exactly what the table ranking gives a row with that score.
 */
export function rankOf(score: number, scores: readonly number[], style: RankingStyle): number {
  const keys = Float64Array.from([score, ...scores]);
  const out = new Int32Array(keys.length);
  rankInPools(identity(keys.length), new Int32Array(keys.length), 1, keys, style, out);
  return out[0];
}

function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** The k-th largest (1-based) of the values: counted when their range allows, else sorted. */
export function kthLargest(values: Float64Array, k: number): number {
  const n = values.length;
  const r = keyRange(n, (i) => values[i]);
  if (!countable(r, n)) return values.slice().sort()[n - k];
  const counts = new Int32Array(r.max - r.min + 1);
  for (let i = 0; i < n; i++) counts[r.max - values[i]]++;
  let seen = 0;
  for (let b = 0; b < counts.length; b++) {
    seen += counts[b];
    if (seen >= k) return r.max - b;
  }
  return r.min;
}
