// The WPS build in a real browser (Debian's chromium via playwright-core) on the WPS double: the add-in's
// two pages as WPS runs them — index.html (main.js: ribbon callbacks, custom functions) and the task
// pane (taskpane.html) — in one host page, both seeing the same window.Application, as every page of a
// WPS add-in does. Through every verb: 示例 (pane), 计算排名 · 反馈 · 校验 · 撤销 from the ribbon, a policy
// edit, a custom-function formula computed through WPS's registration. The compute leaves exactly what
// the Excel path leaves on the same sample (compared cell by cell). Screenshots in
// test-output/screenshots/wps-*.png. Under CI=true a missing chromium fails the suite.
import * as fs from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { computeRanking, insertSample } from "../../src/actions";
import { defaultPolicy } from "../../src/engine/policy";
import { localToday } from "../../src/taskpane/logic";
import { OfficeWorkbook } from "../../src/workbook/office";
import { POLICY_KEY } from "../../src/workbook/wps/plugin-storage";
import { SETTINGS_SHEET } from "../../src/workbook/wps/settings";
import { ROOT } from "../support/dist";
import { createWorkbook as createExcel } from "../support/excel-double";
import type { WpsDump, WpsFixture } from "../support/wps-double";
import { ensureWpsDist } from "../support/wps-dist";
import { normExcel, normWps } from "../wps/normalize";
import { describeIfPresent } from "../support/prerequisites";
import { chromiumPath, launch, serve, Server, SCREENSHOTS } from "./harness";

const chromium = chromiumPath();
const maybe = describeIfPresent({ suite: "test/e2e/wps (the WPS add-in in chromium)", needs: "chromium at /usr/bin/chromium", found: chromium !== null, install: "apt-get install -y chromium fonts-wqy-microhei" });

jest.setTimeout(120_000);

const SOURCES = ["excel-double.js", "wps-double.js"].map((f) => fs.readFileSync(path.join(ROOT, "test", "support", f), "utf8")).join("\n;\n");
const FEEDBACK_DATE = "2024-03-15";

/** A page holding index.html and taskpane.html side by side (the test's stand-in for WPS's window). */
const HOST_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>WPS</title></head>
<body style="margin:0;display:flex;gap:0">
<iframe id="addin" src="index.html" style="width:1px;height:1px;border:0"></iframe>
<iframe id="pane" src="taskpane.html" style="width:380px;height:860px;border:0"></iframe>
</body></html>`;

maybe("the WPS add-in in chromium, on the WPS double", () => {
  let browser: Browser;
  let server: Server;
  let context: BrowserContext;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!chromium) throw new Error("chromium is missing (/usr/bin/chromium): the browser suite cannot run. apt-get install -y chromium");
    server = await serve(ensureWpsDist());
    browser = await launch(chromium);
    context = await browser.newContext({ viewport: { width: 400, height: 880 }, locale: "zh-CN" });
    context.on("request", (r) => requests.push(r.url()));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /** The host page with the double in every frame: the top page makes the workbook, each frame installs the same one. */
  async function openWps(fixture: WpsFixture, olderBrowser = ""): Promise<{ page: Page; addin: Frame; pane: Frame }> {
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    // An older embedded Chromium, approximated by taking features away before any script runs.
    if (olderBrowser) await page.addInitScript({ content: olderBrowser });
    await page.addInitScript({
      content: `${SOURCES}
