// The exceljs adapter on real .xlsx bytes: reading, writing, ListObjects, formatting, the findings
// sheet, snapshot/restore.
import * as ExcelJS from "exceljs";
import { computeRanking } from "../../src/actions/computeRanking";
import { ActionError } from "../../src/actions/errors";
import { FINDINGS_HEADERS, FINDINGS_SHEET } from "../../src/i18n/actions";
import { defaultPolicy } from "../../src/engine/policy";
import { HIGHLIGHT_FILLS, TableRef, WorkbookError } from "../../src/workbook/port";
import { toCellValue, XlsxWorkbook } from "../../src/workbook/xlsx";
import { buildBytes, buildWorkbook, dumpCells, fillOf, loadExcel, TestCell, WorkbookSpec } from "../support/xlsx-builders";

const HEADERS = ["编号", "姓名", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评"];
const five = (v: number): TestCell[] => [v, v, v, v, v];
const ROWS: TestCell[][] = [
  ["A1", "甲", "区直单位", ...five(95), "过得硬", "无"],
  ["A2", "乙", "区直单位", ...five(91), "过得硬", "区级"],
  ["A3", "丙", "区直单位", ...five(80), "过得硬", "无"],
];

async function reopen(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(await wb.toBuffer());
}

describe("reading", () => {
  test("toCellValue: cached formula results, errors, rich text, hyperlinks, dates, blanks", () => {
    const d = new Date(Date.UTC(2023, 11, 31));
    expect(toCellValue({ formula: "80+5", result: 85 })).toBe(85);
    expect(toCellValue({ sharedFormula: "D2", result: 7 } as ExcelJS.CellValue)).toBe(7);
    expect(toCellValue({ formula: "NA()", result: { error: "#N/A" } })).toEqual({ error: "#N/A" });
    expect(toCellValue({ formula: "A1" })).toBeNull();
    expect(toCellValue({ error: "#DIV/0!" })).toEqual({ error: "#DIV/0!" });
    expect(toCellValue({ richText: [{ text: "过得" }, { text: "硬" }] })).toBe("过得硬");
    expect(toCellValue({ text: "链接", hyperlink: "https://example.org" })).toBe("链接");
    expect(toCellValue(d)).toBe(d);
    expect(toCellValue(null)).toBeNull();
    expect(toCellValue(undefined)).toBeNull();
  });

  test("listTables: ListObjects and header blocks on every sheet; unknown ListObjects have kind null", async () => {
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: "一",
          cells: { A1: "标题" },
          tables: [
            { origin: "A3", headers: HEADERS, rows: ROWS },
            { origin: "A10", listObject: "Other", headers: ["甲", "乙"], rows: [[1, 2]] },
          ],
        },
        { name: "二", tables: [{ origin: "C2", listObject: "Annual2", headers: HEADERS, rows: ROWS }] },
      ],
    };
    const wb = await XlsxWorkbook.load(await buildBytes(spec));
    const tables = await wb.listTables();
    expect(tables).toEqual([
      { sheet: "一", kind: "annual", headerRow: 3, firstColumn: 1, lastColumn: 10, lastRow: 6 },
      { sheet: "一", name: "Other", kind: null, headerRow: 10, firstColumn: 1, lastColumn: 2, lastRow: 11, totalsRow: false },
      { sheet: "二", name: "Annual2", kind: "annual", headerRow: 2, firstColumn: 3, lastColumn: 12, lastRow: 5, totalsRow: false },
    ]);
    const raw = await wb.readTable(tables[0]);
    expect(raw.headers).toEqual(HEADERS);
    expect(raw.rows[1]).toEqual(ROWS[1]);
    expect(raw).toMatchObject({ sheet: "一", headerRow: 3, firstColumn: 1 });
  });

  test("a table whose XML omits headerRowCount (as Excel writes it) keeps its header row", async () => {
    const excel = buildWorkbook({ sheets: [{ name: "S", tables: [{ origin: "A1", listObject: "T", headers: HEADERS, rows: ROWS }] }] });
    const loaded = await loadExcel(new Uint8Array((await excel.xlsx.writeBuffer()) as unknown as ArrayBuffer));
    // What exceljs makes of a table written by Excel: headerRowCount is absent, read as false.
    const model = (loaded.getWorksheet("S") as unknown as { tables: Record<string, { model: { headerRow: boolean } }> }).tables.T.model;
    model.headerRow = false;
    const wb = XlsxWorkbook.from(loaded);
    expect(model.headerRow).toBe(true);
    expect((await wb.listTables())[0]).toMatchObject({ name: "T", kind: "annual", headerRow: 1, lastRow: 4 });
  });

  test("a corrupt file is a WorkbookError, not a crash", async () => {
    await expect(XlsxWorkbook.load(new TextEncoder().encode("not a zip at all"))).rejects.toBeInstanceOf(WorkbookError);
  });
});

