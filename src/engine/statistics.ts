// Statistics of a computed workbook (考核统计): per pool of the annual table — rows, valid rows, each
// grade's count, 优秀 used against the quota, vetoes, affirmations, mean / highest / lowest composite;
// per group of the unit table — the spread of the unit totals. Exact decimals, half-up (POLICY.md §3).
// Read from the engine's result columns (no object per row). Host-free.
import type { AnnualOutcome } from "./annual";
import { Big, roundToNumber, SCALE, toScaled } from "./decimal";
import { GradeName, Policy } from "./policy";
import type { UnitRowResult } from "./unit";
import { normalizeText } from "./values";

export interface Spread {
  /** Values counted. */
  count: number;
  /** Exact mean rounded half-up to the policy's decimals; null when count is 0 (so are the rest). */
  mean: number | null;
  highest: number | null;
  lowest: number | null;
}

export interface PoolStatistics extends Spread {
  key: string;
  group: string;
  kind: "units" | "cadres";
  rows: number;
  valid: number;
  /** The pool's grade scale (teams/units or cadres), best first, with how many rows got each grade. */
  grades: { grade: GradeName; count: number }[];
  excellent: number;
  /** Excellent places, null when the quota is off. */
  quota: number | null;
  vetoes: number;
  affirmed: number;
}

export interface GroupSpread extends Spread {
  group: string;
  /** Units of the group (valid or not). */
  units: number;
  /** highest − lowest. */
  range: number | null;
  /** Population standard deviation of the totals, rounded half-up. */
  stdDev: number | null;
}

/** Exact mean / highest / lowest of some numbers. */
class SpreadOf {
  count = 0;
  private scaled = 0;
  private extra: Big | null = null;
  highest: number | null = null;
  lowest: number | null = null;
  readonly values: number[] = [];

  constructor(private readonly keep = false) {}

  add(x: number) {
    this.count++;
    const k = toScaled(x);
    if (k !== null) this.scaled += k;
    else this.extra = (this.extra ?? new Big(0)).plus(new Big(x));
    if (this.highest === null || x > this.highest) this.highest = x;
    if (this.lowest === null || x < this.lowest) this.lowest = x;
    if (this.keep) this.values.push(x);
  }

  exactMean(): Big | null {
    if (this.count === 0) return null;
    let sum = new Big(this.scaled).div(SCALE);
    if (this.extra) sum = sum.plus(this.extra);
    return sum.div(this.count);
  }

  spread(decimals: number): Spread {
    const m = this.exactMean();
    return { count: this.count, mean: m === null ? null : roundToNumber(m, decimals), highest: this.highest, lowest: this.lowest };
  }
}

/** The pools of an annual outcome with their grade counts and composite spread, in the outcome's pool order. */
export function poolStatistics(outcome: AnnualOutcome, policy: Policy): PoolStatistics[] {
  const res = outcome.results;
  const pools = outcome.pools;
  const grades = pools.map((p) => new Array<number>((p.kind === "cadres" ? policy.grades.cadre : policy.grades.team).length).fill(0));
  const spreads = pools.map(() => new SpreadOf());
  for (let j = 0; j < res.count; j++) {
    const g = res.gradeIndex(j);
    if (g === null) continue;
    const p = res.poolAt(j);
    grades[p][g]++;
    const c = res.composite(j);
    if (c !== null) spreads[p].add(c);
  }
  const decimals = policy.rounding.decimals;
  return pools.map((p, i) => {
    const scale = p.kind === "cadres" ? policy.grades.cadre : policy.grades.team;
    return {
      key: p.key,
      group: p.group,
      kind: p.kind,
      rows: p.rows,
      valid: p.valid,
      grades: scale.map((grade, g) => ({ grade, count: grades[i][g] })),
      excellent: p.excellent,
      quota: p.quota,
      vetoes: p.vetoes,
      affirmed: p.affirmed,
      ...spreads[i].spread(decimals),
    };
  });
}

/**
 * The spread of the unit totals per group, in the policy's group order, then any other group in
 * table order: units, valid totals, mean, highest, lowest, range and population standard deviation.
 */
export function unitSpread(units: readonly UnitRowResult[], policy: Policy): GroupSpread[] {
  const byGroup = new Map<string, { group: string; units: number; spread: SpreadOf }>();
  for (const g of policy.groups) byGroup.set(normalizeText(g), { group: g, units: 0, spread: new SpreadOf(true) });
  for (const u of units) {
    const k = normalizeText(u.group);
    let e = byGroup.get(k);
    if (!e) byGroup.set(k, (e = { group: u.group, units: 0, spread: new SpreadOf(true) }));
    e.units++;
    if (u.valid && u.total !== null) e.spread.add(u.total);
  }
  const decimals = policy.rounding.decimals;
  return [...byGroup.values()]
    .filter((e) => e.units > 0)
    .map((e) => {
      const s = e.spread;
      const mean = s.exactMean();
      let stdDev: number | null = null;
      if (mean !== null) {
        const squares = s.values.reduce((acc, x) => acc.plus(new Big(x).minus(mean).pow(2)), new Big(0));
        stdDev = roundToNumber(squares.div(s.count).sqrt(), decimals);
      }
      return {
        group: e.group,
        units: e.units,
        ...s.spread(decimals),
        range: s.highest === null || s.lowest === null ? null : roundToNumber(new Big(s.highest).minus(s.lowest), decimals),
        stdDev,
      };
    });
}
