// The engine off the page's thread (src/taskpane/engine.ts, engine-worker.ts): the worker's protocol run
// over an in-memory message pair (every message structured-cloned, delivered in a later task, as
// between a page and its worker), on the Excel double. The same verbs leave the same workbook as on the
// page; the snapshot stays on the page, so undo and a rollback still work; no worker → the page.
import { strFromU8, unzipSync } from "fflate";
import { serveEngine, WorkerScope } from "../../src/taskpane/engine-worker";
import { FromWorker, pageEngine, ToWorker, WorkerEngine, WorkerLike } from "../../src/taskpane/engine";
import { PaneSession } from "../../src/taskpane/session";
import { OfficeWorkbook } from "../../src/workbook/office";
import { createWorkbook } from "../support/excel-double";
import { answering, doubleSettings } from "../reliability/pane-support";
import { ANNUAL_SHEET, annualWorkbook, largeWorkbook } from "./fixtures";

/** A page end and a worker end; messages are cloned and delivered asynchronously. */
function messagePair(): { page: WorkerLike & { sent: string[]; posted: string[] }; worker: WorkerScope } {
  const toWorker: ((e: { data: ToWorker }) => void)[] = [];
  const toPage: ((e: { data: FromWorker }) => void)[] = [];
  const sent: string[] = [];
  /** What the page posted to the worker (message types). */
  const posted: string[] = [];
  const page = {
    sent,
    posted,
    postMessage: (m: ToWorker) => {
      posted.push(m.type);
      setTimeout(() => toWorker.forEach((l) => l({ data: structuredClone(m) })), 0);
    },
    addEventListener: (type: string, l: (e: { data: FromWorker }) => void) => void (type === "message" && toPage.push(l)),
    terminate: () => undefined,
  } as WorkerLike & { sent: string[]; posted: string[] };
  const worker: WorkerScope = {
    postMessage: (m: FromWorker) => {
      sent.push(m.type === "port" ? `port:${m.method}` : m.type);
      setTimeout(() => toPage.forEach((l) => l({ data: structuredClone(m) })), 0);
    },
    addEventListener: (_type, l) => void toWorker.push(l),
  };
  return { page, worker };
}

function rig(engine: "worker" | "page", fixture = annualWorkbook()) {
  const d = createWorkbook(fixture).install(globalThis);
  const pair = messagePair();
  const eng = engine === "worker" ? new WorkerEngine(() => (serveEngine(pair.worker), pair.page)) : pageEngine;
  const session = new PaneSession(new OfficeWorkbook(), doubleSettings(), undefined, eng);
  return { d, session, sent: pair.page.sent, posted: pair.page.posted, eng };
}

