// Where the tests find the built add-in. `npm test` builds before jest runs; a test run on its own
// (npx jest …) builds once here if dist/ is missing.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

export function ensureDist(): string {
  const needed = ["functions.js", "functions.json", "functions.zh-CN.json", "taskpane.html"];
  if (needed.some((f) => !fs.existsSync(path.join(DIST, f)))) {
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
