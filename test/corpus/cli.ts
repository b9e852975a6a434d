// The built command line as the corpus harnesses (corpus.test.ts, broken.test.ts) run it: compiled with
// tsconfig.cli.json, then `node bin/assess.js …` in a child process, as a user runs it.
import { execFileSync, spawn } from "node:child_process";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "../..");

/** Compile the CLI (tsconfig.cli.json) that bin/assess.js runs. */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
}

export interface CliRun {
  code: number | null;
  /** SIGKILL: still running after two minutes (hung). */
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** `assess ARGS` in a child process working in `cwd`. */
export function runCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, "bin/assess.js"), ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    // Not a time assertion: a run still going after two minutes has hung.
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
