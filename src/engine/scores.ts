// Score formulas that need no table: 民评 points (POLICY.md §2), democratic evaluation from
// ballots and 折算 conversion (§3). Exact decimals, rounded half-up at the end.
import { Big, dec, roundToNumber } from "./decimal";
import { Policy, prepare } from "./policy";
import { line, msg } from "../i18n/messages";

/** 民评 = maxPoints × (wH·H + wS·S + wA·A) / 100, indices on 0–100. */
export function minping(happiness: number, satisfaction: number, security: number, policy: Policy): number {
  const weights = prepare(policy).minpingWeights;
  const values = [happiness, satisfaction, security];
  let l = 1;
  for (const w of weights) l = lcm(l, w.den);
  let sum = new Big(0);
  weights.forEach((w, i) => (sum = sum.plus(w.num.times(l / w.den).times(dec(values[i])))));
  const points = sum.times(dec(policy.minping.maxPoints)).div(l * 100);
  return roundToNumber(points, policy.rounding.decimals);
}

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return (a / x) * b;
}

export interface Ballots {
  good: number;
  fairlyGood: number;
  average: number;
  poor: number;
}

export class NoBallotsError extends Error {
  constructor() {
    super(line(msg.noBallots));
    this.name = "NoBallotsError";
  }
}

/** D = Σ count·weight / Σ count (好/较好/一般/差 → 100/80/60/40 by default). Zero ballots is an error. */
export function democratic(b: Ballots, policy: Policy): number {
  const w = policy.democratic.weights;
  const keys = ["good", "fairlyGood", "average", "poor"] as const;
  const total = keys.reduce((s, k) => s.plus(dec(b[k])), new Big(0));
  if (total.eq(0)) throw new NoBallotsError();
  const weighted = keys.reduce((s, k) => s.plus(dec(b[k]).times(dec(w[k]))), new Big(0));
  return roundToNumber(weighted.div(total), policy.rounding.decimals);
}

/** 折算: score ÷ the best score of the group × 100. */
export function convertScore(score: number, best: number, decimals: number): number {
  return roundToNumber(dec(score).div(dec(best)).times(100), decimals);
}
