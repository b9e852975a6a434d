// The raw answers as table kinds (POLICY.md §11): the survey (民意调查) and the ballots (民主测评票) —
// their findings and JSON, what they filled, and the summary sheets that list every computed value
// with its sample size (民意调查汇总, 民主测评汇总). The counting is the engine's (survey.ts,
// ballots.ts); the fills happen where the unit and annual tables are computed (WorkbookContext).
// One survey table and one ballot table per workbook: the first of each; further ones are skipped.
import { BALLOT_COLUMNS, matchColumns, SURVEY_COLUMNS, UNIT_COLUMNS } from "../engine/headers";
import { isBlank } from "../engine/values";
import { BALLOT_CHOICES, Policy, SURVEY_INDEX_KEYS, SurveyIndexKey } from "../engine/policy";
import { subjectListOf } from "../engine/ballots";
import { unitListOf } from "../engine/survey";
import type { CellValue, RawTable } from "../engine/types";
import type { TableRef } from "../workbook/port";
import type { JsonRow, TableResult } from "./kinds";
import { base, stats, WorkbookContext } from "./scheme";
import { BALLOT_SHEET, ballotSheetText as BT, SURVEY_SHEET, surveySheetText as ST } from "../i18n/survey";
import { ZH_PUNCTUATION } from "../i18n/sheets";

const INDEX_NAMES: Record<SurveyIndexKey, "happiness" | "satisfaction" | "security"> = { H: "happiness", S: "satisfaction", A: "security" };

/** 民意调查: nothing is written into the table; its findings, and per unit surveyed its indices (JSON kind "survey"). */
export function processSurvey(ref: TableRef, raw: RawTable, ctx: WorkbookContext): TableResult | null {
  if (ctx.first("survey")?.ref !== ref) return null;
  const outcome = ctx.survey();
  if (!outcome) return null;
  const fill = ctx.surveyFill();
  const filledOf = new Map((fill?.rows ?? []).map((r) => [r.index, r]));
  const b = base(ref, raw, "survey", SURVEY_COLUMNS, [], outcome.findings);
  const index = (u: (typeof outcome.units)[number], k: SurveyIndexKey) => u.indices[k];
  return {
    ...b,
    noteKey: "",
    json: outcome.units.map(
      (u): JsonRow => ({
        row: u.row,
        unit: u.unit,
        unitId: u.unitId || null,
        happiness: index(u, "H").value,
        satisfaction: index(u, "S").value,
        security: index(u, "A").value,
        counted: { happiness: index(u, "H").counted, satisfaction: index(u, "S").counted, security: index(u, "A").counted },
        questionnaires: u.questionnaires,
        smallSample: SURVEY_INDEX_KEYS.filter((k) => index(u, k).smallSample).map((k) => INDEX_NAMES[k]),
        ...(fill ? { filled: SURVEY_INDEX_KEYS.filter((k) => u.unitIndex !== null && filledOf.get(u.unitIndex)?.filled[k] !== undefined).map((k) => INDEX_NAMES[k]) } : {}),
      }),
    ),
    stats: stats(outcome.questionnaires, outcome.units.reduce((n, u) => n + u.questionnaires, 0)),
    scheme: { kind: "survey", outcome, fill },
  };
}

/** 民主测评票: nothing is written into the table; its findings, and per subject the counts and D (JSON kind "ballots"). */
export function processBallots(ref: TableRef, raw: RawTable, ctx: WorkbookContext): TableResult | null {
  if (ctx.first("ballots")?.ref !== ref) return null;
  const outcome = ctx.ballots();
  if (!outcome) return null;
  const annual = ctx.first("annual");
  const fill = annual ? (ctx.fillAnnual(annual.raw)?.ballots ?? null) : null;
  const filledOf = new Map((fill?.rows ?? []).map((r) => [r.index, r]));
  const words = BALLOT_CHOICES.map((k) => ctx.policy.democratic.choices[k][0]);
  const b = base(ref, raw, "ballots", BALLOT_COLUMNS, [], outcome.findings);
  return {
    ...b,
    noteKey: "",
    json: outcome.subjects.map(
      (s): JsonRow => ({
        row: s.row,
        subject: s.subject,
        id: s.id || null,
        counts: Object.fromEntries(BALLOT_CHOICES.map((k, i) => [words[i], s.counts[k]])),
        abstentions: s.abstentions,
        invalid: s.invalid,
        ballots: s.ballots,
        democratic: s.democratic,
        ...(fill ? { filled: s.subjectIndex !== null && (filledOf.get(s.subjectIndex)?.filled ?? null) !== null } : {}),
      }),
    ),
    stats: stats(outcome.rows, outcome.subjects.reduce((n, s) => n + s.ballots, 0)),
    scheme: { kind: "ballots", outcome, fill },
  };
}

export interface RawDataSheet {
  name: string;
  rows: CellValue[][];
  columnWidths: number[];
}

/**
 * 民意调查汇总: per unit of the unit table (and per unit surveyed without one) the questionnaires, per
 * index the counted answers, each level's count, scores, no-answers, unreadable answers and the index,
 * the indices with a small sample, and what the unit table did with them.
 */
