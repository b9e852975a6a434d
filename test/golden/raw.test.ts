// Golden workbook cases of the raw answers (raw-cases.ts): test/golden/<case>/{input.xlsx,
// expected.json}, run through the action code the CLI uses and through `assess rank` itself, checked
// against the indices, D and results worked out by hand. MAKE_GOLDEN=1 rewrites input.xlsx from the
// spec and expected.json from the output (only when the hand checks pass).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { JsonReport } from "../../src/actions/report";
import { run } from "../../src/cli/main";
import { buildBytes, buildWorkbook, dumpCells, loadExcel } from "../support/xlsx-builders";
import { expectInputCellsKept, goldenCase, GoldenRun } from "./harness";
import { RawCase, RAW_CASES } from "./raw-cases";

type Row = Record<string, unknown>;
const tableOf = (report: JsonReport, kind: string) => report.tables.find((t) => t.kind === kind);

function checkAgainstHand(c: RawCase, report: JsonReport): void {
  expect(report.findings.map((f) => [f.sheet, f.row, f.cell ?? null, f.code, f.severity])).toEqual(c.findings);
  const { hand } = c;
  if (hand.survey) {
    const rows = Object.fromEntries(tableOf(report, "survey")!.rows.map((r) => [String(r.unit), r]));
    expect(Object.keys(rows).sort()).toEqual(Object.keys(hand.survey).sort());
    for (const [unit, h] of Object.entries(hand.survey)) {
      const r = rows[unit];
      expect({ unit, happiness: r.happiness, satisfaction: r.satisfaction, security: r.security, counted: r.counted, questionnaires: r.questionnaires }).toEqual({ unit, ...h });
    }
  }
  if (hand.unit) {
    const rows = Object.fromEntries(tableOf(report, "unit")!.rows.map((r) => [String(r.id), r]));
    expect(Object.keys(rows).sort()).toEqual(Object.keys(hand.unit).sort());
    for (const [id, h] of Object.entries(hand.unit)) {
      const r = rows[id];
      expect({ id, filledH: r.filledH, filledS: r.filledS, filledA: r.filledA, minping: r.minping, total: r.total, rank: r.rank }).toEqual({ id, ...h });
    }
  }
  if (hand.ballots) {
    const rows = Object.fromEntries(tableOf(report, "ballots")!.rows.map((r) => [String(r.id), r]));
    expect(Object.keys(rows).sort()).toEqual(Object.keys(hand.ballots).sort());
    for (const [id, h] of Object.entries(hand.ballots)) {
      const r = rows[id];
      expect({ id, counts: r.counts, abstentions: r.abstentions, invalid: r.invalid, democratic: r.democratic }).toEqual({ id, ...h });
    }
  }
  if (hand.annual) {
    const rows = Object.fromEntries(tableOf(report, "annual")!.rows.map((r: Row) => [String(r.id), r]));
    expect(Object.keys(rows).sort()).toEqual(Object.keys(hand.annual).sort());
    for (const [id, h] of Object.entries(hand.annual)) {
      const r = rows[id];
      expect({ id, filledD: r.filledD, composite: r.composite, grade: r.grade }).toEqual({ id, ...h });
    }
  }
}

