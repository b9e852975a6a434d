// How the pane answers while a big compute runs, measured in chromium (the browser suite and
// `npm run bench` share this): PerformanceObserver('longtask') records every task over 50 ms on the
// page's thread, and a click every 100 ms on the status line records how long the page took to start
// handling it (the handler's time minus the event's time stamp). Figures only: no test asserts a time.
import type { Page } from "playwright-core";

export interface Responsiveness {
  /** Where the engine ran: "worker" or "page". */
  engine: string;
  computeMs: number;
  longTasks: number;
  /** Longest task on the page's thread during the compute (ms; 0 when none was over 50 ms). */
  maxLongTaskMs: number;
  /** Sum of the long tasks (ms). */
  longTaskMs: number;
  /**
   * The same tasks without the time the Excel double spent simulating Excel inside them (it records
   * when it was busy): what is left is the add-in's own work on the page, which is what stays on the
   * page's thread with a real Excel (that works in another process).
   */
  maxAddinTaskMs: number;
  addinLongTasks: number;
  /** Time the double was busy on the page during the run (ms). */
  doubleMs: number;
  clicks: number;
  /** Longest and median delay before a click's handler ran (ms). */
  maxClickDelayMs: number;
  medianClickDelayMs: number;
  /** The longest click delay without the double's busy time inside it (what a real Excel would leave). */
  maxAddinClickDelayMs: number;
}

/** Click `selector` (a verb's button) and measure until the pane reports the verb finished. */
export async function measureVerb(page: Page, selector: string): Promise<Responsiveness> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: [number, number][]; __delays: [number, number][] };
    w.__long = [];
    w.__delays = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push([e.startTime, e.duration]))).observe({ type: "longtask", buffered: false });
    const d = (window as unknown as { __excelDouble?: { model: { busy: [number, number][] } } }).__excelDouble;
    if (d) d.model.busy.length = 0;
    document.getElementById("status")?.addEventListener("pointerdown", (e) => w.__delays.push([e.timeStamp, performance.now() - e.timeStamp]));
  });
  const done = Number((await page.getAttribute("#app", "data-done")) ?? "0");
  const box = await page.locator("#status").boundingBox();
  const t0 = Date.now();
  await page.click(selector);
  let finished = false;
  const finish = page.waitForSelector(`#app[data-done="${done + 1}"]`, { timeout: 600_000 }).then(() => (finished = true));
  while (!finished && box) {
    await page.mouse.click(box.x + 4, box.y + box.height / 2);
    await Promise.race([finish, new Promise((r) => setTimeout(r, 100))]);
  }
  await finish;
  const computeMs = Date.now() - t0;
  const m = await page.evaluate(() => {
    const w = window as unknown as { __long: [number, number][]; __delays: [number, number][]; __excelDouble?: { model: { busy: [number, number][] } } };
    return { long: w.__long.slice(), delays: w.__delays.slice(), busy: w.__excelDouble?.model.busy.slice() ?? [], engine: document.getElementById("app")?.dataset.engine ?? "" };
  });
  const overlap = (a: number, b: number) => m.busy.reduce((n, [s, e]) => n + Math.max(0, Math.min(b, e) - Math.max(a, s)), 0);
  const addin = m.long.map(([start, d]) => d - overlap(start, start + d));
  const delays = m.delays.map(([, d]) => d);
  const sorted = [...delays].sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    engine: m.engine,
    computeMs,
    longTasks: m.long.length,
    maxLongTaskMs: r1(Math.max(0, ...m.long.map(([, d]) => d))),
    longTaskMs: r1(m.long.reduce((a, [, d]) => a + d, 0)),
    maxAddinTaskMs: r1(Math.max(0, ...addin)),
    addinLongTasks: addin.filter((d) => d > 50).length,
    doubleMs: r1(m.busy.reduce((a, [s, e]) => a + e - s, 0)),
    clicks: m.delays.length,
    maxClickDelayMs: r1(Math.max(0, ...delays)),
    maxAddinClickDelayMs: r1(Math.max(0, ...m.delays.map(([at, d]) => d - overlap(at, at + d)))),
    medianClickDelayMs: r1(sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0),
  };
}
