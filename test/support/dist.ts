// Where the tests find the built add-in. `npm test` builds before jest runs; a test run on its own
// (npx jest …) builds once here if dist/ is missing or older than what it is built from — a stale
// bundle must not pass the tests of the sources that changed.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

/** What the build reads: the sources, the build's configuration, the manifest and the metadata script. */
const BUILD_INPUTS = ["src", "webpack.config.js", "manifest.xml", "package.json", "tsconfig.json", path.join("scripts", "functions-zh.js")];

/** The newest modification time among the files at `p` (a file, or a folder walked whole). */
function newest(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

/** Why a build folder must be built again, or "" when every needed file is there and newer than every build input. */
export function distProblem(dir: string, needed: readonly string[]): string {
  const missing = needed.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) return `missing ${missing.join(", ")}`;
  const built = Math.min(...needed.map((f) => fs.statSync(path.join(dir, f)).mtimeMs));
  const changed = BUILD_INPUTS.filter((p) => newest(path.join(ROOT, p)) > built);
  return changed.length ? `older than ${changed.join(", ")}` : "";
}

export function ensureDist(): string {
  const needed = ["functions.js", "functions.json", "functions.zh-CN.json", "taskpane.html"];
  if (distProblem(DIST, needed)) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
  return DIST;
}

export function readDist(file: string): string {
  return fs.readFileSync(path.join(ensureDist(), file), "utf8");
}
