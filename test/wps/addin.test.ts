// The WPS build (dist-wps/) against what WPS requires of a JS 加载项, and its script run on the WPS
// double: ribbon.xml (no XML declaration, every callback a global function of index.html), manifest.xml
// (<JsPlugin> with <Functions>), functions.json (wpsjs's format), index.html (classic scripts only), and
// main.js registering the ASSESS functions so that a formula computes through WPS's registration.
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as acorn from "acorn";
import { parseElements } from "../../scripts/validate-manifest";
import { FUNCTION_NAME, RIBBON_CALLBACKS, wpsType } from "../../scripts/wps-addin";
import { defaultPolicy } from "../../src/engine/policy";
import { COMMAND_KEY, POLICY_KEY, TASKPANE_KEY } from "../../src/workbook/wps/plugin-storage";
import { SETTINGS_SHEET, WpsDocumentSettings } from "../../src/workbook/wps/settings";
import { readDist } from "../support/dist";
import { createWorkbook, WpsDouble } from "../support/wps-double";
import { ensureWpsDist, readWps, WPS_DIST } from "../support/wps-dist";

jest.setTimeout(180_000);

beforeAll(() => ensureWpsDist());

describe("ribbon.xml", () => {
  const xml = () => readWps("ribbon.xml");

  test("starts with <customUI (WPS's publish check), no XML declaration or BOM", () => {
    expect(xml().startsWith("<customUI ")).toBe(true);
  });

  test("CustomUI 2006/01 with the five buttons, labels and tips through callbacks only", () => {
    const { elements } = parseElements(xml());
    const root = elements[0];
    expect(root.name).toBe("customUI");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/2006/01/customui");
    expect(root.attrs.onLoad).toBe("OnAddinLoad");
    const buttons = elements.filter((e) => e.name === "button");
    expect(buttons.map((b) => b.attrs.id)).toEqual(["assessCompute", "assessValidate", "assessFeedback", "assessUndo", "assessOpen"]);
    for (const e of elements.filter((x) => ["tab", "group", "button"].includes(x.name))) {
      expect(e.attrs.label).toBeUndefined(); // label and getLabel exclude each other in CustomUI
      expect(e.attrs.getLabel).toBe("OnGetLabel");
    }
    // Every callback named is one main.js defines.
    const named = new Set(elements.flatMap((e) => Object.entries(e.attrs).filter(([k]) => /^(on|get)[A-Z]/.test(k)).map(([, v]) => v)));
    expect([...named].sort()).toEqual([...RIBBON_CALLBACKS].sort());
  });
});

describe("manifest.xml and functions.json", () => {
  test("manifest.xml: <JsPlugin> with the functions' uri and the ASSESS namespace", () => {
    const text = readWps("manifest.xml");
    const { elements } = parseElements(text);
    const by = (n: string) => elements.find((e) => e.name === n);
    expect(elements[0].name).toBe("JsPlugin");
    const textOf = (n: string) => new RegExp(`<${n}>([^<]*)</${n}>`).exec(text)?.[1];
    expect(by("Functions")).toBeDefined();
    expect(textOf("Uri")).toBe("/functions.json");
    expect(textOf("Namespace")).toBe("ASSESS");
    expect(textOf("ApiVersion")).toBe("1.0.0");
    expect(textOf("Name")).toBe("assess");
  });

  test("functions.json: wpsjs's shape, the Excel ids as names, Chinese names leading the descriptions", () => {
    const wps = JSON.parse(readWps("functions.json")) as { functions: { name: string; description: string; parameters: { name: string; type: string; description: string }[]; result: { type: string } }[] };
    const excel = JSON.parse(readDist("functions.json")) as { functions: { id: string; parameters: { name: string; optional?: boolean; dimensionality?: string }[] }[] };
    const zh = JSON.parse(readDist("functions.zh-CN.json")) as { functions: { id: string; name: string }[] };
    expect(Object.keys(JSON.parse(readWps("functions.json")))).toEqual(["functions"]);
    expect(wps.functions.map((f) => f.name)).toEqual(excel.functions.map((f) => f.id));
    const TYPE = /^(string|number|bool|any)(\[\]\[\])?\??$/;
    wps.functions.forEach((f, i) => {
      expect(f.name).toMatch(FUNCTION_NAME);
      expect(f.description.startsWith(`${zh.functions[i].name}：`)).toBe(true);
      expect(f.result.type).toMatch(TYPE);
      expect(f.parameters.map((p) => p.name)).toEqual(excel.functions[i].parameters.map((p) => p.name));
      f.parameters.forEach((p, j) => {
        expect(p.type).toMatch(TYPE);
        const x = excel.functions[i].parameters[j];
        expect(p.type.endsWith("?")).toBe(!!x.optional);
        expect(p.type.includes("[][]")).toBe(x.dimensionality === "matrix");
      });
    });
    // COMPOSITE(P, D, L, S, B) → number; RANKING(table) spills a matrix.
    expect(wps.functions[0]).toMatchObject({ name: "COMPOSITE", result: { type: "number" } });
    expect(wps.functions.find((f) => f.name === "RANKING")).toMatchObject({ parameters: [{ name: "table", type: "any[][]" }], result: { type: "any[][]" } });
    expect(wpsType({ type: "boolean" })).toBe("bool");
  });
});

