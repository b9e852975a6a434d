// The Office.js adapter on the in-memory Excel double: sync discipline, payload limits, protection,
// requirement-set fallbacks, text safety, exact undo.
import { computeRanking } from "../../src/actions";
import { defaultPolicy } from "../../src/engine/policy";
import { needsTextGuard, toTypedInput as toOfficeInput } from "../../src/workbook/codec";
import { BYTE_BUDGET, estimateBytes, OfficeWorkbook, PAYLOAD_LIMIT, planWriteBlocks } from "../../src/workbook/office";
import { TableRef, WorkbookError } from "../../src/workbook/port";
import { createWorkbook, ExcelDouble, WorkbookFixture } from "../support/excel-double";
import { ANNUAL_SHEET, ANNUAL_TABLE, annualWorkbook, largeWorkbook } from "./fixtures";
import type { WorkbookPort } from "../../src/workbook/port";

function setup(fixture: WorkbookFixture): { d: ExcelDouble; port: OfficeWorkbook } {
  const d = createWorkbook(fixture).install(globalThis);
  return { d, port: new OfficeWorkbook() };
}

describe("sync discipline", () => {
  const runs: { n: number; syncs: number; chunks: number; maxBytes: number; requests: number }[] = [];

  test.each([100, 5000, 50000])("compute on %i rows: syncs = constant + one per block", async (n) => {
    const { d, port } = setup(largeWorkbook(n));
    const result = await computeRanking(port, defaultPolicy(), { snapshot: true });
    expect(result.summary.tables[0].rows).toBe(n);
    // Every sync the host saw was one the adapter made and counted (no hidden syncs).
    expect(d.stats.syncs).toBe(port.stats.syncs);
    const maxBytes = Math.max(...d.stats.requests.map((r) => r.bytes));
    expect(maxBytes).toBeLessThan(PAYLOAD_LIMIT);
    // The adapter's estimate bounds what the host receives (plus a little per-command overhead).
    expect(maxBytes).toBeLessThanOrEqual(BYTE_BUDGET + 4096);
    expect(Math.max(...d.stats.requests.map((r) => r.responseBytes))).toBeLessThan(PAYLOAD_LIMIT);
    expect(port.stats.maxChunkBytes).toBeLessThanOrEqual(BYTE_BUDGET);
    if (process.env.ASSESS_REPORT) console.log(`rows ${n}: syncs ${port.stats.syncs}, blocks ${port.stats.chunks}, largest request ${maxBytes} B`);
    runs.push({ n, syncs: port.stats.syncs, chunks: port.stats.chunks, maxBytes, requests: d.stats.requests.length });
  }, 120_000);

  test("the constant does not depend on the row count; blocks grow with it", () => {
    expect(runs).toHaveLength(3);
    const constants = runs.map((r) => r.syncs - r.chunks);
    expect(new Set(constants).size).toBe(1);
    expect(runs[0].chunks).toBeLessThan(runs[1].chunks);
    expect(runs[1].chunks).toBeLessThan(runs[2].chunks);
    // 50,000 rows: ~20 read blocks of the 8-column table per read, not one sync per row.
    expect(runs[2].syncs).toBeLessThan(200);
  });

  test("calculation is suspended around every write block", async () => {
    const { d, port } = setup(annualWorkbook());
    await computeRanking(port, defaultPolicy());
    expect(d.stats.suspended).toBeGreaterThan(0);
    const writes = d.stats.requests.filter((r) => r.names.includes("Range.values="));
    for (const w of writes) expect(w.names[0]).toBe("Application.suspendApiCalculationUntilNextSync");
  });

  test("formatting goes after every value block", async () => {
    const { d, port } = setup(largeWorkbook(3000));
    // The table's own writes: no 校验结果 or scheme sheets (考核统计) written after them.
    await computeRanking(port, defaultPolicy(), { findingsSheet: false, schemeSheets: false });
    const names = d.stats.requests.map((r) => r.names);
    const lastValues = names.map((n) => n.includes("Range.values=")).lastIndexOf(true);
    const firstFill = names.findIndex((n) => n.includes("RangeFill.color=") || n.includes("RangeFill.clear"));
    expect(firstFill).toBeGreaterThan(lastValues);
  });
});

