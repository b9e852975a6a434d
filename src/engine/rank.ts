// Ranking within a pool (POLICY.md §5): descending by the rounded score; competition ranking
// (1, 2, 2, 4) by default, dense "Chinese" ranking (1, 2, 2, 3) selectable. Scores are integer
// counts of the rounding unit (9100 for 91.00), so a counting sort ranks a pool in linear time.
import type { RankingStyle } from "./policy";

/** Counting sort is used while the key range is at most this many times the row count (or small). */
const BUCKETS_PER_ROW = 4;
const SMALL_RANGE = 1 << 16;

/** Items ordered by an integer key, descending, stable (earlier items first among equals). */
export function descendingByKey<T>(items: readonly T[], key: (t: T) => number): T[] {
  const n = items.length;
  if (n < 2) return items.slice();
  const keys = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const k = key(items[i]);
    keys[i] = k;
    if (k < min) min = k;
    if (k > max) max = k;
    if (!Number.isSafeInteger(k)) integral = false;
  }
  const range = max - min + 1;
  if (!integral || range > Math.max(SMALL_RANGE, n * BUCKETS_PER_ROW)) {
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => keys[b] - keys[a] || a - b);
    return idx.map((i) => items[i]);
  }
  // Bucket starts, highest key first.
  const start = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) start[max - keys[i] + 1]++;
  for (let b = 1; b <= range; b++) start[b] += start[b - 1];
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[start[max - keys[i]]++] = items[i];
  return out;
}

export function rankDescending<T>(items: readonly T[], score: (t: T) => number, style: RankingStyle, assign: (t: T, rank: number) => void): void {
  const order = descendingByKey(items, score);
  let rank = 0;
  let distinct = 0;
  let previous = NaN;
  for (let k = 0; k < order.length; k++) {
    const s = score(order[k]);
    if (k === 0 || s !== previous) {
      distinct++;
      rank = style === "dense" ? distinct : k + 1;
      previous = s;
    }
    assign(order[k], rank);
  }
}

/**
 * Ranks within pools, every pool at once (compute ranking works on columns): for each position j in
 * `members`, out[j] = the rank of keys[j] among the members of pool[j]. Integer keys in a range small
 * enough for a histogram per pool are counted — no sort, and memory is read in row order — otherwise
 * each pool is ranked by rankDescending.
 */
export function rankInPools(members: ArrayLike<number>, pool: Int32Array, poolCount: number, keys: Int32Array | Float64Array, style: RankingStyle, out: Int32Array): void {
  const n = members.length;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let k = 0; k < n; k++) {
    const x = keys[members[k]];
    if (x < min) min = x;
    if (x > max) max = x;
    if (!Number.isSafeInteger(x)) integral = false;
  }
  const range = max - min + 1;
  if (n === 0) return;
  if (!integral || poolCount * range > Math.max(SMALL_RANGE, n * BUCKETS_PER_ROW)) {
    const byPool: number[][] = Array.from({ length: poolCount }, () => []);
    for (let k = 0; k < n; k++) byPool[pool[members[k]]].push(members[k]);
    for (const list of byPool) rankDescending(list, (j) => keys[j], style, (j, rank) => (out[j] = rank));
    return;
  }
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

/** The k-th largest (1-based) of integer-valued keys, by counting when the range allows; else by sorting. */
export function kthLargest(values: Float64Array, k: number): number {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x < min) min = x;
    if (x > max) max = x;
    if (!Number.isSafeInteger(x)) integral = false;
  }
  const range = max - min + 1;
  if (!integral || range > Math.max(SMALL_RANGE, n * BUCKETS_PER_ROW)) return values.slice().sort()[n - k];
  const counts = new Int32Array(range);
  for (let i = 0; i < n; i++) counts[max - values[i]]++;
  let seen = 0;
  for (let b = 0; b < range; b++) {
    seen += counts[b];
    if (seen >= k) return max - b;
  }
  return min;
}

/** The rank of one score among others (the RANK custom function). */
export function rankOf(score: number, scores: readonly number[], style: RankingStyle): number {
  let greater = 0;
  const distinctGreater = new Set<number>();
  for (const s of scores) {
    if (s > score) {
      greater++;
      distinctGreater.add(s);
    }
  }
  return style === "dense" ? distinctGreater.size + 1 : greater + 1;
}
