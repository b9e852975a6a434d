// The ASSESS custom functions (INTERFACES.md §2). Each function parses its arguments, calls the
// engine and turns a bad argument into #VALUE! with a message naming it. The JSDoc is the metadata
// source: custom-functions-metadata-plugin builds functions.json from it, and the build builds the
// zh-CN metadata from the @zh / @zhparam tags. The functions are pure: no DOM, no Office.js.
import { activePolicy } from "../engine/active-policy";
import { computeAnnual } from "../engine/annual";
import { cityAdjustment, outcomePoints, CityOutcomeItem } from "../engine/city";
import { coverage as coverageOf } from "../engine/coverage";
import { decideGrade, scaleFor } from "../engine/grade";
import { rankOf } from "../engine/rank";
import { isExcellent, meritYears, requiredTenure } from "../engine/rewards";
import { convertScore, democratic as democraticScore, minping as minpingScore, NoBallotsError } from "../engine/scores";
import { policyValue, prepare, yesNoVocabulary } from "../engine/policy";
import type { RawTable } from "../engine/types";
import { cellText, isBlank, lookupTerm, normalizeText, readNumber } from "../engine/values";
import { joinMessages, reasonMessage } from "../i18n/messages";
import { ArgumentError, fail, flat, grid, numberArg, sameLength, termArg, yesNoArg } from "./args";
import { ANNUAL_RESULT_COLUMNS } from "../engine/headers";
import { argumentProblem, VALIDATE_OK } from "../i18n/functions";

/** Run a function body; argument errors become CustomFunctions.Error (#VALUE! / #DIV/0!) with the reason. */
function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArgumentError) {
      const code = e.kind === "div0" ? CustomFunctions.ErrorCode.divisionByZero : CustomFunctions.ErrorCode.invalidValue;
      // How Excel receives #VALUE! with its message: CustomFunctions.Error is not typed as an Error subclass.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw new CustomFunctions.Error(code, e.message);
    }
    throw e;
  }
}

const score = (v: unknown, arg: string) => numberArg(v, arg, 0, 100);

/**
 * Annual composite score: 60% performance + 10% each of democratic evaluation, leader evaluation,
 * survey and party building (weights from the active policy), exact decimals, rounded half-up to 2 places.
 * @customfunction COMPOSITE
 * @zh 综合得分 年度考核量化分值：绩效考核 60%，民主测评、领导评价、民意调查、党建成效各 10%（以当前政策为准），精确计算、四舍五入保留两位小数。
 * @param P Performance assessment result (绩效考核), 0–100.
 * @param D Democratic evaluation (民主测评), 0–100.
 * @param L Evaluation by the district leadership (领导评价), 0–100.
 * @param S Public-opinion survey (民意调查), 0–100.
 * @param B Party-building effectiveness (党建成效), 0–100.
 * @zhparam P 绩效考核工作结果，0–100。
 * @zhparam D 班子民主测评，0–100。
 * @zhparam L 领导评价，0–100。
 * @zhparam S 民意调查（基层测评），0–100。
 * @zhparam B 党建工作成效，0–100。
 * @returns The composite score.
 */
export function composite(P: unknown, D: unknown, L: unknown, S: unknown, B: unknown): number {
  return guard(() => {
    const values = [score(P, "P"), score(D, "D"), score(L, "L"), score(S, "S"), score(B, "B")];
    return prepare(activePolicy()).composite.compute(values);
  });
}

/**
 * Public-evaluation (民评) points from the happiness, satisfaction and security indices (0–100 each): 15 × weighted mean / 100.
 * @customfunction MINPING
 * @zh 民评得分 民评得分：由幸福感、满意度、安全感三项指数（各 0–100）按权重折算，满分 15 分。
 * @param happiness Happiness index (幸福感), 0–100.
 * @param satisfaction Satisfaction index (满意度), 0–100.
 * @param security Security index (安全感), 0–100.
 * @zhparam happiness 幸福感指数，0–100。
 * @zhparam satisfaction 满意度指数，0–100。
 * @zhparam security 安全感指数，0–100。
 * @returns 民评 points, 0–15.
 */
export function minping(happiness: unknown, satisfaction: unknown, security: unknown): number {
  return guard(() => minpingScore(score(happiness, "happiness"), score(satisfaction, "satisfaction"), score(security, "security"), activePolicy()));
}

