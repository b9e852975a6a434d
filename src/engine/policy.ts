// The policy as data (INTERFACES.md §1e). Every "(default)" of POLICY.md is a setting here, not a
// constant in code. A policy is validated where it is loaded, and every mistake is a POLICY_INVALID
// (or WEIGHTS_SUM) finding that names the setting and says what is wrong.
import defaultDocument from "./policies/suxian-2023.json";
import { parseWeight, Weight, weightSum, weightsSumToOne, WeightedSum } from "./decimal";
import { Finding, Message, COMPONENT_KEYS, ComponentKey } from "./types";
import { msg } from "../i18n/messages";
import { normalizeText } from "./values";

export type WeightValue = number | string;
/** The four ballot choices 好 / 较好 / 一般 / 差 (POLICY.md §3). */
export type BallotChoice = "good" | "fairlyGood" | "average" | "poor";
export const BALLOT_CHOICES: readonly BallotChoice[] = ["good", "fairlyGood", "average", "poor"];
/** The survey indices 幸福感 H, 满意度 S, 安全感 A (POLICY.md §2). */
export type SurveyIndexKey = "H" | "S" | "A";
export const SURVEY_INDEX_KEYS: readonly SurveyIndexKey[] = ["H", "S", "A"];
/** One answer level of a survey index: its worth on 0–100 and its spellings. */
export interface SurveyLevel {
  points: number;
  words: string[];
}
export type QuotaRounding = "half-up" | "floor" | "ceil";
export type RankingStyle = "competition" | "dense";

export interface GradeName {
  zh: string;
  en: string;
}

export interface PolicyDocument {
  name: string;
  title: Message;
  weights: Record<ComponentKey, WeightValue>;
  performance: { mode: "as-is" | "convert" };
  rounding: { decimals: number; mode: "half-up" };
  minping: { maxPoints: number; weights: { H: WeightValue; S: WeightValue; A: WeightValue } };
  /** Ballots (POLICY.md §3, §11): the weight of each choice, its spellings, and the spellings of an abstention. */
  democratic: { weights: Record<BallotChoice, number>; choices: Record<BallotChoice, string[]>; abstain: string[] };
  /** Raw survey answers (POLICY.md §11): each index's levels best first, the no-answer words, the small-sample threshold. */
  survey: { levels: Record<SurveyIndexKey, SurveyLevel[]>; noAnswer: string[]; smallSample: number };
  grades: { team: GradeName[]; cadre: GradeName[] };
  bands: number[];
  quota: { enabled: boolean; ratio: number; rounding: QuotaRounding; minimum: number; tieBreak: ComponentKey[] };
  ranking: { style: RankingStyle };
  groups: string[];
  vocabulary: {
    political: { solid: string[]; qualified: string[]; unqualified: string[] };
    circular: { none: string[]; belowDistrict: string[]; veto: string[] };
    yes: string[];
    no: string[];
    subject: { team: string[]; cadre: string[]; unit: string[] };
  };
  city: { outcomes: Record<string, number>; bonusCap: number; deductionCap: number };
  feedback: { rectificationDays: number };
  rewards: { meritYears: number; tenureReductionPerExcellentYear: number; tenureFloor: number };
  /** Party-committee terms (POLICY.md §7): their length, and the first year of one term (2021 for 2021–2025); terms follow each other from it. */
  coverage: { termYears: number; termStart: number };
}

/** A policy that passed validation. */
export type Policy = PolicyDocument & { readonly __validated: true };

export const DEFAULT_POLICY_DOCUMENT: PolicyDocument = defaultDocument as PolicyDocument;

export class PolicyError extends Error {
  constructor(public readonly findings: Finding[]) {
    super(findings.map((f) => f.message.en).join(" "));
    this.name = "PolicyError";
  }
}

