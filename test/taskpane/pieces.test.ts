// Long arrays between the page and the engine's worker go in pieces (src/taskpane/pieces.ts): each
// piece is its own message of at most PIECE_CELLS cells, the message follows with markers, and the
// receiver gets back exactly what was sent.
import { Assembly, PIECE_CELLS, split } from "../../src/taskpane/pieces";

/** Send `value` as the page and the worker do: every piece, then the head, each copied (structuredClone). */
function roundTrip(value: unknown) {
  const { head, pieces } = split(value);
  const received = new Assembly();
  for (const p of pieces) received.add(structuredClone(p));
  return { pieces, back: received.finish(structuredClone(head)) };
}

describe("pieces", () => {
  test("a 20,000-row table of 8 columns crosses in pieces of at most 8,192 cells and comes back equal", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`X${i}`, `干部${i}`, 60 + (i % 40), null, true, "", { error: "#N/A" }, i / 7]);
    const table = { sheet: "年度考核", headers: ["编号", "姓名", "a", "b", "c", "d", "e", "f"], rows, headerRow: 1, firstColumn: 1 };
    const { pieces, back } = roundTrip(table);
    // 8,192 cells / 8 per row = 1,024 rows a piece: 20,000 rows make 20 pieces (19 × 1,024 + 544).
    expect(pieces.length).toBe(20);
    expect(Math.max(...pieces.map((p) => p.items.length * 8))).toBeLessThanOrEqual(PIECE_CELLS);
    expect(back).toEqual(table);
    // The sender's value is left as it was.
    expect(table.rows).toBe(rows);
    expect(table.rows.length).toBe(20_000);
  });

  test("a port call's arguments: each long column of a write, and the findings of a result, in their places", () => {
    const values = (k: number) => Array.from({ length: 5_000 }, (_, i) => (i % 3 ? i * k : null));
    const args = [{ sheet: "S", headerRow: 1 }, [{ column: 17, header: "综合得分", values: values(1) }, { column: 18, values: values(2), numberFormat: "0" }]];
    const { pieces, back } = roundTrip(args);
    // 5,000 values a column, 8,192 a piece: one piece per column.
    expect(pieces.map((p) => [p.array, p.items.length])).toEqual([[0, 5_000], [1, 5_000]]);
    expect(back).toEqual(args);
    const findings = Array.from({ length: 3_000 }, (_, i) => ({ code: "MISSING", severity: "error", message: { zh: `第 ${i} 行`, en: `row ${i}` }, row: i + 2 }));
    const result = { summary: { rows: 3_000 }, findings, bytes: new Uint8Array([1, 2, 3]), when: new Date(0) };
    expect(roundTrip(result).back).toEqual(result);
  });

  test("short arrays and everything else travel as they are, in one message", () => {
    const value = { rows: [[1, 2], [3, 4]], names: ["a", "b"], bytes: new Uint8Array(2_000), when: new Date(0) };
    const { pieces, back } = roundTrip(value);
    expect(pieces).toEqual([]);
    expect(back).toEqual(value);
  });
});
