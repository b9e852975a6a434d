// Compute ranking on the annual assessment table (INTERFACES.md §1a): validate every row, then
// composite (POLICY.md §3), grade (§4), excellent quota per pool (§4 step 7) and rank (§5).
//
// Sized for a province (a million rows in about a second, issue 5). The work is done on columns: the
// state of every row — composite units, grade decision, pool, rank, quota hold — lives in typed arrays
// indexed by the row's position among the parsed rows, and the results are read from those columns
// (AnnualResults); an object per row is made only when AnnualOutcome.rows is read. What a computation
// keeps is small: texts (IDs, typed grades, tie-break scores) are read again from the cells when
// needed, and row findings make their sentences when read. Each distinct spelling in a vocabulary
// column is looked up once; each combination of band and row facts is decided once and the decision
// shared; pools, ranks, the quota and duplicate IDs take linear time (counting sorts, a hash table).
import { ANNUAL_COLUMNS, matchColumns } from "./headers";
import { decideFromBand, GradeDecision, scaleFor } from "./grade";
import { Policy, prepare, yesNoVocabulary } from "./policy";
import type { WeightedSum } from "./decimal";
import { quotaFor } from "./quota";
import { kthLargest, rankInPools } from "./rank";
import {
  CellValue,
  CircularLevel,
  COMPONENT_KEYS,
  Finding,
  FindingCode,
  Highlight,
  Message,
  PoliticalQuality,
  RawTable,
  ReasonCode,
  Severity,
  SubjectKind,
} from "./types";
import { cellText, columnLetters, keyHash, isBlank, scratchInt32, lookupTerm, readNumber, repeatedGroups, truncate, normalizeText, Vocabulary } from "./values";
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

/**
 * The results by position j (0 … count − 1: the parsed rows in order, blank rows skipped), read
 * straight from the engine's columns. Writers and summaries read these: a result object per row
 * costs a million-row table more than the computation itself (allocation and garbage collection).
 */
export interface AnnualResults {
  readonly count: number;
  /** 0-based index into RawTable.rows. */
  index(j: number): number;
  /** Worksheet row number. */
  row(j: number): number;
  subject(j: number): SubjectKind;
  topLeader(j: number): boolean;
  valid(j: number): boolean;
  composite(j: number): number | null;
  rank(j: number): number | null;
  grade(j: number): string | null;
  gradeIndex(j: number): number | null;
  /** Shared between rows with the same decision: frozen. */
  reasons(j: number): readonly ReasonCode[];
  highlight(j: number): Highlight | null;
  explanation(j: number): Message;
  /** Index of the row's pool in AnnualOutcome.pools. */
  poolAt(j: number): number;
  /** The whole result of one row, as an object. */
  at(j: number): AnnualRowResult;
}

export interface AnnualOutcome {
  kind: "annual";
  /** key → 0-based column index of the input columns found. */
  columns: Record<string, number>;
  results: AnnualResults;
  /** One object per row (results.at(j) for every j), made on first read and kept. */
  readonly rows: AnnualRowResult[];
  findings: Finding[];
  pools: PoolSummary[];
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

