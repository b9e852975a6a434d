// The task pane session's sentences (what a verb is called in an error, why a compute cannot start,
// a failed write, a refused feedback date) and the separators the pane joins lists with.
import type { Message } from "../engine/types";
import type { Lang } from "./pane";

/** A list of names in running text: 甲、乙 / A, B. */
export function joinList(lang: Lang, items: readonly string[]): string {
  return items.join(lang === "zh" ? "、" : ", ");
}

/** Clauses of one sentence: 甲；乙 / A; B. */
export function joinClauses(lang: Lang, items: readonly string[]): string {
  return items.join(lang === "zh" ? "；" : "; ");
}

/** The keys that end a tag in a vocabulary box: Enter and the comma of either keyboard (a Chinese input method types ，or 、). */
export const TAG_END_KEYS: readonly string[] = ["Enter", ",", "，", "、"];

/** Each undoable step as a noun, for the sentences that say which step failed. */
export const VERB_NOUN: Record<"compute" | "feedback" | "sample" | "policy", Message> = {
  compute: { zh: "计算", en: "the compute" },
  feedback: { zh: "生成反馈", en: "the feedback" },
  sample: { zh: "插入示例", en: "inserting the sample" },
  policy: { zh: "修改政策", en: "the policy change" },
};

export const sessionText = {
  noAnnualTable: (sheets: readonly string[]): Message => {
    const zh = joinList("zh", sheets);
    const en = joinList("en", sheets);
    return {
      zh: `工作簿中没有年度考核表（需要“编号”“绩效考核”“民主测评”等表头），“计算排名”需要它。工作表 ${zh} 中的表格可在“校验”中检查；单位绩效表的反馈可在“反馈”标签中生成。`,
      en: `The workbook has no annual assessment table (headers such as 编号/ID, 绩效考核/Performance, 民主测评/Democratic), which Compute ranking needs. The tables on ${en} can be checked on Validate; the unit table's feedback is made on the Feedback tab.`,
    };
  },
  writeFailedNotRestored: (noun: Message, reason: Message, why: Message): Message => ({
    zh: `${noun.zh}时写入出错（${reason.zh}），恢复原状也未成功（${why.zh}）。工作簿中可能只写入了一部分：请点击“撤销上一步”再试一次恢复，或关闭工作簿不保存。`,
    en: `Writing failed during ${noun.en} (${reason.en}), and putting the cells back failed too (${why.en}). The workbook may be partly written: click Undo last step to retry the restore, or close the workbook without saving.`,
  }),
  writeFailedRestored: (noun: Message, reason: Message): Message => ({
    zh: `${noun.zh}时写入出错（${reason.zh}）。已把工作簿恢复到${noun.zh}前的状态，没有留下部分结果。请重试；如果表格很大，可先关闭其他工作簿或分批计算。`,
    en: `Writing failed during ${noun.en} (${reason.en}). The workbook was put back as it was before ${noun.en}; no partial results are left. Try again; for a very large table, close other workbooks first or compute it in parts.`,
  }),
  policySaveFailed: (why: Message): Message => ({ zh: `无法保存到工作簿：${why.zh}`, en: `Could not save to the workbook: ${why.en}` }),
  feedbackDateMissing: { zh: "请填写反馈日期（格式 YYYY-MM-DD，如 2024-03-15）。", en: "Enter the feedback date (YYYY-MM-DD, e.g. 2024-03-15)." },
  feedbackDateInvalid: (shown: string): Message => ({
    zh: `反馈日期“${shown}”不是有效日期：请按 YYYY-MM-DD 填写一个日历上存在的日期，如 2024-03-15。`,
    en: `The feedback date "${shown}" is not a valid date: write a calendar date as YYYY-MM-DD, e.g. 2024-03-15.`,
  }),
};
