// Generated annual assessment rows for the benchmark (INTERFACES.md §1a): seeded, so every section and
// every run measures the same table, and realistic in the mix that matters to the engine's cost —
// Chinese headers, 班子 and 干部 in two groups (four pools), scores typed with up to two decimals,
// the vocabulary spelled the several ways staff spell it, a few vetoes, affirmations, merely 合格
// political quality, hand-typed grades, and about one row in a thousand with a bad cell.
// No duplicate IDs: the native-formula workbook (libreoffice.ts) does not model them, and the
// results are compared row by row.
import type { CellValue, RawTable } from "../../src/engine/types";
// The sample's generator (mulberry32): the same seed gives the same table on every machine.
import { prng } from "../../src/sample/generate";

export const SHEET = "年度考核";
export const HEADERS = [
  "编号", "姓名", "对象", "单位", "分组", "主要负责人",
  "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效",
  "政治素质", "通报批评", "真抓实干激励", "拟定等次",
];
/** 0-based columns of HEADERS, for the writers. */
export const COL = { id: 0, name: 1, subject: 2, unit: 3, group: 4, topLeader: 5, P: 6, D: 7, L: 8, S: 9, B: 10, political: 11, circular: 12, incentive: 13, manualGrade: 14 } as const;

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉鹏飞宇浩然志新海波晓东";
const UNITS = ["区委办", "区政府办", "区发改局", "区教育局", "区财政局", "区人社局", "区住建局", "区卫健局", "区审计局", "区城管局", "栖凤渡镇", "良田镇", "五里牌镇", "许家洞镇", "王仙岭街道", "南塔街道"];

function pickWeighted<T>(r: number, pairs: readonly (readonly [T, number])[]): T {
  for (const [v, w] of pairs) if ((r -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
}

// Shares of each spelling (they sum to 1). Canonical terms dominate; synonyms are what a policy allows.
const SUBJECT = [["干部", 0.86], ["班子", 0.08], ["领导干部", 0.04], ["领导班子", 0.02]] as const;
const POLITICAL = [["过得硬", 0.94], ["合格", 0.05], ["不合格", 0.01]] as const;
const CIRCULAR = [[null, 0.9], ["无", 0.055], ["乡镇级", 0.02], ["区级", 0.015], ["市级", 0.01]] as const;
const YES_NO = [["否", 0.9], ["是", 0.08], ["√", 0.01], ["×", 0.01]] as const;

/** A score typed with up to two decimals around a mean: an exact hundredth, as staff type them. */
function score(rand: () => number, mean: number, spread: number): number {
  // The sum of three uniforms is a cheap bell curve.
  const x = mean + spread * (rand() + rand() + rand() - 1.5);
  const hundredths = Math.round(Math.min(100, Math.max(40, x)) * 100);
  // A third of the scores are whole numbers, a third one decimal: the shapes typed in practice.
  const shape = rand();
  const k = shape < 1 / 3 ? Math.round(hundredths / 100) * 100 : shape < 2 / 3 ? Math.round(hundredths / 10) * 10 : hundredths;
  return k / 100;
}

/** One generated row, cells in HEADERS order. */
export function generateRow(rand: () => number, i: number): CellValue[] {
  const subject = pickWeighted(rand(), SUBJECT);
  const cadre = subject === "干部" || subject === "领导干部";
  const unit = UNITS[Math.floor(rand() * UNITS.length)];
  const group = unit.endsWith("镇") || unit.endsWith("街道") ? "镇街道" : "区直单位";
  const name = cadre
    ? SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)] + (rand() < 0.6 ? GIVEN[Math.floor(rand() * GIVEN.length)] : "")
    : `${unit}领导班子`;
  const row: CellValue[] = [
    `K${String(i + 1).padStart(7, "0")}`,
    name,
    subject,
    unit,
    group,
    cadre ? pickWeighted(rand(), YES_NO) : null,
    score(rand, 86, 16),
    score(rand, 88, 12),
    score(rand, 87, 12),
    score(rand, 85, 14),
    score(rand, 88, 10),
    pickWeighted(rand(), POLITICAL),
    pickWeighted(rand(), CIRCULAR),
    pickWeighted(rand(), YES_NO),
    // 拟定等次 typed by hand on one row in twenty (audited against the rules: MANUAL_GRADE_CONFLICT).
    rand() < 0.05 ? (cadre ? (rand() < 0.3 ? "优秀" : "称职") : rand() < 0.3 ? "优秀" : "良好") : null,
  ];
  // About one row in a thousand has a bad cell: blank, text, or out of range (POLICY.md §9).
  const bad = rand();
  if (bad < 0.0004) row[COL.D] = null;
  else if (bad < 0.0007) row[COL.S] = "缺考";
  else if (bad < 0.001) row[COL.L] = 105;
  return row;
}

/** n generated rows as the engine reads a table (headers on worksheet row 1). */
export function generateTable(n: number, seed = 2023): RawTable {
  const rand = prng(seed);
  const rows: CellValue[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = generateRow(rand, i);
  return { sheet: SHEET, headers: HEADERS.slice(), rows, headerRow: 1, firstColumn: 1 };
}
