// `npm run bench`: build what the benchmark measures, then run it (scripts/bench/main.ts).
//   lib/   (npm run prepare)  — the CLI that `assess rank` runs
//   dist/  (npm run build)    — functions.js and taskpane.js, for the functions and bundle sections
//   test-output/bench/        — this folder and the sources it imports, compiled by tsc
// --no-build skips the first two (they must then be current). Every other argument goes to main.ts.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const args = process.argv.slice(2);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function step(label, cmd, cmdArgs, { tolerate = false } = {}) {
  process.stderr.write(`  · ${label}\n`);
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (r.status !== 0 && !tolerate) {
    process.stderr.write(r.stderr || `${label} failed\n`);
    process.exit(1);
  }
  return r;
}

if (!args.includes("--no-build")) {
  step("building lib/ (npm run prepare)", npm, ["run", "--silent", "prepare"]);
  step("building dist/ (npm run build)", npm, ["run", "--silent", "build"]);
}
const tsc = require.resolve("typescript/bin/tsc");
// Type errors elsewhere in src/ (work in progress) must not hide the figures: tsc still emits; say so.
const compiled = step("compiling the benchmark", process.execPath, [tsc, "-p", path.join(__dirname, "tsconfig.json")], { tolerate: true });
const main = path.join(ROOT, "test-output", "bench", "scripts", "bench", "main.js");
if (compiled.status !== 0) {
  if (!fs.existsSync(main)) {
    process.stderr.write(compiled.stdout || compiled.stderr || "tsc failed\n");
    process.exit(1);
  }
  process.stderr.write("  · (tsc reported type errors; the benchmark runs the emitted code)\n");
}
const run = spawnSync(process.execPath, [main, ...args.filter((a) => a !== "--no-build")], { cwd: ROOT, stdio: "inherit" });
process.exit(run.status === null ? 1 : run.status);
