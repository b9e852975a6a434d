// Golden workbook cases of the rest of the scheme (scheme-cases.ts), end to end through the action
// code the CLI uses: test/golden/<case>/{input.xlsx, expected.json}. expected.json is what
// `assess rank <input> --json <case args>` prints; it is checked against the results worked out by hand.
// MAKE_GOLDEN=1 rewrites input.xlsx from the spec and expected.json from the output (only when the
// hand checks pass).
import * as fs from "node:fs";
import * as path from "node:path";
import type { JsonReport } from "../../src/actions/report";
import { HIGHLIGHT_FILLS } from "../../src/workbook/port";
import { buildBytes, buildWorkbook, dumpCells, fillOf, loadExcel } from "../support/xlsx-builders";
import { expectInputCellsKept, goldenCase, GoldenRun } from "./harness";
import { FEEDBACK_HEADERS, SchemeCase, SCHEME_CASES } from "./scheme-cases";

type Row = Record<string, unknown>;
const tableOf = (report: JsonReport, kind: string) => report.tables.find((t) => t.kind === kind);
const byId = (rows: Row[]) => Object.fromEntries(rows.map((r) => [String(r.id), r]));

function checkAgainstHand(c: SchemeCase, report: JsonReport): void {
  expect(report.findings.map((f) => [f.sheet, f.row, f.code])).toEqual(c.findings);
  if (c.columnMessages) expect(report.findings.filter((f) => f.code.endsWith("_COLUMN")).map((f) => f.message.zh)).toEqual(c.columnMessages);
  const { hand } = c;
  if (hand.unit) {
    const rows = byId(tableOf(report, "unit")!.rows);
    expect(Object.keys(rows).sort()).toEqual(Object.keys(hand.unit).sort());
    for (const [id, h] of Object.entries(hand.unit)) {
      const r = rows[id];
      const deductions = (r.deductions as { indicatorId: string }[]).map((d) => d.indicatorId);
      expect({ id, minping: r.minping, minpingRank: r.minpingRank, cityAdjustment: r.cityAdjustment, total: r.total, rank: r.rank, deductions }).toEqual({ id, ...h });
    }
  }
  if (hand.annual) {
    const rows = byId(tableOf(report, "annual")!.rows);
    expect(Object.keys(rows).sort()).toEqual(Object.keys(hand.annual).sort());
    for (const [id, h] of Object.entries(hand.annual)) {
      const r = rows[id];
      const got: Row = { id, composite: r.composite, grade: r.grade, priorityPromotion: r.priorityPromotion };
      if ("filledP" in h) got.filledP = r.filledP;
      if ("convertedP" in h) got.convertedP = r.convertedP;
      expect(got).toEqual({ id, ...h });
    }
  }
  if (hand.history) {
    const rows = byId(tableOf(report, "history")!.rows);
    expect(Object.keys(rows).sort()).toEqual(Object.keys(hand.history).sort());
    for (const [id, h] of Object.entries(hand.history)) {
      const r = rows[id];
      expect({ id, merits: r.merits, excellentYears: r.excellentYears, tenure: r.tenure }).toEqual({ id, ...h });
    }
  }
  if (hand.coverage) {
    const cov = tableOf(report, "examination")!.coverage as { term: string; examined: { unit: string }[]; notExamined: string[]; percent: number; yearsLeft: number }[];
    expect(cov.map((t) => ({ term: t.term, examined: t.examined.map((e) => e.unit), notExamined: t.notExamined, percent: t.percent, yearsLeft: t.yearsLeft }))).toEqual(hand.coverage);
  }
  if (hand.feedback) {
    const fb = tableOf(report, "unit")!.feedback as { items: { unitId: string; indicatorId: string; feedbackDate: string; deadline: string; status: string; overdue: boolean }[] };
    const items = Object.fromEntries(fb.items.map((it) => [`${it.unitId}/${it.indicatorId}`, { feedbackDate: it.feedbackDate, deadline: it.deadline, status: it.status, overdue: it.overdue }]));
    expect(items).toEqual(hand.feedback);
  }
}

