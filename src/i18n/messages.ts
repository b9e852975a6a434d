// Every sentence the engine says, once, in Chinese and English side by side.
// Cell text quoted in a sentence is data: the faces show it with textContent / as plain text.
import type { Message, ReasonCode } from "../engine/types";

const m = (zh: string, en: string): Message => ({ zh, en });

/** Column names as staff know them, for messages. */
export const COLUMN_LABELS: Record<string, Message> = {
  id: m("编号", "ID"),
  name: m("姓名/名称", "Name"),
  subject: m("对象", "Subject"),
  unit: m("单位", "Unit"),
  group: m("分组", "Group"),
  topLeader: m("主要负责人", "Top leader"),
  P: m("绩效考核", "Performance"),
  D: m("民主测评", "Democratic"),
  L: m("领导评价", "Leader evaluation"),
  S: m("民意调查", "Survey"),
  B: m("党建成效", "Party building"),
  political: m("政治素质", "Political quality"),
  circular: m("通报批评", "Circular"),
  incentive: m("真抓实干激励", "Incentive"),
  manualGrade: m("拟定等次", "Proposed grade"),
};

export function columnLabel(key: string): Message {
  return COLUMN_LABELS[key] ?? m(key, key);
}

const where = (cell: string | undefined, column: string): Message => {
  const c = columnLabel(column);
  return cell ? m(`${cell}（${c.zh}）`, `${cell} (${c.en})`) : c;
};

export const msg = {
  missing: (cell: string | undefined, column: string) => {
    const w = where(cell, column);
    return m(`${w.zh}为空，此项必填。`, `${w.en} is blank; a value is required.`);
  },
  notANumber: (cell: string | undefined, column: string, shown: string) => {
    const w = where(cell, column);
    return m(`${w.zh}的值“${shown}”不是数字。`, `${w.en}: "${shown}" is not a number.`);
  },
  outOfRange: (cell: string | undefined, column: string, value: number, min: number, max: number) => {
    const w = where(cell, column);
    return m(
      `${w.zh}的值 ${value} 超出范围 ${min}–${max}。`,
      `${w.en}: ${value} is outside the range ${min}–${max}.`,
    );
  },
  unknownValue: (cell: string | undefined, column: string, shown: string, allowed: string[]) => {
    const w = where(cell, column);
    return m(
      `${w.zh}的值“${shown}”不在可选范围内（可选：${allowed.join("、")}）。`,
      `${w.en}: "${shown}" is not one of the accepted values (${allowed.join(", ")}).`,
    );
  },
  unknownGroup: (cell: string | undefined, shown: string, groups: string[]) =>
    m(
      `${cell ? cell + "：" : ""}分组“${shown}”不在政策所列分组（${groups.join("、")}）中，已单独排名。`,
      `${cell ? cell + ": " : ""}group "${shown}" is not one of the policy's groups (${groups.join(", ")}); it is ranked as a pool of its own.`,
    ),
  duplicateId: (cell: string | undefined, id: string, rows: number[]) =>
    m(
      `${cell ? cell + "：" : ""}编号“${id}”重复出现（第 ${rows.join("、")} 行），这些行均不计算。`,
      `${cell ? cell + ": " : ""}ID "${id}" appears more than once (rows ${rows.join(", ")}); none of these rows is computed.`,
    ),
  missingColumn: (column: string) => {
    const c = columnLabel(column);
    return m(`表格缺少必需的列“${c.zh}”。`, `The table has no "${c.en}" column, which is required.`);
  },
  duplicateColumn: (column: string, cells: string[]) => {
    const c = columnLabel(column);
    return m(
      `列“${c.zh}”出现多次（${cells.join("、")}），无法确定使用哪一列。`,
      `The "${c.en}" column appears more than once (${cells.join(", ")}); it is unclear which one to use.`,
    );
  },
  affirmNotTopLeader: (cell: string | undefined) =>
    m(
      `${cell ? cell + "：" : ""}一票肯定只适用于获真抓实干激励单位的主要负责人；此人不是主要负责人，不予适用。`,
      `${cell ? cell + ": " : ""}one-vote affirmation applies only to the top leader of a unit with a 真抓实干 incentive; this cadre is not the top leader, so it has no effect.`,
    ),
  affirmVetoConflict: (row: number, blockers: Message) =>
    m(
      `第 ${row} 行同时适用一票肯定与${blockers.zh}，已按否决处理，请人工复核。`,
      `Row ${row} has both one-vote affirmation and ${blockers.en}; the veto was applied. Please review.`,
    ),
  manualGradeConflict: (cell: string | undefined, typed: string, computed: string | null, why: Message) =>
    m(
      `${cell ? cell + "：" : ""}手工拟定等次“${typed}”与规则不符（规则结果：${computed ?? "无"}）。${why.zh}`,
      `${cell ? cell + ": " : ""}the proposed grade "${typed}" contradicts the rules (rules give: ${computed ?? "none"}). ${why.en}`,
    ),
  /** Why a typed grade is wrong when the band alone decided (no reason sentence of its own). */
  gradeByComposite: (composite: number | null, grade: Message) => m(`按综合得分 ${composite} 应评为${grade.zh}。`, `A composite of ${composite} gives ${grade.en}.`),
  /** Why typed 优秀 on tied rows is wrong: together beyond the places left. */
  tiedTypedExcellent: (pool: string, typed: number, left: number) =>
    m(`${pool}并列行手工评为优秀的人数（${typed}）超过剩余名额（${left}）。`, `${pool}: ${typed} tied rows typed 优秀 exceed the ${left} place(s) left.`),
  quotaTie: (pool: string, rows: number[], places: number) =>
    m(
      `${pool}：第 ${rows.join("、")} 行在优秀名额边界上完全并列（剩余名额 ${places} 个），均暂不评为优秀，请人工决定。`,
      `${pool}: rows ${rows.join(", ")} are tied exactly at the excellent-quota boundary (${places} place(s) left); all are held back for a human decision.`,
    ),
  quotaExceeded: (pool: string, affirmed: number, quota: number) =>
    m(
      `${pool}：一票肯定的 ${affirmed} 人已超过优秀名额 ${quota} 个，均保留优秀，请人工复核。`,
      `${pool}: ${affirmed} affirmed rows exceed the excellent quota of ${quota}; all keep 优秀. Please review.`,
    ),
  policyInvalid: (path: string, zh: string, en: string) => m(`政策设置 ${path}：${zh}`, `Policy setting ${path}: ${en}`),
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

export function joinMessages(parts: Message[]): Message {
  return { zh: parts.map((p) => p.zh).join(""), en: parts.map((p) => p.en).join(" ") };
}
