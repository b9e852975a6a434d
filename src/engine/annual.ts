// Compute ranking on the annual assessment table (INTERFACES.md §1a): validate every row, then
// composite (POLICY.md §3), grade (§4), excellent quota per pool (§4 step 7) and rank (§5).
import { ANNUAL_COLUMNS, matchColumns } from "./headers";
import { decideGrade, GradeDecision, scaleFor } from "./grade";
import { Policy, prepare, yesNoVocabulary } from "./policy";
import type { WeightedSum } from "./decimal";
import { quotaFor } from "./quota";
import { descendingByKey, rankDescending } from "./rank";
import {
  CellValue,
  CircularLevel,
  COMPONENT_KEYS,
  Finding,
  Highlight,
  Message,
  PoliticalQuality,
  RawTable,
  ReasonCode,
  SubjectKind,
} from "./types";
import { a1, cellText, isBlank, lookupTerm, readNumber, truncate, normalizeText } from "./values";
import { joinMessages, msg, reasonMessage } from "../i18n/messages";

export interface AnnualRowResult {
  /** 0-based index into RawTable.rows. */
  index: number;
  /** Worksheet row number. */
  row: number;
  id: string;
  name: string;
  subject: SubjectKind;
  group: string;
  /** The pool the row is ranked in: one group and one subject kind (units and teams together). */
  pool: string;
  valid: boolean;
  composite: number | null;
  rank: number | null;
  /** Grade name as written in the sheet (Chinese), null for invalid rows. */
  grade: string | null;
  gradeIndex: number | null;
  reasons: ReasonCode[];
  highlight: Highlight | null;
  /** The reason sentences joined; for invalid rows, what is wrong. Empty when the band alone decided. */
  explanation: Message;
  /** Top leader (cadre) — kept for rewards (priority promotion). */
  topLeader: boolean;
  unit: string;
}

export interface PoolSummary {
  key: string;
  group: string;
  kind: "units" | "cadres";
  rows: number;
  valid: number;
  /** Excellent places, null when the quota is off. */
  quota: number | null;
  excellent: number;
  affirmed: number;
  vetoes: number;
  tie: boolean;
  exceededByAffirmation: boolean;
}

export interface AnnualOutcome {
  kind: "annual";
  /** key → 0-based column index of the input columns found. */
  columns: Record<string, number>;
  rows: AnnualRowResult[];
  findings: Finding[];
  pools: PoolSummary[];
}

interface ParsedRow {
  result: AnnualRowResult;
  /** P, D, L, S, B in COMPONENT_KEYS order (NaN where unreadable). */
  scores: number[];
  /** The rounded composite as an integer count of 10^-decimals (exact; used for ordering). */
  units: number;
  decision: GradeDecision | null;
  manualGrade: string | null;
}

const KIND_LABEL = { units: { zh: "班子/单位", en: "teams/units" }, cadres: { zh: "干部", en: "cadres" } };

export function poolKey(group: string, subject: SubjectKind): string {
  return `${group || "—"} · ${subject === "cadre" ? KIND_LABEL.cadres.zh : KIND_LABEL.units.zh}`;
}

export function computeAnnual(table: RawTable, policy: Policy): AnnualOutcome {
  const findings: Finding[] = [];
  const sheet = table.sheet;
  const match = matchColumns(table.headers, ANNUAL_COLUMNS);
  const col = match.columns;
  const cellOf = (i: number, key: string) => (key in col ? a1(table.headerRow + 1 + i, table.firstColumn + col[key]) : undefined);

  for (const key of match.missing) {
    findings.push({ code: "MISSING_COLUMN", severity: "error", sheet, row: table.headerRow, column: key, message: msg.missingColumn(key) });
  }
  for (const d of match.duplicates) {
    const cells = d.indices.map((i) => a1(table.headerRow, table.firstColumn + i));
    findings.push({ code: "DUPLICATE_COLUMN", severity: "error", sheet, row: table.headerRow, cell: cells[1], column: d.key, message: msg.duplicateColumn(d.key, cells) });
  }
  const ctx: RowContext = {
    table,
    policy,
    col,
    cellOf,
    sheet,
    usable: match.missing.length === 0 && match.duplicates.length === 0,
    composite: prepare(policy).composite,
    yesNo: yesNoVocabulary(policy),
    groupsKnown: new Set(policy.groups.map(normalizeText)),
    pools: new Map(),
    tableProblem: joinMessages(findings.map((f) => f.message)),
  };
  const parsed: ParsedRow[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (isBlankRow(cells)) continue; // blank lines inside a block are not rows
    parsed.push(parseRow(ctx, i, cells, findings));
  }

  markDuplicateIds(parsed, findings, sheet, (i) => cellOf(i, "id"));

  // Pools: one group and one subject kind; ranks and quotas never cross pools (POLICY.md §1).
  const pools = new Map<string, ParsedRow[]>();
  for (const p of parsed) {
    const list = pools.get(p.result.pool);
    if (list) list.push(p);
    else pools.set(p.result.pool, [p]);
  }
  const summaries: PoolSummary[] = [];
  for (const [key, members] of pools) {
    const valid = members.filter((p) => p.result.valid);
    const summary = applyQuota(key, valid, policy, findings, sheet);
    rankDescending(valid, (p) => p.units, policy.ranking.style, (p, rank) => (p.result.rank = rank));
    summaries.push({ ...summary, rows: members.length, group: members[0].result.group, kind: members[0].result.subject === "cadre" ? "cadres" : "units" });
  }

  for (const p of parsed) finishRow(p, policy);
  auditManualGrades(parsed, pools, policy, findings, sheet, (i) => cellOf(i, "manualGrade"));

  findings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { kind: "annual", columns: col, rows: parsed.map((p) => p.result), findings, pools: summaries };
}

