// engine: computeAnnual (validate, composite, grades, quota per pool, ranks) on generated rows.
// Each size runs in a fresh process (one size's heap does not tax the next), warms up, then times
// several runs and reports the median. No GC is forced between runs: each run also pays for
// collecting the previous run's result (the steady state of repeated computing); a forced full GC
// before each run measured slower still (V8 restarts from a shrunken young generation).
// rssMB is the worker's peak RSS, the generated input table included; inputRssMB is the RSS once the
// table is generated, before the first computation.
import { AnnualResults, computeAnnual } from "../../src/engine/annual";
import { defaultPolicy } from "../../src/engine/policy";
import { generateTable } from "./rows";
import { median, progress, round, runNode } from "./util";

export interface EngineResult {
  rows: number;
  ms: number;
  usPerRow: number;
  /** CPU time of the median run (user + system, GC threads included): steadier than wall time on a shared machine. */
  cpuMs: number;
  rssMB: number;
  inputRssMB: number;
  runs: number[];
  valid: number;
  findings: number;
  /** With --repeat: each round's median, in round order. */
  rounds?: number[];
}

export const ENGINE_SIZES = [1_000, 10_000, 100_000, 1_000_000];

/** Runs per size: more for the small sizes, whose times are short and noisy. */
function runsFor(n: number): { warmup: number; runs: number } {
  return n <= 1_000 ? { warmup: 20, runs: 31 } : n <= 10_000 ? { warmup: 10, runs: 21 } : n <= 100_000 ? { warmup: 3, runs: 9 } : { warmup: 1, runs: 7 };
}

function countValid(results: AnnualResults): number {
  let valid = 0;
  for (let j = 0; j < results.count; j++) if (results.valid(j)) valid++;
  return valid;
}

/** In the worker process: time computeAnnual on n generated rows. */
export function engineWorker(n: number): EngineResult {
  const table = generateTable(n);
  const policy = defaultPolicy();
  const inputRssMB = process.memoryUsage().rss / 2 ** 20;
  const { warmup, runs } = runsFor(n);
  let outcome = computeAnnual(table, policy);
  for (let k = 1; k < warmup; k++) outcome = computeAnnual(table, policy);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    outcome = null as unknown as typeof outcome; // the previous result is garbage now
    const c = process.cpuUsage();
    const t = performance.now();
    outcome = computeAnnual(table, policy);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const ms = median(times);
  return {
    rows: n,
    ms: round(ms, 1),
    usPerRow: round((ms * 1000) / n, 3),
    cpuMs: round(median(cpu), 1),
    rssMB: round(process.resourceUsage().maxRSS / 1024),
    inputRssMB: round(inputRssMB),
    runs: times.map((t) => round(t, 1)),
    valid: countValid(outcome.results),
    findings: outcome.findings.length,
  };
}

/**
 * Each size in a fresh worker; with `repeat` > 1, that many rounds over all sizes (interleaved, so a
 * slow spell of a shared machine falls on every size alike), and per size the round with the median
 * time is reported, its `rounds` listing every round's median.
 */
export async function benchEngine(sizes = ENGINE_SIZES, repeat = 1): Promise<EngineResult[]> {
  const rounds: EngineResult[][] = sizes.map(() => []);
  for (let r = 0; r < repeat; r++) {
    for (const [k, n] of sizes.entries()) {
      progress(`engine: ${n.toLocaleString("en")} rows${repeat > 1 ? ` (round ${r + 1}/${repeat})` : ""}`);
      const run = await runNode([__filename.replace(/engine\.js$/, "main.js"), "--worker", "engine", "--rows", String(n)]);
      if (run.code !== 0) throw new Error(`engine worker failed at ${n} rows: ${run.stderr.trim().split("\n").slice(-3).join(" ")}`);
      rounds[k].push(JSON.parse(run.stdout.trim().split("\n").pop() as string) as EngineResult);
    }
  }
  return rounds.map((results) => {
    const ordered = [...results].sort((a, b) => a.ms - b.ms);
    const chosen = ordered[(ordered.length - 1) >> 1];
    return repeat > 1 ? { ...chosen, rounds: results.map((x) => x.ms) } : chosen;
  });
}
