// Reading the annual table into its columns (annual-columns.ts): every row is checked (POLICY.md §9),
// and a valid row gets its composite (§3) and its grade decision before the quota (§4 steps 2–6).
// Each distinct spelling in a vocabulary column is looked up once (TermCache); each combination of
// band and row facts is decided once and shared (Decisions). Under 折算 (performance.mode "convert")
// a row's composite waits until every row is read: its P is divided by the best P of its group.
import { AnnualColumns, CADRE, cellIn, CIRCULAR, INVALID, PENDING, POLITICAL, scoreOf, SUBJECTS } from "./annual-columns";
import type { WeightedSum } from "./decimal";
import { decideFromBand, GradeDecision } from "./grade";
import { ANNUAL_COLUMNS, specByKey } from "./headers";
import { Policy, prepare, yesNoVocabulary } from "./policy";
import { convertScore } from "./scores";
import { CellValue, CircularLevel, COMPONENT_KEYS, Finding, FindingCode, Message, PoliticalQuality, Severity, SubjectKind } from "./types";
import { cellText, isBlank, keyHash, lookupTerm, normalizeText, readNumber, truncate, Vocabulary } from "./values";
import { blockerName, joinMessages, msg } from "../i18n/messages";

/** The annual columns by key: the names its messages use. */
const COLUMN = specByKey(ANNUAL_COLUMNS);
const YES_NO: readonly ("no" | "yes")[] = ["no", "yes"];

/** Distinct spellings a column caches; a column of free text must not fill memory. */
export const TERM_CACHE_LIMIT = 1024;

/**
 * A finding about one row's cell whose sentence is made when first read. A province's table can carry
 * a hundred thousand row warnings, and their sentences (two strings and an address each) were most of
 * the memory a computation kept; most are counted, filtered or written to 校验结果 once, or never read.
 */
export class RowFinding implements Finding {
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

/** The grade decisions of one table: each combination of band and row facts decided once (grade.ts). */
class Decisions {
  constructor(
    private readonly decisions: GradeDecision[],
    private readonly policy: Policy,
  ) {}

  /** The key of the shared decision for a band and the row facts (all small numbers). */
  decide(band: number, political: number, circular: number, incentive: number, topLeader: number, subject: number): number {
    const key = ((((band * 3 + political) * 3 + circular) * 2 + incentive) * 2 + topLeader) * 3 + subject;
    if (this.decisions[key] === undefined) {
      const facts = { political: POLITICAL[political], circular: CIRCULAR[circular], incentive: incentive === 1, topLeader: topLeader === 1, subject: SUBJECTS[subject] };
      const d = decideFromBand(band, facts, this.policy);
      Object.freeze(d.reasons);
      this.decisions[key] = Object.freeze(d);
    }
    return key;
  }
}

export class AnnualReader {
  private readonly weightedSum: WeightedSum;
  private readonly scale: number;
  private readonly decisions: Decisions;
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
  /** Under 折算: the political, circular and incentive facts of pending rows, packed (facts are read once). */
  private readonly pendingFacts: Uint8Array | null;
  // The row being read, for findings.
  private rowNo = 0;
  private errors = 0;

  constructor(
    private readonly rows: AnnualColumns,
    /** False when a required column is missing or doubled: no row can be computed. */
    private readonly usable: boolean,
    private readonly findings: Finding[],
  ) {
    const { policy, columns, table } = rows;
    this.weightedSum = prepare(policy).composite;
    this.scale = 10 ** policy.rounding.decimals;
    this.decisions = new Decisions(rows.decisions, policy);
    this.scoreColumns = COMPONENT_KEYS.map((k) => columns[k] ?? -1);
    const vocab = policy.vocabulary;
    this.subjects = new TermCache(vocab.subject, SUBJECTS);
    this.yesNo = new TermCache(yesNoVocabulary(policy), YES_NO);
    this.political = new TermCache(vocab.political, POLITICAL);
    this.circular = new TermCache(vocab.circular, CIRCULAR);
    const c = (key: string) => columns[key] ?? -1;
    this.inputAt = { id: c("id"), subject: c("subject"), group: c("group"), topLeader: c("topLeader"), incentive: c("incentive"), political: c("political"), circular: c("circular"), manualGrade: c("manualGrade") };
    this.groupsKnown = new Set(policy.groups.map(normalizeText));
    this.pendingFacts = rows.performance ? new Uint8Array(table.rows.length) : null;
  }

