// What the command line says, zh-CN and en-US side by side. Errors are one line: Chinese, then English.
import type { Message } from "../engine/types";
import { noun, plural } from "./plural";

import { m } from "./message";

/** The sample's defaults the usage names (src/sample). */
export interface SampleDefaults {
  seed: number;
  cadres: number;
  minCadres: number;
  maxCadres: number;
}

export const usage = (d: SampleDefaults): string => `考核助手 ASSESS — 年度考核排名与校验 (annual assessment ranking and validation)

用法 Usage:
  assess rank     <in.xlsx> [--out out.xlsx] [--policy policy.json] [--json]
                  [--feedback-date YYYY-MM-DD] [--today YYYY-MM-DD]
                  [--fill-performance] [--fill-survey] [--fill-ballots]
  assess validate <in.xlsx> [--policy policy.json] [--json] [--fill-performance] [--fill-survey] [--fill-ballots]
  assess policy   [--print-default] [--policy policy.json]
  assess sample   [--out file.xlsx] [--seed N] [--cadres N]
  assess notices  <ranked.xlsx> --out notices.docx [--issuer 发文机关] [--date YYYY-MM-DD] [--cadres]
                  [--policy policy.json] [--fill-performance] [--fill-survey] [--fill-ballots]
  assess --help

命令 Commands:
  rank      计算工作簿中的每一个表格：年度考核（综合得分、排名、等次）、单位绩效（民评得分、市考加扣分、
            总分、排名）、市考指标、历年等次、政治建设考察、民意调查问卷、民主测评票；写入结果列、突出显示，
            以及“历年奖励”“考察覆盖”“反馈”“民意调查汇总”“民主测评汇总”“考核统计”“校验结果”工作表
            （仅在给出 --out 时写文件）
            compute every table of the workbook: annual (composite, rank, grade), unit performance
            (民评, city adjustment, total, rank), city indicators, history, examinations, survey
            answers, ballots; write result columns, highlights and the 历年奖励 (rewards), 考察覆盖
            (coverage), 反馈 (feedback), 民意调查汇总 / 民主测评汇总 (survey and ballot summaries),
            考核统计 (statistics) and 校验结果 (findings) sheets (a file is written only when --out is
            given; the input is never overwritten unless --out names it)
  validate  只校验，列出全部问题，不写文件   validate only: list every finding, write nothing
  policy    显示当前政策摘要；--print-default 输出默认政策 JSON
            show the active policy; --print-default prints the default policy JSON
  sample    生成示例工作簿（默认 assess-sample.xlsx；已存在时不覆盖，除非用 --out 指明）
            write the sample workbook (default assess-sample.xlsx, never overwritten unless --out names it)
  notices   按单位生成反馈通知书（一个 .docx，每个单位一份，GB/T 9704 版式）：组内排名、民评得分与排名、总分、
            扣分事项及整改期限；--cadres 加上班子和干部的等次、综合得分与说明
            write the feedback notices (one .docx, one notice per unit, GB/T 9704 layout): rank in the
            group, 民评 points and rank, total, deduction items and deadlines; --cadres adds the team's
            and cadres' grades, composites and reasons

选项 Options:
  --out FILE      结果写入的文件 (written atomically)      file to write the results to
  --policy FILE   政策 JSON 文件（可只写与默认不同的设置）  policy JSON (may hold only the settings that differ)
  --json          在标准输出打印 JSON 结果                  print the JSON result on stdout
  --feedback-date 反馈日期，默认今天                        the feedback date (default: today)
  --today         今天的日期（判断逾期），默认系统日期      today, for overdue items (default: the system date)
  --fill-performance  年度考核表“绩效考核”为空的单元格取单位绩效总分（按政策原值或折算），不覆盖已填的值
                  blank P cells of the annual table from the unit totals (as is or 折算 per policy)
  --fill-survey   单位绩效表“幸福感/满意度/安全感”为空的单元格取民意调查原始问卷算得的指数，不覆盖已填的值
                  blank 幸福感/满意度/安全感 cells of the unit table from the raw survey answers
  --fill-ballots  年度考核表“民主测评”为空的单元格取民主测评票算得的得分，不覆盖已填的值
                  blank 民主测评 cells of the annual table from the raw ballots
  --issuer TEXT   通知书的发文机关（默认 中共苏仙区委考核办）   the notices' issuing office
  --date DATE     通知书的成文日期，默认今天；反馈表中没有的扣分事项以此日期起算整改期限
                  the notices' date (default: today); items not yet in 反馈 count their deadline from it
  --cadres        （notices）加上班子和干部的等次          (notices) add the team's and cadres' grades
  --seed N        示例的随机种子（默认 ${d.seed}）             the sample's seed (default ${d.seed})
  --cadres N      示例的干部人数（${d.minCadres}–${d.maxCadres}，默认 ${d.cadres}）   the sample's number of cadres
  -h, --help      显示本帮助                                show this help

退出码 Exit status: 0 完成 done (warnings allowed) · 1 输入有错误 input has errors (results still written for valid rows)
                    2 无法运行 could not run (usage, unreadable file, bad policy)
`;

