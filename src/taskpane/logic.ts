// Host-free decisions of the task pane, tested in jest: which table to compute, which result cells
// the add-in wrote itself (computeRanking asks before overwriting any others), the feedback date,
// and what the pane shows of a compute (unit tables, rewards, examination coverage).
import type { ComputeResult, OwnResults } from "../actions";
import { statisticsSheetOf } from "../actions/statistics";
import type { Policy } from "../engine/policy";
import { gradeLevelName } from "../i18n/statistics";
import { parseDate } from "../engine/feedback";
import type { CellValue, Message } from "../engine/types";
import { sessionText } from "../i18n/pane-session";
import { a1, cellText, isBlank } from "../engine/values";
import type { SettingsStore } from "../actions/policy-store";
import type { TableRef } from "../workbook/port";

export type TableChoice = { table: TableRef } | { ask: TableRef[] } | { none: true };

/** The selected table, else the only annual table on the active sheet, else the only one in the workbook, else ask. */
export function chooseTable(tables: readonly TableRef[], selection: { sheet: string; row: number; column: number; activeSheet: string } | null): TableChoice {
  const annual = tables.filter((t) => t.kind === "annual");
  if (!annual.length) return { none: true };
  if (selection) {
    const hit = annual.find((t) => t.sheet === selection.sheet && selection.row >= t.headerRow && selection.row <= t.lastRow + (t.totalsRow ? 1 : 0) && selection.column >= t.firstColumn && selection.column <= t.lastColumn);
    if (hit) return { table: hit };
    const onSheet = annual.filter((t) => t.sheet === selection.activeSheet);
    if (onSheet.length === 1) return { table: onSheet[0] };
    if (onSheet.length > 1) return { ask: onSheet };
  }
  return annual.length === 1 ? { table: annual[0] } : { ask: annual.slice() };
}

export function tableAddress(t: TableRef): string {
  return `${a1(t.headerRow, t.firstColumn)}:${a1(t.lastRow + (t.totalsRow ? 1 : 0), t.lastColumn)}`;
}

// ------------------------------------------------------------ what the add-in wrote

/** Document setting: per table, the result columns the add-in last wrote and a fingerprint of their values. */
export const WRITTEN_SETTING = "assess.written";

export interface WrittenColumn {
  column: number;
  fingerprint: string;
  /**
   * Per-cell hashes (4 characters each) of what was written, `block` cells per hash, so that a
   * later compute names only the cells changed since. Absent in records of older versions.
   */
  cells?: string;
  block?: number;
}

/** Most hashes kept per column (the document settings are small): larger tables hash blocks of rows. */
export const CELL_HASHES = 25_000;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** FNV-1a over a run of cells, folded to 24 bits, as 4 base-64 characters. */
function cellHash(values: readonly CellValue[], from: number, to: number): string {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    const v = values[i];
    const s = (isBlank(v) ? "_" : typeof v === "number" ? "n" : typeof v === "string" ? "s" : "o") + (isBlank(v) ? "" : cellText(v)) + "\u0001";
    for (let k = 0; k < s.length; k++) {
      h ^= s.charCodeAt(k);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  h = (h ^ (h >>> 24)) & 0xffffff;
  return B64[(h >>> 18) & 63] + B64[(h >>> 12) & 63] + B64[(h >>> 6) & 63] + B64[h & 63];
}

/** The hashes of a column: one per `block` cells. */
export function cellHashes(values: readonly CellValue[], block: number): string {
  let out = "";
  for (let i = 0; i < values.length; i += block) out += cellHash(values, i, Math.min(values.length, i + block));
  return out;
}
export type WrittenRecord = Record<string, Record<string, WrittenColumn>>;

export function tableKey(t: TableRef): string {
  return t.name ? `table:${t.name}` : `block:${t.sheet}!${a1(t.headerRow, t.firstColumn)}`;
}

/** FNV-1a over the cells' kinds and texts: equal for the values written and the values read back. */
export function fingerprint(values: readonly CellValue[]): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const v of values) {
    feed(isBlank(v) ? "_" : typeof v === "number" ? "n" : typeof v === "string" ? "s" : "o");
    feed(isBlank(v) ? "" : cellText(v));
    feed("\u0001");
  }
  return h.toString(16).padStart(8, "0") + ":" + values.length;
}

