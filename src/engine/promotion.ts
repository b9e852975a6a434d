// Priority promotion (优先晋升职级, POLICY.md §6): the top leader (主要负责人) of a unit whose team or
// unit grade is 优秀 is flagged. Input: the rows of a computed annual table (computeAnnual).
import type { AnnualResults, AnnualRowResult } from "./annual";
import { UnitDirectory } from "./unit";

export interface PromotionFlag {
  /** Worksheet row of the top leader. */
  row: number;
  id: string;
  name: string;
  unit: string;
  /** The leader's own grade this year (null when the row is invalid). */
  grade: string | null;
  /** Worksheet row of the 优秀 team/unit row that gives the flag. */
  teamRow: number;
}

export interface PromotionOutcome {
  flags: PromotionFlag[];
  /** Units whose team/unit is 优秀 but that have no top-leader row in the table. */
  unitsWithoutTopLeader: string[];
}

/** The unit a row belongs to: its 单位, else (for a team/unit row) its name. */
function unitOf(r: AnnualRowResult): string {
  return r.unit || (r.subject === "cadre" ? "" : r.name);
}

export function priorityPromotion(results: AnnualResults): PromotionOutcome {
  // Only two kinds of row matter: team/unit rows graded 优秀 (grade index 0 after every rule, quota
  // included) and cadre top leaders. They are picked from the columns; only they become objects.
  const rows: AnnualRowResult[] = [];
  for (let j = 0; j < results.count; j++) {
    if (results.subject(j) === "cadre" ? results.topLeader(j) : results.gradeIndex(j) === 0) rows.push(results.at(j));
  }
  const seen = new Set<string>();
  const excellentTeams = rows.filter((r) => {
    if (r.subject === "cadre" || !r.valid || r.gradeIndex !== 0 || unitOf(r) === "") return false;
    const k = UnitDirectory.looseKey(unitOf(r));
    if (seen.has(k)) return false; // a unit's team row and unit row: one flag
    seen.add(k);
    return true;
  });
  const directory = new UnitDirectory(excellentTeams.map((r) => ({ name: unitOf(r) })));
  const flags: PromotionFlag[] = [];
  const flaggedUnits = new Set<number>();
  for (const r of rows) {
    if (r.subject !== "cadre" || !r.topLeader || unitOf(r) === "") continue;
    const k = directory.find(unitOf(r));
    if (k === undefined) continue;
    flaggedUnits.add(k);
    flags.push({ row: r.row, id: r.id, name: r.name, unit: r.unit, grade: r.grade, teamRow: excellentTeams[k].row });
  }
  const unitsWithoutTopLeader = excellentTeams.filter((_, k) => !flaggedUnits.has(k)).map(unitOf);
  return { flags, unitsWithoutTopLeader };
}
