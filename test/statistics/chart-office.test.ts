// The chart of 考核统计 through the Office.js adapter (the task pane), on the in-memory Excel double: a
// clustered column chart made from the sheet's first block, named, titled, placed under the tables;
// a second compute replaces it (on older Excel too, without getItemOrNullObject); undo of a compute
// that added the sheet takes the chart with it.
import { computeRanking } from "../../src/actions";
import { defaultPolicy } from "../../src/engine/policy";
import { OfficeWorkbook } from "../../src/workbook/office";
import { createWorkbook } from "../support/excel-double";

const policy = defaultPolicy();
const ANNUAL_HEADERS = ["编号", "姓名", "对象", "单位", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"];
const annual = (id: string, subject: string, group: string, x: number) => [id, id, subject, "区财政局", group, x, x, x, x, x, "过得硬"];
const fixture = (excelApi = "1.18") => ({
  excelApi,
  sheets: [
    {
      name: "年度考核",
      rows: [ANNUAL_HEADERS, annual("T1", "班子", "区直单位", 95), annual("T2", "班子", "区直单位", 80), annual("C1", "干部", "区直单位", 91), annual("C2", "干部", "镇街道", 70)],
    },
  ],
});

describe("考核统计's chart through Office.js", () => {
  test("made from A1:E4 (组别 and the four grade levels of three pools), titled, under the tables", async () => {
    const d = createWorkbook(fixture()).install(globalThis);
    const r = await computeRanking(new OfficeWorkbook(), policy);
    expect(r.summary.charts).toEqual([{ sheet: "考核统计", drawn: true }]);
    // Pools in table order: 区直单位 · 班子/单位, 区直单位 · 干部, 镇街道 · 干部 → rows 2–4; the sheet ends on row 4.
    expect(d.values("考核统计", "A1:E4")).toEqual([
      ["组别", "优秀", "良好/称职", "一般/基本称职", "较差/不称职"],
      ["区直单位 · 班子/单位", 1, 1, 0, 0],
      ["区直单位 · 干部", 1, 0, 0, 0],
      ["镇街道 · 干部", 0, 0, 1, 0],
    ]);
    expect(d.charts("考核统计")).toEqual([
      { name: "ASSESS grades", type: "ColumnClustered", seriesBy: "Columns", source: "A1:E4", title: "各组等次分布", categoryTitle: "组别", valueTitle: "人数", valueStep: 1, position: "A6:E23" },
    ]);
  });

  for (const api of ["1.18", "1.3"]) {
    test(`a second compute replaces the chart (ExcelApi ${api})`, async () => {
      const d = createWorkbook(fixture(api)).install(globalThis);
      await computeRanking(new OfficeWorkbook(), policy);
      await computeRanking(new OfficeWorkbook(), policy);
      expect(d.charts("考核统计").map((c) => c.name)).toEqual(["ASSESS grades"]);
    });
  }

  test("undo of the compute that added 考核统计 removes the sheet and its chart", async () => {
    const d = createWorkbook(fixture()).install(globalThis);
    const port = new OfficeWorkbook();
    const r = await computeRanking(port, policy, { snapshot: true });
    expect(d.sheetNames()).toContain("考核统计");
    await port.restore(r.snapshot!);
    expect(d.sheetNames()).toEqual(["年度考核"]);
  });
});
