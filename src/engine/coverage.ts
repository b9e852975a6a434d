// Political-construction examination coverage (政治建设考察, POLICY.md §7): every unit's team
// examined at least once per party-committee term.
import { normalizeText } from "./values";

export interface Coverage {
  units: string[];
  examined: string[];
  notExamined: string[];
  /** examined / units, 0–1. */
  fraction: number;
}

export function coverage(units: readonly string[], examined: readonly string[]): Coverage {
  const seen = new Set(examined.map(normalizeText).filter((s) => s !== ""));
  const list = [...new Map(units.filter((u) => u.trim() !== "").map((u) => [normalizeText(u), u.trim()])).values()];
  const done = list.filter((u) => seen.has(normalizeText(u)));
  const notExamined = list.filter((u) => !seen.has(normalizeText(u)));
  return { units: list, examined: done, notExamined, fraction: list.length ? done.length / list.length : 0 };
}
