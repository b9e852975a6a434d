// The rest of the scheme as table kinds (issue 4): unit performance with its city indicators,
// grade history, examination records — and what one table needs from the others of its workbook
// (the unit table's city indicators; the annual table's P from unit totals; the units whose
// examination coverage is reported). Host-free: plain tables in, TableResults out (kinds.ts).
import type { AnnualOutcome } from "../engine/annual";
import { coverageByTerm, readExaminations, termStartFor, TermCoverage, ExaminationRecord } from "../engine/examination";
import { ANNUAL_COLUMNS, BALLOT_FILL_COLUMN, PERFORMANCE_FILLED_COLUMN, CITY_COLUMNS, EXAMINATION_COLUMNS, HISTORY_COLUMNS, matchColumns, SURVEY_FILL_COLUMNS, UNIT_COLUMNS, UNIT_RESULT_COLUMNS, ColumnSpec } from "../engine/headers";
import { BallotFill, BallotOutcome, computeBallots, fillBallots, subjectListOf } from "../engine/ballots";
import { computeSurvey, fillSurvey, SurveyFill, SurveyOutcome, unitListOf } from "../engine/survey";
import { computeHistory, HistoryOutcome, readYear } from "../engine/history";
import type { Policy } from "../engine/policy";
import type { PromotionOutcome } from "../engine/promotion";
import type { CellValue, Finding, Highlight, RawTable } from "../engine/types";
import { computeUnits, fillPerformance, PerformanceFill, UnitOutcome } from "../engine/unit";
import { cellText, isBlank, normalizeText } from "../engine/values";
import type { TableRef } from "../workbook/port";
import type { JsonRow, TableResult } from "./kinds";
import { cellList } from "../i18n/sheets";

/** What the actions keep of a computed table beyond its cells and JSON, for the sheets of the scheme. */
export type SchemeData =
  | { kind: "annual"; outcome: AnnualOutcome; promotion: PromotionOutcome; filled: AnnualFill | null }
  | { kind: "survey"; outcome: SurveyOutcome; fill: SurveyFill | null }
  | { kind: "ballots"; outcome: BallotOutcome; fill: BallotFill | null }
  | { kind: "unit"; outcome: UnitOutcome }
  | { kind: "city"; outcome: UnitOutcome }
  | { kind: "history"; outcome: HistoryOutcome }
  | { kind: "examination"; records: ExaminationRecord[]; terms: TermCoverage[] | null; asOf: number | null };

export interface ContextOptions {
  /** Take the annual table's blank P cells from the unit totals (POLICY.md §3); under 折算 the annual computation converts them with the typed ones. */
  fillPerformance?: boolean;
  /** Take the unit table's blank 幸福感 / 满意度 / 安全感 cells from the survey answers (POLICY.md §11). */
  fillSurvey?: boolean;
  /** Take the annual table's blank 民主测评 cells from the ballots (POLICY.md §11). */
  fillBallots?: boolean;
  /**
   * Fill as the workbook was filled before: a table that carries the add-in's fill result column
   * (绩效考核（取自单位总分）, 幸福感（取自民意调查）…) is filled again, whatever the options above say.
   * For reading a computed workbook back (assess notices).
   */
  fillAsBefore?: boolean;
}

/** The annual table as computed: with its blank P and D cells filled as asked. */
export interface AnnualFill {
  table: RawTable;
  performance: PerformanceFill | null;
  ballots: BallotFill | null;
}

interface Read {
  ref: TableRef;
  raw: RawTable;
}

/**
 * The tables of one workbook, read once, and what one table's computation needs from the others.
 * The scheme has one unit table and one city table per workbook: the first of each (in sheet order)
 * go together; a further unit table is computed without city indicators, a further city table is
 * skipped (its indicators could not be told from the first one's).
 */
export class WorkbookContext {
  private readonly outcomes = new Map<TableRef, UnitOutcome>();
  private surveyOutcome: SurveyOutcome | null | undefined;
  private surveyFilled: SurveyFill | null | undefined;
  private ballotOutcome: BallotOutcome | null | undefined;
  private readonly annualFills = new Map<RawTable, AnnualFill | null>();

  constructor(
    readonly tables: readonly Read[],
    readonly policy: Policy,
    readonly options: ContextOptions = {},
  ) {}

  first(kind: TableRef["kind"]): Read | undefined {
    return this.tables.find((t) => t.ref.kind === kind);
  }