export function readWritten(store: SettingsStore): WrittenRecord {
  const raw = store.get(WRITTEN_SETTING);
  if (typeof raw !== "string") return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as WrittenRecord) : {};
  } catch {
    return {};
  }
}

/**
 * The action's test for "the add-in wrote this": the column is where it last wrote this result and
 * holds exactly what it wrote (same fingerprint). Anything else is content the user should be asked about.
 */
export function ownResultsOf(written: WrittenRecord): OwnResults {
  return (ref, key, column, values) => {
    const rec = written[tableKey(ref)]?.[key];
    if (!rec || rec.column !== column) return false;
    if (rec.fingerprint === fingerprint(values)) return true;
    // Changed since: the cells whose hash still matches are the add-in's (a hash per block of rows
    // in large tables; a row count that changed makes every cell unknown).
    const block = rec.block ?? 1;
    if (typeof rec.cells !== "string" || rec.cells.length !== 4 * Math.ceil(values.length / block)) return false;
    const now = cellHashes(values, block);
    return values.map((_, i) => {
      const b = Math.floor(i / block) * 4;
      return now.slice(b, b + 4) === rec.cells!.slice(b, b + 4);
    });
  };
}

/** The record after a compute wrote `values` (result key → column values) into `layout`'s columns. */
export function recordWritten(written: WrittenRecord, ref: TableRef, layout: { columns: readonly { key: string; column: number }[] }, values: Record<string, CellValue[]>): WrittenRecord {
  const cols: Record<string, WrittenColumn> = {};
  for (const c of layout.columns) {
    const v = values[c.key];
    if (!v) continue;
    const block = Math.max(1, Math.ceil(v.length / CELL_HASHES));
    cols[c.key] = { column: c.column, fingerprint: fingerprint(v), cells: cellHashes(v, block), block };
  }
  return { ...written, [tableKey(ref)]: cols };
}

// ------------------------------------------------------------ the feedback date

/** Today in the computer's time zone, as YYYY-MM-DD (the one date codec, engine/dates.ts). */
export { localToday } from "../engine/dates";

/** The feedback date as typed: YYYY-MM-DD (2024/3/15 and 2024年3月15日 are read too), or why not. */
export function readFeedbackDate(typed: string): { date: string } | { reason: Message } {
  const shown = typed.trim();
  if (!shown) return { reason: sessionText.feedbackDateMissing };
  const date = parseDate(shown);
  if (date === null) {
    return { reason: sessionText.feedbackDateInvalid(shown) };
  }
  return { date };
}

// ------------------------------------------------------------ what the pane shows of a compute

export interface CoverageTerm {
  term: string;
  units: number;
  examined: number;
  notExamined: string[];
  percent: number;
  yearsLeft: number;
}

export interface SchemeView {
  /** 考察覆盖 per term (POLICY.md §7), oldest first; null without an examination table with a unit list. */
  coverage: { asOf: number | null; terms: CoverageTerm[] } | null;
  /** 历年奖励: cadres with a 记三等功 year, and with the latest year among them; top leaders flagged for priority promotion. */
  rewards: { cadres: number; merits: number; latestYear: number | null; meritsLatest: number; promotion: number } | null;
  /** Blank 绩效考核 cells computed with the unit's total (填补绩效考核); null when that was not asked for. */
  filledP: number | null;
  /** Blank 幸福感 / 满意度 / 安全感 cells of the unit table taken from the 民意调查 answers; null when none were used. */
  filledSurvey: number | null;
  /** Blank 民主测评 cells of the annual table taken from the 民主测评票 ballots; null when none were used. */
  filledBallots: number | null;
  /** 考核统计 as the pane draws it; null without an annual or a unit table. */
  statistics: StatisticsView | null;
}

