// Rewards that follow from grades (POLICY.md §6): 记三等功 for three 优秀 years in a row (the
// streak then restarts; a missing year breaks it), and the tenure reduction for rank promotion.
import { dec } from "./decimal";
import type { Policy } from "./policy";
import { normalizeText } from "./values";

export interface YearGrade {
  year: number;
  grade: string;
}

export function isExcellent(grade: string, policy: Policy): boolean {
  const g = normalizeText(grade);
  return [policy.grades.team[0], policy.grades.cadre[0]].some((t) => normalizeText(t.zh) === g || normalizeText(t.en) === g);
}

/** The years in which 记三等功 is awarded. Years need not be sorted; a gap breaks the streak. */
export function meritYears(history: readonly YearGrade[], policy: Policy): number[] {
  const years = [...history].sort((a, b) => a.year - b.year);
  const awards: number[] = [];
  let streak = 0;
  let previous: number | null = null;
  for (const { year, grade } of years) {
    if (previous !== null && year !== previous + 1) streak = 0; // a missing year breaks the streak
    previous = year;
    streak = isExcellent(grade, policy) ? streak + 1 : 0;
    if (streak === policy.rewards.meritYears) {
      awards.push(year);
      streak = 0; // the streak restarts after an award
    }
  }
  return awards;
}

/** required = max(floor, base − reduction × excellent years in the current rank). */
export function requiredTenure(baseYears: number, excellentYears: number, policy: Policy): number {
  const r = dec(baseYears).minus(dec(policy.rewards.tenureReductionPerExcellentYear).times(excellentYears));
  const floor = dec(policy.rewards.tenureFloor);
  return Number((r.lt(floor) ? floor : r).toString());
}
