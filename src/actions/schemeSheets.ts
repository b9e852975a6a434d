// The sheets of the rest of the scheme (issue 4), written after the tables' own result columns:
//   历年奖励  per cadre: 记三等功 years, 优秀 years, required tenure (POLICY.md §6), and the
//            优先晋升职级 flag of top leaders of units rated 优秀
//   考察覆盖  per term: units examined / not yet examined, coverage %, years left; then per unit (§7)
//   反馈      per unit: rank, 民评 rank, deduction items, deadline, status; overdue items filled (§8)
// Planned (read, computed) before anything is written, like every other result; written through the
// WorkbookPort only (addSheet, formatRows), so the task pane runs the same code.
import { buildFeedbackSheet, FeedbackSheet, OVERDUE_TEXT } from "../engine/feedback";
import { FEEDBACK_COLUMNS } from "../engine/headers";
import { historySheet } from "../engine/history";
import type { Policy } from "../engine/policy";
import type { CellValue, Finding, RawTable } from "../engine/types";
import type { UnitOutcome } from "../engine/unit";
import { normalizeText } from "../engine/values";
import type { ChartSpec, TableRef, WorkbookPort } from "../workbook/port";
import { statisticsSheetOf } from "./statistics";
import { ballotSheet, surveySheet } from "./rawData";
import type { Analysis } from "./analyze";
import type { TableResult } from "./kinds";
import { termLabel } from "./scheme";
import { cellList, coverageSheet, feedbackSheet, rewardsSheet, SHEET_NAMES, sheetWords } from "../i18n/sheets";

export const REWARDS_SHEET = SHEET_NAMES.rewards;
export const COVERAGE_SHEET = SHEET_NAMES.coverage;
export const FEEDBACK_SHEET = SHEET_NAMES.feedback;

/** The feedback's dates (ISO YYYY-MM-DD): when it is given, and today (for overdue). */
export interface FeedbackDates {
  feedbackDate: string;
  today: string;
}

export interface PlannedSheet {
  /** The name asked for (addSheet may use "反馈 (2)" when a sheet of that name belongs to the user). */
  name: string;
  rows: CellValue[][];
  columnWidths: number[];
  /** Worksheet rows to fill as overdue (light red), with a note on the status cell. */
  overdue?: { rows: number[]; statusColumn: number; notes: string[] };
  /** A native chart drawn from the sheet's cells (考核统计). */
  chart?: ChartSpec;
}

export interface SchemePlan {
  sheets: PlannedSheet[];
  /** Warnings about the existing 反馈 sheet (statuses or dates that cannot be read). */
  findings: Finding[];
  feedback: FeedbackSheet | null;
  /** The feedback's JSON, also on the unit table's JSON entry (its `sheet` is set to the name used when written). */
  feedbackJson: ReturnType<typeof feedbackJson> | null;
}

const schemeOf = <K extends NonNullable<TableResult["scheme"]>["kind"]>(tables: readonly TableResult[], kind: K) =>
  tables.flatMap((t) => (t.scheme && t.scheme.kind === kind ? [t.scheme as Extract<NonNullable<TableResult["scheme"]>, { kind: K }>] : []));

// ---- 历年奖励 ---------------------------------------------------------------------------------

/** The rewards of POLICY.md §6 in one sheet: the history's merits and tenure, and priority promotion. */
export function rewardsSheetOf(tables: readonly TableResult[]): PlannedSheet | null {
  const histories = schemeOf(tables, "history");
  const annual = tables.filter((t) => t.scheme?.kind === "annual");
  const flags = new Map<string, { id: string; name: string; basis: string }>();
  for (const t of annual) {
    if (t.scheme?.kind !== "annual") continue;
    for (const f of t.scheme.promotion.flags) {
      const key = normalizeText(f.id);
      if (key && !flags.has(key)) flags.set(key, { id: f.id, name: f.name, basis: rewardsSheet.promotionBasis(f.unit, t.ref.sheet, f.teamRow) });
    }
  }
  if (!histories.length && !flags.size) return null;
  const headers = [...historySheet({ kind: "history", columns: {}, cadres: [], findings: [] }).headers, ...rewardsSheet.promotionHeaders];
  const width = headers.length;
  const rows: CellValue[][] = [headers];
  const seen = new Set<string>();
  for (const h of histories) {
    const sheet = historySheet(h.outcome);
    sheet.rows.forEach((r, i) => {
      const key = normalizeText(h.outcome.cadres[i].id);
      const flag = flags.get(key);
      seen.add(key);
      rows.push([...r.map((v) => (v === "" ? null : v)), flag ? sheetWords.yes : null, flag ? flag.basis : null]);
    });
  }
  // Flagged top leaders without a history row still get their line.
  for (const [key, f] of flags) {
    if (seen.has(key)) continue;
    const row = new Array<CellValue>(width).fill(null);
    row[0] = f.id;
    row[1] = f.name || null;
    row[width - 2] = sheetWords.yes;
    row[width - 1] = f.basis;
    rows.push(row);
  }
  return { name: REWARDS_SHEET, rows, columnWidths: [10, 10, 26, 22, 12, 14, 12, 12, 14, 12, 40] };
}

