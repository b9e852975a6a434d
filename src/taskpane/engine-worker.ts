// The engine's Web Worker (dist/engine-worker.js): runs the pane's jobs (jobs.ts) off the page's
// thread. Its workbook is the page's: every port call is posted to the page and answered there
// (engine.ts). No DOM, no Office.js here.
import type { CellValue, RawTable } from "../engine/types";
import type { ChartSpec, ColumnWrite, RowFormat, SheetOptions, SheetRange, Snapshot, SnapshotScope, TableRef, WorkbookPort } from "../workbook/port";
import type { FromWorker, ToWorker } from "./engine";
import { computeJob, ComputeRequest, feedbackJob, noticesJob, NoticesRequest, validateJob } from "./jobs";
import type { FeedbackDates } from "../actions/schemeSheets";
// The worker makes the notices' .docx itself (the page only offers the bytes as a download): the docx
// library is part of this bundle, not of the pane's.
import { noticesDocx } from "../actions/noticesDocx";
import { fromWire, toWire } from "./wire";
import { Assemblies, split } from "./pieces";

export interface WorkerScope {
  /** `transfer`: buffers handed over rather than copied (the notices' bytes). */
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (e: { data: ToWorker }) => void): void;
}

/** Answer the page's runs on `scope` (the worker's global, or one end of a test's message pair). */
export function serveEngine(scope: WorkerScope): void {
  let nextCall = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  /** Pieces of the page's answers, per call. */
  const assemblies = new Assemblies();
  /** A question to the page: `post(call)` sends it under a new call number; the page's answer settles it. */
  const ask = <T = unknown>(post: (call: number) => void) =>
    new Promise<T>((resolve, reject) => {
      const call = nextCall++;
      waiting.set(call, { resolve, reject });
      post(call);
    });
  /** Post `make(head)` with the long arrays of `value` sent ahead in pieces (pieces.ts). */
  const postWhole = (id: number, call: number, value: unknown, make: (head: unknown) => FromWorker, transfer: Transferable[] = []) => {
    const { head, pieces } = split(value);
    for (const piece of pieces) scope.postMessage({ type: "piece", id, call, piece });
    scope.postMessage(make(head), transfer);
  };

  scope.addEventListener("message", (e) => {
    const m = e.data;
    if (m.type === "piece") {
      assemblies.add(m.call, m.piece);
      return;
    }
    if (m.type === "port-result" || m.type === "answer") {
      const w = waiting.get(m.call);
      // Taken whatever the outcome: a failed call's pieces are forgotten too.
      const value = assemblies.take(m.call, m.type === "answer" || m.ok ? m.value : undefined);
      if (!w) return;
      waiting.delete(m.call);
      if (m.type === "answer" || m.ok) w.resolve(value);
      else w.reject(fromWire(m.error));
      return;
    }
    if (m.type !== "run") return;
    const id = m.id;
    let stand: Snapshot | null = null;
    const call = <T>(method: keyof WorkbookPort, ...args: unknown[]) => ask<T>((c) => postWhole(id, c, args, (head) => ({ type: "port", id, call: c, method, args: head as unknown[] })));
    const port: WorkbookPort = {
      listTables: () => call<TableRef[]>("listTables"),
      readTable: (ref: TableRef) => call<RawTable>("readTable", ref),
      readRange: (range: SheetRange) => call<CellValue[][]>("readRange", range),
      writeColumns: (ref: TableRef, columns: ColumnWrite[]) => call<TableRef>("writeColumns", ref, columns),
      formatRows: (ref: TableRef, format: RowFormat) => call<void>("formatRows", ref, format),
      addSheet: (name: string, rows: CellValue[][], options?: SheetOptions) => call<string>("addSheet", name, rows, options),
      snapshot: async (scope: SnapshotScope) => (stand = await call<Snapshot>("snapshot", scope)),
      restore: () => Promise.reject(new Error("restore runs on the page")),
      // Offered only when the page's workbook has it.
      ...(m.charts ? { addChart: (sheet: string, chart: ChartSpec) => call<boolean>("addChart", sheet, chart) } : {}),
    };
    const hooks = {
      confirmOverwrite: (conflicts: Parameters<NonNullable<Parameters<typeof computeJob>[3]["confirmOverwrite"]>>[0]) => ask<boolean>((c) => scope.postMessage({ type: "ask", id, call: c, conflicts })),
      onSnapshot: () => scope.postMessage({ type: "snapshot", id }),
      beforeWrite: async (sheets: string[]) => void (await ask((c) => scope.postMessage({ type: "plan", id, call: c, sheets }))),
    };
    const job: Promise<unknown> =
      m.verb === "compute"
        ? computeJob(port, m.policy, m.req as ComputeRequest, hooks)
        : m.verb === "feedback"
          ? feedbackJob(port, m.policy, m.req as FeedbackDates, hooks)
          : m.verb === "notices"
            ? noticesJob(port, m.policy, m.req as NoticesRequest, noticesDocx)
            : validateJob(port, m.policy);
    job.then(
      (value) => {
        // The notices' bytes are handed to the page, not copied.
        const bytes = value && typeof value === "object" && "bytes" in value && value.bytes instanceof Uint8Array ? value.bytes : null;
        postWhole(id, 0, value, (head) => ({ type: "done", id, value: head, sheets: stand ? stand.sheets : null }), bytes ? [bytes.buffer] : []);
      },
      (error) => scope.postMessage({ type: "failed", id, error: toWire(error), sheets: stand ? stand.sheets : null }),
    );
  });
  scope.postMessage({ type: "ready" });
}

// In a worker (not when a test imports this file): serve the page.
declare const WorkerGlobalScope: unknown;
// A dedicated worker's global posts with postMessage(message, transfer); the DOM typings here describe a window's.
if (typeof WorkerGlobalScope !== "undefined" && typeof self !== "undefined") serveEngine(self as unknown as WorkerScope);
