// Workbooks for the task pane tests (jest and the browser suite): an annual assessment table with
// vetoes, an affirmation, a veto/affirmation conflict, a quota tie and an invalid row.
import type { WorkbookFixture } from "../support/excel-double";

export const ANNUAL_SHEET = "年度考核";
export const ANNUAL_TABLE = "年度考核表";
export const HEADERS = ["编号", "姓名", "对象", "单位", "分组", "主要负责人", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评", "真抓实干激励"];

type Row = (string | number)[];
const cadre = (id: string, name: string, score: number | string, over: Partial<Record<"top" | "political" | "circular" | "incentive" | "unit", string>> = {}): Row => [
  id,
  name,
  "干部",
  over.unit ?? "区委办",
  "区直单位",
  over.top ?? "否",
  score,
  typeof score === "number" ? score : 80,
  typeof score === "number" ? score : 80,
  typeof score === "number" ? score : 80,
  typeof score === "number" ? score : 80,
  over.political ?? "过得硬",
  over.circular ?? "无",
  over.incentive ?? "否",
];

/**
 * One pool (区直单位 · 干部) of 11 rows, 10 valid → quota round(10 × 20%) = 2:
 * row 2 C01 veto (95 → 称职, red) · row 3 C02 affirmed top leader (85 → 优秀, green) ·
 * rows 4–5 C03/C04 tied at 93 for the last place (QUOTA_TIE, amber) · row 6 C05 91 beyond the quota
 * (amber) · row 7 C06 80 · row 8 C07 合格 92 (称职) · row 9 C08 "九十" invalid (grey) · row 10 C09 70 ·
 * row 11 C10 乡镇级 circular, no veto, 88 · row 12 C11 affirmed + veto conflict (red).
 */
export function annualRows(): Row[] {
  return [
    [...HEADERS], // a copy: tests push result headers onto it
    cadre("C01", "赵一", 95, { circular: "区级" }),
    cadre("C02", "钱二", 85, { top: "是", incentive: "是", unit: "发改局" }),
    cadre("C03", "孙三", 93),
    cadre("C04", "李四", 93),
    cadre("C05", "周五", 91),
    cadre("C06", "吴六", 80),
    cadre("C07", "郑七", 92, { political: "合格" }),
    cadre("C08", "王八", "九十"),
    cadre("C09", "冯九", 70),
    cadre("C10", "陈十", 88, { circular: "乡镇级" }),
    cadre("C11", "褚十一", 86, { top: "是", incentive: "是", circular: "市级", unit: "财政局" }),
  ];
}

export function annualWorkbook(over: Partial<WorkbookFixture> = {}): WorkbookFixture {
  const rows = annualRows();
  return {
    sheets: [
      {
        name: ANNUAL_SHEET,
        rows,
        tables: [{ name: ANNUAL_TABLE, address: `A1:N${rows.length}` }],
        cells: { T1: { value: "备注（用户）" }, T3: { value: "请核实", fill: "#FFFF00" } },
      },
      { name: "说明", rows: [["本工作簿用于测试。"]] },
    ],
    active: ANNUAL_SHEET,
    selection: `${ANNUAL_SHEET}!B3`,
    ...over,
  };
}

/** A large single-pool annual table as a header block (no ListObject): `n` cadres. */
export function largeWorkbook(n: number): WorkbookFixture {
  const rows: Row[] = [["编号", "姓名", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"]];
  for (let i = 0; i < n; i++) {
    const s = 60 + ((i * 37) % 4000) / 100;
    rows.push([`X${String(i).padStart(6, "0")}`, `干部${i}`, s, s, s, s, s, i % 97 === 0 ? "合格" : "过得硬"]);
  }
  return { sheets: [{ name: "年度考核", rows }], active: "年度考核", selection: "年度考核!A1" };
}
