// The grade decision for one row, POLICY.md §4 steps 2–6 (step 7, the quota, needs the whole pool
// and lives in annual.ts). Shared by the GRADE/REASON custom functions and compute ranking.
import type { Policy } from "./policy";
import { CircularLevel, PoliticalQuality, ReasonCode, SubjectKind } from "./types";

export interface GradeInput {
  /** The rounded composite. */
  composite: number;
  political: PoliticalQuality;
  circular: CircularLevel;
  incentive: boolean;
  topLeader: boolean;
  subject: SubjectKind;
}

export interface GradeDecision {
  /** 0 = top grade (优秀) … 3 = lowest. */
  gradeIndex: number;
  /** The band alone would give this. */
  bandIndex: number;
  /** Reasons in the order of the steps that changed the outcome. */
  reasons: ReasonCode[];
  /** A district-level or higher circular applies (the row is highlighted as a veto). */
  vetoed: boolean;
  /** Rated 优秀 by one-vote affirmation. */
  affirmed: boolean;
  /** Affirmation was blocked by a veto or the political gate. */
  conflict: boolean;
  /** Incentive on a cadre who is not the top leader (no effect; a warning). */
  affirmNotTopLeader: boolean;
}

/** Band from the composite: ≥ bands[0] top grade, ≥ bands[1] second, ≥ bands[2] third, else fourth. */
export function bandIndex(composite: number, bands: readonly number[]): number {
  for (let i = 0; i < bands.length; i++) if (composite >= bands[i]) return i;
  return bands.length;
}

export function scaleFor(subject: SubjectKind, policy: Policy) {
  return subject === "cadre" ? policy.grades.cadre : policy.grades.team;
}

export function decideGrade(input: GradeInput, policy: Policy): GradeDecision {
  return decideFromBand(bandIndex(input.composite, policy.bands), input, policy);
}

/**
 * The decision once the band is known. The composite matters only through its band, so compute
 * ranking decides each combination of band and row facts once per table (annual.ts) and shares it.
 */
export function decideFromBand(band: number, input: Omit<GradeInput, "composite">, policy: Policy): GradeDecision {
  const lowest = scaleFor(input.subject, policy).length - 1;
  const vetoed = input.circular === "veto";
  const notSolid = input.political === "qualified";
  const failed = input.political === "unqualified";
  // 一票肯定 reaches only the top leader (主要负责人) of a unit with a 真抓实干 incentive.
  const isCadre = input.subject === "cadre";
  const affirmable = isCadre && input.incentive && input.topLeader;
  const affirmNotTopLeader = isCadre && input.incentive && !input.topLeader;
  const reasons: ReasonCode[] = [];
  const decision = (gradeIndex: number, affirmed = false, conflict = false): GradeDecision => ({
    gradeIndex,
    bandIndex: band,
    reasons,
    vetoed,
    affirmed,
    conflict,
    affirmNotTopLeader,
  });

  // Step 2: political quality is examined first; 不合格 decides the grade whatever the score.
  if (failed) {
    reasons.push("POLITICAL_FAIL");
    if (affirmable) reasons.push("AFFIRM_VETO_CONFLICT");
    return decision(lowest, false, affirmable);
  }
  // Steps 3–6: the band, capped below 优秀 by a veto or a merely 合格 political quality;
  // affirmation lifts to 优秀 unless one of those caps applies (then the veto wins).
  const wouldBeExcellent = affirmable || band === 0;
  if (wouldBeExcellent && (vetoed || notSolid)) {
    if (vetoed) reasons.push("VETO");
    if (notSolid) reasons.push("POLITICAL_NOT_SOLID");
    if (affirmable) reasons.push("AFFIRM_VETO_CONFLICT");
    return decision(Math.max(band, 1), false, affirmable);
  }
  if (affirmable) {
    reasons.push("AFFIRMED");
    return decision(0, true);
  }
  return decision(band);
}
