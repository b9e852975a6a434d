// What the add-in writes into the sheets of the scheme (历年奖励, 考察覆盖, 反馈, 示例说明): their names,
// headers and cell texts. These sheets are written in Chinese, the language of the workbooks they go
// into; a note the user reads on hover says it in both languages.

import { m } from "./message";

/** The names of the sheets the add-in writes (besides 校验结果, actions.ts). */
export const SHEET_NAMES = {
  rewards: "历年奖励",
  coverage: "考察覆盖",
  feedback: "反馈",
  sampleNotes: "示例说明",
} as const;

/** Chinese punctuation the writers put between their own sentences and clauses. */
export const ZH_PUNCTUATION = { stop: "。", clause: "；" } as const;

/** A list of items in one cell: 2020、2023. */
export function cellList(items: readonly (string | number)[]): string {
  return items.join("、");
}

/** The words the sheets write into cells. */
export const sheetWords = {
  yes: "是",
  examined: "已考察",
  notExamined: "未考察",
  /** Open, and the current term still has years in which to examine the unit. */
  notExaminedYet: (yearsLeft: number) => `未考察（本届剩余 ${yearsLeft} 年）`,
};

/** 历年奖励: the columns after the history's own (HISTORY_RESULT_COLUMNS), and why a leader is flagged. */
export const rewardsSheet = {
  promotionHeaders: ["优先晋升职级", "优先晋升依据"],
  promotionBasis: (unit: string, sheet: string, row: number) => `${unit}班子/单位等次优秀（${sheet} 第 ${row} 行）`,
};

/** 考察覆盖: one line per term, then one line per unit with the years it was examined in each term. */
export const coverageSheet = {
  termHeaders: ["届期", "应考察单位数", "已考察", "未考察", "覆盖率(%)", "剩余年数", "截至年度", "未考察单位"],
  unitHeader: "单位",
  termYearsHeader: (term: string) => `${term} 考察年度`,
};

/** 反馈: the note on the 状态 cell of an overdue item. */
export const feedbackSheet = {
  overdueNote: (overdue: string, deadline: string, today: string) =>
    `${overdue}：整改期限 ${deadline} 已过（${today}），尚未整改。Overdue: the deadline ${deadline} has passed (${today}) and the item is still open.`,
};

/** 示例说明: the planted cases of the sample and the facts of the run. */
export const sampleNotesSheet = {
  headers: ["工作表", "行", "示例情况 (planted case)", "应有的校验代码 (expected findings)"],
  seed: "随机种子 seed",
  cadres: "干部人数 cadres",
  year: "考核年度 year",
  feedbackDate: "示例反馈日期 feedback date",
};

/** The dates the feedback rules check, as their sentences name them. */
export const DATE_NAMES = {
  date: m("日期", "date"),
  today: m("今天的日期", "today"),
  deadline: m("整改期限", "deadline"),
  feedbackDate: m("反馈日期", "feedback date"),
};
