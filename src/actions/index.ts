// The user's verbs, written once against the WorkbookPort (DESIGN.md). No exceljs, no Office.js.
export { computeRanking } from "./computeRanking";
export type { ComputeOptions, ComputeResult, ComputeSummary, TableSummary } from "./computeRanking";
export { validateWorkbook } from "./validate";
export type { ValidateOptions, ValidateResult } from "./validate";
export { analyzeWorkbook } from "./analyze";
export type { Analysis } from "./analyze";
export { ActionError } from "./errors";
export { buildReport, jsonFinding } from "./report";
export type { JsonReport, JsonTable, JsonFinding } from "./report";
export { planResultColumns, headerLanguage } from "./layout";
export { FINDINGS_SHEET, FINDINGS_HEADERS } from "./text";
