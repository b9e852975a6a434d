// The state of an annual computation, by row position (0 … count − 1: the parsed rows in order, blank
// rows skipped), as columns — typed arrays, not an object per row — and the results read from them
// (AnnualResults). The reader (annual-read.ts) fills the columns; the ranks, the quota (quota.ts) and
// the audit (annual-audit.ts) add to them; the writers read them.
import type { AnnualResults, AnnualRowResult } from "./annual";
import { GradeDecision, scaleFor } from "./grade";
import type { Policy } from "./policy";
import { CellValue, CircularLevel, COMPONENT_KEYS, Highlight, Message, PoliticalQuality, RawTable, ReasonCode, SubjectKind } from "./types";
import { cellText, columnLetters, readNumber, scratchInt32 } from "./values";
import { joinMessages, msg, poolName, reasonMessage } from "../i18n/messages";

// The facts a grade decision depends on, as small numbers (their index here; the reader packs them into one key).
export const SUBJECTS: readonly SubjectKind[] = ["team", "cadre", "unit"];
export const CADRE = SUBJECTS.indexOf("cadre");
export const POLITICAL: readonly PoliticalQuality[] = ["solid", "qualified", "unqualified"];
export const CIRCULAR: readonly CircularLevel[] = ["none", "belowDistrict", "veto"];
/** Why the quota held a row back (AnnualColumns.held): none, QUOTA, QUOTA_TIE. */
const HELD: readonly (ReasonCode | null)[] = [null, "QUOTA", "QUOTA_TIE"];

/** decision[j] of a row that is not valid (no composite, no grade, no rank). */
export const INVALID = -1;
/** decision[j] of a row whose composite waits for its group's best P (折算, POLICY.md §3). */
export const PENDING = -2;

const INVALID_REASONS: readonly ReasonCode[] = Object.freeze(["INVALID"]);
const EMPTY_MESSAGE: Message = Object.freeze({ zh: "", en: "" });

/** The cell of a row in a column the table may not have (−1 or undefined). */
export function cellIn(cells: readonly CellValue[], c: number | undefined): CellValue {
  return c === undefined || c < 0 ? null : cells[c];
}

/** A score cell's number: NaN when the cell holds none (the reader reports why). */
export function scoreOf(v: CellValue): number {
  if (typeof v === "number" && Number.isFinite(v)) return Object.is(v, -0) ? 0 : v;
  const r = readNumber(v);
  return r.ok ? r.value : NaN;
}

export class AnnualColumns implements AnnualResults {
  count = 0;
  /** 0-based index of the row in RawTable.rows. */
  readonly rowIndex: Int32Array;
  /** Hashes of the IDs as compared for duplicates (keyHash): scratch, valid until the duplicate check. */
  readonly idHashes: Int32Array;
  readonly subjectCode: Uint8Array;
  readonly leader: Uint8Array;
  /** The rounded composite as an integer count of 10^-decimals (exact; used for ordering). */
  readonly units: Int32Array | Float64Array;
  /** The P the composite used when it is not the cell's: 折算 (policy.performance.mode "convert"); null otherwise. */
  readonly performance: Float64Array | null;
  /** Index into `decisions`; INVALID or PENDING otherwise. */
  readonly decision: Int16Array | Int32Array;
  /** Decisions shared between rows (frozen): the key packs the band and the row facts. */
  readonly decisions: GradeDecision[] = [];
  /** Pool index of each row, and per pool its key, group and kind. */
  readonly pool: Int32Array;
  readonly poolKeys: string[] = [];
  readonly poolGroups: string[] = [];
  readonly poolCadres: boolean[] = [];
  /** Rank within the pool, 0 for none. */
  readonly ranks: Int32Array;
  /** Why the quota held the row back, as an index into HELD (0: it did not). */
  readonly held: Uint8Array;
  /** What is wrong with each invalid row (table usable), by position. */
  readonly whyInvalid = new Map<number, Message>();
  /** Positions of the rows with a hand-typed grade (拟定等次), in row order. */
  readonly manualAt: number[] = [];
  /** The score components that break ties at the quota boundary (policy.quota.tieBreak), as indices. */
  private readonly tieKeys: number[];
  private readonly sharedReasons = new Map<number, readonly ReasonCode[]>();
  private readonly sharedExplanations = new Map<number, Message>();
  private readonly scale: number;
  /** Pool index by group, one map per kind (cadres; teams and units together). */
  private readonly poolIndex = [new Map<string, number>(), new Map<string, number>()];
  /** Column letters of each input column, for the cell addresses of findings. */
  private readonly letters: Record<string, string> = {};