  for (const key of match.missing) {
    findings.push({ code: "MISSING_COLUMN", severity: "error", sheet, row: table.headerRow, column: key, message: msg.missingColumn(key) });
  }
  for (const d of match.duplicates) {
    const cells = d.indices.map((i) => `${columnLetters(table.firstColumn + i)}${table.headerRow}`);
    findings.push({ code: "DUPLICATE_COLUMN", severity: "error", sheet, row: table.headerRow, cell: cells[1], column: d.key, message: msg.duplicateColumn(d.key, cells) });
  }
  const usable = match.missing.length === 0 && match.duplicates.length === 0;
  const rows = new Rows(table, policy, col, usable, findings, joinMessages(findings.map((f) => f.message)));
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (isBlankRow(cells)) continue; // blank lines inside a block are not rows
    rows.parse(i, cells);
  }

  markDuplicateIds(rows, findings, sheet);

  // Pools: one group and one subject kind; ranks and quotas never cross pools (POLICY.md §1).
  // One pass in row order gathers what each pool's quota needs; the ranks of all pools are counted at once.
  const { count, decisions, decision, pool } = rows;
  const poolCount = rows.poolKeys.length;
  const stats: PoolRows[] = rows.poolKeys.map(() => ({ rows: 0, valid: 0, vetoes: 0, affirmed: [], others: [] }));
  const valid = scratchInt32("valid", count);
  let validCount = 0;
  for (let j = 0; j < count; j++) {
    const st = stats[pool[j]];
    st.rows++;
    if (decision[j] < 0) continue;
    valid[validCount++] = j;
    const d = decisions[decision[j]];
    st.valid++;
    if (d.vetoed) st.vetoes++;
    if (d.gradeIndex === 0) (d.affirmed ? st.affirmed : st.others).push(j);
  }
  rankInPools(valid.subarray(0, validCount), pool, poolCount, rows.units, policy.ranking.style, rows.ranks);

  const summaries: PoolSummary[] = [];
  for (let p = 0; p < poolCount; p++) {
    const st = stats[p];
    const summary = applyQuota(rows, rows.poolKeys[p], st, policy, findings, sheet);
    summaries.push({ ...summary, rows: st.rows, group: rows.poolGroups[p], kind: rows.poolCadres[p] ? "cadres" : "units" });
  }

  auditManualGrades(rows, summaries, policy, findings, sheet);

  findings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  let made: AnnualRowResult[] | undefined;
  const outcome = { kind: "annual", columns: col, results: rows, findings, pools: summaries } as Omit<AnnualOutcome, "rows">;
  // Enumerable, so a copy or a deep comparison of the outcome still sees the rows.
  Object.defineProperty(outcome, "rows", { enumerable: true, get: () => (made ??= rows.all()) });
  return outcome as AnnualOutcome;
}

const INVALID_REASONS: readonly ReasonCode[] = Object.freeze(["INVALID"]);
const EMPTY_MESSAGE: Message = Object.freeze({ zh: "", en: "" });
const BLOCKER_NAMES: Partial<Record<ReasonCode, Message>> = {
  VETO: { zh: "一票否决", en: "a one-vote veto" },
  POLITICAL_NOT_SOLID: { zh: "政治素质非“过得硬”", en: "political quality not solid" },
  POLITICAL_FAIL: { zh: "政治素质不合格", en: "political quality unqualified" },
};
// The facts a grade decision depends on, as small numbers (their index here; Rows.decide packs them into one key).
const SUBJECTS: readonly SubjectKind[] = ["team", "cadre", "unit"];
const CADRE = SUBJECTS.indexOf("cadre");
const POLITICAL: readonly PoliticalQuality[] = ["solid", "qualified", "unqualified"];
const CIRCULAR: readonly CircularLevel[] = ["none", "belowDistrict", "veto"];
const YES_NO: readonly ("no" | "yes")[] = ["no", "yes"];
/** Why the quota held a row back (Rows.held): none, QUOTA, QUOTA_TIE. */
const HELD: readonly (ReasonCode | null)[] = [null, "QUOTA", "QUOTA_TIE"];

/** The cell of a row in a column the table may not have (−1 or undefined). */
function cellIn(cells: readonly CellValue[], c: number | undefined): CellValue {
  return c === undefined || c < 0 ? null : cells[c];
}

function isBlankRow(cells: readonly CellValue[]): boolean {
  for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) return false;
  return true;
}

/** A score cell's number: NaN when the cell holds none (parse reports why). */
function scoreOf(v: CellValue): number {
  if (typeof v === "number" && Number.isFinite(v)) return Object.is(v, -0) ? 0 : v;
  const r = readNumber(v);
  return r.ok ? r.value : NaN;
}

/**
 * A finding about one row's cell whose sentence is made when first read. A province's table can carry
 * a hundred thousand row warnings, and their sentences (two strings and an address each) were most of
 * the memory a computation kept; most are counted, filtered or written to 校验结果 once, or never read.
 */
