// The policy editor's fields as text (what the user types) and back to a policy document. Host-free.
// Numbers that do not parse are kept as typed, so the engine's validation names the setting and why.
import type { PolicyDocument, QuotaRounding, RankingStyle } from "../engine/policy";
import { COMPONENT_KEYS, ComponentKey } from "../engine/types";

export interface PolicyDraft {
  weights: Record<ComponentKey, string>;
  bands: [string, string, string];
  quotaEnabled: boolean;
  ratio: string;
  rounding: QuotaRounding;
  minimum: string;
  tieBreak: string;
  ranking: RankingStyle;
  groups: string;
  vocab: { solid: string; qualified: string; unqualified: string; none: string; belowDistrict: string; veto: string; yes: string; no: string };
}

const list = (xs: readonly string[]) => xs.join("、");
/** Split on Chinese or Latin commas and semicolons; blanks dropped. */
export function splitList(s: string): string[] {
  return s
    .split(/[、,，;；\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

export function draftFromPolicy(doc: PolicyDocument): PolicyDraft {
  const w = {} as Record<ComponentKey, string>;
  for (const k of COMPONENT_KEYS) w[k] = String(doc.weights[k]);
  const v = doc.vocabulary;
  return {
    weights: w,
    bands: [String(doc.bands[0]), String(doc.bands[1]), String(doc.bands[2])],
    quotaEnabled: doc.quota.enabled,
    ratio: String(doc.quota.ratio),
    rounding: doc.quota.rounding,
    minimum: String(doc.quota.minimum),
    tieBreak: doc.quota.tieBreak.join(", "),
    ranking: doc.ranking.style,
    groups: list(doc.groups),
    vocab: {
      solid: list(v.political.solid),
      qualified: list(v.political.qualified),
      unqualified: list(v.political.unqualified),
      none: list(v.circular.none),
      belowDistrict: list(v.circular.belowDistrict),
      veto: list(v.circular.veto),
      yes: list(v.yes),
      no: list(v.no),
    },
  };
}

/** A number when the text is one ("90", "０.２" is not folded: the engine's own message explains), else the text. */
function num(s: string): number | string {
  const t = s.trim();
  if (t !== "" && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return Number(t);
  return t;
}

/** A weight as the policy file takes it: a plain number, or the text ("60%", "1/3") for parseWeight. */
function weight(s: string): number | string {
  const n = num(s);
  return n;
}

export function policyFromDraft(base: PolicyDocument, d: PolicyDraft): PolicyDocument {
  const doc = JSON.parse(JSON.stringify(base)) as PolicyDocument;
  for (const k of COMPONENT_KEYS) doc.weights[k] = weight(d.weights[k]);
  doc.bands = d.bands.map(num) as number[];
  doc.quota = {
    enabled: d.quotaEnabled,
    ratio: num(d.ratio) as number,
    rounding: d.rounding,
    minimum: num(d.minimum) as number,
    tieBreak: splitList(d.tieBreak).map((x) => x.toUpperCase()) as ComponentKey[],
  };
  doc.ranking = { style: d.ranking };
  doc.groups = splitList(d.groups);
  doc.vocabulary = {
    ...doc.vocabulary,
    political: { solid: splitList(d.vocab.solid), qualified: splitList(d.vocab.qualified), unqualified: splitList(d.vocab.unqualified) },
    circular: { none: splitList(d.vocab.none), belowDistrict: splitList(d.vocab.belowDistrict), veto: splitList(d.vocab.veto) },
    yes: splitList(d.vocab.yes),
    no: splitList(d.vocab.no),
  };
  return doc;
}

/** Which form field a finding's setting path belongs to. */
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
