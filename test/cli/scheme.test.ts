// The rest of the scheme through the command line: the golden scheme cases, POLICY.md §10 #5 and #9
// in the JSON, `assess sample` (deterministic per seed, never over an existing default file) and the
// sample round trip — `assess sample` then `assess rank` gives findings exactly at the planted rows.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { JsonReport } from "../../src/actions/report";
import { generateSample } from "../../src/sample";
import { HIGHLIGHT_FILLS } from "../../src/workbook/port";
import { SCHEME_CASES } from "../golden/scheme-cases";
import { fillOf, loadExcel } from "../support/xlsx-builders";
import { assessBin, compileCli, REPO } from "../support/assess";

const GOLDEN = path.join(REPO, "test/golden");
let tmp: string;

beforeAll(() => {
  compileCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "assess-scheme-"));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const assess = (args: string[], cwd = REPO) => assessBin(args, cwd);

const golden = (name: string, file = "input.xlsx") => path.join(GOLDEN, name, file);
const read = async (file: string) => loadExcel(new Uint8Array(fs.readFileSync(file)));

/** Every cell value of every sheet (what "the same workbook" means for the sample). */
async function values(file: string): Promise<Record<string, unknown[][]>> {
  const wb = await read(file);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
    out[ws.name] = rows;
  }
  return out;
}

describe("golden scheme cases through the command line", () => {
  test.each(SCHEME_CASES.map((c) => [c.name, c] as const))("%s: rank --json prints expected.json", (name, c) => {
    const r = assess(["rank", golden(name), "--json", ...c.args]);
    expect(r.code).toBe(c.exitCode);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(fs.readFileSync(golden(name, "expected.json"), "utf8")));
  });

  test("POLICY.md §10 #5: 民评 of H=90, S=84, A=96 is 13.50; #9: 优秀 six years → 三等功 in years 3 and 6", () => {
    const unit = JSON.parse(assess(["rank", golden("unit-city"), "--json", "--today", "2024-05-04"]).stdout) as JsonReport;
    const u1 = unit.tables.find((t) => t.kind === "unit")!.rows.find((r) => r.id === "U1")!;
    expect(u1.minping).toBe(13.5);
    const history = JSON.parse(assess(["rank", golden("history"), "--json"]).stdout) as JsonReport;
    const h1 = history.tables.find((t) => t.kind === "history")!.rows.find((r) => r.id === "H1")!;
    expect(h1).toMatchObject({ years: [2018, 2019, 2020, 2021, 2022, 2023], merits: [2020, 2023], excellentYears: 3, tenure: 0.5 });
  });

  test("--fill-performance only fills blank P cells, and only when asked", () => {
    const without = JSON.parse(assess(["rank", golden("unit-city"), "--json"]).stdout) as JsonReport;
    const annual = without.tables.find((t) => t.kind === "annual")!.rows;
    expect(annual.map((r) => [r.id, r.composite])).toEqual([
      ["T1", null],
      ["T2", 93],
      ["T3", null],
      ["T4", null],
      ["A1", null],
    ]);
    expect(annual.some((r) => "filledP" in r)).toBe(false);
  });

  test("bad dates are usage errors (exit 2)", () => {
    for (const args of [
      ["--today", "2024-02-30"],
      ["--feedback-date", "yesterday"],
    ]) {
      const r = assess(["rank", golden("feedback"), ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is not a date/);
    }
  });

  test("a rerun keeps the statuses typed into the 反馈 sheet and refreshes the overdue fill", async () => {
    const first = path.join(tmp, "fb1.xlsx");
    expect(assess(["rank", golden("feedback"), "--out", first, "--today", "2024-04-01"]).code).toBe(0);
    // A person marks SK08 done in the written sheet.
    const wb = await read(first);
    const ws = wb.getWorksheet("反馈")!;
    let sk08 = 0;
    ws.eachRow((row, r) => (row.getCell(7).value === "SK08" ? (sk08 = r) : undefined));
    expect(fillOf(ws.getCell(sk08, 1))).toBe(HIGHLIGHT_FILLS.veto);
    ws.getCell(sk08, 13).value = "已整改";
    await wb.xlsx.writeFile(first);
    // Later: SK11's deadline (2024-04-14) has passed too.
    const second = path.join(tmp, "fb2.xlsx");
    const r = assess(["rank", first, "--out", second, "--today", "2024-05-04", "--json"]);
    const fb = (JSON.parse(r.stdout) as JsonReport).tables.find((t) => t.kind === "unit")!.feedback as { items: { indicatorId: string; status: string; overdue: boolean }[] };
    expect(Object.fromEntries(fb.items.map((it) => [it.indicatorId, [it.status, it.overdue]]))).toEqual({ SK07: ["done", false], SK08: ["done", false], SK10: ["open", true], SK11: ["open", true] });
    const out = (await read(second)).getWorksheet("反馈")!;
    const fills: Record<string, string | null> = {};
    out.eachRow((row, n) => {
      if (n > 1 && row.getCell(7).value) fills[String(row.getCell(7).value)] = fillOf(row.getCell(1));
    });
    expect(fills).toEqual({ SK07: null, SK08: null, SK10: HIGHLIGHT_FILLS.veto, SK11: HIGHLIGHT_FILLS.veto });
  });
});

