// Where the pane's verbs compute: in a Web Worker (the shared runtime's page stays free to answer
// clicks while thousands of rows are read, checked and ranked), or on the page when no worker can be
// had. The worker reaches the workbook through the page: each port call it makes is run here, on the
// page's (tracked) workbook, and answered; snapshots stay here and the worker holds a stand-in.
import type { Policy } from "../engine/policy";
import type { Snapshot, WorkbookPort } from "../workbook/port";
import { computeJob, ComputeJobResult, ComputeRequest, DocxMaker, feedbackJob, FeedbackJobResult, JobHooks, noticesJob, NoticesJobResult, NoticesRequest, validateJob, ValidateJobResult } from "./jobs";
import type { FeedbackDates } from "../actions/schemeSheets";
import { fromWire, toWire, WireError } from "./wire";
import { Assemblies, Piece, split } from "./pieces";
import { nextTask } from "../workbook/next-task";

export interface Engine {
  readonly kind: "worker" | "page";
  compute(port: WorkbookPort, policy: Policy, req: ComputeRequest, hooks: JobHooks): Promise<ComputeJobResult>;
  feedback(port: WorkbookPort, policy: Policy, dates: FeedbackDates, hooks: JobHooks): Promise<FeedbackJobResult>;
  validate(port: WorkbookPort, policy: Policy): Promise<ValidateJobResult>;
  notices(port: WorkbookPort, policy: Policy, req: NoticesRequest): Promise<NoticesJobResult>;
}

/**
 * The .docx maker on the page: the docx library is a chunk of its own (notices-docx.js), loaded from
 * the add-in's own files the first time it is needed (the worker has it in its own bundle).
 */
const docxOnPage: DocxMaker = async (plan) => {
  const { noticesDocx } = await import(/* webpackChunkName: "notices-docx" */ "../actions/noticesDocx");
  return noticesDocx(plan);
};

/** The jobs on the page itself. */
export const pageEngine: Engine = {
  kind: "page",
  compute: computeJob,
  feedback: feedbackJob,
  validate: (port, policy) => validateJob(port, policy),
  notices: (port, policy, req) => noticesJob(port, policy, req, docxOnPage),
};

export type Verb = "compute" | "feedback" | "validate" | "notices";

/**
 * Page → worker. A long array in a port call's result goes ahead as pieces (pieces.ts): "piece"
 * messages of the same id and call, then the result with markers in their place.
 */
export type ToWorker =
  | { type: "run"; id: number; verb: Verb; policy: Policy; req: unknown; charts: boolean }
  | { type: "piece"; id: number; call: number; piece: Piece }
  | { type: "port-result"; id: number; call: number; ok: true; value: unknown }
  | { type: "port-result"; id: number; call: number; ok: false; error: WireError }
  | { type: "answer"; id: number; call: number; value: boolean };

/** Worker → page. Long arrays in a port call's arguments (call: its number) or a run's value (call 0) come ahead as pieces. */
export type FromWorker =
  | { type: "ready" }
  | { type: "piece"; id: number; call: number; piece: Piece }
  | { type: "port"; id: number; call: number; method: keyof WorkbookPort; args: unknown[] }
  | { type: "ask"; id: number; call: number; conflicts: Parameters<NonNullable<JobHooks["confirmOverwrite"]>>[0] }
  | { type: "plan"; id: number; call: number; sheets: string[] }
  | { type: "snapshot"; id: number }
  | { type: "done"; id: number; value: unknown; sheets: Snapshot["sheets"] | null }
  | { type: "failed"; id: number; error: WireError; sheets: Snapshot["sheets"] | null };

/** What the page needs of a Worker (a real one, or a pair of message ports in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: "message", listener: (e: { data: FromWorker }) => void): void;
  addEventListener(type: "error", listener: (e: unknown) => void): void;
  terminate(): void;
}

const PORT_METHODS = new Set<string>(["listTables", "readTable", "readRange", "writeColumns", "formatRows", "addSheet", "snapshot", "addChart"]);

interface Job {
  port: WorkbookPort;
  /** Pieces of the worker's next message, per call (0: the run's value). */
  assemblies: Assemblies;
  hooks: JobHooks;
  /** The run's snapshot, kept on the page (the worker holds a stand-in without the cells). */
  snapshot: Snapshot | null;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** The engine in a Web Worker; if the worker cannot start, every run goes to the page instead. */
export class WorkerEngine implements Engine {
  private worker: WorkerLike | null = null;
  private ready: Promise<boolean> | null = null;
  private failed = false;
  private nextId = 1;
  private readonly jobs = new Map<number, Job>();

  constructor(
    private readonly create: () => WorkerLike,
    /** How long the worker may take to say it is ready (ms). */
    private readonly startTimeout = 10_000,
  ) {}

  get kind(): "worker" | "page" {
    return this.failed ? "page" : "worker";
  }

