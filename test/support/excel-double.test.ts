// The Excel double itself: a command over many cells gives the page's event loop turns (as a host in
// another process would), reads what was written, sizes its answers as JSON would, and keeps the used
// range it remembers in step with the cells.
import { createWorkbook } from "./excel-double";

type Ctx = {
  workbook: { worksheets: { getItem(name: string): Sheet } };
  sync(): Promise<void>;
};
type Range = { values: unknown[][]; address: string; load(spec: string): Range; clear(): void };
type Sheet = { getRange(address: string): Range; getUsedRange(valuesOnly?: boolean): Range };
type ExcelGlobal = { Excel: { run<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> } };

const excel = () => (globalThis as unknown as ExcelGlobal).Excel;

describe("the Excel double", () => {
  test("a 20,000 × 15 read gives the event loop turns while it runs, and reads what was put there", async () => {
    const rows = Array.from({ length: 20_000 }, (_, r) => Array.from({ length: 15 }, (_, c) => r * 100 + c));
    createWorkbook({ sheets: [{ name: "S", rows }] }).install(globalThis);
    let turns = 0;
    let reading = true;
    const tick = () => {
      if (!reading) return;
      turns++;
      setTimeout(tick, 0);
    };
    const values = await excel().run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("S").getRange("A1:O20000").load("values");
      setTimeout(tick, 0);
      await ctx.sync();
      reading = false;
      return range.values;
    });
    expect(values).toHaveLength(20_000);
    expect(values[0]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(values[19_999][14]).toBe(1_999_914);
    // One command of 300,000 cells: were it run in one go, the timer could not fire before it ended.
    expect(turns).toBeGreaterThan(1);
  });

  test("the size of a read's answer is its JSON's size in UTF-8", async () => {
    const rows = [
      ["中文", 'quote " and \\ back', "tab\there"],
      [1.5, -0.25, true],
      ["😀 emoji", "\u0001", ""],
    ];
    const d = createWorkbook({ sheets: [{ name: "S", rows }] }).install(globalThis);
    d.resetStats();
    const values = await excel().run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("S").getRange("A1:C3").load("values");
      await ctx.sync();
      return range.values;
    });
    expect(values).toEqual(rows);
    // 16 bytes per loaded object and the property's name with 4 bytes of punctuation, plus the values' JSON.
    const json = Buffer.byteLength(JSON.stringify(rows), "utf8");
    expect(d.stats.requests[0].responseBytes).toBe(16 + "values".length + 4 + json);
  });

  test("the used range follows writes and clears", async () => {
    createWorkbook({ sheets: [{ name: "S", rows: [["a", "b"], [1, 2]] }] }).install(globalThis);
    const used = () =>
      excel().run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getUsedRange(true).load("address");
        await ctx.sync();
        return r.address;
      });
    expect(await used()).toBe("S!A1:B2");
    await excel().run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("D7").values = [["x"]];
      await ctx.sync();
    });
    expect(await used()).toBe("S!A1:D7");
    await excel().run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("D7").clear();
      await ctx.sync();
    });
    expect(await used()).toBe("S!A1:B2");
  });
});
