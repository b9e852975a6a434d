// Ranking within a pool (POLICY.md §5): descending by the rounded score; competition ranking
// (1, 2, 2, 4) by default, dense "Chinese" ranking (1, 2, 2, 3) selectable. O(n log n).
import type { RankingStyle } from "./policy";

export function rankDescending<T>(items: readonly T[], score: (t: T) => number, style: RankingStyle, assign: (t: T, rank: number) => void): void {
  const order = items.map((t, i) => ({ t, s: score(t), i }));
  order.sort((a, b) => b.s - a.s || a.i - b.i);
  let rank = 0;
  let distinct = 0;
  for (let k = 0; k < order.length; k++) {
    if (k === 0 || order[k].s !== order[k - 1].s) {
      distinct++;
      rank = style === "dense" ? distinct : k + 1;
    }
    assign(order[k].t, rank);
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
