// responsiveness: the task pane in Debian's chromium (the production build, office.js from localhost,
// the Excel double in the page) computing a generated table; while it runs, PerformanceObserver('longtask')
// records the page's long tasks and a click every 100 ms records how long the page took to answer
// (test/e2e/responsiveness.ts, shared with the browser suite). The double simulates Excel in the page
// itself, so its work counts against the page: a real Excel does that work in another process.
import * as fs from "node:fs";
import { buildLocal, chromiumPath, injectDouble, launch, serve } from "../../test/e2e/harness";
import { measureVerb, Responsiveness } from "../../test/e2e/responsiveness";
import { generateTable, HEADERS, SHEET } from "./rows";
import { progress } from "./util";

export type ResponsivenessResult = Responsiveness & { rows: number };

export const RESPONSIVENESS_SIZES = [20_000];

export async function benchResponsiveness(sizes = RESPONSIVENESS_SIZES): Promise<ResponsivenessResult[] | { skipped: string }> {
  const chromium = chromiumPath();
  if (!chromium || !fs.existsSync(chromium)) return { skipped: "no chromium (apt-get install -y chromium)" };
  progress("responsiveness: building the pane with a local office.js");
  const server = await serve(buildLocal());
  const browser = await launch(chromium);
  const out: ResponsivenessResult[] = [];
  try {
    for (const n of sizes) {
      progress(`responsiveness: 计算排名 on ${n.toLocaleString("en")} rows in chromium`);
      const table = generateTable(n);
      const rows = [HEADERS, ...table.rows.map((r) => r.map((v) => (v === undefined ? null : v)))];
      const page = await (await browser.newContext({ viewport: { width: 450, height: 860 } })).newPage();
      await injectDouble(page, { sheets: [{ name: SHEET, rows: rows as (string | number | boolean | null)[][] }], active: SHEET, selection: `${SHEET}!A1` });
      await page.goto(`${server.origin}/taskpane.html`);
      await page.waitForSelector("#compute");
      out.push({ rows: n, ...(await measureVerb(page, "#compute")) });
      await page.context().close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
