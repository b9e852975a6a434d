// Issue #6, promise 3: no formula or markup injection. Cell text the add-in copies into a sheet (the
// 说明 column, the 校验结果 sheet, any sheet written through WorkbookPort.addSheet such as 反馈)
// stays text in Excel: a leading = + - @ never becomes a formula. The Excel double turns such strings
// into formulas exactly as Excel does when they are assigned to range.values, so these tests fail if
// the adapter's guard goes. The pane never interprets text as HTML: no markup sinks in the sources
// or the built bundles (the browser suite checks the rendered pane, test/e2e).
import * as fs from "node:fs";
import * as path from "node:path";
import { OfficeWorkbook } from "../../src/workbook/office";
import { createWorkbook } from "../support/excel-double";
import { ensureDist, ROOT } from "../support/dist";
import { HEADERS } from "../taskpane/fixtures";
import { HOSTILE } from "./hostile";
import { attemptCompute, paneOn } from "./pane-support";


describe("cell text stays text in every sheet the add-in writes", () => {
  test("the Office.js adapter writes every hostile string back as the same text, never a formula", async () => {
    const d = createWorkbook({ sheets: [{ name: "S", rows: [["编号"], ...HOSTILE.map(() => ["x"])] }] }).install(globalThis);
    const port = new OfficeWorkbook();
    const ref = { sheet: "S", kind: null, headerRow: 1, firstColumn: 1, lastColumn: 1, lastRow: 1 + HOSTILE.length };
    await port.writeColumns(ref, [{ column: 2, header: "=说明", values: HOSTILE }]);
    const name = await port.addSheet("反馈", [["=单位", "+排名"], ...HOSTILE.map((h) => [h, h])]);
    HOSTILE.forEach((h, i) => {
      for (const [sheet, addr] of [["S", `B${i + 2}`], [name, `A${i + 2}`], [name, `B${i + 2}`]]) {
        const c = d.cell(sheet, addr);
        expect({ addr, h, formula: c.formula, type: c.type, value: c.value }).toEqual({ addr, h, formula: null, type: "String", value: h });
      }
    });
    expect(d.cell("S", "B1")).toMatchObject({ value: "=说明", formula: null });
    expect(d.cell(name, "B1")).toMatchObject({ value: "+排名", formula: null });
  });

  test("a compute on a table full of formula-like text: 说明 and 校验结果 quote it as text; no cell gains a formula", async () => {
    // Text cells as a user has them (typed with Excel's apostrophe), in every text column.
    const rows = HOSTILE.map((h, i) => [`'${h}`, `'${h}`, "干部", `'${h}`, i % 2 ? "区直单位" : `'${h}`, "否", 80, 80, 80, 80, 80, i % 3 ? "过得硬" : `'${h}`, "无", "否"]);
    const rig = paneOn({ sheets: [{ name: "年度考核", rows: [HEADERS, ...rows], cells: { T1: { formula: "=1+1", result: 2 } } }] });
    const formulasBefore = formulaCells(rig.dump());
    const a = await attemptCompute(rig);
    expect(a.outcome?.status).toBe("computed");
    expect(formulaCells(rig.dump())).toEqual(formulasBefore); // only the user's own formula
    expect(rig.d.sheetNames()).toContain("校验结果");

    // The texts come back verbatim where the add-in quotes them.
    const findings = rig.d.values("校验结果", "A1:H200").flat().map(String);
    const notes = rig.d.values("年度考核", `R2:R${rows.length + 1}`).flat().map(String);
    const quoted = [...findings, ...notes].join("\n");
    for (const h of ["=1+1", "+SUM(A1:A9)", "-2+3", "=cmd|' /C calc'!A0", "<img src=x onerror=alert(1)>"]) expect(quoted).toContain(h);
  });
});

function formulaCells(dump: { sheets: { name: string; cells: Record<string, Record<string, unknown>> }[] }): string[] {
  return dump.sheets.flatMap((s) => Object.entries(s.cells).filter(([, c]) => c.formula).map(([a, c]) => `${s.name}!${a}=${String(c.formula)}`));
}

describe("text is never interpreted as HTML in the pane", () => {
  const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|createContextualFragment|DOMParser|srcdoc)\b/;

  function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|js|html)$/.test(e.name) ? [path.join(dir, e.name)] : []));
  }

  test("no markup sink anywhere in src/ (the pane builds its DOM with textContent)", () => {
    const hits = files(path.join(ROOT, "src")).flatMap((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${path.relative(ROOT, f)}:${i + 1}`, line }))
        .filter((x) => SINKS.test(x.line)),
    );
    expect(hits).toEqual([]);
  });

  test("none in the built bundles either", () => {
    const dist = ensureDist();
    for (const f of ["taskpane.js", "functions.js", "engine-worker.js", "notices-docx.js"]) {
      const text = fs.readFileSync(path.join(dist, f), "utf8");
      expect({ f, sink: SINKS.exec(text)?.[0] ?? null }).toEqual({ f, sink: null });
    }
  });

  test("Microsoft's Fluent kit (fluent.js) uses innerHTML only, for its own templates and styles", () => {
    // FAST (Fluent's base) compiles each component's static template by assigning it to a <template>
    // element's innerHTML, and its DOM policy refuses innerHTML bindings; cell text never reaches it
    // (the pane's code above has no sink, and the browser suite shows hostile markup as text).
    const text = fs.readFileSync(path.join(ensureDist(), "fluent.js"), "utf8");
    const kinds = new Set([...text.matchAll(new RegExp(SINKS.source, "g"))].map((m) => m[0]));
    expect([...kinds]).toEqual(["innerHTML"]);
  });

  test("the sink check is live: it catches a sink", () => {
    expect(SINKS.test("el.innerHTML = text")).toBe(true);
    expect(SINKS.test("el.insertAdjacentHTML('beforeend', t)")).toBe(true);
    expect(SINKS.test("el.textContent = text")).toBe(false);
  });
});
