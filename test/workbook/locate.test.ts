import type { CellValue } from "../../src/engine/types";
import { findHeaderBlocks, sortTables } from "../../src/workbook/locate";

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