describe("the engine in a worker", () => {
  test("计算排名 through the worker writes what the page writes; its port calls go through the page", async () => {
    const page = rig("page");
    const r0 = await page.session.compute(answering());
    const onPage = JSON.stringify(page.d.dump());

    const w = rig("worker");
    const r1 = await w.session.compute(answering());
    expect(w.eng.kind).toBe("worker");
    expect(JSON.stringify(w.d.dump())).toBe(onPage);
    if (!r0.ran || !r1.ran || r0.value.status !== "computed" || r1.value.status !== "computed") throw new Error("not computed");
    expect(r1.value.summary).toEqual(r0.value.summary);
    expect(r1.value.findings).toEqual(r0.value.findings);
    expect(w.sent[0]).toBe("ready");
    expect(w.sent).toEqual(expect.arrayContaining(["port:readTable", "port:snapshot", "snapshot", "port:writeColumns", "port:formatRows", "port:addSheet", "done"]));
    // The page listed the tables to choose the annual one; the run uses that list instead of walking
    // every sheet again (issue #12: the locator ran twice on a 20,000-row sheet).
    expect(w.sent).not.toContain("port:listTables");
  });

  test("a 3,000-row table: its rows, the written columns and the findings cross in pieces; the workbook is the page's", async () => {
    const page = rig("page", largeWorkbook(3_000));
    const r0 = await page.session.compute(answering());
    const onPage = JSON.stringify(page.d.dump());
    const w = rig("worker", largeWorkbook(3_000));
    const r1 = await w.session.compute(answering());
    expect(JSON.stringify(w.d.dump())).toBe(onPage);
    if (!r0.ran || !r1.ran || r0.value.status !== "computed" || r1.value.status !== "computed") throw new Error("not computed");
    expect(r1.value.summary).toEqual(r0.value.summary);
    expect(r1.value.findings).toEqual(r0.value.findings);
    // The page posts the table's 3,000 rows of 8 cells as 3 pieces (1,024 rows at most each: 8,192 cells);
    // the worker's writes of 3,000-value columns and its findings come as pieces too.
    expect(w.posted.filter((t) => t === "piece").length).toBeGreaterThanOrEqual(3);
    expect(w.sent.filter((t) => t === "piece").length).toBeGreaterThan(0);
  });

  test("the snapshot stays on the page: undo puts the workbook back exactly", async () => {
    const w = rig("worker");
    const before = JSON.stringify(w.d.dump());
    await w.session.compute(answering());
    expect(JSON.stringify(w.d.dump())).not.toBe(before);
    expect((await w.session.undoLast()).ran).toBe(true);
    expect(JSON.stringify(w.d.dump())).toBe(before);
  });

  test("a hand-typed result cell: the worker asks the page, and 取消 writes nothing", async () => {
    const w = rig("worker");
    await w.session.compute(answering());
    w.d.type(ANNUAL_SHEET, "Q10", "优秀（手工）");
    const before = JSON.stringify(w.d.dump());
    const asked = answering({ overwrite: false });
    const r = await w.session.compute(asked);
    expect(asked.asked).toEqual(["overwrite"]);
    expect(r.ran && r.value.status).toBe("cancelled");
    expect(JSON.stringify(w.d.dump())).toBe(before);
  });

  test("a write failing midway in a worker run: the page restores its snapshot and says so", async () => {
    const w = rig("worker");
    const before = JSON.stringify(w.d.dump());
    w.d.failSync(2, { onOp: "Range.values=", afterOps: 1 });
    await expect(w.session.compute(answering())).rejects.toMatchObject({ code: "WRITE_FAILED_RESTORED" });
    expect(JSON.stringify(w.d.dump())).toBe(before);
  });

  test("校验 and a refusal cross the boundary as the same typed failure", async () => {
    const w = rig("worker");
    const v = await w.session.validate();
    expect(v.ran && v.value.findings.some((f) => f.code === "NOT_A_NUMBER" && f.cell === "G9")).toBe(true);
    createWorkbook({ sheets: [{ name: "Sheet1" }] }).install(globalThis);
    await expect(w.session.validate()).rejects.toMatchObject({ name: "ActionError", code: "NO_TABLE" });
  });

  test("生成反馈通知书 is a job of the worker: it reads through the page, makes the .docx itself, and it is the page's document", async () => {
    // Two units of one group, no own indicators: one notice each (addressed "发改局：", "财政局：").
    const units = { sheets: [{ name: "绩效", rows: [["编号", "名称", "分组", "幸福感", "满意度", "安全感"], ["U1", "发改局", "区直单位", 90, 90, 90], ["U2", "财政局", "区直单位", 80, 80, 80]] }] };
    const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]);
    const page = rig("page", units);
    const before = JSON.stringify(page.d.dump());
    const r0 = await page.session.notices({ date: "2024-03-15", cadres: false });
    const w = rig("worker", units);
    const r1 = await w.session.notices({ date: "2024-03-15", cadres: false });
    if (!r0.ran || !r1.ran) throw new Error("refused");
    expect(w.eng.kind).toBe("worker");
    expect(w.sent).toEqual(expect.arrayContaining(["ready", "port:listTables", "port:readTable", "done"]));
    expect({ units: r1.value.units, errors: r1.value.errors, date: r1.value.date }).toEqual({ units: 2, errors: 0, date: "2024-03-15" });
    expect(r1.value.bytes).toBeInstanceOf(Uint8Array);
    const doc = documentXml(r1.value.bytes);
    expect(doc).toBe(documentXml(r0.value.bytes));
    expect(doc.replace(/<[^>]+>/g, "")).toContain("发改局：");
    expect(doc.replace(/<[^>]+>/g, "")).toContain("财政局：");
    // Nothing is written into the workbook.
    expect(JSON.stringify(w.d.dump())).toBe(before);
  });

  test("no worker to be had: every run goes to the page", async () => {
    createWorkbook(annualWorkbook()).install(globalThis);
    const eng = new WorkerEngine(() => {
      throw new Error("Workers are not allowed here");
    });
    const session = new PaneSession(new OfficeWorkbook(), doubleSettings(), undefined, eng);
    const r = await session.compute(answering());
    expect(r.ran && r.value.status).toBe("computed");
    expect(eng.kind).toBe("page");
  });
});
