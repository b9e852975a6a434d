// Feedback and rectification (反馈与整改, POLICY.md §8): each unit receives its rank in its group, its
// 民评 rank and its deduction items (indicator, points, reason) with a rectification deadline
// (feedback date + policy days). Each item is open or done; open items past the deadline are overdue.
// Dates are ISO 'YYYY-MM-DD' texts and the arithmetic is on calendar days only (no time zones).
import { addDaysTo, parseDate } from "./dates";
import { FeedbackStatus, OVERDUE_TEXT, STATUS_TEXT, STATUS_VOCABULARY } from "./vocabulary";
import { DATE_NAMES } from "../i18n/sheets";
import { FEEDBACK_COLUMNS, matchColumns, specByKey } from "./headers";
import type { Policy } from "./policy";
import type { CellValue, Finding, Message, RawTable } from "./types";
import type { UnitRowResult } from "./unit";
import { a1, cellText, isBlank, lookupTerm, normalizeText, truncate } from "./values";
import { schemeMsg } from "../i18n/scheme-messages";

/** The 反馈 sheet's columns by key: the names its messages use. */
const FEEDBACK = specByKey(FEEDBACK_COLUMNS);

export type { FeedbackStatus };

/** The 反馈 sheet's columns, left to right (defined with the other table kinds, which recognise the sheet). */
export { FEEDBACK_COLUMNS };

/** Status words: what the sheet shows, and what a user may type (vocabulary data, engine/vocabulary.ts). */
export { OVERDUE_TEXT, STATUS_TEXT, STATUS_VOCABULARY };

export class FeedbackDateError extends RangeError {
  constructor(what: Message, shown: string) {
    const m = schemeMsg.badDate(what, shown);
    super(`${m.en} ${m.zh}`);
    this.name = "FeedbackDateError";
  }
}

// ---- Calendar days (the date codec is dates.ts) ----------------------------------------------

export { parseDate };

function requireDate(v: CellValue, what: Message): string {
  const d = parseDate(v);
  if (d === null) throw new FeedbackDateError(what, cellText(v));
  return d;
}

/** date + n calendar days. */
export function addDays(isoDate: string, n: number): string {
  return addDaysTo(requireDate(isoDate, DATE_NAMES.date), n);
}

/** The rectification deadline: feedback date + policy.feedback.rectificationDays. */
export function deadlineFor(feedbackDate: string, policy: Policy): string {
  return addDays(feedbackDate, policy.feedback.rectificationDays);
}

/** Overdue = still open and today is after the deadline (the deadline day itself is not overdue). */
export function isOverdue(status: FeedbackStatus, deadline: string, today: string): boolean {
  return status === "open" && requireDate(today, DATE_NAMES.today) > requireDate(deadline, DATE_NAMES.deadline);
}

// ---- Items and the sheet ---------------------------------------------------------------------

export interface FeedbackItem {
  unitId: string;
  unit: string;
  group: string;
  total: number | null;
  rank: number | null;
  minpingRank: number | null;
  /** null on the one row of a unit without deductions. */
  indicatorId: string | null;
  indicator: string | null;
  points: number | null;
  reason: string | null;
  feedbackDate: string | null;
  deadline: string | null;
  status: FeedbackStatus | null;
  overdue: boolean;
}

export interface FeedbackOptions {
  /** The date the feedback is given (ISO). Items already in an existing sheet keep their own. */
  feedbackDate: string;
  /** Today (ISO), for overdue. */
  today: string;
  /** The current 反馈 sheet, when there is one: its statuses (and feedback dates) survive a recompute. */
  existing?: RawTable | null;
}

export interface FeedbackSheet {
  /** Chinese headers (FEEDBACK_COLUMNS). */
  headers: string[];
  rows: CellValue[][];
  items: FeedbackItem[];
  /** 0-based indices into rows of overdue items (to highlight). */
  overdueRows: number[];
  /** Warnings about the existing sheet (unreadable statuses or dates). */
  findings: Finding[];
}

interface Carried {
  status: FeedbackStatus;
  feedbackDate: string | null;
}

const itemKey = (unit: string, indicator: string) => `${normalizeText(unit)}\u0000${normalizeText(indicator)}`;

