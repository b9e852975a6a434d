// libreoffice: the same rows as a native-formula workbook (workbooks.ts says what the formulas model),
// recalculated headless by LibreOffice with forced recalculation (../shared/TOOLCHAIN.md), the results
// read back and compared with the engine's on every row.
//
// ms is LibreOffice end to end — start, load, recalculate, save — the same span as `assess rank`
// (start, read, compute, write). loadSaveMs is the same conversion
// of the recalculated workbook with recalculation off (cached values kept), so recalcMs = ms − loadSaveMs
// estimates the recalculation alone.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { computeAnnual } from "../../src/engine/annual";
import { defaultPolicy } from "../../src/engine/policy";
import { Check, checkSummary, compareWithEngine } from "./compare";
import { generateTable } from "./rows";
import { median, progress, round, runCommand, WORK } from "./util";
import { readNativeResults, writeNativeWorkbook } from "./workbooks";

export interface LibreOfficeResult {
  rows: number;
  /** End to end; when timedOut, the time limit it did not finish within (a lower bound). */
  ms: number;
  timedOut?: boolean;
  loadSaveMs: number;
  recalcMs: number;
  runs: number[];
  check: Check | null;
}

export const LIBREOFFICE_SIZES = [1_000, 10_000, 100_000];

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

/** soffice, installed through apt when missing and we may (root with apt-get); null with the reason otherwise. */
export function ensureSoffice(): { soffice: string | null; why?: string; version?: string } {
  let soffice = which("soffice");
  if (!soffice) {
    const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
    if (!isRoot || !which("apt-get")) return { soffice: null, why: "LibreOffice (soffice) is not installed; install it with: apt-get install -y --no-install-recommends libreoffice-calc-nogui" };
    progress("installing libreoffice-calc-nogui through apt-get (one time)");
    try {
      execFileSync("apt-get", ["update"], { stdio: "ignore" });
      execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "libreoffice-calc-nogui"], { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    } catch (e) {
      return { soffice: null, why: `apt-get install libreoffice-calc-nogui failed (${(e as Error).message.split("\n")[0]})` };
    }
    soffice = which("soffice");
    if (!soffice) return { soffice: null, why: "libreoffice-calc-nogui installed, but soffice is not on PATH" };
  }
  let version = "";
  try {
    version = execFileSync(soffice, ["--version"], { encoding: "utf8", timeout: 60_000 }).trim();
  } catch {
    // the version is only for the report
  }
  return { soffice, version };
}

/**
 * A scratch LibreOffice profile. OOXMLRecalcMode 0 = always recalculate on load (else LibreOffice
 * keeps the cached values — our formulas have none), 1 = never (to time load and save alone).
 */
function profile(recalc: boolean): string {
  const dir = path.join(WORK, recalc ? "lo-profile-recalc" : "lo-profile-keep");
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalc ? 0 : 1}</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

class TimedOut extends Error {}

async function convert(soffice: string, profileDir: string, input: string, outDir: string, timeoutMs: number): Promise<number> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const r = await runCommand(soffice, ["--headless", "--norestore", `-env:UserInstallation=file://${profileDir}`, "--convert-to", "xlsx", "--outdir", outDir, input], { timeoutMs });
  const out = path.join(outDir, path.basename(input));
  if (r.timedOut) throw new TimedOut(`LibreOffice did not finish within ${timeoutMs / 1000} s`);
  if (r.code !== 0 || !fs.existsSync(out)) throw new Error(`LibreOffice conversion failed (exit ${r.code}): ${r.stderr.trim().slice(0, 200)}`);
  return r.ms;
}

/** timeoutMs bounds one recalculation: past it the size is reported as "more than" the limit. */
export async function benchLibreOffice(soffice: string, sizes = LIBREOFFICE_SIZES, timeoutMs = 40 * 60_000): Promise<LibreOfficeResult[]> {
  const recalc = profile(true);
  const keep = profile(false);
  const policy = defaultPolicy();
  // A first start initialises the profile (seconds): not part of any measurement.
  const tiny = path.join(WORK, "native-warmup.xlsx");
  await writeNativeWorkbook(tiny, generateTable(10, 7));
  await convert(soffice, recalc, tiny, path.join(WORK, "lo-warmup"), 120_000);
  await convert(soffice, keep, tiny, path.join(WORK, "lo-warmup"), 120_000);

  const out: LibreOfficeResult[] = [];
  for (const n of sizes) {
    const table = generateTable(n);
    const input = path.join(WORK, `native-${n}.xlsx`);
    progress(`libreoffice: writing the native-formula workbook, ${n.toLocaleString("en")} rows`);
    await writeNativeWorkbook(input, table);
    const repeats = n >= 100_000 ? 1 : 3;
    const runs: number[] = [];
    const outDir = path.join(WORK, `lo-out-${n}`);
    try {
      for (let k = 0; k < repeats; k++) {
        progress(`libreoffice: recalculating ${n.toLocaleString("en")} rows (run ${k + 1}/${repeats})`);
        runs.push(await convert(soffice, recalc, input, outDir, timeoutMs));
      }
    } catch (e) {
      if (!(e instanceof TimedOut)) throw e;
      progress(`libreoffice: ${e.message}; reported as a lower bound`);
      out.push({ rows: n, ms: timeoutMs, timedOut: true, loadSaveMs: 0, recalcMs: timeoutMs, runs: [timeoutMs], check: null });
      continue;
    }
    const recalculated = path.join(outDir, path.basename(input));
    const check = compareWithEngine(computeAnnual(table, policy), await readNativeResults(recalculated));
    progress(`libreoffice: ${checkSummary(check)}`);
    // Load and save alone: the recalculated workbook (its formulas now carry cached values) converted
    // with recalculation off. (The written workbook has no cached values: LibreOffice would compute
    // its formulas anyway.)
    const keepRuns: number[] = [];
    const cached = path.join(WORK, `native-${n}-cached.xlsx`);
    fs.copyFileSync(recalculated, cached);
    for (let k = 0; k < repeats; k++) keepRuns.push(await convert(soffice, keep, cached, path.join(WORK, `lo-keep-${n}`), timeoutMs));
    const ms = median(runs);
    const loadSaveMs = median(keepRuns);
    out.push({ rows: n, ms: round(ms), loadSaveMs: round(loadSaveMs), recalcMs: round(ms - loadSaveMs), runs: runs.map((x) => round(x)), check });
  }
  return out;
}
