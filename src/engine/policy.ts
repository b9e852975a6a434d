// The policy as data (INTERFACES.md §1e). Every "(default)" of POLICY.md is a setting here, not a
// constant in code. A policy is validated where it is loaded, and every mistake is a POLICY_INVALID
// (or WEIGHTS_SUM) finding that names the setting and says what is wrong.
import defaultDocument from "./policies/suxian-2023.json";
import { parseWeight, Weight, weightSum, weightsSumToOne, WeightedSum } from "./decimal";
import { Finding, Message, COMPONENT_KEYS, ComponentKey } from "./types";
import { msg } from "../i18n/messages";
import { policyProblem } from "../i18n/policy";
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

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** A policy is a small document: deeper or bigger input is refused before anything walks it recursively. */
const MAX_DEPTH = 8;
const MAX_VALUES = 20_000;

/**
 * The first reason an input cannot be a policy at all, found without recursion (a 100,000-deep
 * object must give a sentence, not a stack overflow): too deep (with the path where it gets so) or too big.
 */
function shapeProblem(input: unknown): Finding | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: input, path: "", depth: 0 }];
  let values = 0;
  while (stack.length) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
    if (++values > MAX_VALUES) return invalid("(policy)", policyProblem.tooLarge(MAX_VALUES));
    if (typeof v !== "object" || v === null) continue;
    if (depth >= MAX_DEPTH) return invalid(path || "(policy)", policyProblem.tooDeep(MAX_DEPTH));
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
    for (const [k, x] of entries) stack.push({ v: x, path: path ? `${path}.${k}` : k, depth: depth + 1 });
  }
  return null;
}

/** Settings that are open maps (any key is data, not a setting name). */
const OPEN_MAPS = new Set(["city.outcomes"]);

/**
 * Lay a partial policy over the default. Objects merge key by key; arrays and scalars replace.
 * Keys the default does not have are reported whatever their name ("wieghts", "constructor",
 * "__proto__": a typo must not pass silently), except inside the open map city.outcomes.
 */
