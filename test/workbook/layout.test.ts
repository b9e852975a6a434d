import { headerLanguage, planResultColumns } from "../../src/actions/layout";
import { ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS } from "../../src/engine/headers";
import type { TableRef } from "../../src/workbook/port";

const ref = (lastColumn: number, extra: Partial<TableRef> = {}): TableRef => ({ sheet: "S", kind: "annual", headerRow: 2, firstColumn: 1, lastColumn, lastRow: 9, ...extra });

describe("planResultColumns", () => {
  test("appends 综合得分, 排名, 等次, 说明 after the last column, in Chinese for a Chinese table", () => {
    const headers = ["编号", "绩效考核", "民主测评"];
    const plan = planResultColumns(ref(3), headers, ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS);
    expect(plan.language).toBe("zh");
    expect(plan.columns).toEqual([
      { key: "composite", column: 4, header: "综合得分", existing: false },
      { key: "rank", column: 5, header: "排名", existing: false },
      { key: "grade", column: 6, header: "等次", existing: false },
      { key: "reasons", column: 7, header: "说明", existing: false },
    ]);
    expect(plan.appendArea).toEqual({ sheet: "S", top: 2, left: 4, bottom: 9, right: 7 });
  });

  test("English headers for an English table", () => {
    const plan = planResultColumns(ref(4), ["ID", "Performance", "Democratic", "备注"], ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS);
    expect(plan.columns.map((c) => c.header)).toEqual(["Composite", "Rank", "Grade", "Reasons"]);
  });

  test("writes into result columns the table already has (any language, any case, full-width), appends the rest in order", () => {
    const headers = ["编号", " RANK ", "绩效考核", "民主测评", "等次"];
    const plan = planResultColumns(ref(5, { firstColumn: 3, lastColumn: 7 }), headers, ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS);
    expect(plan.columns).toEqual([
      { key: "composite", column: 8, header: "综合得分", existing: false },
      { key: "rank", column: 4, existing: true },
      { key: "grade", column: 7, existing: true },
      { key: "reasons", column: 9, header: "说明", existing: false },
    ]);
  });

  test("nothing to append when every result column exists; a totals row is part of the area", () => {
    const all = planResultColumns(ref(6), ["编号", "绩效考核", "综合得分", "排名", "等次", "说明"], ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS);
    expect(all.appendArea).toBeNull();
    expect(all.columns.every((c) => c.existing)).toBe(true);
    const totals = planResultColumns(ref(2, { totalsRow: true }), ["编号", "绩效考核"], ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS);
    expect(totals.appendArea).toMatchObject({ bottom: 10 });
  });

  test("headerLanguage: ties and unknown headers go Chinese", () => {
    expect(headerLanguage(["备注", "x"], ANNUAL_COLUMNS)).toBe("zh");
    expect(headerLanguage(["编号", "Performance"], ANNUAL_COLUMNS)).toBe("zh");
    expect(headerLanguage(["ＩＤ", "Name", "绩效考核"], ANNUAL_COLUMNS)).toBe("en");
  });
});