class RowFinding implements Finding {
  private said: Message | undefined;
  constructor(
    readonly code: FindingCode,
    readonly severity: Severity,
    readonly sheet: string | undefined,
    readonly row: number,
    readonly column: string,
    /** The column's letters, undefined when the table has no such column. */
    private readonly letters: string | undefined,
    private readonly say: (cell: string | undefined) => Message,
  ) {}

  get cell(): string | undefined {
    return this.letters === undefined ? undefined : this.letters + this.row;
  }

  get message(): Message {
    return (this.said ??= this.say(this.cell));
  }
}

/** Distinct spellings a column caches; a column of free text must not fill memory. */
const TERM_CACHE_LIMIT = 1024;

/**
 * A vocabulary lookup that remembers each distinct cell text: a column of a million cells holds a
 * handful of spellings (是, 否, 过得硬 …), and folding and normalizing each cell again is most of the cost.
 * Terms come back as small numbers (their index in `terms`, −1 for none): the row state is numeric.
 */
class TermCache<K extends string> {
  private readonly seen = new Map<string, number>();
  // Most cells repeat the spelling of the cell above (过得硬, 否): compared before the map.
  private lastText = "";
  private lastCode = -1;
  constructor(
    private readonly vocab: Vocabulary<K>,
    private readonly terms: readonly K[],
  ) {}

  code(v: CellValue): number {
    if (typeof v !== "string") return this.codeOf(v);
    if (v === this.lastText) return this.lastCode;
    let c = this.seen.get(v);
    if (c === undefined) {
      c = this.codeOf(v);
      if (this.seen.size < TERM_CACHE_LIMIT) this.seen.set(v, c);
    }
    this.lastText = v;
    this.lastCode = c;
    return c;
  }

  private codeOf(v: CellValue): number {
    const t = lookupTerm(v, this.vocab);
    return t === undefined ? -1 : this.terms.indexOf(t);
  }
}

/**
 * The parsed rows, by position (0…count−1; blank rows are skipped), as columns: everything the
 * quota, the ranks and the results need, without an object per row until results() makes them.
 */
class Rows implements AnnualResults {
  count = 0;
  /** 0-based index of the row in RawTable.rows. */
  readonly rowIndex: Int32Array;
  /** Hashes of the IDs as compared for duplicates (keyHash): scratch, valid until the duplicate check. */
  readonly idHashes: Int32Array;
  readonly subjectCode: Uint8Array;
  readonly leader: Uint8Array;
  /** The rounded composite as an integer count of 10^-decimals (exact; used for ordering). */
  readonly units: Int32Array | Float64Array;
  /** The score components that break ties at the quota boundary (policy.quota.tieBreak), as indices. */
  readonly tieKeys: number[];
  /** Index into `decisions`; −1 for a row that is not valid (no composite, no grade, no rank). */
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
  private readonly sharedReasons = new Map<number, readonly ReasonCode[]>();
  private readonly sharedExplanations = new Map<number, Message>();

  private readonly weightedSum: WeightedSum;
  private readonly scale: number;
  private readonly scores = [NaN, NaN, NaN, NaN, NaN];
  private readonly scoreColumns: number[];
  private readonly subjects: TermCache<SubjectKind>;
  private readonly yesNo: TermCache<"yes" | "no">;
  private readonly political: TermCache<PoliticalQuality>;
  private readonly circular: TermCache<CircularLevel>;
  /** The input columns parse reads, as 0-based indices (−1: the table has no such column). */
  private readonly inputAt: { id: number; subject: number; group: number; topLeader: number; incentive: number; political: number; circular: number; manualGrade: number };
  private readonly groupKnown = new Map<string, boolean>();
  private readonly groupsKnown: Set<string>;
  /** Pool index by group, one map per kind (cadres; teams and units together). */
  private readonly poolIndex = [new Map<string, number>(), new Map<string, number>()];
  /** Column letters of each input column, for the cell addresses of findings. */
  private readonly letters: Record<string, string> = {};
  // The row being parsed, for findings.
  private rowNo = 0;
  private errors = 0;