describe("assess sample", () => {
  test("deterministic per seed: the same seed gives the same cells, another seed other cells", async () => {
    const a = path.join(tmp, "a.xlsx");
    const b = path.join(tmp, "b.xlsx");
    const c = path.join(tmp, "c.xlsx");
    for (const [file, seed] of [
      [a, "7"],
      [b, "7"],
      [c, "8"],
    ]) {
      const r = assess(["sample", "--out", file, "--seed", seed, "--cadres", "150"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/Written: /);
    }
    const va = await values(a);
    expect(Object.keys(va)).toEqual(["年度考核", "单位绩效", "市考指标", "历年等次", "政治建设考察", "民意调查", "民主测评票", "示例说明"]);
    expect(await values(b)).toEqual(va);
    expect((await values(c))["年度考核"]).not.toEqual(va["年度考核"]);
    // The cells are the generator's, headers on row 1.
    const s = generateSample({ seed: 7, cadres: 150 });
    for (const sheet of s.sheets) expect({ sheet: sheet.name, rows: va[sheet.name] }).toEqual({ sheet: sheet.name, rows: [sheet.headers, ...sheet.rows].map((r) => r.map((v) => v ?? undefined)) });
  });

  test("the default file is written in the current folder, and never overwritten unless --out names it", () => {
    const dir = fs.mkdtempSync(path.join(tmp, "cwd-"));
    const file = path.join(dir, "assess-sample.xlsx");
    const r = assess(["sample", "--cadres", "150"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("assess rank assess-sample.xlsx");
    const before = fs.readFileSync(file);
    const again = assess(["sample", "--seed", "1", "--cadres", "150"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(assess(["sample", "--out", "assess-sample.xlsx", "--seed", "1", "--cadres", "150"], dir).code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(false);
  });

  test("round trip: findings exactly at the planted rows; unit totals, merits, coverage, 反馈 present", async () => {
    const file = path.join(tmp, "sample.xlsx");
    const ranked = path.join(tmp, "ranked.xlsx");
    expect(assess(["sample", "--out", file]).code).toBe(0);
    const s = generateSample();
    // The sample's blank indices and 民主测评 come from its raw answers (示例说明 says so).
    const r = assess(["rank", file, "--json", "--out", ranked, "--feedback-date", s.context.feedbackDate, "--today", "2024-05-04", "--fill-survey", "--fill-ballots"]);
    expect(r.code).toBe(1); // the planted bad cells are errors
    const report = JSON.parse(r.stdout) as JsonReport;
    const key = (sheet: string | null, row: number | null, code: string) => `${sheet}:${row}:${code}`;
    expect(report.findings.map((f) => key(f.sheet, f.row, f.code)).sort()).toEqual(s.planted.flatMap((p) => p.codes.map((code) => key(p.sheet, p.row, code))).sort());

    expect(report.tables.map((t) => t.kind)).toEqual(["annual", "unit", "city", "history", "examination", "survey", "ballots"]);
    const unit = report.tables.find((t) => t.kind === "unit")!;
    expect(unit.rows).toHaveLength(64);
    expect(unit.rows.every((u) => typeof u.total === "number" && typeof u.rank === "number")).toBe(true);
    expect(unit.rows.find((u) => u.name === "区发改局")).toMatchObject({ cityBonus: 5 });
    const history = report.tables.find((t) => t.kind === "history")!;
    expect(history.rows.filter((h) => Array.isArray(h.merits) && (h.merits as number[]).length > 0).length).toBeGreaterThanOrEqual(3);
    const coverage = report.tables.find((t) => t.kind === "examination")!.coverage as { term: string; percent: number; yearsLeft: number }[];
    expect(coverage.map((t) => t.term)).toEqual(["2016–2020", "2021–2025"]);
    expect(coverage[1]).toMatchObject({ percent: 68.75, yearsLeft: 3 });
    const annual = report.tables.find((t) => t.kind === "annual")!;
    expect(annual.rows.filter((a) => a.priorityPromotion).length).toBeGreaterThan(0);

    const wb = await read(ranked);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["年度考核", "单位绩效", "市考指标", "历年等次", "政治建设考察", "民意调查", "民主测评票", "示例说明", "历年奖励", "考察覆盖", "反馈", "民意调查汇总", "民主测评汇总", "考核统计", "校验结果"]);
    const fb = unit.feedback as { items: { overdue: boolean }[] };
    const deductions = unit.rows.reduce((n, u) => n + (u.deductions as unknown[]).length, 0);
    expect(fb.items).toHaveLength(deductions);
    const sheet = wb.getWorksheet("反馈")!;
    let filled = 0;
    sheet.eachRow((row, n) => (n > 1 && fillOf(row.getCell(1)) === HIGHLIGHT_FILLS.veto ? filled++ : undefined));
    expect(filled).toBe(fb.items.filter((it) => it.overdue).length);
    expect(filled).toBeGreaterThan(0);
  });
});
