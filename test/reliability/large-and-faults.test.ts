// Issue #6, promise 6: large inputs are refused cleanly, not half-done. On the Excel double:
// - a request that fails at ANY point of a compute (the double fails its Nth sync) leaves either the
//   full result or the workbook exactly as it was — the pane restores the snapshot it took before
//   the first write and says so; when even the restore fails, 撤销 can retry it;
// - past Excel's 5 million cell read limit the adapter refuses before reading, saying what to do;
// - an answer over Excel's response payload limit (long texts) is read again in smaller blocks;
// - a request over the payload limit is rolled back like any other failed write.
// (Row-block reads and writes, one sync per block, at 100 / 5,000 / 50,000 rows: test/taskpane/office-adapter.test.ts.)
import { MAX_READ_CELLS } from "../../src/workbook/office";
import { WorkbookError } from "../../src/workbook/port";
import { WRITTEN_SETTING } from "../../src/taskpane/logic";
import type { WorkbookFixture } from "../support/excel-double";
import { annualWorkbook, largeWorkbook } from "../taskpane/fixtures";
import { attemptCompute, Dump, expectExplained, paneOn } from "./pane-support";

// Small blocks, so that a compute of 60 rows makes many read and write requests (one sync each).
const SMALL_BLOCKS = { readCells: 200, writeCells: 40, byteBudget: 1500 };

function cleanRun(fixture: WorkbookFixture) {
  return (async () => {
    const rig = paneOn(fixture, SMALL_BLOCKS);
    const original = rig.dump();
    const a = await attemptCompute(rig);
    expect(a.outcome?.status).toBe("computed");
    return { original, computed: rig.dump(), syncs: rig.d.stats.syncs, names: rig.d.stats.requests.map((r) => r.names) };
  })();
}

describe("a request that fails midway never leaves half the results", () => {
  const fixture = largeWorkbook(60);

  test("fail sync N, for every N of a compute: the full result or the original, and a sentence when not done", async () => {
    const clean = await cleanRun(fixture);
    const firstWrite = clean.names.findIndex((n) => n.includes("Range.values="));
    expect(firstWrite).toBeGreaterThan(0);
    expect(clean.names.filter((n) => n.includes("Range.values=")).length).toBeGreaterThan(2); // several write blocks
    const seen = { restored: 0, refusedEarly: 0, completed: 0 };
    for (let n = 1; n <= clean.syncs; n++) {
      for (const afterOps of [0, 1, 1000]) {
        const rig = paneOn(fixture, SMALL_BLOCKS);
        rig.d.failSync(n, { afterOps });
        const a = await attemptCompute(rig);
        const now = rig.dump();
        if (a.ok) {
          // A failure the pane can do without (e.g. reading the selection): the full result.
          expect({ n, afterOps, same: equal(now, clean.computed) }).toEqual({ n, afterOps, same: true });
          seen.completed++;
          continue;
        }
        const detail = expectExplained(a.error);
        expect({ n, afterOps, same: equal(now, clean.original) }).toEqual({ n, afterOps, same: true });
        expect(rig.d.settings[WRITTEN_SETTING]).toBeUndefined();
        expect(rig.session.undo.depth).toBe(0);
        if ((a.error as { code?: string }).code === "WRITE_FAILED_RESTORED") {
          expect(detail.zh).toContain("已把工作簿恢复到计算前的状态");
          expect(detail.en).toContain("no partial results");
          seen.restored++;
        } else seen.refusedEarly++;
      }
    }
    if (process.env.ASSESS_REPORT) console.log({ syncs: clean.syncs, firstWrite, ...seen });
    // Every write block was hit at least once; failures before the snapshot report themselves.
    expect(seen.restored).toBeGreaterThanOrEqual(3 * (clean.syncs - firstWrite - 1));
    expect(seen.refusedEarly).toBeGreaterThan(0);
  }, 120_000);

  test("when the restore fails too, the pane says so and 撤销 retries it", async () => {
    const clean = await cleanRun(fixture);
    const firstWrite = clean.names.findIndex((n) => n.includes("Range.values="));
    const rig = paneOn(fixture, SMALL_BLOCKS);
    rig.d.failSync(firstWrite + 3, { times: 1000 });
    const a = await attemptCompute(rig);
    expect((a.error as { code?: string }).code).toBe("WRITE_FAILED_NOT_RESTORED");
    const detail = expectExplained(a.error);
    expect(detail.zh).toContain("撤销上一步"); // the undo button's label
    expect(rig.session.undo.depth).toBe(1);
    expect(equal(rig.dump(), clean.original)).toBe(false); // half-written for now …
    rig.d.failSync(0);
    expect(await rig.session.undoLast()).toEqual({ ran: true, value: true });
    expect(equal(rig.dump(), clean.original)).toBe(true); // … and whole again
  });

  test("Excel refusing a write block as too large: rolled back and explained", async () => {
    const clean = await cleanRun(fixture);
    const firstWrite = clean.names.findIndex((n) => n.includes("Range.values="));
    const rig = paneOn(fixture, SMALL_BLOCKS);
    rig.d.failSync(firstWrite + 2, { code: "RequestPayloadSizeLimitExceeded", afterOps: 1 });
    const a = await attemptCompute(rig);
    expect((a.error as { code?: string }).code).toBe("WRITE_FAILED_RESTORED");
    const detail = expectExplained(a.error);
    expect(detail.en).toContain("size limit");
    expect(detail.zh).toContain("限制");
    expect(equal(rig.dump(), clean.original)).toBe(true);
  });
});

describe("past Excel's limits", () => {
  test(`a used range over ${MAX_READ_CELLS.toLocaleString("en-US")} cells is refused before reading, with what to do`, async () => {
    const wb = annualWorkbook();
    wb.sheets!.push({ name: "原始数据", cells: { A1: { value: "x" }, XFD400: { value: "y" } } }); // 16,384 × 400 cells
    const rig = paneOn(wb);
    const original = rig.dump();
    const a = await attemptCompute(rig);
    expect(a.error).toBeInstanceOf(WorkbookError);
    expect((a.error as WorkbookError).kind).toBe("too-large");
    const detail = expectExplained(a.error);
    expect(detail.zh).toContain("原始数据");
    expect(detail.zh).toContain("A1:XFD400");
    expect(detail.zh).toContain("请删除");
    expect(detail.en).toContain("6,553,600 cells");
    expect(rig.dump()).toEqual(original);
    expect(rig.d.stats.syncs).toBeLessThan(10); // refused, not read block by block
  });

  test("an answer over the response limit is read again in smaller blocks; the compute completes", async () => {
    const wb = largeWorkbook(200);
    const long = "长".repeat(1000); // ~6 KB per cell in the response
    for (let i = 1; i < wb.sheets![0].rows!.length; i++) wb.sheets![0].rows![i][1] = long;
    const rig = paneOn({ ...wb, responseLimit: 300_000 });
    const a = await attemptCompute(rig);
    expect(a.outcome?.status).toBe("computed");
    expect(rig.d.values("年度考核", "I1:I2")).toEqual([["综合得分"], [60]]);
    const reads = rig.d.stats.requests.filter((r) => r.names.some((n) => n.startsWith("Range.load")));
    expect(reads.some((r) => r.responseBytes > 300_000)).toBe(true); // Excel refused some …
    expect(rig.d.stats.requests.filter((r) => r.responseBytes > 0 && r.responseBytes <= 300_000).length).toBeGreaterThan(5); // … and smaller blocks passed
  });
});

function equal(a: Dump, b: Dump): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