describe("writing", () => {
  const blockRef: TableRef = { sheet: "S", kind: "annual", headerRow: 1, firstColumn: 1, lastColumn: 10, lastRow: 4 };

  test("text that begins with = + - @ stays text", async () => {
    const wb = await XlsxWorkbook.load(await buildBytes({ sheets: [{ name: "S", tables: [{ origin: "A1", headers: HEADERS, rows: ROWS }] }] }));
    const texts = ["=SUM(A1:A3)", "+86", "@x"];
    await wb.writeColumns(blockRef, [{ column: 11, header: "-备注", values: texts }]);
    const again = await loadExcel(await wb.toBuffer());
    const ws = again.getWorksheet("S")!;
    expect(ws.getCell("K1").value).toBe("-备注");
    expect([2, 3, 4].map((r) => ws.getCell(r, 11).value)).toEqual(texts);
    expect([2, 3, 4].map((r) => ws.getCell(r, 11).type)).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
  });

  test("refuses misaligned or gapped columns", async () => {
    const wb = await XlsxWorkbook.load(await buildBytes({ sheets: [{ name: "S", tables: [{ origin: "A1", headers: HEADERS, rows: ROWS }] }] }));
    await expect(wb.writeColumns(blockRef, [{ column: 11, header: "x", values: [1] }])).rejects.toBeInstanceOf(WorkbookError);
    await expect(wb.writeColumns(blockRef, [{ column: 12, header: "x", values: [1, 2, 3] }])).rejects.toBeInstanceOf(WorkbookError);
  });

  test("appended columns become part of an Excel Table, which re-reads cleanly", async () => {
    const wb = await XlsxWorkbook.load(await buildBytes({ sheets: [{ name: "S", tables: [{ origin: "B2", listObject: "考核", headers: HEADERS, rows: ROWS }] }] }));
    await computeRanking(wb, defaultPolicy());
    const again = await reopen(wb);
    const [t] = await again.listTables();
    expect(t).toMatchObject({ name: "考核", kind: "annual", headerRow: 2, firstColumn: 2, lastColumn: 15, lastRow: 5 });
    const model = (again.workbook.getWorksheet("S") as unknown as { tables: Record<string, { model: { tableRef: string; autoFilterRef: string; columns: { name: string }[] } }> }).tables["考核"].model;
    expect(model.tableRef).toBe("B2:O5");
    expect(model.autoFilterRef).toBe("B2:O5");
    expect(model.columns.map((c) => c.name).slice(-4)).toEqual(["综合得分", "排名", "等次", "说明"]);
    // Computing again writes into the same columns: the table does not grow.
    await computeRanking(again, defaultPolicy());
    expect((await (await reopen(again)).listTables())[0].lastColumn).toBe(15);
  });

  test("a second compute clears highlights and notes that no longer apply, and touches no input cell", async () => {
    const spec: WorkbookSpec = { sheets: [{ name: "S", tables: [{ origin: "A1", headers: HEADERS, rows: ROWS }], fills: { B3: "FFFF0000" } }] };
    const wb = await XlsxWorkbook.load(await buildBytes(spec));
    await computeRanking(wb, defaultPolicy());
    let ws = wb.workbook.getWorksheet("S")!;
    expect(fillOf(ws.getCell("M3"))).toBe(HIGHLIGHT_FILLS.veto); // A2: 区级 circular
    expect(ws.getCell("M3").note).toBeTruthy();
    // The circular is withdrawn: recompute on the written file.
    const second = await reopen(wb);
    second.workbook.getWorksheet("S")!.getCell("J3").value = "无";
    await computeRanking(second, defaultPolicy());
    ws = (await reopen(second)).workbook.getWorksheet("S")!;
    expect(fillOf(ws.getCell("M3"))).toBe(HIGHLIGHT_FILLS.quota); // 91 behind 95 with one place
    expect(fillOf(ws.getCell("B3"))).toBe("FFFF0000");
    expect(fillOf(ws.getCell("M4"))).toBeNull();
    expect(ws.getCell("M4").note).toBeUndefined();
    expect(ws.getCell("K1").value).toBe("综合得分");
    expect(ws.getCell("O1").value).toBeNull();
  });

  test("filling a result cell never recolours an input cell that shares its style", async () => {
    const spec: WorkbookSpec = {
      sheets: [{ name: "S", tables: [{ origin: "A1", headers: [...HEADERS, "等次"], rows: ROWS.map((r) => [...r, null]) }], fills: { B2: "FF00B0F0", B3: "FF00B0F0", B4: "FF00B0F0", K2: "FF00B0F0", K3: "FF00B0F0", K4: "FF00B0F0" } }],
    };
    const wb = await XlsxWorkbook.load(await buildBytes(spec));
    await computeRanking(wb, defaultPolicy());
    const ws = (await reopen(wb)).workbook.getWorksheet("S")!;
    expect(["B2", "B3", "B4"].map((a) => fillOf(ws.getCell(a)))).toEqual(["FF00B0F0", "FF00B0F0", "FF00B0F0"]);
    expect(fillOf(ws.getCell("K3"))).toBe(HIGHLIGHT_FILLS.veto);
    expect(fillOf(ws.getCell("K2"))).toBeNull(); // a result cell: the earlier run's colour is cleared
  });

  test("refuses to append over cells right of the table, before writing anything", async () => {
    const spec: WorkbookSpec = { sheets: [{ name: "S", tables: [{ origin: "A1", headers: HEADERS, rows: ROWS }], cells: { M3: "别动" } }] };
    const bytes = await buildBytes(spec);
    const wb = await XlsxWorkbook.load(bytes);
    await expect(computeRanking(wb, defaultPolicy())).rejects.toMatchObject({ code: "RESULT_AREA_NOT_EMPTY" });
    await expect(computeRanking(wb, defaultPolicy())).rejects.toBeInstanceOf(ActionError);
    expect(dumpCells(await loadExcel(await wb.toBuffer()))).toEqual(dumpCells(await loadExcel(bytes)));
  });
});

