// 生成反馈通知书 Feedback notices (POLICY.md §12; §8): one written notice per unit — unit and group, its
// rank in the group and among how many, its 民评 points and rank, its total, each deduction item
// (indicator, points, reason) with its rectification deadline, the issuing office and date; per cadre
// (on request) the grade, composite and reasons. Planned from the workbook through the port like every
// verb (the same code runs in the task pane): the tables are computed as `rank` computes them, and the
// items keep the feedback dates and statuses of the workbook's 反馈 sheet. Nothing is written.
import type { AnnualRowResult } from "../engine/annual";
import { addDays, FeedbackItem, feedbackItems } from "../engine/feedback";
import type { Policy } from "../engine/policy";
import type { Finding, Message } from "../engine/types";
import { UnitDirectory, UnitRowResult } from "../engine/unit";
import { normalizeText } from "../engine/values";
import type { WorkbookPort } from "../workbook/port";
import { analyzeWorkbook } from "./analyze";
import { ActionError } from "./errors";
import type { ContextOptions } from "./scheme";
import { readExistingFeedback } from "./schemeSheets";
import { DEFAULT_ISSUER, noticesMsg } from "../i18n/notices";

export interface NoticeOptions extends ContextOptions {
  /** The issuing office (发文机关署名); default 中共苏仙区委考核办. */
  issuer?: string;
  /** The notice's date (成文日期), ISO YYYY-MM-DD; items not yet in the 反馈 sheet are given on this date. */
  date: string;
  /** Add each unit's team and cadres with grade, composite and reasons. */
  cadres?: boolean;
}

export interface CadreLine {
  id: string;
  name: string;
  /** Worksheet row in the annual table. */
  row: number;
  grade: string | null;
  composite: number | null;
  /** The reason sentences; for an ungraded row, what is wrong. */
  reasons: string;
}

export interface UnitNotice {
  unitId: string;
  unit: string;
  group: string;
  total: number | null;
  rank: number | null;
  /** Units ranked in the group (the "among how many"). */
  rankedInGroup: number;
  minping: number | null;
  minpingRank: number | null;
  minpingRankedInGroup: number;
  /** Why there is no total (invalid unit), "" otherwise. */
  why: string;
  /** The deduction items with their feedback date, deadline and status. */
  items: FeedbackItem[];
  /** The date by which to report: the latest deadline of the open items, or the notice's date + the policy's days. */
  deadline: string;
  /** Every item done (the notice then says so instead of asking for rectification). */
  allDone: boolean;
  /** With options.cadres: the unit's team and cadres of the annual table, in table order. */
  cadres: CadreLine[];
}

export interface NoticesPlan {
  /** The scheme's name as the title uses it (policy.title). */
  scheme: Message;
  issuer: string;
  date: string;
  decimals: number;
  cadres: boolean;
  notices: UnitNotice[];
  /** Findings of the workbook's tables (the notices are still made for the units that can be). */
  findings: Finding[];
}

/** Plan one notice per unit of the workbook's (first) unit table, in the 反馈 sheet's order (group, rank). */
export async function planNotices(port: WorkbookPort, policy: Policy, options: NoticeOptions): Promise<NoticesPlan> {
  // Filled as the ranked workbook was (its fill result columns say how), and as asked.
  const analysis = await analyzeWorkbook(port, policy, { fillPerformance: options.fillPerformance, fillSurvey: options.fillSurvey, fillBallots: options.fillBallots, fillAsBefore: true });
  const unitTable = analysis.tables.find((t) => t.scheme?.kind === "unit" && analysis.context.first("unit")?.ref === t.ref);
  if (!unitTable || !unitTable.usable || unitTable.scheme?.kind !== "unit") throw new ActionError("NO_UNIT_TABLE", noticesMsg.noUnitTable);
  const units = unitTable.scheme.outcome.rows.filter((u) => u.id !== "" || u.name !== "");
  if (!units.length) throw new ActionError("NO_UNIT_TABLE", noticesMsg.noUnits);

  const existing = await readExistingFeedback(port, analysis.feedback);
  const findings = [...analysis.findings];
  const items = feedbackItems(units, policy, { feedbackDate: options.date, today: options.date, existing }, findings);
  const itemsOf = new Map<string, FeedbackItem[]>();
  for (const it of items) {
    if (it.indicatorId === null) continue;
    const k = unitKey(it.unitId, it.unit);
    const list = itemsOf.get(k);
    if (list) list.push(it);
    else itemsOf.set(k, [it]);
  }

  const counts = new Map<string, { ranked: number; minping: number }>();
  for (const u of units) {
    const k = normalizeText(u.group);
    const c = counts.get(k) ?? { ranked: 0, minping: 0 };
    if (u.rank !== null) c.ranked++;
    if (u.minpingRank !== null) c.minping++;
    counts.set(k, c);
  }

  const cadresOf = options.cadres ? cadresByUnit(analysis.tables.flatMap((t) => (t.scheme?.kind === "annual" ? t.scheme.outcome.rows : [])), units) : null;
  const fallback = addDays(options.date, policy.feedback.rectificationDays);
  // The 反馈 sheet's order: group (policy order), then rank.
  const order = new Map<string, number>();
  items.forEach((it, i) => {
    const k = unitKey(it.unitId, it.unit);
    if (!order.has(k)) order.set(k, i);
  });
  const ordered = [...units].sort((a, b) => (order.get(unitKey(a.id, a.name)) ?? 0) - (order.get(unitKey(b.id, b.name)) ?? 0));
  const notices = ordered.map((u): UnitNotice => {
    const its = itemsOf.get(unitKey(u.id, u.name)) ?? [];
    const open = its.filter((it) => it.status === "open" && it.deadline !== null).map((it) => it.deadline as string);
    const c = counts.get(normalizeText(u.group)) ?? { ranked: 0, minping: 0 };
    return {
      unitId: u.id,
      unit: u.name || u.id,
      group: u.group,
      total: u.total,
      rank: u.rank,
      rankedInGroup: c.ranked,
      minping: u.minping,
      minpingRank: u.minpingRank,
      minpingRankedInGroup: c.minping,
      why: u.rank === null ? u.explanation.zh : "",
      items: its,
      deadline: open.length ? open.reduce((a, b) => (a > b ? a : b)) : fallback,
      allDone: its.length > 0 && open.length === 0,
      cadres: cadresOf?.get(units.indexOf(u)) ?? [],
    };
  });
  return {
    scheme: policy.title,
    issuer: options.issuer?.trim() || DEFAULT_ISSUER.zh,
    date: options.date,
    decimals: policy.rounding.decimals,
    cadres: options.cadres ?? false,
    notices,
    findings,
  };
}

const unitKey = (id: string, name: string) => normalizeText(id) || `\u0000${normalizeText(name)}`;

/** The annual rows of each unit (by the 单位 column, else the team's own name), keyed by the unit's index. */
function cadresByUnit(rows: readonly AnnualRowResult[], units: readonly UnitRowResult[]): Map<number, CadreLine[]> {
  const directory = new UnitDirectory(units.map((u) => ({ id: u.id, name: u.name })));
  const out = new Map<number, CadreLine[]>();
  for (const r of rows) {
    const k = directory.find(r.unit) ?? (r.subject === "cadre" ? undefined : directory.find(r.name));
    if (k === undefined) continue;
    const line: CadreLine = { id: r.id, name: r.name || r.id, row: r.row, grade: r.grade, composite: r.composite, reasons: r.explanation.zh };
    const list = out.get(k);
    if (list) list.push(line);
    else out.set(k, [line]);
  }
  return out;
}