interface RowContext {
  table: RawTable;
  policy: Policy;
  col: Record<string, number>;
  cellOf: (i: number, key: string) => string | undefined;
  sheet: string | undefined;
  /** False when a required column is missing or doubled: no row can be computed. */
  usable: boolean;
  composite: WeightedSum;
  yesNo: { yes: string[]; no: string[] };
  groupsKnown: Set<string>;
  /** Pool keys by group and kind, so that a million rows share a handful of strings. */
  pools: Map<string, string>;
  /** Why no row can be computed, when the table itself is unusable. */
  tableProblem: Message;
}

const NO_REASONS: readonly ReasonCode[] = Object.freeze([]);
const EMPTY_MESSAGE: Message = Object.freeze({ zh: "", en: "" });
const BLOCKER_NAMES: Partial<Record<ReasonCode, Message>> = {
  VETO: { zh: "一票否决", en: "a one-vote veto" },
  POLITICAL_NOT_SOLID: { zh: "政治素质非“过得硬”", en: "political quality not solid" },
  POLITICAL_FAIL: { zh: "政治素质不合格", en: "political quality unqualified" },
};

function isBlankRow(cells: readonly CellValue[]): boolean {
  for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) return false;
  return true;
}

function poolOf(ctx: RowContext, group: string, subject: SubjectKind): string {
  const k = subject === "cadre" ? `c${group}` : `u${group}`;
  let key = ctx.pools.get(k);
  if (key === undefined) ctx.pools.set(k, (key = poolKey(group, subject)));
  return key;
}

