// Property: computing on an .xlsx and writing it back never changes an input cell — whatever the
// cells hold (numbers, text that looks like a formula, full-width digits, dates, booleans, errors,
// formulas with cached results, blanks), wherever loose cells and user fills sit.
import fc from "fast-check";
import { computeRanking } from "../../src/actions/computeRanking";
import { ActionError } from "../../src/actions/errors";
import { defaultPolicy } from "../../src/engine/policy";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { buildBytes, decodeAddress, dumpCells, loadExcel, TestCell, WorkbookSpec } from "../support/xlsx-builders";

const HEADERS = ["编号", "姓名", "分组", "主要负责人", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评", "真抓实干激励"];
const CHARS = ["a", "Z", "0", "9", "=", "+", "-", "@", "%", ".", " ", "９", "０", "％", "过", "得", "硬", "合", "格", "是", "否", "区", "级", "\u3000", "'", '"', "<", "&"];

const text = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 8 });
const cell: fc.Arbitrary<TestCell> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -10, max: 130 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  text,
  fc.constantFrom("过得硬", "合格", "不合格", "区级", "乡镇级", "是", "否", "区直单位", "镇街道", "90%", "９０"),
  fc.boolean(),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }, { error: "#VALUE!" }),
  fc.integer({ min: 0, max: 100 }).map((n): TestCell => ({ formula: `${n}+0`, result: n })),
  fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }).map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))),
);
const address = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })).map(([r, c]) => `${String.fromCharCode(64 + c)}${r}`);

const workbook: fc.Arbitrary<WorkbookSpec> = fc
  .record({
    top: fc.integer({ min: 1, max: 3 }),
    rows: fc.array(fc.array(cell, { minLength: HEADERS.length, maxLength: HEADERS.length }), { minLength: 0, maxLength: 8 }),
    loose: fc.dictionary(address, cell, { maxKeys: 4 }),
    fills: fc.dictionary(address, fc.constantFrom("FFFFFF00", "FF00B0F0", "FFFF0000"), { maxKeys: 4 }),
    listObject: fc.boolean(),
  })
  .map(({ top, rows, loose, fills, listObject }) => {
    // Loose cells never land on the table itself (they would be part of it).
    const bottom = top + rows.length;
    const outside = (a: string) => {
      const { row, col } = decodeAddress(a);
      return row < top || row > bottom || col > HEADERS.length;
    };
    return {
      sheets: [
        {
          name: "考核",
          tables: [{ origin: `A${top}`, headers: HEADERS, rows, ...(listObject ? { listObject: "T" } : {}) }],
          cells: Object.fromEntries(Object.entries(loose).filter(([a]) => outside(a))),
          fills,
        },
      ],
    };
  });

test("the xlsx round trip never changes an input cell", async () => {
  let computed = 0;
  await fc.assert(
    fc.asyncProperty(workbook, async (spec) => {
      const bytes = await buildBytes(spec);
      const wb = await XlsxWorkbook.load(bytes);
      let resultCells = new Set<string>();
      try {
        const { summary, analysis } = await computeRanking(wb, defaultPolicy());
        computed++;
        summary.tables.forEach((t, i) => {
          const ref = analysis.tables[i].ref;
          for (const c of t.resultColumns) for (let r = ref.headerRow; r <= ref.lastRow; r++) resultCells.add(`${c.column},${r}`);
        });
      } catch (e) {
        if (!(e instanceof ActionError)) throw e; // e.g. a loose cell right of the table: nothing is written
        resultCells = new Set();
      }
      const before = dumpCells(await loadExcel(bytes)).get("考核")!;
      const after = dumpCells(await loadExcel(await wb.toBuffer())).get("考核")!;
      const blank = { value: null, style: {}, note: null };
      for (const addr of new Set([...before.keys(), ...after.keys()])) {
        const { row, col } = decodeAddress(addr);
        if (resultCells.has(`${col},${row}`)) continue;
        expect({ addr, ...(after.get(addr) ?? blank) }).toEqual({ addr, ...(before.get(addr) ?? blank) });
      }
    }),
    { numRuns: 60 },
  );
  expect(computed).toBeGreaterThan(20); // most runs really write results
});
