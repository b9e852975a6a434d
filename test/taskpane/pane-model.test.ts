// The pane's host-free models: the findings list (groups, filters, 下一个问题) and one progress bar
// over a whole run (read → compute → write → format, cancellable until the first write).
import type { Finding } from "../../src/engine/types";
import { cellOf, countBy, groupFindings, PAGE, stepThrough, walkOrder } from "../../src/taskpane/findings-model";
import type { PaneWorkbook } from "../../src/taskpane/host";
import { CancelledError, ProgressState, RunProgress, TrackedWorkbook } from "../../src/taskpane/progress";
import type { TableRef } from "../../src/workbook/port";

const f = (code: Finding["code"], severity: Finding["severity"], sheet?: string, cell?: string, row?: number): Finding => ({ code, severity, sheet, cell, row, message: { zh: code, en: code } });

describe("findings list", () => {
  const findings: Finding[] = [
    f("MANUAL_GRADE_CONFLICT", "warning", "年度考核", undefined, 5), // 0
    f("NOT_A_NUMBER", "error", "年度考核", "G9"), // 1
    f("QUOTA_TIE", "warning"), // 2: a pool, no cell
    f("NOT_A_NUMBER", "error", "单位绩效", "D3"), // 3
    f("MANUAL_GRADE_CONFLICT", "warning", "年度考核", undefined, 7), // 4
  ];

  test("one group per kind, errors first, in order of first occurrence; counts add up to the summary's", () => {
    const groups = groupFindings(findings, { severity: "all", sheet: null });
    expect(groups.map((g) => [g.code, g.items])).toEqual([
      ["NOT_A_NUMBER", [1, 3]],
      ["MANUAL_GRADE_CONFLICT", [0, 4]],
      ["QUOTA_TIE", [2]],
    ]);
    expect(countBy(findings)).toEqual({ errors: 2, warnings: 3 });
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(findings.length);
  });

  test("filters by severity and by table", () => {
    expect(groupFindings(findings, { severity: "warning", sheet: null }).map((g) => g.code)).toEqual(["MANUAL_GRADE_CONFLICT", "QUOTA_TIE"]);
    expect(groupFindings(findings, { severity: "all", sheet: "单位绩效" }).map((g) => [g.code, g.items])).toEqual([["NOT_A_NUMBER", [3]]]);
  });

  test("下一个问题 walks the groups' order over findings with a cell, wrapping; 上一个 goes back", () => {
    const order = walkOrder(findings, groupFindings(findings, { severity: "all", sheet: null }));
    expect(order).toEqual([1, 3, 0, 4]); // the pool finding (2) has no cell to select
    expect(stepThrough(order, null, 1)).toBe(1);
    expect(stepThrough(order, null, -1)).toBe(4);
    expect(stepThrough(order, 3, 1)).toBe(0);
    expect(stepThrough(order, 4, 1)).toBe(1);
    expect(stepThrough(order, 1, -1)).toBe(4);
    expect(stepThrough([], null, 1)).toBeNull();
    expect(cellOf(findings[0])).toEqual({ sheet: "年度考核", cell: "A5" });
    expect(cellOf(findings[1])).toEqual({ sheet: "年度考核", cell: "G9" });
    expect(cellOf(findings[2])).toBeNull();
  });

  test("10,000 findings: grouped at once, each group shown a page at a time", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => f(i % 2 ? "OUT_OF_RANGE" : "NOT_A_NUMBER", "error", "年度考核", `G${i + 2}`));
    const groups = groupFindings(many, { severity: "all", sheet: null });
    expect(groups.map((g) => g.items.length)).toEqual([5000, 5000]);
    expect(PAGE).toBe(50);
    expect(walkOrder(many, groups)).toHaveLength(10_000);
  });
});