;(function () {
  if (window.top !== window && window.top.__wpsDouble) { window.top.__wpsDouble.install(window); return; }
  window.WpsDouble.createWorkbook(${JSON.stringify(fixture)}).install(window);
})();`,
    });
    await page.route(`${server.origin}/__wps.html`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: HOST_PAGE }));
    await page.goto(`${server.origin}/__wps.html`);
    const addin = page.frame({ url: /index\.html$/ }) as Frame;
    const pane = page.frame({ url: /taskpane\.html$/ }) as Frame;
    await addin.waitForFunction(() => !!(window as unknown as { __assessWps?: unknown }).__assessWps);
    await pane.waitForSelector(olderBrowser.includes("attachInternals") ? "#old-browser" : "#compute");
    return { page, addin, pane };
  }

  /** Run `fn` against the double (the top page's), with arguments. */
  function inWps<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
    return page.evaluate(([f, a]) => {
      const d = (window as unknown as { __wpsDouble: Record<string, unknown> }).__wpsDouble;
      const v = d[f as string];
      return (typeof v === "function" ? (v as (...x: unknown[]) => unknown).apply(d, a as unknown[]) : v) as T;
    }, [fn, args] as const) as Promise<T>;
  }

  const done = async (pane: Frame) => Number((await pane.getAttribute("#app", "data-done")) ?? "0");

  /** Press a ribbon button (WPS calls OnAction in index.html) and wait for the pane to finish the verb. */
  async function ribbon(addin: Frame, pane: Frame, id: string): Promise<void> {
    const before = await done(pane);
    const r = await addin.evaluate((control) => (window as unknown as { OnAction(c: { Id: string }): boolean }).OnAction(control), { Id: id });
    expect(r).toBe(true);
    await pane.waitForSelector(`#app[data-done="${before + 1}"]`);
  }

  async function click(pane: Frame, selector: string): Promise<void> {
    const before = await done(pane);
    await pane.click(selector);
    await pane.waitForSelector(`#app[data-done="${before + 1}"]`);
  }

  async function shot(page: Page, name: string): Promise<void> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.locator("#pane").screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }

  test("the pane outside WPS: a clear message, no hang", async () => {
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector("#outside-wps");
    expect(await page.textContent("#outside-wps")).toContain("请在 WPS 表格中打开");
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "wps-00-outside-wps.png") });
    await page.close();
  });

  test("an embedded Chromium without ElementInternals (before 77): the pane says WPS is too old, in both languages", async () => {
    const { page, pane } = await openWps({ sheets: [{ name: "Sheet1" }], active: "Sheet1", selection: "Sheet1!A1" }, "delete HTMLElement.prototype.attachInternals;");
    const text = await pane.textContent("#old-browser");
    expect(text).toContain("Chromium 77");
    expect(text).toContain("此 WPS 版本的内置浏览器过旧");
    expect(text).toContain("This WPS's built-in browser is too old");
    await shot(page, "wps-08-old-browser");
    await page.close();
  });

  test("without custom states and constructable style sheets (Chromium before 90 and 73): Fluent falls back to attributes and <style>; tabs and a verb still work", async () => {
    const older = `
      delete Document.prototype.adoptedStyleSheets; delete ShadowRoot.prototype.adoptedStyleSheets; delete CSSStyleSheet.prototype.replace;
      const supports = CSS.supports.bind(CSS);
      CSS.supports = (...a) => (String(a[0]).includes(":state(") ? false : supports(...a));`;
    const { page, pane } = await openWps({ sheets: [{ name: "Sheet1" }], active: "Sheet1", selection: "Sheet1!A1" }, older);
    // fast-element's fallback: the components' styles as <style> elements in their shadow roots; the
    // primary button still gets Fluent's brand background from the theme's tokens.
    const look = await pane.evaluate(() => {
      const b = document.querySelector("#compute") as HTMLElement;
      return { adopted: "adoptedStyleSheets" in ShadowRoot.prototype, styles: b.shadowRoot?.querySelectorAll("style").length ?? 0, bg: getComputedStyle(b).backgroundColor };
    });
    expect(look.adopted).toBe(false);
    expect(look.styles).toBeGreaterThan(0);
    expect(look.bg).not.toBe("rgba(0, 0, 0, 0)");
    await pane.click("#tab-policy");
    expect(await pane.getAttribute("#tab-policy", "aria-selected")).toBe("true");
    await pane.focus("#tab-policy");
    await pane.press("#tab-policy", "ArrowLeft");
    expect(await pane.getAttribute("#tab-validate", "aria-selected")).toBe("true");
    await pane.click("#tab-compute");
    await click(pane, "#sample");
    await pane.waitForSelector("#notice");
    expect(await pane.textContent("#notice")).toContain("已插入示例工作簿");
    await shot(page, "wps-09-older-chromium");
    await page.close();
  });

  describe("示例 → 计算排名 → 反馈 → 校验 → 政策 → 撤销, the ribbon driving the pane", () => {
    let page: Page;
    let addin: Frame;
    let pane: Frame;
    let blank: WpsDump;

    beforeAll(async () => {
      ({ page, addin, pane } = await openWps({ sheets: [{ name: "Sheet1" }], active: "Sheet1", selection: "Sheet1!A1" }));
      if ((await pane.textContent("#lang")) === "中文") await pane.click("#lang");
      blank = await inWps<WpsDump>(page, "dump");
    });
    afterAll(async () => page?.close());

    test("ready: the ribbon's labels and images from index.html, the pane in Chinese", async () => {
      const labels = await addin.evaluate(() => {
        const w = window as unknown as { OnGetLabel(c: { Id: string }): string; GetImage(c: { Id: string }): string };
        return ["assessTab", "assessCompute", "assessValidate", "assessFeedback", "assessUndo", "assessOpen"].map((Id) => w.OnGetLabel({ Id })).concat(w.GetImage({ Id: "assessCompute" }));
      });
      expect(labels).toEqual(["考核助手", "计算排名", "校验", "反馈", "撤销", "打开考核助手", "images/compute.svg"]);
      expect(await pane.textContent("#sample-row")).toContain("插入示例");
      await shot(page, "wps-01-ready");
    });

    test("示例 (in the pane) inserts the sample's eight sheets", async () => {
      await click(pane, "#sample");
      expect(await inWps<string[]>(page, "sheetNames")).toEqual(["Sheet1", "年度考核", "单位绩效", "市考指标", "历年等次", "政治建设考察", "民意调查", "民主测评票", "示例说明"]);
      expect(await pane.textContent("#notice")).toContain("已插入示例工作簿");
      await shot(page, "wps-02-sample");
    });

    test("计算排名 from the ribbon: the pane runs it and shows it; the cells, fills and notes are the Excel path's", async () => {
      await pane.fill("#feedback-date", FEEDBACK_DATE);
      await ribbon(addin, pane, "assessCompute");
      expect(await pane.locator("#notice").count()).toBe(0);
      expect(await pane.textContent("#app")).toContain("优秀");
      const wps = normWps(await inWps<WpsDump>(page, "dump"));
      // The Excel path on the same sample, with the same dates, in this process.
      const excel = createExcel({ sheets: [{ name: "Sheet1" }] }).install(globalThis);
      const office = new OfficeWorkbook();
      await insertSample(office, {});
      await computeRanking(office, defaultPolicy(), { feedback: { feedbackDate: FEEDBACK_DATE, today: localToday() } });
      expect(wps).toEqual(normExcel(excel.dump() as never));
      // veto red, affirmed green, quota amber, invalid grey on the annual results; reasons as 批注.
      const annual = Object.values(wps["年度考核"]);
      expect([...new Set(annual.map((c) => c.fill).filter(Boolean))].sort()).toEqual(["FFC6EFCE", "FFD9D9D9", "FFFFC7CE", "FFFFEB9C"]);
      expect(annual.filter((c) => c.note).length).toBeGreaterThan(3);
      // The add-in's record lives on the very hidden settings sheet.
      expect(await inWps<number>(page, "sheetVisibility", SETTINGS_SHEET)).toBe(2);
      await shot(page, "wps-03-computed");
    });

    test("反馈 from the ribbon keeps a status staff typed and counts it done", async () => {
      const values = await inWps<unknown[][]>(page, "values", "反馈", "A1:Z200");
      const head = values[0].map(String);
      const item = head.indexOf("扣分指标");
      const status = head.indexOf("状态");
      const row = values.findIndex((r, i) => i > 0 && r[item] !== "");
      const cell = `${String.fromCharCode(65 + status)}${row + 1}`;
      await inWps(page, "type", "反馈", cell, "已整改");
      await ribbon(addin, pane, "assessFeedback");
      expect((await inWps<{ value: unknown }>(page, "cell", "反馈", cell)).value).toBe("已整改");
      // The pane shows the 反馈 tab with the counts.
      expect(await pane.getAttribute("#tab-feedback", "aria-selected")).toBe("true");
      expect(await pane.textContent("#app")).toMatch(/已整改\s*1/);
      await shot(page, "wps-04-feedback");
    });

    test("校验 from the ribbon lists the findings; a click selects the cell in WPS", async () => {
      await ribbon(addin, pane, "assessValidate");
      expect(await pane.locator(".finding-list.error .finding").count()).toBeGreaterThan(0);
      const first = pane.locator(".finding[data-cell]").first();
      const target = await first.getAttribute("data-cell");
      await first.click();
      await page.waitForFunction((cell) => (window as unknown as { __wpsDouble: { selection: { address: string } | null } }).__wpsDouble.selection?.address === cell, target);
      await shot(page, "wps-05-validate");
    });

    test("a policy edit is saved in the workbook and the custom functions follow it", async () => {
      await inWps(page, "type", "Sheet1", "B2", "=ASSESS.COMPOSITE(92,88,90,85,95)");
      expect((await inWps<{ value: unknown }>(page, "cell", "Sheet1", "B2")).value).toBe(91); // 55.2 + 35.8
      await pane.click("#tab-policy");
      // The editor takes weights in percent (issue #12): 50% and 12.5% are 0.5 and 0.125.
      await pane.fill("#w-P", "50");
      for (const k of ["D", "L", "S", "B"]) await pane.fill(`#w-${k}`, "12.5");
      await click(pane, "#policy-save");
      expect(await pane.locator("#notice.error, .notice.error").count()).toBe(0);
      const policy = await page.evaluate((key) => String((window as unknown as { __wpsDouble: { pluginStorage: Map<string, string> } }).__wpsDouble.pluginStorage.get(key)), POLICY_KEY);
      expect(JSON.parse(policy).weights.P).toBe(0.5);
      // 0.5·92 + 0.125·(88+90+85+95) = 46 + 44.75 = 90.75, recalculated through index.html's registration.
      expect((await inWps<{ value: unknown }>(page, "cell", "Sheet1", "B2")).value).toBe(90.75);
      const stored = await inWps<unknown[][]>(page, "values", SETTINGS_SHEET, "A1:B3");
      expect(stored.map((r) => r[0])).toContain("assess.policy");
      await shot(page, "wps-06-policy");
      await pane.click("#tab-compute");
    });

    test("撤销 ×4 from the ribbon: the policy change, the feedback, the compute, the sample — the workbook is blank again", async () => {
      // A saved policy is a step on the undo stack too (issue #12).
      for (let i = 0; i < 4; i++) await ribbon(addin, pane, "assessUndo");
      const now = await inWps<WpsDump>(page, "dump");
      const visible = (d: WpsDump) => ({ ...d, sheets: d.sheets.filter((s) => s.name !== SETTINGS_SHEET) });
      // Sheet1!B2 holds the formula typed above (an input cell: never in a snapshot).
      const sheet1 = now.sheets.find((s) => s.name === "Sheet1")!;
      expect(Object.keys(sheet1.cells)).toEqual(["B2"]);
      delete sheet1.cells.B2;
      expect(visible(now)).toEqual(visible(blank));
      expect(await pane.textContent("#notice")).toContain("插入示例");
      await shot(page, "wps-07-undone");
    });
  });

  test("no request left localhost; no script errors", () => {
    const foreign = requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:"));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