  constructor(
    private readonly table: RawTable,
    private readonly policy: Policy,
    private readonly columns: Record<string, number>,
    /** False when a required column is missing or doubled: no row can be computed. */
    private readonly usable: boolean,
    private readonly findings: Finding[],
    /** Why no row can be computed, when the table itself is unusable. */
    private readonly tableProblem: Message,
  ) {
    const n = table.rows.length;
    this.weightedSum = prepare(policy).composite;
    this.scale = 10 ** policy.rounding.decimals;
    this.scoreColumns = COMPONENT_KEYS.map((k) => columns[k] ?? -1);
    this.tieKeys = policy.quota.tieBreak.map((k) => COMPONENT_KEYS.indexOf(k));
    this.rowIndex = new Int32Array(n);
    this.idHashes = scratchInt32("idHashes", n);
    this.subjectCode = new Uint8Array(n);
    this.leader = new Uint8Array(n);
    // Composites of 0–100 in units of 10^-decimals fit 32 bits up to 7 decimals (the policy allows 0–4).
    this.units = 100 * this.scale < 2 ** 31 ? new Int32Array(n) : new Float64Array(n);
    // Decision keys (Rows.decide) number (bands + 1) · 108: 16 bits for any sensible policy.
    this.decision = (policy.bands.length + 1) * 108 < 2 ** 15 ? new Int16Array(n) : new Int32Array(n);
    this.pool = new Int32Array(n);
    this.ranks = new Int32Array(n);
    this.held = new Uint8Array(n);
    const vocab = policy.vocabulary;
    this.subjects = new TermCache(vocab.subject, SUBJECTS);
    this.yesNo = new TermCache(yesNoVocabulary(policy), YES_NO);
    this.political = new TermCache(vocab.political, POLITICAL);
    this.circular = new TermCache(vocab.circular, CIRCULAR);
    const c = (key: string) => columns[key] ?? -1;
    this.inputAt = { id: c("id"), subject: c("subject"), group: c("group"), topLeader: c("topLeader"), incentive: c("incentive"), political: c("political"), circular: c("circular"), manualGrade: c("manualGrade") };
    this.groupsKnown = new Set(policy.groups.map(normalizeText));
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

  /** A finding about the current row's cell in column `key`; `say` makes its sentence from the cell's address. */
  private report(code: Finding["code"], key: string, say: (cell: string | undefined) => Message, severity: Finding["severity"] = "error"): void {
    if (severity === "error") this.errors++;
    this.findings.push(new RowFinding(code, severity, this.table.sheet, this.rowNo, key, this.letters[key], say));
  }

  /** 1 for yes; 0 for no, blank or a spelling that is neither (reported). */
  private readYesNo(cells: readonly CellValue[], c: number, key: string): number {
    const v = cellIn(cells, c);
    if (isBlank(v)) return 0;
    const t = this.yesNo.code(v);
    const vocab = this.policy.vocabulary;
    if (t < 0) this.report("UNKNOWN_VALUE", key, (cell) => msg.unknownValue(cell, key, truncate(cellText(v)), [vocab.yes[0], vocab.no[0]]));
    return t === 1 ? 1 : 0;
  }

  private isKnownGroup(group: string): boolean {
    let known = this.groupKnown.get(group);
    if (known === undefined) {
      known = this.groupsKnown.has(normalizeText(group));
      if (this.groupKnown.size < TERM_CACHE_LIMIT) this.groupKnown.set(group, known);
    }
    return known;
  }

  private poolOf(group: string, subject: number): number {
    const cadres = subject === CADRE;
    const byGroup = this.poolIndex[cadres ? 0 : 1];
    let p = byGroup.get(group);
    if (p === undefined) {
      byGroup.set(group, (p = this.poolKeys.length));
      this.poolKeys.push(poolKey(group, SUBJECTS[subject]));
      this.poolGroups.push(group);
      this.poolCadres.push(cadres);
    }
    return p;
  }

  /** The shared decision for a band and the row facts (grade.ts decides each combination once). */
  private decide(band: number, political: number, circular: number, incentive: number, topLeader: number, subject: number): number {
    const key = ((((band * 3 + political) * 3 + circular) * 2 + incentive) * 2 + topLeader) * 3 + subject;
    if (this.decisions[key] === undefined) {
      const facts = { political: POLITICAL[political], circular: CIRCULAR[circular], incentive: incentive === 1, topLeader: topLeader === 1, subject: SUBJECTS[subject] };
      const d = decideFromBand(band, facts, this.policy);
      Object.freeze(d.reasons);
      this.decisions[key] = Object.freeze(d);
    }
    return key;
  }

  /** Read and check one row (POLICY.md §9), then compute its composite and pre-quota grade. */
  parse(i: number, cells: readonly CellValue[]): void {
    const { inputAt: at, policy, usable } = this;
    const vocab = policy.vocabulary;
    const j = this.count++;
    this.rowIndex[j] = i;
    this.rowNo = this.table.headerRow + 1 + i;
    this.errors = 0;
    const firstFinding = this.findings.length;

    const id = cellText(cellIn(cells, at.id));
    // Hashed for the duplicate check now, while the text is at hand (in cache); the text itself is
    // read again from the cell when asked for (id), not kept: a million strings in an array is memory.
    this.idHashes[j] = keyHash(id);
    if (usable && id === "") this.report("MISSING", "id", (cell) => msg.missing(cell, "id"));

    let subject = CADRE;
    const sv = cellIn(cells, at.subject);
    if (!isBlank(sv)) {
      const s = this.subjects.code(sv);
      if (s >= 0) subject = s;
      else this.report("UNKNOWN_VALUE", "subject", (cell) => msg.unknownValue(cell, "subject", truncate(cellText(sv)), Object.values(vocab.subject).map((t) => t[0])));
    }
    this.subjectCode[j] = subject;

    const group = cellText(cellIn(cells, at.group));
    if (at.group >= 0 && usable) {
      if (group === "") this.report("MISSING", "group", (cell) => msg.missing(cell, "group"));
      else if (!this.isKnownGroup(group)) this.report("UNKNOWN_GROUP", "group", (cell) => msg.unknownGroup(cell, truncate(group), policy.groups), "warning");
    }

    const topLeader = this.readYesNo(cells, at.topLeader, "topLeader");
    const incentive = this.readYesNo(cells, at.incentive, "incentive");
    this.leader[j] = topLeader;

    const scores = this.scores;
    for (let k = 0; k < 5; k++) {
      scores[k] = NaN;
      const c = this.scoreColumns[k];
      if (c < 0) continue;
      const v = cells[c];
      // Numbers (nearly every score cell) skip readNumber's result object.
      if (typeof v === "number" && Number.isFinite(v)) scores[k] = scoreOf(v);
      else {
        const key = COMPONENT_KEYS[k];
        const r = readNumber(v);
        if (r.ok) scores[k] = r.value;
        else if (r.reason === "blank") this.report("MISSING", key, (cell) => msg.missing(cell, key));
        else this.report("NOT_A_NUMBER", key, (cell) => msg.notANumber(cell, key, r.shown));
      }
      const x = scores[k];
      if (x < 0 || x > 100) this.report("OUT_OF_RANGE", COMPONENT_KEYS[k], (cell) => msg.outOfRange(cell, COMPONENT_KEYS[k], x, 0, 100));
    }

    let political = 0; // 过得硬
    if (at.political >= 0) {
      const v = cells[at.political];
      if (isBlank(v)) this.report("MISSING", "political", (cell) => msg.missing(cell, "political"));
      else {
        const p = this.political.code(v);
        if (p >= 0) political = p;
        else this.report("UNKNOWN_VALUE", "political", (cell) => msg.unknownValue(cell, "political", truncate(cellText(v)), Object.values(vocab.political).map((t) => t[0])));
      }
    }

    let circular = 0; // none
    const cv = cellIn(cells, at.circular);
    if (!isBlank(cv)) {
      const c = this.circular.code(cv);
      if (c >= 0) circular = c;
      else this.report("UNKNOWN_VALUE", "circular", (cell) => msg.unknownValue(cell, "circular", truncate(cellText(cv)), [...vocab.circular.none.slice(0, 1), ...vocab.circular.belowDistrict.slice(0, 1), ...vocab.circular.veto.slice(0, 5)]));
    }

    const mg = cellIn(cells, at.manualGrade);
    if (!isBlank(mg)) this.manualAt.push(j);

    this.pool[j] = this.poolOf(group, subject);
    this.decision[j] = -1;
    if (!usable) return; // results() explains every row with the table's problem
    if (this.errors > 0) {
      this.whyInvalid.set(j, joinMessages(this.findings.slice(firstFinding).filter((f) => f.severity === "error").map((f) => f.message)));
      return;
    }
    const units = this.weightedSum.units(scores);
    this.units[j] = units;
    // bandIndex(units / scale, bands), written out: the composite stays an unboxed double here.
    const composite = units / this.scale;
    const bands = policy.bands;
    let band = 0;
    while (band < bands.length && !(composite >= bands[band])) band++;
    const key = this.decide(band, political, circular, incentive, topLeader, subject);
    this.decision[j] = key;
    const decision = this.decisions[key];
    if (decision.affirmNotTopLeader) this.report("AFFIRM_NOT_TOP_LEADER", "incentive", msg.affirmNotTopLeader, "warning");
    if (decision.conflict) {
      const names = decision.reasons.map((r) => BLOCKER_NAMES[r]).filter((n): n is Message => n !== undefined);
      const row = this.rowNo;
      this.report("AFFIRM_VETO_CONFLICT", "incentive", () => msg.affirmVetoConflict(row, { zh: names.map((n) => n.zh).join("、"), en: names.map((n) => n.en).join(" and ") }), "warning");
    }
  }

  /** The tie-break components of row j (policy.quota.tieBreak), read again from its cells. */
  tieScores(j: number): number[] {
    const cells = this.table.rows[this.rowIndex[j]];
    return this.tieKeys.map((k) => {
      const c = this.scoreColumns[k];
      return c < 0 ? NaN : scoreOf(cells[c]);
    });
  }

  /** The row's grade decision before the quota, null for a row that is not valid. */
  decisionOf(j: number): GradeDecision | null {
    const key = this.decision[j];
    return key < 0 ? null : this.decisions[key];
  }

  private explanationOfInvalid(j: number): Message {
    return this.whyInvalid.get(j) ?? this.tableProblem;
  }

  /** A row found wrong after parsing (a repeated ID): no composite, no grade, no rank. */
  invalidate(j: number, why: Message): void {
    this.whyInvalid.set(j, this.decision[j] >= 0 ? why : joinMessages([this.explanationOfInvalid(j), why]));
    this.decision[j] = -1;
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
    return cellText(cellIn(this.table.rows[this.rowIndex[j]], this.inputAt.id));
  }

  /** The grade typed by hand (拟定等次), "" for none. */
  manualGrade(j: number): string {
    return cellText(cellIn(this.table.rows[this.rowIndex[j]], this.inputAt.manualGrade));
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

/** DUPLICATE_ID: every occurrence of a repeated ID is reported and left uncomputed. */
function markDuplicateIds(rows: Rows, findings: Finding[], sheet: string | undefined) {
  const rowOf = (j: number) => rows.row(j);
  for (const group of repeatedGroups(rows.count, rows.idHashes, (j) => normalizeText(rows.id(j)))) {
    const rowNumbers = group.map(rowOf);
    for (const j of group) {
      const cell = rows.cellAt(rowOf(j), "id");
      const f: Finding = { code: "DUPLICATE_ID", severity: "error", sheet, row: rowOf(j), cell, column: "id", message: msg.duplicateId(cell, truncate(rows.id(j)), rowNumbers) };
      findings.push(f);
      rows.invalidate(j, f.message);
    }
  }
}

type QuotaSummary = Omit<PoolSummary, "rows" | "group" | "kind">;

/** A pool's rows as the quota needs them: counts, and the 优秀 candidates (affirmed or not) in row order. */
interface PoolRows {
  rows: number;
  valid: number;
  vetoes: number;
  affirmed: number[];
  others: number[];
}

/** POLICY.md §4 step 7: the excellent quota within one pool, affirmed rows first, exact ties held back. */
function applyQuota(rows: Rows, key: string, pool: PoolRows, policy: Policy, findings: Finding[], sheet: string | undefined): QuotaSummary {
  const q = policy.quota;
  const { units } = rows;
  const rowOf = (j: number) => rows.row(j);
  const { affirmed, others } = pool;
  const summary: QuotaSummary = {
    key,
    valid: pool.valid,
    quota: null,
    excellent: 0,
    affirmed: affirmed.length,
    vetoes: pool.vetoes,
    tie: false,
    exceededByAffirmation: false,
  };
  if (!q.enabled || pool.valid === 0) {
    summary.excellent = affirmed.length + others.length;
    return summary;
  }
  const quota = quotaFor(pool.valid, policy);
  summary.quota = quota;
  if (affirmed.length > quota) {
    summary.exceededByAffirmation = true;
    findings.push({ code: "QUOTA_EXCEEDED_BY_AFFIRMATION", severity: "warning", sheet, pool: key, row: rowOf(affirmed[0]), message: msg.quotaExceeded(key, affirmed.length, quota) });
  }
  const places = Math.max(0, quota - affirmed.length);
  // Only the order at the boundary matters: rows above it are admitted, rows below it held, whatever
  // their order among themselves. The boundary composite is the places-th best (found by counting);
  // only the candidates at exactly that composite are ordered, by the tie-break keys, then by row.
  let admitted = Math.min(places, others.length);
  if (places === 0) {
    for (const j of others) rows.hold(j, "QUOTA");
  } else if (others.length > places) {
    const candidates = new Float64Array(others.length); // small: the 优秀 candidates of one pool
    for (let k = 0; k < others.length; k++) candidates[k] = units[others[k]];
    const boundary = kthLargest(candidates, places);
    let above = 0;
    const run: number[] = [];
    for (const j of others) {
      if (units[j] > boundary) above++;
      else if (units[j] === boundary) run.push(j);
      else rows.hold(j, "QUOTA");
    }
    // The run shares one composite: it is ordered by the tie-break components, descending, which are
    // read again from the cells of its rows only.
    const tie = new Map(run.map((j) => [j, rows.tieScores(j)]));
    const compare = (a: number, b: number): number => {
      const x = tie.get(a) as number[];
      const y = tie.get(b) as number[];
      for (let t = 0; t < x.length; t++) {
        const e = y[t] - x[t];
        if (e !== 0) return e;
      }
      return 0;
    };
    // Positions grow with the row, so a − b keeps row order among exact ties.
    run.sort((a, b) => compare(a, b) || a - b);
    const left = places - above; // places for the run: 1 … run.length
    if (left < run.length && compare(run[left - 1], run[left]) === 0) {
      // Rows tied exactly at the boundary: all held back for a human decision (QUOTA_TIE).
      let start = left - 1;
      while (start > 0 && compare(run[start - 1], run[left]) === 0) start--;
      let end = left;
      while (end + 1 < run.length && compare(run[end + 1], run[left]) === 0) end++;
      admitted = above + start;
      const tied = run.slice(start, end + 1);
      for (const j of tied) rows.hold(j, "QUOTA_TIE");
      summary.tie = true;
      findings.push({ code: "QUOTA_TIE", severity: "warning", sheet, pool: key, row: rowOf(tied[0]), message: msg.quotaTie(key, tied.map(rowOf), places - admitted) });
      for (let k = end + 1; k < run.length; k++) rows.hold(run[k], "QUOTA");
    } else {
      for (let k = left; k < run.length; k++) rows.hold(run[k], "QUOTA");
    }
  }
  summary.excellent = affirmed.length + admitted;
  return summary;
}

/** MANUAL_GRADE_CONFLICT: a grade typed by hand (拟定等次) is audited against the rules. */
function auditManualGrades(rows: Rows, pools: PoolSummary[], policy: Policy, findings: Finding[], sheet: string | undefined) {
  const cellOf = (row: number) => rows.cellAt(row, "manualGrade");
  const letters = rows.lettersOf("manualGrade");
  const scaleNames = (subject: SubjectKind) => scaleFor(subject, policy);
  // Which grade of the scale a typed text names (−1: none), once per scale and distinct text.
  const typed = { cadre: new Map<string, number>(), team: new Map<string, number>() };
  const manualIndex = (subject: SubjectKind, text: string): number => {
    const scale = scaleNames(subject);
    const seen = scale === policy.grades.cadre ? typed.cadre : typed.team;
    let mi = seen.get(text);
    if (mi === undefined) {
      const k = normalizeText(text);
      mi = scale.findIndex((g) => normalizeText(g.zh) === k || normalizeText(g.en) === k);
      if (seen.size < TERM_CACHE_LIMIT) seen.set(text, mi);
    }
    return mi;
  };
  // The typed grades of tied rows (QUOTA_TIE), for the check of the places left below.
  const manualOf = new Map<number, string>();
  for (let m = 0; m < rows.manualAt.length; m++) {
    const j = rows.manualAt[m];
    const text = rows.manualGrade(j);
    if (rows.isTied(j)) manualOf.set(j, text);
    const row = rows.row(j);
    const subject = rows.subject(j);
    const mi = manualIndex(subject, text);
    if (mi < 0) {
      findings.push({ code: "UNKNOWN_VALUE", severity: "error", sheet, row, cell: cellOf(row), column: "manualGrade", message: msg.unknownValue(cellOf(row), "manualGrade", truncate(text), scaleNames(subject).map((g) => g.zh)) });
      continue;
    }
    const gradeIndex = rows.gradeIndex(j);
    if (gradeIndex === null) continue; // an invalid row: its own findings come first
    const tieChoice = rows.isTied(j) && mi <= 1; // a human decides ties
    if (mi === gradeIndex || tieChoice) continue;
    const grade = rows.grade(j);
    const explanation = rows.explanation(j);
    const composite = rows.composite(j);
    const why = (): Message => (explanation.zh ? explanation : msg.gradeByComposite(composite, scaleNames(subject)[gradeIndex]));
    findings.push(new RowFinding("MANUAL_GRADE_CONFLICT", "error", sheet, row, "manualGrade", letters, (cell) => msg.manualGradeConflict(cell, text, grade, why())));
  }
  // Tied rows may each be typed 优秀 or the second grade, but together not beyond the places left.
  // Only pools with a QUOTA_TIE have tied rows; their members are gathered in one pass, in row order.
  const membersOf = new Map<number, number[]>();
  pools.forEach((s, p) => s.tie && membersOf.set(p, []));
  if (membersOf.size) for (let j = 0; j < rows.count; j++) membersOf.get(rows.pool[j])?.push(j);
  for (const [p, members] of membersOf) {
    const key = pools[p].key;
    const tied = members.filter((j) => rows.isTied(j));
    if (!tied.length) continue;
    const excellentOutside = members.filter((j) => rows.gradeIndex(j) === 0).length;
    const quota = quotaFor(members.filter((j) => rows.valid(j)).length, policy);
    const left = Math.max(0, quota - excellentOutside);
    const typedExcellent = tied.filter((j) => manualOf.has(j) && manualIndex(rows.subject(j), manualOf.get(j) as string) === 0);
    if (typedExcellent.length <= left) continue;
    for (const j of typedExcellent) {
      const row = rows.row(j);
      const text = manualOf.get(j) as string;
      const why = msg.tiedTypedExcellent(key, typedExcellent.length, left);
      findings.push({ code: "MANUAL_GRADE_CONFLICT", severity: "error", sheet, row, cell: cellOf(row), column: "manualGrade", message: msg.manualGradeConflict(cellOf(row), text, rows.grade(j), why) });
    }
  }
}
