// 反馈通知书 (POLICY.md §12): what each unit's notice says, worked by hand from a small workbook, and the
// command's usage. The document's layout and text as a reader sees them: notices-pdf.test.ts.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planNotices } from "../../src/actions/notices";
import { noticesDocx } from "../../src/actions/noticesDocx";
import { ActionError } from "../../src/actions/errors";
import { defaultPolicy } from "../../src/engine/policy";
import { run } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { buildBytes, buildWorkbook, SheetSpec } from "../support/xlsx-builders";

const policy = defaultPolicy();

const UNIT: SheetSpec = {
  name: "单位绩效",
  tables: [
    {
      origin: "A1",
      headers: ["编号", "名称", "分组", "重点工作得分", "幸福感", "满意度", "安全感"],
      rows: [
        ["U1", "区财政局", "区直单位", 70, 90, 90, 90], // 民评 15 × 90/100 = 13.50; total 70 + 13.5 − 0.5 − 1 = 82.00
        ["U2", "区教育局", "区直单位", 72, 80, 80, 80], // 民评 12.00; total 72 + 12 + 1 = 85.00
        ["T1", "良田镇", "镇街道", 60, 60, 60, 60], //     民评 9.00; total 69.00
      ],
    },
  ],
};
const CITY: SheetSpec = {
  name: "市考指标",
  tables: [
    {
      origin: "A1",
      headers: ["编号", "指标名称", "牵头单位", "考核结果", "说明"],
      rows: [
        ["SK1", "税收占比", "区财政局", "落后", "税收占比低于全市平均"], // −0.5
        ["SK2", "项目投资", "区财政局", "末位", null], //                   −1
        ["SK3", "学前教育", "区教育局", "先进", null], //                   +1
      ],
    },
  ],
};
// The 反馈 sheet of an earlier run: SK1 was fed back on 2024-02-01 and has been rectified.
const FEEDBACK: SheetSpec = {
  name: "反馈",
  tables: [
    {
      origin: "A1",
      headers: ["编号", "单位", "分组", "总分", "组内排名", "民评排名", "指标编号", "扣分指标", "扣分", "扣分原因", "反馈日期", "整改期限", "状态", "逾期"],
      rows: [["U1", "区财政局", "区直单位", 82, 2, 1, "SK1", "税收占比", -0.5, "税收占比低于全市平均", "2024-02-01", "2024-03-02", "已整改", null]],
    },
  ],
};
const ANNUAL: SheetSpec = {
  name: "年度考核",
  tables: [
    {
      origin: "A1",
      headers: ["编号", "姓名", "对象", "单位", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"],
      rows: [
        ["A001", "区财政局领导班子", "班子", "区财政局", "区直单位", 90, 90, 90, 90, 90, "过得硬"], // 90.00 → 优秀 (alone in its pool)
        ["C001", "张三", "干部", "区财政局", "区直单位", 80, 80, 80, 80, 80, "过得硬"], //           80.00 → 称职
        ["C002", "李四", "干部", "区财政局", "区直单位", "abc", 80, 80, 80, 80, "过得硬"], //        not graded
        ["C003", "王五", "干部", "良田镇", "镇街道", 70, 70, 70, 70, 70, "过得硬"],
      ],
    },
  ],
};

const workbook = (sheets: SheetSpec[]) => XlsxWorkbook.from(buildWorkbook({ sheets }));

describe("planNotices", () => {
  test("one notice per unit, in the 反馈 order (group, then rank), with ranks among how many", async () => {
    const plan = await planNotices(workbook([UNIT, CITY, FEEDBACK]), policy, { date: "2024-03-15" });
    expect(plan.notices.map((n) => [n.unitId, n.group, n.rank, n.rankedInGroup, n.total, n.minping, n.minpingRank, n.minpingRankedInGroup])).toEqual([
      ["U2", "区直单位", 1, 2, 85, 12, 2, 2],
      ["U1", "区直单位", 2, 2, 82, 13.5, 1, 2],
      ["T1", "镇街道", 1, 1, 69, 9, 1, 1],
    ]);
    expect(plan).toMatchObject({ issuer: "中共苏仙区委考核办", date: "2024-03-15", decimals: 2, cadres: false });
  });

  test("items keep the 反馈 sheet's date and status; new items are given on the notice's date (+30 days)", async () => {
    const plan = await planNotices(workbook([UNIT, CITY, FEEDBACK]), policy, { date: "2024-03-15", issuer: "  区考核办  " });
    const u1 = plan.notices.find((n) => n.unitId === "U1")!;
    expect(u1.items.map((it) => [it.indicatorId, it.points, it.reason, it.feedbackDate, it.deadline, it.status])).toEqual([
      ["SK1", -0.5, "税收占比低于全市平均", "2024-02-01", "2024-03-02", "done"],
      ["SK2", -1, "市考指标考核结果为“末位”，扣 1 分。", "2024-03-15", "2024-04-14", "open"],
    ]);
    // The date to report by: the latest deadline of the open items.
    expect(u1).toMatchObject({ deadline: "2024-04-14", allDone: false });
    // A unit without items: the notice's date + 30 days.
    expect(plan.notices.find((n) => n.unitId === "U2")).toMatchObject({ items: [], deadline: "2024-04-14", allDone: false });
    expect(plan.issuer).toBe("区考核办");
  });

  test("--cadres: the unit's team and cadres, graded or not", async () => {
    const plan = await planNotices(workbook([ANNUAL, UNIT, CITY]), policy, { date: "2024-03-15", cadres: true });
    const u1 = plan.notices.find((n) => n.unitId === "U1")!;
    expect(u1.cadres.map((c) => [c.id, c.name, c.grade, c.composite])).toEqual([
      ["A001", "区财政局领导班子", "优秀", 90],
      ["C001", "张三", "称职", 80],
      ["C002", "李四", null, null],
    ]);
    expect(u1.cadres[2].reasons).toContain("不是数字");
    expect(plan.notices.find((n) => n.unitId === "T1")!.cadres.map((c) => c.id)).toEqual(["C003"]);
    expect(plan.notices.find((n) => n.unitId === "U2")!.cadres).toEqual([]);
  });

  test("a unit whose total cannot be computed gets a notice that says why", async () => {
    const bad: SheetSpec = { name: "单位绩效", tables: [{ ...UNIT.tables![0], rows: [...UNIT.tables![0].rows, ["U9", "区水利局", "区直单位", "待定", 80, 80, 80]] }] };
    const plan = await planNotices(workbook([bad]), policy, { date: "2024-03-15" });
    const u9 = plan.notices.find((n) => n.unitId === "U9")!;
    expect(u9).toMatchObject({ rank: null, total: null });
    expect(u9.why).toContain("不是数字");
    expect(plan.findings.some((f) => f.severity === "error")).toBe(true);
  });

  test("without a unit table: NO_UNIT_TABLE", async () => {
    const e = await planNotices(workbook([ANNUAL]), policy, { date: "2024-03-15" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).code).toBe("NO_UNIT_TABLE");
  });

  test("the document is a .docx package (a ZIP starting with PK)", async () => {
    const bytes = await noticesDocx(await planNotices(workbook([UNIT, CITY]), policy, { date: "2024-03-15" }));
    expect(Buffer.from(bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
  });
});

describe("assess notices", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-notices-"));
  const io = () => {
    const out = { stdout: "", stderr: "" };
    return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes the .docx and says how many units; exit 0 on a clean workbook", async () => {
    const input = path.join(dir, "in.xlsx");
    fs.writeFileSync(input, await buildBytes({ sheets: [UNIT, CITY] }));
    const { out, io: i } = io();
    const code = await run(["notices", input, "--out", path.join(dir, "n.docx"), "--date", "2024-03-15", "--issuer", "区考核办"], i);
    expect(code).toBe(0);
    expect(out.stdout).toContain("3 个单位");
    expect(fs.statSync(path.join(dir, "n.docx")).size).toBeGreaterThan(1000);
  });

  test("--out is required; a bad --date, a workbook without a unit table: exit 2, one line", async () => {
    const input = path.join(dir, "annual.xlsx");
    fs.writeFileSync(input, await buildBytes({ sheets: [ANNUAL] }));
    for (const [args, pattern] of [
      [["notices", input], /--out/],
      [["notices", input, "--out", path.join(dir, "x.docx"), "--date", "2024-02-30"], /--date/],
      [["notices", input, "--out", path.join(dir, "x.docx")], /单位绩效表/],
      [["notices", input, "--out", path.join(dir, "x.docx"), "--cadres=3"], /--cadres/],
    ] as const) {
      const { out, io: i } = io();
      expect(await run([...args], i)).toBe(2);
      expect(out.stderr).toMatch(pattern);
      expect(out.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(fs.existsSync(path.join(dir, "x.docx"))).toBe(false);
  });
});
