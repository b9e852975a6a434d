// 反馈通知书 checked the way a person would (issue #14): LibreOffice opens the .docx and prints it to
// PDF; the PDF's text must hold each unit's rank, deduction items and deadline, and its word boxes the
// layout of GB/T 9704-2012 (A4, margins 37/35/28/26 mm, 22 lines of 28 characters, title 二号 and
// body 三号). Pages are rendered to test-output/notices/ to be looked at.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { buildBytes, SheetSpec } from "../support/xlsx-builders";
import { lookingPossible, lookTestFor, pdfInfo, pdfPages, pdfWords, PdfWord, renderPages, toPdf } from "../support/libreoffice";

jest.setTimeout(300_000);
const lookTest = lookTestFor("test/notices/notices-pdf (the notices as LibreOffice prints them)");

const MM = 72 / 25.4;
const SHOTS = path.join(__dirname, "..", "..", "test-output", "notices");
const squeeze = (s: string) => s.replace(/\s+/g, "");
const TITLE = "苏仙区2023年度综合考核（“三个突出”）结果反馈通知书";

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: "", stderr: "" };
  const code = await run(args, { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) });
  return { code, ...out };
}

// A reason of 70 characters without punctuation: its lines are full lines of 三号 characters.
const LONG_REASON = "税收收入占一般公共预算收入比重低于全市平均水平且连续两年在全市排名靠后需要加强征管提升收入质量并按季度报告整改进展情况接受监督检查确保按期完成";
const LAYOUT_SHEETS: SheetSpec[] = [
  {
    name: "单位绩效",
    tables: [{ origin: "A1", headers: ["编号", "名称", "分组", "重点工作得分", "幸福感", "满意度", "安全感"], rows: [["U1", "区财政局", "区直单位", 70, 90, 90, 90]] }],
  },
  {
    name: "市考指标",
    tables: [{ origin: "A1", headers: ["编号", "指标名称", "牵头单位", "考核结果", "说明"], rows: [["SK1", "税收占比", "区财政局", "落后", LONG_REASON]] }],
  },
  {
    name: "年度考核",
    tables: [
      {
        origin: "A1",
        headers: ["编号", "姓名", "对象", "单位", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"],
        // 24 cadres: the notice runs onto a second page, so its first page is a full one.
        rows: Array.from({ length: 24 }, (_, i) => [`C${100 + i}`, `干部${i + 1}`, "干部", "区财政局", "区直单位", 80, 80, 80, 80, 80, "过得硬"]),
      },
    ],
  },
];

describe("feedback notices as LibreOffice prints them", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-notices-pdf-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let report: { tables: { kind: string; rows: Record<string, unknown>[]; feedback?: { items: Record<string, unknown>[] } }[] };
  let samplePages: string[];
  let layoutPdf: string;

  beforeAll(async () => {
    if (!lookingPossible) return; // the tests below are skipped (under CI, they fail naming what is missing)

    const sample = path.join(dir, "sample.xlsx");
    const ranked = path.join(dir, "ranked.xlsx");
    expect((await cli(["sample", "--out", sample])).code).toBe(0);
    const r = await cli(["rank", sample, "--out", ranked, "--feedback-date", "2024-03-15", "--today", "2024-05-04", "--json"]);
    report = JSON.parse(r.stdout);
    // The notices are dated 2024-03-20; the items already fed back on 2024-03-15 keep that date.
    expect((await cli(["notices", ranked, "--out", path.join(dir, "notices.docx"), "--date", "2024-03-20"])).code).toBe(1); // the sample's planted errors
    const layoutIn = path.join(dir, "layout.xlsx");
    fs.writeFileSync(layoutIn, await buildBytes({ sheets: LAYOUT_SHEETS }));
    expect((await cli(["notices", layoutIn, "--out", path.join(dir, "layout.docx"), "--date", "2024-03-20", "--cadres"])).code).toBe(0);
    const [samplePdf, lp] = toPdf([path.join(dir, "notices.docx"), path.join(dir, "layout.docx")], dir);
    layoutPdf = lp;
    samplePages = pdfPages(samplePdf);
    fs.rmSync(SHOTS, { recursive: true, force: true });
    renderPages(samplePdf, path.join(SHOTS, "sample"), 1, 2);
    renderPages(layoutPdf, path.join(SHOTS, "layout"), 1, 2);
  });

  lookTest("one notice per unit, each starting on a new page with the title", () => {
    const units = report.tables.find((t) => t.kind === "unit")!.rows;
    const starts = samplePages.filter((p) => squeeze(p).startsWith(TITLE));
    expect(starts).toHaveLength(units.length);
    expect(units.length).toBe(64);
  });

  lookTest("each unit's rank among its group, total, 民评, deduction items with deadlines, office and date", () => {
    const unit = report.tables.find((t) => t.kind === "unit")!;
    const items = unit.feedback!.items;
    // The notices of the PDF, by unit name (each notice: its pages, from one title to the next).
    const notices = new Map<string, string>();
    let current = "";
    for (const page of samplePages.map(squeeze)) {
      if (page.startsWith(TITLE)) current = page;
      else current += page;
      const name = /^.*?通知书(.+?)：/.exec(current)?.[1];
      if (name) notices.set(name, current);
    }
    const ranked = (group: unknown) => unit.rows.filter((u) => u.group === group && u.rank !== null).length;
    let checkedItems = 0;
    for (const u of unit.rows) {
      const text = notices.get(u.name as string);
      expect({ unit: u.name, found: text !== undefined }).toEqual({ unit: u.name, found: true });
      if (u.rank !== null) expect(text).toContain(`你单位在${u.group}组${ranked(u.group)}个单位中排名第${u.rank}位，总分${(u.total as number).toFixed(2)}分。`);
      else expect(text).toContain("暂不排名");
      if (u.minping !== null) expect(text).toContain(`民评得分${(u.minping as number).toFixed(2)}分`);
      const mine = items.filter((it) => it.unitId === u.id);
      for (const it of mine) {
        // Fed back on 2024-03-15 by `rank`: 30 days → 2024-04-14 (not from the notices' own date).
        expect(text).toContain(`${it.indicator}（${it.indicatorId}），扣${Math.abs(it.points as number)}分。`);
        expect(text).toContain("整改期限：2024年4月14日。");
        checkedItems++;
      }
      // Report by the items' deadline; a unit without items by the notices' date + 30 days.
      expect(text).toContain(mine.length ? "于2024年4月14日前将整改情况书面报送考核办" : "于2024年4月19日前将有关情况书面报送考核办");
      expect(text!.endsWith("中共苏仙区委考核办2024年3月20日")).toBe(true);
    }
    expect(checkedItems).toBe(items.length); // every item of the 反馈 sheet is in a notice
    expect(items.length).toBeGreaterThan(0);
  });

  lookTest("A4, with the margins of GB/T 9704: text from 28 mm left, 37 mm top; nothing past 26 mm right or 35 mm bottom", () => {
    const info = pdfInfo(layoutPdf);
    expect(info["Page size"]).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
    const { pages, words } = pdfWords(layoutPdf, 1, 2);
    const page = pages[0];
    const left = Math.min(...words.map((w) => w.xMin));
    expect(Math.abs(left - 28 * MM)).toBeLessThan(1.5);
    const top = Math.min(...words.map((w) => w.yMin));
    expect(top).toBeGreaterThan(37 * MM - 1);
    expect(top).toBeLessThan(37 * MM + 6); // the title sits in the first line of the grid
    // A line may end with one hanging punctuation mark (，。) past the margin, no more.
    expect(Math.max(...words.map((w) => w.xMax))).toBeLessThan(page.width - 26 * MM + 17);
    expect(Math.max(...words.map((w) => w.yMax))).toBeLessThan(page.height - 35 * MM + 1);
  });

  lookTest("22 lines a full page, 28.95 pt apart; 28 characters a full line; title 二号, body 三号", () => {
    const { words } = pdfWords(layoutPdf, 1, 1);
    const lines = linesOf(words);
    // The title's two lines, the blank line under it, then body lines: the page is full (the notice goes on).
    const pitch = (lines[lines.length - 1].y - lines[0].y) / 21;
    expect(Math.abs(pitch - 28.95)).toBeLessThan(0.3);
    const occupied = new Set(lines.map((l) => Math.round((l.y - lines[0].y) / pitch)));
    expect(Math.max(...occupied)).toBe(21); // lines 0 … 21 of the grid: 22 lines
    expect(occupied.has(2)).toBe(false); // the blank line under the title
    // A full line of the long reason: 28 characters.
    const full = lines.filter((l) => /^[\u4e00-\u9fff]+$/.test(l.text) && LONG_REASON.includes(l.text));
    expect(full.length).toBeGreaterThanOrEqual(1);
    for (const l of full.slice(0, -1)) expect(l.text.length).toBe(28);
    // Sizes from the word boxes: the title's characters are 22/16 as tall as the body's.
    const title = words.find((w) => w.text.startsWith("苏仙区"))!;
    const body = words.find((w) => w.text.startsWith("区财政局："))!;
    expect((title.yMax - title.yMin) / (body.yMax - body.yMin)).toBeCloseTo(22 / 16, 1);
  });

  lookTest("--cadres lists the team's and cadres' grades and composites", () => {
    const text = squeeze(pdfPages(layoutPdf).join(""));
    expect(text).toContain("五、领导班子和领导干部考核等次。");
    expect(text).toContain("干部1：称职，综合得分80.00分。");
    expect(text).toContain(`干部24：称职，综合得分80.00分。`);
  });

  lookTest("the rendered pages are there to be looked at", () => {
    const shots = fs.readdirSync(SHOTS).filter((f) => f.endsWith(".png"));
    expect(shots.filter((f) => f.startsWith("sample-"))).toHaveLength(2);
    expect(shots.filter((f) => f.startsWith("layout-"))).toHaveLength(2);
    for (const f of shots) expect(fs.statSync(path.join(SHOTS, f)).size).toBeGreaterThan(5000);
  });
});

/** Words grouped into lines by their top (within 2 pt), top to bottom, each line's text joined. */
function linesOf(words: PdfWord[]): { y: number; text: string }[] {
  const lines: { y: number; words: PdfWord[] }[] = [];
  for (const w of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const l = lines.find((x) => Math.abs(x.y - w.yMin) < 2);
    if (l) l.words.push(w);
    else lines.push({ y: w.yMin, words: [w] });
  }
  return lines.map((l) => ({ y: l.y, text: l.words.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join("") }));
}
