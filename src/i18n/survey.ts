// Sentences and sheet texts of the raw survey answers (民意调查) and the democratic-evaluation
// ballots (民主测评票), POLICY.md §11: Chinese and English side by side. Cell text quoted in a
// sentence is data and is shown as plain text by the faces.
import { BALLOT_COLUMNS, specByKey, SURVEY_COLUMNS } from "../engine/headers";
import type { Message } from "../engine/types";
import { plural } from "./plural";

import { m } from "./message";

/** Column names of the survey and ballot tables, for messages: their column specs (engine/headers.ts). */
const RAW_COLUMNS = specByKey([...SURVEY_COLUMNS, ...BALLOT_COLUMNS]);

const label = (key: string): Message => RAW_COLUMNS[key] ?? m(key, key);

const where = (cell: string | undefined, column: string): Message => {
  const c = label(column);
  return cell ? m(`${cell}（${c.zh}）`, `${cell} (${c.en})`) : c;
};

export const surveyMsg = {
  /** UNKNOWN_VALUE: an answer that is neither a level word, a no-answer word, nor a number. */
  unknownAnswer: (cell: string | undefined, index: string, shown: string, levels: string[], noAnswer: string[]) => {
    const w = where(cell, index);
    return m(
      `${w.zh}的回答“${shown}”无法识别（可填：${levels.join("、")}；${noAnswer.join("、")}或留空为未作答；或 0–100 的分数），此项不计入，本问卷的其他回答照常计入。`,
      `${w.en}: the answer "${shown}" is not recognised (${levels.join(", ")}; ${noAnswer.join(", ")} or blank for no answer; or a score from 0 to 100). It is not counted; the questionnaire's other answers are.`,
    );
  },
  /** OUT_OF_RANGE: a numeric answer outside 0–100. */
  answerOutOfRange: (cell: string | undefined, index: string, value: number) => {
    const w = where(cell, index);
    return m(`${w.zh}的分数 ${value} 超出 0–100，此项不计入。`, `${w.en}: the score ${value} lies outside 0–100; it is not counted.`);
  },
  unitMissing: (cell: string | undefined) => {
    const w = where(cell, "unit");
    return m(`${w.zh}为空，不知道这份问卷调查的是哪个单位，整份问卷不计入。`, `${w.en} is blank: the questionnaire's unit is unknown, so none of its answers is counted.`);
  },
  unitUnknown: (cell: string | undefined, shown: string) => {
    const w = where(cell, "unit");
    return m(
      `${w.zh}的单位“${shown}”不在单位绩效表中（按编号或名称查找），整份问卷不计入。`,
      `${w.en}: the unit "${shown}" is not in the unit performance table (by ID or name), so none of the questionnaire's answers is counted.`,
    );
  },
  duplicateQuestionnaire: (cell: string | undefined, questionnaire: string, unit: string, firstRow: number) => {
    const w = where(cell, "questionnaire");
    return m(
      `${w.zh}问卷编号“${questionnaire}”（${unit}）与第 ${firstRow} 行重复，只计第 ${firstRow} 行，本行不计入。`,
      `${w.en}: questionnaire "${questionnaire}" (${unit}) repeats row ${firstRow}; only row ${firstRow} is counted, not this one.`,
    );
  },
  /** SMALL_SAMPLE (warning): fewer counted answers than the policy's threshold. */
  smallSample: (unit: string, index: string, counted: number, threshold: number) => {
    const c = label(index);
    return m(
      `${unit}的${c.zh}只有 ${counted} 份有效回答，少于 ${threshold} 份，样本偏小，指数仅供参考。`,
      `${unit}: ${c.en} has only ${plural(counted, "counted answer")}, fewer than ${threshold}; the sample is small and the index is indicative only.`,
    );
  },
  /** MISSING: a unit in the survey with no counted answer for an index. */
  noAnswers: (unit: string, index: string) => {
    const c = label(index);
    return m(`${unit}的${c.zh}没有一份有效回答，无法计算指数。`, `${unit}: ${c.en} has no counted answer, so there is no index.`);
  },
};