// ---- 考察覆盖 ---------------------------------------------------------------------------------

/** Coverage per term, then one line per unit with the years it was examined in each term. */
export function coverageSheetOf(tables: readonly TableResult[]): PlannedSheet | null {
  const exam = schemeOf(tables, "examination").find((e) => e.terms !== null);
  if (!exam || !exam.terms) return null;
  const terms = exam.terms;
  const rows: CellValue[][] = [coverageSheet.termHeaders];
  for (const t of terms) rows.push([termLabel(t), t.units.length, t.examined.length, t.notExamined.length, t.percent, t.yearsLeft, exam.asOf, cellList(t.notExamined) || null]);
  rows.push([]);
  rows.push([coverageSheet.unitHeader, ...terms.map((t) => coverageSheet.termYearsHeader(termLabel(t)))]);
  const years = terms.map((t) => new Map(t.examined.map((e) => [e.unit, e.years])));
  const current = terms[terms.length - 1];
  for (const unit of current.units) {
    rows.push([
      unit,
      ...terms.map((t, k) => {
        const ys = years[k].get(unit);
        if (ys) return cellList(ys);
        return t === current && t.yearsLeft > 0 ? sheetWords.notExaminedYet(t.yearsLeft) : sheetWords.notExamined;
      }),
    ]);
  }
  const widths = [18, 24, 24, 10, 10, 9, 9, 60];
  for (let c = 8; c <= terms.length; c++) widths.push(24);
  return { name: COVERAGE_SHEET, rows, columnWidths: widths };
}

// ---- 反馈 -------------------------------------------------------------------------------------

/** The existing 反馈 sheet to carry statuses from: the one named 反馈, else the first found. */
export async function readExistingFeedback(port: WorkbookPort, refs: readonly TableRef[]): Promise<RawTable | null> {
  if (!refs.length) return null;
  const ref = refs.find((r) => r.sheet.toLowerCase() === FEEDBACK_SHEET.toLowerCase()) ?? refs[0];
  return port.readTable(ref);
}

/** The 反馈 sheet of a unit outcome, with the statuses of the existing sheet carried over. */
export function feedbackSheetOf(units: UnitOutcome, policy: Policy, dates: FeedbackDates, existing: RawTable | null): { sheet: PlannedSheet; feedback: FeedbackSheet } {
  const fb = buildFeedbackSheet(units.rows, policy, { ...dates, existing });
  const statusColumn = FEEDBACK_COLUMNS.findIndex((c) => c.key === "status") + 1;
  const sheet: PlannedSheet = {
    name: FEEDBACK_SHEET,
    rows: [fb.headers, ...fb.rows],
    columnWidths: [8, 18, 10, 8, 9, 9, 9, 24, 7, 30, 12, 12, 9, 7],
    overdue: {
      rows: fb.overdueRows.map((i) => i + 2),
      statusColumn,
      notes: fb.overdueRows.map((i) => {
        const it = fb.items[i];
        return feedbackSheet.overdueNote(OVERDUE_TEXT, it.deadline as string, dates.today);
      }),
    },
  };
  return { sheet, feedback: fb };
}

/** The feedback's JSON (on the unit table's entry): every item with its deadline and status. */
export function feedbackJson(fb: FeedbackSheet, dates: FeedbackDates, sheet: string) {
  return {
    sheet,
    feedbackDate: dates.feedbackDate,
    today: dates.today,
    items: fb.items
      .filter((it) => it.indicatorId !== null)
      .map((it) => ({
        unitId: it.unitId,
        unit: it.unit,
        indicatorId: it.indicatorId,
        indicator: it.indicator,
        points: it.points,
        reason: it.reason,
        feedbackDate: it.feedbackDate,
        deadline: it.deadline,
        status: it.status,
        overdue: it.overdue,
      })),
  };
}

