// Feedback and rectification (反馈与整改, POLICY.md §8): each unit receives its rank in its group, its
// 民评 rank and its deduction items (indicator, points, reason) with a rectification deadline
// (feedback date + policy days). Each item is open or done; open items past the deadline are overdue.
// Dates are ISO 'YYYY-MM-DD' texts and the arithmetic is on calendar days only (no time zones).
import { FEEDBACK_COLUMNS, matchColumns } from "./headers";
import type { Policy } from "./policy";
import { CellValue, Finding, RawTable } from "./types";
import type { UnitRowResult } from "./unit";
import { a1, cellText, isBlank, lookupTerm, normalizeText, truncate } from "./values";
import { schemeMsg } from "../i18n/scheme-messages";

export type FeedbackStatus = "open" | "done";

/** The 反馈 sheet's columns, left to right (defined with the other table kinds, which recognise the sheet). */
export { FEEDBACK_COLUMNS };

/** Status words: what the sheet shows, and what a user may type. */
export const STATUS_TEXT: Record<FeedbackStatus, string> = { open: "待整改", done: "已整改" };
export const STATUS_VOCABULARY: Record<FeedbackStatus, readonly string[]> = {
  open: ["待整改", "未整改", "整改中", "未完成", "open", "否", "no", "n", "×"],
  done: ["已整改", "整改完成", "已完成", "完成", "done", "closed", "是", "yes", "y", "√"],
};
export const OVERDUE_TEXT = "逾期";

export class FeedbackDateError extends RangeError {
  constructor(what: string, shown: string) {
    const m = schemeMsg.badDate(what, shown);
    super(`${m.en} ${m.zh}`);
    this.name = "FeedbackDateError";
  }
}

// ---- Calendar days ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOOSE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
/** Excel's serial day 25569 is 1970-01-01 (1900 date system). */
const EXCEL_EPOCH = 25569;

function isoOf(days: number): string {
  const d = new Date(days * DAY_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

function daysOf(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null; // 2月30日
  return t / DAY_MS;
}

/**
 * A date from a cell or an argument, as ISO 'YYYY-MM-DD', or null: ISO text, 2024/5/4, 2024年5月4日,
 * a Date (its UTC calendar day, as adapters hand over date cells) or an Excel serial day number.
 */
export function parseDate(v: CellValue): string | null {
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? null : isoOf(Math.floor(t / DAY_MS));
  }
  if (typeof v === "number") {
    if (!Number.isInteger(v) || v < 1 || v > 2958465) return null;
    return isoOf(v - EXCEL_EPOCH);
  }
  if (typeof v !== "string") return null;
  const s = v.trim();
  const m = ISO.exec(s) ?? LOOSE.exec(s);
  if (!m) return null;
  const days = daysOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return days === null ? null : isoOf(days);
}

function requireDate(v: CellValue, what: string): string {
  const d = parseDate(v);
  if (d === null) throw new FeedbackDateError(what, cellText(v));
  return d;
}

/** date + n calendar days. */
export function addDays(isoDate: string, n: number): string {
  const d = requireDate(isoDate, "date");
  const [y, m, day] = d.split("-").map(Number);
  return isoOf((daysOf(y, m, day) as number) + n);
}

/** The rectification deadline: feedback date + policy.feedback.rectificationDays. */
export function deadlineFor(feedbackDate: string, policy: Policy): string {
  return addDays(feedbackDate, policy.feedback.rectificationDays);
}

/** Overdue = still open and today is after the deadline (the deadline day itself is not overdue). */
export function isOverdue(status: FeedbackStatus, deadline: string, today: string): boolean {
  return status === "open" && requireDate(today, "today") > requireDate(deadline, "deadline");
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
      else findings.push({ code: "UNKNOWN_VALUE", severity: "warning", sheet: table.sheet, row: rowNo, cell: cellOf("status"), column: "status", message: schemeMsg.unknownStatus(cellOf("status"), truncate(cellText(sv))) });
    }
    let feedbackDate: string | null = null;
    const dv = get("feedbackDate");
    if (!isBlank(dv)) {
      feedbackDate = parseDate(dv);
      if (feedbackDate === null)
        findings.push({ code: "UNKNOWN_VALUE", severity: "warning", sheet: table.sheet, row: rowNo, cell: cellOf("feedbackDate"), column: "feedbackDate", message: schemeMsg.badDate(`${cellOf("feedbackDate")} 反馈日期`, truncate(cellText(dv))) });
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
  const feedbackDate = requireDate(options.feedbackDate, "feedback date");
  const today = requireDate(options.today, "today");
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
      const deadline = addDays(given, policy.feedback.rectificationDays);
      items.push({ ...base, indicatorId: d.indicatorId, indicator: d.indicator, points: d.points, reason: d.reason, feedbackDate: given, deadline, status, overdue: status === "open" && today > deadline });
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