/** Statuses and feedback dates of an existing 反馈 sheet, by unit ID (or name) + indicator ID (and name). */
function readExisting(table: RawTable, findings: Finding[]): Map<string, Carried> {
  const out = new Map<string, Carried>();
  const col = matchColumns(table.headers, FEEDBACK_COLUMNS).columns;
  if (!("status" in col) || !("indicatorId" in col || "indicator" in col) || !("id" in col || "unit" in col)) return out;
  table.rows.forEach((cells, i) => {
    if (cells.every(isBlank)) return;
    const rowNo = table.headerRow + 1 + i;
    const get = (k: string): CellValue => (k in col ? cells[col[k]] : null);
    const cellOf = (k: string) => a1(rowNo, table.firstColumn + col[k]);
    const unitKeys = [cellText(get("id")), cellText(get("unit"))].filter((s) => s !== "");
    const indicatorKeys = [cellText(get("indicatorId")), cellText(get("indicator"))].filter((s) => s !== "");
    if (!unitKeys.length || !indicatorKeys.length) return;
    let status: FeedbackStatus = "open";
    const sv = get("status");
    if (!isBlank(sv)) {
      const s = lookupTerm(sv, STATUS_VOCABULARY);
      if (s) status = s;
      else findings.push({ code: "UNKNOWN_VALUE", severity: "warning", sheet: table.sheet, row: rowNo, cell: cellOf("status"), column: "status", message: schemeMsg.unknownStatus(cellOf("status"), FEEDBACK.status, truncate(cellText(sv))) });
    }
    let feedbackDate: string | null = null;
    const dv = get("feedbackDate");
    if (!isBlank(dv)) {
      feedbackDate = parseDate(dv);
      if (feedbackDate === null)
        findings.push({ code: "UNKNOWN_VALUE", severity: "warning", sheet: table.sheet, row: rowNo, cell: cellOf("feedbackDate"), column: "feedbackDate", message: schemeMsg.badDateIn(cellOf("feedbackDate"), FEEDBACK.feedbackDate, truncate(cellText(dv))) });
    }
    for (const u of unitKeys) for (const k of indicatorKeys) if (!out.has(itemKey(u, k))) out.set(itemKey(u, k), { status, feedbackDate });
  });
  return out;
}

/**
 * The feedback items of every unit: one per deduction item, and one row (without indicator) for a
 * unit that has none, so every unit sees its ranks. Ordered by group (policy order), then rank.
 */
export function feedbackItems(units: readonly UnitRowResult[], policy: Policy, options: FeedbackOptions, findings: Finding[] = []): FeedbackItem[] {
  const feedbackDate = requireDate(options.feedbackDate, DATE_NAMES.feedbackDate);
  const today = requireDate(options.today, DATE_NAMES.today);
  const carried = options.existing ? readExisting(options.existing, findings) : new Map<string, Carried>();
  const groupOrder = (g: string) => {
    const i = policy.groups.findIndex((x) => normalizeText(x) === normalizeText(g));
    return i < 0 ? policy.groups.length : i;
  };
  const ordered = [...units].sort(
    (a, b) => groupOrder(a.group) - groupOrder(b.group) || normalizeText(a.group).localeCompare(normalizeText(b.group)) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index,
  );
  const items: FeedbackItem[] = [];
  for (const u of ordered) {
    const base = { unitId: u.id, unit: u.name, group: u.group, total: u.total, rank: u.rank, minpingRank: u.minpingRank };
    if (u.deductions.length === 0) {
      items.push({ ...base, indicatorId: null, indicator: null, points: null, reason: null, feedbackDate: null, deadline: null, status: null, overdue: false });
      continue;
    }
    for (const d of u.deductions) {
      const keys = [itemKey(u.id, d.indicatorId), itemKey(u.id, d.indicator), itemKey(u.name, d.indicatorId), itemKey(u.name, d.indicator)];
      const prev = keys.map((k) => carried.get(k)).find((c) => c !== undefined);
      const status = prev?.status ?? "open";
      const given = prev?.feedbackDate ?? feedbackDate;
      const deadline = deadlineFor(given, policy);
      items.push({ ...base, indicatorId: d.indicatorId, indicator: d.indicator, points: d.points, reason: d.reason, feedbackDate: given, deadline, status, overdue: isOverdue(status, deadline, today) });
    }
  }
  return items;
}

/** The 反馈 sheet: header row and one row per item, plus which rows are overdue. */
export function buildFeedbackSheet(units: readonly UnitRowResult[], policy: Policy, options: FeedbackOptions): FeedbackSheet {
  const findings: Finding[] = [];
  const items = feedbackItems(units, policy, options, findings);
  const rows: CellValue[][] = items.map((it) => [
    it.unitId,
    it.unit,
    it.group || null,
    it.total,
    it.rank,
    it.minpingRank,
    it.indicatorId,
    it.indicator,
    it.points,
    it.reason,
    it.feedbackDate,
    it.deadline,
    it.status ? STATUS_TEXT[it.status] : null,
    it.overdue ? OVERDUE_TEXT : null,
  ]);
  const overdueRows = items.flatMap((it, i) => (it.overdue ? [i] : []));
  return { headers: FEEDBACK_COLUMNS.map((c) => c.zh), rows, items, overdueRows, findings };
}
