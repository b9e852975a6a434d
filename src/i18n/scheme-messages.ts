// Sentences of the rest of the scheme (unit performance, city indicators, history, feedback,
// examination coverage), once, in Chinese and English side by side. Same style as messages.ts:
// cell text quoted in a sentence is data and is shown as plain text by the faces.
import type { Message } from "../engine/types";
import { columnLabel } from "./messages";

const m = (zh: string, en: string): Message => ({ zh, en });

/** Column names of the scheme's other tables, for messages. */
export const SCHEME_COLUMN_LABELS: Record<string, Message> = {
  id: m("编号", "ID"),
  name: m("名称", "Name"),
  group: m("分组", "Group"),
  H: m("幸福感", "Happiness"),
  S: m("满意度", "Satisfaction"),
  A: m("安全感", "Security"),
  minping: m("民评得分", "Public evaluation"),
  indicator: m("指标名称", "Indicator"),
  lead: m("牵头单位", "Lead unit"),
  outcome: m("考核结果", "Outcome"),
  note: m("说明", "Note"),
  year: m("年度", "Year"),
  grade: m("等次", "Grade"),
  rankSince: m("任现职级年度", "In rank since"),
  baseTenure: m("基本任职年限", "Base tenure"),
  unit: m("单位", "Unit"),
  examYear: m("考察年度", "Year"),
  status: m("状态", "Status"),
  feedbackDate: m("反馈日期", "Feedback date"),
};

export function schemeColumnLabel(key: string): Message {
  return SCHEME_COLUMN_LABELS[key] ?? columnLabel(key);
}

const where = (cell: string | undefined, column: string): Message => {
  const c = schemeColumnLabel(column);
  return cell ? m(`${cell}（${c.zh}）`, `${cell} (${c.en})`) : c;
};

const at = (cell: string | undefined, zhSep = "：", enSep = ": ") => ({ zh: cell ? cell + zhSep : "", en: cell ? cell + enSep : "" });

export const schemeMsg = {
  missing: (cell: string | undefined, column: string) => {
    const w = where(cell, column);
    return m(`${w.zh}为空，此项必填。`, `${w.en} is blank; a value is required.`);
  },
  notANumber: (cell: string | undefined, column: string, shown: string) => {
    const w = where(cell, column);
    return m(`${w.zh}的值“${shown}”不是数字。`, `${w.en}: "${shown}" is not a number.`);
  },
  outOfRange: (cell: string | undefined, column: string, value: number | string, min: number, max: number) => {
    const w = where(cell, column);
    return m(`${w.zh}的值 ${value} 超出范围 ${min}–${max}。`, `${w.en}: ${value} is outside the range ${min}–${max}.`);
  },
  unknownValue: (cell: string | undefined, column: string, shown: string, allowed: string[]) => {
    const w = where(cell, column);
    return m(
      `${w.zh}的值“${shown}”不在可选范围内（可选：${allowed.join("、")}）。`,
      `${w.en}: "${shown}" is not one of the accepted values (${allowed.join(", ")}).`,
    );
  },
  duplicateId: (cell: string | undefined, id: string, rows: number[]) => {
    const a = at(cell, "", ": ");
    return m(
      `${a.zh}编号“${id}”重复出现（第 ${rows.join("、")} 行），这些行均不计算。`,
      `${a.en}ID "${id}" appears more than once (rows ${rows.join(", ")}); none of these rows is computed.`,
    );
  },
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
      `A city indicator this unit leads is invalid (${sheet ?? "city indicators"} row(s) ${rows.join(", ")}): the city adjustment is unknown, so no total and no rank.`,
    ),
  deductionReason: (outcome: string, points: number) =>
    m(`市考指标考核结果为“${outcome}”，扣 ${Math.abs(points)} 分。`, `City indicator outcome "${outcome}": ${points} point(s).`),
  unknownGrade: (cell: string | undefined, shown: string, allowed: string[]) => {
    const w = where(cell, "grade");
    return m(
      `${w.zh}的值“${shown}”不是等次（可选：${allowed.join("、")}）。`,
      `${w.en}: "${shown}" is not a grade (${allowed.join(", ")}).`,
    );
  },
  badYear: (cell: string | undefined, column: string, shown: string) => {
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
      `The grade history has errors (row(s) ${rows.join(", ")}): no merits and no tenure computed.`,
    ),
  unknownStatus: (cell: string | undefined, shown: string) => {
    const w = where(cell, "status");
    return m(
      `${w.zh}的值“${shown}”无法识别（可填：待整改、已整改），按“待整改”处理。`,
      `${w.en}: "${shown}" is not recognised (use 待整改 open or 已整改 done); it is taken as open.`,
    );
  },
  badDate: (what: string, shown: string) =>
    m(`${what}“${shown}”不是有效日期（格式 YYYY-MM-DD）。`, `${what} "${shown}" is not a valid date (format YYYY-MM-DD).`),
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
