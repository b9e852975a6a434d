// What both golden suites (golden.test.ts, scheme.test.ts) check the same way.
import type { computeRanking } from "../../src/actions/computeRanking";
import { decodeAddress, dumpCells, loadExcel } from "../support/xlsx-builders";

type Computed = Awaited<ReturnType<typeof computeRanking>>;

/**
 * Every cell outside the result columns keeps its value, format and note between the input and the
 * output workbook; `ownSheets` (the add-in's own sheets, rewritten on each compute) are skipped.
 */
export async function expectInputCellsKept(input: Uint8Array, output: Uint8Array, result: Computed, ownSheets: readonly string[] = []): Promise<void> {
  const before = dumpCells(await loadExcel(input));
  const after = dumpCells(await loadExcel(output));
  const resultCells = new Set<string>();
  for (const t of result.summary.tables) {
    const ref = result.analysis.tables.find((x) => x.ref.sheet === t.sheet)!.ref;
    for (const col of t.resultColumns) for (let r = ref.headerRow; r <= ref.lastRow; r++) resultCells.add(`${t.sheet}!${col.column},${r}`);
  }
  const blank = { value: null, style: {}, note: null };
  for (const [sheet, cells] of before) {
    if (ownSheets.includes(sheet)) continue;
    const out = after.get(sheet);
    expect(out).toBeDefined();
    for (const addr of new Set([...cells.keys(), ...out!.keys()])) {
      const { row, col } = decodeAddress(addr);
      if (resultCells.has(`${sheet}!${col},${row}`)) continue;
      expect({ cell: `${sheet}!${addr}`, ...(out!.get(addr) ?? blank) }).toEqual({ cell: `${sheet}!${addr}`, ...(cells.get(addr) ?? blank) });
    }
  }
}
