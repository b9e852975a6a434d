// Golden workbook cases, end to end through the same action code the CLI uses:
// test/golden/<case>/{input.xlsx, expected.json[, policy.json]}. expected.json is what
// `assess rank --json` prints; it is checked against the hand-computed results in cases.ts.
// MAKE_GOLDEN=1 rewrites expected.json from the output (only when the hand checks pass).
import * as fs from "node:fs";
import * as path from "node:path";
import type { JsonReport } from "../../src/actions/report";
import { FINDINGS_HEADERS, FINDINGS_SHEET, SEVERITY_LABEL } from "../../src/i18n/actions";
import { msg } from "../../src/i18n/messages";
import { policySha256 } from "../../src/cli/main";
import type { Policy } from "../../src/engine/policy";
import { HIGHLIGHT_FILLS } from "../../src/workbook/port";
import { fillOf, loadExcel } from "../support/xlsx-builders";
import { CASES, GoldenCase, HandRow } from "./cases";
import { expectInputCellsKept, goldenCase, GoldenRun } from "./harness";

const ROOT = __dirname;
const RESULT_KEYS = ["composite", "rank", "grade", "reasons"] as const;

function keyOf(row: Record<string, unknown>, all: Record<string, unknown>[]): string {
  const id = String(row.id);
  return all.filter((r) => String(r.id) === id).length > 1 ? `${id}@${row.row}` : id;
}

function expectedHighlight(hand: HandRow): keyof typeof HIGHLIGHT_FILLS | null {
  if (hand.reasons.includes("INVALID")) return "invalid";
  if (hand.reasons.includes("VETO")) return "veto";
  if (hand.reasons.includes("QUOTA") || hand.reasons.includes("QUOTA_TIE")) return "quota";
  if (hand.reasons.includes("AFFIRMED")) return "affirmed";
  return null;
}

function checkAgainstHand(c: GoldenCase, report: JsonReport): void {
  const rows = report.tables.flatMap((t) => t.rows);
  const seen = new Set<string>();
  for (const r of rows) {
    const key = keyOf(r, rows);
    const hand = c.hand[key];
    expect({ key, hand: hand !== undefined }).toEqual({ key, hand: true });
    expect({ key, composite: r.composite, rank: r.rank, grade: r.grade, reasons: r.reasons }).toEqual({ key, ...hand });
    seen.add(key);
  }
  expect([...seen].sort()).toEqual(Object.keys(c.hand).sort());
  expect(report.findings.map((f) => f.code)).toEqual(c.findingCodes);
}

describe.each(CASES.map((c) => [c.name, c] as const))("golden case %s", (name, c) => {
  const dir = path.join(ROOT, name);
  let input: Uint8Array;
  let output: Uint8Array;
  let policy: Policy;
  let report: JsonReport;
  let result: GoldenRun["result"];

  beforeAll(async () => {
    ({ input, output, policy, report, result } = await goldenCase(dir, { policy: c.policy, checkAgainstHand: (r) => checkAgainstHand(c, r) }));
  });

  test("the JSON result equals expected.json", () => {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as JsonReport;
    // The hash is the policy's own (sha256 of its canonical JSON); it changes whenever the policy does.
    expect(expected.policy.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.policy.sha256).toBe(policySha256(policy));
    expect({ ...report, policy: { ...report.policy, sha256: "-" } }).toEqual({ ...expected, policy: { ...expected.policy, sha256: "-" } });
  });

  test("expected.json agrees with the results worked out by hand from POLICY.md", () => {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as JsonReport;
    checkAgainstHand(c, expected);
  });

  test("exit status follows the findings' severity", () => {
    expect(result.summary.errors > 0 ? 1 : 0).toBe(c.exitCode);
  });

  test("every input cell keeps its value, format and note", async () => {
    await expectInputCellsKept(input, output, result);
  });

  test("result columns hold composite, rank, grade and reasons; fills and notes on the right rows", async () => {
    const wb = await loadExcel(output);
    for (const t of result.summary.tables) {
      const table = result.analysis.tables.find((x) => x.ref.sheet === t.sheet)!;
      const ws = wb.getWorksheet(t.sheet)!;
      if (!t.written) {
        expect(t.resultColumns).toEqual([]);
        continue;
      }
      const colOf = Object.fromEntries(t.resultColumns.map((x) => [x.key, x.column]));
      const jsonRows = report.tables.find((x) => x.sheet === t.sheet)!.rows;
      for (const r of jsonRows) {
        const cellValue = (k: string) => ws.getCell(r.row, colOf[k]).value;
        expect({ row: r.row, composite: cellValue("composite") ?? null, rank: cellValue("rank") ?? null, grade: cellValue("grade") ?? null }).toEqual({
          row: r.row,
          composite: r.composite,
          rank: r.rank,
          grade: r.grade,
        });
        if (r.composite !== null) expect(ws.getCell(r.row, colOf.composite).numFmt).toBe("0.00");
        const hand = c.hand[keyOf(r, jsonRows)];
        const reasons = cellValue("reasons");
        if (hand.reasons.length) expect(typeof reasons).toBe("string");
        else expect(reasons ?? null).toBeNull();
        const hl = expectedHighlight(hand);
        for (const k of RESULT_KEYS) {
          expect({ row: r.row, k, fill: fillOf(ws.getCell(r.row, colOf[k])) }).toEqual({ row: r.row, k, fill: hl ? HIGHLIGHT_FILLS[hl] : null });
        }
        // Every highlighted row's grade cell carries a note: its reasons, or for a veto that changed nothing why it is red.
        const note = ws.getCell(r.row, colOf.grade).note;
        expect({ row: r.row, note: note ?? null }).toEqual({ row: r.row, note: hl ? (reasons ?? (hl === "veto" ? msg.vetoWithoutEffect.zh : null)) : null });
        if (hl) expect(note).toBeTruthy();
      }
      // Appended headers speak the table's language.
      for (const x of t.resultColumns.filter((y) => !y.existing)) {
        const header = ws.getCell(table.ref.headerRow, x.column).value;
        const spec = table.resultSpecs.find((s) => s.key === x.key)!;
        expect([spec.zh, spec.en]).toContain(header);
      }
    }
  });

  test("the 校验结果 sheet lists every finding", async () => {
    const wb = await loadExcel(output);
    const ws = wb.getWorksheet(FINDINGS_SHEET)!;
    expect(ws).toBeDefined();
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1, 8), (v) => v ?? null)));
    expect(rows[0]).toEqual(FINDINGS_HEADERS);
    const expected = report.findings.length
      ? report.findings.map((f) => [f.code, SEVERITY_LABEL[f.severity], f.sheet, f.row, f.cell, f.message.zh, f.message.en])
      : [["OK", null, null, null, null, "通过：未发现问题。", "Passed: no findings."]];
    const pad = (r: unknown[]) => [...r, ...new Array(7 - r.length).fill(null)];
    expect(rows.slice(1).map(pad)).toEqual(expected);
  });
});
