// City indicators (市考指标, POLICY.md §2): each indicator's outcome adds to or deducts from its
// lead unit's total, the summed bonus capped at +bonusCap and the summed deduction at −deductionCap.
import { Big, dec } from "./decimal";
import type { Policy } from "./policy";
import { normalizeText } from "./values";

export interface CityOutcomeItem {
  indicator: string;
  outcome: string;
  points: number;
  note?: string;
}

export interface CityAdjustment {
  bonus: number;
  deduction: number;
  /** bonus (capped) + deduction (capped). */
  adjustment: number;
  /** Every item with negative points: kept for feedback (POLICY.md §8). */
  deductions: CityOutcomeItem[];
}

/** Points for an outcome word, or undefined if the word is not in the policy. */
export function outcomePoints(outcome: string, policy: Policy): number | undefined {
  const key = normalizeText(outcome);
  for (const [word, points] of Object.entries(policy.city.outcomes)) if (normalizeText(word) === key) return points;
  return undefined;
}

/** Sum one unit's items with the caps applied separately to bonuses and deductions. */
export function cityAdjustment(items: readonly CityOutcomeItem[], policy: Policy): CityAdjustment {
  let bonus = new Big(0);
  let deduction = new Big(0);
  const deductions: CityOutcomeItem[] = [];
  for (const it of items) {
    const p = dec(it.points);
    if (p.gt(0)) bonus = bonus.plus(p);
    else if (p.lt(0)) {
      deduction = deduction.plus(p);
      deductions.push(it);
    }
  }
  const cap = dec(policy.city.bonusCap);
  const floor = dec(policy.city.deductionCap).times(-1);
  if (bonus.gt(cap)) bonus = cap;
  if (deduction.lt(floor)) deduction = floor;
  return { bonus: Number(bonus.toString()), deduction: Number(deduction.toString()), adjustment: Number(bonus.plus(deduction).toString()), deductions };
}
