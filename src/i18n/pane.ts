// The task pane's own words, zh-CN and en-US side by side. Sentences about the rules and the data
// come from the engine (messages.ts) and the actions (actions.ts); these are labels, buttons and pane messages.
import type { Finding, FindingCode } from "../engine/types";
import { msg } from "./messages";
import { fillTemplate } from "./plural";

export type Lang = "zh" | "en";

const S = {
  appTitle: { zh: "考核助手", en: "ASSESS" },
  switchLang: { zh: "English", en: "中文" },
  switchLangLabel: { zh: "切换到英文", en: "Switch to Chinese" },
  tabCompute: { zh: "计算排名", en: "Ranking" },
  tabFeedback: { zh: "反馈", en: "Feedback" },
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
    zh: "计算年度考核表的综合得分、排名和等次（结果列写在表格右侧），以及工作簿中的单位绩效（民评、市考加扣分、总分、排名）；并写入历年奖励、考察覆盖、反馈和校验结果工作表。",
    en: "Computes composite, rank and grade on the annual assessment table (result columns to its right) and the workbook's unit performance (民评, city indicators, total, rank), and writes the 历年奖励 (rewards), 考察覆盖 (coverage), 反馈 (feedback) and 校验结果 (findings) sheets.",
  },
  feedbackDateLabel: { zh: "反馈日期", en: "Feedback date" },
  feedbackDateHint: {
    zh: "格式 YYYY-MM-DD，默认今天。用于“反馈”工作表：整改期限 = 反馈日期 + {days} 天；表中已有的事项保留原反馈日期和状态。",
    en: "YYYY-MM-DD, today by default. Used for the 反馈 sheet: deadline = feedback date + {days} days; items already on the sheet keep their date and status.",
  },
  fillPerformanceLabel: { zh: "用单位总分填补空白的绩效考核", en: "Fill blank 绩效考核 (P) from the unit totals" },
  fillPerformanceHint: {
    zh: "只填空白单元格，不改动已填的值；所用的分数写在“绩效考核（取自单位总分）”结果列，原单元格保持空白。需要工作簿中有单位绩效表。",
    en: "Only blank cells, never a value you typed; the P used goes to the result column 绩效考核（取自单位总分）, the input cell stays blank. Needs a unit performance table in the workbook.",
  },
  filledCount: {
    zh: "填补绩效考核：{n} 个空白的绩效考核取自单位总分（见“绩效考核（取自单位总分）”列）。",
    en: "Fill P: {n} blank 绩效考核 {n|cell|cells} took their unit's total (see the 绩效考核（取自单位总分） column).",
  },
  filledNone: {
    zh: "填补绩效考核：工作簿中没有可用的单位绩效表（或年度考核表没有绩效考核列），未填补。",
    en: "Fill P: the workbook has no usable unit performance table (or the annual table has no 绩效考核 column); nothing was filled.",
  },
  computeButton: { zh: "计算排名", en: "Compute ranking" },
  undoButton: { zh: "撤销上一步", en: "Undo last step" },
  undoDone: { zh: "已撤销：{what}。工作簿已恢复到这一步之前的状态。", en: "Undone: {what}. The workbook is as it was before that step." },
  undoDoneMore: { zh: "已撤销：{what}。工作簿已恢复到这一步之前的状态（还可撤销 {n} 次）。", en: "Undone: {what}. The workbook is as it was before that step ({n} more {n|step|steps} can be undone)." },
  undoNothing: { zh: "没有可撤销的操作。", en: "There is nothing to undo." },
  undoHint: {
    zh: "下一次撤销：{what}。撤销会恢复这一步改动的每个单元格、填充色、批注和工作表（可撤销 {n} 次，最多 {max} 次）；您对输入单元格的修改不受影响。关闭任务窗格后无法撤销。",
    en: "Next undo: {what}. Undo restores every cell, fill, note and sheet that step changed ({n} available, up to {max}); your edits to input cells are kept. It is available until the task pane is closed.",
  },
  undoWhatCompute: { zh: "计算排名（反馈日期 {date}）", en: "Compute ranking (feedback date {date})" },
  undoWhatFeedback: { zh: "生成反馈（反馈日期 {date}）", en: "Feedback (feedback date {date})" },
  undoWhatSample: { zh: "插入示例", en: "Insert sample" },
  undoWhatPolicy: { zh: "修改政策", en: "Policy change" },
  undoNext: { zh: "可撤销 {n} 步，下一步撤销：{what}", en: "{n} {n|step|steps} to undo; next: {what}" },
  undoHelp: {
    zh: "撤销上一步：依次撤销计算、反馈、插入示例和政策修改（最多 {max} 步），恢复这一步改动的每个单元格、填充色、批注和工作表；您对输入单元格的修改不受影响。关闭任务窗格后无法撤销。",
    en: "Undo last step undoes computes, feedback, sample insertions and policy changes in turn (up to {max}), restoring every cell, fill, note and sheet the step changed; your edits to input cells are kept. It is available until the task pane is closed.",
  },
  helpButton: { zh: "帮助", en: "Help" },
  helpTitle: { zh: "使用说明", en: "How it works" },
  helpClose: { zh: "关闭帮助", en: "Close help" },
  tabsLabel: { zh: "功能", en: "Sections" },
  sampleTitle: { zh: "还没有数据？", en: "No data yet?" },
  cancelRun: { zh: "取消", en: "Cancel" },
  cancelling: { zh: "正在取消…", en: "Cancelling…" },
  cancelledRun: { zh: "已取消，工作簿未改动。", en: "Cancelled; the workbook is unchanged." },
  progressLine: { zh: "{step} · {percent}%", en: "{step} · {percent}%" },
  stepRead: { zh: "读取表格", en: "Reading the tables" },
  stepCompute: { zh: "计算", en: "Computing" },
  stepSnapshot: { zh: "保存撤销点", en: "Saving the undo point" },
  stepWrite: { zh: "写入结果", en: "Writing the results" },
  stepFormat: { zh: "着色和批注", en: "Colouring and notes" },
  stepRestore: { zh: "恢复", en: "Restoring" },
  computedHeadline: {
    zh: "计算完成：{rows} 行，优秀 {excellent}/{quota}，一票否决 {vetoes}，问题 {findings}",
    en: "Computed: {rows} rows, Excellent {excellent}/{quota}, vetoes {vetoes}, findings {findings}",
  },
  feedbackHeadline: {
    zh: "反馈已生成：{units} 个单位，扣分事项 {items}，待整改 {open}，已整改 {done}，逾期 {overdue}",
    en: "Feedback written: {units} units, {items} deduction items, open {open}, done {done}, overdue {overdue}",
  },
  validateHeadline: { zh: "校验完成：问题 {n}（错误 {errors}）", en: "Validated: {n} findings (errors: {errors})" },
  moreItems: { zh: "……另有 {n} 处", en: "… and {n} more" },
  poolNote: { zh: "说明", en: "Note" },
  findingsTitle: { zh: "问题 {n}：错误 {errors}，警告 {warnings}", en: "Findings {n}: {errors} error{es}, {warnings} warning{ws}" },
  filterSeverity: { zh: "严重程度", en: "Severity" },
  filterAll: { zh: "全部（{n}）", en: "All ({n})" },
  filterErrors: { zh: "错误（{n}）", en: "Errors ({n})" },
  filterWarnings: { zh: "警告（{n}）", en: "Warnings ({n})" },
  filterSheet: { zh: "表格", en: "Table" },
  filterAllSheets: { zh: "全部表格", en: "All tables" },
  filterNone: { zh: "没有符合筛选条件的问题。", en: "No findings match the filter." },
  filterHidden: { zh: "另有 {n} 个问题被筛选隐藏。", en: "{n} more findings are hidden by the filter." },
  findingPrev: { zh: "上一个", en: "Previous" },
  findingNext: { zh: "下一个问题", en: "Next finding" },
  walkPosition: { zh: "第 {n} / {total} 个", en: "{n} of {total}" },
  walkTotal: { zh: "共 {total} 个可定位", en: "{total} to go through" },
  walkAnnounce: { zh: "第 {n} / {total} 个问题：{message}", en: "Finding {n} of {total}: {message}" },
  groupErrors: { zh: "{n} 个错误", en: "errors: {n}" },
  groupWarnings: { zh: "{n} 个警告", en: "warnings: {n}" },
  showMore: { zh: "再显示 {n} 个（共余 {rest} 个）", en: "Show {n} more ({rest} left)" },
  sampleButton: { zh: "插入示例", en: "Insert sample" },
  sampleHint: {
    zh: "还没有数据？可以插入示例工作簿（年度考核、单位绩效、市考指标、五年历年等次、政治建设考察），再点击“计算排名”查看结果。只能插入到没有考核表格的工作簿。",
    en: "No data yet? Insert the sample workbook (annual table, unit performance, city indicators, five years of history, examinations), then click Compute ranking. Only into a workbook without assessment tables.",
  },
  sampleInserted: { zh: "已插入示例工作簿的 {n} 个工作表：{sheets}。", en: "The sample workbook's {n} sheets are inserted: {sheets}." },
  sampleNext: {
    zh: "下一步：点击“计算排名”。它会计算年度考核表和单位绩效，并写入历年奖励、考察覆盖和反馈工作表；“撤销上一步”可删除示例。",
    en: "Next: click Compute ranking. It computes the annual table and the unit performance and writes the rewards, coverage and feedback sheets; Undo last step removes the sample again.",
  },
  sampleRefused: { zh: "未插入示例：本工作簿中已有考核表格。", en: "The sample was not inserted: this workbook already holds assessment tables." },
  sampleRefusedTables: { zh: "已有表格：{tables}", en: "Tables found: {tables}" },
  sampleRefusedWhat: {
    zh: "示例会与这些表格混在一起（单位名单和市考指标会被合并计算）。请新建空白工作簿（文件 → 新建 → 空白工作簿），在其中打开考核助手，再点击“插入示例”。",
    en: "The sample would mix with these tables (unit lists and city indicators would be computed together). Create a blank workbook (File → New → Blank workbook), open ASSESS in it, then click Insert sample.",
  },
  skippedAnnual: { zh: "只计算了所选的年度考核表，未改动：{tables}。", en: "Only the chosen annual table was computed; left as they are: {tables}." },
  unitTitle: { zh: "单位绩效：计算完成", en: "Unit performance computed" },
  unitNotWritten: { zh: "单位绩效表有误，未写入结果", en: "The unit table has errors; no results were written" },
  unitRows: { zh: "单位数", en: "Units" },
  unitWritten: {
    zh: "民评得分、市考加扣分、总分和排名已写入表格右侧。",
    en: "民评 points, the city-indicator adjustment, the total and the rank are written to the table's right.",
  },
  sheetsTitle: { zh: "已写入的工作表", en: "Sheets written" },
  sheetRewards: {
    zh: "记三等功 {merits} 人（{year} 年 {latest} 人）；优先晋升职级 {promotion} 人",
    en: "Third-class merit: {merits} cadres ({latest} in {year}); priority promotion: {promotion}",
  },
  sheetCoverage: { zh: "本届 {term} 覆盖率 {percent}%（见下方）", en: "Term {term}: {percent}% examined (below)" },
  sheetFeedback: {
    zh: "反馈日期 {date}：扣分事项 {items} 项，待整改 {open}，已整改 {done}，逾期 {overdue}",
    en: "Feedback date {date}: {items} deduction items; open {open}, done {done}, overdue {overdue}",
  },
  sheetFindings: { zh: "问题清单：{errors} 个错误，{warnings} 个警告", en: "Findings: errors {errors}, warnings {warnings}" },
  coverageTitle: { zh: "政治建设考察覆盖", en: "Political-construction examination coverage" },
  coverageAsOf: { zh: "截至 {year} 年", en: "As of {year}" },
  coverageTerm: { zh: "{term} 届", en: "Term {term}" },
  coverageLine: { zh: "已考察 {examined} / {units} 个单位 · 本届剩余 {left} 年", en: "{examined} of {units} units examined · {left} years left in the term" },
  coverageNotExamined: { zh: "未考察单位（{n}）", en: "Not yet examined ({n})" },
  coverageAll: { zh: "全部单位已考察", en: "Every unit examined" },
  feedbackIntro: {
    zh: "按单位列出组内排名、民评排名、市考扣分事项、整改期限（反馈日期 + {days} 天）和状态，写入“反馈”工作表。表中已填写的“已整改”等状态会保留；逾期未整改的事项标红。",
    en: "Lists per unit its rank in the group, 民评 rank, city-indicator deductions, the rectification deadline (feedback date + {days} days) and a status, on the 反馈 sheet. Statuses typed into it (已整改 …) are kept; open items past their deadline are filled red.",
  },
  feedbackButton: { zh: "生成反馈", en: "Write feedback" },
  feedbackTitle: { zh: "已写入工作表“{sheet}”", en: 'Written to the sheet "{sheet}"' },
  feedbackDates: { zh: "反馈日期 {date} · 今天 {today}", en: "Feedback date {date} · today {today}" },
  feedbackUnits: { zh: "单位", en: "Units" },
  feedbackItems: { zh: "扣分事项", en: "Deduction items" },
  feedbackOpen: { zh: "待整改", en: "Open" },
  feedbackDone: { zh: "已整改", en: "Done" },
  feedbackOverdue: { zh: "逾期", en: "Overdue" },
  feedbackOverdueHint: {
    zh: "逾期未整改的事项在“反馈”工作表中标红，状态单元格附有批注。整改后在“状态”列填写“已整改”，再点击“生成反馈”即可更新。",
    en: "Overdue open items are filled red on the 反馈 sheet, with a note on the status cell. Once rectified, type 已整改 into the status column and click Write feedback again.",
  },
  feedbackStatusHint: {
    zh: "整改后在“状态”列填写“已整改”；再次生成反馈时会保留这些状态，并把逾期未整改的事项标红。",
    en: "Once an item is rectified, type 已整改 into the status column; the next feedback keeps it and fills open items past their deadline red.",
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
    zh: "以下结果列中有不是由考核助手写入的内容（手工输入、公式或已被修改）。继续计算将覆盖这些内容（可用“撤销上一步”恢复）。",
    en: "These result columns hold content that ASSESS did not write (typed by hand, formulas, or edited since). Computing will overwrite it (Undo last step restores it).",
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
  policyWeights: { zh: "综合得分权重（%，合计 100）", en: "Composite weights (%, summing to 100)" },
  policyBands: { zh: "等次分数线", en: "Grade thresholds" },
  bandLabel: { zh: "{grade} 不低于", en: "{grade} from" },
  bandsHint: { zh: "低于最后一条分数线为“{lowest}”。", en: "Below the last threshold: {lowest}." },
  policyQuota: { zh: "优秀名额", en: "Excellent quota" },
  policyQuotaEnabled: { zh: "启用优秀比例限制", en: "Limit the share of Excellent" },
  policyQuotaRatio: { zh: "优秀比例", en: "Share of Excellent" },
  policyQuotaRounding: { zh: "名额取整", en: "Rounding of places" },
  policyQuotaMinimum: { zh: "每组至少", en: "At least per pool" },
  policyTieBreak: { zh: "并列时依次比较", en: "Tie-break components" },
  tieBreakHint: { zh: "分项代码，用逗号分隔，如 P, D（绩效考核，再民主测评）。", en: "Component codes, comma-separated, e.g. P, D (performance, then democratic)." },
  policyRanking: { zh: "排名方式", en: "Ranking style" },
  rankingCompetition: { zh: "竞争排名（1, 2, 2, 4）", en: "Competition (1, 2, 2, 4)" },
  rankingDense: { zh: "中国式排名（1, 2, 2, 3）", en: "Dense (1, 2, 2, 3)" },
  roundingHalfUp: { zh: "四舍五入", en: "Round half up" },
  roundingFloor: { zh: "向下取整", en: "Round down" },
  roundingCeil: { zh: "向上取整", en: "Round up" },
  policyGroups: { zh: "分组", en: "Groups" },
  policyVocab: { zh: "词表", en: "Vocabularies" },
  tagPlaceholder: { zh: "输入后按 Enter 添加", en: "Type, then Enter to add" },
  tagHint: { zh: "Enter、逗号或顿号添加；退格删除最后一个。", en: "Enter or a comma adds; Backspace removes the last one." },
  tagRemove: { zh: "删除“{tag}”", en: "Remove \"{tag}\"" },
  policyLine: { zh: "{title}（{name}，{source}）", en: "{title} ({name}, {source})" },
  policyRefusedAtFields: { zh: "有 {n} 处需要修改，原因写在各字段下方。", en: "{n} {n|setting needs|settings need} changing; the reason is under each field." },
  resetTitle: { zh: "恢复默认政策？", en: "Restore the default policy?" },
  resetText: {
    zh: "本工作簿保存的政策将被删除，改用默认的 2023 年苏仙区方案；自定义函数会重新计算。之后可用“撤销上一步”恢复。",
    en: "The policy saved in this workbook is removed and the default 2023 Suxian scheme applies; the custom functions recalculate. Undo last step brings it back.",
  },
  resetYes: { zh: "恢复默认", en: "Restore default" },
  vocabSolid: { zh: "政治素质：过得硬", en: "Political: solid" },
  vocabQualified: { zh: "政治素质：合格", en: "Political: qualified" },
  vocabUnqualified: { zh: "政治素质：不合格", en: "Political: unqualified" },
  vocabNone: { zh: "通报批评：无", en: "Circular: none" },
  vocabBelow: { zh: "通报批评：区级以下（不否决）", en: "Circular: below district (no veto)" },
  vocabVeto: { zh: "通报批评：一票否决", en: "Circular: veto" },
  vocabYes: { zh: "是否类的列：表示“是”", en: "Yes/no columns: yes" },
  vocabNo: { zh: "是否类的列：表示“否”", en: "Yes/no columns: no" },
  policySave: { zh: "保存政策", en: "Save policy" },
  policyReset: { zh: "恢复默认政策", en: "Restore the default policy" },
  policySaved: { zh: "政策已保存到本工作簿，函数已重新计算。重新点击“计算排名”可更新结果列。", en: "The policy is saved in this workbook and the functions recalculated. Click Compute ranking again to update the result columns." },
  policyRefused: { zh: "政策未保存：", en: "The policy was not saved:" },
  policyStoredInvalid: { zh: "工作簿中保存的政策无效，已改用默认政策：", en: "The policy stored in this workbook is invalid; the default is used instead:" },
  policyFromWorkbook: { zh: "来自本工作簿", en: "from this workbook" },
  policyDefault: { zh: "默认", en: "default" },
  recordNotSaved: {
    zh: "已完成，但未能把“本插件写入了哪些结果列”的记录保存到工作簿中；下次计算时会把这些列当作他人内容，先询问是否覆盖。",
    en: "Done, but the record of which result columns the add-in wrote could not be saved with the workbook: the next compute will take them for someone else's content and ask before overwriting them.",
  },
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
  return fillTemplate(s, params);
}

