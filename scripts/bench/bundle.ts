// bundle: gzipped sizes (level 9) of the built functions and task pane bundles; office.js is served
// separately (Microsoft's CDN in production) and not counted. The task pane is taskpane.js plus
// fluent.js (Microsoft's Fluent 2 components, split into a chunk of their own).
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { round, ROOT } from "./util";

export interface BundleResult {
  functionsGzipKB: number;
  taskpaneGzipKB: number;
  functionsKB: number;
  taskpaneKB: number;
  /** Of the task pane: the Fluent chunk. */
  fluentGzipKB: number;
}

export function benchBundle(): BundleResult {
  const size = (file: string) => {
    const p = path.join(ROOT, "dist", file);
    if (!fs.existsSync(p)) throw new Error(`dist/${file} is missing: run npm run build`);
    const bytes = fs.readFileSync(p);
    return { raw: bytes.length / 1024, gz: zlib.gzipSync(bytes, { level: 9 }).length / 1024 };
  };
  const f = size("functions.js");
  const pane = size("taskpane.js");
  const fluent = size("fluent.js");
  return {
    functionsGzipKB: round(f.gz, 1),
    taskpaneGzipKB: round(pane.gz + fluent.gz, 1),
    functionsKB: round(f.raw, 1),
    taskpaneKB: round(pane.raw + fluent.raw, 1),
    fluentGzipKB: round(fluent.gz, 1),
  };
}