describe("the findings sheet", () => {
  test("is replaced in place when the add-in wrote it; a user's sheet of that name is left alone", async () => {
    const wb = await XlsxWorkbook.load(await buildBytes({ sheets: [{ name: "S", tables: [{ origin: "A1", headers: HEADERS, rows: ROWS }] }] }));
    expect(await wb.addSheet(FINDINGS_SHEET, [FINDINGS_HEADERS, ["X", null, null, 1, "A1", "一", "one"], ["Y", null, null, 2, "A2", "二", "two"]])).toBe(FINDINGS_SHEET);
    expect(await wb.addSheet(FINDINGS_SHEET, [FINDINGS_HEADERS, ["Z", null, null, 3, "A3", "三", "three"]])).toBe(FINDINGS_SHEET);
    const ws = wb.workbook.getWorksheet(FINDINGS_SHEET)!;
    expect(ws.getCell("A2").value).toBe("Z");
    expect(ws.getCell("A3").value).toBeNull();
    expect(wb.workbook.worksheets.map((w) => w.name)).toEqual(["S", FINDINGS_SHEET]);

    const user = await XlsxWorkbook.load(await buildBytes({ sheets: [{ name: "校验结果", cells: { A1: "我的笔记" } }] }));
    expect(await user.addSheet(FINDINGS_SHEET, [FINDINGS_HEADERS])).toBe("校验结果 (2)");
    expect(user.workbook.getWorksheet("校验结果")!.getCell("A1").value).toBe("我的笔记");
  });
});

describe("snapshot and restore", () => {
  test.each([
    ["a header block", { sheets: [{ name: "S", tables: [{ origin: "A1", headers: HEADERS, rows: ROWS }], notes: { B2: "原有批注" } }] }],
    ["an Excel Table", { sheets: [{ name: "S", tables: [{ origin: "B2", listObject: "T", headers: HEADERS, rows: ROWS }] }] }],
    [
      "existing result columns and an earlier findings sheet",
      {
        sheets: [
          { name: "S", tables: [{ origin: "A1", headers: [...HEADERS, "等次", "综合得分"], rows: ROWS.map((r) => [...r, "旧", 1]) }], fills: { K3: "FF123456" }, notes: { K2: "旧批注" } },
          { name: FINDINGS_SHEET, cells: Object.fromEntries(FINDINGS_HEADERS.map((h, i) => [`${String.fromCharCode(65 + i)}1`, h]).concat([["A2", "OLD"]])) },
        ],
      },
    ],
  ] as [string, WorkbookSpec][])("compute → restore gives back identical cells (%s)", async (_, spec) => {
    const bytes = await buildBytes(spec);
    const wb = await XlsxWorkbook.load(bytes);
    const { snapshot } = await computeRanking(wb, defaultPolicy(), { snapshot: true });
    expect(snapshot).toBeDefined();
    const changed = await wb.toBuffer();
    expect(dumpCells(await loadExcel(changed))).not.toEqual(dumpCells(await loadExcel(bytes)));
    await wb.restore(snapshot!);
    const restored = await wb.toBuffer();
    expect(dumpCells(await loadExcel(restored))).toEqual(dumpCells(await loadExcel(bytes)));
    expect((await (await XlsxWorkbook.load(restored)).listTables())).toEqual(await (await XlsxWorkbook.load(bytes)).listTables());
  });
});
