// The findings list as the pane shows it (issue #12), without the DOM: grouped by kind (one group per
// finding code, errors first), filtered by severity and by table (sheet), paged, and walked with
// 下一个问题 / 上一个. Counts come from the same array as the summary's, so they always agree.
import type { Finding, FindingCode, Severity } from "../engine/types";

export type SeverityFilter = "all" | Severity;

export interface FindingsFilter {
  severity: SeverityFilter;
  /** A sheet name, or null for every table. */
  sheet: string | null;
}

export interface FindingGroup {
  code: FindingCode;
  severity: Severity;
  /** Indexes into the findings array, in order. */
  items: number[];
}

/** How many findings of a group are shown before "show more". */
export const PAGE = 50;

export function countBy(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}

/** The sheets the findings are on, in first-seen order (the table filter's choices). */
export function sheetsOf(findings: readonly Finding[]): string[] {
  const seen = new Set<string>();
  for (const f of findings) if (f.sheet) seen.add(f.sheet);
  return [...seen];
}

export function matches(f: Finding, filter: FindingsFilter): boolean {
  return (filter.severity === "all" || f.severity === filter.severity) && (filter.sheet === null || f.sheet === filter.sheet);
}

/** Groups of the findings that pass the filter: errors before warnings, then by first occurrence. */
export function groupFindings(findings: readonly Finding[], filter: FindingsFilter): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  findings.forEach((f, i) => {
    if (!matches(f, filter)) return;
    const key = `${f.severity}:${f.code}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { code: f.code, severity: f.severity, items: [] }));
    g.items.push(i);
  });
  const all = [...groups.values()];
  return [...all.filter((g) => g.severity === "error"), ...all.filter((g) => g.severity !== "error")];
}

/** A finding the pane can select in the workbook: it names a sheet and a cell or a row. */
export function cellOf(f: Finding): { sheet: string; cell: string } | null {
  if (!f.sheet) return null;
  if (f.cell) return { sheet: f.sheet, cell: f.cell };
  if (f.row) return { sheet: f.sheet, cell: `A${f.row}` };
  return null;
}

/** The order 下一个 walks: the groups' order, navigable findings only. */
export function walkOrder(findings: readonly Finding[], groups: readonly FindingGroup[]): number[] {
  return groups.flatMap((g) => g.items.filter((i) => cellOf(findings[i]) !== null));
}

/** The next (step 1) or previous (step −1) finding after `current` in `order`, wrapping around. */
export function stepThrough(order: readonly number[], current: number | null, step: 1 | -1): number | null {
  if (!order.length) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) return step === 1 ? order[0] : order[order.length - 1];
  return order[(at + step + order.length) % order.length];
}
