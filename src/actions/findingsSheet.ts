// The 校验结果 sheet: one row per finding, Chinese and English side by side.
import type { CellValue, Finding } from "../engine/types";
import { FINDINGS_HEADERS, SEVERITY_LABEL, text } from "../i18n/actions";

export function findingsSheetRows(findings: readonly Finding[]): CellValue[][] {
  const rows: CellValue[][] = [FINDINGS_HEADERS.slice()];
  for (const f of findings) {
    rows.push([f.code, SEVERITY_LABEL[f.severity], f.sheet ?? null, f.row ?? null, f.cell ?? null, f.message.zh, f.message.en]);
  }
  if (findings.length === 0) rows.push(["OK", null, null, null, null, text.noFindings.zh, text.noFindings.en]);
  return rows;
}
