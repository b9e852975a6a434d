// The raw answers as table kinds (issue #14): how their headers are recognised, the fill flags on
// every command, and notices computed the way the ranked workbook was filled.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planNotices } from "../../src/actions/notices";
import { run } from "../../src/cli/main";
import { detectTableKind } from "../../src/engine/headers";
import { defaultPolicy } from "../../src/engine/policy";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { buildBytes, SheetSpec } from "../support/xlsx-builders";

describe("recognising the raw answers", () => {
  test.each([
    [["问卷编号", "单位", "幸福感", "满意度", "安全感"], "survey"],
    [["单位", "幸福感", "满意度", "安全感"], "survey"],
    [["Unit", "Happiness", "Satisfaction", "Security"], "survey"],
    [["考核对象", "幸福感", "满意度", "安全感", "调查日期"], "survey"],
    // A 名称 column or own indicator columns make it the unit table (INTERFACES.md §1f).
    [["编号", "名称", "幸福感", "满意度", "安全感"], "unit"],
    [["编号", "单位", "分组", "重点工作得分", "幸福感", "满意度", "安全感"], "unit"],
    [["票号", "测评对象", "评价"], "ballots"],
    [["测评对象", "评价"], "ballots"],
    [["Ballot", "Subject", "Choice"], "ballots"],
    // The annual table's own 对象 / Subject is no ballot.
    [["编号", "对象", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"], "annual"],
  ])("%j → %s", (headers, kind) => {
    expect(detectTableKind(headers)).toBe(kind);
  });
});

const UNIT: SheetSpec = {
  name: "单位绩效",
  tables: [
    {
      origin: "A1",
      headers: ["编号", "名称", "分组", "重点工作得分", "幸福感", "满意度", "安全感"],
      rows: [
        ["U1", "区财政局", "区直单位", 70, null, null, null], // from the survey: 90 90 90 → 民评 13.50, total 83.50
        ["U2", "区教育局", "区直单位", 70, 80, 80, 80], //       typed: 民评 12.00, total 82.00
      ],
    },
  ],
};
const SURVEY: SheetSpec = {
  name: "民意调查",
  tables: [{ origin: "A1", headers: ["单位", "幸福感", "满意度", "安全感"], rows: Array.from({ length: 30 }, (_, i) => ["区财政局", i % 2 ? 100 : 80, 90, "90"]) }],
};

describe("the fill flags on every command", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-raw-kinds-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cli = async (args: string[]) => {
    const out = { stdout: "", stderr: "" };
    const code = await run(args, { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) });
    return { code, ...out };
  };

  test("validate: blank indices are MISSING without --fill-survey, filled with it", async () => {
    const input = path.join(dir, "in.xlsx");
    fs.writeFileSync(input, await buildBytes({ sheets: [UNIT, SURVEY] }));
    const plain = await cli(["validate", input, "--json"]);
    expect(plain.code).toBe(1);
    expect(JSON.parse(plain.stdout).findings.map((f: { cell: string; code: string }) => [f.cell, f.code])).toEqual([
      ["E2", "MISSING"],
      ["F2", "MISSING"],
      ["G2", "MISSING"],
    ]);
    const filled = await cli(["validate", input, "--json", "--fill-survey"]);
    expect(filled.code).toBe(0);
    expect(JSON.parse(filled.stdout).findings).toEqual([]);
  });

  test("notices without the flag use the fill the ranked workbook carries", async () => {
    const input = path.join(dir, "in2.xlsx");
    const ranked = path.join(dir, "ranked.xlsx");
    fs.writeFileSync(input, await buildBytes({ sheets: [UNIT, SURVEY] }));
    expect((await cli(["rank", input, "--out", ranked, "--fill-survey", "--today", "2024-03-20"])).code).toBe(0);
    const plan = await planNotices(await XlsxWorkbook.load(new Uint8Array(fs.readFileSync(ranked))), defaultPolicy(), { date: "2024-03-20" });
    // 区财政局: (80 + 100) / 2 = 90, 90, 90 → 民评 13.50 → total 83.50, rank 1 of 2 (区教育局 82.00).
    expect(plan.notices.map((n) => [n.unitId, n.total, n.rank, n.minping])).toEqual([
      ["U1", 83.5, 1, 13.5],
      ["U2", 82, 2, 12],
    ]);
    // The input workbook, never filled, has no such column: there the unit has no total.
    const raw = await planNotices(await XlsxWorkbook.load(new Uint8Array(fs.readFileSync(input))), defaultPolicy(), { date: "2024-03-20" });
    expect(raw.notices.find((n) => n.unitId === "U1")!.total).toBeNull();
  });

  test("the flags belong to rank, validate and notices only", async () => {
    const r = await cli(["sample", "--fill-survey"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fill-survey/);
  });
});
