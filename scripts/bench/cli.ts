// cli: `assess rank in.xlsx --out out.xlsx` end to end on generated workbooks, in a fresh process:
// wall time from spawn to exit (Node's start-up included) and the child's peak RSS. The output is
// read back and compared with the engine's results on every row.
import * as fs from "node:fs";
import * as path from "node:path";
import { computeAnnual } from "../../src/engine/annual";
import { defaultPolicy } from "../../src/engine/policy";
import { Check, checkSummary, compareWithEngine } from "./compare";
import { generateTable } from "./rows";
import { median, progress, round, ROOT, runNode, WORK } from "./util";
import { readCliResults, writeInputWorkbook } from "./workbooks";

export interface CliResult {
  rows: number;
  ms: number;
  rssMB: number;
  /** CPU time of the child (median), user + system. */
  cpuMs: number;
  runs: number[];
  /** Exit status of `assess rank`: 1 = the input has errors (the generated rows include a few bad cells). */
  exit: number | null;
  check: Check;
}

export const CLI_SIZES = [1_000, 10_000, 100_000];

export async function benchCli(sizes = CLI_SIZES): Promise<CliResult[]> {
  const bin = path.join(ROOT, "bin", "assess.js");
  const policy = defaultPolicy();
  const out: CliResult[] = [];
  for (const n of sizes) {
    const table = generateTable(n);
    const input = path.join(WORK, `input-${n}.xlsx`);
    const output = path.join(WORK, `output-${n}.xlsx`);
    progress(`cli: writing the input workbook, ${n.toLocaleString("en")} rows`);
    await writeInputWorkbook(input, table);
    const repeats = 3;
    const runs: number[] = [];
    const rss: number[] = [];
    const cpu: number[] = [];
    let exit: number | null = null;
    for (let k = 0; k < repeats; k++) {
      progress(`cli: assess rank, ${n.toLocaleString("en")} rows (run ${k + 1}/${repeats})`);
      fs.rmSync(output, { force: true });
      const r = await runNode([bin, "rank", input, "--out", output]);
      exit = r.code;
      if ((r.code !== 0 && r.code !== 1) || !fs.existsSync(output)) throw new Error(`assess rank failed at ${n} rows (exit ${r.code}): ${r.stderr.trim().slice(0, 300)}`);
      runs.push(r.ms);
      if (r.rssMB !== null) rss.push(r.rssMB);
      if (r.cpuMs !== null) cpu.push(r.cpuMs);
    }
    const check = compareWithEngine(computeAnnual(table, policy), await readCliResults(output));
    progress(`cli: ${checkSummary(check)}`);
    out.push({ rows: n, ms: round(median(runs)), rssMB: round(Math.max(...rss)), cpuMs: round(median(cpu)), runs: runs.map((x) => round(x)), exit, check });
  }
  return out;
}
