// 反馈 Feedback (INTERFACES.md §3, POLICY.md §8), written once against the WorkbookPort: compute the
// unit table (with its city indicators), read the existing 反馈 sheet so that the statuses typed
// into it (已整改 …) and the items' feedback dates survive, and write the 反馈 sheet with its open
// items past the deadline filled as overdue. Nothing else in the workbook changes.
import type { Policy } from "../engine/policy";
import type { Finding } from "../engine/types";
import type { Snapshot, WorkbookPort } from "../workbook/port";
import { analyzeWorkbook, countSeverities } from "./analyze";
import { ActionError } from "./errors";
import { feedbackCounts, FeedbackDates, feedbackJson, feedbackSheetOf, FEEDBACK_SHEET, readExistingFeedback, writeSchemeSheets } from "./schemeSheets";
import { text } from "../i18n/actions";

export interface FeedbackActionOptions extends FeedbackDates {
  /** Take a snapshot of the 反馈 sheet before writing, for undo (default false). */
  snapshot?: boolean;
  /** Called with the snapshot as soon as it is taken, before the first write (implies snapshot). */
  onSnapshot?: (snapshot: Snapshot) => void;
}

export interface FeedbackResult {
  /** The sheet written (反馈, or 反馈 (2) when a sheet named 反馈 belongs to the user). */
  sheet: string;
  /** Units listed, and the deduction items with their statuses. */
  units: number;
  items: number;
  open: number;
  done: number;
  overdue: number;
  /** Findings of the unit and city tables, and warnings about the existing 反馈 sheet. */
  findings: Finding[];
  errors: number;
  warnings: number;
  /** The items as JSON (the same shape as `feedback` on the unit table of `assess rank --json`). */
  json: ReturnType<typeof feedbackJson>;
  snapshot?: Snapshot;
}

/**
 * Write the 反馈 sheet. Throws ActionError NO_UNIT_TABLE when the workbook has no (usable) unit
 * performance table, and FeedbackDateError (engine/feedback) when a date is not a calendar date.
 */
export async function feedbackAction(port: WorkbookPort, policy: Policy, options: FeedbackActionOptions): Promise<FeedbackResult> {
  const analysis = await analyzeWorkbook(port, policy, { kinds: ["unit", "city"] });
  const unit = analysis.context.first("unit");
  const table = unit && analysis.tables.find((t) => t.ref === unit.ref);
  if (!unit || !table || table.scheme?.kind !== "unit") throw new ActionError("NO_UNIT_TABLE", text.noUnitTable);
  if (!table.usable) throw new ActionError("NO_UNIT_TABLE", text.unitTableUnusable(unit.ref.sheet));

  const dates: FeedbackDates = { feedbackDate: options.feedbackDate, today: options.today };
  const existing = await readExistingFeedback(port, analysis.feedback);
  const planned = feedbackSheetOf(table.scheme.outcome, policy, dates, existing);
  const json = feedbackJson(planned.feedback, dates, FEEDBACK_SHEET);
  const snapshot = options.snapshot || options.onSnapshot ? await port.snapshot({ ranges: [], sheets: [FEEDBACK_SHEET] }) : undefined;
  if (snapshot) options.onSnapshot?.(snapshot);
  const [sheet] = await writeSchemeSheets(port, { sheets: [planned.sheet], findings: planned.feedback.findings, feedback: planned.feedback, feedbackJson: json });
  if (snapshot && sheet !== FEEDBACK_SHEET) snapshot.sheets.push({ name: sheet, existed: false });

  const findings = [...analysis.findings, ...planned.feedback.findings];
  return {
    ...feedbackCounts(sheet, planned.feedback),
    sheet,
    units: table.scheme.outcome.rows.length,
    findings,
    ...countSeverities(findings),
    json,
    snapshot,
  };
}
