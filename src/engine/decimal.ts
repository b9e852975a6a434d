// Exact decimal arithmetic (POLICY.md §3: "Binary floating point must not leak").
//
// A cell's number is taken as the shortest decimal that reads back as the same double — the
// figure Excel shows (89.35, not 89.349999…). Two paths compute on that decimal exactly:
//  - the fast path scales each value to an integer number of 1/10000ths when that is exact
//    (k / 10^4 reads back as the very same double), so sums of products stay exact integers
//    far below 2^53;
//  - anything else (more than 4 decimals, fractional weights like 1/3) goes through big.js.
// Both round half-up (四舍五入, away from zero on a tie) only at the end.
import BigConstructor from "big.js";

/** A private big.js constructor: 40 significant places for division, half-up rounding. */
export const Big = BigConstructor();
Big.DP = 40;
Big.RM = Big.roundHalfUp;
export type Big = InstanceType<typeof Big>;

export const SCALE = 10_000;

// The per-value paths read these builtins from module constants, not from the global object: where
// the custom functions run in a contextified global (Node's vm, as the tests and the benchmark load
// dist/functions.js) every global lookup goes through an interceptor, and COMPOSITE made ~20 of them.
const isFiniteNumber = Number.isFinite;
const isSafeInteger = Number.isSafeInteger;
const { abs, round } = Math;

/** The value in exact 1/10000ths, or null when the value has more than 4 decimals (or is too large). */
export function toScaled(v: number): number | null {
  if (!isFiniteNumber(v) || abs(v) >= 1e11) return null;
  const k = round(v * SCALE);
  return k / SCALE === v ? k : null;
}

/** Integer division of an exact integer by a power of ten, rounded half-up (away from zero). */
export function divRoundHalfUp(n: number, d: number): number {
  const a = abs(n);
  const q = (a - (a % d)) / d;
  const r = a % d;
  const rounded = 2 * r >= d ? q + 1 : q;
  return n < 0 ? -rounded : rounded;
}

/** Round a decimal half-up to `decimals` places and hand it back as the nearest double. */
export function roundToNumber(x: Big, decimals: number): number {
  return Number(x.round(decimals, Big.roundHalfUp).toFixed(decimals));
}

/** The decimal a double stands for (its shortest round-trip representation). */
export function dec(v: number | string): Big {
  return new Big(v);
}

/**
 * A weight as an exact rational: `num / den`, num a decimal, den a positive integer.
 * Weights are written as 0.6, "60%" or "1/3" in a policy file.
 */
export interface Weight {
  num: Big;
  den: number;
}

const FRACTION = /^\s*([+-]?\d+(?:\.\d+)?)\s*\/\s*(\d+)\s*$/;
const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Parse a weight (0.6, "0.6", "60%", "1/3"); null when it is not one. */
export function parseWeight(v: unknown): Weight | null {
  if (typeof v === "number") return Number.isFinite(v) ? { num: dec(v), den: 1 } : null;
  if (typeof v !== "string") return null;
  const s = v.trim();
  const f = FRACTION.exec(s);
  if (f) {
    const den = Number(f[2]);
    return den > 0 && Number.isSafeInteger(den) ? { num: dec(f[1]), den } : null;
  }
  if (s.endsWith("%")) {
    const body = s.slice(0, -1);
    return DECIMAL.test(body) ? { num: dec(body).div(100), den: 1 } : null;
  }
  return DECIMAL.test(s) ? { num: dec(s), den: 1 } : null;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Least common denominator of a set of weights. */
export function commonDenominator(weights: Weight[]): number {
  return weights.reduce((l, w) => (l / gcd(l, w.den)) * w.den, 1);
}

/** Σ weights exactly, as a decimal (exact when the common denominator divides out). */
export function weightSum(weights: Weight[]): Big {
  const l = commonDenominator(weights);
  const numerator = weights.reduce((s, w) => s.plus(w.num.times(l / w.den)), new Big(0));
  return numerator.div(l);
}

/** True when the weights sum to exactly 1 (100%). */
export function weightsSumToOne(weights: Weight[]): boolean {
  const l = commonDenominator(weights);
  const numerator = weights.reduce((s, w) => s.plus(w.num.times(l / w.den)), new Big(0));
  return numerator.eq(l);
}

/**
 * A prepared weighted sum Σ wᵢ·xᵢ, rounded half-up to `decimals` places.
 * Prepared once per policy so the per-row cost is a handful of integer operations.
 */
export class WeightedSum {
  private readonly scaledWeights: number[] | null;
  private readonly den: number;
  private readonly nums: Big[];
  private readonly roundDivisor: number;

  constructor(
    weights: Weight[],
    private readonly decimals: number,
  ) {
    this.den = commonDenominator(weights);
    this.nums = weights.map((w) => w.num.times(this.den / w.den));
    // Fast path: whole-denominator weights with at most 4 decimals, and a result of at most 8 decimals.
    const scaled = weights.map((w) => (w.den === 1 ? toScaled(Number(w.num.toString())) : null));
    const ok = scaled.every((s) => s !== null) && decimals >= 0 && decimals <= 8;
    this.scaledWeights = ok ? (scaled) : null;
    this.roundDivisor = ok ? 10 ** (8 - decimals) : 0;
  }

  /** The rounded weighted sum as a number (e.g. 91, 89.35), exact to `decimals` places. */
  compute(values: readonly number[]): number {
    return this.units(values) / 10 ** this.decimals;
  }

  /**
   * The rounded result as an integer count of 10^-decimals (9100 for 91.00), or null when the
   * fast path does not apply to these values.
   */
  computeUnits(values: readonly number[]): number | null {
    const w = this.scaledWeights;
    if (w === null) return null;
    let sum = 0;
    for (let i = 0; i < w.length; i++) {
      const k = toScaled(values[i]);
      if (k === null) return null;
      sum += k * w[i];
    }
    // sum is an exact integer in 10^-8 units (|sum| ≤ 5 · 10^6 · 10^4 ≪ 2^53 for 0–100 scores).
    if (!isSafeInteger(sum)) return null;
    return divRoundHalfUp(sum, this.roundDivisor);
  }

  /** The rounded result as an integer count of 10^-decimals, by whichever path applies. */
  units(values: readonly number[]): number {
    const fast = this.computeUnits(values);
    if (fast !== null) return fast;
    return Number(this.exact(values).times(new Big(10).pow(this.decimals)).round(0, Big.roundHalfUp).toFixed(0));
  }

  /** The unrounded exact sum, by big.js. */
  exact(values: readonly number[]): Big {
    let s = new Big(0);
    for (let i = 0; i < this.nums.length; i++) s = s.plus(this.nums[i].times(dec(values[i])));
    return s.div(this.den);
  }
}