/** The grades per pool and the unit totals' spread, as plain data (the 考核统计 sheet holds the same). */
export interface StatisticsView {
  /** The grade levels, best first, in both languages (良好/称职 …). */
  levels: Message[];
  pools: { key: string; counts: number[]; rows: number; valid: number; excellent: number; quota: number | null; mean: number | null; highest: number | null; lowest: number | null }[];
  groups: { group: string; units: number; count: number; mean: number | null; highest: number | null; lowest: number | null; range: number | null; stdDev: number | null }[];
}

/** 考核统计 of a compute, for the pane's charts (from the same plan that writes the sheet). */
export function statisticsView(result: ComputeResult, policy: Policy): StatisticsView | null {
  const plan = statisticsSheetOf(result.analysis.tables, policy);
  if (!plan) return null;
  const levels = policy.grades.team.map((g, i) => gradeLevelName(g, policy.grades.cadre[i]));
  return {
    levels: levels.map((m) => ({ zh: m.zh, en: m.en })),
    pools: plan.pools.map((p) => ({ key: p.key, counts: p.grades.map((g) => g.count), rows: p.rows, valid: p.valid, excellent: p.excellent, quota: p.quota, mean: p.mean, highest: p.highest, lowest: p.lowest })),
    groups: plan.groups.map((g) => ({ group: g.group, units: g.units, count: g.count, mean: g.mean, highest: g.highest, lowest: g.lowest, range: g.range, stdDev: g.stdDev })),
  };
}

/** The coverage and rewards of a compute, from its result (the sheets hold the same). */
export function schemeView(result: ComputeResult, policy?: Policy): SchemeView {
  let coverage: SchemeView["coverage"] = null;
  let rewards: SchemeView["rewards"] = null;
  let promotion = 0;
  let filledP: number | null = null;
  let filledSurvey: number | null = null;
  let filledBallots: number | null = null;
  for (const t of result.analysis.tables) {
    const s = t.scheme;
    if (!s) continue;
    if (s.kind === "examination" && s.terms && !coverage) {
      coverage = {
        asOf: s.asOf,
        terms: s.terms.map((x) => ({ term: `${x.termStart}–${x.termEnd}`, units: x.units.length, examined: x.examined.length, notExamined: x.notExamined.slice(), percent: x.percent, yearsLeft: x.yearsLeft })),
      };
    }
    if (s.kind === "annual") {
      promotion += s.promotion.flags.length;
      if (s.filled?.performance) filledP = (filledP ?? 0) + s.filled.performance.filled.length;
      if (s.filled?.ballots) filledBallots = (filledBallots ?? 0) + s.filled.ballots.cells;
    }
    if (s.kind === "survey" && s.fill) filledSurvey = (filledSurvey ?? 0) + s.fill.cells;
    if (s.kind === "history") {
      const latest = s.outcome.cadres.reduce<number | null>((y, c) => c.years.reduce<number | null>((a, r) => (a === null || r.year > a ? r.year : a), y), null);
      const r: NonNullable<SchemeView["rewards"]> = rewards ?? { cadres: 0, merits: 0, latestYear: latest, meritsLatest: 0, promotion: 0 };
      r.cadres += s.outcome.cadres.length;
      r.merits += s.outcome.cadres.filter((c) => c.merits && c.merits.length).length;
      r.meritsLatest += latest === null ? 0 : s.outcome.cadres.filter((c) => c.merits?.includes(latest)).length;
      rewards = r;
    }
  }
  if (rewards) rewards.promotion = promotion;
  else if (promotion) rewards = { cadres: 0, merits: 0, latestYear: null, meritsLatest: 0, promotion };
  return { coverage, rewards, filledP, filledSurvey, filledBallots, statistics: policy ? statisticsView(result, policy) : null };
}
