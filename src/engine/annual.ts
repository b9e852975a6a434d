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
import { AnnualColumns, CADRE, SUBJECTS } from "./annual-columns";
import { auditManualGrades } from "./annual-audit";
import { AnnualReader } from "./annual-read";
import { ANNUAL_COLUMNS, readColumns } from "./headers";
import type { Policy } from "./policy";
import { applyQuota, PoolRows } from "./quota";
import { rankInPools } from "./rank";
import type { Finding, Highlight, Message, RawTable, ReasonCode, SubjectKind } from "./types";
import { isBlankRow, normalizeText, repeatedGroups, scratchInt32, truncate } from "./values";
import { joinMessages, msg, poolName } from "../i18n/messages";

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
  /** The P the composite used when it is not the cell's: 折算 under performance.mode "convert" (POLICY.md §3); null otherwise. */
  performance: number | null;
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
  /** The P used when it is not the cell's (折算), else null. */
  performanceUsed(j: number): number | null;
  rank(j: number): number | null;
  grade(j: number): string | null;
  gradeIndex(j: number): number | null;
  /** Shared between rows with the same decision: frozen. */
  reasons(j: number): readonly ReasonCode[];
  highlight(j: number): Highlight | null;
  explanation(j: number): Message;
  /**
   * The note on the grade cell of a highlighted row (null for a row that is not highlighted): the
   * explanation, or for a veto that changed nothing (the band was below 优秀) why the row is red.
   */
  note(j: number): Message | null;
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

/** The key and name of the pool of a group and subject kind ("区直单位 · 干部"). */
export function poolKey(group: string, subject: SubjectKind): string {
  return poolName(group, SUBJECTS.indexOf(subject) === CADRE);
}


export function computeAnnual(table: RawTable, policy: Policy): AnnualOutcome {
  const findings: Finding[] = [];
  const sheet = table.sheet;
  const { columns: col, findings: columnProblems, usable } = readColumns(table, "annual", ANNUAL_COLUMNS);
  findings.push(...columnProblems);
  const rows = new AnnualColumns(table, policy, col, joinMessages(findings.map((f) => f.message)));
  const reader = new AnnualReader(rows, usable, findings);
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (isBlankRow(cells)) continue; // blank lines inside a block are not rows
    reader.parse(i, cells);
  }

  markDuplicateIds(rows, findings, sheet);
  reader.convertPerformance(); // 折算: only under performance.mode "convert", once the valid rows are known

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

/** DUPLICATE_ID: every occurrence of a repeated ID is reported and left uncomputed. */
function markDuplicateIds(rows: AnnualColumns, findings: Finding[], sheet: string | undefined) {
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