/**
 * Democratic evaluation score from ballot counts: Σ count × weight / Σ count, weights 100/80/60/40 by default.
 * @customfunction DEMOCRATIC
 * @zh 民主测评 民主测评得分：按“好、较好、一般、差”票数加权平均（默认 100/80/60/40 分）。
 * @param good Ballots "good" (好).
 * @param fairlyGood Ballots "fairly good" (较好).
 * @param average Ballots "average" (一般).
 * @param poor Ballots "poor" (差).
 * @zhparam good “好”的票数。
 * @zhparam fairlyGood “较好”的票数。
 * @zhparam average “一般”的票数。
 * @zhparam poor “差”的票数。
 * @returns The democratic evaluation score, 0–100.
 */
export function democratic(good: unknown, fairlyGood: unknown, average: unknown, poor: unknown): number {
  return guard(() => {
    const count = (v: unknown, arg: string) => {
      const n = numberArg(v, arg, 0);
      if (!Number.isInteger(n)) fail(arg, argumentProblem.notWholeBallots(n));
      return n;
    };
    const b = { good: count(good, "good"), fairlyGood: count(fairlyGood, "fairlyGood"), average: count(average, "average"), poor: count(poor, "poor") };
    try {
      return democraticScore(b, activePolicy());
    } catch (e) {
      if (e instanceof NoBallotsError) throw new ArgumentError(argumentProblem.noBallots, "div0");
      throw e;
    }
  });
}

/**
 * City-indicator adjustment of one unit: the points of every indicator it leads, bonus capped at +5 and deduction at −5.
 * @customfunction CITYADJ
 * @zh 市考加扣分 某单位牵头的市考指标加扣分之和（加分、扣分分别封顶，默认 ±5 分）。
 * @param unit The unit's name (牵头单位).
 * @param leadUnits The lead-unit column of the city indicators table.
 * @param outcomes The outcome column (先进/良好/达标/落后/末位), aligned with leadUnits.
 * @zhparam unit 单位名称。
 * @zhparam leadUnits 市考指标表的“牵头单位”列。
 * @zhparam outcomes “考核结果”列（先进/良好/达标/落后/末位），与牵头单位列对齐。
 * @returns The capped adjustment.
 */
export function cityadj(unit: unknown, leadUnits: unknown[][], outcomes: unknown[][]): number {
  return guard(() => {
    const policy = activePolicy();
    const name = normalizeText(cellText(unit));
    if (name === "") fail("unit", argumentProblem.blankUnit);
    const leads = flat(leadUnits);
    const results = flat(outcomes);
    sameLength(leads, results, "leadUnits", "outcomes");
    const items: CityOutcomeItem[] = [];
    leads.forEach((lead, i) => {
      if (normalizeText(cellText(lead)) !== name || isBlank(results[i])) return;
      const word = cellText(results[i]);
      const points = outcomePoints(word, policy);
      if (points === undefined) fail("outcomes", argumentProblem.notAnOutcome(i + 1, word, Object.keys(policy.city.outcomes)));
      items.push({ indicator: String(i + 1), outcome: word, points: points as number });
    });
    return cityAdjustment(items, policy).adjustment;
  });
}

/**
 * 折算: a score relative to the best of its group, score ÷ max(scores) × 100.
 * @customfunction CONVERT
 * @zh 折算得分 折算得分：本单位得分 ÷ 同组最高分 × 100。
 * @param score The score to convert.
 * @param scores The scores of the group (blanks and text are ignored).
 * @zhparam score 需折算的得分。
 * @zhparam scores 同组各单位得分（空白和文字忽略）。
 * @returns The converted score, 0–100.
 */
export function convert(score: unknown, scores: unknown[][]): number {
  return guard(() => {
    const s = numberArg(score, "score", 0);
    const best = Math.max(...numbersIn(scores));
    if (!(best > 0)) fail("scores", argumentProblem.noScoreAboveZero, "div0");
    if (s > best) fail("score", argumentProblem.aboveBest(s, best));
    return convertScore(s, best, activePolicy().rounding.decimals);
  });
}

function numbersIn(range: unknown): number[] {
  const out: number[] = [];
  for (const v of flat(range)) {
    if (typeof v !== "number") continue; // blanks, text and errors are never zero
    const r = readNumber(v);
    if (r.ok) out.push(r.value);
  }
  return out;
}

