// Unit performance (单位绩效考核, POLICY.md §2; INTERFACES.md §1b, §1c):
//   unit total = Σ own indicator points + 民评 points + capped city-indicator adjustment,
// ranked per group. City indicators (市考指标) are not points: each outcome adds to or deducts from
// its single lead unit (加扣分制); every deduction is kept as an item for feedback (§8).
// P of the annual table may be taken from unit totals (§3) — see fillPerformance.
import { ANNUAL_COLUMNS, CITY_COLUMNS, indicatorColumns, matchColumns, readColumns, specByKey, UNIT_COLUMNS } from "./headers";
import { Big, dec, roundToNumber } from "./decimal";
import { cityAdjustment, outcomePoints } from "./city";
import type { Policy } from "./policy";
import { rankDescending } from "./rank";
import { minping as minpingPoints } from "./scores";
import { CellValue, Finding, FindingCode, Message, RawTable } from "./types";
import { a1, cellText, isBlank, normalizeText, readNumber, truncate } from "./values";
import { joinMessages, msg } from "../i18n/messages";
import { schemeMsg } from "../i18n/scheme-messages";

/** The unit and city tables' columns by key: the names their messages use. */
const UNIT = specByKey(UNIT_COLUMNS);
const CITY = specByKey(CITY_COLUMNS);

/** The 民评 scale of POLICY.md §9 ("民评 outside 0–15" is OUT_OF_RANGE). */
export const MINPING_SCALE_MAX = 15;

/** One deduction item (POLICY.md §2, §8): a city indicator whose outcome took points off the unit. */
export interface DeductionItem {
  /** The indicator's 编号 in the city table. */
  indicatorId: string;
  /** The indicator's name (指标名称). */
  indicator: string;
  outcome: string;
  /** The item's own points (negative), before the unit's deduction cap. */
  points: number;
  /** The city table's 说明 when given, else a sentence from the outcome. */
  reason: string;
  /** Worksheet row of the indicator in the city table. */
  row: number;
}

/** One indicator of the city table (市考指标) as read and attributed. */
export interface CityIndicatorResult {
  index: number;
  row: number;
  id: string;
  indicator: string;
  /** The lead-unit text split into names (more than one is an error). */
  leads: string[];
  /** The unit the indicator is attributed to (0-based index into UnitOutcome.rows), or null. */
  unitIndex: number | null;
  outcome: string;
  points: number | null;
  note: string;
  valid: boolean;
}

export interface UnitRowResult {
  /** 0-based index into RawTable.rows. */
  index: number;
  /** Worksheet row number. */
  row: number;
  id: string;
  name: string;
  group: string;
  valid: boolean;
  /** Own indicator points by column header, in table order. */
  indicators: { header: string; points: number | null }[];
  /** Σ own indicator points, null when one is missing or not a number. */
  indicatorPoints: number | null;
  /** 民评 points (0–15), rounded per policy; null when an index is bad. */
  minping: number | null;
  /** Rank of 民评 within the group (rows with a 民评). */
  minpingRank: number | null;
  /** Summed bonus after the cap (≤ +bonusCap). */
  cityBonus: number | null;
  /** Summed deduction after the cap (≥ −deductionCap). */
  cityDeduction: number | null;
  /** cityBonus + cityDeduction; null when an indicator this unit leads is invalid. */
  cityAdjustment: number | null;
  total: number | null;
  rank: number | null;
  deductions: DeductionItem[];
  /** For invalid rows, what is wrong; empty otherwise. */
  explanation: Message;
}

export interface UnitOutcome {
  kind: "unit";
  /** key → 0-based column index of the unit table's columns found. */
  columns: Record<string, number>;
  /** 0-based indices of the own indicator columns (header ends in 得分 / points). */
  indicatorColumns: number[];
  rows: UnitRowResult[];
  /** The city indicators, null when no city table was given. */
  city: CityIndicatorResult[] | null;
  findings: Finding[];
}

/** Separators between names in a lead-unit cell: "财政局、教育局", "财政局/教育局", "A；B" … */
const LEAD_SEPARATORS = /[、,，/／;；|｜\n]+/;

/**
 * Find units by what people type: the ID, the exact name, or the name without the district prefix
 * ("财政局" for "区财政局", "苏仙区财政局" for "区财政局"), when that is unambiguous.
 */
export class UnitDirectory {
  private readonly exact = new Map<string, number>();
  private readonly loose = new Map<string, number | null>();