export const say = {
  usage: (zh: string, en: string) => m(`用法错误：${zh}（运行 assess --help 查看用法）`, `Usage error: ${en} (run assess --help).`),
  missingCommand: () => say.usage("缺少命令", "missing command"),
  unknownCommand: (c: string) => say.usage(`未知命令“${c}”`, `unknown command "${c}"`),
  unknownOption: (o: string, c: string) => say.usage(`命令 ${c} 不接受选项 ${o}`, `${c} does not take the option ${o}`),
  missingValue: (o: string) => say.usage(`选项 ${o} 需要一个值`, `the option ${o} needs a value`),
  missingInput: (c: string) => say.usage(`命令 ${c} 需要一个输入文件`, `${c} needs an input file`),
  extraArgument: (a: string) => say.usage(`多余的参数“${a}”`, `unexpected argument "${a}"`),
  notImplemented: (c: string) => m(`命令 ${c} 尚未实现（not implemented yet）。`, `assess ${c} is not implemented yet.`),
  badDate: (o: string, v: string) => say.usage(`选项 ${o} 的值“${v}”不是日期（应为 YYYY-MM-DD）`, `the value "${v}" of ${o} is not a date (YYYY-MM-DD)`),
  badNumber: (o: string, v: string, min: number, max: number) => say.usage(`选项 ${o} 的值“${v}”必须是 ${min}–${max} 的整数`, `the value "${v}" of ${o} must be a whole number from ${min} to ${max}`),
  sampleExists: (p: string) =>
    m(`“${p}”已存在，未覆盖。请用 --out 指定文件名（指定已存在的文件时会覆盖它）。`, `"${p}" already exists and was not overwritten. Name the file with --out (a file named by --out is replaced).`),
  inputNotFound: (p: string) => m(`找不到输入文件“${p}”。`, `Input file "${p}" not found.`),
  inputIsDirectory: (p: string) => m(`“${p}”是一个文件夹，不是 .xlsx 文件。`, `"${p}" is a folder, not an .xlsx file.`),
  inputNotRegular: (p: string) => m(`“${p}”不是普通文件（可能是管道、设备或套接字），不读取；请指定一个 .xlsx 文件。`, `"${p}" is not a regular file (a pipe, device or socket) and is not read: name an .xlsx file.`),
  inputUnreadable: (p: string, why: Message) => m(`无法读取“${p}”：${why.zh}。`, `Cannot read "${p}": ${why.en}.`),
  policyNotFound: (p: string) => m(`找不到政策文件“${p}”。`, `Policy file "${p}" not found.`),
  policyNotJson: (p: string, why: string) => m(`政策文件“${p}”不是有效的 JSON（${why}）。`, `Policy file "${p}" is not valid JSON (${why}).`),
  /** Every problem of a policy file, on one line: each names its setting. */
  policyInvalid: (p: string, problems: Message[]) =>
    m(
      `政策文件“${p}”有误（${problems.length} 处）：${problems.map((x) => x.zh.replace(/[。；]$/, "")).join("；")}。`,
      `Policy file "${p}" is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}): ${problems.map((x) => x.en.replace(/[.;]$/, "")).join("; ")}.`,
    ),
  cannotWrite: (p: string, why: string) => m(`无法写入“${p}”（${why}）。`, `Cannot write "${p}" (${why}).`),
  csvOut: (p: string) =>
    m(`CSV 文件不会被改写，结果写入新的 .xlsx 工作簿：请用 --out 指定一个 .xlsx 文件名（不是“${p}”）。`, `A CSV file is never written over; its results go to a new .xlsx workbook: name an .xlsx file with --out (not "${p}").`),
  outExtension: (p: string, macros: boolean) =>
    macros
      ? m(`工作簿含有宏（.xlsm），写成“${p}”（.xlsx）Excel 将无法打开：请用 --out 指定 .xlsm 文件名。`, `The workbook has macros (.xlsm); written as "${p}" (.xlsx) Excel would not open it: name an .xlsm file with --out.`)
      : m(`工作簿没有宏，写成“${p}”（.xlsm）Excel 将无法打开：请用 --out 指定 .xlsx 文件名。`, `The workbook has no macros; written as "${p}" (.xlsm) Excel would not open it: name an .xlsx file with --out.`),
  outNotRegular: (p: string) => m(`“${p}”不是普通文件（可能是管道、设备或文件夹），不会被替换；请用 --out 指定一个文件名。`, `"${p}" is not a regular file (a pipe, device or folder) and is not replaced: name a file with --out.`),
  internal: (why: string) => m(`内部错误：${why}`, `Internal error: ${why}`),
  written: (p: string) => m(`已写入 ${p}`, `Written: ${p}`),
  noticesNeedOut: () => say.usage("命令 notices 需要 --out 指定要写入的 .docx 文件", "notices needs --out naming the .docx file to write"),
  noticesWritten: (count: number, path: string) => m(`反馈通知书：${count} 个单位，已写入 ${path}`, `Feedback notices: ${plural(count, "unit")}, written to ${path}`),
  notWritten: () => m("未指定 --out，未写入任何文件（输入文件保持不变）。", "No --out given: nothing was written (the input is unchanged)."),
};

