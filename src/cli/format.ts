// Human-readable output of the CLI: a compact summary in Chinese and English.
import type { ComputeSummary } from "../actions/computeRanking";
import type { Analysis } from "../actions/analyze";
import type { Policy } from "../engine/policy";
import type { Finding, Message } from "../engine/types";
import { SEVERITY_LABEL } from "../i18n/actions";
import { InsertSampleResult, SAMPLE_NOTES_SHEET } from "../actions/sample";
import { report } from "../i18n/cli";
import { TABLE_KIND_NAMES } from "../i18n/messages";
import { displayWidth } from "../engine/values";

/** Display width: CJK and full-width characters take two columns in a terminal (engine/values.ts). */
export { displayWidth };

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function table(rows: string[][], indent = "  "): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join("  ").trimEnd());
}

const kindName = (kind: string): string => report.kindName(kind, (TABLE_KIND_NAMES as Record<string, Message>)[kind]);

export function policyLine(policy: Policy, sha256: string): string {
  return report.policyLine(policy.name, policy.title.zh, sha256.slice(0, 12));
}

export function findingLines(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [report.noFindings];
  const rows = findings.map((f) => [
    SEVERITY_LABEL[f.severity],
    f.cell ? `${f.sheet ?? ""}!${f.cell}` : f.row ? report.rowOf(f.sheet ?? "", f.row) : (f.sheet ?? ""),
    f.code,
    `${f.message.zh} | ${f.message.en}`,
  ]);
  return table(rows);
}

export function rankSummary(title: string, policy: Policy, sha256: string, summary: ComputeSummary, findings: readonly Finding[]): string {
  const out: string[] = [title, policyLine(policy, sha256)];
  summary.tables.forEach((t, i) => {
    const where = `${t.sheet}!${t.address}${t.name ? report.tableName(t.name) : ""}`;
    const annual = t.kind === "annual" ? report.annualCounts(t.vetoes, t.conflicts) : "";
    out.push(report.table(i + 1, where, kindName(t.kind), t.rows, t.valid, annual, t.written));
    if (t.pools.length) {
      const rows = [report.poolHeaders];
      for (const p of t.pools) rows.push([p.key, String(p.rows), String(p.valid), `${p.excellent} / ${p.quota === null ? "—" : p.quota}`, String(p.vetoes), report.poolFlags(p.tie, p.exceededByAffirmation)]);
      out.push(...table(rows, "    "));
    }
  });
  for (const s of summary.skipped) out.push(report.skipped(`${s.sheet}!${s.address}${s.name ? report.tableName(s.name) : ""}`, s.kind ? kindName(s.kind) : null, skipReason(s.kind)));
  if (summary.schemeSheets.length) out.push(report.resultSheets(summary.schemeSheets));
  const fb = summary.feedback;
  if (fb) out.push(report.feedback(fb.sheet, fb.items, fb.open, fb.done, fb.overdue));
  out.push(report.counts(findings.length, summary.errors, summary.warnings) + (summary.findingsSheet ? report.seeSheet(summary.findingsSheet) : ""));
  out.push(...findingLines(findings));
  return out.join("\n") + "\n";
}

function skipReason(kind: string | null): string {
  return kind === "city" ? report.skipCity : report.skipOther;
}

export function validateSummary(title: string, policy: Policy, sha256: string, analysis: Analysis, errors: number, warnings: number): string {
  const out: string[] = [title, policyLine(policy, sha256)];
  analysis.tables.forEach((t, i) => out.push(report.table(i + 1, `${t.ref.sheet}${t.ref.name ? report.tableName(t.ref.name) : ""}`, kindName(t.kind), t.stats.rows, t.stats.valid, "", true)));
  for (const s of analysis.skipped) out.push(report.skipped(`${s.sheet}${s.name ? report.tableName(s.name) : ""}`, s.kind ? kindName(s.kind) : null, skipReason(s.kind)));
  out.push(report.counts(analysis.findings.length, errors, warnings));
  out.push(...findingLines(analysis.findings));
  return out.join("\n") + "\n";
}

export function policySummary(policy: Policy, sha256: string, source: string): string {
  const w = policy.weights;
  const q = policy.quota;
  const P = report.policy;
  const lines = [
    P.head(policy.name, policy.title.zh, policy.title.en),
    P.source(source),
    `sha256: ${sha256}`,
    P.weights(w),
    P.bands(policy.bands),
    P.quota(q),
    P.ranking(policy.ranking.style, policy.rounding.decimals, policy.rounding.mode),
    P.groups(policy.groups),
    P.units(policy.minping.maxPoints, policy.city.bonusCap, policy.city.deductionCap, policy.performance.mode),
    P.feedback(policy.feedback.rectificationDays, policy.rewards.meritYears, policy.coverage.termYears, policy.coverage.termStart),
    P.grades(policy.grades.team.map((g) => g.zh), policy.grades.cadre.map((g) => g.zh)),
  ];
  return lines.join("\n") + "\n";
}

export function sampleSummary(file: string, result: InsertSampleResult): string {
  const s = result.sample;
  const S = report.sample;
  const out = [S.head(file, s.seed, s.cadres)];
  const rows = s.sheets.map((x, i) => [result.sheets[i], S.rows(x.rows.length), kindName(x.kind)]);
  rows.push([result.sheets[result.sheets.length - 1], S.planted(s.planted.length), ""]);
  out.push(...table(rows));
  const errors = s.planted.filter((p) => p.codes.length).length;
  out.push(S.mustFind(errors, SAMPLE_NOTES_SHEET));
  out.push(S.next(file, s.context.feedbackDate));
  return out.join("\n") + "\n";
}
