// The policy editor's fields as the user sees them and back to a policy document. Host-free.
// Weights and the quota ratio are shown in percent (60 for 0.6), converted by moving the decimal
// point in the text, never by floating-point arithmetic. Lists (groups, vocabularies) are tags.
// Text that does not parse is kept as typed, so the engine's validation names the setting and why.
import type { PolicyDocument, QuotaRounding, RankingStyle } from "../engine/policy";
import { COMPONENT_KEYS, ComponentKey } from "../engine/types";
import type { Finding } from "../engine/types";
import { policyFormText } from "../i18n/pane";

export const VOCAB_KEYS = ["solid", "qualified", "unqualified", "none", "belowDistrict", "veto", "yes", "no"] as const;
export type VocabKey = (typeof VOCAB_KEYS)[number];

export interface PolicyDraft {
  /** Percent, as typed ("60"); a fraction of the whole ("1/3") is kept as typed. */
  weights: Record<ComponentKey, string>;
  bands: [string, string, string];
  quotaEnabled: boolean;
  /** Percent, as typed ("20"). */
  ratio: string;
  rounding: QuotaRounding;
  minimum: string;
  tieBreak: string;
  ranking: RankingStyle;
  groups: string[];
  vocab: Record<VocabKey, string[]>;
}

/** Split on Chinese or Latin commas and semicolons; blanks dropped. */
export function splitList(s: string): string[] {
  return s
    .split(/[、,，;；\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Move the decimal point of a plain decimal text `by` places (2: "0.6" → "60", −2: "60" → "0.6"). */
export function shiftDecimal(text: string, by: number): string | null {
  const m = PLAIN.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const sign = m[1] === "-" ? "-" : "";
  let int = m[2];
  let frac = m[3] ?? "";
  if (by > 0) {
    frac = frac.padEnd(by, "0");
    int += frac.slice(0, by);
    frac = frac.slice(by);
  } else {
    int = int.padStart(-by + 1, "0");
    frac = int.slice(int.length + by) + frac;
    int = int.slice(0, int.length + by);
  }
  int = int.replace(/^0+(?=\d)/, "") || "0";
  frac = frac.replace(/0+$/, "");
  return sign + int + (frac ? `.${frac}` : "");
}

/** A policy weight or ratio (0.6, "60%", "1/3") as the percent field shows it ("60", "60", "1/3"). */
export function toPercent(v: number | string): string {
  if (typeof v === "number") return shiftDecimal(String(v), 2) ?? String(v);
  const s = v.trim();
  if (s.endsWith("%")) return s.slice(0, -1).trim();
  return s;
}

/** The percent field's text back to a policy value: "60" → 0.6; "1/3" and anything else kept as typed. */
export function fromPercent(s: string): number | string {
  const t = s.trim().replace(/[%％]$/, "").trim();
  const shifted = shiftDecimal(t, -2);
  return shifted === null ? s.trim() : Number(shifted);
}

export function draftFromPolicy(doc: PolicyDocument): PolicyDraft {
  const w = {} as Record<ComponentKey, string>;
  for (const k of COMPONENT_KEYS) w[k] = toPercent(doc.weights[k]);
  const v = doc.vocabulary;
  return {
    weights: w,
    bands: [String(doc.bands[0]), String(doc.bands[1]), String(doc.bands[2])],
    quotaEnabled: doc.quota.enabled,
    ratio: toPercent(doc.quota.ratio),
    rounding: doc.quota.rounding,
    minimum: String(doc.quota.minimum),
    tieBreak: doc.quota.tieBreak.join(", "),
    ranking: doc.ranking.style,
    groups: [...doc.groups],
    vocab: {
      solid: [...v.political.solid],
      qualified: [...v.political.qualified],
      unqualified: [...v.political.unqualified],
      none: [...v.circular.none],
      belowDistrict: [...v.circular.belowDistrict],
      veto: [...v.circular.veto],
      yes: [...v.yes],
      no: [...v.no],
    },
  };
}

/** A number when the text is one ("90"), else the text. */
function num(s: string): number | string {
  const t = s.trim();
  if (t !== "" && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return Number(t);
  return t;
}

/**
 * What the form can tell about a threshold before the policy's own check, which sees only "not 3
 * numbers" and would mark all three: the one box whose text is not a number, named.
 */
export function draftProblems(d: PolicyDraft): Finding[] {
  const out: Finding[] = [];
  d.bands.forEach((text, i) => {
    if (typeof num(text) !== "number") out.push({ code: "POLICY_INVALID", severity: "error", column: `bands[${i}]`, message: policyFormText.notANumber(text.trim()) });
  });
  return out;
}

export function policyFromDraft(base: PolicyDocument, d: PolicyDraft): PolicyDocument {
  const doc = JSON.parse(JSON.stringify(base)) as PolicyDocument;
  for (const k of COMPONENT_KEYS) doc.weights[k] = fromPercent(d.weights[k]);
  doc.bands = d.bands.map(num) as number[];
  doc.quota = {
    enabled: d.quotaEnabled,
    ratio: fromPercent(d.ratio) as number,
    rounding: d.rounding,
    minimum: num(d.minimum) as number,
    tieBreak: splitList(d.tieBreak).map((x) => x.toUpperCase()) as ComponentKey[],
  };
  doc.ranking = { style: d.ranking };
  doc.groups = [...d.groups];
  doc.vocabulary = {
    ...doc.vocabulary,
    political: { solid: [...d.vocab.solid], qualified: [...d.vocab.qualified], unqualified: [...d.vocab.unqualified] },
    circular: { none: [...d.vocab.none], belowDistrict: [...d.vocab.belowDistrict], veto: [...d.vocab.veto] },
    yes: [...d.vocab.yes],
    no: [...d.vocab.no],
  };
  return doc;
}

/** The control a policy finding belongs to (its id in the editor), from the setting's path. */
export function controlOf(path: string | undefined): string | null {
  if (!path) return null;
  const w = /^weights(?:\.(\w+))?$/.exec(path);
  if (w) return w[1] && (COMPONENT_KEYS as readonly string[]).includes(w[1]) ? `w-${w[1]}` : "weights";
  const b = /^bands(?:[.[](\d)\]?)?/.exec(path);
  if (b) return b[1] === undefined ? "bands" : `band-${b[1]}`;
  if (path === "quota.ratio") return "quota-ratio";
  if (path === "quota.minimum") return "quota-minimum";
  if (path === "quota.rounding") return "quota-rounding";
  if (path === "quota.tieBreak" || path.startsWith("quota.tieBreak")) return "tie-break";
  if (path.startsWith("quota")) return "quota-enabled";
  if (path.startsWith("ranking")) return "ranking-style";
  if (path.startsWith("groups")) return "groups";
  const v = /^vocabulary\.(?:political\.|circular\.)?(\w+)/.exec(path);
  if (v && (VOCAB_KEYS as readonly string[]).includes(v[1])) return `vocab-${v[1]}`;
  return null;
}

/** Which form field a finding's setting path belongs to (kept for callers that group by field). */
export function fieldOf(path: string | undefined): string | null {
  if (!path) return null;
  if (path.startsWith("weights")) return "weights";
  if (path.startsWith("bands")) return "bands";
  if (path === "quota.ratio") return "ratio";
  if (path === "quota.minimum") return "minimum";
  if (path === "quota.tieBreak") return "tieBreak";
  if (path.startsWith("quota")) return "quota";
  if (path.startsWith("ranking")) return "ranking";
  if (path.startsWith("groups")) return "groups";
  if (path.startsWith("vocabulary")) return "vocab";
  return null;
}
