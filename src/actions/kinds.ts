// One place that knows, per table kind, which engine computes it and what its results look like in
// the sheet and in the JSON. Adding a kind (unit performance, history, …) is one case in
// processTable and one process… function; the actions around it stay as they are.
import { computeAnnual, PoolSummary } from "../engine/annual";
import { ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS, BALLOT_FILL_COLUMN, ColumnSpec, PERFORMANCE_CONVERTED_COLUMN, PERFORMANCE_FILLED_COLUMN, TableKind } from "../engine/headers";
import type { Policy } from "../engine/policy";
import { priorityPromotion } from "../engine/promotion";
import type { CellValue, Finding, Highlight, RawTable } from "../engine/types";
import type { TableRef } from "../workbook/port";
import { processCity, processExamination, processHistory, processUnit, SchemeData, WorkbookContext } from "./scheme";
import { processBallots, processSurvey } from "./rawData";

/** One result row in the JSON (INTERFACES.md §4): the worksheet row plus the kind's own fields. */
export type JsonRow = { row: number } & Record<string, unknown>;

/** A computed table, ready to be written and reported. */
export interface TableResult {
  ref: TableRef;
  kind: TableKind;
  raw: RawTable;
  findings: Finding[];
  /** False when the table itself is unreadable (a required column missing or doubled): nothing is written to it. */
  usable: boolean;
  inputSpecs: readonly ColumnSpec[];
  resultSpecs: readonly ColumnSpec[];
  /** Result key → one value per data row (index into raw.rows); null clears the cell. */
  values: Record<string, CellValue[]>;
  numberFormats: Record<string, string>;
  /** Highlight class per data row. */
  highlights: (Highlight | null)[];
  /** Note per data row (the reason sentence), put on the `noteKey` result cell of highlighted rows. */
  notes: (string | null)[];
  noteKey: string;
  json: JsonRow[];
  /** Table-level JSON fields besides sheet, name, kind and rows (e.g. an examination table's coverage). */
  jsonExtra?: Record<string, unknown>;
  stats: TableStats;
  /** What the scheme's own sheets (历年奖励, 考察覆盖, 反馈) are made from. */
  scheme?: SchemeData;
}

export interface TableStats {
  /** Non-blank data rows. */
  rows: number;
  valid: number;
  pools: PoolSummary[];
  vetoes: number;
  /** Rows where an affirmation met a veto (AFFIRM_VETO_CONFLICT). */
  conflicts: number;
}

const TABLE_LEVEL = new Set<Finding["code"]>(["MISSING_COLUMN", "DUPLICATE_COLUMN"]);


/**
 * Compute one table with its kind's engine; null for tables that are not computed (they are
 * skipped). `context` holds the workbook's other tables (a unit table's city indicators, …); without
 * one the table is computed alone.
 */
export function processTable(ref: TableRef, raw: RawTable, policy: Policy, context?: WorkbookContext): TableResult | null {
  const ctx = context ?? new WorkbookContext([{ ref, raw }], policy);
  switch (ref.kind) {
    case "annual":
      return processAnnual(ref, raw, policy, ctx);
    case "unit":
      return processUnit(ref, raw, ctx);
    case "city":
      return processCity(ref, raw, ctx);
    case "history":
      return processHistory(ref, raw, policy);
    case "examination":
      return processExamination(ref, raw, ctx);
    case "survey":
      return processSurvey(ref, raw, ctx);
    case "ballots":
      return processBallots(ref, raw, ctx);
    case "feedback": // the add-in's own 反馈 sheet: read back by the feedback, not computed
    case null:
      return null;
  }
}

function processAnnual(ref: TableRef, raw: RawTable, policy: Policy, ctx: WorkbookContext): TableResult {
  // With --fill-performance / --fill-ballots, blank P and D cells take the unit's total and the
  // ballots' D (never a cell the user filled).
  const filled = ctx.fillAnnual(raw);
  const outcome = computeAnnual(filled ? filled.table : raw, policy);
  // Read from the engine's columns: no object per row on the way to the sheet.
  const res = outcome.results;
  const promotion = priorityPromotion(res);
  const promoted = new Set(promotion.flags.map((f) => f.row));
  const n = raw.rows.length;
  const column = () => new Array<CellValue>(n).fill(null);
  const values: Record<string, CellValue[]> = { composite: column(), rank: column(), grade: column(), reasons: column() };
  const highlights = new Array<Highlight | null>(n).fill(null);
  const notes = new Array<string | null>(n).fill(null);
  const filledP = filled?.performance ? new Map(filled.performance.filled.map((f) => [f.row, f.P])) : null;
  const filledD = filled?.ballots ? new Map(filled.ballots.rows.flatMap((f) => (f.filled === null ? [] : [[f.row, f.filled] as const]))) : null;
  if (filledP) values.filledP = column();
  if (filledD) values.filledD = column();
  // Under 折算 every composite used a converted P: it is shown beside the results (POLICY.md §3).
  const converted = policy.performance.mode === "convert";
  if (converted) values.convertedP = column();
  let valid = 0;
  let conflicts = 0;
  for (let j = 0; j < res.count; j++) {
    const i = res.index(j);
    if (filledP) values.filledP[i] = filledP.get(res.row(j)) ?? null;
    if (filledD) values.filledD[i] = filledD.get(res.row(j)) ?? null;
    if (converted) values.convertedP[i] = res.performanceUsed(j);
    values.composite[i] = res.composite(j);
    values.rank[i] = res.rank(j);
    values.grade[i] = res.grade(j);
    const explanation = res.explanation(j).zh;
    values.reasons[i] = explanation || null;
    highlights[i] = res.highlight(j);
    notes[i] = res.note(j)?.zh ?? null;
    if (res.valid(j)) valid++;
    if (res.reasons(j).includes("AFFIRM_VETO_CONFLICT")) conflicts++;
  }
  let json: JsonRow[] | undefined;
  return {
    ref,
    kind: "annual",
    raw,
    findings: outcome.findings,
    usable: !outcome.findings.some((f) => TABLE_LEVEL.has(f.code)),
    inputSpecs: ANNUAL_COLUMNS,
    resultSpecs: [...ANNUAL_RESULT_COLUMNS, ...(filledP ? [PERFORMANCE_FILLED_COLUMN] : []), ...(filledD ? [BALLOT_FILL_COLUMN] : []), ...(converted ? [PERFORMANCE_CONVERTED_COLUMN] : [])],
    values,
    numberFormats: { composite: "0.00", rank: "0", ...(filledP ? { filledP: "0.00" } : {}), ...(filledD ? { filledD: "0.00" } : {}), ...(converted ? { convertedP: "0.00" } : {}) },
    highlights,
    notes,
    noteKey: "grade",
    // Made when the JSON report is asked for (assess rank --json), not for every compute.
    get json(): JsonRow[] {
      return (json ??= outcome.rows.map((r) => ({
        row: r.row,
        id: r.id,
        group: r.group,
        composite: r.composite,
        rank: r.rank,
        grade: r.grade,
        reasons: r.reasons,
        priorityPromotion: promoted.has(r.row),
        ...(filledP ? { filledP: filledP.get(r.row) ?? null } : {}),
        ...(filledD ? { filledD: filledD.get(r.row) ?? null } : {}),
        ...(converted ? { convertedP: r.performance } : {}),
      })));
    },
    stats: {
      rows: res.count,
      valid,
      pools: outcome.pools,
      vetoes: outcome.pools.reduce((s, p) => s + p.vetoes, 0),
      conflicts,
    },
    scheme: { kind: "annual", outcome, promotion, filled },
  };
}
