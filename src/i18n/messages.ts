// Every sentence the engine says, once, in Chinese and English side by side.
// Cell text quoted in a sentence is data: the faces show it with textContent / as plain text.
import type { TableKind } from "../engine/headers";
import type { Message, ReasonCode } from "../engine/types";
import { plural } from "./plural";

import { m } from "./message";

/** A column as messages name it: its spec (engine/headers.ts), whose zh/en is the header staff know. */
export type ColumnName = { zh: string; en: string };

/** A table as messages name it: a kind the workbook computes, or the raw survey answers and ballots (POLICY.md §11). */
export type TableName = TableKind | "survey" | "ballots";

/** Each table kind as messages name it. */
export const TABLE_KIND_NAMES: Record<TableName, Message> = {
  annual: m("年度考核表", "annual assessment table"),
  unit: m("单位绩效表", "unit performance table"),
  city: m("市考指标表", "city indicator table"),
  history: m("历年等次表", "grade history table"),
  examination: m("政治建设考察表", "examination records table"),
  feedback: m("反馈表", "feedback sheet"),
  survey: m("民意调查问卷表", "survey answers table"),
  ballots: m("民主测评票表", "ballots table"),
};

/** A pool's name, which is also its key: the group and the subject kind ("区直单位 · 干部"). */
export function poolName(group: string, cadres: boolean): string {
  return `${group || "—"} · ${cadres ? "干部" : "班子/单位"}`;
}

/** What blocks an affirmation, as AFFIRM_VETO_CONFLICT names it; null for a reason that does not block. */
export function blockerName(code: ReasonCode): Message | null {
  switch (code) {
    case "VETO":
      return m("一票否决", "a one-vote veto");
    case "POLITICAL_NOT_SOLID":
      return m("政治素质非“过得硬”", "political quality not solid");
    case "POLITICAL_FAIL":
      return m("政治素质不合格", "political quality unqualified");
    default:
      return null;
  }
}

const where = (cell: string | undefined, column: ColumnName): Message => (cell ? m(`${cell}（${column.zh}）`, `${cell} (${column.en})`) : m(column.zh, column.en));

/** "A1：" / "A1: " before a sentence about a cell, nothing without one. */
const at = (cell: string | undefined) => ({ zh: cell ? cell + "：" : "", en: cell ? cell + ": " : "" });

export const msg = {
  missing: (cell: string | undefined, column: ColumnName) => {
    const w = where(cell, column);
    return m(`${w.zh}为空，此项必填。`, `${w.en} is blank; a value is required.`);
  },
  notANumber: (cell: string | undefined, column: ColumnName, shown: string) => {
    const w = where(cell, column);
    return m(`${w.zh}的值“${shown}”不是数字。`, `${w.en}: "${shown}" is not a number.`);
  },
  outOfRange: (cell: string | undefined, column: ColumnName, value: number | string, min: number, max: number) => {
    const w = where(cell, column);
    return m(
      `${w.zh}的值 ${value} 超出范围 ${min}–${max}。`,
      `${w.en}: ${value} is outside the range ${min}–${max}.`,
    );
  },
  unknownValue: (cell: string | undefined, column: ColumnName, shown: string, allowed: string[]) => {
    const w = where(cell, column);
    return m(
      `${w.zh}的值“${shown}”不在可选范围内（可选：${allowed.join("、")}）。`,
      `${w.en}: "${shown}" is not one of the accepted values (${allowed.join(", ")}).`,
    );
  },
  unknownGroup: (cell: string | undefined, shown: string, groups: string[]) =>
    m(
      `${at(cell).zh}分组“${shown}”不在政策所列分组（${groups.join("、")}）中，已单独排名。`,
      `${at(cell).en}group "${shown}" is not one of the policy's groups (${groups.join(", ")}); it is ranked as a pool of its own.`,
    ),
  duplicateId: (cell: string | undefined, id: string, rows: number[]) =>
    m(
      `${at(cell).zh}编号“${id}”重复出现（第 ${rows.join("、")} 行），这些行均不计算。`,
      `${at(cell).en}ID "${id}" appears more than once (rows ${rows.join(", ")}); none of these rows is computed.`,
    ),
  missingColumn: (kind: TableName, column: ColumnName) => {
    const t = TABLE_KIND_NAMES[kind];
    return m(`${t.zh}缺少必需的列“${column.zh}”。`, `The ${t.en} has no "${column.en}" column, which is required.`);
  },
  duplicateColumn: (kind: TableName, column: ColumnName, cells: string[]) => {
    const t = TABLE_KIND_NAMES[kind];
    return m(
      `${t.zh}的列“${column.zh}”出现多次（${cells.join("、")}），无法确定使用哪一列。`,
      `The "${column.en}" column of the ${t.en} appears more than once (${cells.join(", ")}); it is unclear which one to use.`,
    );
  },
  affirmNotTopLeader: (cell: string | undefined) =>
    m(
      `${at(cell).zh}一票肯定只适用于获真抓实干激励单位的主要负责人；此人不是主要负责人，不予适用。`,
      `${at(cell).en}one-vote affirmation applies only to the top leader of a unit with a 真抓实干 incentive; this cadre is not the top leader, so it has no effect.`,
    ),
  affirmVetoConflict: (row: number, blockers: Message[]) =>
    m(
      `第 ${row} 行同时适用一票肯定与${blockers.map((b) => b.zh).join("、")}，已按否决处理，请人工复核。`,
      `Row ${row} has both one-vote affirmation and ${blockers.map((b) => b.en).join(" and ")}; the veto was applied. Please review.`,
    ),
  /** The note on a row highlighted as a veto whose band was below 优秀 anyway (no VETO reason: it changed nothing). */
  vetoWithoutEffect: m(
    "受区级及以上通报批评（一票否决），不得评为优秀；按综合得分本就未达优秀，等次不受影响。",
    "Criticised by a district-level or higher circular (one-vote veto): may not be Excellent; the composite did not reach Excellent anyway, so the grade is unchanged.",
  ),
  noBallots: m("有效票数为零，无法计算民主测评得分。", "No valid ballots: the democratic evaluation needs at least one."),
  manualGradeConflict: (cell: string | undefined, typed: string, computed: string | null, why: Message) =>
    m(
      `${at(cell).zh}手工拟定等次“${typed}”与规则不符（规则结果：${computed ?? "无"}）。${why.zh}`,
      `${at(cell).en}the proposed grade "${typed}" contradicts the rules (rules give: ${computed ?? "none"}). ${why.en}`,
    ),
  /** Why a typed grade is wrong when the band alone decided (no reason sentence of its own). */
  gradeByComposite: (composite: number | null, grade: Message) => m(`按综合得分 ${composite} 应评为${grade.zh}。`, `A composite of ${composite} gives ${grade.en}.`),
  /** Why typed 优秀 on tied rows is wrong: together beyond the places left. */
  tiedTypedExcellent: (pool: string, typed: number, left: number) =>
    m(`${pool}并列行手工评为优秀的人数（${typed}）超过剩余名额（${left}）。`, `${pool}: ${typed} tied rows typed 优秀 exceed the ${plural(left, "place")} left.`),
  summaryRow: (row: number, label: string) =>
    m(
      `第 ${row} 行“${label}”是表格末尾的汇总行，不作为数据计算，也不写入结果。`,
      `Row ${row} ("${label}") totals or averages the table: it is not read as data and gets no results.`,
    ),
  convertBestZero: (cell: string | undefined, group: string) =>
    m(
      `${at(cell).zh}分组“${group || "—"}”的绩效考核最高分为 0，无法折算（本人 ÷ 本组最高 × 100），本行未计算。`,
      `${at(cell).en}the best Performance (P) of group "${group || "—"}" is 0, so P cannot be converted (P ÷ the group's best × 100); the row is not computed.`,
    ),
  quotaTie: (pool: string, rows: number[], places: number) =>
    m(
      `${pool}：第 ${rows.join("、")} 行在优秀名额边界上完全并列（剩余名额 ${places} 个），均暂不评为优秀，请人工决定。`,
      `${pool}: rows ${rows.join(", ")} are tied exactly at the excellent-quota boundary (${plural(places, "place")} left); all are held back for a human decision.`,
    ),
  quotaExceeded: (pool: string, affirmed: number, quota: number) =>
    m(
      `${pool}：一票肯定的 ${affirmed} 人已超过优秀名额 ${quota} 个，均保留优秀，请人工复核。`,
      `${pool}: ${affirmed} affirmed rows exceed the excellent quota of ${quota}; all keep 优秀. Please review.`,
    ),
  policyInvalid: (path: string, problem: Message) => m(`政策设置 ${path}：${problem.zh}`, `Policy setting ${path}: ${problem.en}`),
  weightsSum: (which: Message, sum: string) =>
    m(
      `${which.zh}权重之和为 ${sum}，必须恰好为 100%。`,
      `The ${which.en} weights sum to ${sum}; they must sum to exactly 100%.`,
    ),
};

