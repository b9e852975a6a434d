// One place that knows, per table kind, which engine computes it and what its results look like in
// the sheet and in the JSON. Adding a kind (unit performance, history, …) is one case in
// processTable and one process… function; the actions around it stay as they are.
import { computeAnnual, PoolSummary } from "../engine/annual";
import { ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS, ColumnSpec, TableKind } from "../engine/headers";
import type { Policy } from "../engine/policy";
import type { CellValue, Finding, Highlight, RawTable } from "../engine/types";
import type { TableRef } from "../workbook/port";

/** One result row in the JSON (INTERFACES.md §4): the worksheet row plus the kind's own fields. */
export type JsonRow = { row: number } & Record<string, unknown>;

/** A computed table, ready to be written and reported. */
export interface TableResult {
  ref: TableRef;
  kind: TableKind;
  raw: RawTable;
  findings: Finding[];
  /** False when the table itself is unreadable (a required column missing or doubled): nothing is written to it. */
  usable: boolean;
  inputSpecs: readonly ColumnSpec[];
  resultSpecs: readonly ColumnSpec[];
  /** Result key → one value per data row (index into raw.rows); null clears the cell. */
  values: Record<string, CellValue[]>;
  numberFormats: Record<string, string>;
  /** Highlight class per data row. */
  highlights: (Highlight | null)[];
  /** Note per data row (the reason sentence), put on the `noteKey` result cell of highlighted rows. */
  notes: (string | null)[];
  noteKey: string;
  json: JsonRow[];
  stats: TableStats;
}

export interface TableStats {
  /** Non-blank data rows. */
  rows: number;
  valid: number;
  pools: PoolSummary[];
  vetoes: number;
  /** Rows where an affirmation met a veto (AFFIRM_VETO_CONFLICT). */
  conflicts: number;
}

const TABLE_LEVEL = new Set<Finding["code"]>(["MISSING_COLUMN", "DUPLICATE_COLUMN"]);

/** Compute one table with its kind's engine; null for kinds not computed yet (they are skipped). */
export function processTable(ref: TableRef, raw: RawTable, policy: Policy): TableResult | null {
  switch (ref.kind) {
    case "annual":
      return processAnnual(ref, raw, policy);
    case "unit":
    case "city":
    case "history":
    case null:
      return null; // engines for these kinds come with issue 4
  }
}

function processAnnual(ref: TableRef, raw: RawTable, policy: Policy): TableResult {
  const outcome = computeAnnual(raw, policy);
  const n = raw.rows.length;
  const column = () => new Array<CellValue>(n).fill(null);
  const values: Record<string, CellValue[]> = { composite: column(), rank: column(), grade: column(), reasons: column() };
  const highlights = new Array<Highlight | null>(n).fill(null);
  const notes = new Array<string | null>(n).fill(null);
  for (const r of outcome.rows) {
    values.composite[r.index] = r.composite;
    values.rank[r.index] = r.rank;
    values.grade[r.index] = r.grade;
    values.reasons[r.index] = r.explanation.zh || null;
    highlights[r.index] = r.highlight;
    if (r.highlight && r.explanation.zh) notes[r.index] = r.explanation.zh;
  }
  return {
    ref,
    kind: "annual",
    raw,
    findings: outcome.findings,
    usable: !outcome.findings.some((f) => TABLE_LEVEL.has(f.code)),
    inputSpecs: ANNUAL_COLUMNS,
    resultSpecs: ANNUAL_RESULT_COLUMNS,
    values,
    numberFormats: { composite: "0.00", rank: "0" },
    highlights,
    notes,
    noteKey: "grade",
    json: outcome.rows.map((r) => ({
      row: r.row,
      id: r.id,
      group: r.group,
      composite: r.composite,
      rank: r.rank,
      grade: r.grade,
      reasons: r.reasons,
    })),
    stats: {
      rows: outcome.rows.length,
      valid: outcome.rows.filter((r) => r.valid).length,
      pools: outcome.pools,
      vetoes: outcome.pools.reduce((s, p) => s + p.vetoes, 0),
      conflicts: outcome.rows.filter((r) => r.reasons.includes("AFFIRM_VETO_CONFLICT")).length,
    },
  };
}
