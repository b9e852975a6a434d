// The feedback notice (反馈通知书, POLICY.md §12): every sentence of the document, Chinese and English
// side by side. The document itself is written in Chinese (an official notice); the English is for
// readers of the code and for the other faces. Text from cells (unit names, reasons) is data.
import type { Message } from "../engine/types";
import { plural } from "./plural";

import { m } from "./message";

/** A date as an official document writes it: 2024年3月15日 (GB/T 9704: Arabic numerals, in full). */
export function officialDate(iso: string): Message {
  const [y, mo, d] = iso.split("-").map(Number);
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return m(`${y}年${mo}月${d}日`, `${d} ${months[mo - 1]} ${y}`);
}

/** A score as the notice shows it: two decimals as the sheets do ("86.00"). */
const points = (x: number, decimals: number) => x.toFixed(decimals);

export const DEFAULT_ISSUER = m("中共苏仙区委考核办", "Assessment Office of the CPC Suxian District Committee");

export const noticeText = {
  /** The title: the policy's name + 结果反馈通知书. */
  title: (scheme: Message) => m(`${scheme.zh}结果反馈通知书`, `${scheme.en}: feedback notice`),
  /** The addressee line (主送机关). */
  addressee: (unit: string) => m(`${unit}：`, `To ${unit}:`),
  opening: (scheme: Message) =>
    m(`根据${scheme.zh}有关要求，现将你单位考核结果及扣分事项反馈如下。`, `Under ${scheme.en}, here are your unit's results and deduction items.`),
  rankHeading: m("一、考核排名", "1. Ranking"),
  rank: (group: string, rank: number, of: number, total: number, decimals: number) =>
    m(
      `你单位在${group}组 ${of} 个单位中排名第 ${rank} 位，总分 ${points(total, decimals)} 分。`,
      `Your unit ranks ${rank} of ${of} in the group ${group}, with a total of ${points(total, decimals)}.`,
    ),
  noRank: (group: string, why: string) =>
    m(`你单位（${group}组）的总分未能计算，暂不排名。原因：${why}`, `Your unit's total (group ${group}) could not be computed, so it has no rank. Why: ${why}`),
  minpingHeading: m("二、民评情况", "2. Public evaluation"),
  minping: (value: number, rank: number, of: number, decimals: number) =>
    m(`民评得分 ${points(value, decimals)} 分，在本组 ${of} 个单位中排名第 ${rank} 位。`, `Public-evaluation (民评) points ${points(value, decimals)}, rank ${rank} of ${of} in the group.`),
  noMinping: m("民评得分未能计算（幸福感、满意度、安全感不全或有误）。", "The public-evaluation points could not be computed (an index is missing or wrong)."),
  deductionsHeading: m("三、扣分事项", "3. Deduction items"),
  deductionCount: (n: number) => m(`共 ${n} 项：`, `${plural(n, "item")}:`),
  noDeductions: m("无扣分事项。", "No deduction items."),
  /** One item: （一）指标名称（编号），扣 0.5 分。原因：…… */
  item: (ordinal: string, indicator: string, id: string, pts: number, reason: string, status: Message) =>
    m(
      `${ordinal}${indicator}（${id}），扣 ${Math.abs(pts)} 分。原因：${reason}${/[。.!！?？]$/.test(reason) ? "" : "。"}${status.zh}`,
      `${ordinal} ${indicator} (${id}): ${plural(pts, "point")}. Reason: ${reason} ${status.en}`,
    ),
  statusOpen: (deadline: string) => m(`整改期限：${officialDate(deadline).zh}。`, `Rectify by ${officialDate(deadline).en}.`),
  statusDone: m("已整改。", "Rectified."),
  requirementHeading: m("四、整改要求", "4. Rectification"),
  requirement: (deadline: string) =>
    m(
      `请对照上述扣分事项，认真分析原因，制定整改措施，于${officialDate(deadline).zh}前将整改情况书面报送考核办。`,
      `Analyse the causes of the items above, plan the rectification and report it in writing to the assessment office by ${officialDate(deadline).en}.`,
    ),
  requirementNone: (deadline: string) =>
    m(
      `请对照考核结果查找不足、巩固提升，于${officialDate(deadline).zh}前将有关情况书面报送考核办。`,
      `Review the results and report in writing to the assessment office by ${officialDate(deadline).en}.`,
    ),
  requirementDone: m("上述扣分事项均已整改，请巩固整改成效。", "Every item above has been rectified; keep the results."),
  cadresHeading: m("五、领导班子和领导干部考核等次", "5. Grades of the leadership team and cadres"),
  cadre: (name: string, grade: string, composite: number, decimals: number, reasons: string) =>
    m(
      `${name}：${grade}，综合得分 ${points(composite, decimals)} 分。${reasons}`,
      `${name}: ${grade}, composite ${points(composite, decimals)}. ${reasons}`,
    ),
  cadreInvalid: (name: string, why: string) => m(`${name}：未评定等次。原因：${why}`, `${name}: not graded. Why: ${why}`),
  /** （一）（二）… ordinals of the items. */
  ordinal: (i: number) => m(`（${chineseNumber(i)}）`, `(${i})`),
};

/** 1 → 一, 12 → 十二, 21 → 二十一 (up to 99; beyond, the Arabic number). */
export function chineseNumber(n: number): string {
  const d = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : d[tens]}十${ones ? d[ones] : ""}`;
}

/** Sentences of the notices action and command. */
export const noticesMsg = {
  noUnitTable: m(
    "工作簿中没有可用的单位绩效表（编号、名称、幸福感、满意度、安全感），无法生成反馈通知书。",
    "The workbook has no usable unit performance table (编号, 名称, 幸福感, 满意度, 安全感): no feedback notices can be made.",
  ),
  noUnits: m("单位绩效表没有单位，无法生成反馈通知书。", "The unit performance table has no units: no feedback notices can be made."),
};

/**
 * The fonts GB/T 9704-2012 names, as the document names them (w:rFonts eastAsia; Latin text in
 * Times New Roman). A computer without one substitutes: Word and WPS map 仿宋_GB2312 to 仿宋 and
 * 方正小标宋简体 to a 宋体, LibreOffice to whatever CJK font it has.
 */
export const NOTICE_FONTS = {
  /** 小标宋: the title. */
  title: "方正小标宋简体",
  /** 仿宋: the body. */
  body: "仿宋_GB2312",
  /** 黑体: first-level headings (一、). */
  heading: "黑体",
  latin: "Times New Roman",
};