  constructor(units: readonly { id?: string; name: string }[]) {
    units.forEach((u, i) => {
      for (const key of [u.name, u.id ?? ""].map(normalizeText)) if (key && !this.exact.has(key)) this.exact.set(key, i);
      const lk = UnitDirectory.looseKey(u.name);
      if (lk) this.loose.set(lk, this.loose.has(lk) && this.loose.get(lk) !== i ? null : i);
    });
  }

  static looseKey(name: string): string {
    return normalizeText(name).replace(/^(湖南省)?(郴州市)?(苏仙区)?/, "").replace(/^区/, "");
  }

  /** Index of the unit a text names, or undefined. */
  find(text: string): number | undefined {
    const key = normalizeText(text);
    if (!key) return undefined;
    const e = this.exact.get(key);
    if (e !== undefined) return e;
    const l = this.loose.get(UnitDirectory.looseKey(text));
    return l === null ? undefined : l;
  }
}

/** Split a lead-unit cell into names; a text that names one unit as a whole is not split. */
export function splitLeads(text: string, directory?: UnitDirectory): string[] {
  const t = text.trim();
  if (t === "") return [];
  if (directory && directory.find(t) !== undefined) return [t];
  return t
    .split(LEAD_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

interface ParsedUnit {
  result: UnitRowResult;
  ownErrors: boolean;
  cityBlockRows: number[];
}

export function computeUnits(unitTable: RawTable, cityTable: RawTable | null, policy: Policy): UnitOutcome {
  const findings: Finding[] = [];
  const sheet = unitTable.sheet;
  const { columns: col, findings: columnProblems, usable, cellOf } = readColumns(unitTable, "unit", UNIT_COLUMNS);
  const indCols = indicatorColumns(unitTable.headers);
  findings.push(...columnProblems);
  const groupsKnown = new Set(policy.groups.map(normalizeText));
  const decimals = policy.rounding.decimals;

  const parsed: ParsedUnit[] = [];
  for (let i = 0; i < unitTable.rows.length; i++) {
    const cells = unitTable.rows[i];
    if (cells.every(isBlank)) continue;
    const rowNo = unitTable.headerRow + 1 + i;
    const get = (key: string): CellValue => (key in col ? cells[col[key]] : null);
    const rowFindings: Finding[] = [];
    const push = (code: FindingCode, key: string, message: Message, cell = cellOf(i, key), severity: Finding["severity"] = "error") =>
      rowFindings.push({ code, severity, sheet, row: rowNo, cell, column: key, message });

    const id = cellText(get("id"));
    const name = cellText(get("name"));
    if (usable && id === "") push("MISSING", "id", msg.missing(cellOf(i, "id"), UNIT.id));
    if (usable && name === "") push("MISSING", "name", msg.missing(cellOf(i, "name"), UNIT.name));
    const group = cellText(get("group"));
    if (usable && "group" in col) {
      if (group === "") push("MISSING", "group", msg.missing(cellOf(i, "group"), UNIT.group));
      else if (!groupsKnown.has(normalizeText(group))) push("UNKNOWN_GROUP", "group", msg.unknownGroup(cellOf(i, "group"), truncate(group), policy.groups), undefined, "warning");
    }

    // Own indicators: every one a number; blank or text is never zero (POLICY.md §5).
    const indicators: UnitRowResult["indicators"] = [];
    let indicatorSum = new Big(0);
    let indicatorsOk = true;
    for (const c of indCols) {
      const header = cellText(unitTable.headers[c]);
      const cell = a1(rowNo, unitTable.firstColumn + c);
      const r = readNumber(cells[c]);
      if (r.ok) {
        indicators.push({ header, points: r.value });
        indicatorSum = indicatorSum.plus(dec(r.value));
      } else {
        indicatorsOk = false;
        indicators.push({ header, points: null });
        if (r.reason === "blank") rowFindings.push({ code: "MISSING", severity: "error", sheet, row: rowNo, cell, column: header, message: msg.missing(cell, { zh: header, en: header }) });
        else rowFindings.push({ code: "NOT_A_NUMBER", severity: "error", sheet, row: rowNo, cell, column: header, message: msg.notANumber(cell, { zh: header, en: header }, r.shown) });
      }
    }

    // 民评 from the three survey indices, each 0–100.
    const idx: number[] = [];
    for (const key of ["H", "S", "A"] as const) {
      if (!(key in col)) continue;
      const r = readNumber(get(key));
      if (r.ok) {
        if (r.value < 0 || r.value > 100) push("OUT_OF_RANGE", key, msg.outOfRange(cellOf(i, key), UNIT[key], r.value, 0, 100));
        else idx.push(r.value);
      } else if (r.reason === "blank") push("MISSING", key, msg.missing(cellOf(i, key), UNIT[key]));
      else push("NOT_A_NUMBER", key, msg.notANumber(cellOf(i, key), UNIT[key], r.shown));
    }
    let mp: number | null = null;
    if (idx.length === 3 && usable) {
      mp = minpingPoints(idx[0], idx[1], idx[2], policy);
      if (mp < 0 || mp > MINPING_SCALE_MAX) {
        push("OUT_OF_RANGE", "minping", schemeMsg.minpingOutOfRange(rowNo, mp, MINPING_SCALE_MAX), undefined);
        mp = null;
      }
    }

    const ownErrors = !usable || rowFindings.some((f) => f.severity === "error");
    findings.push(...rowFindings);
    parsed.push({
      ownErrors,
      cityBlockRows: [],
      result: {
        index: i,
        row: rowNo,
        id,
        name,
        group,
        valid: !ownErrors,
        indicators,
        indicatorPoints: indicatorsOk ? roundToNumber(indicatorSum, Math.max(decimals, 4)) : null,
        minping: mp,
        minpingRank: null,
        cityBonus: 0,
        cityDeduction: 0,
        cityAdjustment: 0,
        total: null,
        rank: null,
        deductions: [],
        explanation: ownErrors ? joinMessages(rowFindings.filter((f) => f.severity === "error").map((f) => f.message)) : { zh: "", en: "" },
      },
    });
  }

  markDuplicates(parsed, findings, sheet, (i) => cellOf(i, "id"), (i) => cellOf(i, "name"));

  // City indicators, attributed to their single lead unit.
  const directory = new UnitDirectory(parsed.map((p) => ({ id: p.result.id, name: p.result.name })));
  const cityRead = cityTable ? readCity(cityTable, parsed, directory, policy, findings) : null;
  const city = cityRead?.indicators ?? null;
  // A city table that cannot be read (a required column missing or doubled) leaves every unit's city
  // adjustment unknown: no total is better than a total without its adjustments.
  const cityUnusable = cityRead !== null && !cityRead.usable;

  const itemsOf = new Map<ParsedUnit, CityIndicatorResult[]>();
  for (const c of city ?? []) {
    if (c.unitIndex === null || !c.valid) continue;
    const p = parsed[c.unitIndex];
    const list = itemsOf.get(p);
    if (list) list.push(c);
    else itemsOf.set(p, [c]);
  }

  for (const p of parsed) {
    const r = p.result;
    const items = itemsOf.get(p) ?? [];
    const adj = cityAdjustment(
      items.map((c) => ({ indicator: c.id, outcome: c.outcome, points: c.points as number, note: c.note })),
      policy,
    );
    const byId = new Map(items.map((c) => [c.id, c]));
    r.deductions = adj.deductions.map((d) => {
      const c = byId.get(d.indicator) as CityIndicatorResult;
      return { indicatorId: c.id, indicator: c.indicator, outcome: c.outcome, points: d.points, reason: c.note || schemeMsg.deductionReason(c.outcome, d.points).zh, row: c.row };
    });
    if (!usable) {
      // The table itself cannot be read: nothing is computed for its rows (their explanation says why).
      r.cityBonus = r.cityDeduction = r.cityAdjustment = null;
    } else if (cityUnusable || p.cityBlockRows.length) {
      r.cityBonus = r.cityDeduction = r.cityAdjustment = null;
      const why = cityUnusable ? schemeMsg.cityTableUnusable(cityTable?.sheet) : schemeMsg.unitBlockedByCity(p.cityBlockRows, cityTable?.sheet);
      r.explanation = r.valid ? why : joinMessages([r.explanation, why]);
      r.valid = false;
    } else {
      r.cityBonus = adj.bonus;
      r.cityDeduction = adj.deduction;
      r.cityAdjustment = adj.adjustment;
    }
    if (r.valid && r.indicatorPoints !== null && r.minping !== null && r.cityAdjustment !== null) {
      const sum = r.indicators.reduce((s, x) => s.plus(dec(x.points as number)), new Big(0)).plus(dec(r.minping)).plus(dec(r.cityAdjustment));
      r.total = roundToNumber(sum, decimals);
    } else {
      r.valid = false;
      r.total = null;
    }
  }

  // Ranks per group: total among valid rows; 民评 among rows that have one.
  const groups = new Map<string, UnitRowResult[]>();
  for (const p of parsed) {
    const k = normalizeText(p.result.group);
    const list = groups.get(k);
    if (list) list.push(p.result);
    else groups.set(k, [p.result]);
  }
  for (const members of groups.values()) {
    rankDescending(members.filter((r) => r.valid), (r) => r.total as number, policy.ranking.style, (r, rank) => (r.rank = rank));
    rankDescending(members.filter((r) => r.minping !== null), (r) => r.minping as number, policy.ranking.style, (r, rank) => (r.minpingRank = rank));
  }

  findings.sort((a, b) => (a.sheet === b.sheet ? 0 : a.sheet === sheet ? -1 : 1) || (a.row ?? 0) - (b.row ?? 0));
  return { kind: "unit", columns: col, indicatorColumns: indCols, rows: parsed.map((p) => p.result), city, findings };
}

/** DUPLICATE_ID on repeated unit IDs, and on repeated unit names (lead units could not be told apart). */
function markDuplicates(parsed: ParsedUnit[], findings: Finding[], sheet: string | undefined, idCell: (i: number) => string | undefined, nameCell: (i: number) => string | undefined) {
  for (const [key, cellOf, message] of [
    ["id", idCell, msg.duplicateId],
    ["name", nameCell, schemeMsg.duplicateUnitName],
  ] as const) {
    const by = new Map<string, ParsedUnit[]>();
    for (const p of parsed) {
      const v = normalizeText(key === "id" ? p.result.id : p.result.name);
      if (!v) continue;
      const list = by.get(v);
      if (list) list.push(p);
      else by.set(v, [p]);
    }
    for (const list of by.values()) {
      if (list.length < 2) continue;
      const rows = list.map((p) => p.result.row);
      for (const p of list) {
        const shown = truncate(key === "id" ? p.result.id : p.result.name);
        const f: Finding = { code: "DUPLICATE_ID", severity: "error", sheet, row: p.result.row, cell: cellOf(p.result.index), column: key, message: message(cellOf(p.result.index), shown, rows) };
        findings.push(f);
        const r = p.result;
        r.explanation = r.valid ? f.message : joinMessages([r.explanation, f.message]);
        r.valid = false;
        p.ownErrors = true;
      }
    }
  }
}

/** Read the city table: validate every indicator and attribute the good ones to their lead unit. */
function readCity(table: RawTable, units: ParsedUnit[], directory: UnitDirectory, policy: Policy, findings: Finding[]): { indicators: CityIndicatorResult[]; usable: boolean } {
  const sheet = table.sheet;
  const { columns: col, findings: columnProblems, usable, cellOf } = readColumns(table, "city", CITY_COLUMNS);
  findings.push(...columnProblems);
  if (!usable) return { indicators: [], usable: false };
  const outcomeWords = Object.keys(policy.city.outcomes);
  const out: CityIndicatorResult[] = [];
  // Units whose total cannot be known because an indicator they lead is bad.
  const block = (c: CityIndicatorResult) => {
    if (c.unitIndex !== null) units[c.unitIndex].cityBlockRows.push(c.row);
  };
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (cells.every(isBlank)) continue;
    const rowNo = table.headerRow + 1 + i;
    const get = (key: string): CellValue => (key in col ? cells[col[key]] : null);
    const error = (code: FindingCode, key: string, message: Message) =>
      findings.push({ code, severity: "error", sheet, row: rowNo, cell: cellOf(i, key), column: key, message });
    const id = cellText(get("id"));
    const indicator = cellText(get("indicator"));
    const label = truncate(indicator || id || `#${rowNo}`);
    const leadText = cellText(get("lead"));
    const leads = splitLeads(leadText, directory);
    const c: CityIndicatorResult = { index: i, row: rowNo, id, indicator, leads, unitIndex: null, outcome: cellText(get("outcome")), points: null, note: cellText(get("note")), valid: true };
    if (id === "") {
      error("MISSING", "id", msg.missing(cellOf(i, "id"), CITY.id));
      c.valid = false;
    }
    if (indicator === "") {
      error("MISSING", "indicator", msg.missing(cellOf(i, "indicator"), CITY.indicator));
      c.valid = false;
    }
    // CITY_INDICATOR_LEAD: exactly one lead unit, and one that is in the unit list.
    if (leads.length === 0) {
      error("CITY_INDICATOR_LEAD", "lead", schemeMsg.cityLeadNone(cellOf(i, "lead"), label));
      c.valid = false;
    } else if (leads.length > 1) {
      error("CITY_INDICATOR_LEAD", "lead", schemeMsg.cityLeadMany(cellOf(i, "lead"), label, leads.map((l) => truncate(l))));
      c.valid = false;
    } else {
      const u = directory.find(leads[0]);
      if (u === undefined) {
        error("CITY_INDICATOR_LEAD", "lead", schemeMsg.cityLeadUnknown(cellOf(i, "lead"), label, truncate(leads[0])));
        c.valid = false;
      } else c.unitIndex = u;
    }
    const ov = get("outcome");
    if (isBlank(ov)) {
      error("MISSING", "outcome", msg.missing(cellOf(i, "outcome"), CITY.outcome));
      c.valid = false;
    } else {
      const p = outcomePoints(cellText(ov), policy);
      if (p === undefined) {
        error("UNKNOWN_VALUE", "outcome", msg.unknownValue(cellOf(i, "outcome"), CITY.outcome, truncate(cellText(ov)), outcomeWords));
        c.valid = false;
      } else c.points = p;
    }
    out.push(c);
  }
  // Repeated indicator IDs: none of them is counted (a copied row must not count twice).
  const byId = new Map<string, CityIndicatorResult[]>();
  for (const c of out) {
    if (!c.id) continue;
    const k = normalizeText(c.id);
    const list = byId.get(k);
    if (list) list.push(c);
    else byId.set(k, [c]);
  }
  for (const list of byId.values()) {
    if (list.length < 2) continue;
    const rows = list.map((c) => c.row);
    for (const c of list) {
      findings.push({ code: "DUPLICATE_ID", severity: "error", sheet, row: c.row, cell: cellOf(c.index, "id"), column: "id", message: msg.duplicateId(cellOf(c.index, "id"), truncate(c.id), rows) });
      c.valid = false;
    }
  }
  for (const c of out) if (!c.valid) block(c);
  return { indicators: out, usable: true };
}

export interface PerformanceFill {
  /** A copy of the annual table with P filled in (a P column is appended when there is none). */
  table: RawTable;
  /** Data rows that received a P (worksheet row, the unit, the value). */
  filled: { row: number; unit: string; P: number }[];
  /** Data rows whose unit has no P (unknown unit, or the unit's total is invalid). */
  unmatched: { row: number; unit: string }[];
}

/**
 * Fill the annual table's P (绩效考核) from unit performance: each row takes the total of its unit
 * (the 单位 column; for rows without one, the name), as is — under 折算 the annual computation then
 * converts every P of its table, filled or typed (POLICY.md §3). By default only blank P cells are filled.
 */
export function fillPerformance(annual: RawTable, units: readonly Pick<UnitRowResult, "id" | "name" | "total" | "valid">[], options: { overwrite?: boolean } = {}): PerformanceFill {
  const match = matchColumns(annual.headers, ANNUAL_COLUMNS);
  const headers = [...annual.headers];
  let pCol = match.columns.P;
  if (pCol === undefined) {
    pCol = headers.length;
    headers.push(specByKey(ANNUAL_COLUMNS).P.zh);
  }
  const directory = new UnitDirectory(units.map((u) => ({ id: u.id, name: u.name })));
  const filled: PerformanceFill["filled"] = [];
  const unmatched: PerformanceFill["unmatched"] = [];
  const rows = annual.rows.map((cells, i) => {
    const out = [...cells];
    while (out.length < headers.length) out.push(null);
    if (cells.every(isBlank)) return out;
    const unit = cellText("unit" in match.columns ? cells[match.columns.unit] : null) || cellText("name" in match.columns ? cells[match.columns.name] : null);
    if (!options.overwrite && !isBlank(out[pCol])) return out;
    const k = directory.find(unit);
    const P = k === undefined || !units[k].valid ? null : units[k].total;
    const row = annual.headerRow + 1 + i;
    if (P === null) unmatched.push({ row, unit });
    else {
      out[pCol] = P;
      filled.push({ row, unit, P });
    }
    return out;
  });
  return { table: { ...annual, headers, rows }, filled, unmatched };
}