  /** The unit performance of a unit table; the first unit table is computed with the first city table. */
  unitOutcome(ref: TableRef): UnitOutcome {
    let o = this.outcomes.get(ref);
    if (!o) {
      const read = this.tables.find((t) => t.ref === ref);
      if (!read) throw new Error("unit table not in the workbook context");
      const primary = this.first("unit")?.ref === ref;
      const city = primary ? (this.first("city")?.raw ?? null) : null;
      const filled = primary ? this.surveyFill() : null;
      o = computeUnits(filled ? filled.table : read.raw, city, this.policy);
      this.outcomes.set(ref, o);
    }
    return o;
  }

  /** The unit outcome the annual table, the feedback and the coverage use (the first unit table's), or null. */
  primaryUnits(): UnitOutcome | null {
    const u = this.first("unit");
    return u ? this.unitOutcome(u.ref) : null;
  }

  /**
   * The units that must be examined (POLICY.md §7): the unit table's units; without one, the units
   * of the annual table's team and unit rows (单位, else 姓名/名称); null when neither exists.
   */
  coverageUnits(): { id?: string; name: string }[] | null {
    const units = this.primaryUnits();
    if (units) return units.rows.filter((r) => r.name !== "").map((r) => ({ id: r.id || undefined, name: r.name }));
    const annual = this.first("annual");
    if (!annual) return null;
    const col = matchColumns(annual.raw.headers, ANNUAL_COLUMNS).columns;
    const text = (v: CellValue) => cellText(v);
    const out = new Map<string, string>();
    for (const cells of annual.raw.rows) {
      const subject = "subject" in col ? normalizeText(text(cells[col.subject])) : "";
      const isTeam = [...this.policy.vocabulary.subject.team, ...this.policy.vocabulary.subject.unit].some((t) => normalizeText(t) === subject);
      if (!isTeam) continue;
      const name = ("unit" in col ? text(cells[col.unit]) : "") || ("name" in col ? text(cells[col.name]) : "");
      if (name && !out.has(normalizeText(name))) out.set(normalizeText(name), name);
    }
    return out.size ? [...out.values()].map((name) => ({ name })) : null;
  }

  /** The latest year of the workbook's grade history (the assessment year), or null. */
  latestHistoryYear(): number | null {
    let latest: number | null = null;
    for (const t of this.tables) {
      if (t.ref.kind !== "history") continue;
      const col = matchColumns(t.raw.headers, HISTORY_COLUMNS).columns;
      if (!("year" in col)) continue;
      for (const cells of t.raw.rows) {
        const y = readYear(cells[col.year]);
        if (y.ok && (latest === null || y.year > latest)) latest = y.year;
      }
    }
    return latest;
  }

  /** Is a fill asked for (or, with fillAsBefore, does the table carry that fill's result column)? */
  private wants(option: boolean | undefined, raw: RawTable | undefined, column: ColumnSpec): boolean {
    if (option) return true;
    if (!this.options.fillAsBefore || !raw) return false;
    const names = [column.zh, column.en].map(normalizeText);
    return raw.headers.some((h) => names.includes(normalizeText(cellText(h))));
  }

  /** The workbook's survey answers (the first survey table), counted against the unit table's units; null without. */
  survey(): SurveyOutcome | null {
    if (this.surveyOutcome === undefined) {
      const t = this.first("survey");
      const units = this.first("unit");
      this.surveyOutcome = t ? computeSurvey(t.raw, units ? unitListOf(units.raw) : null, this.policy) : null;
    }
    return this.surveyOutcome;
  }

  /** The first unit table with its blank indices taken from the survey, when asked and possible. */
  surveyFill(): SurveyFill | null {
    if (this.surveyFilled === undefined) {
      const units = this.first("unit");
      const survey = units && this.wants(this.options.fillSurvey, units.raw, SURVEY_FILL_COLUMNS[0]) ? this.survey() : null;
      this.surveyFilled = units && survey && survey.usable ? fillSurvey(units.raw, survey) : null;
    }
    return this.surveyFilled;
  }

  /** The workbook's ballots (the first ballot table), counted against the (first) annual table's subjects; null without. */
  ballots(): BallotOutcome | null {
    if (this.ballotOutcome === undefined) {
      const t = this.first("ballots");
      const annual = this.first("annual");
      this.ballotOutcome = t ? computeBallots(t.raw, annual ? subjectListOf(annual.raw) : null, this.policy) : null;
    }
    return this.ballotOutcome;
  }

  /**
   * The annual table with its blank P cells taken from the unit totals and its blank D cells from the
   * ballots, as asked and possible; null when nothing is filled. The ballots fill only the annual table
   * they were counted against (the first).
   */
  fillAnnual(raw: RawTable): AnnualFill | null {
    let done = this.annualFills.get(raw);
    if (done === undefined) this.annualFills.set(raw, (done = this.makeAnnualFill(raw)));
    return done;
  }