  constructor(
    readonly table: RawTable,
    readonly policy: Policy,
    /** key → 0-based column index of the input columns found. */
    readonly columns: Record<string, number>,
    /** Why no row can be computed, when the table itself is unusable. */
    private readonly tableProblem: Message,
  ) {
    const n = table.rows.length;
    this.scale = 10 ** policy.rounding.decimals;
    this.tieKeys = policy.quota.tieBreak.map((k) => COMPONENT_KEYS.indexOf(k));
    this.rowIndex = new Int32Array(n);
    this.idHashes = scratchInt32("idHashes", n);
    this.subjectCode = new Uint8Array(n);
    this.leader = new Uint8Array(n);
    // Composites of 0–100 in units of 10^-decimals fit 32 bits up to 7 decimals (the policy allows 0–6).
    this.units = 100 * this.scale < 2 ** 31 ? new Int32Array(n) : new Float64Array(n);
    this.performance = policy.performance.mode === "convert" ? new Float64Array(n) : null;
    // Decision keys (AnnualReader.decide) number (bands + 1) · 108: 16 bits for any sensible policy.
    this.decision = (policy.bands.length + 1) * 108 < 2 ** 15 ? new Int16Array(n) : new Int32Array(n);
    this.pool = new Int32Array(n);
    this.ranks = new Int32Array(n);
    this.held = new Uint8Array(n);
    for (const key of Object.keys(columns)) this.letters[key] = columnLetters(table.firstColumn + columns[key]);
  }

  /** The letters of input column `key`, undefined when the table has no such column. */
  lettersOf(key: string): string | undefined {
    return this.letters[key];
  }

  /** A1 address of the cell in column `key` on worksheet row `row`, if the table has that column. */
  cellAt(row: number, key: string): string | undefined {
    const letters = this.letters[key];
    return letters === undefined ? undefined : letters + row;
  }

  /** The pool of a group and subject kind (units and teams together), made on first use. */
  poolOf(group: string, subject: number): number {
    const cadres = subject === CADRE;
    const byGroup = this.poolIndex[cadres ? 0 : 1];
    let p = byGroup.get(group);
    if (p === undefined) {
      byGroup.set(group, (p = this.poolKeys.length));
      this.poolKeys.push(poolName(group, cadres));
      this.poolGroups.push(group);
      this.poolCadres.push(cadres);
    }
    return p;
  }

  /** The components of row j at `keys` (indices into COMPONENT_KEYS), read again from its cells; P as used. */
  scoresOf(j: number, keys: readonly number[]): number[] {
    const cells = this.table.rows[this.rowIndex[j]];
    return keys.map((k) => {
      if (k === 0 && this.performance) return this.performance[j];
      const c = this.columns[COMPONENT_KEYS[k]];
      return c === undefined ? NaN : scoreOf(cells[c]);
    });
  }

  /** The tie-break components of row j (policy.quota.tieBreak). */
  tieScores(j: number): number[] {
    return this.scoresOf(j, this.tieKeys);
  }

  /** The row's grade decision before the quota, null for a row that is not valid. */
  decisionOf(j: number): GradeDecision | null {
    const key = this.decision[j];
    return key < 0 ? null : this.decisions[key];
  }

  private explanationOfInvalid(j: number): Message {
    return this.whyInvalid.get(j) ?? this.tableProblem;
  }

  /** A row found wrong after parsing (a repeated ID; 折算 impossible): no composite, no grade, no rank. */
  invalidate(j: number, why: Message): void {
    this.whyInvalid.set(j, this.decision[j] === INVALID ? joinMessages([this.explanationOfInvalid(j), why]) : why);
    this.decision[j] = INVALID;
  }

  /** Whether the quota held the row back as tied at the boundary (QUOTA_TIE). */
  isTied(j: number): boolean {
    return HELD[this.held[j]] === "QUOTA_TIE";
  }

  /** The quota holds a valid row back at the second grade (QUOTA or QUOTA_TIE). */
  hold(j: number, reason: "QUOTA" | "QUOTA_TIE"): void {
    this.held[j] = HELD.indexOf(reason);
  }

  index(j: number): number {
    return this.rowIndex[j];
  }