describe("payload per block", () => {
  test("long text is cut into more blocks, each under the budget and the 5 MB limit", async () => {
    const { d, port } = setup({ sheets: [{ name: "S", rows: [["编号", "绩效考核", "民主测评"]] }] });
    const long = "长".repeat(3000); // ~18 KB per cell as \u escapes
    const n = 2000;
    const ref = { sheet: "S", kind: null, headerRow: 1, firstColumn: 1, lastColumn: 3, lastRow: 1 + n };
    await port.writeColumns(ref, [{ column: 4, header: "说明", values: Array.from({ length: n }, () => long) }]);
    const writes = d.stats.requests.filter((r) => r.names.includes("Range.values="));
    expect(writes.length).toBeGreaterThan(20);
    for (const w of writes) expect(w.bytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(port.stats.maxChunkBytes).toBeLessThanOrEqual(BYTE_BUDGET);
    expect(d.cell("S", `D${n + 1}`).value).toBe(long);
  });

  test("planWriteBlocks: rows per block from the column count, cut by bytes", () => {
    expect(planWriteBlocks(new Array(10).fill(10), 4, 20, 1000)).toEqual([[0, 5], [5, 10]]);
    expect(planWriteBlocks([600, 600, 600], 1, 100, 1000)).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(planWriteBlocks([5000], 1, 100, 1000)).toEqual([[0, 1]]); // a single heavy row still goes
  });

  test("estimateBytes counts a value's JSON without making it: the same count as JSON.stringify's text", () => {
    // The reference: the JSON text JSON.stringify makes, each character under U+0080 one byte, others six (a \u escape), plus one.
    const byJson = (v: unknown) => [...JSON.stringify(v ?? null)].reduce((n, ch) => n + (ch.length === 2 ? 12 : ch.charCodeAt(0) < 0x80 ? 1 : 6), 0) + 1;
    const values: unknown[] = [null, undefined, 0, -0, 1.5, -12.25, 1e21, 5e-7, NaN, Infinity, true, false, "", "abc", "优秀", 'say "hi"', "a\\b", "line\nbreak\ttab\r\b\f", "\u0001\u001f\u007f", "😀", "\ud800 lone", { error: "#N/A" }];
    for (const v of values) expect({ v, n: estimateBytes(v) }).toEqual({ v, n: byJson(v) });
    // Worked by hand: "优秀" is 2 quotes + 2 × 6 + 1 = 15; 'say "hi"' is 2 + 8 + 2 escapes + 1 = 13; 1.5 is 3 + 1 = 4.
    expect([estimateBytes("优秀"), estimateBytes('say "hi"'), estimateBytes(1.5)]).toEqual([15, 13, 4]);
  });

  test("the double refuses a request over the limit, as Excel on the web does", async () => {
    createWorkbook({ payloadLimit: 1000 }).install(globalThis);
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x".repeat(2000)]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
});

describe("protected sheets", () => {
  test("compute reports the protected sheet before writing anything", async () => {
    const { d, port } = setup(annualWorkbook());
    d.setProtected(ANNUAL_SHEET, true);
    const before = JSON.stringify(d.dump());
    const e = await computeRanking(port, defaultPolicy(), { snapshot: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookError);
    expect((e as WorkbookError).kind).toBe("unwritable");
    expect((e as WorkbookError).detail.zh).toContain("受保护");
    expect(JSON.stringify(d.dump())).toBe(before);
    expect(d.stats.requests.some((r) => r.names.includes("Range.values="))).toBe(false);
    expect(await port.protectedSheets([ANNUAL_SHEET, "校验结果", "说明"])).toEqual([ANNUAL_SHEET]);
  });
});

describe("requirement sets", () => {
  const notesOf = (d: ExcelDouble) => ["Q2", "Q3", "Q4"].map((a) => d.cell(ANNUAL_SHEET, a));

  test("ExcelApi 1.18: notes", async () => {
    const { d, port } = setup(annualWorkbook());
    expect(port.capabilities().notes).toBe("notes");
    await computeRanking(port, defaultPolicy());
    expect(notesOf(d).map((c) => c.note)).toEqual([expect.stringContaining("一票否决"), expect.stringContaining("一票肯定"), expect.stringContaining("并列")]);
    expect(notesOf(d).every((c) => c.comment === null)).toBe(true);
  });

  test("ExcelApi 1.12 (no notes, no table resize): comments, and the table grows by columns.add; undo is exact", async () => {
    const { d, port } = setup(annualWorkbook({ excelApi: "1.12" }));
    const before = JSON.stringify(d.dump());
    expect(port.capabilities()).toMatchObject({ notes: "comments", tableResize: false, cellProperties: true });
    const r = await computeRanking(port, defaultPolicy(), { snapshot: true });
    expect(notesOf(d).map((c) => c.comment)).toEqual([expect.stringContaining("一票否决"), expect.stringContaining("一票肯定"), expect.stringContaining("并列")]);
    expect(notesOf(d).every((c) => c.note === null)).toBe(true);
    expect(d.table(ANNUAL_TABLE)?.address).toBe("A1:R12");
    await port.restore(r.snapshot!);
    expect(JSON.stringify(d.dump())).toBe(before);
  });

  test("ExcelApi 1.8 (no comments, no multi-area ranges): the 说明 column alone, fills area by area", async () => {
    const { d, port } = setup(annualWorkbook({ excelApi: "1.8" }));
    expect(port.capabilities()).toMatchObject({ notes: "none", cellProperties: false });
    await computeRanking(port, defaultPolicy());
    expect(notesOf(d).every((c) => c.note === null && c.comment === null)).toBe(true);
    expect(d.cell(ANNUAL_SHEET, "R2").value).toContain("一票否决");
    expect(d.cell(ANNUAL_SHEET, "O2").fill).toBe("#FFC7CE");
  });
});

describe("text stays text", () => {
  test("strings Excel would convert are written with an apostrophe and read back unchanged", async () => {
    const { d, port } = setup({ sheets: [{ name: "S", rows: [["编号"], ["a"], ["b"], ["c"], ["d"], ["e"], ["f"], ["g"], ["h"], ["i"], ["j"]] }] });
    const texts = ["=1+1", "+5", "-A1", "@SUM(A1)", "0012", "90%", "TRUE", "#N/A", "'quoted", "优秀"];
    const ref = { sheet: "S", kind: null, headerRow: 1, firstColumn: 1, lastColumn: 1, lastRow: 11 };
    await port.writeColumns(ref, [{ column: 2, header: "=header", values: texts }]);
    const cells = texts.map((_, i) => d.cell("S", `B${i + 2}`));
    expect(cells.map((c) => c.value)).toEqual(texts);
    expect(cells.every((c) => c.type === "String" && c.formula === null)).toBe(true);
    expect(cells[9].prefix).toBe(false); // plain text goes as it is
    expect(d.cell("S", "B1")).toMatchObject({ value: "=header", formula: null });
    expect(await port.readRange({ sheet: "S", top: 2, left: 2, bottom: 11, right: 2 })).toEqual(texts.map((t) => [t]));
  });

  test("the double turns an unguarded '=' string into a formula (so the guard matters)", () => {
    const d = createWorkbook({ sheets: [{ name: "S", rows: [["=1+1", "'=1+1"]] }] });
    expect(d.cell("S", "A1").formula).toBe("=1+1");
    expect(d.cell("S", "B1")).toMatchObject({ value: "=1+1", formula: null, type: "String" });
  });

  test("needsTextGuard", () => {
    for (const s of ["=x", "+1", "-", "@a", "'a", "#REF!", "12", "3月5日", "1/2", "(5)", "$3", "true", "False", "Jan 5", "１２", " =x"]) expect([s, needsTextGuard(s)]).toEqual([s, true]);
    for (const s of ["优秀", "称职", "受区级及以上通报批评", "G9（绩效考核）的值", "Excellent", "Mayor", ""]) expect([s, needsTextGuard(s)]).toEqual([s, false]);
    expect(toOfficeInput(null)).toBe("");
    expect(toOfficeInput(Number.NaN)).toBe("#NUM!");
    expect(toOfficeInput({ error: "#N/A" })).toBe("#N/A");
  });
});

describe("load/sync semantics of the double", () => {
  test("reading a property before load and sync throws", async () => {
    createWorkbook({ sheets: [{ name: "S", rows: [[1]] }] }).install(globalThis);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      expect(() => r.formulas).toThrow(/not available/);
    });
  });

  test("undo restores user fills, notes, formulas and number formats in result columns", async () => {
    const fixture = annualWorkbook();
    const sheet = fixture.sheets![0];
    sheet.rows![0].push("综合得分");
    sheet.tables = [{ name: ANNUAL_TABLE, address: "A1:O12" }];
    sheet.cells = { O2: { formula: "=G2*0.6", fill: "#00B0F0", note: "手工公式", numberFormat: "0.0" }, O3: { value: "'0012", numberFormat: "@" } };
    const { d, port } = setup(fixture);
    const before = JSON.stringify(d.dump());
    const r = await computeRanking(port, defaultPolicy(), { snapshot: true });
    expect(d.cell(ANNUAL_SHEET, "O2")).toMatchObject({ value: 95, formula: null });
    await port.restore(r.snapshot!);
    expect(JSON.stringify(d.dump())).toBe(before);
  });
});

describe("overwriting the area right of a table, with the user's consent", () => {
  test("computeRanking refuses a non-empty area; with confirmOverwrite it asks, declining writes nothing, agreeing writes, and undo gives the cells back", async () => {
    const fixture = annualWorkbook();
    fixture.sheets![0].cells = { P4: { value: "用户备注", fill: "#FFFF00", note: "别删" } };
    const { d, port } = setup(fixture);
    const before = JSON.stringify(d.dump());
    await expect(computeRanking(port, defaultPolicy())).rejects.toMatchObject({ code: "RESULT_AREA_NOT_EMPTY" });
    expect(JSON.stringify(d.dump())).toBe(before);

    const tables = await port.listTables();
    const asked: unknown[] = [];
    const no = await computeRanking(port, defaultPolicy(), { snapshot: true, confirmOverwrite: async (c) => (asked.push(c), false) });
    expect(no.declined).toBe(true);
    expect(no.snapshot).toBeUndefined();
    expect(no.summary.tables.every((t) => !t.written)).toBe(true);
    // Only the one cell that holds something (P4), not the whole area O1:R12.
    expect(asked).toEqual([[{ sheet: ANNUAL_SHEET, table: ANNUAL_TABLE, kind: "annual", what: "area", range: { sheet: ANNUAL_SHEET, top: 4, left: 16, bottom: 4, right: 16 } }]]);
    expect(JSON.stringify(d.dump())).toBe(before);

    let taken: unknown = null;
    const r = await computeRanking(port, defaultPolicy(), { annualTable: tables[0], confirmOverwrite: async () => true, onSnapshot: (s) => (taken = s) });
    expect(r.snapshot).toBe(taken);
    expect(d.cell(ANNUAL_SHEET, "P4")).toMatchObject({ value: 2, fill: "#FFEB9C", note: null });
    await port.restore(r.snapshot!);
    expect(JSON.stringify(d.dump())).toBe(before);
  });

  test("an existing result column: the CLI overwrites it silently; with confirmOverwrite it is asked about unless ownResults recognises it", async () => {
    const fixture = annualWorkbook();
    const sheet = fixture.sheets![0];
    sheet.rows![0].push("等次");
    sheet.rows!.slice(1).forEach((row, i) => row.push(i === 0 ? "优秀（手工）" : ""));
    sheet.tables = [{ name: ANNUAL_TABLE, address: "A1:O12" }];
    const { d, port } = setup(fixture);
    const asked: string[] = [];
    const ask = async (c: { what: string; header?: string; range: { left: number } }[]) => (asked.push(...c.map((x) => `${x.what}:${x.header}:${x.range.left}`)), false);
    expect((await computeRanking(port, defaultPolicy(), { confirmOverwrite: ask })).declined).toBe(true);
    expect(asked).toEqual(["column:等次:15"]);
    expect(d.cell(ANNUAL_SHEET, "O2").value).toBe("优秀（手工）");
    // Recognised as the add-in's own: not asked.
    asked.length = 0;
    const r = await computeRanking(port, defaultPolicy(), { confirmOverwrite: ask, ownResults: (ref, key, column, values) => key === "grade" && column === 15 && values[0] === "优秀（手工）" });
    expect(r.declined).toBeUndefined();
    expect(asked).toEqual([]);
    expect(d.cell(ANNUAL_SHEET, "O2").value).toBe("称职");
    // The CLI (no confirmOverwrite) writes over it without asking, as before.
    d.type(ANNUAL_SHEET, "O2", "优秀（手工）");
    await computeRanking(port, defaultPolicy());
    expect(d.cell(ANNUAL_SHEET, "O2").value).toBe("称职");
  });
});

describe("computing the chosen annual table (annualTable)", () => {
  test("only the chosen annual table is read and written; the other annual tables stay untouched; each rectangle is read once", async () => {
    const base = annualWorkbook();
    const first = base.sheets![0];
    const second = { ...first, name: "年度考核2", tables: [{ name: "第二表", address: "A1:N12" }], cells: {} };
    const { d, port } = setup({ ...base, sheets: [first, second, base.sheets![1]] });
    const reads: string[] = [];
    const counting: WorkbookPort = Object.assign(Object.create(port) as WorkbookPort, {
      readTable: (ref: TableRef) => (reads.push(`table:${ref.name}`), port.readTable(ref)),
      readRange: (range: { sheet: string; top: number; left: number }) => (reads.push(`range:${range.sheet}!${range.top},${range.left}`), port.readRange(range as never)),
    });
    const tables = await port.listTables();
    const chosen = tables.find((t) => t.name === "第二表")!;
    const before = JSON.stringify(d.dump());
    const r = await computeRanking(counting, defaultPolicy(), { annualTable: { ...chosen } });
    expect(reads).toEqual(["table:第二表", "range:年度考核2!1,15"]);
    expect(r.summary.tables.map((t) => t.name)).toEqual(["第二表"]);
    expect(r.summary.skipped).toEqual([{ sheet: ANNUAL_SHEET, name: ANNUAL_TABLE, kind: "annual", address: "A1:N12" }]);
    expect(d.values("年度考核2", "O1:O2")).toEqual([["综合得分"], [95]]);
    expect(d.values(ANNUAL_SHEET, "O1:O2")).toEqual([[""], [""]]);
    const untouched = (dump: string) => JSON.stringify((JSON.parse(dump) as { sheets: { name: string }[] }).sheets.find((s) => s.name === ANNUAL_SHEET));
    expect(untouched(JSON.stringify(d.dump()))).toBe(untouched(before));
    // A chosen table that is no longer there: refused, nothing written.
    await expect(computeRanking(port, defaultPolicy(), { annualTable: { ...chosen, sheet: "不存在" } })).rejects.toMatchObject({ code: "NO_TABLE" });
  });
});