  private makeAnnualFill(raw: RawTable): AnnualFill | null {
    let table = raw;
    let performance: PerformanceFill | null = null;
    let ballots: BallotFill | null = null;
    const units = this.wants(this.options.fillPerformance, raw, PERFORMANCE_FILLED_COLUMN) ? this.primaryUnits() : null;
    if (units && matchColumns(raw.headers, ANNUAL_COLUMNS).columns.P !== undefined) {
      performance = fillPerformance(table, units.rows);
      table = performance.table;
    }
    const b = this.first("annual")?.raw === raw && this.wants(this.options.fillBallots, raw, BALLOT_FILL_COLUMN) ? this.ballots() : null;
    if (b && b.usable) {
      ballots = fillBallots(table, b);
      table = ballots.table;
    }
    return performance || ballots ? { table, performance, ballots } : null;
  }
}

const TABLE_LEVEL = new Set<Finding["code"]>(["MISSING_COLUMN", "DUPLICATE_COLUMN"]);

/** Does a finding lie inside a table (its sheet, between its header row and last row)? */
function within(f: Finding, ref: TableRef): boolean {
  return f.sheet === ref.sheet && f.row !== undefined && f.row >= ref.headerRow && f.row <= ref.lastRow;
}

export function base(ref: TableRef, raw: RawTable, kind: TableResult["kind"], inputSpecs: readonly ColumnSpec[], resultSpecs: readonly ColumnSpec[], findings: Finding[]) {
  const n = raw.rows.length;
  return {
    ref,
    kind,
    raw,
    findings,
    usable: !findings.some((f) => TABLE_LEVEL.has(f.code) && within(f, ref)),
    inputSpecs,
    resultSpecs,
    values: {} as Record<string, CellValue[]>,
    numberFormats: {} as Record<string, string>,
    highlights: new Array<Highlight | null>(n).fill(null),
    notes: new Array<string | null>(n).fill(null),
  };
}

const nonBlankRows = (raw: RawTable) => raw.rows.filter((r) => !r.every(isBlank)).length;

export const stats = (rows: number, valid: number): TableResult["stats"] => ({ rows, valid, pools: [], vetoes: 0, conflicts: 0 });

/** Unit performance (单位绩效): 民评得分, 市考加扣分, 总分, 排名 written like the annual results. */
export function processUnit(ref: TableRef, raw: RawTable, ctx: WorkbookContext): TableResult {
  const outcome = ctx.unitOutcome(ref);
  const city = ctx.first("unit")?.ref === ref ? ctx.first("city")?.ref : undefined;
  // The city table's findings belong to the city table (they are reported with it).
  const findings = outcome.findings.filter((f) => !(city && within(f, city)));
  // With --fill-survey, the indices taken from the survey for blank cells, in result columns of their own.
  const fill = ctx.first("unit")?.ref === ref ? ctx.surveyFill() : null;
  const b = base(ref, raw, "unit", UNIT_COLUMNS, fill ? [...UNIT_RESULT_COLUMNS, ...SURVEY_FILL_COLUMNS] : UNIT_RESULT_COLUMNS, findings);
  const n = raw.rows.length;
  const column = () => new Array<CellValue>(n).fill(null);
  const values: Record<string, CellValue[]> = { minping: column(), cityAdjustment: column(), total: column(), rank: column() };
  const filledAt = new Map((fill?.rows ?? []).map((r) => [r.index, r.filled]));
  if (fill) for (const k of ["H", "S", "A"] as const) values[`filled${k}`] = raw.rows.map((_, i) => filledAt.get(i)?.[k] ?? null);
  for (const r of outcome.rows) {
    values.minping[r.index] = r.minping;
    values.cityAdjustment[r.index] = r.cityAdjustment;
    values.total[r.index] = r.total;
    values.rank[r.index] = r.rank;
    if (!r.valid) {
      b.highlights[r.index] = "invalid";
      b.notes[r.index] = r.explanation.zh || null;
    }
  }
  return {
    ...b,
    values,
    numberFormats: { minping: "0.00", cityAdjustment: "0.00", total: "0.00", rank: "0", ...(fill ? { filledH: "0.00", filledS: "0.00", filledA: "0.00" } : {}) },
    noteKey: "total",
    json: outcome.rows.map((r) => ({
      row: r.row,
      id: r.id,
      name: r.name,
      group: r.group,
      minping: r.minping,
      minpingRank: r.minpingRank,
      cityBonus: r.cityBonus,
      cityDeduction: r.cityDeduction,
      cityAdjustment: r.cityAdjustment,
      total: r.total,
      rank: r.rank,
      deductions: r.deductions.map((d) => ({ indicatorId: d.indicatorId, indicator: d.indicator, outcome: d.outcome, points: d.points, reason: d.reason, row: d.row })),
      ...(fill ? { filledH: filledAt.get(r.index)?.H ?? null, filledS: filledAt.get(r.index)?.S ?? null, filledA: filledAt.get(r.index)?.A ?? null } : {}),
    })),
    stats: stats(outcome.rows.length, outcome.rows.filter((r) => r.valid).length),
    scheme: { kind: "unit", outcome },
  };
}

