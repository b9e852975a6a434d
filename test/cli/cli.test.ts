// The `assess` command as staff and scripts run it: `node bin/assess.js …` on the compiled lib/.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_POLICY_DOCUMENT } from "../../src/engine/policy";
import { buildBytes, loadExcel } from "../support/xlsx-builders";
import { CASES } from "../golden/cases";
import { run } from "../../src/cli/main";
import { assessBin, compileCli, Ran, REPO } from "../support/assess";

const GOLDEN = path.join(REPO, "test/golden");
let tmp: string;

beforeAll(() => {
  compileCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "assess-cli-"));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const assess = (...args: string[]): Ran => assessBin(args);

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const golden = (name: string, file = "input.xlsx") => path.join(GOLDEN, name, file);

/** Exit 2 with exactly one line on stderr, in Chinese and English, and no stack trace. */
function expectCannotRun(r: Ran, pattern?: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.split("\n").filter((l) => l.trim() !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(lines[0]).toMatch(/[A-Za-z]{3,}/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  if (pattern) expect(lines[0]).toMatch(pattern);
}

describe("golden cases through the command line", () => {
  test.each(CASES.map((c) => [c.name, c.exitCode] as const))("%s: rank --json prints expected.json, exit %d", (name, exitCode) => {
    const args = ["rank", golden(name), "--json"];
    if (fs.existsSync(golden(name, "policy.json"))) args.push("--policy", golden(name, "policy.json"));
    const before = sha(golden(name));
    const r = assess(...args);
    expect(r.code).toBe(exitCode);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(fs.readFileSync(golden(name, "expected.json"), "utf8")));
    // Without --out nothing is written, and stderr says so.
    expect(r.stderr).toMatch(/未写入任何文件.*nothing was written/);
    expect(sha(golden(name))).toBe(before);
  });
});

describe("rank", () => {
  test("--out writes the workbook atomically and leaves the input alone", async () => {
    const out = path.join(tmp, "out.xlsx");
    fs.writeFileSync(out, "old contents that will be replaced");
    const before = sha(golden("bad-cells"));
    const r = assess("rank", golden("bad-cells"), "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Written: .*out\.xlsx/);
    expect(sha(golden("bad-cells"))).toBe(before);
    const wb = await loadExcel(new Uint8Array(fs.readFileSync(out)));
    expect(wb.getWorksheet("校验结果")).toBeDefined();
    expect(wb.getWorksheet("年度考核")!.getCell("K1").value).toBe("综合得分");
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("the human summary lists pools, quota use and findings with their cells", () => {
    const r = assess("rank", golden("bad-cells"));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/区直单位 · 干部\s+11\s+4\s+1 \/ 1/);
    expect(r.stdout).toContain("年度考核!D2");
    expect(r.stdout).toContain("NOT_A_NUMBER");
    expect(r.stdout).toContain('"abc" is not a number');
  });

  test("--out may name the input itself", async () => {
    const copy = path.join(tmp, "self.xlsx");
    fs.copyFileSync(golden("chinese-headers"), copy);
    const r = assess("rank", copy, "--out", copy);
    expect(r.code).toBe(0);
    const wb = await loadExcel(new Uint8Array(fs.readFileSync(copy)));
    expect(wb.getWorksheet("年度考核")!.getCell("O3").value).toBe("综合得分");
    // Ranking the written file again writes into the same columns.
    expect(assess("rank", copy, "--out", copy).code).toBe(0);
    const again = await loadExcel(new Uint8Array(fs.readFileSync(copy)));
    expect(again.getWorksheet("年度考核")!.getCell("S3").value).toBeNull();
  });

  test("an output folder that does not exist: exit 2, nothing created", () => {
    const out = path.join(tmp, "no-such-dir", "out.xlsx");
    expectCannotRun(assess("rank", golden("chinese-headers"), "--out", out), /Cannot write/);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });

  test("a workbook without an annual table: exit 2", async () => {
    const file = path.join(tmp, "empty.xlsx");
    fs.writeFileSync(file, await buildBytes({ sheets: [{ name: "S", cells: { A1: "你好" } }] }));
    expectCannotRun(assess("rank", file), /No annual assessment table/);
  });
});

describe("headers that nearly make a table (issue 10)", () => {
  test("no table found: exit 2 naming the closest headers, the kind they come closest to and what they miss", async () => {
    const file = path.join(tmp, "near.xlsx");
    const headers = ["编号", "姓名", "综合考评", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"];
    fs.writeFileSync(file, await buildBytes({ sheets: [{ name: "年度考核", tables: [{ origin: "A1", headers, rows: [["A1", "甲", 90, 90, 90, 90, 90, "过得硬"]] }] }] }));
    const r = assess("rank", file);
    expectCannotRun(r, /Closest headers: sheet "年度考核" at A1 \(编号, 姓名, 综合考评, 民主测评, 领导评价, 民意调查, 党建成效, 政治素质\), closest to the annual assessment table, without "Performance" \(绩效考核\)/);
    expect(r.stderr).toContain("最接近的表头：工作表“年度考核”A1 起（编号、姓名、综合考评、民主测评、领导评价、民意调查、党建成效、政治素质）像是年度考核表，缺少“绩效考核”");
  });
});

describe("could not run: exit 2 with one line", () => {
  test("missing input file", () => expectCannotRun(assess("rank", path.join(tmp, "missing.xlsx")), /not found/));
  test("a folder as input", () => expectCannotRun(assess("validate", tmp), /folder/));
  test("corrupt file", () => {
    const bad = path.join(tmp, "corrupt.xlsx");
    fs.writeFileSync(bad, "this is not a zip file\n".repeat(20));
    expectCannotRun(assess("rank", bad, "--out", path.join(tmp, "never.xlsx")), /Cannot read/);
    expect(fs.existsSync(path.join(tmp, "never.xlsx"))).toBe(false);
  });
  test("truncated xlsx", () => {
    const bad = path.join(tmp, "truncated.xlsx");
    const bytes = fs.readFileSync(golden("chinese-headers"));
    fs.writeFileSync(bad, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectCannotRun(assess("rank", bad), /Cannot read/);
  });
  test("policy file missing", () => expectCannotRun(assess("rank", golden("chinese-headers"), "--policy", path.join(tmp, "nope.json")), /Policy file .* not found/));
  test("policy file not JSON", () => {
    const p = path.join(tmp, "policy-bad.json");
    fs.writeFileSync(p, "{ weights: ");
    expectCannotRun(assess("rank", golden("chinese-headers"), "--policy", p), /not valid JSON/);
  });
  test("policy whose weights do not sum to 100%", () => {
    const p = path.join(tmp, "policy-weights.json");
    fs.writeFileSync(p, JSON.stringify({ weights: { P: 0.5, D: 0.1, L: 0.1, S: 0.1, B: 0.1 } }));
    expectCannotRun(assess("validate", golden("chinese-headers"), "--policy", p), /weights sum to 90%/);
  });
  test("a policy with four mistakes names all four, each with its setting, on one line", () => {
    const p = path.join(tmp, "policy-four.json");
    fs.writeFileSync(p, JSON.stringify({ quota: { ratoi: 0.2, minimum: 1e308 }, feedback: { rectificationDays: 1e15 }, constructor: {} }));
    const r = assess("rank", golden("chinese-headers"), "--policy", p);
    expectCannotRun(r, /invalid \(4 problems\)/);
    for (const setting of ["quota.ratoi", "quota.minimum", "feedback.rectificationDays", "constructor"]) expect(r.stderr).toContain(`Policy setting ${setting}:`);
    expect(r.stderr).toContain("政策设置 quota.ratoi：未知的设置项");
  });
  test("a policy nested 100,000 levels deep is refused with a sentence, not a stack overflow", () => {
    const p = path.join(tmp, "policy-deep.json");
    fs.writeFileSync(p, '{"quota":' + '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000) + "}");
    expectCannotRun(assess("validate", golden("chinese-headers"), "--policy", p), /nested more than 8 levels deep/);
  });
  test("usage errors", () => {
    expectCannotRun(assess(), /missing command/);
    expectCannotRun(assess("rnak", "x.xlsx"), /unknown command/);
    expectCannotRun(assess("rank"), /needs an input file/);
    expectCannotRun(assess("rank", "a.xlsx", "b.xlsx"), /unexpected argument/);
    expectCannotRun(assess("validate", golden("chinese-headers"), "--out", "x.xlsx"), /does not take/);
    expectCannotRun(assess("rank", golden("chinese-headers"), "--out"), /needs a value/);
    expectCannotRun(assess("rank", golden("chinese-headers"), "--frobnicate"), /does not take/);
  });
  test("sample: bad numbers and options are usage errors", () => {
    expectCannotRun(assess("sample", "--seed", "abc", "--out", path.join(tmp, "s.xlsx")), /--seed must be a whole number/);
    expectCannotRun(assess("sample", "--cadres", "10", "--out", path.join(tmp, "s.xlsx")), /--cadres must be a whole number from 150 to 5000/);
    expectCannotRun(assess("sample", "--json"), /does not take/);
    expect(fs.existsSync(path.join(tmp, "s.xlsx"))).toBe(false);
  });
});

describe("validate, policy, help", () => {
  test("validate writes nothing; exit 0 with warnings only, 1 with errors", () => {
    const before = sha(golden("english-headers"));
    const ok = assess("validate", golden("english-headers"), "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).findings.map((f: { code: string }) => f.code)).toEqual(["QUOTA_TIE", "AFFIRM_NOT_TOP_LEADER"]);
    expect(sha(golden("english-headers"))).toBe(before);
    const bad = assess("validate", golden("bad-cells"));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("7（7 错误 errors，0 警告 warnings）");
  });

  test("policy --print-default prints the default policy JSON; policy prints a summary", () => {
    const r = assess("policy", "--print-default");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(DEFAULT_POLICY_DOCUMENT);
    const s = assess("policy", "--policy", golden("excel-table", "policy.json"));
    expect(s.code).toBe(0);
    expect(s.stdout).toContain("suxian-2023");
    expect(s.stdout).toContain("50%");
  });

  test("--help and -h print the usage, exit 0", () => {
    for (const flag of ["--help", "-h"]) {
      const r = assess(flag);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("用法 Usage");
      expect(r.stdout).toContain("assess rank");
    }
    expect(assess("rank", "--help").code).toBe(0);
  });

  test("bin/assess.js is executable and starts with a node shebang", () => {
    const bin = path.join(REPO, "bin/assess.js");
    expect(fs.readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
  });
});

test("run() in process: unexpected failures become one line and exit 2, never a throw", async () => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(["rank", golden("chinese-headers"), "--out", path.join(tmp, "\0bad")], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  expect(code).toBe(2);
  expect(err.join("").trim().split("\n")).toHaveLength(1);
});
