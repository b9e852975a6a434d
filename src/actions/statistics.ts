// 考核统计: the statistics of a compute as a sheet — per pool of the annual table (rows, valid rows, each
// grade's count, 优秀 used against the quota, vetoes, affirmations, mean / highest / lowest composite)
// and per group of the unit table (the spread of the unit totals) — and a bar chart of the grades per
// pool drawn from the sheet's own cells. Planned before anything is written, like the other sheets.
import { poolStatistics, PoolStatistics, GroupSpread, unitSpread } from "../engine/statistics";
import type { Policy } from "../engine/policy";
import type { CellValue } from "../engine/types";
import type { ChartSpec } from "../workbook/port";
import type { TableResult } from "./kinds";
import { gradeLevelName, STATISTICS_SHEET, statisticsText as T } from "../i18n/statistics";

/** The chart's name on its sheet: a chart of that name is the add-in's, replaced on the next compute. */
export const CHART_NAME = "ASSESS grades";

export interface StatisticsPlan {
  name: string;
  rows: CellValue[][];
  columnWidths: number[];
  /** The chart of the grades per pool (null without pools): its data is the sheet's first block. */
  chart: ChartSpec | null;
  pools: PoolStatistics[];
  groups: GroupSpread[];
}

/** A whole major unit for an axis of counts up to `max`: 1, 2, 5, 10, 20, 50 … with at most 10 steps. */
export function countStep(max: number): number {
  for (let step = 1; ; step *= 10) for (const k of [1, 2, 5]) if (max / (k * step) <= 10) return k * step;
}

export function statisticsSheetOf(tables: readonly TableResult[], policy: Policy): StatisticsPlan | null {
  const annual = tables.filter((t) => t.scheme?.kind === "annual");
  const units = tables.find((t) => t.scheme?.kind === "unit");
  if (!annual.length && !units) return null;
  const many = annual.length > 1;
  const pools = annual.flatMap((t) => (t.scheme?.kind === "annual" ? poolStatistics(t.scheme.outcome, policy).map((p) => ({ ...p, key: many ? `${t.ref.sheet} · ${p.key}` : p.key })) : []));
  const groups = units?.scheme?.kind === "unit" ? unitSpread(units.scheme.outcome.rows, policy) : [];

  const levels = policy.grades.team.map((g, i) => gradeLevelName(g, policy.grades.cadre[i]).zh);
  const rows: CellValue[][] = [[T.pool.zh, ...levels, T.group.zh, T.kind.zh, T.rows.zh, T.valid.zh, T.quota.zh, T.vetoes.zh, T.affirmed.zh, T.mean.zh, T.highest.zh, T.lowest.zh]];
  for (const p of pools) {
    rows.push([
      p.key,
      ...p.grades.map((g) => g.count),
      p.group || null,
      p.kind === "cadres" ? T.kindCadres.zh : T.kindUnits.zh,
      p.rows,
      p.valid,
      p.quota ?? T.quotaOff.zh,
      p.vetoes,
      p.affirmed,
      p.mean,
      p.highest,
      p.lowest,
    ]);
  }
  if (groups.length) {
    rows.push([]);
    rows.push([T.unitsHeading.zh]);
    rows.push([T.group.zh, T.units.zh, T.withTotal.zh, T.meanTotal.zh, T.highest.zh, T.lowest.zh, T.range.zh, T.stdDev.zh]);
    for (const g of groups) rows.push([g.group || null, g.units, g.count, g.mean, g.highest, g.lowest, g.range, g.stdDev]);
  }
  // The grade counts come right after 组别: the chart's data is one rectangle, categories down its first
  // column, one series per grade level. The chart goes under the tables.
  const chart: ChartSpec | null = pools.length
    ? {
        name: CHART_NAME,
        title: T.chartTitle.zh,
        data: { top: 1, left: 1, bottom: 1 + pools.length, right: 1 + levels.length },
        anchor: { row: rows.length + 2, column: 1, rows: 18, columns: 1 + levels.length },
        categoryAxis: T.chartCategoryAxis.zh,
        valueAxis: T.chartValueAxis.zh,
        valueStep: countStep(Math.max(0, ...pools.flatMap((p) => p.grades.map((g) => g.count)))),
      }
    : null;
  const widths = [24, 8, 10, 14, 12, 12, 12, 8, 8, 10, 10, 10, 14, 8, 8];
  return { name: STATISTICS_SHEET, rows, columnWidths: widths, chart, pools, groups };
}