/** City indicators (市考指标): validated through the unit computation; nothing is written into the table. */
export function processCity(ref: TableRef, raw: RawTable, ctx: WorkbookContext): TableResult | null {
  const unit = ctx.first("unit");
  if (!unit || ctx.first("city")?.ref !== ref) return null;
  const outcome = ctx.unitOutcome(unit.ref);
  const findings = outcome.findings.filter((f) => within(f, ref));
  const b = base(ref, raw, "city", CITY_COLUMNS, [], findings);
  const indicators = outcome.city ?? [];
  return {
    ...b,
    noteKey: "",
    json: indicators.map((c) => ({
      row: c.row,
      id: c.id,
      indicator: c.indicator,
      lead: cellList(c.leads),
      unitId: c.unitIndex === null ? null : outcome.rows[c.unitIndex].id,
      outcome: c.outcome,
      points: c.points,
      valid: c.valid,
    })),
    stats: stats(indicators.length, indicators.filter((c) => c.valid).length),
    scheme: { kind: "city", outcome },
  };
}

/** Grade history (历年等次): merits and tenure per cadre; the results go to the 历年奖励 sheet. */
export function processHistory(ref: TableRef, raw: RawTable, policy: Policy): TableResult {
  const outcome = computeHistory(raw, policy);
  const b = base(ref, raw, "history", HISTORY_COLUMNS, [], outcome.findings);
  return {
    ...b,
    noteKey: "",
    json: outcome.cadres.map(
      (c): JsonRow => ({
        row: c.row,
        id: c.id,
        name: c.name,
        years: c.years.map((y) => y.year),
        merits: c.merits,
        excellentYears: c.excellentYears,
        excellentList: c.excellentList,
        rankSince: c.rankSince,
        baseTenure: c.baseTenure,
        tenure: c.tenure,
        valid: c.valid,
      }),
    ),
    stats: stats(nonBlankRows(raw), outcome.cadres.filter((c) => c.valid).reduce((s, c) => s + c.rows.length, 0)),
    scheme: { kind: "history", outcome },
  };
}

export const termLabel = (t: { termStart: number; termEnd: number }) => `${t.termStart}–${t.termEnd}`;

/**
 * Examination records (政治建设考察): coverage per term (POLICY.md §7), from the term of the first
 * record to the term of the assessment year — the latest year of the grade history, else of the
 * records. The units are the unit table's (else the annual table's teams); without either there is
 * no coverage, only the records.
 */
export function processExamination(ref: TableRef, raw: RawTable, ctx: WorkbookContext): TableResult {
  const read = readExaminations(raw);
  const units = ctx.coverageUnits();
  const years = read.records.map((r) => r.year);
  let terms: TermCoverage[] | null = null;
  let asOf: number | null = null;
  if (units && years.length) {
    const policy = ctx.policy;
    const lo = years.reduce((a, y) => Math.min(a, y));
    const hi = years.reduce((a, y) => Math.max(a, y));
    asOf = ctx.latestHistoryYear() ?? hi;
    const firstTermStart = termStartFor(Math.min(lo, asOf), policy.coverage.termStart, policy);
    terms = coverageByTerm({ units, records: read.records, firstTermStart, currentYear: asOf, sheet: raw.sheet }, policy);
  }
  const findings = [...read.findings, ...(terms?.[0]?.findings ?? [])].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const b = base(ref, raw, "examination", EXAMINATION_COLUMNS, [], findings);
  const termOf = (year: number) => terms?.find((t) => year >= t.termStart && year <= t.termEnd);
  return {
    ...b,
    noteKey: "",
    json: read.records.map((r) => ({ row: r.row as number, unit: r.unit, year: r.year, term: termOf(r.year) ? termLabel(termOf(r.year)!) : null })),
    jsonExtra: {
      coverage:
        terms?.map((t) => ({
          term: termLabel(t),
          termStart: t.termStart,
          termEnd: t.termEnd,
          asOf,
          units: t.units.length,
          examined: t.examined,
          notExamined: t.notExamined,
          fraction: t.fraction,
          percent: t.percent,
          yearsLeft: t.yearsLeft,
        })) ?? null,
    },
    stats: stats(nonBlankRows(raw), read.records.length),
    scheme: { kind: "examination", records: read.records, terms, asOf },
  };
}
