// The grade history (历年等次, INTERFACES.md §1d) and the rewards that follow from it (POLICY.md §6):
// 记三等功 for three 优秀 years in a row (the streak restarts; a missing year breaks it) and the
// tenure for rank promotion (half a year less per 优秀 year served in the current rank).
import { HISTORY_COLUMNS, HISTORY_RESULT_COLUMNS, readColumns, specByKey } from "./headers";
import type { Policy } from "./policy";
import { isExcellent, meritYears, requiredTenure, YearGrade } from "./rewards";
import { CellValue, Finding, FindingCode, Message, RawTable } from "./types";
import { cellText, isBlank, normalizeText, readNumber, truncate } from "./values";
import { joinMessages, msg } from "../i18n/messages";
import { schemeMsg } from "../i18n/scheme-messages";
import { cellList } from "../i18n/sheets";


export interface CadreHistory {
  id: string;
  name: string;
  /** Worksheet row of the cadre's first row (for the JSON `row`). */
  row: number;
  rows: number[];
  /** Grades by year, oldest first (valid rows only). */
  years: YearGrade[];
  valid: boolean;
  /** Years in which 记三等功 is awarded; null when the history has errors. */
  merits: number[] | null;
  /** The 优秀 years, oldest first; null when the history has errors. */
  excellentList: number[] | null;
  /** Count of 优秀 years in the current rank (from rankSince; all years when unknown); null when invalid. */
  excellentYears: number | null;
  rankSince: number | null;
  baseTenure: number | null;
  /** Required tenure after the reductions; null without a base tenure or when invalid. */
  tenure: number | null;
  explanation: Message;
}

export interface HistoryOutcome {
  kind: "history";
  columns: Record<string, number>;
  cadres: CadreHistory[];
  findings: Finding[];
}

/** The history columns by key: the names its messages use. */
const COLUMN = specByKey(HISTORY_COLUMNS);

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** A whole year 1900–2100, or why not. */
export function readYear(v: CellValue): { ok: true; year: number } | { ok: false; reason: "blank" | "bad"; shown: string } {
  const r = readNumber(v);
  if (!r.ok) return r.reason === "blank" ? { ok: false, reason: "blank", shown: "" } : { ok: false, reason: "bad", shown: r.shown };
  if (!Number.isInteger(r.value) || r.value < MIN_YEAR || r.value > MAX_YEAR) return { ok: false, reason: "bad", shown: cellText(v) };
  return { ok: true, year: r.value };
}

/** The excellent years counted for tenure: those from the year the cadre took the current rank. */
export function excellentYearsInRank(history: readonly YearGrade[], rankSince: number | null, policy: Policy): number {
  return history.filter((h) => (rankSince === null || h.year >= rankSince) && isExcellent(h.grade, policy)).length;
}

/** Tenure helper: required = max(floor, base − 0.5 × 优秀 years in the current rank) (POLICY.md §6). */
export function tenureFor(history: readonly YearGrade[], rankSince: number | null, baseYears: number, policy: Policy): number {
  return requiredTenure(baseYears, excellentYearsInRank(history, rankSince, policy), policy);
}

interface Entry {
  index: number;
  row: number;
  year: number | null;
  grade: string | null;
  rankSince: number | null;
  baseTenure: number | null;
  error: boolean;
}

