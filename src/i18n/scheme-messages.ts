// Sentences of the rest of the scheme (unit performance, city indicators, history, feedback,
// examination coverage), once, in Chinese and English side by side. Same style as messages.ts:
// cell text quoted in a sentence is data and is shown as plain text by the faces.
import type { Message } from "../engine/types";
import type { ColumnName } from "./messages";
import { plural, rowList } from "./plural";

import { m } from "./message";

const where = (cell: string | undefined, column: ColumnName): Message => (cell ? m(`${cell}（${column.zh}）`, `${cell} (${column.en})`) : m(column.zh, column.en));

const at = (cell: string | undefined, zhSep = "：", enSep = ": ") => ({ zh: cell ? cell + zhSep : "", en: cell ? cell + enSep : "" });

/** The sentences the scheme shares with the annual table (missing, not a number …) are msg's (messages.ts). */
export const schemeMsg = {
  duplicateUnitName: (cell: string | undefined, name: string, rows: number[]) => {
    const a = at(cell, "", ": ");
    return m(
      `${a.zh}单位名称“${name}”重复出现（第 ${rows.join("、")} 行），无法确定市考指标归属，这些行均不计算。`,
      `${a.en}unit name "${name}" appears more than once (rows ${rows.join(", ")}); city indicators cannot be attributed, so none of these rows is computed.`,
    );
  },
  minpingOutOfRange: (row: number, value: number, max: number) =>
    m(
      `第 ${row} 行算得的民评得分 ${value} 超出 0–${max} 分（请检查政策中的 minping.maxPoints）。`,
      `Row ${row}: the computed public-evaluation (民评) points ${value} lie outside 0–${max} (check the policy's minping.maxPoints).`,
    ),
  cityLeadNone: (cell: string | undefined, indicator: string) => {
    const a = at(cell);
    return m(
      `${a.zh}市考指标“${indicator}”没有牵头单位，每个指标须有且只有一个牵头单位；此指标未计入任何单位。`,
      `${a.en}city indicator "${indicator}" has no lead unit; each indicator needs exactly one. It is not counted for any unit.`,
    );
  },
  cityLeadMany: (cell: string | undefined, indicator: string, leads: string[]) => {
    const a = at(cell);
    return m(
      `${a.zh}市考指标“${indicator}”有 ${leads.length} 个牵头单位（${leads.join("、")}），每个指标只能有一个牵头单位；此指标未计入任何单位。`,
      `${a.en}city indicator "${indicator}" has ${leads.length} lead units (${leads.join(", ")}); each indicator needs exactly one. It is not counted for any unit.`,
    );
  },
  cityLeadUnknown: (cell: string | undefined, indicator: string, lead: string) => {
    const a = at(cell);
    return m(
      `${a.zh}市考指标“${indicator}”的牵头单位“${lead}”不在单位名单中；此指标未计入任何单位。`,
      `${a.en}the lead unit "${lead}" of city indicator "${indicator}" is not in the unit list. It is not counted for any unit.`,
    );
  },
  unitBlockedByCity: (rows: number[], sheet: string | undefined) =>
    m(
      `本单位牵头的市考指标有误（${sheet ?? "市考指标"}第 ${rows.join("、")} 行），市考加扣分无法确定，未计算总分和排名。`,
      `A city indicator this unit leads is invalid (${sheet ?? "city indicators"} ${rowList(rows)}): the city adjustment is unknown, so no total and no rank.`,
    ),
  cityTableUnusable: (sheet: string | undefined) =>
    m(
      `${sheet ? `工作表“${sheet}”中的` : ""}市考指标表缺少必需的列或有重复的列，市考加扣分无法确定，未计算总分和排名。`,
      `The city indicator table${sheet ? ` on sheet "${sheet}"` : ""} misses a required column or has one twice: the city adjustment is unknown, so no total and no rank.`,
    ),
  deductionReason: (outcome: string, points: number) =>
    m(`市考指标考核结果为“${outcome}”，扣 ${Math.abs(points)} 分。`, `City indicator outcome "${outcome}": ${plural(points, "point")}.`),
  unknownGrade: (cell: string | undefined, column: ColumnName, shown: string, allowed: string[]) => {
    const w = where(cell, column);
    return m(
      `${w.zh}的值“${shown}”不是等次（可选：${allowed.join("、")}）。`,
      `${w.en}: "${shown}" is not a grade (${allowed.join(", ")}).`,
    );
  },
  badYear: (cell: string | undefined, column: ColumnName, shown: string) => {
    const w = where(cell, column);
    return m(`${w.zh}的值“${shown}”不是有效年度（1900–2100 的整数）。`, `${w.en}: "${shown}" is not a valid year (a whole number from 1900 to 2100).`);
  },
  duplicateYear: (cell: string | undefined, id: string, year: number, rows: number[]) => {
    const a = at(cell);
    return m(
      `${a.zh}编号“${id}”的 ${year} 年度等次重复出现（第 ${rows.join("、")} 行），此人的记功与任职年限不予计算。`,
      `${a.en}ID "${id}" has more than one grade for ${year} (rows ${rows.join(", ")}); no merits or tenure are computed for this person.`,
    );
  },
  cadreInvalid: (rows: number[]) =>
    m(
      `历年等次有误（第 ${rows.join("、")} 行），未计算记功与任职年限。`,
      `The grade history has errors (${rowList(rows)}): no merits and no tenure computed.`,
    ),
  unknownStatus: (cell: string | undefined, column: ColumnName, shown: string) => {
    const w = where(cell, column);
    return m(
      `${w.zh}的值“${shown}”无法识别（可填：待整改、已整改），按“待整改”处理。`,
      `${w.en}: "${shown}" is not recognised (use 待整改 open or 已整改 done); it is taken as open.`,
    );
  },
  badDate: (what: Message, shown: string) =>
    m(`${what.zh}“${shown}”不是有效日期（格式 YYYY-MM-DD）。`, `The ${what.en} "${shown}" is not a valid date (format YYYY-MM-DD).`),
  /** A date in a cell that is not one. */
  badDateIn: (cell: string | undefined, column: ColumnName, shown: string) => {
    const w = where(cell, column);
    return m(`${w.zh}的值“${shown}”不是有效日期（格式 YYYY-MM-DD）。`, `${w.en}: "${shown}" is not a valid date (format YYYY-MM-DD).`);
  },
  examUnknownUnit: (cell: string | undefined, unit: string) => {
    const a = at(cell);
    return m(
      `${a.zh}考察记录中的单位“${unit}”不在单位名单中，未计入覆盖率。`,
      `${a.en}the examined unit "${unit}" is not in the unit list; it does not count toward coverage.`,
    );
  },
  notTermYear: (termStart: number, termEnd: number) =>
    m(`届期为 ${termStart}–${termEnd} 年。`, `The term runs ${termStart}–${termEnd}.`),
};
