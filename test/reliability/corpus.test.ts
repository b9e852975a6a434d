// Issue #6, promise 1: bad input never crashes and is always explained. A corpus of broken and
// hostile workbooks goes through the command line; each gives findings (exit 0/1) or exactly one
// clear line in Chinese and English (exit 2), never a stack trace, and never changes the input.
import * as ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { assessHere } from "../support/assess";

const HEAD = ["编号", "姓名", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评"];
const good = (id: string, score = 80): ExcelJS.CellValue[] => [id, `干部${id}`, "区直单位", score, score, score, score, score, "过得硬", ""];

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "assess-corpus-"))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  json?: { tables: { sheet: string; rows: { row: number; id: string; composite: number | null; grade: string | null }[] }[]; findings: { code: string; severity: string; row: number | null; cell: string | null; message: { zh: string; en: string } }[] };
}

const assess = (...argv: string[]): Promise<Outcome> => assessHere<Outcome["json"]>(argv);

async function save(name: string, build: (wb: ExcelJS.Workbook) => unknown): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  const file = path.join(tmp, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

function annualSheet(wb: ExcelJS.Workbook, rows: ExcelJS.CellValue[][], name = "年度考核", head = HEAD): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return ws;
}

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Run rank --json and --out; check the promises that hold for every input. */
async function rankBoth(file: string): Promise<Outcome> {
  const before = sha(file);
  const r = await assess("rank", file, "--json");
  const out = path.join(tmp, `out-${path.basename(file)}`);
  const w = await assess("rank", file, "--out", out);
  expect(w.code).toBe(r.code);
  expect(sha(file)).toBe(before); // the input is never written
  for (const o of [r, w]) expect(o.stderr).not.toMatch(/\n\s+at |TypeError|ReferenceError|undefined is not/);
  return r;
}

function expectOneLine(o: Outcome, pattern?: RegExp) {
  expect(o.code).toBe(2);
  const lines = o.stderr.split("\n").filter((l) => l.trim());
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(lines[0]).toMatch(/[A-Za-z]{4,}/);
  if (pattern) expect(lines[0]).toMatch(pattern);
}

const codesAt = (o: Outcome) => (o.json?.findings ?? []).map((f) => [f.code, f.cell ?? f.row]);