/** Read and check one row (POLICY.md §9), then compute its composite and pre-quota grade. */
function parseRow(ctx: RowContext, i: number, cells: readonly CellValue[], findings: Finding[]): ParsedRow {
  const { col, policy, sheet, cellOf } = ctx;
  const vocab = policy.vocabulary;
  const rowNo = ctx.table.headerRow + 1 + i;
  const get = (key: string): CellValue => {
    const c = col[key];
    return c === undefined ? null : cells[c];
  };
  let errors = 0;
  const report = (code: Finding["code"], key: string, message: Message, severity: Finding["severity"] = "error") => {
    if (severity === "error") errors++;
    findings.push({ code, severity, sheet, row: rowNo, cell: cellOf(i, key), column: key, message });
  };
  const firstFinding = findings.length;

  const id = cellText(get("id"));
  if (ctx.usable && id === "") report("MISSING", "id", msg.missing(cellOf(i, "id"), "id"));

  let subject: SubjectKind = "cadre";
  const sv = get("subject");
  if (!isBlank(sv)) {
    const s = lookupTerm(sv, vocab.subject);
    if (s) subject = s;
    else report("UNKNOWN_VALUE", "subject", msg.unknownValue(cellOf(i, "subject"), "subject", truncate(cellText(sv)), Object.values(vocab.subject).map((t) => t[0])));
  }

  const group = cellText(get("group"));
  if ("group" in col && ctx.usable) {
    if (group === "") report("MISSING", "group", msg.missing(cellOf(i, "group"), "group"));
    else if (!ctx.groupsKnown.has(normalizeText(group))) report("UNKNOWN_GROUP", "group", msg.unknownGroup(cellOf(i, "group"), truncate(group), policy.groups), "warning");
  }

  const readYesNo = (key: string): boolean => {
    const v = get(key);
    if (isBlank(v)) return false;
    const t = lookupTerm(v, ctx.yesNo);
    if (t === undefined) report("UNKNOWN_VALUE", key, msg.unknownValue(cellOf(i, key), key, truncate(cellText(v)), [vocab.yes[0], vocab.no[0]]));
    return t === "yes";
  };
  const topLeader = readYesNo("topLeader");
  const incentive = readYesNo("incentive");

  const scores = [NaN, NaN, NaN, NaN, NaN];
  for (let k = 0; k < COMPONENT_KEYS.length; k++) {
    const key = COMPONENT_KEYS[k];
    if (col[key] === undefined) continue;
    const r = readNumber(get(key));
    if (r.ok) {
      if (r.value < 0 || r.value > 100) report("OUT_OF_RANGE", key, msg.outOfRange(cellOf(i, key), key, r.value, 0, 100));
      scores[k] = r.value;
    } else if (r.reason === "blank") report("MISSING", key, msg.missing(cellOf(i, key), key));
    else report("NOT_A_NUMBER", key, msg.notANumber(cellOf(i, key), key, r.shown));
  }

  let political: PoliticalQuality = "solid";
  if (col.political !== undefined) {
    const v = get("political");
    if (isBlank(v)) report("MISSING", "political", msg.missing(cellOf(i, "political"), "political"));
    else {
      const p = lookupTerm(v, vocab.political);
      if (p) political = p;
      else report("UNKNOWN_VALUE", "political", msg.unknownValue(cellOf(i, "political"), "political", truncate(cellText(v)), Object.values(vocab.political).map((t) => t[0])));
    }
  }

  let circular: CircularLevel = "none";
  const cv = get("circular");
  if (!isBlank(cv)) {
    const c = lookupTerm(cv, vocab.circular);
    if (c) circular = c;
    else report("UNKNOWN_VALUE", "circular", msg.unknownValue(cellOf(i, "circular"), "circular", truncate(cellText(cv)), [...vocab.circular.none.slice(0, 1), ...vocab.circular.belowDistrict.slice(0, 1), ...vocab.circular.veto.slice(0, 5)]));
  }

  const mg = get("manualGrade");
  const manualGrade = isBlank(mg) ? null : cellText(mg);

  const valid = ctx.usable && errors === 0;
  let compositeValue: number | null = null;
  let units = 0;
  let decision: GradeDecision | null = null;
  if (valid) {
    units = ctx.composite.units(scores);
    compositeValue = units / 10 ** policy.rounding.decimals;
    decision = decideGrade({ composite: compositeValue, political, circular, incentive, topLeader, subject }, policy);
    if (decision.affirmNotTopLeader) report("AFFIRM_NOT_TOP_LEADER", "incentive", msg.affirmNotTopLeader(cellOf(i, "incentive")), "warning");
    if (decision.conflict) {
      const names = decision.reasons.map((r) => BLOCKER_NAMES[r]).filter((n): n is Message => n !== undefined);
      report("AFFIRM_VETO_CONFLICT", "incentive", msg.affirmVetoConflict(rowNo, { zh: names.map((n) => n.zh).join("、"), en: names.map((n) => n.en).join(" and ") }), "warning");
    }
  }
  return {
    scores,
    units,
    decision,
    manualGrade,
    result: {
      index: i,
      row: rowNo,
      id,
      name: cellText(get("name")),
      subject,
      group,
      pool: poolOf(ctx, group, subject),
      valid,
      composite: compositeValue,
      rank: null,
      grade: null,
      gradeIndex: decision ? decision.gradeIndex : null,
      reasons: decision ? (decision.reasons.length ? [...decision.reasons] : (NO_REASONS as ReasonCode[])) : ["INVALID"],
      highlight: null,
      explanation: valid ? EMPTY_MESSAGE : ctx.usable ? joinMessages(findings.slice(firstFinding).filter((f) => f.severity === "error").map((f) => f.message)) : ctx.tableProblem,
      topLeader,
      unit: cellText(get("unit")),
    },
  };
}