function gradeDecision(compositeScore: unknown, political: unknown, circular: unknown, incentive: unknown, topLeader: unknown, subject: unknown) {
  const policy = activePolicy();
  const v = policy.vocabulary;
  const input = {
    composite: numberArg(compositeScore, "composite", 0, 100),
    political: termArg(political, "political", v.political),
    circular: termArg(circular, "circular", v.circular, "none"),
    incentive: yesNoArg(incentive, "incentive", policy, false),
    topLeader: yesNoArg(topLeader, "topLeader", policy, true),
    subject: subject === undefined || subject === null || isBlank(subject) ? ("cadre" as const) : termArg(subject, "subject", v.subject),
  };
  const d = decideGrade(input, policy);
  return { d, grade: scaleFor(input.subject, policy)[d.gradeIndex] };
}

/**
 * The grade before the excellent quota: political gate, band, one-vote veto, political quality, one-vote affirmation (POLICY §4 steps 2–6).
 * @customfunction GRADE
 * @zh 考核等次 名额限制前的等次：依次适用政治素质把关、分数段、一票否决、一票肯定。
 * @param composite The composite score, 0–100.
 * @param political Political quality: 过得硬 / 合格 / 不合格.
 * @param circular Circular (通报批评): blank or 无 = none, 乡镇级 = below district, 区级/县级/市级/省级/国家级/是 = veto.
 * @param incentive The unit won a 真抓实干 incentive (yes/no).
 * @param [topLeader] The cadre is the unit's top leader (yes/no); omitted = yes.
 * @param [subject] 班子 / 干部 / 单位; omitted = 干部.
 * @zhparam composite 综合得分，0–100。
 * @zhparam political 政治素质：过得硬 / 合格 / 不合格。
 * @zhparam circular 通报批评：空白或“无”为无；乡镇级不否决；区级、县级、市级、省级、国家级或“是”为一票否决。
 * @zhparam incentive 所在单位是否获真抓实干激励（是/否）。
 * @zhparam topLeader 是否为主要负责人（是/否），省略为“是”。
 * @zhparam subject 对象：班子 / 干部 / 单位，省略为“干部”。
 * @returns The grade (优秀 / 称职 / 基本称职 / 不称职 for cadres; 优秀 / 良好 / 一般 / 较差 for teams and units).
 */
export function grade(composite: unknown, political: unknown, circular: unknown, incentive: unknown, topLeader?: unknown, subject?: unknown): string {
  return guard(() => gradeDecision(composite, political, circular, incentive, topLeader, subject).grade.zh);
}

/**
 * The reason sentence(s) for the grade GRADE gives with the same arguments; empty when the score band alone decided.
 * @customfunction REASON
 * @zh 等次说明 与“考核等次”相同参数所得等次的理由；仅由分数段决定时为空。
 * @param composite The composite score, 0–100.
 * @param political Political quality: 过得硬 / 合格 / 不合格.
 * @param circular Circular (通报批评) level; blank = none.
 * @param incentive The unit won a 真抓实干 incentive (yes/no).
 * @param [topLeader] The cadre is the unit's top leader; omitted = yes.
 * @param [subject] 班子 / 干部 / 单位; omitted = 干部.
 * @param [language] "zh" (default) or "en".
 * @zhparam composite 综合得分，0–100。
 * @zhparam political 政治素质：过得硬 / 合格 / 不合格。
 * @zhparam circular 通报批评级别，空白为无。
 * @zhparam incentive 所在单位是否获真抓实干激励（是/否）。
 * @zhparam topLeader 是否为主要负责人，省略为“是”。
 * @zhparam subject 对象：班子 / 干部 / 单位，省略为“干部”。
 * @zhparam language 语言："zh"（默认）或 "en"。
 * @returns The reasons.
 */
export function reason(composite: unknown, political: unknown, circular: unknown, incentive: unknown, topLeader?: unknown, subject?: unknown, language?: unknown): string {
  return guard(() => {
    const { d, grade } = gradeDecision(composite, political, circular, incentive, topLeader, subject);
    const lang = language === undefined || language === null || isBlank(language) ? "zh" : normalizeText(cellText(language));
    if (lang !== "zh" && lang !== "en") fail("language", argumentProblem.language);
    return joinMessages(d.reasons.map((r) => reasonMessage(r, grade)))[lang as "zh" | "en"];
  });
}

