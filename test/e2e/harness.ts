// The browser suite's plumbing: a production build that loads office.js from localhost, a tiny
// static server on localhost, Debian's chromium through playwright-core, and the Excel double
// injected into the page before any of its scripts run.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { WorkbookFixture } from "../support/excel-double";

/** The repository (found upwards, so that the benchmark's compiled copy of this file finds it too). */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "manifest.xml"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "..", "..");
  }
}
export const ROOT = repositoryRoot(__dirname);
export const OUT = path.join(ROOT, "test-output");
export const SCREENSHOTS = path.join(OUT, "screenshots");
const E2E_DIST = path.join(OUT, "e2e-dist");

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/** `npm run build` with office.js served from dist/office-js/ (ASSESS_LOCAL_OFFICE_JS=1), into test-output/e2e-dist. */
export function buildLocal(): string {
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] }), "--mode", "production", "--config-name", "excel", "--output-path", E2E_DIST], {
    cwd: ROOT,
    env: { ...process.env, ASSESS_LOCAL_OFFICE_JS: "1" },
    stdio: "pipe",
  });
  return E2E_DIST;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css", ".png": "image/png", ".json": "application/json", ".map": "application/json" };

export interface Server {
  origin: string;
  close(): Promise<void>;
}

export function serve(dir: string): Promise<Server> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = path.join(dir, url);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(data);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

const DOUBLE_SOURCE = fs.readFileSync(path.join(ROOT, "test", "support", "excel-double.js"), "utf8");

/**
 * Put the Excel double into the page before office.js and the add-in load. Into the pane's own window
 * only: init scripts run in every frame, and office.js adds an iframe of its own a few seconds after it
 * loads — a second workbook built there (0.36 s for 20,000 rows, seen in a Chrome trace) would be the
 * harness's work on the page's thread, in the middle of whatever the pane is doing.
 */
export async function injectDouble(page: Page, fixture: WorkbookFixture): Promise<void> {
  await page.addInitScript({ content: `if (window.top === window) {\n${DOUBLE_SOURCE}\n;window.ExcelDouble.createWorkbook(${JSON.stringify(fixture)}).installBrowser(window);\n}` });
}

/** Run a function against the page's double (window.__excelDouble). */
export function inDouble<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([f, a]) => {
    const d = (window as unknown as { __excelDouble: Record<string, (...x: unknown[]) => unknown> }).__excelDouble;
    const v = (d as unknown as Record<string, unknown>)[f as string];
    return (typeof v === "function" ? (v as (...x: unknown[]) => unknown).apply(d, a as unknown[]) : v) as T;
  }, [fn, args] as const) as Promise<T>;
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A screenshot of the whole pane: the page is made as tall as the pane's scrolled content for the shot. */
export async function shotAll(page: Page, name: string): Promise<string> {
  const size = page.viewportSize() ?? { width: 380, height: 860 };
  const extra = await page.evaluate(() => {
    const app = document.getElementById("app");
    return app ? app.scrollHeight - app.clientHeight : 0;
  });
  if (extra > 0) await page.setViewportSize({ width: size.width, height: size.height + extra });
  try {
    return await shot(page, name);
  } finally {
    if (extra > 0) await page.setViewportSize(size);
  }
}

export async function launch(executablePath: string): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js", { paths: [ROOT] }), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/**
 * axe-core's violations on the page as it is now (WCAG 2.x A/AA and axe's best practices). Its source
 * is evaluated in the page through the DevTools protocol, which the page's CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Colours are measured on still frames: wait for running animations (a dialog fading in) to end.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { timeout: 5000 }).catch(() => undefined);
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.evaluate(`${AXE_SOURCE};void 0`);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<Result> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}
