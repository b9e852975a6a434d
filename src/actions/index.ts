// The user's verbs, written once against the WorkbookPort (DESIGN.md). No exceljs, no Office.js.
export { computeRanking } from "./computeRanking";
export { resultConflicts } from "./computeRanking";
export type { ComputeOptions, ComputeResult, ComputeSummary, TableSummary, ResultConflict, OwnResults } from "./computeRanking";
export { validateWorkbook } from "./validate";
export type { ValidateOptions, ValidateResult } from "./validate";
export { analyzeWorkbook } from "./analyze";
export type { Analysis } from "./analyze";
export { ActionError } from "./errors";
export { buildReport, jsonFinding } from "./report";
export type { JsonReport, JsonTable, JsonFinding } from "./report";
export { planResultColumns, headerLanguage } from "./layout";
export { FINDINGS_SHEET, FINDINGS_HEADERS } from "../i18n/actions";
export { feedbackAction } from "./feedback";
export type { FeedbackActionOptions, FeedbackResult } from "./feedback";
export { insertSample, SAMPLE_NOTES_SHEET } from "./sample";
export type { InsertSampleOptions, InsertSampleResult } from "./sample";
export { REWARDS_SHEET, COVERAGE_SHEET, FEEDBACK_SHEET } from "./schemeSheets";
export type { FeedbackDates, FeedbackCounts } from "./schemeSheets";
