// Vocabulary data besides the policy's and the column names (headers.ts): words the add-in writes into
// the 反馈 sheet and reads back from it. Like the policy's vocabularies, these are data, not sentences.
export type FeedbackStatus = "open" | "done";

/** Status words: what the 反馈 sheet shows for each status. */
export const STATUS_TEXT: Record<FeedbackStatus, string> = { open: "待整改", done: "已整改" };

/** Status words a user may type into the 反馈 sheet's 状态 column (POLICY.md §8). */
export const STATUS_VOCABULARY: Record<FeedbackStatus, readonly string[]> = {
  open: ["待整改", "未整改", "整改中", "未完成", "open", "否", "no", "n", "×"],
  done: ["已整改", "整改完成", "已完成", "完成", "done", "closed", "是", "yes", "y", "√"],
};

/** What the 逾期 column shows for an overdue item. */
export const OVERDUE_TEXT = "逾期";