export const ballotMsg = {
  unknownChoice: (cell: string | undefined, shown: string, allowed: string[], abstain: string[]) => {
    const w = where(cell, "choice");
    return m(
      `${w.zh}的评价“${shown}”无法识别（可填：${allowed.join("、")}；${abstain.join("、")}或留空为弃权），此票不计入。`,
      `${w.en}: the choice "${shown}" is not recognised (${allowed.join(", ")}; ${abstain.join(", ")} or blank to abstain). This vote is not counted.`,
    );
  },
  subjectMissing: (cell: string | undefined) => {
    const w = where(cell, "subject");
    return m(`${w.zh}为空，不知道这一票评的是谁，此票不计入。`, `${w.en} is blank: the vote's subject is unknown, so it is not counted.`);
  },
  subjectUnknown: (cell: string | undefined, shown: string) => {
    const w = where(cell, "subject");
    return m(
      `${w.zh}的测评对象“${shown}”不在年度考核表中（按编号或姓名查找），此票不计入。`,
      `${w.en}: the subject "${shown}" is not in the annual assessment table (by ID or name), so the vote is not counted.`,
    );
  },
  subjectAmbiguous: (cell: string | undefined, shown: string, ids: string[]) => {
    const w = where(cell, "subject");
    return m(
      `${w.zh}的姓名“${shown}”在年度考核表中有 ${ids.length} 人（编号 ${ids.join("、")}），请改填编号；此票不计入。`,
      `${w.en}: the name "${shown}" belongs to ${ids.length} people in the annual assessment table (IDs ${ids.join(", ")}); write the ID instead. The vote is not counted.`,
    );
  },
  duplicateOnBallot: (cell: string | undefined, ballot: string, subject: string, firstRow: number) => {
    const w = where(cell, "subject");
    return m(
      `${w.zh}第 ${ballot} 号票对“${subject}”评了两次（第 ${firstRow} 行已评），同一张票只计一次，本行不计入。`,
      `${w.en}: ballot ${ballot} rates "${subject}" twice (already on row ${firstRow}); one ballot counts once, so this row is not counted.`,
    );
  },
  /** MISSING: a subject with ballots, none of them counted. */
  noBallots: (subject: string, abstentions: number) =>
    m(
      `${subject}没有有效票（弃权 ${abstentions} 票），无法计算民主测评得分。`,
      `${subject} has no counted ballot (${plural(abstentions, "abstention")}), so there is no democratic score.`,
    ),
};

export const SURVEY_SHEET = "民意调查汇总";
export const BALLOT_SHEET = "民主测评汇总";

/** The 民意调查汇总 sheet's texts. */
export const surveySheetText = {
  unitId: "单位编号",
  unit: "单位",
  questionnaires: "问卷数",
  counted: (index: string) => `${label(index).zh}有效回答`,
  numeric: (index: string) => `${label(index).zh}按分数作答`,
  noAnswer: (index: string) => `${label(index).zh}未作答`,
  invalid: (index: string) => `${label(index).zh}无效回答`,
  index: (index: string) => `${label(index).zh}指数`,
  level: (index: string, word: string, points: number) => `${label(index).zh}·${word}(${points})`,
  use: "用于单位绩效",
  /** What became of a unit's computed indices in the unit table. */
  filled: (indices: string[]) => `已填入空白的${indices.map((k) => label(k).zh).join("、")}`,
  kept: (indices: string[]) => `${indices.map((k) => label(k).zh).join("、")}已有填报值，未替换`,
  notFilled: "未填入（未选择从民意调查填补）",
  notInUnitTable: "工作簿中没有单位绩效表",
  notSurveyed: "没有问卷",
  smallSampleHeader: "样本不足",
  smallSample: (indices: string[]) => indices.map((k) => label(k).zh).join("、"),
};

/** The 民主测评汇总 sheet's texts. */
export const ballotSheetText = {
  id: "编号",
  subject: "测评对象",
  ballots: "票数",
  abstentions: "弃权",
  invalid: "无效",
  counted: "有效票",
  democratic: "民主测评得分",
  use: "用于年度考核",
  filled: "已填入空白的民主测评",
  kept: "民主测评已有填报值，未替换",
  notFilled: "未填入（未选择从测评票填补）",
  notInAnnualTable: "工作簿中没有年度考核表",
};
