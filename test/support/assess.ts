// Running `assess` in tests, one way each: as staff run it (node bin/assess.js on the compiled lib/,
// in a child process) or in this process (the CLI's run() with its output captured).
import { execFileSync, spawnSync } from "node:child_process";
import * as path from "node:path";
import { run } from "../../src/cli/main";

export const REPO = path.resolve(__dirname, "..", "..");

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Compile lib/ as `npm run prepare` does (bin/assess.js runs lib/cli/main.js). */
export function compileCli(): void {
  execFileSync(process.execPath, [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
}

/** `node bin/assess.js …args` in a child process (compileCli first). */
export function assessBin(args: readonly string[], cwd = REPO): Ran {
  const r = spawnSync(process.execPath, [path.join(REPO, "bin/assess.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI's run() in this process, its output captured; with --json (and an exit other than 2) the JSON parsed. */
export async function assessHere<J = unknown>(args: readonly string[]): Promise<Ran & { code: number; json?: J }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, ...(args.includes("--json") && code !== 2 ? { json: JSON.parse(stdout) as J } : {}) };
}