/** Why-sentences for grade decisions (POLICY.md §4). */
export function reasonMessage(code: ReasonCode, grade: { zh: string; en: string } | null): Message {
  const g = grade ?? m("—", "—");
  switch (code) {
    case "INVALID":
      return m("输入有误，未评定等次和排名。", "Invalid input: no grade and no rank.");
    case "POLITICAL_FAIL":
      return m(`政治素质不合格，直接评为${g.zh}。`, `Political quality unqualified: rated ${g.en} whatever the score.`);
    case "VETO":
      return m(
        `受区级及以上通报批评（一票否决），不得评为优秀，评为${g.zh}。`,
        `Criticised by a district-level or higher circular (one-vote veto): may not be Excellent, rated ${g.en}.`,
      );
    case "POLITICAL_NOT_SOLID":
      return m(
        `政治素质为“合格”而非“过得硬”，不得评为优秀，评为${g.zh}。`,
        `Political quality "qualified", not "solid": may not be Excellent, rated ${g.en}.`,
      );
    case "AFFIRMED":
      return m(
        "所在单位获真抓实干激励，主要负责人一票肯定，直接评为优秀。",
        "Top leader of a unit with a 真抓实干 incentive (one-vote affirmation): rated Excellent directly.",
      );
    case "AFFIRM_VETO_CONFLICT":
      return m(
        "一票肯定与否决情形并存，已按否决处理，请人工复核。",
        "One-vote affirmation conflicts with a veto; the veto was applied. Please review.",
      );
    case "AFFIRM_NOT_TOP_LEADER":
      return m(
        "非主要负责人，真抓实干激励不适用一票肯定。",
        "Not the top leader: the 真抓实干 incentive does not affirm this cadre.",
      );
    case "QUOTA":
      return m(`超出本组优秀名额，评为${g.zh}。`, `Beyond the pool's excellent quota: rated ${g.en}.`);
    case "QUOTA_TIE":
      return m(
        `在优秀名额边界上与他人完全并列，暂评为${g.zh}，请人工决定。`,
        `Tied exactly with others at the excellent-quota boundary: held at ${g.en} for a human decision.`,
      );
  }
}

/** A message on one line, Chinese then English (for an error's own text). */
export function line(message: Message): string {
  return `${message.zh} ${message.en}`;
}

export function joinMessages(parts: Message[]): Message {
  return { zh: parts.map((p) => p.zh).join(""), en: parts.map((p) => p.en).join(" ") };
}