describe("index.html and the bundles", () => {
  test("index.html loads main.js as a classic script, nothing from elsewhere", () => {
    const html = readWps("index.html");
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBe(1);
    expect(scripts[0]).toMatch(/src="?main\.js"?/);
    expect(scripts[0]).not.toMatch(/type="module"|defer|async/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toMatch(/connect-src 'none'/);
  });

  test("no API the old embedded Chromium lacks, no URL", () => {
    for (const f of fs.readdirSync(WPS_DIST).filter((n) => n.endsWith(".js"))) {
      const js = fs.readFileSync(path.join(WPS_DIST, f), "utf8");
      expect(js).not.toMatch(/randomUUID|structuredClone|\.replaceAll\(|Object\.hasOwn\(/);
      // The 反馈通知书 chunk (the docx library) holds the XML namespace names it writes into a document —
      // identifiers, never loaded — and one link in an error message; nothing else that looks like an address.
      const text = f === "notices-docx.js" ? js.replace(/http:\/\/(schemas\.openxmlformats\.org|schemas\.microsoft\.com\/office|purl\.org\/dc|purl\.oclc\.org\/ooxml)\/|https:\/\/answers\.microsoft\.com\/en-us\/msoffice\/forum\/all\/does-word-support-more-than-9-list-levels\//g, "") : js;
      expect({ f, url: /https?:\/\/(?!www\.w3\.org)[^"'`\s]*/.exec(text)?.[0] ?? null }).toEqual({ f, url: null });
    }
  });

  test("every bundle parses as ES2017 (acorn, a parser of its own), packages from node_modules included", () => {
    // WPS's embedded Chromium can be older than the syntax Fluent ships (?. ?? ??= class fields #private):
    // one token it cannot read and the page is blank. scripts/downlevel-loader.js rewrites them.
    const bundles = fs.readdirSync(WPS_DIST).filter((n) => n.endsWith(".js"));
    // main.js, taskpane.js and the lazily loaded 反馈通知书 chunk (notices-docx.js, the docx library).
    expect(bundles).toEqual(expect.arrayContaining(["main.js", "taskpane.js", "notices-docx.js"]));
    for (const f of bundles) {
      const js = fs.readFileSync(path.join(WPS_DIST, f), "utf8");
      expect(() => acorn.parse(js, { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
    }
    // The parser does refuse what the old Chromium cannot read (the check above could fail).
    for (const later of ["a ??= 1", "a?.b", "a ?? b", "class A { x = 1 }", "class A { #x; m() { return this.#x } }"]) expect(() => acorn.parse(later, { ecmaVersion: 2017 })).toThrow();
  });

  test("the images the ribbon names are in the build", () => {
    for (const f of ["compute", "validate", "feedback", "undo", "open"]) expect(fs.existsSync(path.join(WPS_DIST, "images", `${f}.svg`))).toBe(true);
  });
});

/** index.html's page on the WPS double: main.js run as a classic script in a window-like context. */
function loadMain(d: WpsDouble, lang: "zh" | "en" = "zh") {
  const alerts: string[] = [];
  const storage = new Map<string, string>(lang === "en" ? [["assess.lang", "en"]] : []);
  const win: Record<string, unknown> = {
    location: { href: "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/assess_0.1.0/index.html" },
    localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
    alert: (m: string) => alerts.push(m),
    setTimeout,
    clearTimeout,
    console,
  };
  win.window = win;
  win.globalThis = win;
  d.install(win);
  const context = vm.createContext(win);
  vm.runInContext(readWps("main.js"), context, { filename: "main.js" });
  type Fn = (...a: unknown[]) => unknown;
  return { win: win as Record<string, Fn> & { __assessWps: { functions: string[] | null } }, alerts };
}

describe("main.js on the WPS double", () => {
  const annual = [
    ["编号", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "综合"],
    ["A01", 92, 88, 90, 85, 95, null],
    ["A02", "abc", 88, 90, 85, 95, null],
  ];

  test("the ribbon callbacks are global functions; labels in the pane's language", () => {
    const d = createWorkbook();
    const { win } = loadMain(d);
    for (const name of RIBBON_CALLBACKS) expect(typeof win[name]).toBe("function");
    expect(win.OnAddinLoad({})).toBe(true);
    expect(win.OnGetLabel({ Id: "assessTab" })).toBe("考核助手");
    expect(win.OnGetLabel({ Id: "assessCompute" })).toBe("计算排名");
    expect(win.OnGetLabel({ Id: "assessOpen" })).toBe("打开考核助手");
    expect(win.GetImage({ Id: "assessUndo" })).toBe("images/undo.svg");
    expect(loadMain(createWorkbook(), "en").win.OnGetLabel({ Id: "assessCompute" })).toBe("Compute ranking");
  });

  test("计算排名 posts the verb for the pane and shows it; 打开考核助手 toggles it", () => {
    const d = createWorkbook();
    const { win, alerts } = loadMain(d);
    expect(win.OnAction({ Id: "assessCompute" })).toBe(true);
    expect(JSON.parse(String(d.pluginStorage.get(COMMAND_KEY))).verb).toBe("compute");
    expect(d.taskPanes).toHaveLength(1);
    expect(d.taskPanes[0]).toMatchObject({ url: "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/assess_0.1.0/taskpane.html", title: "考核助手", Visible: true });
    expect(d.pluginStorage.get(TASKPANE_KEY)).toBe("1");
    win.OnAction({ Id: "assessOpen" });
    expect(d.taskPanes[0].Visible).toBe(false);
    win.OnAction({ Id: "assessUndo" });
    expect(d.taskPanes).toHaveLength(1); // the same pane, shown again
    expect(d.taskPanes[0].Visible).toBe(true);
    expect(JSON.parse(String(d.pluginStorage.get(COMMAND_KEY))).verb).toBe("undo");
    expect(alerts).toEqual([]);
  });

  test("the ASSESS functions are registered under WPS's namespace, and a formula computes through them", () => {
    const d = createWorkbook({ sheets: [{ name: "年度", rows: annual }] });
    const { win } = loadMain(d);
    const excel = JSON.parse(readDist("functions.json")) as { functions: { id: string }[] };
    expect(win.__assessWps.functions).toEqual(excel.functions.map((f) => f.id));
    expect(d.functions).toEqual(excel.functions.map((f) => `ASSESS.${f.id}`).sort());
    // 0.6·92 + 0.1·(88+90+85+95) = 55.2 + 35.8 = 91 (POLICY §10 example 1)
    d.type("年度", "G2", "=ASSESS.COMPOSITE(B2,C2,D2,E2,F2)");
    expect(d.cell("年度", "G2")).toMatchObject({ value: 91, type: "Double" });
    // A bad argument: an error value, the reason naming the argument in both languages.
    d.type("年度", "G3", "=ASSESS.COMPOSITE(B3,C3,D3,E3,F3)");
    expect(d.cell("年度", "G3")).toMatchObject({ value: "#VALUE!", type: "Error" });
    expect(d.cell("年度", "G3").error).toContain("参数 P：“abc”不是数字 | P: \"abc\" is not a number");
    // Chinese words as arguments, a range argument.
    d.type("年度", "H2", '=ASSESS.GRADE(G2,"过得硬","无","否")');
    expect(d.cell("年度", "H2").value).toBe("优秀");
    d.type("年度", "H3", "=ASSESS.CONVERT(B2,B2:B3)");
    expect(d.cell("年度", "H3").value).toBe(100);
  });

  test("the functions follow the workbook's policy: published at start, and again when the pane publishes a new one", async () => {
    const d = createWorkbook({ sheets: [{ name: "年度", rows: annual }] });
    // The workbook carries a policy with P at 50% and the other four at 12.5% each.
    const doc = JSON.parse(JSON.stringify(defaultPolicy())) as Record<string, unknown>;
    doc.weights = { P: 0.5, D: 0.125, L: 0.125, S: 0.125, B: 0.125 };
    const settings = new WpsDocumentSettings(() => d.application as never);
    settings.set("assess.policy", JSON.stringify(doc));
    await settings.save();
    expect(d.sheetVisibility(SETTINGS_SHEET)).toBe(2);
    loadMain(d);
    expect(JSON.parse(String(d.pluginStorage.get(POLICY_KEY))).weights.P).toBe(0.5);
    // 0.5·92 + 0.125·(88+90+85+95) = 46 + 44.75 = 90.75
    d.type("年度", "G2", "=ASSESS.COMPOSITE(B2,C2,D2,E2,F2)");
    expect(d.cell("年度", "G2").value).toBe(90.75);
    // The pane publishes the default policy again (a reset): the next calculation uses it.
    d.pluginStorage.set(POLICY_KEY, JSON.stringify(defaultPolicy()));
    (d.application as { Calculate(): void }).Calculate();
    expect(d.cell("年度", "G2").value).toBe(91);
  });

  test("a WPS without custom functions (before 12.1.0.20540): the ribbon still loads, nothing is registered", () => {
    const d = createWorkbook({ build: 16910 });
    const { win } = loadMain(d);
    expect(win.__assessWps.functions).toBeNull();
    expect(typeof win.OnAction).toBe("function");
  });
});