  private start(): Promise<boolean> {
    if (this.ready) return this.ready;
    this.ready = new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (ok: boolean) => {
        if (settled) return;
        settled = true;
        if (!ok) this.fail();
        resolve(ok);
      };
      try {
        const w = this.create();
        this.worker = w;
        w.addEventListener("message", (e) => {
          if (e.data.type === "ready") settle(true);
          else void this.onMessage(e.data);
        });
        w.addEventListener("error", () => {
          settle(false);
          this.crash();
        });
        setTimeout(() => settle(false), this.startTimeout);
      } catch {
        settle(false);
      }
    });
    return this.ready;
  }

  private fail(): void {
    this.failed = true;
    try {
      this.worker?.terminate();
    } catch {
      // already gone
    }
    this.worker = null;
  }

  /** The worker died: its runs fail (the session rolls back what they wrote). */
  private crash(): void {
    this.fail();
    for (const [id, job] of this.jobs) {
      this.jobs.delete(id);
      job.reject(new Error("The engine's worker stopped."));
    }
  }

  private async run<T>(verb: Verb, port: WorkbookPort, policy: Policy, req: unknown, hooks: JobHooks, onPage: () => Promise<T>): Promise<T> {
    if (this.failed || !(await this.start()) || !this.worker) return onPage();
    const id = this.nextId++;
    const w = this.worker;
    return new Promise<T>((resolve, reject) => {
      this.jobs.set(id, { port, hooks, assemblies: new Assemblies(), snapshot: null, resolve: resolve, reject });
      w.postMessage({ type: "run", id, verb, policy, req, charts: typeof port.addChart === "function" });
    });
  }

  private async onMessage(m: FromWorker): Promise<void> {
    if (m.type === "ready") return;
    const job = this.jobs.get(m.id);
    if (!job || !this.worker) return;
    const w = this.worker;
    if (m.type === "piece") {
      job.assemblies.add(m.call, m.piece);
      return;
    }
    if (m.type === "port") {
      try {
        if (!PORT_METHODS.has(m.method)) throw new Error(`not a port call: ${String(m.method)}`);
        const args = job.assemblies.take(m.call, m.args) as unknown[];
        // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to its own object (job.port) on the next line
        const fn = job.port[m.method] as (...a: unknown[]) => Promise<unknown>;
        let value = await fn.apply(job.port, args);
        if (m.method === "snapshot") {
          // The cells stay on the page; the worker gets the same snapshot without them.
          job.snapshot = value as Snapshot;
          value = { ranges: [], tables: job.snapshot.tables, sheets: job.snapshot.sheets };
        }
        // A table's rows go in pieces, the page answering clicks between them.
        const { head, pieces } = split(value);
        for (const piece of pieces) {
          w.postMessage({ type: "piece", id: m.id, call: m.call, piece });
          // The page handles input between two pieces it posts (each piece is copied when it is posted).
          await nextTask();
        }
        w.postMessage({ type: "port-result", id: m.id, call: m.call, ok: true, value: head });
      } catch (e) {
        w.postMessage({ type: "port-result", id: m.id, call: m.call, ok: false, error: toWire(e) });
      }
    } else if (m.type === "ask") {
      let value = false;
      try {
        value = job.hooks.confirmOverwrite ? await job.hooks.confirmOverwrite(m.conflicts) : true;
      } catch {
        value = false;
      }
      w.postMessage({ type: "answer", id: m.id, call: m.call, value });
    } else if (m.type === "plan") {
      // The compute's write plan: the page checks it (protected sheets) and may stop the run.
      try {
        await job.hooks.beforeWrite?.(m.sheets);
        w.postMessage({ type: "port-result", id: m.id, call: m.call, ok: true, value: null });
      } catch (e) {
        w.postMessage({ type: "port-result", id: m.id, call: m.call, ok: false, error: toWire(e) });
      }
    } else if (m.type === "snapshot") {
      if (job.snapshot) job.hooks.onSnapshot?.(job.snapshot);
    } else {
      this.jobs.delete(m.id);
      // Sheets the run added after its snapshot (a 反馈 (2) …) are listed in the worker's stand-in.
      if (job.snapshot && m.sheets) job.snapshot.sheets.splice(0, job.snapshot.sheets.length, ...m.sheets);
      if (m.type === "done") job.resolve(job.assemblies.take(0, m.value));
      else job.reject(fromWire(m.error));
    }
  }

  compute(port: WorkbookPort, policy: Policy, req: ComputeRequest, hooks: JobHooks): Promise<ComputeJobResult> {
    return this.run("compute", port, policy, req, hooks, () => computeJob(port, policy, req, hooks));
  }
  feedback(port: WorkbookPort, policy: Policy, dates: FeedbackDates, hooks: JobHooks): Promise<FeedbackJobResult> {
    return this.run("feedback", port, policy, dates, hooks, () => feedbackJob(port, policy, dates, hooks));
  }
  validate(port: WorkbookPort, policy: Policy): Promise<ValidateJobResult> {
    return this.run("validate", port, policy, null, {}, () => validateJob(port, policy));
  }
  notices(port: WorkbookPort, policy: Policy, req: NoticesRequest): Promise<NoticesJobResult> {
    return this.run("notices", port, policy, req, {}, () => noticesJob(port, policy, req, docxOnPage));
  }
}