  /** A finding about the current row's cell in column `key`; `say` makes its sentence from the cell's address. */
  private report(code: Finding["code"], key: string, say: (cell: string | undefined) => Message, severity: Finding["severity"] = "error"): void {
    if (severity === "error") this.errors++;
    this.findings.push(new RowFinding(code, severity, this.rows.table.sheet, this.rowNo, key, this.rows.lettersOf(key), say));
  }

  /** 1 for yes; 0 for no, blank or a spelling that is neither (reported). */
  private readYesNo(cells: readonly CellValue[], c: number, key: string): number {
    const v = cellIn(cells, c);
    if (isBlank(v)) return 0;
    const t = this.yesNo.code(v);
    const vocab = this.rows.policy.vocabulary;
    if (t < 0) this.report("UNKNOWN_VALUE", key, (cell) => msg.unknownValue(cell, COLUMN[key], truncate(cellText(v)), [vocab.yes[0], vocab.no[0]]));
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

  /** Read and check one row (POLICY.md §9), then compute its composite and pre-quota grade (or leave them pending under 折算). */
  parse(i: number, cells: readonly CellValue[]): void {
    const { inputAt: at, usable, rows } = this;
    const policy = rows.policy;
    const vocab = policy.vocabulary;
    const j = rows.count++;
    rows.rowIndex[j] = i;
    this.rowNo = rows.table.headerRow + 1 + i;
    this.errors = 0;
    const firstFinding = this.findings.length;

    const id = cellText(cellIn(cells, at.id));
    // Hashed for the duplicate check now, while the text is at hand (in cache); the text itself is
    // read again from the cell when asked for (id), not kept: a million strings in an array is memory.
    rows.idHashes[j] = keyHash(id);
    if (usable && id === "") this.report("MISSING", "id", (cell) => msg.missing(cell, COLUMN.id));

    let subject = CADRE;
    const sv = cellIn(cells, at.subject);
    if (!isBlank(sv)) {
      const s = this.subjects.code(sv);
      if (s >= 0) subject = s;
      else this.report("UNKNOWN_VALUE", "subject", (cell) => msg.unknownValue(cell, COLUMN.subject, truncate(cellText(sv)), Object.values(vocab.subject).map((t) => t[0])));
    }
    rows.subjectCode[j] = subject;

    const group = cellText(cellIn(cells, at.group));
    if (at.group >= 0 && usable) {
      if (group === "") this.report("MISSING", "group", (cell) => msg.missing(cell, COLUMN.group));
      else if (!this.isKnownGroup(group)) this.report("UNKNOWN_GROUP", "group", (cell) => msg.unknownGroup(cell, truncate(group), policy.groups), "warning");
    }

    const topLeader = this.readYesNo(cells, at.topLeader, "topLeader");
    const incentive = this.readYesNo(cells, at.incentive, "incentive");
    rows.leader[j] = topLeader;

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
        else if (r.reason === "blank") this.report("MISSING", key, (cell) => msg.missing(cell, COLUMN[key]));
        else this.report("NOT_A_NUMBER", key, (cell) => msg.notANumber(cell, COLUMN[key], r.shown));
      }
      const x = scores[k];
      if (x < 0 || x > 100) this.report("OUT_OF_RANGE", COMPONENT_KEYS[k], (cell) => msg.outOfRange(cell, COLUMN[COMPONENT_KEYS[k]], x, 0, 100));
    }

    let political = 0; // 过得硬
    if (at.political >= 0) {
      const v = cells[at.political];
      if (isBlank(v)) this.report("MISSING", "political", (cell) => msg.missing(cell, COLUMN.political));
      else {
        const p = this.political.code(v);
        if (p >= 0) political = p;
        else this.report("UNKNOWN_VALUE", "political", (cell) => msg.unknownValue(cell, COLUMN.political, truncate(cellText(v)), Object.values(vocab.political).map((t) => t[0])));
      }
    }

