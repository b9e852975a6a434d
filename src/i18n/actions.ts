// Sentences and labels the actions put into the workbook or hand to the faces, zh-CN and en-US
// side by side. (The engine's own sentences are in messages.ts and scheme-messages.ts.)
import type { Message, Severity } from "../engine/types";

import { m } from "./message";

/** The findings sheet (INTERFACES.md §3: 校验 also writes a 校验结果 sheet). */
export const FINDINGS_SHEET = "校验结果";
export const FINDINGS_HEADERS = ["代码 Code", "严重程度 Severity", "工作表 Sheet", "行 Row", "单元格 Cell", "说明 Message (zh)", "Message (en)"];
export const FINDINGS_WIDTHS = [26, 14, 14, 8, 10, 70, 70];

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误 error", warning: "警告 warning" };

export const text = {
  noFindings: m("通过：未发现问题。", "Passed: no findings."),
  noTable: m(
    "工作簿中没有找到年度考核表（需要“编号”“绩效考核”“民主测评”等表头），也没有单位绩效、市考指标、历年等次或政治建设考察表。",
    "No annual assessment table found in the workbook (it needs headers such as 编号/ID, 绩效考核/Performance, 民主测评/Democratic), nor a unit performance, city indicator, history or examination table.",
  ),
  noTableNear: (near: { sheet: string; cell: string; headers: string[]; kind: Message; missing: { zh: string; en: string }[] }[]) =>
    m(
      `工作簿中没有找到年度考核表，也没有单位绩效、市考指标、历年等次或政治建设考察表。最接近的表头：${near
        .map((n) => `工作表“${n.sheet}”${n.cell} 起（${n.headers.join("、")}）像是${n.kind.zh}，缺少${n.missing.map((c) => `“${c.zh}”`).join("")}`)
        .join("；")}。请补上所缺的列（表头可带括号注明权重或单位，如“绩效考核（60%）”）。`,
      `No annual assessment table found in the workbook, nor a unit performance, city indicator, history or examination table. Closest headers: ${near
        .map((n) => `sheet "${n.sheet}" at ${n.cell} (${n.headers.join(", ")}), closest to the ${n.kind.en}, without ${n.missing.map((c) => `"${c.en}" (${c.zh})`).join(", ")}`)
        .join("; ")}. Add the missing columns (a header may carry its weight or unit in brackets, e.g. "绩效考核（60%）").`,
    ),
  noUnitTable: m(
    "工作簿中没有找到单位绩效表（需要“编号”“名称”“幸福感”“满意度”“安全感”等表头），无法生成反馈。",
    "No unit performance table found in the workbook (it needs headers such as 编号/ID, 名称/Name, 幸福感/Happiness, 满意度/Satisfaction, 安全感/Security): no feedback can be made.",
  ),
  unitTableUnusable: (sheet: string) =>
    m(`工作表“${sheet}”中的单位绩效表缺少必需的列或有重复的列，无法生成反馈（见校验结果）。`, `The unit performance table on sheet "${sheet}" misses a required column or has one twice: no feedback can be made (see the findings).`),
  resultAreaNotEmpty: (sheet: string, area: string) =>
    m(
      `工作表“${sheet}”中表格右侧用于写入结果的区域 ${area} 不是空的；为避免覆盖数据，未写入任何内容。请清空该区域或移动表格。`,
      `On sheet "${sheet}" the cells ${area} right of the table, where results go, are not empty; nothing was written so as not to overwrite data. Clear them or move the table.`,
    ),
  resultAreaOverlaps: (sheet: string, area: string) =>
    m(
      `工作表“${sheet}”中结果列的位置 ${area} 与另一个表格重叠；未写入任何内容。请在两个表格之间留出空列。`,
      `On sheet "${sheet}" the result columns ${area} would overlap another table; nothing was written. Leave empty columns between the tables.`,
    ),
};
