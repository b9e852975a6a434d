// Human-readable output of the CLI: a compact summary in Chinese and English.
import type { ComputeSummary } from "../actions/computeRanking";
import type { Analysis } from "../actions/analyze";
import type { Policy } from "../engine/policy";
import type { Finding } from "../engine/types";
import { SEVERITY_LABEL } from "../i18n/actions";
import type { InsertSampleResult } from "../actions/sample";

/** Display width: CJK and full-width characters take two columns in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function table(rows: string[][], indent = "  "): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join("  ").trimEnd());
}

const KIND_NAME: Record<string, string> = {
  annual: "年度考核 annual",
  unit: "单位绩效 unit",
  city: "市考指标 city",
  history: "历年等次 history",
  examination: "政治建设考察 examination",
  feedback: "反馈 feedback",
  survey: "民意调查问卷 survey",
  ballots: "民主测评票 ballots",
};

export function policyLine(policy: Policy, sha256: string): string {
  return `政策 Policy: ${policy.name}（${policy.title.zh}）sha256 ${sha256.slice(0, 12)}…`;
}

export function findingLines(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ["  通过：未发现问题。 Passed: no findings."];
  const rows = findings.map((f) => [
    SEVERITY_LABEL[f.severity],
    f.cell ? `${f.sheet ?? ""}!${f.cell}` : f.row ? `${f.sheet ?? ""} 行 row ${f.row}` : (f.sheet ?? ""),
    f.code,
    `${f.message.zh} | ${f.message.en}`,
  ]);
  return table(rows);
}

function countLine(errors: number, warnings: number, findings: number): string {
  return `发现 Findings: ${findings}（${errors} 错误 error${errors === 1 ? "" : "s"}，${warnings} 警告 warning${warnings === 1 ? "" : "s"}）`;
}

export function rankSummary(title: string, policy: Policy, sha256: string, summary: ComputeSummary, findings: readonly Finding[]): string {
  const out: string[] = [title, policyLine(policy, sha256)];
  summary.tables.forEach((t, i) => {
    const where = `${t.sheet}!${t.address}${t.name ? `（表 ${t.name}）` : ""}`;
    const annual = t.kind === "annual" ? `，${t.vetoes} 否决 veto${t.vetoes === 1 ? "" : "es"}，${t.conflicts} 冲突 conflict${t.conflicts === 1 ? "" : "s"}` : "";
    out.push(`表格 Table ${i + 1}: ${where} ${KIND_NAME[t.kind] ?? t.kind} — ${t.rows} 行 rows，${t.valid} 有效 valid${annual}${t.written ? "" : "；未写入结果 results not written"}`);
    if (t.pools.length) {
      const rows = [["分组 Pool", "行 rows", "有效 valid", "优秀/名额 excellent/quota", "否决 vetoes", ""]];
      for (const p of t.pools) {
        const flags = [p.tie ? "并列待定 tie" : "", p.exceededByAffirmation ? "肯定超额 affirmed over quota" : ""].filter(Boolean).join("，");
        rows.push([p.key, String(p.rows), String(p.valid), `${p.excellent} / ${p.quota === null ? "—" : p.quota}`, String(p.vetoes), flags]);
      }
      out.push(...table(rows, "    "));
    }
  });
  for (const s of summary.skipped) out.push(`跳过 Skipped: ${s.sheet}!${s.address}${s.name ? `（表 ${s.name}）` : ""} ${s.kind ? KIND_NAME[s.kind] : "未识别 unrecognised"}（${skipReason(s.kind)}）`);
  if (summary.schemeSheets.length) out.push(`结果工作表 Result sheets: ${summary.schemeSheets.join("、")}`);
  const fb = summary.feedback;
  if (fb) out.push(`反馈 Feedback（${fb.sheet}）: ${fb.items} 项扣分 deduction item${fb.items === 1 ? "" : "s"}，${fb.open} 待整改 open，${fb.done} 已整改 done，${fb.overdue} 逾期 overdue`);
  out.push(countLine(summary.errors, summary.warnings, findings.length) + (summary.findingsSheet ? `，见工作表 see sheet “${summary.findingsSheet}”` : ""));
  out.push(...findingLines(findings));
  return out.join("\n") + "\n";
}

function skipReason(kind: string | null): string {
  if (kind === "city") return "没有单位绩效表，或不是第一个市考指标表 no unit table, or not the first city table";
  return "未计算 not computed";
}

export function validateSummary(title: string, policy: Policy, sha256: string, analysis: Analysis, errors: number, warnings: number): string {
  const out: string[] = [title, policyLine(policy, sha256)];
  analysis.tables.forEach((t, i) => out.push(`表格 Table ${i + 1}: ${t.ref.sheet}${t.ref.name ? `（表 ${t.ref.name}）` : ""} ${KIND_NAME[t.kind]} — ${t.stats.rows} 行 rows，${t.stats.valid} 有效 valid`));
  for (const s of analysis.skipped) out.push(`跳过 Skipped: ${s.sheet}${s.name ? `（表 ${s.name}）` : ""} ${s.kind ? KIND_NAME[s.kind] : "未识别 unrecognised"}（${skipReason(s.kind)}）`);
  out.push(countLine(errors, warnings, analysis.findings.length));
  out.push(...findingLines(analysis.findings));
  return out.join("\n") + "\n";
}

export function policySummary(policy: Policy, sha256: string, source: string): string {
  const w = policy.weights;
  const q = policy.quota;
  const lines = [
    `政策 Policy: ${policy.name} — ${policy.title.zh} / ${policy.title.en}`,
    `来源 Source: ${source}`,
    `sha256: ${sha256}`,
    `权重 Weights: 绩效考核 P ${w.P} · 民主测评 D ${w.D} · 领导评价 L ${w.L} · 民意调查 S ${w.S} · 党建成效 B ${w.B}`,
    `分数线 Bands: 优秀 ≥ ${policy.bands[0]} · 第二等次 second ≥ ${policy.bands[1]} · 第三等次 third ≥ ${policy.bands[2]}`,
    `优秀名额 Quota: ${q.enabled ? `${q.ratio * 100}%，${q.rounding}，至少 min ${q.minimum}，并列比较 tie-break ${q.tieBreak.join(", ") || "—"}` : "关闭 off"}`,
    `排名 Ranking: ${policy.ranking.style} · 保留 ${policy.rounding.decimals} 位小数 decimals (${policy.rounding.mode})`,
    `分组 Groups: ${policy.groups.join("、")}`,
    `单位绩效 Units: 民评 ${policy.minping.maxPoints} 分 points · 市考加扣分上限 city caps +${policy.city.bonusCap} / −${policy.city.deductionCap} · P ${policy.performance.mode}`,
    `反馈 Feedback: 整改期限 ${policy.feedback.rectificationDays} 天 days · 三等功 merit ${policy.rewards.meritYears} 年 years · 届期 term ${policy.coverage.termYears} 年 years from ${policy.coverage.termStart}`,
    `等次 Grades: 班子/单位 teams ${policy.grades.team.map((g) => g.zh).join("/")} · 干部 cadres ${policy.grades.cadre.map((g) => g.zh).join("/")}`,
  ];
  return lines.join("\n") + "\n";
}

export function sampleSummary(file: string, result: InsertSampleResult): string {
  const s = result.sample;
  const out = [`考核助手 ASSESS — 示例工作簿 sample: ${file}（随机种子 seed ${s.seed}，${s.cadres} 名干部 cadres）`];
  const rows = s.sheets.map((x, i) => [result.sheets[i], `${x.rows.length} 行 rows`, KIND_NAME[x.kind] ?? x.kind]);
  rows.push([result.sheets[result.sheets.length - 1], `${s.planted.length} 个示例情况 planted cases`, ""]);
  out.push(...table(rows));
  const errors = s.planted.filter((p) => p.codes.length).length;
  out.push(`其中 ${errors} 处应报告校验问题（见“示例说明”）。 ${errors} of them must give findings (see 示例说明).`);
  out.push(`下一步 Next: assess rank ${file} --out assess-ranked.xlsx --feedback-date ${s.context.feedbackDate}`);
  return out.join("\n") + "\n";
}