export function surveySheet(tables: readonly TableResult[], ctx: WorkbookContext): RawDataSheet | null {
  const t = tables.find((x) => x.scheme?.kind === "survey");
  if (!t || t.scheme?.kind !== "survey" || !t.usable) return null;
  const { outcome, fill } = t.scheme;
  const policy = ctx.policy;
  const levels = SURVEY_INDEX_KEYS.map((k) => policy.survey.levels[k]);
  const headers: CellValue[] = [ST.unitId, ST.unit, ST.questionnaires];
  SURVEY_INDEX_KEYS.forEach((k, i) => headers.push(ST.counted(k), ...levels[i].map((l) => ST.level(k, l.words[0], l.points)), ST.numeric(k), ST.noAnswer(k), ST.invalid(k), ST.index(k)));
  headers.push(ST.smallSampleHeader, ST.use);
  const rows: CellValue[][] = [headers];
  const filledOf = new Map((fill?.rows ?? []).map((r) => [r.index, r]));
  const unitTable = ctx.first("unit");
  const byIndex = new Map(outcome.units.map((u) => [u.unitIndex, u]));
  // With a unit table: in its order, the units surveyed and those with a blank index that no
  // questionnaire names (they stay blank); without: the units as the survey names them.
  const col = unitTable ? matchColumns(unitTable.raw.headers, UNIT_COLUMNS).columns : {};
  const hasBlank = (i: number) => SURVEY_INDEX_KEYS.some((k) => k in col && isBlank(unitTable!.raw.rows[i][col[k]]));
  const list = unitTable
    ? unitListOf(unitTable.raw)
        .map((u, i) => ({ i, id: u.id ?? "", name: u.name }))
        .filter((u) => (u.id !== "" || u.name !== "") && (byIndex.has(u.i) || hasBlank(u.i)))
    : outcome.units.map((u) => ({ i: -1, id: u.unitId, name: u.unit }));
  list.forEach((entry, n) => {
    const u = unitTable ? byIndex.get(entry.i) : outcome.units[n];
    const row: CellValue[] = [entry.id || null, entry.name || null, u ? u.questionnaires : 0];
    for (const [k, key] of SURVEY_INDEX_KEYS.entries()) {
      const x = u?.indices[key];
      row.push(x ? x.counted : 0, ...levels[k].map((_, l) => (x ? x.levels[l] : 0)), x ? x.numeric : 0, x ? x.noAnswer : 0, x ? x.invalid : 0, x ? x.value : null);
    }
    row.push(u ? ST.smallSample(SURVEY_INDEX_KEYS.filter((k) => u.indices[k].smallSample)) || null : null);
    let use: string;
    if (!unitTable) use = ST.notInUnitTable;
    else if (!u) use = ST.notSurveyed;
    else if (!fill) use = ST.notFilled;
    else {
      const f = filledOf.get(entry.i);
      const filled = SURVEY_INDEX_KEYS.filter((k) => f?.filled[k] !== undefined);
      use = [filled.length ? ST.filled(filled) : "", f?.kept.length ? ST.kept(f.kept) : ""].filter(Boolean).join(ZH_PUNCTUATION.clause);
    }
    row.push(use || null);
    rows.push(row);
  });
  const widths = [10, 18, 8, ...SURVEY_INDEX_KEYS.flatMap((_, i) => [12, ...levels[i].map(() => 14), 12, 10, 10, 10]), 18, 36];
  return { name: SURVEY_SHEET, rows, columnWidths: widths };
}

/** 民主测评汇总: per subject of the annual table evaluated (or as the ballots name them) the counts, abstentions, D and its use. */
export function ballotSheet(tables: readonly TableResult[], ctx: WorkbookContext): RawDataSheet | null {
  const t = tables.find((x) => x.scheme?.kind === "ballots");
  if (!t || t.scheme?.kind !== "ballots" || !t.usable) return null;
  const { outcome, fill } = t.scheme;
  const policy: Policy = ctx.policy;
  const headers: CellValue[] = [BT.id, BT.subject, BT.ballots, ...BALLOT_CHOICES.map((k) => policy.democratic.choices[k][0]), BT.abstentions, BT.invalid, BT.counted, BT.democratic, BT.use];
  const rows: CellValue[][] = [headers];
  const filledOf = new Map((fill?.rows ?? []).map((r) => [r.index, r]));
  const annual = ctx.first("annual");
  const subjects = annual ? subjectListOf(annual.raw) : null;
  for (const s of outcome.subjects) {
    const counted = BALLOT_CHOICES.reduce((n, k) => n + s.counts[k], 0);
    let use: string;
    if (!subjects) use = BT.notInAnnualTable;
    else if (!fill) use = BT.notFilled;
    else {
      const f = s.subjectIndex === null ? undefined : filledOf.get(s.subjectIndex);
      use = f ? (f.filled === null ? BT.kept : BT.filled) : "";
    }
    rows.push([s.id || null, s.subject || null, s.ballots, ...BALLOT_CHOICES.map((k) => s.counts[k]), s.abstentions, s.invalid, counted, s.democratic, use || null]);
  }
  return { name: BALLOT_SHEET, rows, columnWidths: [10, 18, 8, 6, 6, 6, 6, 6, 6, 8, 12, 30] };
}