  id(j: number): string {
    return cellText(cellIn(this.table.rows[this.rowIndex[j]], this.columns.id));
  }

  /** The grade typed by hand (拟定等次), "" for none. */
  manualGrade(j: number): string {
    return cellText(cellIn(this.table.rows[this.rowIndex[j]], this.columns.manualGrade));
  }

  row(j: number): number {
    return this.table.headerRow + 1 + this.rowIndex[j];
  }

  subject(j: number): SubjectKind {
    return SUBJECTS[this.subjectCode[j]];
  }

  topLeader(j: number): boolean {
    return this.leader[j] === 1;
  }

  valid(j: number): boolean {
    return this.decision[j] >= 0;
  }

  composite(j: number): number | null {
    return this.decision[j] >= 0 ? this.units[j] / this.scale : null;
  }

  performanceUsed(j: number): number | null {
    return this.performance && this.decision[j] >= 0 ? this.performance[j] : null;
  }

  rank(j: number): number | null {
    return this.decision[j] >= 0 ? this.ranks[j] : null;
  }

  gradeIndex(j: number): number | null {
    const key = this.decision[j];
    return key < 0 ? null : this.held[j] ? 1 : this.decisions[key].gradeIndex;
  }

  grade(j: number): string | null {
    const g = this.gradeIndex(j);
    return g === null ? null : scaleFor(this.subject(j), this.policy)[g].zh;
  }

  highlight(j: number): Highlight | null {
    const d = this.decisionOf(j);
    if (!d) return "invalid";
    return d.vetoed ? "veto" : this.held[j] ? "quota" : d.affirmed ? "affirmed" : null;
  }

  /** Reasons and explanations depend only on the decision (which includes the subject) and the quota hold. */
  private outcomeKey(j: number): number {
    return this.decision[j] * HELD.length + this.held[j];
  }

  reasons(j: number): readonly ReasonCode[] {
    const d = this.decisionOf(j);
    if (!d) return INVALID_REASONS;
    const key = this.outcomeKey(j);
    let reasons = this.sharedReasons.get(key);
    if (!reasons) {
      const heldBy = HELD[this.held[j]];
      this.sharedReasons.set(key, (reasons = Object.freeze(heldBy ? [...d.reasons, heldBy] : [...d.reasons])));
    }
    return reasons;
  }

  explanation(j: number): Message {
    if (!this.valid(j)) return this.explanationOfInvalid(j);
    const key = this.outcomeKey(j);
    let shared = this.sharedExplanations.get(key);
    if (!shared) {
      const reasons = this.reasons(j);
      const grade = scaleFor(this.subject(j), this.policy)[this.gradeIndex(j) as number];
      shared = reasons.length ? Object.freeze(joinMessages(reasons.map((code) => reasonMessage(code, grade)))) : EMPTY_MESSAGE;
      this.sharedExplanations.set(key, shared);
    }
    return shared;
  }

  note(j: number): Message | null {
    const highlight = this.highlight(j);
    if (!highlight) return null;
    const explanation = this.explanation(j);
    if (explanation.zh) return explanation;
    return highlight === "veto" ? msg.vetoWithoutEffect : null;
  }

  poolAt(j: number): number {
    return this.pool[j];
  }

  at(j: number): AnnualRowResult {
    const { table, columns: col } = this;
    const cells = table.rows[this.rowIndex[j]];
    const p = this.pool[j];
    return {
      index: this.rowIndex[j],
      row: this.row(j),
      id: this.id(j),
      name: cellText(cellIn(cells, col.name)),
      subject: this.subject(j),
      group: this.poolGroups[p],
      pool: this.poolKeys[p],
      valid: this.valid(j),
      composite: this.composite(j),
      performance: this.performanceUsed(j),
      rank: this.rank(j),
      grade: this.grade(j),
      gradeIndex: this.gradeIndex(j),
      reasons: this.reasons(j) as ReasonCode[],
      highlight: this.highlight(j),
      explanation: this.explanation(j),
      topLeader: this.topLeader(j),
      unit: cellText(cellIn(cells, col.unit)),
    };
  }

  /** Every row's result object (AnnualOutcome.rows). */
  all(): AnnualRowResult[] {
    const out = new Array<AnnualRowResult>(this.count);
    for (let j = 0; j < this.count; j++) out[j] = this.at(j);
    return out;
  }
}
