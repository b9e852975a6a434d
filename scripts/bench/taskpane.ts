// taskpane: the compute action (computeRanking with an undo snapshot, as the task pane runs it)
// through the Office.js adapter on the in-memory Excel double (test/support/excel-double.js), in a
// fresh process per size. ms includes the double's own work of simulating Excel (parsing every
// request, applying it to its cell store), so it bounds the adapter's cost from above; syncs and the
// largest request are what a real Excel would see.
import * as path from "node:path";
import { computeRanking } from "../../src/actions";
import { defaultPolicy } from "../../src/engine/policy";
import { OfficeWorkbook } from "../../src/workbook/office";
import { generateTable, HEADERS, SHEET } from "./rows";
import { progress, round, ROOT, runNode } from "./util";

export interface TaskpaneResult {
  rows: number;
  ms: number;
  syncs: number;
  /** Syncs that carried one block of a chunked read or write (the rest is the constant). */
  chunks: number;
  maxRequestKB: number;
  requests: number;
}

export const TASKPANE_SIZES = [10_000, 100_000];

interface DoubleModule {
  createWorkbook(fixture: unknown): {
    install(root: unknown): { stats: { syncs: number; requests: { bytes: number }[] } };
  };
}

export async function taskpaneWorker(n: number): Promise<TaskpaneResult> {
  // The double is plain JavaScript outside the compiled tree: loaded from the repository at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const double = require(path.join(ROOT, "test", "support", "excel-double.js")) as DoubleModule;
  const table = generateTable(n);
  const rows = [HEADERS, ...table.rows.map((r) => r.map((v) => (v === undefined ? null : v)))];
  const d = double.createWorkbook({ sheets: [{ name: SHEET, rows }], active: SHEET, selection: `${SHEET}!A1` }).install(globalThis);
  const port = new OfficeWorkbook();
  const t = performance.now();
  const result = await computeRanking(port, defaultPolicy(), { snapshot: true });
  const ms = performance.now() - t;
  if (result.summary.tables[0]?.rows !== n) throw new Error(`taskpane: computed ${result.summary.tables[0]?.rows} rows of ${n}`);
  return {
    rows: n,
    ms: round(ms),
    syncs: d.stats.syncs,
    chunks: port.stats.chunks,
    maxRequestKB: round(Math.max(...d.stats.requests.map((r) => r.bytes)) / 1024, 1),
    requests: d.stats.requests.length,
  };
}

export async function benchTaskpane(sizes = TASKPANE_SIZES): Promise<TaskpaneResult[]> {
  const out: TaskpaneResult[] = [];
  for (const n of sizes) {
    progress(`taskpane: compute on the Excel double, ${n.toLocaleString("en")} rows`);
    const run = await runNode([__filename.replace(/taskpane\.js$/, "main.js"), "--worker", "taskpane", "--rows", String(n)]);
    if (run.code !== 0) throw new Error(`taskpane worker failed at ${n} rows: ${run.stderr.trim().split("\n").slice(-3).join(" ")}`);
    out.push(JSON.parse(run.stdout.trim().split("\n").pop() as string) as TaskpaneResult);
  }
  return out;
}
