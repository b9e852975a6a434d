// Issue #6, promise 7: double clicks are safe. A second compute (or undo, validate, policy save)
// started while a verb runs is refused at once with the name of the running verb; the writes of two
// verbs never interleave (at most one Excel.run of the pane's in flight); the workbook ends exactly as
// after one compute; and the pane takes verbs again once the first has finished, or failed.
// The browser suite clicks twice in chromium too (test/e2e).
import { DEFAULT_POLICY_DOCUMENT } from "../../src/engine/policy";
import type { Runner } from "../../src/workbook/office";
import { annualWorkbook } from "../taskpane/fixtures";
import { answering, paneOn } from "./pane-support";

/** An Excel.run that counts how many batches are in flight at once. */
function countingRunner(): { run: Runner; maxInFlight: () => number; runs: () => number } {
  let inFlight = 0;
  let max = 0;
  let runs = 0;
  const run: Runner = async (batch) => {
    runs++;
    inFlight++;
    max = Math.max(max, inFlight);
    try {
      return await Excel.run(batch);
    } finally {
      inFlight--;
    }
  };
  return { run, maxInFlight: () => max, runs: () => runs };
}

async function afterOneCompute() {
  const rig = paneOn(annualWorkbook());
  await rig.session.compute(answering());
  return rig.dump();
}

describe("a second verb while one runs is refused, and nothing interleaves", () => {
  test("compute clicked twice: the second is refused at once; the workbook is as after one compute", async () => {
    const expected = await afterOneCompute();
    const counter = countingRunner();
    const rig = paneOn(annualWorkbook(), { run: counter.run });
    const first = rig.session.compute(answering());
    expect(rig.session.busy).toBe("compute");
    const second = await rig.session.compute(answering()); // resolves before the first finishes
    expect(second).toEqual({ ran: false, busyWith: "compute" });
    expect((await first).ran).toBe(true);
    expect(rig.session.busy).toBeNull();
    expect(rig.dump()).toEqual(expected);
    expect(counter.maxInFlight()).toBe(1);
    expect(rig.session.undo.depth).toBe(1);
  });

  test("ten clicks in a row: one compute", async () => {
    const expected = await afterOneCompute();
    const rig = paneOn(annualWorkbook());
    const all = await Promise.all(Array.from({ length: 10 }, () => rig.session.compute(answering())));
    expect(all.filter((r) => r.ran)).toHaveLength(1);
    expect(rig.dump()).toEqual(expected);
  });

  test("undo, validate and policy save during a compute are refused; after it they run", async () => {
    const counter = countingRunner();
    const rig = paneOn(annualWorkbook(), { run: counter.run });
    const compute = rig.session.compute(answering());
    expect(await rig.session.undoLast()).toEqual({ ran: false, busyWith: "compute" });
    expect(await rig.session.validate()).toEqual({ ran: false, busyWith: "compute" });
    expect(await rig.session.savePolicy(DEFAULT_POLICY_DOCUMENT)).toEqual({ ran: false, busyWith: "compute" });
    expect(await rig.session.resetPolicy()).toEqual({ ran: false, busyWith: "compute" });
    await compute;
    expect(rig.session.undo.depth).toBe(1);
    expect(rig.d.settings).not.toHaveProperty("assess.policy");

    const undo = rig.session.undoLast();
    expect(await rig.session.compute(answering())).toEqual({ ran: false, busyWith: "undo" });
    expect(await rig.session.undoLast()).toEqual({ ran: false, busyWith: "undo" });
    expect(await undo).toEqual({ ran: true, value: true });
    expect(counter.maxInFlight()).toBe(1);
  });

  test("a compute waiting on the user's answer holds the pane: nothing else runs meanwhile", async () => {
    const rig = paneOn(annualWorkbook());
    await rig.session.compute(answering());
    rig.d.type("年度考核", "Q10", "优秀（手工）");
    let answer: (v: boolean) => void = () => undefined;
    let asked: () => void = () => undefined;
    const questionShown = new Promise<void>((r) => (asked = r));
    const overwrite = () => {
      asked();
      return new Promise<boolean>((r) => (answer = r));
    };
    const asking = rig.session.compute({ overwrite, pick: async () => null });
    await questionShown; // the question is on screen (waited for, not timed: a loaded machine is slow)
    expect(rig.session.busy).toBe("compute");
    expect(await rig.session.undoLast()).toEqual({ ran: false, busyWith: "compute" });
    answer(false);
    expect(await asking).toEqual({ ran: true, value: { status: "cancelled" } });
    expect(rig.session.busy).toBeNull();
  });

  test("after a failed verb the pane takes verbs again", async () => {
    const rig = paneOn(annualWorkbook());
    rig.d.setProtected("年度考核", true);
    await rig.session.compute(answering()); // reported as protected, not run
    rig.d.failSync(1, { times: 100 });
    // The first sync of the compute fails: a WorkbookError saying so (not just any rejection, a TypeError would be a bug).
    await expect(rig.session.compute(answering())).rejects.toMatchObject({ name: "WorkbookError", message: expect.stringContaining("Injected failure of sync") as unknown });
    expect(rig.session.busy).toBeNull();
    rig.d.failSync(0);
    rig.d.setProtected("年度考核", false);
    expect((await rig.session.compute(answering())).ran).toBe(true);
  });
});
