// MANUAL_GRADE_CONFLICT (POLICY.md §9): grades typed by hand (拟定等次) audited against the rules,
// once the quota has decided — a typed 优秀 beyond the quota is as wrong as one on a vetoed row.
import type { PoolSummary } from "./annual";
import type { AnnualColumns } from "./annual-columns";
import { RowFinding, TERM_CACHE_LIMIT } from "./annual-read";
import { scaleFor } from "./grade";
import { ANNUAL_COLUMNS, specByKey } from "./headers";
import type { Policy } from "./policy";
import { quotaFor } from "./quota";
import type { Finding, Message, SubjectKind } from "./types";
import { normalizeText, truncate } from "./values";
import { msg } from "../i18n/messages";

const COLUMN = specByKey(ANNUAL_COLUMNS);

/** MANUAL_GRADE_CONFLICT: a grade typed by hand (拟定等次) is audited against the rules. */
export function auditManualGrades(rows: AnnualColumns, pools: PoolSummary[], policy: Policy, findings: Finding[], sheet: string | undefined) {
  const cellOf = (row: number) => rows.cellAt(row, "manualGrade");
  const letters = rows.lettersOf("manualGrade");
  const scaleNames = (subject: SubjectKind) => scaleFor(subject, policy);
  // Which grade of the scale a typed text names (−1: none), once per scale and distinct text.
  const typed = { cadre: new Map<string, number>(), team: new Map<string, number>() };
  const manualIndex = (subject: SubjectKind, text: string): number => {
    const scale = scaleNames(subject);
    const seen = scale === policy.grades.cadre ? typed.cadre : typed.team;
    let mi = seen.get(text);
    if (mi === undefined) {
      const k = normalizeText(text);
      mi = scale.findIndex((g) => normalizeText(g.zh) === k || normalizeText(g.en) === k);
      if (seen.size < TERM_CACHE_LIMIT) seen.set(text, mi);
    }
    return mi;
  };
  // The typed grades of tied rows (QUOTA_TIE), for the check of the places left below.
  const manualOf = new Map<number, string>();
  for (let m = 0; m < rows.manualAt.length; m++) {
    const j = rows.manualAt[m];
    const text = rows.manualGrade(j);
    if (rows.isTied(j)) manualOf.set(j, text);
    const row = rows.row(j);
    const subject = rows.subject(j);
    const mi = manualIndex(subject, text);
    if (mi < 0) {
      findings.push({ code: "UNKNOWN_VALUE", severity: "error", sheet, row, cell: cellOf(row), column: "manualGrade", message: msg.unknownValue(cellOf(row), COLUMN.manualGrade, truncate(text), scaleNames(subject).map((g) => g.zh)) });
      continue;
    }
    const gradeIndex = rows.gradeIndex(j);
    if (gradeIndex === null) continue; // an invalid row: its own findings come first
    const tieChoice = rows.isTied(j) && mi <= 1; // a human decides ties
    if (mi === gradeIndex || tieChoice) continue;
    const grade = rows.grade(j);
    const explanation = rows.explanation(j);
    const composite = rows.composite(j);
    const why = (): Message => (explanation.zh ? explanation : msg.gradeByComposite(composite, scaleNames(subject)[gradeIndex]));
    findings.push(new RowFinding("MANUAL_GRADE_CONFLICT", "error", sheet, row, "manualGrade", letters, (cell) => msg.manualGradeConflict(cell, text, grade, why())));
  }
  // Tied rows may each be typed 优秀 or the second grade, but together not beyond the places left.
  // Only pools with a QUOTA_TIE have tied rows; their members are gathered in one pass, in row order.
  const membersOf = new Map<number, number[]>();
  pools.forEach((s, p) => s.tie && membersOf.set(p, []));
  if (membersOf.size) for (let j = 0; j < rows.count; j++) membersOf.get(rows.pool[j])?.push(j);
  for (const [p, members] of membersOf) {
    const key = pools[p].key;
    const tied = members.filter((j) => rows.isTied(j));
    if (!tied.length) continue;
    const excellentOutside = members.filter((j) => rows.gradeIndex(j) === 0).length;
    const quota = quotaFor(members.filter((j) => rows.valid(j)).length, policy);
    const left = Math.max(0, quota - excellentOutside);
    const typedExcellent = tied.filter((j) => manualOf.has(j) && manualIndex(rows.subject(j), manualOf.get(j) as string) === 0);
    if (typedExcellent.length <= left) continue;
    for (const j of typedExcellent) {
      const row = rows.row(j);
      const text = manualOf.get(j) as string;
      const why = msg.tiedTypedExcellent(key, typedExcellent.length, left);
      findings.push({ code: "MANUAL_GRADE_CONFLICT", severity: "error", sheet, row, cell: cellOf(row), column: "manualGrade", message: msg.manualGradeConflict(cellOf(row), text, rows.grade(j), why) });
    }
  }
}