/** DUPLICATE_ID: every occurrence of a repeated ID is reported and left uncomputed. */
function markDuplicateIds(parsed: ParsedRow[], findings: Finding[], sheet: string | undefined, cellOf: (i: number) => string | undefined) {
  const first = new Map<string, ParsedRow>();
  const repeated = new Map<string, ParsedRow[]>();
  for (const p of parsed) {
    if (p.result.id === "") continue;
    const k = normalizeText(p.result.id);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, p);
    else {
      const list = repeated.get(k);
      if (list) list.push(p);
      else repeated.set(k, [seen, p]);
    }
  }
  for (const [, list] of repeated) {
    const rows = list.map((p) => p.result.row);
    for (const p of list) {
      const f: Finding = { code: "DUPLICATE_ID", severity: "error", sheet, row: p.result.row, cell: cellOf(p.result.index), column: "id", message: msg.duplicateId(cellOf(p.result.index), truncate(p.result.id), rows) };
      findings.push(f);
      invalidate(p, f.message);
    }
  }
}

function invalidate(p: ParsedRow, why: Message) {
  const r = p.result;
  r.explanation = r.valid ? why : joinMessages([r.explanation, why]);
  r.valid = false;
  r.composite = null;
  r.gradeIndex = null;
  r.reasons = ["INVALID"];
  p.decision = null;
}

type QuotaSummary = Omit<PoolSummary, "rows" | "group" | "kind">;

/** POLICY.md §4 step 7: the excellent quota within one pool, affirmed rows first, exact ties held back. */
function applyQuota(key: string, valid: ParsedRow[], policy: Policy, findings: Finding[], sheet: string | undefined): QuotaSummary {
  const q = policy.quota;
  const summary: QuotaSummary = {
    key,
    valid: valid.length,
    quota: null,
    excellent: 0,
    affirmed: 0,
    vetoes: valid.filter((p) => p.decision!.vetoed).length,
    tie: false,
    exceededByAffirmation: false,
  };
  const candidates = valid.filter((p) => p.decision!.gradeIndex === 0);
  const affirmed = candidates.filter((p) => p.decision!.affirmed);
  summary.affirmed = affirmed.length;
  if (!q.enabled || valid.length === 0) {
    summary.excellent = candidates.length;
    return summary;
  }
  const quota = quotaFor(valid.length, policy);
  summary.quota = quota;
  const hold = (p: ParsedRow, reason: ReasonCode) => {
    p.decision!.gradeIndex = 1;
    p.result.gradeIndex = 1;
    p.result.reasons = [...p.result.reasons, reason];
  };
  if (affirmed.length > quota) {
    summary.exceededByAffirmation = true;
    findings.push({ code: "QUOTA_EXCEEDED_BY_AFFIRMATION", severity: "warning", sheet, pool: key, row: affirmed[0].result.row, message: msg.quotaExceeded(key, affirmed.length, quota) });
  }
  const places = Math.max(0, quota - affirmed.length);
  const others = candidates.filter((p) => !p.decision!.affirmed);
  const keys = q.tieBreak.map((k) => COMPONENT_KEYS.indexOf(k));
  // Descending by composite, then by the tie-break components.
  const compare = (a: ParsedRow, b: ParsedRow): number => {
    const d = b.units - a.units;
    if (d !== 0) return d;
    for (const k of keys) {
      const e = b.scores[k] - a.scores[k];
      if (e !== 0) return e;
    }
    return 0;
  };
  sortByComposite(others, compare);
  let admitted = Math.min(places, others.length);
  if (places > 0 && others.length > places && compare(others[places - 1], others[places]) === 0) {
    // Rows tied exactly at the boundary: all held back for a human decision (QUOTA_TIE).
    let start = places - 1;
    while (start > 0 && compare(others[start - 1], others[places]) === 0) start--;
    let end = places;
    while (end + 1 < others.length && compare(others[end + 1], others[places]) === 0) end++;
    admitted = start;
    const tied = others.slice(start, end + 1);
    for (const p of tied) hold(p, "QUOTA_TIE");
    summary.tie = true;
    findings.push({ code: "QUOTA_TIE", severity: "warning", sheet, pool: key, row: tied[0].result.row, message: msg.quotaTie(key, tied.map((p) => p.result.row), places - start) });
    for (const p of others.slice(end + 1)) hold(p, "QUOTA");
  } else {
    for (const p of others.slice(admitted)) hold(p, "QUOTA");
  }
  summary.excellent = affirmed.length + admitted;
  return summary;
}

/**
 * Sort 优秀 candidates by composite, then tie-break keys, then row. Candidates are bucketed by their
 * integer composite in linear time; only runs of equal composites are sorted by the keys.
 */
