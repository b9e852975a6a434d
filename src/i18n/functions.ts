// What the custom functions say about a bad argument (#VALUE!, #DIV/0!), zh-CN and en-US side by side.
// The argument's name comes first: "参数 P：“abc”不是数字 | P: "abc" is not a number".
import type { Message } from "../engine/types";

const m = (zh: string, en: string): Message => ({ zh, en });

/** The whole sentence about argument `arg`. */
export function argumentSentence(arg: string, problem: Message): Message {
  return m(`参数 ${arg}：${problem.zh}`, `${arg}: ${problem.en}`);
}

export const argumentProblem = {
  blankNumber: m("为空，需要一个数字", "is blank; a number is needed"),
  notANumber: (shown: string) => m(`“${shown}”不是数字`, `"${shown}" is not a number`),
  outOfRange: (value: number, min: number, max: number) => m(`${value} 超出范围 ${min}–${max}`, `${value} is outside ${min}–${max}`),
  notATerm: (shown: string, allowed: string[]) => m(`“${shown}”不是可选值（${allowed.join("、")}）`, `"${shown}" is not one of ${allowed.join(", ")}`),
  notARange: m("需要一个单元格区域", "a cell range is needed"),
  sameLength: (cells: number, other: string, otherCells: number) => m(`单元格数（${cells}）须与 ${other}（${otherCells}）相同`, `must have as many cells (${cells}) as ${other} (${otherCells})`),
  notWholeBallots: (n: number) => m(`票数 ${n} 不是整数`, `ballot count ${n} is not a whole number`),
  noBallots: m("有效票数为零，无法计算", "no valid ballots: the score cannot be computed"),
  blankUnit: m("为空，需要单位名称", "is blank; a unit name is needed"),
  notAnOutcome: (position: number, word: string, outcomes: string[]) =>
    m(`第 ${position} 个值“${word}”不是考核结果（${outcomes.join("、")}）`, `value ${position} "${word}" is not an outcome (${outcomes.join(", ")})`),
  noScoreAboveZero: m("没有大于 0 的得分", "no score above 0"),
  aboveBest: (score: number, best: number) => m(`${score} 高于 scores 中的最高分 ${best}`, `${score} is above the best of scores (${best})`),
  language: m("只能是 zh 或 en", 'must be "zh" or "en"'),
  groupsNeeded: m("给出 group 时必须同时给出 groups", "is needed when group is given"),
  headerRowNeeded: m("需要包含表头行", "must include the header row"),
  noUnits: m("没有单位", "lists no units"),
  blank: m("为空", "is blank"),
  noSetting: (key: string) => m(`没有名为“${key}”的设置`, `there is no setting "${key}"`),
};

/** VALIDATE's single row when a table has no findings. */
export const VALIDATE_OK = m("通过", "OK");