export function computeHistory(table: RawTable, policy: Policy): HistoryOutcome {
  const findings: Finding[] = [];
  const sheet = table.sheet;
  const { columns: col, findings: columnProblems, usable, cellOf } = readColumns(table, "history", HISTORY_COLUMNS);
  findings.push(...columnProblems);
  if (!usable) return { kind: "history", columns: col, cadres: [], findings };

  // Every grade of either scale is a grade (zh or en).
  const scale = [...policy.grades.cadre, ...policy.grades.team];
  const gradeOf = (v: CellValue): string | undefined => {
    const k = normalizeText(cellText(v));
    const g = scale.find((s) => normalizeText(s.zh) === k || normalizeText(s.en) === k);
    return g?.zh;
  };
  const allowed = [...new Set(scale.map((s) => s.zh))];

  const byCadre = new Map<string, { id: string; name: string; entries: Entry[]; errorRows: number[] }>();
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (cells.every(isBlank)) continue;
    const rowNo = table.headerRow + 1 + i;
    const get = (key: string): CellValue => (key in col ? cells[col[key]] : null);
    let error = false;
    const fail = (code: FindingCode, key: string, message: Message) => {
      error = true;
      findings.push({ code, severity: "error", sheet, row: rowNo, cell: cellOf(i, key), column: key, message });
    };
    const id = cellText(get("id"));
    if (id === "") {
      fail("MISSING", "id", msg.missing(cellOf(i, "id"), COLUMN.id));
      continue; // a row without an ID belongs to nobody
    }
    const y = readYear(get("year"));
    if (!y.ok) {
      if (y.reason === "blank") fail("MISSING", "year", msg.missing(cellOf(i, "year"), COLUMN.year));
      else fail("NOT_A_NUMBER", "year", schemeMsg.badYear(cellOf(i, "year"), COLUMN.year, truncate(y.shown)));
    }
    let grade: string | null = null;
    if (isBlank(get("grade"))) fail("MISSING", "grade", msg.missing(cellOf(i, "grade"), COLUMN.grade));
    else {
      const g = gradeOf(get("grade"));
      if (g === undefined) fail("UNKNOWN_VALUE", "grade", schemeMsg.unknownGrade(cellOf(i, "grade"), COLUMN.grade, truncate(cellText(get("grade"))), allowed));
      else grade = g;
    }
    let rankSince: number | null = null;
    if (!isBlank(get("rankSince"))) {
      const r = readYear(get("rankSince"));
      if (r.ok) rankSince = r.year;
      else fail("NOT_A_NUMBER", "rankSince", schemeMsg.badYear(cellOf(i, "rankSince"), COLUMN.rankSince, truncate(r.shown)));
    }
    let baseTenure: number | null = null;
    if (!isBlank(get("baseTenure"))) {
      const r = readNumber(get("baseTenure"));
      if (!r.ok) fail("NOT_A_NUMBER", "baseTenure", msg.notANumber(cellOf(i, "baseTenure"), COLUMN.baseTenure, r.reason === "blank" ? "" : r.shown));
      else if (r.value < 0 || r.value > 50) fail("OUT_OF_RANGE", "baseTenure", msg.outOfRange(cellOf(i, "baseTenure"), COLUMN.baseTenure, r.value, 0, 50));
      else baseTenure = r.value;
    }
    const key = normalizeText(id);
    let c = byCadre.get(key);
    if (!c) byCadre.set(key, (c = { id, name: "", entries: [], errorRows: [] }));
    if (!c.name) c.name = cellText(get("name"));
    c.entries.push({ index: i, row: rowNo, year: y.ok ? y.year : null, grade, rankSince, baseTenure, error });
    if (error) c.errorRows.push(rowNo);
  }

  const cadres: CadreHistory[] = [];
  for (const c of byCadre.values()) {
    // DUPLICATE_ID: the same cadre and year twice; the person's rewards are not computed.
    const byYear = new Map<number, Entry[]>();
    for (const e of c.entries) {
      if (e.year === null) continue;
      const list = byYear.get(e.year);
      if (list) list.push(e);
      else byYear.set(e.year, [e]);
    }
    for (const [year, list] of byYear) {
      if (list.length < 2) continue;
      const rows = list.map((e) => e.row);
      for (const e of list) {
        findings.push({ code: "DUPLICATE_ID", severity: "error", sheet, row: e.row, cell: cellOf(e.index, "year"), column: "year", message: schemeMsg.duplicateYear(cellOf(e.index, "year"), truncate(c.id), year, rows) });
        if (!c.errorRows.includes(e.row)) c.errorRows.push(e.row);
      }
    }
    const valid = c.errorRows.length === 0;
    const years = c.entries
      .filter((e) => !e.error && e.year !== null && e.grade !== null)
      .map((e) => ({ year: e.year as number, grade: e.grade as string }))
      .sort((a, b) => a.year - b.year);
    // Per-cadre values from the latest row that has one.
    const latest = [...c.entries].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
    const rankSince = latest.find((e) => e.rankSince !== null)?.rankSince ?? null;
    const baseTenure = latest.find((e) => e.baseTenure !== null)?.baseTenure ?? null;
    const excellentYears = valid ? excellentYearsInRank(years, rankSince, policy) : null;
    cadres.push({
      id: c.id,
      name: c.name,
      row: Math.min(...c.entries.map((e) => e.row)),
      rows: c.entries.map((e) => e.row),
      years,
      valid,
      merits: valid ? meritYears(years, policy) : null,
      excellentList: valid ? years.filter((h) => isExcellent(h.grade, policy)).map((h) => h.year) : null,
      excellentYears,
      rankSince,
      baseTenure,
      tenure: valid && baseTenure !== null ? requiredTenure(baseTenure, excellentYears as number, policy) : null,
      explanation: valid ? { zh: "", en: "" } : joinMessages([schemeMsg.cadreInvalid(c.errorRows.sort((a, b) => a - b))]),
    });
  }
  cadres.sort((a, b) => a.row - b.row);
  findings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { kind: "history", columns: col, cadres, findings };
}

/** The history results as a sheet: a header row (Chinese) and one row per cadre. */
export function historySheet(outcome: HistoryOutcome): { headers: string[]; rows: CellValue[][] } {
  const join = (xs: number[] | null) => (xs === null ? null : cellList(xs));
  return {
    headers: HISTORY_RESULT_COLUMNS.map((c) => c.zh),
    rows: outcome.cadres.map((c) => [
      c.id,
      c.name || null,
      cellList(c.years.map((y) => y.year)) || null,
      join(c.excellentList),
      c.excellentYears,
      join(c.merits),
      c.rankSince,
      c.baseTenure,
      c.tenure,
    ]),
  };
}
