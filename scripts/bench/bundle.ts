// bundle: gzipped sizes (level 9) of the built functions and task pane bundles; office.js is served
// separately (Microsoft's CDN in production) and not counted.
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { round, ROOT } from "./util";

export interface BundleResult {
  functionsGzipKB: number;
  taskpaneGzipKB: number;
  functionsKB: number;
  taskpaneKB: number;
}

export function benchBundle(): BundleResult {
  const size = (file: string) => {
    const p = path.join(ROOT, "dist", file);
    if (!fs.existsSync(p)) throw new Error(`dist/${file} is missing: run npm run build`);
    const bytes = fs.readFileSync(p);
    return { raw: bytes.length / 1024, gz: zlib.gzipSync(bytes, { level: 9 }).length / 1024 };
  };
  const f = size("functions.js");
  const t = size("taskpane.js");
  return { functionsGzipKB: round(f.gz, 1), taskpaneGzipKB: round(t.gz, 1), functionsKB: round(f.raw, 1), taskpaneKB: round(t.raw, 1) };
}
