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
