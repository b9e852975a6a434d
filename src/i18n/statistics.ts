// The 考核统计 sheet and its chart: headers and titles, Chinese (the sheet) and English side by side.
import type { GradeName } from "../engine/policy";
import type { Message } from "../engine/types";

import { m } from "./message";

export const STATISTICS_SHEET = "考核统计";

/** A grade level's column: the team and cadre names of that level ("良好/称职"), or one when they agree. */
export function gradeLevelName(team: GradeName, cadre: GradeName): Message {
  return team.zh === cadre.zh ? m(team.zh, team.en) : m(`${team.zh}/${cadre.zh}`, `${team.en}/${cadre.en}`);
}

export const statisticsText = {
  pool: m("组别", "Pool"),
  group: m("分组", "Group"),
  kind: m("对象", "Subjects"),
  kindUnits: m("班子/单位", "teams/units"),
  kindCadres: m("干部", "cadres"),
  rows: m("行数", "Rows"),
  valid: m("有效", "Valid"),
  quota: m("优秀名额", "Excellent places"),
  quotaOff: m("不限", "no quota"),
  vetoes: m("一票否决", "Vetoes"),
  affirmed: m("一票肯定", "Affirmations"),
  mean: m("平均综合得分", "Mean composite"),
  highest: m("最高", "Highest"),
  lowest: m("最低", "Lowest"),
  unitsHeading: m("单位总分（单位绩效）", "Unit totals (unit performance)"),
  units: m("单位数", "Units"),
  withTotal: m("有总分", "With a total"),
  meanTotal: m("平均总分", "Mean total"),
  range: m("极差", "Range"),
  stdDev: m("标准差", "Std deviation"),
  chartTitle: m("各组等次分布", "Grades per pool"),
  chartCategoryAxis: m("组别", "Pool"),
  chartValueAxis: m("人数", "Count"),
};
