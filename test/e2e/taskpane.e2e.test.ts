// The task pane in a real browser (Debian's chromium via playwright-core) on the production build,
// with office.js served from localhost and the Excel double injected before the page loads.
// Screenshots of each state go to test-output/screenshots/ (zh/en × 320/450 px); axe-core checks
// every state; a keyboard-only walk runs every verb. Without chromium the suite is skipped and named
// at the end of the run (test/support/prerequisites.ts); under CI=true that fails instead.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ANNUAL_SHEET, ANNUAL_TABLE, annualWorkbook, HEADERS } from "../taskpane/fixtures";
import type { WorkbookFixture } from "../support/excel-double";
import * as fs from "fs";
import * as path from "path";
import * as os from "os";
import { strFromU8, unzipSync } from "fflate";
import { run as cli } from "../../src/cli/main";
import { largeWorkbook } from "../taskpane/fixtures";
import { describeIfPresent } from "../support/prerequisites";
import { axeViolations, buildLocal, chromiumPath, inDouble, injectDouble, launch, OUT, serve, Server, shot, shotAll } from "./harness";
import { measureVerb } from "./responsiveness";

const chromium = chromiumPath();
const maybe = describeIfPresent({ suite: "test/e2e (task pane in chromium)", needs: "chromium at /usr/bin/chromium", found: chromium !== null, install: "apt-get install -y chromium fonts-wqy-microhei" });

jest.setTimeout(180_000);

/** The text part of a .docx (word/document.xml); the package's other parts carry the time it was made. */
function documentXml(bytes: Buffer): string {
  return strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"]);
}

type Dump = { sheets: { name: string; cells: Record<string, Record<string, unknown>> }[]; tables: { name: string; address: string }[] };

