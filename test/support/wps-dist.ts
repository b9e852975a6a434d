// Where the tests find the WPS build (dist-wps/). `npm test` builds it with the Excel build; a test run
// on its own (npx jest test/wps) builds it once here if it is missing or older than its sources.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { distProblem, ROOT } from "./dist";

export const WPS_DIST = path.join(ROOT, "dist-wps");

export function ensureWpsDist(): string {
  const needed = ["main.js", "index.html", "ribbon.xml", "manifest.xml", "functions.json", "taskpane.html"];
  if (distProblem(WPS_DIST, needed)) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--config-name", "wps"], { cwd: ROOT, stdio: "inherit" });
  }
  return WPS_DIST;
}

export function readWps(file: string): string {
  return fs.readFileSync(path.join(ensureWpsDist(), file), "utf8");
}