describe("one progress bar over the run", () => {
  const table = (kind: TableRef["kind"], rows: number, cols: number): TableRef => ({ sheet: "S", kind, headerRow: 1, firstColumn: 1, lastColumn: cols, lastRow: rows + 1 });

  test("read by cells against the tables listed, then 计算, then writes by the plan; never goes back", () => {
    const seen: ProgressState[] = [];
    const p = new RunProgress((s) => seen.push(s));
    // Two tables: 100 rows × 10 columns (101 × 10 = 1010 cells with the header) and 9 rows × 10 (100 cells).
    p.listed([table("annual", 100, 10), table("unit", 9, 10), table(null, 500, 5)]);
    p.begin("read", 1010);
    p.block(1, 2);
    // 505 of 1110 cells read: read spans 0–40 → 40 × 505/1110 = 18.2 → 18.
    expect(seen[seen.length - 1]).toEqual({ step: "read", percent: 18, cancellable: true });
    p.end();
    expect(seen[seen.length - 1].step).toBe("compute");
    p.begin("read", 100);
    p.end();
    // After the reads (1110/1110 = 40%), the engine: 计算 from 40.
    expect(seen[seen.length - 1]).toEqual({ step: "compute", percent: 40, cancellable: true });
    p.planned({ ranges: [{ sheet: "S", top: 1, left: 11, bottom: 101, right: 14 }], sheets: [] });
    p.begin("snapshot", 404);
    p.end();
    expect(seen[seen.length - 1]).toMatchObject({ step: "snapshot", percent: 58, cancellable: true });
    // Writes: the plan is 2 × 404 cells (values and formats); 400 written → 58 + 42 × 400/808 = 78.8.
    p.begin("write", 400);
    expect(seen[seen.length - 1].cancellable).toBe(false);
    p.end();
    expect(seen[seen.length - 1]).toEqual({ step: "write", percent: 78, cancellable: false });
    p.begin("format", 408);
    p.end();
    expect(seen[seen.length - 1].percent).toBe(100);
    const percents = seen.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  function fakeWorkbook(log: string[]): PaneWorkbook {
    const ref = table("annual", 10, 5);
    const done = async (what: string) => void log.push(what);
    return {
      listTables: async () => (log.push("list"), [ref]),
      readTable: async () => (log.push("read"), { sheet: "S", headers: [], rows: [], headerRow: 1, firstColumn: 1 }),
      readRange: async () => (log.push("range"), []),
      writeColumns: async (r) => (log.push("write"), r),
      formatRows: () => done("format"),
      addSheet: async (name) => (log.push("sheet"), name),
      snapshot: async () => (log.push("snapshot"), { ranges: [], tables: [], sheets: [] }),
      restore: () => done("restore"),
      capabilities: () => ({ notes: "notes" }),
      selection: async () => null,
      select: () => done("select"),
      protectedSheets: async () => [],
      recalculate: () => done("recalculate"),
    };
  }

  test("取消 before the first write: the next call is refused and nothing is written", async () => {
    const log: string[] = [];
    const w = new TrackedWorkbook(fakeWorkbook(log), () => undefined);
    w.track(new RunProgress(() => undefined));
    const ref = (await w.listTables())[0];
    await w.readTable(ref);
    expect(w.cancel()).toBe(true);
    await expect(w.snapshot({ ranges: [] })).rejects.toBeInstanceOf(CancelledError);
    await expect(w.writeColumns(ref, [])).rejects.toBeInstanceOf(CancelledError);
    expect(log).toEqual(["list", "read"]);
  });

  test("after the first write 取消 is refused: a run is never left half-written", async () => {
    const log: string[] = [];
    const w = new TrackedWorkbook(fakeWorkbook(log), () => undefined);
    w.track(new RunProgress(() => undefined));
    const ref = (await w.listTables())[0];
    await w.writeColumns(ref, []);
    expect(w.cancel()).toBe(false);
    await w.formatRows(ref, { columns: [], classes: {}, notes: [] });
    expect(log).toEqual(["list", "write", "format"]);
    // A new run starts uncancelled.
    w.track(new RunProgress(() => undefined));
    await w.readTable(ref);
    expect(log[log.length - 1]).toBe("read");
  });
});