function sortByComposite(rows: ParsedRow[], compare: (a: ParsedRow, b: ParsedRow) => number): void {
  const ordered = descendingByKey(rows, (p) => p.units);
  for (let start = 0; start < ordered.length; ) {
    let end = start + 1;
    while (end < ordered.length && ordered[end].units === ordered[start].units) end++;
    if (end - start > 1) {
      const run = ordered.slice(start, end).sort((a, b) => compare(a, b) || a.result.index - b.result.index);
      for (let k = 0; k < run.length; k++) ordered[start + k] = run[k];
    }
    start = end;
  }
  for (let k = 0; k < ordered.length; k++) rows[k] = ordered[k];
}

/** Grade name, highlight class and explanation once every rule has run. */
function finishRow(p: ParsedRow, policy: Policy) {
  const r = p.result;
  if (!r.valid || !p.decision) {
    r.highlight = "invalid";
    r.reasons = ["INVALID"];
    return;
  }
  const scale = scaleFor(r.subject, policy);
  const grade = scale[r.gradeIndex as number];
  r.grade = grade.zh;
  r.highlight = p.decision.vetoed
    ? "veto"
    : r.reasons.includes("QUOTA") || r.reasons.includes("QUOTA_TIE")
      ? "quota"
      : p.decision.affirmed
        ? "affirmed"
        : null;
  if (r.reasons.length) r.explanation = joinMessages(r.reasons.map((code) => reasonMessage(code, grade)));
}

/** MANUAL_GRADE_CONFLICT: a grade typed by hand (拟定等次) is audited against the rules. */
function auditManualGrades(parsed: ParsedRow[], pools: Map<string, ParsedRow[]>, policy: Policy, findings: Finding[], sheet: string | undefined, cellOf: (i: number) => string | undefined) {
  const scaleNames = (subject: SubjectKind) => scaleFor(subject, policy);
  const manualIndex = (p: ParsedRow): number => {
    const key = normalizeText(p.manualGrade as string);
    return scaleNames(p.result.subject).findIndex((g) => normalizeText(g.zh) === key || normalizeText(g.en) === key);
  };
  for (const p of parsed) {
    if (p.manualGrade === null) continue;
    const r = p.result;
    const mi = manualIndex(p);
    if (mi < 0) {
      findings.push({ code: "UNKNOWN_VALUE", severity: "error", sheet, row: r.row, cell: cellOf(p.result.index), column: "manualGrade", message: msg.unknownValue(cellOf(p.result.index), "manualGrade", truncate(p.manualGrade), scaleNames(r.subject).map((g) => g.zh)) });
      continue;
    }
    if (!r.valid || r.gradeIndex === null) continue; // the row's own findings come first
    const tieChoice = r.reasons.includes("QUOTA_TIE") && mi <= 1; // a human decides ties
    if (mi === r.gradeIndex || tieChoice) continue;
    const why = r.explanation.zh ? r.explanation : { zh: `按综合得分 ${r.composite} 应评为${r.grade}。`, en: `A composite of ${r.composite} gives ${scaleNames(r.subject)[r.gradeIndex].en}.` };
    findings.push({ code: "MANUAL_GRADE_CONFLICT", severity: "error", sheet, row: r.row, cell: cellOf(p.result.index), column: "manualGrade", message: msg.manualGradeConflict(cellOf(p.result.index), p.manualGrade, r.grade, why) });
  }
  // Tied rows may each be typed 优秀 or the second grade, but together not beyond the places left.
  for (const [key, members] of pools) {
    const tied = members.filter((p) => p.result.reasons.includes("QUOTA_TIE"));
    if (!tied.length) continue;
    const excellentOutside = members.filter((p) => p.result.valid && p.result.gradeIndex === 0).length;
    const quota = quotaFor(members.filter((p) => p.result.valid).length, policy);
    const left = Math.max(0, quota - excellentOutside);
    const typedExcellent = tied.filter((p) => p.manualGrade !== null && manualIndex(p) === 0);
    if (typedExcellent.length <= left) continue;
    for (const p of typedExcellent) {
      const why = { zh: `${key}并列行手工评为优秀的人数（${typedExcellent.length}）超过剩余名额（${left}）。`, en: `${key}: ${typedExcellent.length} tied rows typed 优秀 exceed the ${left} place(s) left.` };
      findings.push({ code: "MANUAL_GRADE_CONFLICT", severity: "error", sheet, row: p.result.row, cell: cellOf(p.result.index), column: "manualGrade", message: msg.manualGradeConflict(cellOf(p.result.index), p.manualGrade as string, p.result.grade, why) });
    }
  }
}
