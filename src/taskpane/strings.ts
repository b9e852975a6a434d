// The task pane's own words, zh-CN and en-US side by side. Sentences about the rules and the data
// come from the engine (src/i18n) and the actions; these are labels, buttons and pane messages.
export type Lang = "zh" | "en";

const S = {
  appTitle: { zh: "考核助手", en: "ASSESS" },
  switchLang: { zh: "English", en: "中文" },
  switchLangLabel: { zh: "切换到英文", en: "Switch to Chinese" },
  tabCompute: { zh: "计算排名", en: "Compute ranking" },
  tabValidate: { zh: "校验", en: "Validate" },
  tabPolicy: { zh: "政策", en: "Policy" },
  loading: { zh: "正在加载…", en: "Loading…" },
  ready: { zh: "就绪", en: "Ready" },
  working: { zh: "正在处理…", en: "Working…" },
  outsideOfficeTitle: { zh: "请在 Excel 中打开", en: "Open this in Excel" },
  outsideOffice: {
    zh: "考核助手是 Excel 加载项，需要在 Excel（桌面版或网页版）中打开：开始 → 加载项 → 考核助手。当前页面不在 Office 中运行，因此无法读取工作簿。",
    en: "ASSESS is an Excel add-in: open it inside Excel (desktop or on the web) from Home → Add-ins → ASSESS. This page is not running inside Office, so it cannot read a workbook.",
  },
  notExcel: {
    zh: "考核助手只适用于 Excel，当前宿主是 {host}。",
    en: "ASSESS works in Excel only; this host is {host}.",
  },
  officeTimeout: {
    zh: "Office 在 {seconds} 秒内没有响应。请关闭并重新打开任务窗格；如仍无响应，请重启 Excel。",
    en: "Office did not respond within {seconds} seconds. Close and reopen the task pane; if it still does not respond, restart Excel.",
  },
  oldExcel: {
    zh: "此版本的 Excel 不支持考核助手所需的功能（ExcelApi 1.4）。请更新 Office。",
    en: "This version of Excel lacks what ASSESS needs (ExcelApi 1.4). Please update Office.",
  },
  computeIntro: {
    zh: "在年度考核表上计算综合得分、排名和等次，并在表格右侧写入结果列（综合得分、排名、等次、说明）。",
    en: "Computes composite, rank and grade on the annual assessment table and writes the result columns (综合得分, 排名, 等次, 说明) to its right.",
  },
  computeButton: { zh: "计算排名", en: "Compute ranking" },
  undoButton: { zh: "撤销上次计算", en: "Undo last compute" },
  undoDone: { zh: "已撤销上次计算，工作簿已恢复原状。", en: "The last compute was undone; the workbook is as it was." },
  undoDoneMore: { zh: "已撤销上次计算，结果列已恢复到再前一次计算后的状态（还可撤销 {n} 次）。", en: "The last compute was undone; the result columns are as the compute before it left them ({n} more undo available)." },
  undoNothing: { zh: "没有可撤销的计算。", en: "There is no compute to undo." },
  undoHint: {
    zh: "撤销会恢复计算改动的每个结果单元格、填充色和批注（可撤销 {n} 次，最多 10 次）；您对输入单元格的修改不受影响。关闭任务窗格后无法撤销。",
    en: "Undo restores every result cell, fill and note a compute changed ({n} available, up to 10); your edits to input cells are kept. It is available until the task pane is closed.",
  },
  busyRefused: { zh: "“{verb}”仍在进行，请等它完成后再操作。", en: "{verb} is still running; wait for it to finish." },
  unexpected: { zh: "出现意外错误（{detail}）。", en: "An unexpected error occurred ({detail})." },
  pickTitle: { zh: "选择要计算的表格", en: "Choose the table to compute" },
  pickText: {
    zh: "工作簿中有多个年度考核表。请选择一个（也可以先在 Excel 中选中表格内的任一单元格）。",
    en: "The workbook holds several annual assessment tables. Choose one (or select a cell inside the table in Excel first).",
  },
  pickRows: { zh: "{rows} 行", en: "{rows} rows" },
  cancel: { zh: "取消", en: "Cancel" },
  ok: { zh: "确定", en: "OK" },
  overwriteTitle: { zh: "覆盖已有内容？", en: "Overwrite existing content?" },
  overwriteText: {
    zh: "以下结果列中有不是由考核助手写入的内容（手工输入、公式或已被修改）。继续计算将覆盖这些内容（可用“撤销上次计算”恢复）。",
    en: "These result columns hold content that ASSESS did not write (typed by hand, formulas, or edited since). Computing will overwrite it (Undo last compute restores it).",
  },
  overwriteColumn: { zh: "{sheet}!{address}（{header}）", en: "{sheet}!{address} ({header})" },
  overwriteArea: { zh: "{sheet}!{address}（表格右侧）", en: "{sheet}!{address} (right of the table)" },
  overwriteYes: { zh: "覆盖并计算", en: "Overwrite and compute" },
  protectedSheet: {
    zh: "工作表“{sheet}”受保护，未写入任何内容。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。",
    en: 'Sheet "{sheet}" is protected; nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.',
  },
  computedTitle: { zh: "计算完成", en: "Computed" },
  notWrittenTitle: { zh: "表格有误，未写入结果", en: "The table has errors; no results were written" },
  computedTable: { zh: "表格 {sheet}!{address}", en: "Table {sheet}!{address}" },
  summaryRows: { zh: "行数", en: "Rows" },
  summaryValid: { zh: "有效行", en: "Valid rows" },
  summaryVetoes: { zh: "一票否决", en: "Vetoes" },
  summaryConflicts: { zh: "肯定与否决冲突", en: "Affirmation/veto conflicts" },
  summaryFindings: { zh: "问题", en: "Findings" },
  summaryFindingsValue: { zh: "{errors} 个错误，{warnings} 个警告", en: "{errors} error{es}, {warnings} warning{ws}" },
  poolsTitle: { zh: "优秀名额（按组）", en: "Excellent places per pool" },
  poolName: { zh: "组", en: "Pool" },
  poolUsed: { zh: "优秀 / 名额", en: "Excellent / quota" },
  poolNoQuota: { zh: "不限", en: "no quota" },
  poolTie: { zh: "边界并列，待人工决定", en: "tie at the boundary: a human decides" },
  poolExceeded: { zh: "一票肯定超出名额", en: "affirmations exceed the quota" },
  legendTitle: { zh: "表格中的颜色", en: "Colours in the table" },
  legendVeto: { zh: "一票否决（区级及以上通报批评）", en: "One-vote veto (district-level or higher circular)" },
  legendAffirmed: { zh: "一票肯定（直接评为优秀）", en: "Affirmed (rated Excellent directly)" },
  legendQuota: { zh: "超出优秀名额 / 边界并列", en: "Beyond the excellent quota / tie" },
  legendInvalid: { zh: "输入有误，未计算", en: "Invalid input, not computed" },
  notesWhere: {
    notes: { zh: "每个着色行的“等次”单元格附有说明批注。", en: "Each coloured row's 等次 cell carries a note with the reason." },
    comments: { zh: "此版本 Excel 不支持备注，原因以批注（评论）形式附在“等次”单元格上。", en: "This Excel has no notes API: reasons are attached as comments on the 等次 cell." },
    none: { zh: "此版本 Excel 不支持备注或批注，原因只写在“说明”列。", en: "This Excel supports neither notes nor comments: reasons are in the 说明 column only." },
  },
  findingsSheetWritten: { zh: "问题清单已写入工作表“{sheet}”。", en: 'The findings are also on the sheet "{sheet}".' },
  validateIntro: {
    zh: "检查年度考核表的每一行（含手工拟定等次），不改动表格；问题清单同时写入“校验结果”工作表。点击问题可定位到单元格。",
    en: "Checks every row of the annual assessment tables (including hand-typed grades) without changing them; the findings also go to a 校验结果 sheet. Click a finding to select its cell.",
  },
  validateButton: { zh: "校验", en: "Validate" },
  noFindings: { zh: "通过：未发现问题。", en: "Passed: no findings." },
  errorsTitle: { zh: "错误（{n}）", en: "Errors ({n})" },
  warningsTitle: { zh: "警告（{n}）", en: "Warnings ({n})" },
  findingWhere: { zh: "{sheet}!{cell}", en: "{sheet}!{cell}" },
  findingRow: { zh: "第 {row} 行", en: "row {row}" },
  policyIntro: {
    zh: "当前考核政策。修改后保存到本工作簿（随文件保存），自定义函数立即使用新政策并重新计算。",
    en: "The active assessment policy. Saved changes are stored in this workbook (they travel with the file); the custom functions use them at once and recalculate.",
  },
  policyName: { zh: "政策", en: "Policy" },
  policyWeights: { zh: "综合得分权重（合计 100%）", en: "Composite weights (sum 100%)" },
  policyBands: { zh: "等次分数线（优秀 / 第二 / 第三）", en: "Grade thresholds (top / second / third)" },
  policyQuota: { zh: "优秀名额", en: "Excellent quota" },
  policyQuotaEnabled: { zh: "启用优秀比例限制", en: "Limit the share of Excellent" },
  policyQuotaRatio: { zh: "比例（0–1）", en: "Ratio (0–1)" },
  policyQuotaRounding: { zh: "名额取整", en: "Rounding of places" },
  policyQuotaMinimum: { zh: "每组至少", en: "At least per pool" },
  policyTieBreak: { zh: "并列时依次比较（如 P, D）", en: "Tie-break components (e.g. P, D)" },
  policyRanking: { zh: "排名方式", en: "Ranking style" },
  rankingCompetition: { zh: "竞争排名（1, 2, 2, 4）", en: "Competition (1, 2, 2, 4)" },
  rankingDense: { zh: "中国式排名（1, 2, 2, 3）", en: "Dense (1, 2, 2, 3)" },
  roundingHalfUp: { zh: "四舍五入", en: "Round half up" },
  roundingFloor: { zh: "向下取整", en: "Round down" },
  roundingCeil: { zh: "向上取整", en: "Round up" },
  policyGroups: { zh: "分组（用顿号或逗号分隔）", en: "Groups (comma-separated)" },
  policyVocab: { zh: "词表（用顿号或逗号分隔）", en: "Vocabularies (comma-separated)" },
  vocabSolid: { zh: "政治素质：过得硬", en: "Political: solid" },
  vocabQualified: { zh: "政治素质：合格", en: "Political: qualified" },
  vocabUnqualified: { zh: "政治素质：不合格", en: "Political: unqualified" },
  vocabNone: { zh: "通报批评：无", en: "Circular: none" },
  vocabBelow: { zh: "通报批评：区级以下（不否决）", en: "Circular: below district (no veto)" },
  vocabVeto: { zh: "通报批评：一票否决", en: "Circular: veto" },
  vocabYes: { zh: "是", en: "Yes" },
  vocabNo: { zh: "否", en: "No" },
  policySave: { zh: "保存政策", en: "Save policy" },
  policyReset: { zh: "恢复默认政策", en: "Restore the default policy" },
  policySaved: { zh: "政策已保存到本工作簿，函数已重新计算。重新点击“计算排名”可更新结果列。", en: "The policy is saved in this workbook and the functions recalculated. Click Compute ranking again to update the result columns." },
  policyRefused: { zh: "政策未保存：", en: "The policy was not saved:" },
  policyStoredInvalid: { zh: "工作簿中保存的政策无效，已改用默认政策：", en: "The policy stored in this workbook is invalid; the default is used instead:" },
  policyFromWorkbook: { zh: "来自本工作簿", en: "from this workbook" },
  policyDefault: { zh: "默认", en: "default" },
  policySaveFailed: { zh: "无法保存到工作簿：{reason}", en: "Could not save to the workbook: {reason}" },
  failed: { zh: "未完成：", en: "Not done:" },
  progress: { zh: "{phase} {done}/{total}", en: "{phase} {done}/{total}" },
  phaseRead: { zh: "读取", en: "Reading" },
  phaseWrite: { zh: "写入", en: "Writing" },
  phaseFormat: { zh: "着色", en: "Highlighting" },
  phaseSnapshot: { zh: "备份", en: "Backing up" },
  phaseRestore: { zh: "恢复", en: "Restoring" },
  phaseSheet: { zh: "写入工作表", en: "Writing sheet" },
} as const;

export type StringKey = Exclude<keyof typeof S, "notesWhere">;

/** A pane string with {placeholders} filled in. */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  const s = (S[key] as { zh: string; en: string })[lang];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function notesWhere(lang: Lang, mode: "notes" | "comments" | "none"): string {
  return S.notesWhere[mode][lang];
}

export const LANG_KEY = "assess.lang";
