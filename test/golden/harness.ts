// What the golden suites (golden.test.ts, scheme.test.ts, raw.test.ts) do the same way: run a case's
// input.xlsx through the action code the CLI uses, and check the input cells kept.
import * as fs from "node:fs";
import * as path from "node:path";
import { computeRanking, ComputeOptions } from "../../src/actions/computeRanking";
import { buildReport, JsonReport } from "../../src/actions/report";
import { policySha256, readPolicy } from "../../src/cli/main";
import type { Policy } from "../../src/engine/policy";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { buildBytes, decodeAddress, dumpCells, loadExcel, WorkbookSpec } from "../support/xlsx-builders";

type Computed = Awaited<ReturnType<typeof computeRanking>>;

export interface GoldenSetup {
  /** The settings of the case's policy.json; none: the default policy, and the case has no policy.json. */
  policy?: unknown;
  /** Under MAKE_GOLDEN=1, input.xlsx (and policy.json) are first written from this spec (golden.test.ts leaves that to inputs.test.ts). */
  writeFrom?: WorkbookSpec;
  /** The compute's options (the case's CLI arguments). */
  options?: ComputeOptions;
  /** The checks against the results worked out by hand: under MAKE_GOLDEN=1 expected.json is rewritten from the report only when they pass. */
  checkAgainstHand(report: JsonReport): void;
}

export interface GoldenRun {
  input: Uint8Array;
  output: Uint8Array;
  policy: Policy;
  report: JsonReport;
  result: Computed;
}

/** Run the case in `dir` (input.xlsx[, policy.json]) as `assess rank --json` does: the report and the output workbook. */
export async function goldenCase(dir: string, setup: GoldenSetup): Promise<GoldenRun> {
  const make = process.env.MAKE_GOLDEN === "1";
  const inputFile = path.join(dir, "input.xlsx");
  const policyFile = path.join(dir, "policy.json");
  if (make && setup.writeFrom) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(inputFile, await buildBytes(setup.writeFrom));
    if (setup.policy !== undefined) fs.writeFileSync(policyFile, JSON.stringify(setup.policy, null, 2) + "\n");
  }
  const input = new Uint8Array(fs.readFileSync(inputFile));
  expect(fs.existsSync(policyFile)).toBe(setup.policy !== undefined);
  const policy = await readPolicy(setup.policy !== undefined ? policyFile : undefined);
  const wb = await XlsxWorkbook.load(input);
  const result = await computeRanking(wb, policy, setup.options);
  const report = buildReport({ name: policy.name, sha256: policySha256(policy) }, result.analysis.tables, result.analysis.findings);
  const output = await wb.toBuffer();
  if (make) {
    setup.checkAgainstHand(report);
    fs.writeFileSync(path.join(dir, "expected.json"), JSON.stringify(report, null, 2) + "\n");
  }
  return { input, output, policy, report, result };
}

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