    let circular = 0; // none
    const cv = cellIn(cells, at.circular);
    if (!isBlank(cv)) {
      const c = this.circular.code(cv);
      if (c >= 0) circular = c;
      else this.report("UNKNOWN_VALUE", "circular", (cell) => msg.unknownValue(cell, COLUMN.circular, truncate(cellText(cv)), [...vocab.circular.none.slice(0, 1), ...vocab.circular.belowDistrict.slice(0, 1), ...vocab.circular.veto.slice(0, 5)]));
    }

    const mg = cellIn(cells, at.manualGrade);
    if (!isBlank(mg)) rows.manualAt.push(j);

    rows.pool[j] = rows.poolOf(group, subject);
    rows.decision[j] = INVALID;
    if (!usable) return; // the results explain every row with the table's problem
    if (this.errors > 0) {
      rows.whyInvalid.set(j, joinMessages(this.findings.slice(firstFinding).filter((f) => f.severity === "error").map((f) => f.message)));
      return;
    }
    if (this.pendingFacts && rows.performance) {
      // 折算: the composite needs the group's best P, known once every row is read (convertPerformance).
      rows.performance[j] = scores[0];
      this.pendingFacts[j] = (political * 3 + circular) * 2 + incentive;
      rows.decision[j] = PENDING;
      return;
    }
    this.decide(j, scores, political, circular, incentive);
  }

  /** The composite of a valid row from its scores, its band, and its shared decision (with the warnings it brings). */
  private decide(j: number, scores: readonly number[], political: number, circular: number, incentive: number): void {
    const { rows } = this;
    const units = this.weightedSum.units(scores);
    rows.units[j] = units;
    // bandIndex(units / scale, bands), written out: the composite stays an unboxed double here.
    const composite = units / this.scale;
    const bands = rows.policy.bands;
    let band = 0;
    while (band < bands.length && !(composite >= bands[band])) band++;
    const key = this.decisions.decide(band, political, circular, incentive, rows.leader[j], rows.subjectCode[j]);
    rows.decision[j] = key;
    const decision = rows.decisions[key];
    if (decision.affirmNotTopLeader) this.report("AFFIRM_NOT_TOP_LEADER", "incentive", msg.affirmNotTopLeader, "warning");
    if (decision.conflict) {
      const names = decision.reasons.map(blockerName).filter((n): n is Message => n !== null);
      const row = this.rowNo;
      this.report("AFFIRM_VETO_CONFLICT", "incentive", () => msg.affirmVetoConflict(row, names), "warning");
    }
  }

  /**
   * 折算 (POLICY.md §3): every pending row's P ÷ the best P among the valid rows of its group (all
   * subjects) × 100, rounded half-up to the policy's decimals — the P shown and used. A group whose
   * best P is 0 cannot be converted: its rows are reported and not computed.
   */
  convertPerformance(): void {
    const { rows } = this;
    const performance = rows.performance;
    const facts = this.pendingFacts;
    if (!performance || !facts) return;
    const best = new Map<string, number>();
    for (let j = 0; j < rows.count; j++) {
      if (rows.decision[j] !== PENDING) continue;
      const group = normalizeText(rows.poolGroups[rows.pool[j]]);
      const b = best.get(group);
      if (b === undefined || performance[j] > b) best.set(group, performance[j]);
    }
    const decimals = rows.policy.rounding.decimals;
    for (let j = 0; j < rows.count; j++) {
      if (rows.decision[j] !== PENDING) continue;
      this.rowNo = rows.row(j);
      const group = rows.poolGroups[rows.pool[j]];
      const b = best.get(normalizeText(group)) as number;
      if (b <= 0) {
        const cell = rows.cellAt(this.rowNo, "P");
        const f: Finding = { code: "CONVERT_BEST_ZERO", severity: "error", sheet: rows.table.sheet, row: this.rowNo, cell, column: "P", message: msg.convertBestZero(cell, group) };
        this.findings.push(f);
        rows.invalidate(j, f.message);
        continue;
      }
      performance[j] = convertScore(performance[j], b, decimals);
      const scores = rows.scoresOf(j, [0, 1, 2, 3, 4]);
      const packed = facts[j];
      this.decide(j, scores, Math.floor(packed / 6), Math.floor(packed / 2) % 3, packed % 2);
    }
  }
}