export interface PolicyLoad {
  policy: Policy | null;
  findings: Finding[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * Lay a partial policy over the default. Objects merge key by key; arrays and scalars replace.
 * Keys the default does not have are reported (a typo like "wieghts" must not pass silently),
 * except inside the open maps city.outcomes.
 */
function overlay(base: unknown, over: unknown, path: string, findings: Finding[]): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return clone(over);
  const out: Record<string, unknown> = clone(base);
  for (const [k, v] of Object.entries(over)) {
    const p = path ? `${path}.${k}` : k;
    if (path === "city.outcomes") {
      out[k] = v;
    } else if (!(k in base)) {
      if (k.startsWith("$") || k === "description") continue; // "$schema", comments
      findings.push(invalid(p, "未知的设置项（是否拼写有误？）", "unknown setting (a typo?)"));
    } else {
      out[k] = overlay(base[k], v, p, findings);
    }
  }
  if (path === "city.outcomes" && isPlainObject(over)) return clone(over);
  return out;
}

function invalid(path: string, zh: string, en: string): Finding {
  return { code: "POLICY_INVALID", severity: "error", column: path, message: msg.policyInvalid(path, zh, en) };
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Validate a complete policy document; returns every problem at once. */
export function validatePolicyDocument(doc: PolicyDocument): Finding[] {
  const f: Finding[] = [];
  const need = (ok: boolean, path: string, zh: string, en: string) => {
    if (!ok) f.push(invalid(path, zh, en));
    return ok;
  };

  need(typeof doc.name === "string" && doc.name.trim() !== "", "name", "名称不能为空", "name must be a non-empty text");

  // Composite and 民评 weights: exact sums, never normalised (POLICY.md §3).
  const checkWeights = (obj: unknown, keys: string[], path: string, label: Message) => {
    if (!need(isPlainObject(obj), path, "必须是对象", "must be an object")) return;
    const ws: Weight[] = [];
    for (const k of keys) {
      const w = parseWeight((obj as Record<string, unknown>)[k]);
      if (!need(w !== null, `${path}.${k}`, "必须是数字、百分数或分数（如 0.6、60%、1/3）", "must be a number, percentage or fraction (0.6, 60%, 1/3)")) return;
      if (!need(!w!.num.lt(0), `${path}.${k}`, "不能为负数", "must not be negative")) return;
      ws.push(w!);
    }
    for (const k of Object.keys(obj as object)) {
      need(keys.includes(k), `${path}.${k}`, "未知的权重项", "unknown weight");
    }
    if (!weightsSumToOne(ws)) {
      const sum = weightSum(ws).times(100).round(6).toString();
      f.push({ code: "WEIGHTS_SUM", severity: "error", column: path, message: msg.weightsSum(label, `${sum}%`) });
    }
  };
  checkWeights(doc.weights, [...COMPONENT_KEYS], "weights", { zh: "综合得分", en: "composite" });
  checkWeights(doc.minping?.weights, ["H", "S", "A"], "minping.weights", { zh: "民评", en: "public-evaluation (民评)" });

  need(["as-is", "convert"].includes(doc.performance?.mode), "performance.mode", "只能是 as-is 或 convert", 'must be "as-is" or "convert"');
  need(
    Number.isInteger(doc.rounding?.decimals) && doc.rounding.decimals >= 0 && doc.rounding.decimals <= 6,
    "rounding.decimals",
    "必须是 0–6 的整数",
    "must be a whole number from 0 to 6",
  );
  need(doc.rounding?.mode === "half-up", "rounding.mode", "只支持 half-up（四舍五入）", 'only "half-up" (四舍五入) is supported');
  need(isNum(doc.minping?.maxPoints) && doc.minping.maxPoints > 0, "minping.maxPoints", "必须是正数", "must be a positive number");

  const dw = doc.democratic?.weights;
  if (need(isPlainObject(dw), "democratic.weights", "必须是对象", "must be an object")) {
    for (const k of BALLOT_CHOICES) {
      need(isNum(dw[k]) && dw[k] >= 0 && dw[k] <= 100, `democratic.weights.${k}`, "必须是 0–100 的数", "must be a number from 0 to 100");
    }
  }
  // The ballot words (POLICY.md §11): four choices and the abstentions, no spelling in two of them.
  const words = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === "string" && t.trim() !== "");
  const noOverlap = (lists: [string, string[]][]) => {
    const seen = new Map<string, string>();
    for (const [path, terms] of lists)
      for (const t of terms) {
        const k = normalizeText(t);
        const prev = seen.get(k);
        need(prev === undefined || prev === path, path, `“${t}”同时出现在 ${prev} 中`, `"${t}" also appears under ${prev}`);
        seen.set(k, path);
      }
  };
  const dc = doc.democratic?.choices;
  if (need(isPlainObject(dc), "democratic.choices", "必须是对象", "must be an object")) {
    const lists: [string, string[]][] = [];
    for (const k of BALLOT_CHOICES)
      if (need(words(dc[k]) && dc[k].length > 0, `democratic.choices.${k}`, "必须是至少一个写法的文字列表", "must be a list of at least one spelling")) lists.push([`democratic.choices.${k}`, dc[k]]);
    for (const k of Object.keys(dc)) need((BALLOT_CHOICES as readonly string[]).includes(k), `democratic.choices.${k}`, "未知的评价档次", "unknown choice");
    if (need(words(doc.democratic.abstain), "democratic.abstain", "必须是文字列表", "must be a list of texts")) lists.push(["democratic.abstain", doc.democratic.abstain]);
    noOverlap(lists);
  }
  const sv = doc.survey;
  if (need(isPlainObject(sv), "survey", "必须是对象", "must be an object")) {
    const noAnswerOk = need(words(sv.noAnswer), "survey.noAnswer", "必须是文字列表", "must be a list of texts");
    if (need(isPlainObject(sv.levels), "survey.levels", "必须是对象", "must be an object")) {
      for (const k of Object.keys(sv.levels)) need((SURVEY_INDEX_KEYS as readonly string[]).includes(k), `survey.levels.${k}`, "未知的指数（只能是 H、S、A）", "unknown index (only H, S, A)");
      for (const k of SURVEY_INDEX_KEYS) {
        const levels = sv.levels[k];
        const path = `survey.levels.${k}`;
        if (!need(Array.isArray(levels) && levels.length > 0, path, "必须是至少一档的列表", "must be a list of at least one level")) continue;
        const lists: [string, string[]][] = noAnswerOk ? [["survey.noAnswer", sv.noAnswer]] : [];
        levels.forEach((l, i) => {
          const p = `${path}.${i}`;
          if (!need(isPlainObject(l), p, "必须是 { points, words } 对象", "must be an object { points, words }")) return;
          need(isNum(l.points) && l.points >= 0 && l.points <= 100, `${p}.points`, "必须是 0–100 的数", "must be a number from 0 to 100");
          if (need(words(l.words) && l.words.length > 0, `${p}.words`, "必须是至少一个写法的文字列表", "must be a list of at least one spelling")) lists.push([`${p}.words`, l.words]);
        });
        noOverlap(lists);
      }
    }
    need(Number.isInteger(sv.smallSample) && sv.smallSample >= 0, "survey.smallSample", "必须是非负整数", "must be a whole number ≥ 0");
  }

  for (const kind of ["team", "cadre"] as const) {
    const g = doc.grades?.[kind];
    const ok =
      Array.isArray(g) &&
      g.length === 4 &&
      g.every((x) => isPlainObject(x) && typeof x.zh === "string" && x.zh.trim() !== "" && typeof x.en === "string");
    if (need(ok, `grades.${kind}`, "必须是 4 个等次（含中英文名称）", "must list 4 grades, each with zh and en names")) {
      const names = g.map((x) => normalizeText(x.zh));
      need(new Set(names).size === 4, `grades.${kind}`, "等次名称不能重复", "grade names must differ");
    }
  }

  const b = doc.bands;
  if (need(Array.isArray(b) && b.length === 3 && b.every(isNum), "bands", "必须是 3 个分数线（优秀、第二、第三等次）", "must be 3 thresholds (top, second, third grade)")) {
    need(b[0] > b[1] && b[1] > b[2], "bands", `分数线必须从高到低排列（现为 ${b.join("、")}）`, `thresholds must be descending (now ${b.join(", ")})`);
    need(b.every((x) => x >= 0 && x <= 100), "bands", "分数线必须在 0–100 之间", "thresholds must lie within 0–100");
  }

  const q = doc.quota;
  if (need(isPlainObject(q), "quota", "必须是对象", "must be an object")) {
    need(typeof q.enabled === "boolean", "quota.enabled", "必须是 true 或 false", "must be true or false");
    need(isNum(q.ratio) && q.ratio >= 0 && q.ratio <= 1, "quota.ratio", `优秀比例必须在 0–1 之间（现为 ${String(q.ratio)}）`, `the excellent ratio must lie within 0–1 (now ${String(q.ratio)})`);
    need(["half-up", "floor", "ceil"].includes(q.rounding), "quota.rounding", "只能是 half-up、floor 或 ceil", 'must be "half-up", "floor" or "ceil"');
    need(Number.isInteger(q.minimum) && q.minimum >= 0, "quota.minimum", "必须是非负整数", "must be a whole number ≥ 0");
    need(
      Array.isArray(q.tieBreak) && q.tieBreak.every((k) => (COMPONENT_KEYS as readonly string[]).includes(k)),
      "quota.tieBreak",
      "只能列出 P、D、L、S、B 中的分项",
      "may list only the components P, D, L, S, B",
    );
  }
  need(["competition", "dense"].includes(doc.ranking?.style), "ranking.style", "只能是 competition（1,2,2,4）或 dense（1,2,2,3）", 'must be "competition" (1,2,2,4) or "dense" (1,2,2,3)');
  need(
    Array.isArray(doc.groups) && doc.groups.every((g) => typeof g === "string" && g.trim() !== ""),
    "groups",
    "必须是分组名称列表",
    "must be a list of group names",
  );

  // Vocabularies: lists of text, and no term in two categories of one vocabulary.
  const v = doc.vocabulary;
  const checkVocab = (obj: unknown, path: string) => {
    if (!isPlainObject(obj)) {
      need(false, path, "必须是对象", "must be an object");
      return;
    }
    const seen = new Map<string, string>();
    for (const [k, terms] of Object.entries(obj)) {
      if (!need(Array.isArray(terms) && terms.every((t) => typeof t === "string"), `${path}.${k}`, "必须是文字列表", "must be a list of texts")) continue;
      for (const t of terms as string[]) {
        const n = normalizeText(t);
        const prev = seen.get(n);
        need(prev === undefined, `${path}.${k}`, `“${t}”同时出现在 ${prev} 中`, `"${t}" also appears under ${prev}`);
        seen.set(n, `${path}.${k}`);
      }
    }
  };
  if (need(isPlainObject(v), "vocabulary", "必须是对象", "must be an object")) {
    checkVocab(v.political, "vocabulary.political");
    checkVocab(v.circular, "vocabulary.circular");
    checkVocab(v.subject, "vocabulary.subject");
    checkVocab({ yes: v.yes, no: v.no }, "vocabulary");
    for (const [p, list] of [
      ["vocabulary.political", v.political],
      ["vocabulary.subject", v.subject],
    ] as const) {
      if (isPlainObject(list)) for (const [k, terms] of Object.entries(list)) need(Array.isArray(terms) && terms.length > 0, `${p}.${k}`, "至少需要一个写法", "needs at least one spelling");
    }
  }

  const c = doc.city;
  if (need(isPlainObject(c), "city", "必须是对象", "must be an object")) {
    if (need(isPlainObject(c.outcomes) && Object.keys(c.outcomes).length > 0, "city.outcomes", "必须列出考核结果及加扣分", "must map outcomes to points")) {
      for (const [k, p] of Object.entries(c.outcomes)) need(isNum(p), `city.outcomes.${k}`, "必须是数字", "must be a number");
    }
    need(isNum(c.bonusCap) && c.bonusCap >= 0, "city.bonusCap", "必须是非负数", "must be a number ≥ 0");
    need(isNum(c.deductionCap) && c.deductionCap >= 0, "city.deductionCap", "必须是非负数（扣分上限按绝对值填写）", "must be a number ≥ 0 (the deduction cap as a magnitude)");
  }
  need(Number.isInteger(doc.feedback?.rectificationDays) && doc.feedback.rectificationDays >= 0, "feedback.rectificationDays", "必须是非负整数", "must be a whole number ≥ 0");
  const r = doc.rewards;
  if (need(isPlainObject(r), "rewards", "必须是对象", "must be an object")) {
    need(Number.isInteger(r.meritYears) && r.meritYears >= 1, "rewards.meritYears", "必须是正整数", "must be a whole number ≥ 1");
    need(isNum(r.tenureReductionPerExcellentYear) && r.tenureReductionPerExcellentYear >= 0, "rewards.tenureReductionPerExcellentYear", "必须是非负数", "must be a number ≥ 0");
    need(isNum(r.tenureFloor) && r.tenureFloor >= 0, "rewards.tenureFloor", "必须是非负数", "must be a number ≥ 0");
  }
  need(Number.isInteger(doc.coverage?.termYears) && doc.coverage.termYears >= 1, "coverage.termYears", "必须是正整数", "must be a whole number ≥ 1");
  need(
    Number.isInteger(doc.coverage?.termStart) && doc.coverage.termStart >= 1900 && doc.coverage.termStart <= 2100,
    "coverage.termStart",
    "必须是 1900–2100 的年份（某一届的第一年，如 2021）",
    "must be a year from 1900 to 2100 (the first year of a term, e.g. 2021)",
  );
  return f;
}

/**
 * Load a policy: `input` may be the whole document or only the settings that differ from the
 * default suxian-2023 policy. Returns the policy, or null with the findings that say why not.
 */
export function loadPolicy(input?: unknown): PolicyLoad {
  const findings: Finding[] = [];
  if (input !== undefined && !isPlainObject(input)) {
    findings.push(invalid("(policy)", "政策文件必须是一个 JSON 对象", "the policy file must be a JSON object"));
    return { policy: null, findings };
  }
  const doc = (input === undefined ? clone(DEFAULT_POLICY_DOCUMENT) : overlay(DEFAULT_POLICY_DOCUMENT, input, "", findings)) as PolicyDocument;
  findings.push(...validatePolicyDocument(doc));
  return findings.length ? { policy: null, findings } : { policy: doc as Policy, findings };
}

/** Load or throw a PolicyError carrying the findings. */
export function requirePolicy(input?: unknown): Policy {
  const r = loadPolicy(input);
  if (!r.policy) throw new PolicyError(r.findings);
  return r.policy;
}

let cachedDefault: Policy | null = null;
export function defaultPolicy(): Policy {
  return (cachedDefault ??= requirePolicy());
}

/** Things derived once per policy (prepared weighted sums, parsed weights). */
export interface PreparedPolicy {
  composite: WeightedSum;
  minpingWeights: Weight[];
}

const prepared = new WeakMap<Policy, PreparedPolicy>();
export function prepare(policy: Policy): PreparedPolicy {
  let p = prepared.get(policy);
  if (!p) {
    const weights = COMPONENT_KEYS.map((k) => parseWeight(policy.weights[k]) as Weight);
    p = {
      composite: new WeightedSum(weights, policy.rounding.decimals),
      minpingWeights: (["H", "S", "A"] as const).map((k) => parseWeight(policy.minping.weights[k]) as Weight),
    };
    prepared.set(policy, p);
  }
  return p;
}

const yesNoVocabularies = new WeakMap<PolicyDocument, { yes: string[]; no: string[] }>();
/** The policy's yes/no spellings as one vocabulary (one object per policy, so lookups compile once). */
export function yesNoVocabulary(policy: PolicyDocument): { yes: string[]; no: string[] } {
  let v = yesNoVocabularies.get(policy);
  if (!v) yesNoVocabularies.set(policy, (v = { yes: policy.vocabulary.yes, no: policy.vocabulary.no }));
  return v;
}

/** A value of the policy by dotted key ("weights.P", "quota.ratio", "bands.0"); undefined if none. */
export function policyValue(policy: PolicyDocument, key: string): unknown {
  let cur: unknown = policy;
  for (const part of key.split(".").map((s) => s.trim())) {
    if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)];
    else if (isPlainObject(cur) && Object.prototype.hasOwnProperty.call(cur, part)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** A stable JSON form of a policy (keys sorted), for hashing and for comparing. */
export function canonicalPolicyJson(policy: PolicyDocument): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
  return JSON.stringify(sort(policy));
}