function overlay(base: unknown, over: unknown, path: string, findings: Finding[]): unknown {
  if (!isPlainObject(base) || !isPlainObject(over) || OPEN_MAPS.has(path)) return clone(over);
  const out: Record<string, unknown> = clone(base);
  for (const k of Object.keys(over)) {
    const p = path ? `${path}.${k}` : k;
    if (!own(base, k)) {
      if (path === "" && (k === "$schema" || k === "description")) continue; // a schema link, a comment
      findings.push(invalid(p, policyProblem.unknownSetting));
    } else {
      Object.defineProperty(out, k, { value: overlay(base[k], over[k], p, findings), enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

function invalid(path: string, problem: Message): Finding {
  return { code: "POLICY_INVALID", severity: "error", column: path, message: msg.policyInvalid(path, problem) };
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Validate a complete policy document; returns every problem at once. Every setting has a range. */
export function validatePolicyDocument(doc: PolicyDocument): Finding[] {
  const f: Finding[] = [];
  const P = policyProblem;
  const need = (ok: boolean, path: string, problem: Message) => {
    if (!ok) f.push(invalid(path, problem));
    return ok;
  };
  const numberIn = (v: unknown, path: string, min: number, max: number) => need(isNum(v) && v >= min && v <= max, path, P.numberFrom(min, max, v));
  const wholeIn = (v: unknown, path: string, min: number, max: number) => need(Number.isInteger(v) && (v as number) >= min && (v as number) <= max, path, P.wholeFrom(min, max, v));
  const object = (v: unknown, path: string): v is Record<string, unknown> => need(isPlainObject(v), path, P.mustBeObject);
  const text = (v: unknown, max: number) => typeof v === "string" && v.trim() !== "" && v.length <= max;
  /** A list of texts; every entry non-blank and at most 100 characters. */
  const texts = (v: unknown, max: number): v is string[] => Array.isArray(v) && v.length <= max && v.every((t) => text(t, 100));
  /** Keys of an object the document defines completely (a grade, the title): any other key is reported. */
  const onlyKeys = (o: Record<string, unknown>, keys: readonly string[], path: string) => {
    for (const k of Object.keys(o)) if (!keys.includes(k)) f.push(invalid(`${path}.${k}`, P.unknownSetting));
  };

  need(text(doc.name, 100), "name", P.mustBeText(100));
  if (object(doc.title, "title")) {
    need(text(doc.title.zh, 200), "title.zh", P.mustBeText(200));
    need(text(doc.title.en, 200), "title.en", P.mustBeText(200));
    onlyKeys(doc.title, ["zh", "en"], "title");
  }

  // Composite and 民评 weights: exact sums, never normalised (POLICY.md §3). Each lies in 0–1 once they sum to 1.
  const checkWeights = (obj: unknown, keys: string[], path: string, label: Message) => {
    if (!object(obj, path)) return;
    const ws: Weight[] = [];
    for (const k of keys) {
      const w = parseWeight(obj[k]);
      if (!need(w !== null, `${path}.${k}`, P.weight)) return;
      if (!need(!w!.num.lt(0), `${path}.${k}`, P.weightNegative)) return;
      ws.push(w!);
    }
    for (const k of Object.keys(obj)) need(keys.includes(k), `${path}.${k}`, P.unknownWeight);
    if (!weightsSumToOne(ws)) {
      const sum = weightSum(ws).times(100).round(6).toString();
      f.push({ code: "WEIGHTS_SUM", severity: "error", column: path, message: msg.weightsSum(label, `${sum}%`) });
    }
  };
  checkWeights(doc.weights, [...COMPONENT_KEYS], "weights", P.compositeWeights);
  checkWeights(doc.minping?.weights, ["H", "S", "A"], "minping.weights", P.minpingWeights);

  need(["as-is", "convert"].includes(doc.performance?.mode), "performance.mode", P.performanceMode);
  wholeIn(doc.rounding?.decimals, "rounding.decimals", 0, 6);
  need(doc.rounding?.mode === "half-up", "rounding.mode", P.roundingMode);
  numberIn(doc.minping?.maxPoints, "minping.maxPoints", 0.01, 100);

  const dw = doc.democratic?.weights;
  if (object(dw, "democratic.weights")) {
    for (const k of BALLOT_CHOICES) numberIn(dw[k], `democratic.weights.${k}`, 0, 100);
  }
  // The ballot words (POLICY.md §11): four choices and the abstentions, no spelling in two of them.
  const noOverlap = (lists: [string, string[]][]) => {
    const seen = new Map<string, string>();
    for (const [path, terms] of lists)
      for (const t of terms) {
        const k = normalizeText(t);
        const prev = seen.get(k);
        need(prev === undefined || prev === path, path, P.vocabularyOverlap(t, prev as string));
        seen.set(k, path);
      }
  };
  const dc = doc.democratic?.choices;
  if (object(dc, "democratic.choices")) {
    const lists: [string, string[]][] = [];
    for (const k of BALLOT_CHOICES) if (need(texts(dc[k], 100) && dc[k].length > 0, `democratic.choices.${k}`, P.mustBeTexts(100))) lists.push([`democratic.choices.${k}`, dc[k]]);
    for (const k of Object.keys(dc)) need((BALLOT_CHOICES as readonly string[]).includes(k), `democratic.choices.${k}`, P.unknownChoice);
    if (need(texts(doc.democratic.abstain, 100), "democratic.abstain", P.mustBeTexts(100))) lists.push(["democratic.abstain", doc.democratic.abstain]);
    noOverlap(lists);
  }
  const sv = doc.survey;
  if (object(sv, "survey")) {
    const noAnswerOk = need(texts(sv.noAnswer, 100), "survey.noAnswer", P.mustBeTexts(100));
    if (object(sv.levels, "survey.levels")) {
      for (const k of Object.keys(sv.levels)) need((SURVEY_INDEX_KEYS as readonly string[]).includes(k), `survey.levels.${k}`, P.unknownIndex);
      for (const k of SURVEY_INDEX_KEYS) {
        const levels = sv.levels[k];
        const path = `survey.levels.${k}`;
        if (!need(Array.isArray(levels) && levels.length > 0 && levels.length <= 20, path, P.surveyLevels(20))) continue;
        const lists: [string, string[]][] = noAnswerOk ? [["survey.noAnswer", sv.noAnswer]] : [];
        levels.forEach((l, i) => {
          const p = `${path}.${i}`;
          if (!need(isPlainObject(l), p, P.surveyLevel)) return;
          onlyKeys(l as unknown as Record<string, unknown>, ["points", "words"], p);
          numberIn(l.points, `${p}.points`, 0, 100);
          if (need(texts(l.words, 100) && l.words.length > 0, `${p}.words`, P.mustBeTexts(100))) lists.push([`${p}.words`, l.words]);
        });
        noOverlap(lists);
      }
    }
    wholeIn(sv.smallSample, "survey.smallSample", 0, 100_000);
  }

  for (const kind of ["team", "cadre"] as const) {
    const g = doc.grades?.[kind];
    const ok = Array.isArray(g) && g.length === 4 && g.every((x) => isPlainObject(x) && text(x.zh, 20) && text(x.en, 40) && Object.keys(x).every((k) => k === "zh" || k === "en"));
    if (need(ok, `grades.${kind}`, P.grades)) {
      need(new Set(g.map((x) => normalizeText(x.zh))).size === 4, `grades.${kind}`, P.gradesDiffer);
    }
  }

  const b = doc.bands;
  if (need(Array.isArray(b) && b.length === 3 && b.every(isNum), "bands", P.bands)) {
    need(b[0] > b[1] && b[1] > b[2], "bands", P.bandsDescending(b));
    need(b.every((x) => x >= 0 && x <= 100), "bands", P.bandsRange);
  }

  const q = doc.quota;
  if (object(q, "quota")) {
    need(typeof q.enabled === "boolean", "quota.enabled", P.trueOrFalse);
    numberIn(q.ratio, "quota.ratio", 0, 1);
    need(["half-up", "floor", "ceil"].includes(q.rounding), "quota.rounding", P.quotaRounding);
    wholeIn(q.minimum, "quota.minimum", 0, 1000);
    need(
      Array.isArray(q.tieBreak) && q.tieBreak.every((k) => (COMPONENT_KEYS as readonly string[]).includes(k)) && new Set(q.tieBreak).size === q.tieBreak.length,
      "quota.tieBreak",
      P.tieBreak,
    );
  }
  need(["competition", "dense"].includes(doc.ranking?.style), "ranking.style", P.rankingStyle);
  if (need(texts(doc.groups, 100), "groups", P.mustBeTexts(100))) {
    need(new Set(doc.groups.map(normalizeText)).size === doc.groups.length, "groups", P.groupsDiffer);
  }

  // Vocabularies: lists of text, and no term in two categories of one vocabulary.
  const v = doc.vocabulary;
  const checkVocab = (obj: unknown, path: string) => {
    if (!object(obj, path)) return;
    const seen = new Map<string, string>();
    for (const [k, terms] of Object.entries(obj)) {
      if (!need(texts(terms, 100), `${path}.${k}`, P.mustBeTexts(100))) continue;
      for (const t of terms as string[]) {
        const n = normalizeText(t);
        const prev = seen.get(n);
        need(prev === undefined, `${path}.${k}`, P.vocabularyOverlap(t, prev as string));
        seen.set(n, `${path}.${k}`);
      }
    }
  };
  if (object(v, "vocabulary")) {
    checkVocab(v.political, "vocabulary.political");
    checkVocab(v.circular, "vocabulary.circular");
    checkVocab(v.subject, "vocabulary.subject");
    checkVocab({ yes: v.yes, no: v.no }, "vocabulary");
    for (const [p, list] of [
      ["vocabulary.political", v.political],
      ["vocabulary.subject", v.subject],
    ] as const) {
      if (isPlainObject(list)) for (const [k, terms] of Object.entries(list)) need(Array.isArray(terms) && terms.length > 0, `${p}.${k}`, P.vocabularyEmpty);
    }
  }

  const c = doc.city;
  if (object(c, "city")) {
    const outcomes = c.outcomes;
    if (need(isPlainObject(outcomes) && Object.keys(outcomes).length > 0 && Object.keys(outcomes).length <= 50 && Object.keys(outcomes).every((k) => text(k, 100)), "city.outcomes", P.outcomes(50))) {
      for (const [k, p] of Object.entries(outcomes)) numberIn(p, `city.outcomes.${k}`, -100, 100);
    }
    numberIn(c.bonusCap, "city.bonusCap", 0, 100);
    need(isNum(c.deductionCap) && c.deductionCap >= 0 && c.deductionCap <= 100, "city.deductionCap", P.deductionCap(c.deductionCap));
  }
  // A deadline must stay a calendar date (feedback date + days): ten years at most.
  wholeIn(doc.feedback?.rectificationDays, "feedback.rectificationDays", 0, 3650);
  const r = doc.rewards;
  if (object(r, "rewards")) {
    wholeIn(r.meritYears, "rewards.meritYears", 1, 50);
    numberIn(r.tenureReductionPerExcellentYear, "rewards.tenureReductionPerExcellentYear", 0, 50);
    numberIn(r.tenureFloor, "rewards.tenureFloor", 0, 50);
  }
  wholeIn(doc.coverage?.termYears, "coverage.termYears", 1, 20);
  need(Number.isInteger(doc.coverage?.termStart) && doc.coverage.termStart >= 1900 && doc.coverage.termStart <= 2100, "coverage.termStart", P.termStart(doc.coverage?.termStart));
  return f;
}

/**
 * Load a policy: `input` may be the whole document or only the settings that differ from the
 * default suxian-2023 policy. Returns the policy, or null with the findings that say why not.
 */
export function loadPolicy(input?: unknown): PolicyLoad {
  const findings: Finding[] = [];
  if (input !== undefined && !isPlainObject(input)) {
    findings.push(invalid("(policy)", policyProblem.notAnObject));
    return { policy: null, findings };
  }
  const shape = input === undefined ? null : shapeProblem(input);
  if (shape) return { policy: null, findings: [shape] };
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
