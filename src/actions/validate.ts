// 校验 Validate (INTERFACES.md §3): every finding of every computed table, at once; writes nothing
// except, when asked, the 校验结果 sheet.
import type { Policy } from "../engine/policy";
import type { Finding } from "../engine/types";
import type { WorkbookPort } from "../workbook/port";
import { Analysis, analyzeWorkbook, countSeverities, noTableError } from "./analyze";
import { findingsSheetRows } from "./findingsSheet";
import { FINDINGS_SHEET, FINDINGS_WIDTHS } from "../i18n/actions";

export interface ValidateOptions {
  /** Also write the findings to the 校验结果 sheet (default false). */
  findingsSheet?: boolean;
  /** Validate the annual table as computeRanking would with its blank P cells taken from the unit totals. */
  fillPerformance?: boolean;
  /** … with the unit table's blank indices taken from the survey answers. */
  fillSurvey?: boolean;
  /** … with the annual table's blank 民主测评 cells taken from the ballots. */
  fillBallots?: boolean;
}

export interface ValidateResult {
  analysis: Analysis;
  findings: Finding[];
  errors: number;
  warnings: number;
  findingsSheet: string | null;
}

export async function validateWorkbook(port: WorkbookPort, policy: Policy, options: ValidateOptions = {}): Promise<ValidateResult> {
  const analysis = await analyzeWorkbook(port, policy, { fillPerformance: options.fillPerformance, fillSurvey: options.fillSurvey, fillBallots: options.fillBallots });
  if (!analysis.tables.length) throw await noTableError(port);
  const findingsSheet = options.findingsSheet
    ? await port.addSheet(FINDINGS_SHEET, findingsSheetRows(analysis.findings), { columnWidths: FINDINGS_WIDTHS, headerRows: 1 })
    : null;
  return { analysis, findings: analysis.findings, ...countSeverities(analysis.findings), findingsSheet };
}