export interface FeedbackCounts {
  sheet: string;
  /** Deduction items, and how many are open, done, overdue. */
  items: number;
  open: number;
  done: number;
  overdue: number;
}

export function feedbackCounts(sheet: string, fb: FeedbackSheet): FeedbackCounts {
  const items = fb.items.filter((it) => it.status !== null);
  return { sheet, items: items.length, open: items.filter((it) => it.status === "open").length, done: items.filter((it) => it.status === "done").length, overdue: items.filter((it) => it.overdue).length };
}

// ---- Plan and write ---------------------------------------------------------------------------

export interface SchemeSheetOptions {
  /** Write the 反馈 sheet with these dates (needs a unit table); omitted: no 反馈 sheet. */
  feedback?: FeedbackDates;
  /** Write 历年奖励 and 考察覆盖 when their tables exist (default true). */
  rewardsAndCoverage?: boolean;
  /** Write 考核统计 (with its chart) when there is an annual or unit table (default true). */
  statistics?: boolean;
  /** Write 民意调查汇总 and 民主测评汇总 when the workbook has survey answers or ballots (default true). */
  rawData?: boolean;
}

/** Everything the scheme sheets will hold, computed before the first write. */
export async function planSchemeSheets(port: WorkbookPort, analysis: Analysis, policy: Policy, options: SchemeSheetOptions): Promise<SchemePlan> {
  const sheets: PlannedSheet[] = [];
  if (options.rewardsAndCoverage ?? true) {
    const rewards = rewardsSheetOf(analysis.tables);
    if (rewards) sheets.push(rewards);
    const coverage = coverageSheetOf(analysis.tables);
    if (coverage) sheets.push(coverage);
  }
  let feedback: FeedbackSheet | null = null;
  let json: SchemePlan["feedbackJson"] = null;
  const unitTable = analysis.tables.find((t) => t.scheme?.kind === "unit" && analysis.context.first("unit")?.ref === t.ref);
  if (options.feedback && unitTable && unitTable.usable && unitTable.scheme?.kind === "unit") {
    const existing = await readExistingFeedback(port, analysis.feedback);
    const planned = feedbackSheetOf(unitTable.scheme.outcome, policy, options.feedback, existing);
    sheets.push(planned.sheet);
    feedback = planned.feedback;
    json = feedbackJson(feedback, options.feedback, FEEDBACK_SHEET);
    unitTable.jsonExtra = { ...unitTable.jsonExtra, feedback: json };
  }
  if (options.rawData ?? true) {
    for (const sheet of [surveySheet(analysis.tables, analysis.context), ballotSheet(analysis.tables, analysis.context)]) if (sheet) sheets.push(sheet);
  }
  if (options.statistics ?? true) {
    const stats = statisticsSheetOf(analysis.tables, policy);
    if (stats) sheets.push({ name: stats.name, rows: stats.rows, columnWidths: stats.columnWidths, ...(stats.chart ? { chart: stats.chart } : {}) });
  }
  return { sheets, findings: feedback?.findings ?? [], feedback, feedbackJson: json };
}

/** The charts drawn by writeSchemeSheets: per planned chart, its sheet and whether the adapter drew it. */
export interface ChartsWritten {
  sheet: string;
  drawn: boolean;
}

/** Write the planned sheets (and their charts); returns the names used, in the plan's order. */
export async function writeSchemeSheets(port: WorkbookPort, plan: SchemePlan, charts: ChartsWritten[] = []): Promise<string[]> {
  const used: string[] = [];
  for (const s of plan.sheets) {
    const name = await port.addSheet(s.name, s.rows, { columnWidths: s.columnWidths, headerRows: 1 });
    used.push(name);
    if (s.name === FEEDBACK_SHEET && plan.feedbackJson) plan.feedbackJson.sheet = name;
    if (s.overdue) {
      const width = s.rows[0].length;
      const ref: TableRef = { sheet: name, kind: "feedback", headerRow: 1, firstColumn: 1, lastColumn: width, lastRow: s.rows.length };
      await port.formatRows(ref, {
        columns: Array.from({ length: width }, (_, i) => i + 1),
        classes: s.overdue.rows.length ? { veto: s.overdue.rows } : {},
        notes: s.overdue.rows.map((row, i) => ({ row, column: s.overdue!.statusColumn, text: s.overdue!.notes[i] })),
      });
    }
    if (s.chart) charts.push({ sheet: name, drawn: port.addChart ? await port.addChart(name, s.chart) : false });
  }
  return used;
}
