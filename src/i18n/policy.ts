// What is wrong with a policy setting (POLICY_INVALID, WEIGHTS_SUM), zh-CN and en-US side by side.
// Each sentence follows the setting's path: "政策设置 quota.ratio：优秀比例必须在 0–1 之间".

import { m } from "./message";

export const policyProblem = {
  notAnObject: m("政策文件必须是一个 JSON 对象", "the policy file must be a JSON object"),
  tooDeep: (max: number) => m(`嵌套层数超过 ${max} 层，不是政策设置`, `nested more than ${max} levels deep: not a policy setting`),
  tooLarge: (max: number) => m(`设置项超过 ${max} 个，不是政策文件`, `more than ${max} values: not a policy file`),
  unknownSetting: m("未知的设置项（是否拼写有误？）", "unknown setting (a typo?)"),
  mustBeObject: m("必须是对象", "must be an object"),
  mustBeText: (max: number) => m(`必须是 1–${max} 个字的文字`, `must be a text of 1–${max} characters`),
  mustBeTexts: (max: number) => m(`必须是文字列表（至多 ${max} 项，每项 1–100 个字）`, `must be a list of texts (at most ${max}, each 1–100 characters)`),
  /** Which weights do not sum to 100% (WEIGHTS_SUM). */
  compositeWeights: m("综合得分", "composite"),
  minpingWeights: m("民评", "public-evaluation (民评)"),
  nameBlank: m("名称不能为空", "name must be a non-empty text"),
  weight: m("必须是数字、百分数或分数（如 0.6、60%、1/3）", "must be a number, percentage or fraction (0.6, 60%, 1/3)"),
  weightNegative: m("不能为负数", "must not be negative"),
  unknownWeight: m("未知的权重项", "unknown weight"),
  performanceMode: m("只能是 as-is 或 convert", 'must be "as-is" or "convert"'),
  roundingMode: m("只支持 half-up（四舍五入）", 'only "half-up" (四舍五入) is supported'),
  numberFrom: (min: number, max: number, now: unknown) =>
    m(`必须是 ${min}–${max} 之间的数（现为 ${shown(now)}）`, `must be a number from ${min} to ${max} (now ${shown(now)})`),
  wholeFrom: (min: number, max: number, now: unknown) =>
    m(`必须是 ${min}–${max} 之间的整数（现为 ${shown(now)}）`, `must be a whole number from ${min} to ${max} (now ${shown(now)})`),
  unknownChoice: m("未知的评价档次", "unknown choice"),
  unknownIndex: m("未知的指数（只能是 H、S、A）", "unknown index (only H, S, A)"),
  surveyLevels: (max: number) => m(`必须是 1–${max} 档的列表`, `must be a list of 1–${max} levels`),
  surveyLevel: m("必须是 { points, words } 对象", "must be an object { points, words }"),
  grades: m("必须是 4 个等次，每个只有 zh 和 en 两个名称", "must list 4 grades, each with exactly a zh and an en name"),
  gradesDiffer: m("等次名称不能重复", "grade names must differ"),
  bands: m("必须是 3 个分数线（优秀、第二、第三等次）", "must be 3 thresholds (top, second, third grade)"),
  bandsDescending: (now: number[]) => m(`分数线必须从高到低排列（现为 ${now.join("、")}）`, `thresholds must be descending (now ${now.join(", ")})`),
  bandsRange: m("分数线必须在 0–100 之间", "thresholds must lie within 0–100"),
  trueOrFalse: m("必须是 true 或 false", "must be true or false"),
  quotaRounding: m("只能是 half-up、floor 或 ceil", 'must be "half-up", "floor" or "ceil"'),
  tieBreak: m("只能列出 P、D、L、S、B 中的分项，各至多一次", "may list only the components P, D, L, S, B, each at most once"),
  rankingStyle: m("只能是 competition（1,2,2,4）或 dense（1,2,2,3）", 'must be "competition" (1,2,2,4) or "dense" (1,2,2,3)'),
  groupsDiffer: m("分组名称不能重复", "group names must differ"),
  vocabularyOverlap: (term: string, other: string) => m(`“${term}”同时出现在 ${other} 中`, `"${term}" also appears under ${other}`),
  vocabularyEmpty: m("至少需要一个写法", "needs at least one spelling"),
  outcomes: (max: number) => m(`必须列出 1–${max} 个考核结果及其加扣分`, `must map 1–${max} outcomes to points`),
  deductionCap: (now: unknown) => m(`必须是 0–100 之间的数，扣分上限按绝对值填写（现为 ${shown(now)}）`, `must be a number from 0 to 100, the deduction cap as a magnitude (now ${shown(now)})`),
  termStart: (now: unknown) => m(`必须是 1900–2100 的年份，某一届的第一年，如 2021（现为 ${shown(now)}）`, `must be a year from 1900 to 2100, the first year of a term, e.g. 2021 (now ${shown(now)})`),
};

/** A setting's value as a problem sentence shows it: short, never a whole object. */
function shown(v: unknown): string {
  if (typeof v === "string") return v.length > 20 ? `"${v.slice(0, 20)}…"` : `"${v}"`;
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  if (v === undefined) return "—";
  return Array.isArray(v) ? "[…]" : "{…}";
}