export function notesWhere(lang: Lang, mode: "notes" | "comments" | "none"): string {
  return S.notesWhere[mode][lang];
}

export const LANG_KEY = "assess.lang";

/** Each finding code as a kind in plain words (the findings list's group heads). */
const KIND: Record<FindingCode, { zh: string; en: string }> = {
  WEIGHTS_SUM: { zh: "权重合计不是 100%", en: "Weights do not sum to 100%" },
  OUT_OF_RANGE: { zh: "分数超出 0–100", en: "Score outside 0–100" },
  NOT_A_NUMBER: { zh: "应为数字", en: "Not a number" },
  MISSING: { zh: "缺少必填内容", en: "Required value missing" },
  DUPLICATE_ID: { zh: "编号重复", en: "Repeated ID" },
  UNKNOWN_VALUE: { zh: "无法识别的填写", en: "Value not recognised" },
  AFFIRM_NOT_TOP_LEADER: { zh: "一票肯定只适用于主要负责人", en: "Affirmation applies to top leaders only" },
  AFFIRM_VETO_CONFLICT: { zh: "一票肯定与一票否决冲突", en: "Affirmation meets a veto" },
  CITY_INDICATOR_LEAD: { zh: "市考指标的牵头单位有误", en: "City indicator with a bad lead unit" },
  MANUAL_GRADE_CONFLICT: { zh: "手工拟定的等次与规则不符", en: "Hand-typed grade differs from the rules" },
  QUOTA_TIE: { zh: "优秀名额边界并列，需人工决定", en: "Tie at the quota boundary: a person decides" },
  QUOTA_EXCEEDED_BY_AFFIRMATION: { zh: "一票肯定超出优秀名额", en: "Affirmations exceed the quota" },
  POLICY_INVALID: { zh: "政策设置有误", en: "Policy setting invalid" },
  MISSING_COLUMN: { zh: "缺少必需的列", en: "Required column missing" },
  DUPLICATE_COLUMN: { zh: "列重复", en: "Column appears twice" },
  UNKNOWN_GROUP: { zh: "不在政策中的分组", en: "Group not in the policy" },
  SMALL_SAMPLE: { zh: "有效答卷过少", en: "Too few answers counted" },
  CONVERT_BEST_ZERO: { zh: "本组绩效考核最高分为 0，无法折算", en: "Group's best P is 0: no conversion" },
  SUMMARY_ROW: { zh: "表格末尾的汇总行不计算", en: "Totals row left out" },
};

export function findingKind(lang: Lang, code: FindingCode): string {
  return KIND[code]?.[lang] ?? code;
}

/** A policy finding's reason without the setting's path (the field's label names it). */
export function plainPolicyReason(lang: Lang, f: Finding): string {
  const text = f.message[lang];
  if (f.code !== "POLICY_INVALID" || !f.column) return text;
  const prefix = msg.policyInvalid(f.column, { zh: "", en: "" })[lang];
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/** Sentences the policy form writes itself (before the policy's own check). */
export const policyFormText = {
  notANumber: (typed: string) =>
    typed === "" ? { zh: "请填写分数（0–100 的数字）", en: "enter a score (a number from 0 to 100)" } : { zh: `“${typed}”不是数字`, en: `"${typed}" is not a number` },
};
