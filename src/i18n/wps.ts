// The WPS host's sentences, zh-CN and en-US side by side: the WPS adapter's errors
// (src/workbook/wps/), the ribbon's messages and the pane's WPS-only words (src/wps/).
import { hostSay } from "./workbook";

export interface Bilingual {
  zh: string;
  en: string;
}

export const wpsText = {
  noWorkbook: { zh: "WPS 中没有打开的工作簿。请先新建或打开一个表格文件。", en: "No workbook is open in WPS. Create or open a spreadsheet first." },
  noSuchSheet: (sheet: string): Bilingual => ({ zh: `工作簿中没有名为“${sheet}”的工作表。`, en: `The workbook has no sheet named "${sheet}".` }),
  protectedSheet: hostSay.protectedSheet,
  hostFailed: (member: string, detail: string): Bilingual => ({ zh: `WPS 操作失败（${member}：${detail}）。`, en: `WPS operation failed (${member}: ${detail}).` }),
  tooLarge: hostSay.tooLarge,
  settingsUnreadable: (detail: string): Bilingual => ({ zh: `无法读取工作簿中保存的考核助手设置（${detail}）。`, en: `The ASSESS settings saved in the workbook could not be read (${detail}).` }),
  // Ribbon (src/wps/ribbon.ts)
  openPaneFailed: (detail: string): Bilingual => ({ zh: `无法打开考核助手任务窗格：${detail}`, en: `Could not open the ASSESS task pane: ${detail}` }),
  ribbonBusy: { zh: "考核助手正在处理上一个操作，请稍候。", en: "ASSESS is still working on the previous step; please wait." },
} as const;

/** The ribbon's words (ribbon.xml asks for them through getLabel / getScreentip; ids from src/wps/ribbon.json). */
export const ribbonText = {
  paneTitle: { zh: "考核助手", en: "ASSESS" },
  labels: {
    assessTab: { zh: "考核助手", en: "ASSESS" },
    assessGroup: { zh: "考核", en: "Assessment" },
    assessCompute: { zh: "计算排名", en: "Compute ranking" },
    assessValidate: { zh: "校验", en: "Validate" },
    assessFeedback: { zh: "反馈", en: "Feedback" },
    assessUndo: { zh: "撤销", en: "Undo" },
    assessOpen: { zh: "打开考核助手", en: "Open ASSESS" },
  },
  tips: {
    assessCompute: { zh: "计算综合得分、等次和排名，写入结果列和历年奖励、考察覆盖、反馈、校验结果工作表。", en: "Compute composites, grades and ranks; write the result columns and the 历年奖励, 考察覆盖, 反馈 and 校验结果 sheets." },
    assessValidate: { zh: "检查全部考核表，列出问题并写入校验结果工作表。", en: "Check every assessment table; list the findings and write them to the 校验结果 sheet." },
    assessFeedback: { zh: "按单位绩效表生成反馈工作表，保留已填写的整改状态。", en: "Write the 反馈 sheet from the unit table, keeping the statuses typed into it." },
    assessUndo: { zh: "撤销考核助手的上一步（计算、反馈或插入示例）。", en: "Undo ASSESS's last step (a compute, feedback or sample insertion)." },
    assessOpen: { zh: "显示或隐藏考核助手任务窗格。", en: "Show or hide the ASSESS task pane." },
  },
} as const;

/** The WPS pane's own words (outside WPS). */
export const wpsPaneText = {
  outsideTitle: { zh: "请在 WPS 表格中打开", en: "Open this in WPS Spreadsheets" },
  outside: {
    zh: "这是考核助手的 WPS 任务窗格，需要在 WPS 表格中通过功能区“考核助手 → 打开考核助手”打开。当前页面不在 WPS 中运行，因此无法读取工作簿。",
    en: "This is ASSESS's WPS task pane: open it in WPS Spreadsheets from the ribbon, 考核助手 → 打开考核助手. This page is not running inside WPS, so it cannot read a workbook.",
  },
  oldBrowserTitle: { zh: "此 WPS 版本的内置浏览器过旧", en: "This WPS's built-in browser is too old" },
  oldBrowser: {
    zh: "考核助手的任务窗格需要 WPS 内置的 Chromium 77 或更高版本（自定义元素的 ElementInternals）。请升级 WPS。功能区的“计算排名”“校验”“反馈”“撤销”按钮需要任务窗格；自定义函数不受影响。",
    en: "ASSESS's task pane needs WPS's built-in Chromium 77 or later (ElementInternals for custom elements). Please update WPS. The ribbon's 计算排名, 校验, 反馈 and 撤销 need the pane; the custom functions are not affected.",
  },
} as const;