/** One line on stderr: Chinese, then English. */
export function line(msg: Message): string {
  return `${msg.zh} ${msg.en}`.replace(/\s*\n\s*/g, " ");
}


/**
 * The lines of the CLI's human-readable summaries. A summary line carries both languages at once
 * (Chinese, then English), as the terminal shows them; cli/format.ts lays them out.
 */
export const report = {
  title: (verb: "rank" | "validate", input: string) => `考核助手 ASSESS — ${verb === "rank" ? "计算排名" : "校验"} ${verb}: ${input}`,
  kindName: (kind: string, name: Message | undefined) => (name ? `${name.zh.replace(/表$/, "")} ${kind}` : kind),
  policyLine: (name: string, titleZh: string, sha: string) => `政策 Policy: ${name}（${titleZh}）sha256 ${sha}…`,
  noFindings: "  通过：未发现问题。 Passed: no findings.",
  rowOf: (sheet: string, row: number) => `${sheet} 行 row ${row}`,
  counts: (findings: number, errors: number, warnings: number) =>
    `发现 Findings: ${findings}（${errors} 错误 ${noun(errors, "error")}，${warnings} 警告 ${noun(warnings, "warning")}）`,
  seeSheet: (sheet: string) => `，见工作表 see sheet “${sheet}”`,
  tableName: (name: string) => `（表 ${name}）`,
  annualCounts: (vetoes: number, conflicts: number) => `，${vetoes} 否决 ${noun(vetoes, "veto", "vetoes")}，${conflicts} 冲突 ${noun(conflicts, "conflict")}`,
  table: (i: number, where: string, kind: string, rows: number, valid: number, extra: string, written: boolean) =>
    `表格 Table ${i}: ${where} ${kind} — ${rows} 行 rows，${valid} 有效 valid${extra}${written ? "" : "；未写入结果 results not written"}`,
  poolHeaders: ["分组 Pool", "行 rows", "有效 valid", "优秀/名额 excellent/quota", "否决 vetoes", ""],
  poolFlags: (tie: boolean, exceeded: boolean) => [tie ? "并列待定 tie" : "", exceeded ? "肯定超额 affirmed over quota" : ""].filter(Boolean).join("，"),
  skipped: (where: string, kind: string | null, why: string) => `跳过 Skipped: ${where} ${kind ?? "未识别 unrecognised"}（${why}）`,
  skipCity: "没有单位绩效表，或不是第一个市考指标表 no unit table, or not the first city table",
  skipOther: "未计算 not computed",
  resultSheets: (sheets: string[]) => `结果工作表 Result sheets: ${sheets.join("、")}`,
  feedback: (sheet: string, items: number, open: number, done: number, overdue: number) =>
    `反馈 Feedback（${sheet}）: ${items} 项扣分 deduction ${noun(items, "item")}，${open} 待整改 open，${done} 已整改 done，${overdue} 逾期 overdue`,
  policySource: { default: "默认 default" },
  policy: {
    head: (name: string, zh: string, en: string) => `政策 Policy: ${name} — ${zh} / ${en}`,
    source: (source: string) => `来源 Source: ${source}`,
    weights: (w: Record<"P" | "D" | "L" | "S" | "B", string | number>) => `权重 Weights: 绩效考核 P ${w.P} · 民主测评 D ${w.D} · 领导评价 L ${w.L} · 民意调查 S ${w.S} · 党建成效 B ${w.B}`,
    bands: (b: number[]) => `分数线 Bands: 优秀 ≥ ${b[0]} · 第二等次 second ≥ ${b[1]} · 第三等次 third ≥ ${b[2]}`,
    quota: (q: { enabled: boolean; ratio: number; rounding: string; minimum: number; tieBreak: string[] }) =>
      `优秀名额 Quota: ${q.enabled ? `${q.ratio * 100}%，${q.rounding}，至少 min ${q.minimum}，并列比较 tie-break ${q.tieBreak.join(", ") || "—"}` : "关闭 off"}`,
    ranking: (style: string, decimals: number, mode: string) => `排名 Ranking: ${style} · 保留 ${decimals} 位小数 decimals (${mode})`,
    groups: (groups: string[]) => `分组 Groups: ${groups.join("、")}`,
    units: (maxPoints: number, bonusCap: number, deductionCap: number, mode: string) =>
      `单位绩效 Units: 民评 ${maxPoints} 分 points · 市考加扣分上限 city caps +${bonusCap} / −${deductionCap} · P ${mode}`,
    feedback: (days: number, meritYears: number, termYears: number, termStart: number) =>
      `反馈 Feedback: 整改期限 ${days} 天 days · 三等功 merit ${meritYears} 年 years · 届期 term ${termYears} 年 years from ${termStart}`,
    grades: (team: string[], cadre: string[]) => `等次 Grades: 班子/单位 teams ${team.join("/")} · 干部 cadres ${cadre.join("/")}`,
  },
  sample: {
    head: (file: string, seed: number, cadres: number) => `考核助手 ASSESS — 示例工作簿 sample: ${file}（随机种子 seed ${seed}，${cadres} 名干部 cadres）`,
    rows: (n: number) => `${n} 行 rows`,
    planted: (n: number) => `${n} 个示例情况 planted cases`,
    mustFind: (n: number, notesSheet: string) => `其中 ${n} 处应报告校验问题（见“${notesSheet}”）。 ${n} of them must give findings (see ${notesSheet}).`,
    next: (file: string, feedbackDate: string) => `下一步 Next: assess rank ${file} --out assess-ranked.xlsx --feedback-date ${feedbackDate}`,
  },
  /** Who wrote a workbook the CLI creates (its document properties). */
  creator: "考核助手 ASSESS",
};