describe.each(RAW_CASES.map((c) => [c.name, c] as const))("golden raw-answers case %s", (name, c) => {
  const dir = path.join(__dirname, name);
  let input: Uint8Array;
  let output: Uint8Array;
  let report: JsonReport;
  let result: GoldenRun["result"];

  beforeAll(async () => {
    const options = { fillSurvey: c.fillSurvey, fillBallots: c.fillBallots, feedback: { feedbackDate: "2024-03-15", today: "2024-03-20" } };
    ({ input, output, report, result } = await goldenCase(dir, { writeFrom: c.spec, options, checkAgainstHand: (r) => checkAgainstHand(c, r) }));
  });

  test("input.xlsx holds the cells raw-cases.ts describes", async () => {
    expect(dumpCells(await loadExcel(input))).toEqual(dumpCells(await loadExcel(await buildBytes(c.spec))));
    expect(buildWorkbook(c.spec).worksheets.map((w) => w.name)).toEqual([...dumpCells(await loadExcel(input)).keys()]);
  });

  test("the JSON result equals expected.json, which agrees with the results worked out by hand", () => {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as JsonReport;
    expect({ ...report, policy: { ...report.policy, sha256: "-" } }).toEqual({ ...expected, policy: { ...expected.policy, sha256: "-" } });
    checkAgainstHand(c, expected);
  });

  test("`assess rank --json` prints expected.json, with the exit status of the findings", async () => {
    const out = { stdout: "", stderr: "" };
    const code = await run(["rank", path.join(dir, "input.xlsx"), "--json", ...c.args], { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) });
    expect(code).toBe(c.exitCode);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as JsonReport;
    expect(JSON.parse(out.stdout)).toEqual(expected);
  });

  test("the scheme sheets written; every input cell kept (the fills are in result columns only)", async () => {
    expect(result.summary.schemeSheets).toEqual(c.sheets);
    await expectInputCellsKept(input, output, result, result.summary.schemeSheets);
  });

  test("the fill's result columns hold what was filled, beside the blank input cells", async () => {
    const wb = await loadExcel(output);
    const kind = c.fillSurvey ? "unit" : "annual";
    const t = result.summary.tables.find((x) => x.kind === kind)!;
    const ws = wb.getWorksheet(t.sheet)!;
    const keys = c.fillSurvey ? ["filledH", "filledS", "filledA"] : ["filledD"];
    const headers = c.fillSurvey ? ["幸福感（取自民意调查）", "满意度（取自民意调查）", "安全感（取自民意调查）"] : ["民主测评（取自测评票）"];
    const cols = keys.map((k) => t.resultColumns.find((x) => x.key === k)!.column);
    expect(cols.map((col) => ws.getCell(1, col).value)).toEqual(headers);
    for (const r of tableOf(report, kind)!.rows) {
      const got = Object.fromEntries(keys.map((k, i) => [k, ws.getCell(r.row, cols[i]).value ?? null]));
      expect({ row: r.row, ...got }).toEqual({ row: r.row, ...Object.fromEntries(keys.map((k) => [k, r[k]])) });
    }
  });

  test("the summary sheet lists every computed value with its sample size (worked by hand)", async () => {
    const ws = (await loadExcel(output)).getWorksheet(c.summary.sheet)!;
    const row = (r: number) => Array.from({ length: c.summary.headers.length }, (_, j) => ws.getCell(r, j + 1).value ?? null);
    expect(row(1)).toEqual(c.summary.headers);
    const rows = new Map<string, unknown[]>();
    for (let r = 2; r <= ws.rowCount; r++) rows.set(String(row(r)[0]), row(r));
    expect([...rows.keys()]).toEqual(Object.keys(c.summary.rows));
    for (const [key, expected] of Object.entries(c.summary.rows)) expect(rows.get(key)).toEqual(expected);
  });
});

test("without --fill-survey / --fill-ballots the raw answers are counted and summarised, and nothing is filled", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-raw-"));
  try {
    for (const c of RAW_CASES) {
      const out = { stdout: "", stderr: "" };
      await run(["rank", path.join(__dirname, c.name, "input.xlsx"), "--json", "--feedback-date", "2024-03-15", "--today", "2024-03-20"], { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) });
      const report = JSON.parse(out.stdout) as JsonReport;
      const kind = c.fillSurvey ? "unit" : "annual";
      for (const r of tableOf(report, kind)!.rows) expect(Object.keys(r).filter((k) => k.startsWith("filled"))).toEqual([]);
      expect(tableOf(report, c.fillSurvey ? "survey" : "ballots")!.rows.length).toBeGreaterThan(0);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