/**
 * Rank of a score among scores, within its group when groups are given (competition ranking 1,2,2,4 by default). Blanks and text are ignored.
 * @customfunction RANK
 * @zh 组内排名 得分在同组中的名次（默认 1,2,2,4 式并列排名）；空白和文字不计。
 * @param score The score to rank.
 * @param scores The scores to rank among.
 * @param [group] The score's group.
 * @param [groups] The group of each score, aligned with scores.
 * @zhparam score 需排名的得分。
 * @zhparam scores 参与排名的得分区域。
 * @zhparam group 本行所属分组。
 * @zhparam groups 各得分所属分组，与得分区域对齐。
 * @returns The rank.
 */
export function rank(score: unknown, scores: unknown[][], group?: unknown, groups?: unknown[][]): number {
  return guard(() => {
    const s = numberArg(score, "score");
    const all = flat(scores);
    let pool = all;
    if (group !== undefined && group !== null) {
      if (groups === undefined || groups === null) return fail("groups", argumentProblem.groupsNeeded);
      const gs = flat(groups);
      sameLength(all, gs, "scores", "groups");
      const g = normalizeText(cellText(group));
      pool = all.filter((_, i) => normalizeText(cellText(gs[i])) === g);
    }
    return rankOf(s, numbersIn([pool]), activePolicy().ranking.style);
  });
}

