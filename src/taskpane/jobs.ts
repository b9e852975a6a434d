// The engine-side half of the pane's verbs, written once and run either in the engine's Web Worker
// (engine-worker.ts) or on the page (the fallback): read through the port, compute, write through the
// port, and hand back plain data only — numbers, strings, arrays — that a worker can post.
import { computeRanking, feedbackAction, validateWorkbook } from "../actions";
import type { ComputeSummary, FeedbackResult, ResultConflict } from "../actions";
import type { FeedbackDates } from "../actions/schemeSheets";
import { planNotices } from "../actions/notices";
import type { NoticesPlan } from "../actions/notices";
import type { Policy } from "../engine/policy";
import type { Finding } from "../engine/types";
import type { Snapshot, TableRef, WorkbookPort } from "../workbook/port";
import { ownResultsOf, recordWritten, SchemeView, schemeView, WrittenRecord } from "./logic";

/** What the page asks of a run that only the page can answer. */
export interface JobHooks {
  /** Result cells hold content the add-in did not write: overwrite them? */
  confirmOverwrite?(conflicts: ResultConflict[]): Promise<boolean>;
  /** The snapshot of what the run will change, taken before its first write. */
  onSnapshot?(snapshot: Snapshot): void;
  /** The sheets the compute will write (its plan, computeRanking's beforeWrite), before its first write: throw to stop it. */
  beforeWrite?(sheets: string[]): Promise<void>;
}

export interface ComputeRequest {
  annualTable: TableRef;
  feedback: FeedbackDates;
  fillPerformance?: boolean;
  /** Blank 幸福感 / 满意度 / 安全感 cells from the 民意调查 answers (POLICY.md §11). */
  fillSurvey?: boolean;
  /** Blank 民主测评 cells from the 民主测评票 ballots (POLICY.md §11). */
  fillBallots?: boolean;
  /** The add-in's record of what it wrote (document settings), to tell its own cells from the user's. */
  written: WrittenRecord;
  /**
   * The workbook's tables as the page listed them just before the run, nothing asked or written in
   * between: the run's first listTables is answered with them instead of walking the sheets again.
   */
  tables?: TableRef[];
}

export interface ComputeJobResult {
  declined: boolean;
  summary: ComputeSummary;
  findings: Finding[];
  view: SchemeView;
  /** The record after the run (the request's own object when nothing was written). */
  written: WrittenRecord;
}

export type FeedbackJobResult = Omit<FeedbackResult, "snapshot">;

/** What 生成反馈通知书 is asked: the notices' date and whether each unit's team and cadres are listed. */
export interface NoticesRequest {
  date: string;
  cadres: boolean;
}

/** The notices' file (.docx bytes) and what it holds. */
export interface NoticesJobResult {
  bytes: Uint8Array;
  units: number;
  /** Errors in the workbook's tables (a unit without a total says why in its notice). */
  errors: number;
  date: string;
}

/** Makes the .docx of a plan: the docx library, bundled into the worker, or loaded lazily on the page. */
export type DocxMaker = (plan: NoticesPlan) => Promise<Uint8Array>;

export interface ValidateJobResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  findingsSheet: string | null;
}

/**
 * A finding as plain data: row findings make their cell address and sentences when read (getters),
 * which a copy by spreading would lose, and a worker could not post.
 */
export function plainFinding(f: Finding): Finding {
  const out: Finding = { code: f.code, severity: f.severity, message: { zh: f.message.zh, en: f.message.en } };
  if (f.sheet !== undefined) out.sheet = f.sheet;
  if (f.row !== undefined) out.row = f.row;
  if (f.cell !== undefined) out.cell = f.cell;
  if (f.column !== undefined) out.column = f.column;
  if (f.pool !== undefined) out.pool = f.pool;
  return out;
}

/** `port` whose first listTables answers `tables` (later calls ask the workbook again). */
export function listedOnce(port: WorkbookPort, tables: TableRef[] | undefined): WorkbookPort {
  if (!tables) return port;
  let listed: TableRef[] | null = tables;
  const out: WorkbookPort = {
    listTables: () => {
      const t = listed;
      listed = null;
      return t ? Promise.resolve(t) : port.listTables();
    },
    readTable: (ref) => port.readTable(ref),
    readRange: (range) => port.readRange(range),
    writeColumns: (ref, columns) => port.writeColumns(ref, columns),
    formatRows: (ref, format) => port.formatRows(ref, format),
    addSheet: (name, rows, options) => port.addSheet(name, rows, options),
    snapshot: (scope) => port.snapshot(scope),
    restore: (snapshot) => port.restore(snapshot),
  };
  const chart = port.addChart?.bind(port);
  if (chart) out.addChart = chart;
  return out;
}

export async function computeJob(workbook: WorkbookPort, policy: Policy, req: ComputeRequest, hooks: JobHooks): Promise<ComputeJobResult> {
  const port = listedOnce(workbook, req.tables);
  const result = await computeRanking(port, policy, {
    annualTable: req.annualTable,
    feedback: req.feedback,
    confirmOverwrite: (conflicts) => (hooks.confirmOverwrite ? hooks.confirmOverwrite(conflicts) : Promise.resolve(true)),
    ownResults: ownResultsOf(req.written),
    fillPerformance: req.fillPerformance,
    fillSurvey: req.fillSurvey,
    fillBallots: req.fillBallots,
    onSnapshot: (s) => hooks.onSnapshot?.(s),
    beforeWrite: hooks.beforeWrite ? (plan) => hooks.beforeWrite!(plan.sheets) : undefined,
  });
  let written = req.written;
  if (!result.declined) {
    // Remember what was written into each result column, so that the next compute knows it is ours.
    result.summary.tables.forEach((done, i) => {
      const computed = result.analysis.tables[i];
      if (done.written && computed) written = recordWritten(written, computed.ref, { columns: done.resultColumns }, computed.values);
    });
  }
  return { declined: !!result.declined, summary: result.summary, findings: result.analysis.findings.map(plainFinding), view: schemeView(result, policy), written };
}

export async function feedbackJob(port: WorkbookPort, policy: Policy, dates: FeedbackDates, hooks: JobHooks): Promise<FeedbackJobResult> {
  const r = await feedbackAction(port, policy, { ...dates, onSnapshot: (s) => hooks.onSnapshot?.(s) });
  return { sheet: r.sheet, units: r.units, items: r.items, open: r.open, done: r.done, overdue: r.overdue, findings: r.findings.map(plainFinding), errors: r.errors, warnings: r.warnings, json: r.json };
}

export async function validateJob(port: WorkbookPort, policy: Policy): Promise<ValidateJobResult> {
  const r = await validateWorkbook(port, policy, { findingsSheet: true });
  return { findings: r.findings.map(plainFinding), errors: r.errors, warnings: r.warnings, findingsSheet: r.findingsSheet };
}

/**
 * 生成反馈通知书: the notices planned from the workbook as it is (read through the port; nothing is
 * written) and made into the same .docx as `assess notices`.
 */
export async function noticesJob(port: WorkbookPort, policy: Policy, req: NoticesRequest, docx: DocxMaker): Promise<NoticesJobResult> {
  const plan = await planNotices(port, policy, { date: req.date, cadres: req.cadres });
  const bytes = await docx(plan);
  return { bytes, units: plan.notices.length, errors: plan.findings.filter((f) => f.severity === "error").length, date: plan.date };
}
