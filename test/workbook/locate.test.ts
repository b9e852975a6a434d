import type { CellValue } from "../../src/engine/types";
import { closestNearMisses, findHeaderBlocks, NearMiss, sortTables } from "../../src/workbook/locate";

const ANNUAL = ["编号", "姓名", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"];
const row = (id: string, v = 90): CellValue[] => [id, "某", v, v, v, v, v, "过得硬"];

describe("findHeaderBlocks", () => {
  test("finds a header block under a title, rows down to the last non-blank row", () => {
    const values: CellValue[][] = [["2023年度考核"], [], ANNUAL, row("A1"), row("A2"), row("A3")];
    const [t, ...rest] = findHeaderBlocks("S", { values, top: 1, left: 1 });
    expect(rest).toEqual([]);
    expect(t).toEqual({ sheet: "S", kind: "annual", headerRow: 3, firstColumn: 1, lastColumn: 8, lastRow: 6 });
  });

  test("respects the grid's origin and a block that starts right of column A", () => {
    const values: CellValue[][] = [[null, null, ...ANNUAL], [null, null, ...row("A1")]];
    const [t] = findHeaderBlocks("S", { values, top: 5, left: 2 });
    expect(t).toMatchObject({ headerRow: 5, firstColumn: 4, lastColumn: 11, lastRow: 6 });
  });

  test("bridges one stray blank line followed by data, stops at two blank lines or a note", () => {
    const values: CellValue[][] = [ANNUAL, row("A1"), [], row("A2"), [], [], row("A9")];
    expect(findHeaderBlocks("S", { values, top: 1, left: 1 })[0].lastRow).toBe(4);
    const withNote: CellValue[][] = [ANNUAL, row("A1"), [], ["制表人：张三"]];
    expect(findHeaderBlocks("S", { values: withNote, top: 1, left: 1 })[0].lastRow).toBe(2);
  });

  test("a second header row starts a second table; unknown headers are no table", () => {
    const values: CellValue[][] = [ANNUAL, row("A1"), ["编号", "年度", "等次"], ["A1", 2023, "优秀"], [], [], ["甲", "乙", "丙"], [1, 2, 3]];
    const found = findHeaderBlocks("S", { values, top: 1, left: 1 });
    expect(found.map((t) => [t.kind, t.headerRow, t.lastRow, t.lastColumn])).toEqual([
      ["annual", 1, 2, 8],
      ["history", 3, 4, 3],
    ]);
  });

  test("a 平均分 / 合计 / Total row at the end is not data: the table stops above it (issue 10)", () => {
    // Real offices close a table with an average row (平 均 分, spaced out) and a totals row.
    const values: CellValue[][] = [ANNUAL, row("A1"), row("A2"), [null, "平 均 分", 90, 90, 90, 90, 90, null], ["合计：", null, 180, 180, 180, 180, 180, null]];
    const [t] = findHeaderBlocks("S", { values, top: 1, left: 1 });
    expect(t).toEqual({ sheet: "S", kind: "annual", headerRow: 1, firstColumn: 1, lastColumn: 8, lastRow: 3, summaryRows: [{ row: 4, column: 2, label: "平 均 分" }, { row: 5, column: 1, label: "合计：" }] });
    const english: CellValue[][] = [ANNUAL, row("A1"), ["Average", null, 90, 90, 90, 90, 90, null]];
    expect(findHeaderBlocks("S", { values: english, top: 1, left: 1 })[0]).toMatchObject({ lastRow: 2, summaryRows: [{ row: 3, column: 1, label: "Average" }] });
  });

  test("only the end of a table is a summary: an ID 合计 in the middle stays data; a table of summary rows keeps its header", () => {
    const values: CellValue[][] = [ANNUAL, row("合计"), row("A2")];
    expect(findHeaderBlocks("S", { values, top: 1, left: 1 })[0]).toEqual({ sheet: "S", kind: "annual", headerRow: 1, firstColumn: 1, lastColumn: 8, lastRow: 3 });
    const onlySummary: CellValue[][] = [ANNUAL, ["合计", null, 90, 90, 90, 90, 90, null]];
    expect(findHeaderBlocks("S", { values: onlySummary, top: 1, left: 1 })[0]).toMatchObject({ lastRow: 1, summaryRows: [{ row: 2, column: 1, label: "合计" }] });
  });

  test("near misses: header-like rows recognised as no kind, closest first (issue 10)", () => {
    // Row 1: 编号, 姓名, 民主测评 are column names (3), but without 绩效考核 it is no annual table.
    // Row 5: 编号, 年度 and 考核结果 (a city column) (3): no 等次, so no history table. A title row names nothing.
    const values: CellValue[][] = [["编号", "姓名", "综合考评", "民主测评"], ["A1", "甲", 90, 90], [], ["2023年度考核"], ["编号", "年度", "考核结果"]];
    const seen: NearMiss[] = [];
    expect(findHeaderBlocks("S", { values, top: 1, left: 1 }, [], seen)).toEqual([]);
    expect(closestNearMisses(seen).map((m) => [m.row, m.firstColumn, m.names])).toEqual([
      [1, 1, 3],
      [5, 1, 3],
    ]);
  });

  test("two tables side by side separated by an empty column", () => {
    const values: CellValue[][] = [
      [...ANNUAL, null, ...ANNUAL],
      [...row("A1"), null, ...row("B1")],
    ];
    const found = findHeaderBlocks("S", { values, top: 1, left: 1 });
    expect(found.map((t) => [t.firstColumn, t.lastColumn])).toEqual([
      [1, 8],
      [10, 17],
    ]);
  });

  test("cells inside a ListObject are never part of a header block", () => {
    const values: CellValue[][] = [ANNUAL, row("A1"), row("A2")];
    expect(findHeaderBlocks("S", { values, top: 1, left: 1 }, [{ sheet: "S", top: 1, left: 1, bottom: 3, right: 8 }])).toEqual([]);
    // A ListObject below a block ends the block.
    const found = findHeaderBlocks("S", { values: [ANNUAL, row("A1"), ...[ANNUAL, row("B1")]], top: 1, left: 1 }, [{ sheet: "S", top: 3, left: 1, bottom: 4, right: 8 }]);
    expect(found.map((t) => [t.headerRow, t.lastRow])).toEqual([[1, 2]]);
  });

  test("a header with no data rows is a table of no rows", () => {
    expect(findHeaderBlocks("S", { values: [ANNUAL], top: 1, left: 1 })[0]).toMatchObject({ headerRow: 1, lastRow: 1 });
  });
});

test("sortTables orders by sheet, then row, then column", () => {
  const t = (sheet: string, headerRow: number, firstColumn: number) => ({ sheet, kind: null, headerRow, firstColumn, lastColumn: firstColumn, lastRow: headerRow });
  expect(sortTables([t("B", 1, 1), t("A", 5, 1), t("A", 1, 9), t("A", 1, 2)], ["A", "B"]).map((x) => `${x.sheet}${x.headerRow}.${x.firstColumn}`)).toEqual(["A1.2", "A1.9", "A5.1", "B1.1"]);
});