maybe("task pane in chromium", () => {
  let browser: Browser;
  let server: Server;
  let context: BrowserContext;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!chromium) throw new Error("chromium is missing (/usr/bin/chromium): the browser suite cannot run. apt-get install -y chromium");
    const dist = buildLocal();
    server = await serve(dist);
    browser = await launch(chromium);
    // Reduced motion: no dialog fade, so that axe measures colours on still frames.
    context = await browser.newContext({ viewport: { width: 450, height: 860 }, locale: "zh-CN", reducedMotion: "reduce" });
    context.on("request", (r) => requests.push(r.url()));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  async function open(fixture: WorkbookFixture | null, query = "", lang: "zh" | "en" = "zh"): Promise<Page> {
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.addInitScript(`try { localStorage.setItem("assess.lang", ${JSON.stringify(lang)}); } catch {}`);
    if (fixture) await injectDouble(page, fixture);
    await page.goto(`${server.origin}/taskpane.html${query}`);
    if (fixture && fixture.onReady !== "never") await page.waitForSelector("#compute");
    return page;
  }

  /** Click a verb's button and wait until the pane reports the verb finished. */
  async function run(page: Page, selector: string, during?: () => Promise<void>): Promise<void> {
    const done = Number((await page.getAttribute("#app", "data-done")) ?? "0");
    await page.click(selector);
    if (during) await during();
    await page.waitForSelector(`#app[data-done="${done + 1}"]`);
  }
  const dump = (page: Page) => inDouble<Dump>(page, "dump");
  const cell = (page: Page, address: string) => inDouble<{ value: unknown; fill: string | null; note: string | null; numberFormat: string; comment: string | null }>(page, "cell", ANNUAL_SHEET, address);
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
  const announced = (page: Page) => page.waitForFunction(() => (document.getElementById("announce")?.textContent ?? "") !== "").then(() => page.textContent("#announce"));
  const disabled = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.hasAttribute("disabled") ?? null, selector);
  const dialogOpen = (page: Page) => page.evaluate(() => !!(document.getElementById("modal")?.shadowRoot?.querySelector("dialog") as HTMLDialogElement | null)?.open);
  async function noViolations(page: Page, state: string): Promise<void> {
    expect({ state, violations: await axeViolations(page) }).toEqual({ state, violations: [] });
  }

  test("outside Office: a clear message, no hang", async () => {
    const page = await open(null);
    await page.waitForSelector("#outside-office", { timeout: 20_000 });
    expect(await page.textContent("#outside-office")).toContain("请在 Excel 中打开");
    await shot(page, "00-outside-office");
    await page.close();
  });

  test("Office.onReady never fires: a timeout message", async () => {
    const page = await open({ ...annualWorkbook(), onReady: "never" }, "?officeTimeout=800");
    await page.waitForSelector("#office-timeout", { timeout: 10_000 });
    expect(await page.textContent("#office-timeout")).toContain("没有响应");
    await page.close();
  });

  describe("compute, language, policy, overwrite, undo", () => {
    let page: Page;
    let original: Dump;

    beforeAll(async () => {
      page = await open(annualWorkbook());
      original = await dump(page);
    });
    afterAll(async () => page?.close());

    test("ready: Chinese first; the actions at the top; no sample offered in a workbook with tables", async () => {
      expect(await page.textContent("#compute")).toBe("计算排名");
      expect(await page.textContent("#lang")).toBe("English");
      expect(await page.locator("#sample").count()).toBe(0);
      expect(await page.isHidden("#help")).toBe(true);
      await shot(page, "01-ready");
    });

    test("计算排名 writes values, fills and notes; the result is focused, scrolled to and announced", async () => {
      await run(page, "#compute");
      const values = await inDouble<unknown[][]>(page, "values", ANNUAL_SHEET, "O1:R12");
      expect(values[0]).toEqual(["综合得分", "排名", "等次", "说明"]);
      // C01 veto, C02 affirmed, C03/C04 tie, C05 beyond quota, C08 invalid, C11 conflict
      expect(values[1].slice(0, 3)).toEqual([95, 1, "称职"]);
      expect(values[2].slice(0, 3)).toEqual([85, 8, "优秀"]);
      expect(values[3].slice(0, 3)).toEqual([93, 2, "称职"]);
      expect(values[4].slice(0, 3)).toEqual([93, 2, "称职"]);
      expect(values[5].slice(0, 3)).toEqual([91, 5, "称职"]);
      expect(values[8].slice(0, 3)).toEqual(["", "", ""]);
      expect(String(values[8][3])).toContain("不是数字");
      expect((await cell(page, "O2")).fill).toBe("#FFC7CE");
      expect((await cell(page, "R3")).fill).toBe("#C6EFCE");
      expect((await cell(page, "Q4")).fill).toBe("#FFEB9C");
      expect((await cell(page, "Q9")).fill).toBe("#D9D9D9");
      expect((await cell(page, "Q7")).fill).toBeNull();
      expect((await cell(page, "Q2")).note).toContain("一票否决");
      expect(await inDouble(page, "table", ANNUAL_TABLE)).toMatchObject({ address: "A1:R12" });
      const after = await dump(page);
      const outside = (d: Dump) => Object.entries(d.sheets[0].cells).filter(([a]) => !/^[OPQR]\d+$/.test(a));
      expect(outside(after)).toEqual(outside(original));

      expect(await page.textContent("#stat-rows")).toBe("11");
      expect(await page.getAttribute("#app", "data-engine")).toBe("worker");
      expect(await page.textContent("#stat-vetoes")).toBe("2");
      expect(await page.textContent("#stat-conflicts")).toBe("1");
      expect(await page.textContent(".pools tbody")).toContain("1 / 2");
      expect(await page.getAttribute("#notes-mode", "data-mode")).toBe("notes");
      // 11 rows; 优秀 1 (C02) of 2 places; vetoes C01 and C11; the findings as listed below.
      const findings = await page.locator("#findings .finding").count();
      const line = `计算完成：11 行，优秀 1/2，一票否决 2，问题 ${findings}`;
      expect(await page.textContent("#summary-title")).toBe(line);
      expect(await focused(page)).toBe("summary");
      expect(await announced(page)).toBe(line);
      // The summary's findings count is the list's.
      expect(await page.textContent("#findings-title")).toContain(`问题 ${findings}`);
      await shot(page, "02-computed");
    });

    test("撤销 restores the workbook exactly (cells, fills, notes, table, sheets)", async () => {
      await run(page, "#undo");
      expect(await dump(page)).toEqual(original);
      expect(await focused(page)).toBe("notice");
      await shot(page, "03-undone");
      await run(page, "#compute");
    });

    test("switching to English, remembered", async () => {
      await page.click("#lang");
      expect(await page.textContent("#compute")).toBe("Compute ranking");
      expect(await page.textContent("#lang")).toBe("中文");
      expect(await page.textContent("#summary")).toContain("Vetoes");
      await shot(page, "04-english");
    });

    test("an invalid policy edit is refused at the field: aria-invalid, the reason linked, in plain words", async () => {
      await page.click("#tab-policy");
      await page.fill("#band-0", "70");
      await run(page, "#policy-save");
      expect(await page.getAttribute("#band-0", "aria-invalid")).toBe("true");
      const describedBy = (await page.getAttribute("#band-0", "aria-describedby")) ?? "";
      expect(describedBy.split(" ")).toContain("bands-error");
      const reason = (await page.textContent("#bands-error")) ?? "";
      expect(reason).toContain("descending");
      expect(reason).not.toContain("bands");
      // The first field with a reason has the focus; the notice at the top says how many need changing.
      expect(await focused(page)).toBe("band-0");
      expect(await inDouble<Record<string, unknown>>(page, "settings")).not.toHaveProperty(["assess.policy"]);
      await shot(page, "05-policy-refused");
    });

    test("a valid policy edit (in percent) is saved with the document and recalculates; a recompute changes the results", async () => {
      await page.fill("#band-0", "90");
      expect(await page.inputValue("#quota-ratio")).toBe("20");
      await page.fill("#quota-ratio", "30");
      await run(page, "#policy-save");
      const saved = await inDouble<Record<string, string>>(page, "savedSettings");
      expect(JSON.parse(saved["assess.policy"]).quota.ratio).toBe(0.3);
      expect(await inDouble<string[]>(page, "calculations")).toContain("Full");
      await shot(page, "06-policy-saved");

      await page.click("#tab-compute");
      await run(page, "#compute");
      // quota round(10 × 30%) = 3: the affirmed row plus both tied rows.
      expect(await inDouble<unknown[][]>(page, "values", ANNUAL_SHEET, "Q4:Q5")).toEqual([["优秀"], ["优秀"]]);
      expect(await page.textContent(".pools tbody")).toContain("3 / 3");
      await shot(page, "07-recomputed");
    });

    test("a hand-typed cell in a result column: the dialog names that cell only, opens on Cancel and holds the focus", async () => {
      await page.click("#lang");
      await inDouble(page, "type", ANNUAL_SHEET, "Q10", "优秀（手工）");
      const before = await dump(page);
      const outside: string[] = [];
      await page.exposeFunction("__focusOutside", (id: string) => outside.push(id));
      await page.evaluate(() =>
        document.addEventListener("focusin", (e) => {
          const el = e.target as HTMLElement;
          if (!document.getElementById("modal")?.contains(el)) (window as unknown as { __focusOutside: (id: string) => void }).__focusOutside(el.id || el.tagName);
        }),
      );
      await run(page, "#compute", async () => {
        await page.waitForSelector("#modal-cancel", { state: "visible" });
        expect(await dialogOpen(page)).toBe(true);
        const items = await page.locator("#modal .dialog-items li").allTextContents();
        expect(items).toEqual(["年度考核!Q10（等次）"]);
        expect(await focused(page)).toBe("modal-cancel");
        outside.length = 0; // the click on 计算排名 focused it before the dialog opened
        for (let i = 0; i < 6; i++) await page.keyboard.press("Tab");
        expect(outside).toEqual([]);
        await noViolations(page, "zh 450 overwrite dialog");
        await shot(page, "08-overwrite-ask");
        await page.keyboard.press("Escape");
      });
      expect(await dialogOpen(page)).toBe(false);
      expect(await dump(page)).toEqual(before);

      await run(page, "#compute", async () => {
        await page.waitForSelector("#modal-yes", { state: "visible" });
        await page.click("#modal-yes");
      });
      expect((await cell(page, "Q10")).value).toBe("基本称职");
      await run(page, "#undo");
      expect(await dump(page)).toEqual(before);
      expect((await cell(page, "Q10")).value).toBe("优秀（手工）");
      await shot(page, "09-undo-after-overwrite");
    });

    test("校验: findings grouped by kind with counts, filtered; 下一个问题 selects the cell", async () => {
      await page.click("#tab-validate");
      await run(page, "#validate");
      const groups = await page.locator(".finding-group").count();
      expect(groups).toBeGreaterThan(1);
      const kinds = await page.locator(".finding-group .kind").allTextContents();
      expect(kinds).toContain("应为数字");
      // Codes are secondary: after the sentence, never in it.
      const messages = await page.locator(".finding .message").allTextContents();
      expect(messages.some((m) => /[A-Z]{3,}_[A-Z]/.test(m))).toBe(false);
      await page.click("#finding-next");
      await page.waitForFunction(() => document.querySelector(".finding.current") !== null);
      const current = await page.getAttribute(".finding.current", "data-cell");
      const box = await page.evaluate(() => (window as unknown as { __excelDouble: { model: { selection: { box: { top: number; left: number } } } } }).__excelDouble.model.selection.box);
      const m = /^([A-Z]+)(\d+)$/.exec(current ?? "")!;
      expect(box).toEqual({ top: Number(m[2]), left: m[1].charCodeAt(0) - 64, bottom: Number(m[2]), right: m[1].charCodeAt(0) - 64 });
      await page.selectOption("#filter-severity", "warning");
      expect(await page.locator(".finding-group[data-severity=error]").count()).toBe(0);
      await shot(page, "10-validate");
      await page.selectOption("#filter-severity", "all");
      await page.click('.finding[data-cell="G9"]');
      await page.waitForFunction(() => {
        const d = (window as unknown as { __excelDouble: { model: { selection: { box: { top: number; left: number } } } } }).__excelDouble;
        return d.model.selection.box.top === 9 && d.model.selection.box.left === 7;
      });
    });

    test("恢复默认政策 asks first (Cancel focused) and is undone by 撤销", async () => {
      await page.click("#tab-policy");
      const done = Number((await page.getAttribute("#app", "data-done")) ?? "0");
      await page.click("#policy-reset");
      await page.waitForSelector("#modal-cancel", { state: "visible" });
      expect(await focused(page)).toBe("modal-cancel");
      await page.click("#modal-cancel");
      expect(await inDouble<Record<string, string>>(page, "settings")).toHaveProperty(["assess.policy"]);
      await page.click("#policy-reset");
      await page.waitForSelector("#modal-yes", { state: "visible" });
      await page.click("#modal-yes");
      await page.waitForSelector(`#app[data-done="${done + 1}"]`);
      expect(await inDouble<Record<string, string>>(page, "settings")).not.toHaveProperty(["assess.policy"]);
      expect(await page.inputValue("#quota-ratio")).toBe("20");
      await run(page, "#undo");
      expect(JSON.parse((await inDouble<Record<string, string>>(page, "settings"))["assess.policy"]).quota.ratio).toBe(0.3);
      expect(await page.inputValue("#quota-ratio")).toBe("30");
    });

    test("a protected sheet is reported before anything is written", async () => {
      await inDouble(page, "setProtected", ANNUAL_SHEET, true);
      const before = await dump(page);
      await page.click("#tab-compute");
      await run(page, "#compute");
      expect(await page.textContent("#notice")).toContain("受保护");
      expect(await dump(page)).toEqual(before);
      await shot(page, "11-protected");
      await inDouble(page, "setProtected", ANNUAL_SHEET, false);
    });
  });

  test("several annual tables and no selection inside one: the pane asks which", async () => {
    const base = annualWorkbook();
    const first = base.sheets![0];
    const second = { ...first, name: "年度考核2", tables: [{ name: "第二表", address: "A1:N12" }], cells: {} };
    const page = await open({ ...base, sheets: [first, second, base.sheets![1]], active: "说明", selection: "说明!A1" });
    await run(page, "#compute", async () => {
      await page.waitForSelector("#modal .choice", { state: "visible" });
      expect(await page.locator("#modal .choice").count()).toBe(2);
      expect(await page.textContent("#choice-1")).toContain("年度考核2!A1:N12");
      expect(await focused(page)).toBe("modal-cancel");
      await noViolations(page, "zh 450 pick dialog");
      await shot(page, "12-pick-table");
      await page.click("#choice-1");
    });
    expect(await page.textContent("#summary")).toContain("年度考核2");
    expect(await inDouble<unknown[][]>(page, "values", "年度考核2", "O1:O2")).toEqual([["综合得分"], [95]]);
    expect(await inDouble<unknown[][]>(page, "values", ANNUAL_SHEET, "O1:O2")).toEqual([[""], [""]]);
    await page.close();
  });

  test("cell text is shown as text, never as markup", async () => {
    const fixture = annualWorkbook();
    const hostile = '<img src=x onerror="window.__xss=1">';
    fixture.sheets![0].rows![1][11] = hostile; // 政治素质 of row 2: an unknown value, quoted in the finding
    const page = await open(fixture);
    await run(page, "#compute");
    expect(await page.textContent("#findings")).toContain(hostile);
    expect(await page.locator("#findings img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  test("填补绩效考核: the box is off by default; ticked, a blank P takes the unit's total and the pane says so", async () => {
    const page = await open({
      sheets: [
        { name: "绩效", rows: [["编号", "名称", "分组", "幸福感", "满意度", "安全感"], ["U1", "发改局", "区直单位", 90, 86, 88]] },
        { name: "年度考核", rows: [HEADERS, ["A1", "张三", "干部", "发改局", "区直单位", "否", "", 90, 90, 90, 90, "过得硬", "无", "否"]] },
      ],
    });
    expect(await page.isChecked("#fill-performance")).toBe(false);
    await page.check("#fill-performance");
    await run(page, "#compute");
    const said = (await page.textContent("#filled-performance")) ?? "";
    expect(said).toContain("绩效考核（取自单位总分）");
    expect(said).toMatch(/\b1\b/);
    expect(await page.isChecked("#fill-performance")).toBe(true); // the choice stays for the next compute
    await shotAll(page, "12b-fill-performance");
    await page.close();
  });

  test("ribbon 计算排名 and 校验 run in the shared runtime; with the pane closed it opens on the outcome", async () => {
    const page = await open(annualWorkbook());
    expect((await inDouble<string[]>(page, "actionIds")).sort()).toEqual(["assess.compute", "assess.validate"]);
    await inDouble(page, "setPaneVisible", false);
    // The button's function runs to the end (event.completed) with the pane closed …
    await inDouble(page, "invokeAction", "assess.compute");
    expect(await inDouble<unknown[][]>(page, "values", ANNUAL_SHEET, "O1:Q2")).toEqual([["综合得分", "排名", "等次"], [95, 1, "称职"]]);
    // … and the pane opens on the result, which has the focus and is read out.
    expect(await inDouble<boolean>(page, "paneVisible")).toBe(true);
    expect(await focused(page)).toBe("summary");
    expect(await announced(page)).toMatch(/^计算完成：11 行/);
    // With the pane open, 校验 from the ribbon shows its findings on the 校验 tab.
    await inDouble(page, "invokeAction", "assess.validate");
    expect(await page.getAttribute("#tab-validate", "aria-selected")).toBe("true");
    expect(await page.textContent("#findings-title")).toMatch(/^问题 \d+：错误 \d+/);
    await shot(page, "16-ribbon-validate");
    await page.close();
  });

  test("a bad 反馈日期 is refused at the field before anything runs", async () => {
    const page = await open(annualWorkbook());
    const before = await dump(page);
    await page.fill("#feedback-date", "2024-02-30");
    await run(page, "#compute");
    expect(await page.getAttribute("#feedback-date", "aria-invalid")).toBe("true");
    expect(await page.textContent("#feedback-date-error")).toContain("“2024-02-30”不是有效日期");
    expect((await page.getAttribute("#feedback-date", "aria-describedby"))?.split(" ")).toContain("feedback-date-error");
    expect(await focused(page)).toBe("feedback-date");
    expect(await dump(page)).toEqual(before);
    await noViolations(page, "zh 450 date error");
    await shot(page, "13-bad-date");
    // Typing a good date clears the error in place.
    await page.fill("#feedback-date", "2024-03-15");
    await page.locator("#feedback-date").blur();
    await page.waitForFunction(() => document.getElementById("feedback-date")?.getAttribute("aria-invalid") === "false");
    await page.close();
  });

  describe("reliability (issue #6)", () => {
    type Cells = Record<string, Record<string, unknown>>;
    const formulas = (d: Dump) => d.sheets.flatMap((sh) => Object.entries(sh.cells as Cells).filter(([, c]) => c.formula).map(([a]) => `${sh.name}!${a}`));

    test("a second start while a compute runs is refused with a message; one compute, no interleaved batches", async () => {
      const page = await open(annualWorkbook());
      await page.evaluate(() => {
        const w = window as unknown as { Excel: { run: (b: unknown) => Promise<unknown> }; __inFlight: number; __maxInFlight: number };
        const real = w.Excel.run.bind(w.Excel);
        w.__inFlight = 0;
        w.__maxInFlight = 0;
        w.Excel.run = async (batch: unknown) => {
          w.__maxInFlight = Math.max(w.__maxInFlight, ++w.__inFlight);
          try {
            return await real(batch);
          } finally {
            w.__inFlight--;
          }
        };
      });
      const done = Number((await page.getAttribute("#app", "data-done")) ?? "0");
      // A click, then Enter in the date field in the same task (as a queued key press delivers it).
      const status = await page.evaluate(() => {
        (document.getElementById("compute") as HTMLElement).click();
        document.getElementById("feedback-date")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
        return document.getElementById("status")?.textContent ?? "";
      });
      expect(status).toContain("仍在进行");
      expect(await page.getAttribute("#app", "data-refused")).toBe("1");
      expect(await disabled(page, "#compute")).toBe(true);
      await shot(page, "14-double-start-refused");
      await page.waitForSelector(`#app[data-done="${done + 1}"]`);
      expect(await page.evaluate(() => (window as unknown as { __maxInFlight: number }).__maxInFlight)).toBe(1);
      expect(await inDouble<unknown[][]>(page, "values", ANNUAL_SHEET, "O2:Q2")).toEqual([[95, 1, "称职"]]);
      await run(page, "#undo");
      expect(await inDouble<unknown[][]>(page, "values", ANNUAL_SHEET, "O1:O2")).toEqual([[""], [""]]);
      expect(await disabled(page, "#undo")).toBe(true);
      await page.close();
    });

    test("formula-like cell text stays text in 说明 and 校验结果 in the browser too", async () => {
      const fixture = annualWorkbook();
      const rows = fixture.sheets![0].rows!;
      rows[1][11] = "'=HYPERLINK(\"http://example.invalid\",\"x\")";
      rows[2][11] = "'+SUM(A1:A9)";
      rows[3][11] = "'-2+3";
      rows[4][11] = "'@cmd";
      const page = await open(fixture);
      const before = formulas(await dump(page));
      await run(page, "#compute");
      expect(formulas(await dump(page))).toEqual(before);
      const notes = (await inDouble<unknown[][]>(page, "values", ANNUAL_SHEET, "R2:R5")).map((r) => String(r[0]));
      expect(notes[0]).toContain('=HYPERLINK("http://example.invalid","x")');
      expect(notes[1]).toContain("+SUM(A1:A9)");
      expect(notes[3]).toContain("@cmd");
      const sheet = (await inDouble<unknown[][]>(page, "values", "校验结果", "A1:H20")).flat().map(String).join("\n");
      expect(sheet).toContain("+SUM(A1:A9)");
      await page.close();
    });

    test("a request failing midway: the pane restores the workbook and says so", async () => {
      const page = await open(annualWorkbook());
      const before = await dump(page);
      await inDouble(page, "failSync", 2, { onOp: "Range.values=", afterOps: 1 });
      await run(page, "#compute");
      expect(await page.textContent("#notice")).toContain("已把工作簿恢复到计算前的状态");
      expect(await dump(page)).toEqual(before);
      await shot(page, "15-write-failed-restored");
      await page.close();
    });
  });

  describe("the whole scheme: 示例 → 计算排名 → 反馈 → 撤销 (issue #4)", () => {
    let page: Page;
    const states: Dump[] = [];
    type Grid = { headers: string[]; rows: unknown[][] };
    async function grid(sheet: string, address = "A1:Z400"): Promise<Grid> {
      const v = await inDouble<unknown[][]>(page, "values", sheet, address);
      const rows = v.slice(1).filter((r) => r.some((x) => x !== ""));
      return { headers: v[0].map(String), rows };
    }
    const col = (g: Grid, header: string) => {
      const i = g.headers.indexOf(header);
      if (i < 0) throw new Error(`no column ${header} in ${g.headers.join("|")}`);
      return g.rows.map((r) => r[i]);
    };

    beforeAll(async () => {
      page = await open({ sheets: [{ name: "Sheet1" }], active: "Sheet1", selection: "Sheet1!A1" });
      await page.waitForSelector("#sample");
      states.push(await dump(page));
    });
    afterAll(async () => page?.close());

    test("an empty workbook: the pane offers the sample", async () => {
      expect(await page.textContent("#sample-row")).toContain("插入示例");
      await shotAll(page, "20-empty-workbook");
    });

    test("示例 inserts the sample workbook and tells the next step", async () => {
      await run(page, "#sample");
      expect(await inDouble<string[]>(page, "sheetNames")).toEqual(["Sheet1", "年度考核", "单位绩效", "市考指标", "历年等次", "政治建设考察", "民意调查", "民主测评票", "示例说明"]);
      const notice = await page.textContent("#notice");
      expect(notice).toContain("已插入示例工作簿");
      expect(notice).toContain("下一步：点击“计算排名”");
      expect(await disabled(page, "#undo")).toBe(false);
      expect(await page.textContent("#undo-hint")).toContain("插入示例");
      expect(await page.locator("#sample-row").count()).toBe(0);
      states.push(await dump(page));
      await shotAll(page, "21-sample-inserted");
    });

    test("计算排名 with a feedback date: unit totals, 反馈, 历年奖励, 考察覆盖 written; the pane shows them and the coverage", async () => {
      await page.fill("#feedback-date", "2024-03-01");
      await run(page, "#compute");
      expect(await page.locator("#notice").count()).toBe(0);
      const units = await grid("单位绩效", "A1:Z80");
      const totals = col(units, "总分").filter((v) => typeof v === "number") as number[];
      // 61 of 64: three towns' 幸福感/满意度/安全感 are blank in the sample, to be taken from its 民意调查
      // sheet, which this compute (no fill asked) does not do — they are MISSING.
      expect(totals.length).toBe(61);
      expect(Math.max(...totals)).toBeGreaterThan(80);
      expect(col(units, "排名")).toContain(1);
      // The scheme's sheets.
      expect(await inDouble<string[]>(page, "sheetNames")).toEqual(expect.arrayContaining(["历年奖励", "考察覆盖", "反馈", "校验结果"]));
      const feedback = await grid("反馈", "A1:N400");
      const status = col(feedback, "状态");
      expect(status.filter((x) => x === "待整改").length).toBeGreaterThan(0);
      expect(col(feedback, "反馈日期").filter((x) => x !== "")).toContain("2024-03-01");
      expect(await page.textContent(".unit-summary")).toContain("单位绩效");
      expect(await page.textContent('#scheme-sheets li[data-sheet="历年奖励"]')).toMatch(/记三等功 \d+ 人/);
      expect(await page.textContent('#scheme-sheets li[data-sheet="反馈"]')).toContain("反馈日期 2024-03-01");
      const terms = page.locator("#coverage .term");
      expect(await terms.count()).toBeGreaterThan(0);
      const current = terms.last();
      expect(await current.locator(".term-line").textContent()).toMatch(/已考察 \d+ \/ 64 个单位 · 本届剩余 \d+ 年/);
      const percent = String((await inDouble<unknown[][]>(page, "values", "考察覆盖", `E${1 + (await terms.count())}`))[0][0]);
      expect(await current.locator(".term-percent").textContent()).toBe(`${percent}%`);
      // The summary counts the findings the list shows.
      const n = Number(/问题 (\d+)$/.exec((await page.textContent("#summary-title")) ?? "")?.[1]);
      expect(await page.textContent("#findings-title")).toContain(`问题 ${n}：`);
      states.push(await dump(page));
      await shotAll(page, "22-scheme-computed");
    });

    test("反馈: a status typed into the sheet is kept and its overdue fill goes", async () => {
      await page.click("#tab-feedback");
      expect(await page.inputValue("#feedback-date")).toBe("2024-03-01");
      const fb = await grid("反馈", "A1:N400");
      const statusAt = fb.headers.indexOf("状态");
      const i = fb.rows.findIndex((r) => r[statusAt] === "待整改");
      const address = `${String.fromCharCode(65 + statusAt)}${i + 2}`;
      expect((await inDouble<{ fill: string | null }>(page, "cell", "反馈", address)).fill).toBe("#FFC7CE");
      await inDouble(page, "type", "反馈", address, "已整改");
      states.push(await dump(page));
      await run(page, "#feedback");
      expect(await page.locator("#notice").count()).toBe(0);
      const open = Number(await page.textContent("#fb-open"));
      expect(Number(await page.textContent("#fb-done"))).toBe(1);
      expect(Number(await page.textContent("#fb-overdue"))).toBe(open);
      expect(Number(await page.textContent("#fb-units"))).toBe(64);
      expect(await focused(page)).toBe("feedback-summary");
      expect(await inDouble<{ value: unknown; fill: string | null }>(page, "cell", "反馈", address)).toMatchObject({ value: "已整改", fill: null });
      expect(await page.textContent("#undo-hint")).toContain("生成反馈（反馈日期 2024-03-01）");
      await shotAll(page, "24-feedback");
    });

    test("撤销 walks back: the feedback, the compute, the sample — to the empty workbook, which offers the sample again", async () => {
      const expected = [states[3], states[1], states[0]];
      const names = ["25-undo-feedback", "26-undo-compute", "27-undo-sample"];
      for (let k = 0; k < 3; k++) {
        await run(page, "#undo");
        expect(await dump(page)).toEqual(expected[k]);
        expect(await page.textContent("#notice")).toContain("已撤销");
        await shotAll(page, names[k]);
      }
      expect(await disabled(page, "#undo")).toBe(true);
      expect(await inDouble<string[]>(page, "sheetNames")).toEqual(["Sheet1"]);
      await page.click("#tab-compute");
      expect(await page.locator("#sample-row").count()).toBe(1);
    });
  });

  describe("every state, zh/en × 320/450 px: axe-core finds nothing; screenshots", () => {
    for (const lang of ["zh", "en"] as const) {
      for (const width of [320, 450]) {
        test(`${lang} ${width} px`, async () => {
          const page = await open(annualWorkbook(), "", lang);
          await page.setViewportSize({ width, height: 560 });
          const tag = `${lang}-${width}`;
          await noViolations(page, `${tag} ready`);
          await shot(page, `30-${tag}-ready`);
          await run(page, "#compute");
          // Results first: the action and the result's headline are on screen without scrolling.
          const inView = (sel: string) => page.evaluate((s) => {
            const r = document.querySelector(s)!.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight;
          }, sel);
          expect(await inView("#compute")).toBe(true);
          expect(await inView("#summary-title")).toBe(true);
          await noViolations(page, `${tag} computed`);
          await shot(page, `31-${tag}-computed`);
          await shotAll(page, `31-${tag}-computed-all`);
          await page.click("#help-toggle");
          await noViolations(page, `${tag} help`);
          await shot(page, `32-${tag}-help`);
          await page.click("#help-close");
          for (const tab of ["feedback", "validate", "policy"]) {
            await page.click(`#tab-${tab}`);
            if (tab === "validate") await run(page, "#validate");
            if (tab === "feedback") await run(page, "#feedback"); // no unit table: an error notice
            await noViolations(page, `${tag} ${tab}`);
            await shotAll(page, `33-${tag}-${tab}`);
          }
          await page.fill("#band-0", "abc");
          await run(page, "#policy-save");
          await noViolations(page, `${tag} policy refused`);
          await shot(page, `34-${tag}-policy-refused`);
          await page.click("#tab-compute");
          await inDouble(page, "type", ANNUAL_SHEET, "Q10", "x");
          await run(page, "#compute", async () => {
            await page.waitForSelector("#modal-cancel", { state: "visible" });
            await noViolations(page, `${tag} dialog`);
            await shot(page, `35-${tag}-dialog`);
            await page.click("#modal-cancel");
          });
          // Nothing is cut off sideways at this width.
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          await page.close();
        });
      }
    }

    test("dark theme and forced colours", async () => {
      const page = await open(annualWorkbook({ officeTheme: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", isDarkTheme: true } } as Partial<WorkbookFixture>));
      await page.setViewportSize({ width: 320, height: 560 });
      expect(await page.getAttribute("html", "data-theme")).toBe("dark");
      await run(page, "#compute");
      await noViolations(page, "dark computed");
      await shot(page, "36-dark");
      await page.emulateMedia({ forcedColors: "active" });
      // The chosen tab keeps a bar of its own under forced colours (Fluent's indicator is painted over).
      const bars = () => page.$$eval("fluent-tab", (tabs) => tabs.map((t) => `${t.id} ${t.getAttribute("aria-selected")} ${getComputedStyle(t).boxShadow}`));
      expect(await bars()).toEqual([
        expect.stringMatching(/^tab-compute true .*inset/),
        expect.stringMatching(/^tab-feedback false none$/),
        expect.stringMatching(/^tab-validate false none$/),
        expect.stringMatching(/^tab-policy false none$/),
      ]);
      await shot(page, "37-forced-colors");
      await page.click("#tab-validate");
      await run(page, "#validate");
      await shot(page, "37b-forced-colors-validate");
      await page.emulateMedia({ forcedColors: "none" });
      await page.close();
    });
  });

  test("keyboard only: every verb", async () => {
    const page = await open({ sheets: [{ name: "Sheet1" }], active: "Sheet1", selection: "Sheet1!A1" });
    await page.waitForSelector("#sample");
    /** Press Tab (or Shift+Tab) until the element with this id has the focus. */
    async function tabTo(id: string, back = false, max = 250): Promise<void> {
      for (let i = 0; i < max; i++) {
        if ((await focused(page)) === id) return;
        await page.keyboard.press(back ? "Shift+Tab" : "Tab");
      }
      throw new Error(`Tab never reached #${id} (focus on #${await focused(page)})`);
    }
    async function press(id: string, key = "Enter"): Promise<void> {
      const done = Number((await page.getAttribute("#app", "data-done")) ?? "0");
      await tabTo(id);
      await page.keyboard.press(key);
      await page.waitForSelector(`#app[data-done="${done + 1}"]`);
    }
    await press("sample");
    expect(await inDouble<string[]>(page, "sheetNames")).toContain("年度考核");
    await press("compute");
    expect(await focused(page)).toBe("summary");
    // 下一个问题 from the keyboard.
    await tabTo("finding-next");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".finding.current") !== null);
    // Tabs with the arrow keys: focus the selected tab, then → moves to 反馈.
    await tabTo("tab-compute", true);
    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toBe("tab-feedback");
    expect(await page.isHidden("#panel-compute")).toBe(true);
    await press("feedback");
    expect(await focused(page)).toBe("feedback-summary");
    await tabTo("tab-feedback", true);
    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toBe("tab-validate");
    await press("validate", " ");
    await tabTo("tab-validate", true);
    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toBe("tab-policy");
    await tabTo("quota-ratio");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("25");
    const done = Number((await page.getAttribute("#app", "data-done")) ?? "0");
    await page.keyboard.press("Enter");
    await page.waitForSelector(`#app[data-done="${done + 1}"]`);
    expect(JSON.parse((await inDouble<Record<string, string>>(page, "savedSettings"))["assess.policy"]).quota.ratio).toBe(0.25);
    // 恢复默认政策: Enter opens the dialog on Cancel; Escape leaves everything as it was.
    await tabTo("policy-reset");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#modal-cancel", { state: "visible" });
    expect(await focused(page)).toBe("modal-cancel");
    await page.keyboard.press("Escape");
    expect(await dialogOpen(page)).toBe(false);
    expect(await focused(page)).toBe("policy-reset");
    await press("undo"); // the policy change
    expect(await inDouble<Record<string, unknown>>(page, "settings")).not.toHaveProperty(["assess.policy"]);
    await tabTo("lang", true);
    await page.keyboard.press("Enter");
    expect(await page.textContent("#lang")).toBe("中文");
    expect(await focused(page)).toBe("lang");
    await page.keyboard.press(" ");
    expect(await page.textContent("#lang")).toBe("English");
    await shot(page, "40-keyboard");
    await page.close();
  });

  test("20,000 rows: the engine runs in its worker; long tasks and click delays are measured (test-output/pane-responsiveness.json)", async () => {
    const page = await open(largeWorkbook(20_000));
    const r = await measureVerb(page, "#compute");
    expect(r.engine).toBe("worker");
    expect(await page.textContent("#stat-rows")).toBe("20000");
    expect(r.clicks).toBeGreaterThan(0);
    // The figures are for the record (npm run bench prints them); no test asserts a time.
    fs.writeFileSync(path.join(OUT, "pane-responsiveness.json"), JSON.stringify({ rows: 20_000, ...r }, null, 2));
    await shot(page, "17-20k-rows");
    await page.close();
  });

  test("取消 during the reads: the run stops before its first write and the workbook is as it was", async () => {
    const page = await open(largeWorkbook(20_000));
    const before = await dump(page);
    const done = Number((await page.getAttribute("#app", "data-done")) ?? "0");
    await page.click("#compute");
    await page.waitForSelector("#progress");
    expect(await page.getAttribute("#cancel", "aria-disabled")).toBe("false");
    await page.click("#cancel");
    await page.waitForSelector(`#app[data-done="${done + 1}"]`, { timeout: 120_000 });
    expect(await page.textContent("#notice")).toContain("已取消");
    expect(await dump(page)).toEqual(before);
    await shot(page, "18-cancelled");
    await page.close();
  });

  test("10,000 findings: grouped with their count, shown a page at a time", async () => {
    const rows: (string | number)[][] = [["编号", "姓名", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"]];
    for (let i = 0; i < 10_000; i++) rows.push([`E${i}`, `干部${i}`, "abc", 80, 80, 80, 80, "过得硬"]);
    const page = await open({ sheets: [{ name: "年度考核", rows }], active: "年度考核", selection: "年度考核!A1" });
    await page.click("#tab-validate");
    await run(page, "#validate");
    expect(await page.textContent("#findings-title")).toMatch(/^问题 10000：错误 10000/);
    expect(await page.textContent(".finding-group .count")).toBe("10000 个错误");
    expect(await page.locator(".finding").count()).toBe(50);
    await page.click("#more-0");
    expect(await page.locator(".finding").count()).toBe(100);
    await noViolations(page, "zh 450 10,000 findings");
    await shot(page, "19-10000-findings");
    await page.close();
  });

  describe("issue #14 on the sample: the raw answers filled, 考核统计 as charts, 反馈通知书 downloaded", () => {
    let page: Page;
    /** A sheet's block as rows, headers first; a column by its header. */
    async function sheetRows(sheet: string, address: string): Promise<{ headers: string[]; rows: unknown[][] }> {
      const v = await inDouble<unknown[][]>(page, "values", sheet, address);
      return { headers: v[0].map(String), rows: v.slice(1) };
    }
    const at = (g: { headers: string[] }, header: string) => {
      const i = g.headers.indexOf(header);
      if (i < 0) throw new Error(`no column ${header} in ${g.headers.join("|")}`);
      return i;
    };

    beforeAll(async () => {
      page = await open({ sheets: [{ name: "Sheet1" }], active: "Sheet1", selection: "Sheet1!A1" });
      await page.waitForSelector("#sample");
      await run(page, "#sample");
    });
    afterAll(async () => page?.close());

    test("填补: both boxes off by default; ticked, the three towns' blank indices and their teams' blank 民主测评 are filled, input cells stay blank, and the pane says how many", async () => {
      expect(await page.isChecked("#fill-survey")).toBe(false);
      expect(await page.isChecked("#fill-ballots")).toBe(false);
      await page.check("#fill-survey");
      await page.check("#fill-ballots");
      await page.fill("#feedback-date", "2024-03-15");
      await run(page, "#compute");
      // 栖凤渡镇, 桥口镇 and 白鹿洞街道 have blank 幸福感/满意度/安全感 (3 × 3 cells) and their teams a blank 民主测评 (3 cells).
      expect(await page.textContent("#filled-survey")).toBe("填补民意调查：9 个空白的幸福感/满意度/安全感取自民意调查问卷（见“民意调查汇总”工作表）。");
      expect(await page.textContent("#filled-ballots")).toBe("填补民主测评：3 个空白的民主测评取自测评票（见“民主测评汇总”工作表）。");
      expect(await page.isChecked("#fill-survey")).toBe(true); // kept for the next compute
      const units = await sheetRows("单位绩效", "A1:Z65");
      const town = units.rows.find((r) => r[at(units, "名称")] === "栖凤渡镇")!;
      // Input cells stay blank; the indices used are in the result columns. 栖凤渡镇's questionnaires (民意调查汇总):
      // 幸福感 75.73, 满意度 86.55, 安全感 79.08 → 民评 15 × (75.73 + 86.55 + 79.08) / 300 = 12.068 → 12.07;
      // total 37.2 + 22.4 + 13.2 + 12.07 = 84.87.
      expect([town[at(units, "幸福感")], town[at(units, "满意度")], town[at(units, "安全感")]]).toEqual(["", "", ""]);
      expect([town[at(units, "幸福感（取自民意调查）")], town[at(units, "满意度（取自民意调查）")], town[at(units, "安全感（取自民意调查）")]]).toEqual([75.73, 86.55, 79.08]);
      expect([town[at(units, "民评得分")], town[at(units, "总分")]]).toEqual([12.07, 84.87]);
      expect(units.rows.filter((r) => typeof r[at(units, "总分")] === "number")).toHaveLength(64);
      // Its team: 15 ballots, 好 7 and 较好 8 → D = (700 + 640) / 15 = 89.333… → 89.33, its 民主测评 cell blank.
      const annual = await sheetRows("年度考核", "A1:Z70");
      const team = annual.rows.find((r) => r[at(annual, "姓名")] === "栖凤渡镇领导班子")!;
      expect([team[at(annual, "民主测评")], team[at(annual, "民主测评（取自测评票）")]]).toEqual(["", 89.33]);
      await noViolations(page, "raw answers filled");
      await shotAll(page, "40-raw-filled");
    });

    test("考核统计 in the result view: a bar chart per pool (SVG, its numbers in its name), a table of the same numbers, the unit totals' spread — as the sheet says", async () => {
      // The sheet the compute wrote (the same sample gives the same counts as the README demo's 考核统计).
      const sheet = await inDouble<unknown[][]>(page, "values", "考核统计", "A1:E5");
      expect(sheet).toEqual([
        ["组别", "优秀", "良好/称职", "一般/基本称职", "较差/不称职"],
        ["区直单位 · 班子/单位", 10, 40, 0, 0],
        ["镇街道 · 班子/单位", 3, 11, 0, 0],
        ["区直单位 · 干部", 45, 181, 0, 0],
        ["镇街道 · 干部", 13, 55, 0, 1],
      ]);
      expect(await page.locator("#statistics figure.pool-chart").count()).toBe(4);
      const names = await page.$$eval("#statistics svg.grade-chart", (els) => els.map((e) => [e.getAttribute("role"), e.getAttribute("aria-label")]));
      expect(names).toEqual([
        ["img", "区直单位 · 班子/单位：优秀 10 人，良好/称职 40 人，一般/基本称职 0 人，较差/不称职 0 人"],
        ["img", "镇街道 · 班子/单位：优秀 3 人，良好/称职 11 人，一般/基本称职 0 人，较差/不称职 0 人"],
        ["img", "区直单位 · 干部：优秀 45 人，良好/称职 181 人，一般/基本称职 0 人，较差/不称职 0 人"],
        ["img", "镇街道 · 干部：优秀 13 人，良好/称职 55 人，一般/基本称职 0 人，较差/不称职 1 人"],
      ]);
      // One scale for all pools: 181 is the longest bar (260 units of the 300-wide view box), 45 is 45/181 of it.
      const widths = await page.$$eval("#statistics svg[data-pool='2'] rect.grade-bar", (els) => els.map((e) => Number(e.getAttribute("width"))));
      expect(widths).toEqual([64.6, 260, 0, 0]); // 45 / 181 × 260 = 64.64 → 64.6
      const table = await page.$$eval("#statistics-table tbody tr", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
      expect(table).toEqual([
        ["区直单位 · 班子/单位", "10", "40", "0", "0"],
        ["镇街道 · 班子/单位", "3", "11", "0", "0"],
        ["区直单位 · 干部", "45", "181", "0", "0"],
        ["镇街道 · 干部", "13", "55", "0", "1"],
      ]);
      const spread = await page.$$eval("#group-spread tbody tr", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
      expect(spread).toEqual([
        ["区直单位", "50 / 50", "87.11", "81.83–93.57", "3.15"],
        ["镇街道", "14 / 14", "87.16", "82.03–90", "2.19"],
      ]);
      await page.click("#statistics details.statistics-table summary");
      await noViolations(page, "statistics");
      await page.locator("#statistics").screenshot({ path: path.join(OUT, "screenshots", "41-statistics.png") });
      // Under forced colours the bars take the system's text colour (looked at: the screenshot).
      await page.emulateMedia({ forcedColors: "active" });
      expect(await page.$eval("#statistics rect.grade-bar", (e) => getComputedStyle(e).fill)).toBe(await page.$eval("#statistics figcaption", (e) => getComputedStyle(e).color));
      await page.locator("#statistics").screenshot({ path: path.join(OUT, "screenshots", "42-statistics-forced-colors.png") });
      await page.emulateMedia({ forcedColors: "none" });
      await page.setViewportSize({ width: 320, height: 860 });
      await page.click("#lang");
      expect(await page.getAttribute("#statistics svg[data-pool='3']", "aria-label")).toBe("镇街道 · 干部: Excellent 13, Good/Competent 55, Fair/Basically competent 0, Poor/Incompetent 1");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await noViolations(page, "statistics en 320");
      await page.locator("#statistics").screenshot({ path: path.join(OUT, "screenshots", "43-statistics-en-320.png") });
      await page.click("#lang");
      await page.setViewportSize({ width: 450, height: 860 });
    });

    test("生成反馈通知书 downloads the same .docx as assess notices on the same workbook, and writes nothing into the workbook", async () => {
      await page.click("#tab-feedback");
      expect(await page.inputValue("#feedback-date")).toBe("2024-03-15");
      await page.check("#notices-cadres");
      const before = await dump(page);
      const [download] = await Promise.all([page.waitForEvent("download"), run(page, "#make-notices")]);
      expect(download.suggestedFilename()).toBe("反馈通知书-2024-03-15.docx");
      // Made in the engine's worker (the docx library is in its bundle): the page never loaded the notices-docx chunk.
      expect(await page.getAttribute("#app", "data-engine")).toBe("worker");
      expect(requests.filter((u) => u.endsWith("/notices-docx.js"))).toEqual([]);
      expect(await page.textContent("#notice")).toContain("已生成反馈通知书：64 个单位");
      expect(await dump(page)).toEqual(before);
      const paneDoc = documentXml(fs.readFileSync((await download.path())!));
      // The command line on the same sample, ranked and filled the same way, with the same dates.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-notices-pane-"));
      try {
        const quiet = { stdout: () => undefined, stderr: () => undefined };
        expect(await cli(["sample", "--out", path.join(dir, "s.xlsx")], quiet)).toBe(0);
        expect(await cli(["rank", path.join(dir, "s.xlsx"), "--out", path.join(dir, "r.xlsx"), "--feedback-date", "2024-03-15", "--fill-survey", "--fill-ballots"], quiet)).toBe(1);
        expect(await cli(["notices", path.join(dir, "r.xlsx"), "--out", path.join(dir, "n.docx"), "--date", "2024-03-15", "--cadres"], quiet)).toBe(1);
        const cliDoc = documentXml(fs.readFileSync(path.join(dir, "n.docx")));
        expect(paneDoc.length).toBeGreaterThan(10_000);
        expect(paneDoc === cliDoc).toBe(true);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      // What 栖凤渡镇's notice says (its rank and total as the compute above worked them).
      const text = paneDoc.replace(/<[^>]+>/g, "");
      expect(text).toContain("栖凤渡镇：");
      expect(text).toContain("你单位在镇街道组 14 个单位中排名第 13 位，总分 84.87 分。");
      expect(text).toContain("栖凤渡镇领导班子：良好，综合得分 85.78 分。");
      await noViolations(page, "notices made");
      await shotAll(page, "44-notices");
    });
  });

  test("no request left localhost; no script errors", () => {
    const foreign = requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:"));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
