// Political-construction examination coverage (政治建设考察, POLICY.md §7): every unit's team must be
// examined at least once within one party-committee term (policy.coverage.termYears, 5 by default).
// Per term: examined units, units not yet examined, coverage %, and the years left in the term.
//
// The examination records are a sheet 政治建设考察 with the columns below (one row per examination;
// further columns such as 考察组 or 备注 are left alone).
import { Big, dec, roundToNumber } from "./decimal";
import { EXAMINATION_COLUMNS, readColumns, specByKey } from "./headers";
import type { Policy } from "./policy";
import type { Finding, FindingCode, Message, RawTable } from "./types";
import { UnitDirectory } from "./unit";
import { a1, cellText, isBlank, truncate } from "./values";
import { msg } from "../i18n/messages";
import { schemeMsg } from "../i18n/scheme-messages";
import { readYear } from "./history";

/** Columns of the 政治建设考察 sheet: 单位 Unit and 考察年度 Year (both required); defined with the other kinds. */
export { EXAMINATION_COLUMNS };

/** The examination columns by key: the names its messages use. */
const COLUMN = specByKey(EXAMINATION_COLUMNS);

export interface ExaminationRecord {
  unit: string;
  year: number;
  /** Worksheet row and A1 cell of the unit, when read from a sheet. */
  row?: number;
  cell?: string;
}

export interface ExaminationRead {
  records: ExaminationRecord[];
  findings: Finding[];
}

/** Read the 政治建设考察 sheet: MISSING / NOT_A_NUMBER per cell; good rows become records. */
export function readExaminations(table: RawTable): ExaminationRead {
  const findings: Finding[] = [];
  const sheet = table.sheet;
  const { columns: col, findings: columnProblems, usable } = readColumns(table, "examination", EXAMINATION_COLUMNS);
  findings.push(...columnProblems);
  if (!usable) return { records: [], findings };
  const records: ExaminationRecord[] = [];
  table.rows.forEach((cells, i) => {
    if (cells.every(isBlank)) return;
    const rowNo = table.headerRow + 1 + i;
    const cellOf = (k: string) => a1(rowNo, table.firstColumn + col[k]);
    const error = (code: FindingCode, key: "unit" | "year", message: Message) => findings.push({ code, severity: "error", sheet, row: rowNo, cell: cellOf(key), column: key, message });
    const unit = cellText(cells[col.unit]);
    if (unit === "") error("MISSING", "unit", msg.missing(cellOf("unit"), COLUMN.unit));
    const y = readYear(cells[col.year]);
    if (!y.ok) {
      if (y.reason === "blank") error("MISSING", "year", msg.missing(cellOf("year"), COLUMN.year));
      else error("NOT_A_NUMBER", "year", schemeMsg.badYear(cellOf("year"), COLUMN.year, truncate(y.shown)));
    }
    if (unit !== "" && y.ok) records.push({ unit, year: y.year, row: rowNo, cell: cellOf("unit") });
  });
  return { records, findings };
}

export interface TermCoverage {
  termStart: number;
  termEnd: number;
  /** The units that must be examined, as given. */
  units: string[];
  /** Examined units with the years they were examined in this term. */
  examined: { unit: string; years: number[] }[];
  notExamined: string[];
  /** examined / units, 0–1, exact then rounded to 4 decimals (0.7031 = 70.31%). */
  fraction: number;
  /** Coverage in percent, rounded per policy (70.31). */
  percent: number;
  /**
   * Years left in the term counting the current year (2021–2025 in 2023 → 3: 2023, 2024, 2025);
   * 0 once the term is over; the whole term when it has not begun.
   */
  yearsLeft: number;
  /** Warnings: records of units not in the list. */
  findings: Finding[];
}

export interface CoverageInput {
  /** The units (names; IDs also match records) that must be examined. */
  units: readonly (string | { id?: string; name: string })[];
  records: readonly ExaminationRecord[];
  /** First year of the term. */
  termStart: number;
  /** The current year. */
  currentYear: number;
  /** Sheet name for the findings' locations. */
  sheet?: string;
}

/** Coverage of one term [termStart, termStart + termYears − 1]; records outside the term are ignored. */
export function termCoverage(input: CoverageInput, policy: Policy): TermCoverage {
  const termEnd = input.termStart + policy.coverage.termYears - 1;
  const list = input.units.map((u) => (typeof u === "string" ? { name: u.trim() } : { id: u.id, name: u.name.trim() })).filter((u) => u.name !== "");
  const directory = new UnitDirectory(list);
  const years = list.map(() => new Set<number>());
  const findings: Finding[] = [];
  for (const r of input.records) {
    const k = directory.find(r.unit);
    if (k === undefined) {
      findings.push({ code: "UNKNOWN_VALUE", severity: "warning", sheet: input.sheet, row: r.row, cell: r.cell, column: "unit", message: schemeMsg.examUnknownUnit(r.cell, truncate(r.unit)) });
      continue;
    }
    if (r.year >= input.termStart && r.year <= termEnd) years[k].add(r.year);
  }
  // Units listed twice count once.
  const seen = new Set<number>();
  const unique = list.filter((u) => {
    const k = directory.find(u.name) as number;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const indexOf = (u: { name: string }) => directory.find(u.name) as number;
  const examined = unique.filter((u) => years[indexOf(u)].size > 0).map((u) => ({ unit: u.name, years: [...years[indexOf(u)]].sort((a, b) => a - b) }));
  const notExamined = unique.filter((u) => years[indexOf(u)].size === 0).map((u) => u.name);
  const exact = unique.length ? dec(examined.length).div(unique.length) : new Big(0);
  const yearsLeft = input.currentYear > termEnd ? 0 : input.currentYear < input.termStart ? policy.coverage.termYears : termEnd - input.currentYear + 1;
  return {
    termStart: input.termStart,
    termEnd,
    units: unique.map((u) => u.name),
    examined,
    notExamined,
    fraction: roundToNumber(exact, 4),
    percent: roundToNumber(exact.times(100), policy.rounding.decimals),
    yearsLeft,
    findings,
  };
}

/**
 * Every term from `firstTermStart` up to the one that holds `currentYear`, oldest first
 * (terms follow each other every policy.coverage.termYears years).
 */
export function coverageByTerm(input: Omit<CoverageInput, "termStart"> & { firstTermStart: number }, policy: Policy): TermCoverage[] {
  const out: TermCoverage[] = [];
  const n = policy.coverage.termYears;
  for (let start = input.firstTermStart; start <= Math.max(input.currentYear, input.firstTermStart); start += n) {
    const t = termCoverage({ ...input, termStart: start }, policy);
    // Unknown-unit warnings once, on the first term.
    if (out.length) t.findings = [];
    out.push(t);
  }
  return out;
}

/** The start year of the term that holds `year`, terms beginning at `anchorStart` (e.g. 2021). */
export function termStartFor(year: number, anchorStart: number, policy: Policy): number {
  const n = policy.coverage.termYears;
  return anchorStart + Math.floor((year - anchorStart) / n) * n;
}