/** The table argument of RANKING / VALIDATE, placed where its cells are when Excel tells us. */
function tableArg(table: unknown[][], invocation: CustomFunctions.Invocation | undefined): RawTable {
  const g = grid(table, "table");
  if (g.length < 1) fail("table", argumentProblem.headerRowNeeded);
  const where = /^(?:(?:'[^']*'|[^!]*)!)?\$?([A-Z]+)\$?(\d+)/i.exec(invocation?.parameterAddresses?.[0] ?? "");
  const firstColumn = where ? where[1].toUpperCase().split("").reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : 1;
  const headerRow = where ? Number(where[2]) : 1;
  return { headers: g[0], rows: g.slice(1), headerRow, firstColumn };
}

/**
 * Compute ranking on an annual assessment table (header row included): spills a header row and then, per row, composite, rank, grade (quota applied) and reason codes.
 * @customfunction RANKING
 * @zh 排名表 对年度考核表（含表头行）计算排名：逐行溢出综合得分、排名、等次（已适用优秀名额）和理由代码。
 * @param table The annual assessment table, header row included.
 * @zhparam table 年度考核表区域（含表头行）。
 * @requiresParameterAddresses
 * @returns One row per table row: composite, rank, grade, reasons.
 */
export function ranking(table: unknown[][], invocation?: CustomFunctions.Invocation): unknown[][] {
  return guard(() => {
    const raw = tableArg(table, invocation);
    const out = computeAnnual(raw, activePolicy());
    const byIndex = new Map(out.rows.map((r) => [r.index, r]));
    const head = ANNUAL_RESULT_COLUMNS.map((c) => c.zh);
    return [head, ...raw.rows.map((_, i) => {
      const r = byIndex.get(i);
      if (!r) return ["", "", "", ""];
      return [r.composite ?? "", r.rank ?? "", r.grade ?? "", r.reasons.join(",")];
    })];
  });
}

/**
 * Validate an annual assessment table against the policy (header row included): spills code, severity, row, message; a single 通过/OK row when there are no findings.
 * @customfunction VALIDATE
 * @zh 政策校验 按政策校验年度考核表（含表头行）：逐条溢出代码、严重程度、行号、说明；无问题时返回“通过”。
 * @param table The annual assessment table, header row included.
 * @param [language] "zh" (default) or "en".
 * @zhparam table 年度考核表区域（含表头行）。
 * @zhparam language 语言："zh"（默认）或 "en"。
 * @requiresParameterAddresses
 * @returns The findings.
 */
export function validate(table: unknown[][], language?: unknown, invocation?: CustomFunctions.Invocation): unknown[][] {
  return guard(() => {
    const lang = language === undefined || language === null || isBlank(language) ? "zh" : normalizeText(cellText(language));
    if (lang !== "zh" && lang !== "en") fail("language", argumentProblem.language);
    const out = computeAnnual(tableArg(table, invocation), activePolicy());
    if (out.findings.length === 0) return [[VALIDATE_OK[lang as "zh" | "en"], "", "", ""]];
    return out.findings.map((f) => [f.code, f.severity, f.row ?? "", f.message[lang as "zh" | "en"]]);
  });
}

/**
 * The years in which 记三等功 (third-class merit) is awarded: three 优秀 years in a row, the streak then restarts; a missing year breaks it.
 * @customfunction MERIT
 * @zh 记功年度 连续三年评为优秀的，于第三年记三等功，之后重新计算；中断一年即重新计算。返回记功年度，以逗号分隔。
 * @param grades The grades, one per year, oldest first.
 * @param [years] The year of each grade; omitted = consecutive years numbered 1, 2, 3 ….
 * @zhparam grades 历年等次，按年度从早到晚排列。
 * @zhparam years 各等次对应的年度；省略时按 1、2、3… 连续编号。
 * @returns The award years, comma-joined; empty if none.
 */
export function merit(grades: unknown[][], years?: unknown[][]): string {
  return guard(() => {
    const policy = activePolicy();
    const gs = flat(grades);
    const ys = years === undefined || years === null ? gs.map((_, i) => i + 1) : flat(years).map((y, i) => numberArg(y, `years[${i + 1}]`));
    sameLength(gs, ys, "grades", "years");
    const history = gs.map((g, i) => ({ year: ys[i], grade: cellText(g) })).filter((h) => h.grade !== "");
    return meritYears(history, policy).join(",");
  });
}

/**
 * Required tenure for rank promotion: base years − 0.5 year per 优秀 year in the current rank, never below the floor (0 by default).
 * @customfunction TENURE
 * @zh 任职年限 职级晋升所需任职年限：基本年限减去现职级内每个优秀年度 0.5 年，不低于下限（默认 0）。
 * @param baseYears The required tenure without reductions, in years.
 * @param grades The grades of the years served in the current rank.
 * @zhparam baseYears 基本任职年限（年）。
 * @zhparam grades 现职级内历年等次。
 * @returns The required tenure in years.
 */
export function tenure(baseYears: unknown, grades: unknown[][]): number {
  return guard(() => {
    const policy = activePolicy();
    const base = numberArg(baseYears, "baseYears", 0);
    const excellent = flat(grades).filter((g) => !isBlank(g) && isExcellent(cellText(g), policy)).length;
    return requiredTenure(base, excellent, policy);
  });
}

/**
 * Political-construction examination coverage: the fraction of units examined (format the cell as %).
 * @customfunction COVERAGE
 * @zh 考察覆盖率 政治建设考察覆盖率：已考察单位数 ÷ 单位总数（请将单元格设为百分比格式）。
 * @param units The units that must be examined this term.
 * @param examined Either the names of the units examined, or a yes/no column aligned with units.
 * @zhparam units 本届须考察的单位。
 * @zhparam examined 已考察单位名称，或与单位列对齐的“是/否”列。
 * @returns The coverage, 0–1.
 */
export function coverage(units: unknown[][], examined: unknown[][]): number {
  return guard(() => {
    const policy = activePolicy();
    const us = flat(units).map(cellText);
    const ex = flat(examined);
    const yesNo = yesNoVocabulary(policy);
    const flags = ex.length === us.length && ex.every((v) => isBlank(v) || lookupTerm(v, yesNo) !== undefined);
    const names = flags ? us.filter((_, i) => lookupTerm(ex[i], yesNo) === "yes") : ex.map(cellText);
    if (us.every((u) => u === "")) fail("units", argumentProblem.noUnits);
    return coverageOf(us, names).fraction;
  });
}

/**
 * A value of the active policy by key, e.g. "weights.P" → 0.6, "quota.ratio", "bands.0".
 * @customfunction POLICY
 * @zh 政策设置 当前考核政策的设置值，如 "weights.P" 返回 0.6。
 * @param key The setting's dotted key.
 * @zhparam key 设置项路径，如 weights.P、quota.ratio、bands.0。
 * @returns The setting's value.
 */
export function policy(key: unknown): unknown {
  return guard(() => {
    const k = cellText(key);
    if (k === "") fail("key", argumentProblem.blank);
    const v = policyValue(activePolicy(), k);
    if (v === undefined) fail("key", argumentProblem.noSetting(k));
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
    if (Array.isArray(v) && v.every((x) => typeof x !== "object")) return v.join(",");
    return JSON.stringify(v);
  });
}
