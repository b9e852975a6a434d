// Build annual assessment tables (INTERFACES.md §1a) for engine tests.
import { CellValue, RawTable } from "../../src/engine/types";

export interface AnnualRowInput {
  id?: CellValue;
  name?: CellValue;
  subject?: CellValue;
  unit?: CellValue;
  group?: CellValue;
  topLeader?: CellValue;
  P?: CellValue;
  D?: CellValue;
  L?: CellValue;
  S?: CellValue;
  B?: CellValue;
  political?: CellValue;
  circular?: CellValue;
  incentive?: CellValue;
  manualGrade?: CellValue;
}

export const CHINESE_HEADERS: Record<keyof AnnualRowInput, string> = {
  id: "编号",
  name: "姓名",
  subject: "对象",
  unit: "单位",
  group: "分组",
  topLeader: "主要负责人",
  P: "绩效考核",
  D: "民主测评",
  L: "领导评价",
  S: "民意调查",
  B: "党建成效",
  political: "政治素质",
  circular: "通报批评",
  incentive: "真抓实干激励",
  manualGrade: "拟定等次",
};

const KEYS = Object.keys(CHINESE_HEADERS) as (keyof AnnualRowInput)[];

/** A cadre row with sensible defaults; override what the test is about. */
export function cadre(id: string, over: AnnualRowInput = {}): AnnualRowInput {
  return { id, name: `干部${id}`, subject: "干部", unit: "区委办", group: "区直单位", topLeader: "否", P: 80, D: 80, L: 80, S: 80, B: 80, political: "过得硬", circular: "", incentive: "否", ...over };
}

/** Scores that give a composite of exactly `c` (all five components equal). */
export function scoresFor(c: number): AnnualRowInput {
  return { P: c, D: c, L: c, S: c, B: c };
}

export function annualTable(rows: AnnualRowInput[], keys: (keyof AnnualRowInput)[] = KEYS, headerRow = 1): RawTable {
  return {
    sheet: "年度考核",
    headers: keys.map((k) => CHINESE_HEADERS[k]),
    rows: rows.map((r) => keys.map((k) => (r[k] === undefined ? null : r[k]) as CellValue)),
    headerRow,
    firstColumn: 1,
  };
}