describe("hostile and broken workbooks through the CLI", () => {
  test("error values and formulas in input cells", async () => {
    const file = await save("errors", (wb) => {
      annualSheet(wb, [
        ["A1", "甲", "区直单位", { formula: "1/0", result: { error: "#DIV/0!" } }, 80, 80, 80, 80, "过得硬", ""],
        ["A2", "乙", "区直单位", { formula: "NA()", result: { error: "#N/A" } }, 80, 80, 80, 80, "过得硬", ""],
        ["A3", "丙", "区直单位", { formula: "40*2", result: 80 }, 80, 80, 80, 80, "过得硬", ""],
        good("A4"),
      ] as ExcelJS.CellValue[][]);
    });
    const r = await rankBoth(file);
    expect(r.code).toBe(1);
    expect(codesAt(r)).toEqual([
      ["NOT_A_NUMBER", "D2"],
      ["NOT_A_NUMBER", "D3"],
    ]);
    expect(r.json!.findings[0].message.zh).toContain("#DIV/0!");
    // A formula's cached result is a value like any other.
    expect(r.json!.tables[0].rows[2]).toMatchObject({ id: "A3", composite: 80 });
  });

  test("dates and booleans in score cells; 1e308, negative zero", async () => {
    const file = await save("types", (wb) => {
      annualSheet(wb, [
        ["B1", "甲", "区直单位", new Date(Date.UTC(2023, 0, 1)), 80, 80, 80, 80, "过得硬", ""],
        ["B2", "乙", "区直单位", true, 80, 80, 80, 80, "过得硬", ""],
        ["B3", "丙", "区直单位", 1e308, 80, 80, 80, 80, "过得硬", ""],
        ["B4", "丁", "区直单位", -0, 80, 80, 80, 80, "过得硬", ""],
      ]);
    });
    const r = await rankBoth(file);
    expect(codesAt(r)).toEqual([
      ["NOT_A_NUMBER", "D2"],
      ["NOT_A_NUMBER", "D3"],
      ["OUT_OF_RANGE", "D4"],
    ]);
    expect(r.json!.tables[0].rows[3]).toMatchObject({ id: "B4", composite: 32 }) // 0.6 × 0 + 0.1 × 80 × 4;
  });

  test("NaN and Infinity written as text are not numbers", async () => {
    const file = await save("nan", (wb) => annualSheet(wb, [["C1", "甲", "区直单位", "NaN", 80, 80, 80, 80, "过得硬", ""], ["C2", "乙", "区直单位", "Infinity", 80, 80, 80, 80, "过得硬", ""], good("C3")]));
    const r = await rankBoth(file);
    expect(codesAt(r)).toEqual([
      ["NOT_A_NUMBER", "D2"],
      ["NOT_A_NUMBER", "D3"],
    ]);
  });

  test("10,000-character strings, emoji and right-to-left text stay data and stay short in messages", async () => {
    const long = "长".repeat(10_000);
    const file = await save("strings", (wb) => {
      annualSheet(wb, [
        ["D1", long, "区直单位", 80, 80, 80, 80, 80, "过得硬", ""],
        ["D2😀", "مرحبا بالعالم", "区直单位", 90, 90, 90, 90, 90, "过得硬", ""],
        ["D3", "名", "区直单位", 80, 80, 80, 80, 80, long, ""],
      ]);
    });
    const r = await rankBoth(file);
    expect(codesAt(r)).toEqual([["UNKNOWN_VALUE", "I4"]]);
    expect(r.json!.findings[0].message.zh.length).toBeLessThan(200);
    expect(r.json!.tables[0].rows[1]).toMatchObject({ id: "D2😀", grade: "优秀" });
  });

  test("merged cells and hidden rows are read as they are", async () => {
    const file = await save("merged", (wb) => {
      const ws = annualSheet(wb, [good("E1", 90), good("E2", 80), good("E3", 70)]);
      ws.mergeCells("C2:C4"); // one 分组 for three rows
      ws.getRow(3).hidden = true;
    });
    const r = await rankBoth(file);
    expect(r.code).toBe(0);
    expect(r.json!.tables[0].rows.map((x) => [x.id, x.composite])).toEqual([
      ["E1", 90],
      ["E2", 80],
      ["E3", 70],
    ]);
  });

  test("duplicate and missing headers", async () => {
    const dup = await save("dup-header", (wb) => annualSheet(wb, [[...good("F1"), 70]], "年度考核", [...HEAD, "绩效考核"]));
    const r1 = await rankBoth(dup);
    expect(r1.code).toBe(1);
    expect(r1.json!.findings.map((f) => f.code)).toEqual(["DUPLICATE_COLUMN"]);
    expect(r1.json!.tables[0].rows[0].composite).toBeNull();
    const missing = await save("missing-header", (wb) => annualSheet(wb, [good("F2").filter((_, i) => i !== 5)], "年度考核", HEAD.filter((_, i) => i !== 5)));
    const r2 = await rankBoth(missing);
    expect(r2.json!.findings.map((f) => f.code)).toEqual(["MISSING_COLUMN"]);
    expect(r2.json!.findings[0].message.en).toContain("Leader evaluation");
  });

  test("a header-only table, an empty sheet, a workbook with no table", async () => {
    const headerOnly = await rankBoth(await save("header-only", (wb) => annualSheet(wb, [])));
    expect(headerOnly.code).toBe(0);
    expect(headerOnly.json!.tables[0].rows).toEqual([]);
    const empty = await assess("rank", await save("empty", (wb) => void wb.addWorksheet("空")), "--json");
    expectOneLine(empty);
  });

  test("two annual tables in one workbook are both processed, each with its own pools", async () => {
    const file = await save("two-tables", (wb) => {
      annualSheet(wb, [good("G1", 95), good("G2", 85)], "区直");
      annualSheet(wb, [good("H1", 91), good("H2", 92)], "镇街");
    });
    const r = await rankBoth(file);
    expect(r.json!.tables.map((t) => [t.sheet, t.rows.map((x) => x.grade)])).toEqual([
      ["区直", ["优秀", "称职"]],
      ["镇街", ["称职", "优秀"]],
    ]);
  });

  test("a password-protected sheet is read; the output is still written", async () => {
    const file = await save("protected", async (wb) => {
      const ws = annualSheet(wb, [good("P1", 95)]);
      await ws.protect("secret", { selectLockedCells: true });
    });
    const r = await rankBoth(file);
    expect(r.code).toBe(0);
    expect(r.json!.tables[0].rows[0]).toMatchObject({ composite: 95, grade: "优秀" });
  });

  test("corrupted, truncated, non-xlsx and missing files: one line, exit 2", async () => {
    const ok = await save("to-truncate", (wb) => annualSheet(wb, [good("T1")]));
    const truncated = path.join(tmp, "truncated.xlsx");
    fs.writeFileSync(truncated, fs.readFileSync(ok).subarray(0, 200));
    const random = path.join(tmp, "random.xlsx");
    fs.writeFileSync(random, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const text = path.join(tmp, "notes.xlsx");
    fs.writeFileSync(text, "编号,绩效考核\nA,90\n");
    const emptyFile = path.join(tmp, "zero.xlsx");
    fs.writeFileSync(emptyFile, "");
    for (const f of [truncated, random, text, emptyFile, path.join(tmp, "nope.xlsx"), tmp]) {
      expectOneLine(await assess("rank", f, "--json"));
      expectOneLine(await assess("validate", f));
    }
  });

  test("a policy file with every kind of mistake: one line naming the problem, exit 2", async () => {
    const file = await save("for-policy", (wb) => annualSheet(wb, [good("Q1")]));
    const cases: [string, RegExp][] = [
      ["{ not json", /JSON/],
      ["[1, 2, 3]", /JSON|object|对象/],
      [JSON.stringify({ weights: { P: 0.5 } }), /weights|权重/],
      [JSON.stringify({ bands: [60, 75, 90] }), /bands/],
      [JSON.stringify({ quota: { ratio: 2 } }), /quota\.ratio/],
      [JSON.stringify({ quota: { rounding: "up" } }), /quota\.rounding/],
      [JSON.stringify({ ranking: { style: "olympic" } }), /ranking\.style/],
      [JSON.stringify({ wieghts: {} }), /wieghts/],
      [JSON.stringify({ vocabulary: { yes: ["是", "否"] } }), /vocabulary/],
      ["", /JSON|empty|空/],
    ];
    for (const [text, pattern] of cases) {
      const p = path.join(tmp, "policy.json");
      fs.writeFileSync(p, text);
      expectOneLine(await assess("rank", file, "--policy", p, "--json"), pattern);
    }
    expectOneLine(await assess("rank", file, "--policy", path.join(tmp, "no-such-policy.json")));
  });

  test("cell text that looks like a formula stays text in every sheet the CLI writes", async () => {
    const file = await save("injection", (wb) => {
      annualSheet(wb, [
        ["=1+1", "=HYPERLINK(\"http://example.invalid\",\"x\")", "区直单位", 80, 80, 80, 80, 80, "过得硬", ""],
        ["+SUM(A1)", "@cmd", "区直单位", 80, 80, 80, 80, 80, "-2+3", ""],
      ]);
    });
    const out = path.join(tmp, "injection-out.xlsx");
    const r = await assess("rank", file, "--out", out);
    expect(r.code).toBe(1); // "-2+3" is not a political-quality value
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      );
    }
    const findings = wb.getWorksheet("校验结果")!;
    const texts: string[] = [];
    findings.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => t.includes("-2+3"))).toBe(true);
  });
});