describe.each(SCHEME_CASES.map((c) => [c.name, c] as const))("golden scheme case %s", (name, c) => {
  const dir = path.join(__dirname, name);
  let input: Uint8Array;
  let output: Uint8Array;
  let report: JsonReport;
  let result: GoldenRun["result"];

  beforeAll(async () => {
    const options = { fillPerformance: c.fillPerformance, feedback: { feedbackDate: c.feedbackDate, today: c.today } };
    ({ input, output, report, result } = await goldenCase(dir, { policy: c.policy, writeFrom: c.spec, options, checkAgainstHand: (r) => checkAgainstHand(c, r) }));
  });

  test("input.xlsx holds the cells scheme-cases.ts describes", async () => {
    const committed = dumpCells(await loadExcel(input));
    expect(committed).toEqual(dumpCells(await loadExcel(await buildBytes(c.spec))));
    expect(buildWorkbook(c.spec).worksheets.map((w) => w.name)).toEqual([...committed.keys()]);
  });

  test("the JSON result equals expected.json", () => {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as JsonReport;
    expect({ ...report, policy: { ...report.policy, sha256: "-" } }).toEqual({ ...expected, policy: { ...expected.policy, sha256: "-" } });
  });

  test("expected.json agrees with the results worked out by hand from POLICY.md", () => {
    checkAgainstHand(c, JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as JsonReport);
  });

  test("exit status follows the findings' severity; the scheme sheets are written", () => {
    expect(result.summary.errors > 0 ? 1 : 0).toBe(c.exitCode);
    expect(result.summary.schemeSheets).toEqual(c.sheets);
  });

  test("every input cell keeps its value, format and note (the 反馈 sheet is the add-in's)", async () => {
    await expectInputCellsKept(input, output, result, result.summary.schemeSheets);
  });

  test("the unit table's result columns hold 民评得分, 市考加扣分, 总分, 排名; invalid rows grey", async () => {
    const unit = result.summary.tables.find((t) => t.kind === "unit");
    if (!unit) return;
    if (!unit.written) {
      // An unreadable unit table (error-unit-missing-column) gets no result columns at all.
      expect(unit.resultColumns).toEqual([]);
      return;
    }
    const ws = (await loadExcel(output)).getWorksheet(unit.sheet)!;
    const col = Object.fromEntries(unit.resultColumns.map((x) => [x.key, x.column]));
    expect(unit.resultColumns.map((x) => ws.getCell(1, x.column).value)).toEqual(["民评得分", "市考加扣分", "总分", "排名"]);
    for (const r of tableOf(report, "unit")!.rows) {
      const cell = (k: string) => ws.getCell(r.row, col[k]);
      expect({ row: r.row, minping: cell("minping").value ?? null, cityAdjustment: cell("cityAdjustment").value ?? null, total: cell("total").value ?? null, rank: cell("rank").value ?? null }).toEqual({
        row: r.row,
        minping: r.minping,
        cityAdjustment: r.cityAdjustment,
        total: r.total,
        rank: r.rank,
      });
      expect(fillOf(cell("total"))).toBe(r.total === null ? HIGHLIGHT_FILLS.invalid : null);
    }
  });

  test("the 反馈 sheet: one row per item, statuses, overdue rows filled with a note", async () => {
    if (!c.sheets.includes("反馈")) return;
    const ws = (await loadExcel(output)).getWorksheet("反馈")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(FEEDBACK_HEADERS);
    const fb = tableOf(report, "unit")!.feedback as { items: { indicatorId: string; status: string; overdue: boolean }[] };
    const seen: string[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const indicator = ws.getCell(r, 7).value as string | null;
      const fills = Array.from({ length: 14 }, (_, j) => fillOf(ws.getCell(r, j + 1)));
      if (!indicator) {
        expect(fills.every((f) => f === null)).toBe(true);
        continue;
      }
      seen.push(indicator);
      const it = fb.items.find((x) => x.indicatorId === indicator)!;
      expect({ indicator, status: ws.getCell(r, 13).value, overdue: ws.getCell(r, 14).value ?? null }).toEqual({ indicator, status: it.status === "done" ? "已整改" : "待整改", overdue: it.overdue ? "逾期" : null });
      expect({ indicator, fills: [...new Set(fills)] }).toEqual({ indicator, fills: [it.overdue ? HIGHLIGHT_FILLS.veto : null] });
      expect({ indicator, note: ws.getCell(r, 13).note !== undefined }).toEqual({ indicator, note: it.overdue });
    }
    expect(seen.sort()).toEqual(fb.items.map((x) => x.indicatorId).sort());
  });

  test("the 历年奖励 sheet: merits, tenure and the priority-promotion flag per cadre", async () => {
    if (!c.sheets.includes("历年奖励")) return;
    const ws = (await loadExcel(output)).getWorksheet("历年奖励")!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(["编号", "姓名", "考核年度", "优秀年度", "任现职级以来优秀年数", "记三等功年度", "任现职级年度", "基本任职年限", "晋升所需任职年限", "优先晋升职级", "优先晋升依据"]);
    const rows = new Map<string, unknown[]>();
    for (let r = 2; r <= ws.rowCount; r++) rows.set(String(ws.getCell(r, 1).value), Array.from({ length: headers.length }, (_, j) => ws.getCell(r, j + 1).value ?? null));
    for (const [id, h] of Object.entries(c.hand.history ?? {})) {
      const row = rows.get(id)!;
      expect({ id, merits: row[5], excellentYears: row[4], tenure: row[8] }).toEqual({ id, merits: h.merits === null ? null : h.merits.join("、") || null, excellentYears: h.excellentYears, tenure: h.tenure });
    }
    for (const [id, h] of Object.entries(c.hand.annual ?? {})) if (h.priorityPromotion) expect(rows.get(id)![9]).toBe("是");
  });

  test("the 考察覆盖 sheet: per term, then per unit", async () => {
    if (!c.hand.coverage) return;
    const ws = (await loadExcel(output)).getWorksheet("考察覆盖")!;
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(row(1)).toEqual(["届期", "应考察单位数", "已考察", "未考察", "覆盖率(%)", "剩余年数", "截至年度", "未考察单位"]);
    c.hand.coverage.forEach((t, i) => {
      const units = t.examined.length + t.notExamined.length;
      expect(row(2 + i)).toEqual([t.term, units, t.examined.length, t.notExamined.length, t.percent, t.yearsLeft, 2023, t.notExamined.join("、")]);
    });
    const n = c.hand.coverage.length;
    expect(row(3 + n)).toEqual(["单位", ...c.hand.coverage.map((t) => `${t.term} 考察年度`)]);
  });
});
