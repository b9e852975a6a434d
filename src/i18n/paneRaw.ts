// The task pane's words for issue #14 — the raw answers' fill options, 考核统计's charts and the
// feedback notices (反馈通知书) — zh-CN and en-US side by side, with the same {name} parameters as pane.ts.
import type { Lang } from "./pane";
import { fillTemplate } from "./plural";

const S = {
  fillSurveyLabel: { zh: "用民意调查问卷填补空白的幸福感、满意度、安全感", en: "Fill blank 幸福感 / 满意度 / 安全感 from the survey answers" },
  fillBallotsLabel: { zh: "用民主测评票填补空白的民主测评", en: "Fill blank 民主测评 (D) from the ballots" },
  fillRawHint: {
    zh: "只填空白单元格，不改动已填的值；所用的指数写在“幸福感（取自民意调查）”等结果列和“民主测评（取自测评票）”列，原单元格保持空白。每个计算值及其样本量见“民意调查汇总”和“民主测评汇总”工作表。",
    en: "Only blank cells, never a value you typed; the values used go to the result columns 幸福感（取自民意调查）… and 民主测评（取自测评票）, the input cells stay blank. The 民意调查汇总 and 民主测评汇总 sheets list every computed value with its sample size.",
  },
  filledSurvey: {
    zh: "填补民意调查：{n} 个空白的幸福感/满意度/安全感取自民意调查问卷（见“民意调查汇总”工作表）。",
    en: "Fill from the survey: {n} blank 幸福感/满意度/安全感 {n|cell|cells} took the survey's index (see the 民意调查汇总 sheet).",
  },
  filledSurveyNone: {
    zh: "填补民意调查：工作簿中没有可用的民意调查问卷表（或没有单位绩效表），未填补。",
    en: "Fill from the survey: the workbook has no usable survey answers (or no unit performance table); nothing was filled.",
  },
  filledBallots: {
    zh: "填补民主测评：{n} 个空白的民主测评取自测评票（见“民主测评汇总”工作表）。",
    en: "Fill from the ballots: {n} blank 民主测评 {n|cell|cells} took D from the ballots (see the 民主测评汇总 sheet).",
  },
  filledBallotsNone: {
    zh: "填补民主测评：工作簿中没有可用的民主测评票表，未填补。",
    en: "Fill from the ballots: the workbook has no usable ballots; nothing was filled.",
  },
  statisticsTitle: { zh: "考核统计：各组等次分布", en: "Statistics: grades per pool" },
  statisticsIntro: { zh: "与“考核统计”工作表相同。", en: "The same as the 考核统计 sheet." },
  chartLabel: { zh: "{pool}：{parts}", en: "{pool}: {parts}" },
  listSep: { zh: "，", en: ", " },
  chartPart: { zh: "{level} {n} 人", en: "{level} {n}" },
  statisticsTable: { zh: "各组等次分布（表格）", en: "Grades per pool (table)" },
  poolColumn: { zh: "组别", en: "Pool" },
  quotaLine: { zh: "优秀 {excellent} / 名额 {quota} · 有效 {valid} / {rows} 行 · 平均 {mean}（{lowest}–{highest}）", en: "Excellent {excellent} / {quota} places · {valid} of {rows} rows valid · mean {mean} ({lowest}–{highest})" },
  noQuota: { zh: "不限", en: "no quota" },
  groupsTitle: { zh: "单位总分（单位绩效）", en: "Unit totals (unit performance)" },
  groupColumn: { zh: "分组", en: "Group" },
  groupUnits: { zh: "单位数", en: "Units" },
  groupMean: { zh: "平均总分", en: "Mean" },
  groupRange: { zh: "最低–最高", en: "Lowest–highest" },
  groupStdDev: { zh: "标准差", en: "Std dev." },
  noticesTitle: { zh: "反馈通知书", en: "Feedback notices" },
  noticesHint: {
    zh: "为单位绩效表中的每个单位生成一份书面通知（Word 文档，每个单位一页起），与命令行 assess notices 生成的文件相同：排名、民评得分、扣分事项和整改期限取自工作簿及其“反馈”工作表，成文日期为上面的反馈日期。请先“计算排名”。",
    en: "One written notice per unit of the unit performance table (a Word document, each unit on its own page), the same file as the command line's assess notices: ranks, 民评 points, deduction items and deadlines from the workbook and its 反馈 sheet, dated the feedback date above. Compute the ranking first.",
  },
  noticesCadres: { zh: "附领导班子和领导干部的考核等次", en: "Add the unit's team and cadres with their grades" },
  noticesButton: { zh: "生成反馈通知书", en: "Make feedback notices" },
  noticesFile: { zh: "反馈通知书-{date}.docx", en: "feedback-notices-{date}.docx" },
  noticesDone: { zh: "已生成反馈通知书：{n} 个单位，文件“{file}”已下载。", en: "Feedback notices made: {n} {n|unit|units}; the file {file} was downloaded." },
  noticesErrors: {
    zh: "工作簿中有 {n} 个错误：无总分的单位，通知书中写明原因。",
    en: "The workbook has {n} {n|error|errors}: a unit without a total says why in its notice.",
  },
};

export type RawKey = keyof typeof S;

export function tr(lang: Lang, key: RawKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(S[key][lang], params);
}
