// Small helpers shared by the benchmark sections: where the repository is, medians, child
// processes that report their own peak memory, and progress lines that never pollute --json output.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The repository root: the nearest folder above this file with the add-in's package.json. */
export const ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "assess-excel-addin") return dir;
    if (path.dirname(dir) === dir) throw new Error("benchmark: repository root not found");
  }
})();

/** Scratch space for generated workbooks (kept between runs: generating 100k rows takes seconds). */
export const WORK = path.join(os.tmpdir(), "assess-bench");

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const round = (x: number, places = 0): number => Number(x.toFixed(places));

/** Progress goes to stderr, so that `--json` leaves stdout to the one JSON object. */
export function progress(text: string): void {
  process.stderr.write(`  · ${text}\n`);
}

export interface ChildRun {
  code: number | null;
  ms: number;
  /** Peak resident memory of the child, from its own process.resourceUsage() at exit (rss-preload.js). */
  rssMB: number | null;
  /** CPU time of the child (user + system): steadier than wall time when the machine is shared. */
  cpuMs: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a Node script in a fresh process: wall time from spawn to exit (Node's start-up included, as a
 * user sees it) and the child's peak RSS, reported by a preloaded module when the child exits.
 */
export function runNode(args: string[], options: { cwd?: string; timeoutMs?: number; nodeFlags?: string[] } = {}): Promise<ChildRun> {
  fs.mkdirSync(WORK, { recursive: true });
  const rssFile = path.join(WORK, `rss-${process.pid}-${Date.now()}.json`);
  const preload = path.join(ROOT, "scripts", "bench", "rss-preload.js");
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), "--require", preload, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ASSESS_BENCH_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = options.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs) : null;
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      if (timer) clearTimeout(timer);
      let rssMB: number | null = null;
      let cpuMs: number | null = null;
      try {
        const usage = JSON.parse(fs.readFileSync(rssFile, "utf8"));
        rssMB = usage.maxRssKB / 1024;
        cpuMs = usage.cpuMs;
        fs.unlinkSync(rssFile);
      } catch {
        // the child died before its exit hook ran (killed on timeout): no figure
      }
      resolve({ code, ms, rssMB, cpuMs, stdout, stderr });
    });
  });
}

/** Run any command; resolves with its exit code, wall time and output. */
export function runCommand(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<{ code: number | null; ms: number; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, options.timeoutMs)
      : null;
    child.on("error", (e) => resolve({ code: null, ms: performance.now() - start, stdout, stderr: String(e), timedOut }));
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, ms: performance.now() - start, stdout, stderr, timedOut });
    });
  });
}

export function formatRows(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
}
