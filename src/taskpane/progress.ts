// One progress bar over a whole verb (issue #12): read → compute → write → format, as a percent that
// only grows and the name of the step. The pane's workbook is wrapped in a TrackedWorkbook that sees
// every port call (what is read and written, and the adapter's block progress inside a call), so
// the same measure works whether the engine runs in a worker or on the page. Host-free.
import type { CellValue, RawTable } from "../engine/types";
import type { ChartSpec, ColumnWrite, RowFormat, SheetOptions, SheetRange, Snapshot, SnapshotScope, TableRef } from "../workbook/port";
import type { CellSelection, PaneWorkbook, ProgressPhase } from "./host";

export type Step = "read" | "compute" | "snapshot" | "write" | "format" | "restore";

export interface ProgressState {
  step: Step;
  /** 0–100, never lower than the last one reported in the same run. */
  percent: number;
  /** True until the first write: cancelling then leaves the workbook as it was. */
  cancellable: boolean;
}

/** Where each step sits on the bar (percent at its start and end). */
const SPAN: Record<Step, [number, number]> = {
  read: [0, 40],
  compute: [40, 50],
  snapshot: [50, 58],
  write: [58, 100],
  format: [58, 100],
  restore: [0, 100],
};

/** The verb was cancelled before its first write: nothing in the workbook changed. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

const cellsOf = (r: { top: number; left: number; bottom: number; right: number }) => Math.max(0, r.bottom - r.top + 1) * Math.max(0, r.right - r.left + 1);
const tableCells = (t: TableRef) => Math.max(1, t.lastRow - t.headerRow + 1 + (t.totalsRow ? 1 : 0)) * Math.max(1, t.lastColumn - t.firstColumn + 1);

/**
 * The run's progress from the calls it makes. Reads are weighed by cells against the cells of the
 * tables listed; writes by cells against the result ranges of the snapshot scope (the write plan),
 * plus the rows of each sheet written.
 */
export class RunProgress {
  private percent = 0;
  private step: Step = "read";
  private readTotal = 0;
  private readDone = 0;
  private writeTotal = 0;
  private writeDone = 0;
  private current: { step: Step; cells: number } | null = null;
  wrote = false;

  constructor(private readonly report: (s: ProgressState) => void) {}

  get state(): ProgressState {
    return { step: this.step, percent: Math.floor(this.percent), cancellable: !this.wrote };
  }

  private emit(step: Step, fraction: number): void {
    const [a, b] = SPAN[step];
    const p = a + (b - a) * Math.max(0, Math.min(1, fraction));
    this.step = step;
    if (p > this.percent) this.percent = p;
    this.report(this.state);
  }

  listed(tables: readonly TableRef[]): void {
    this.readTotal = tables.filter((t) => t.kind !== null).reduce((n, t) => n + tableCells(t), 0);
    this.emit("read", 0);
  }

  /** A call starts: `cells` is its size (what it reads or writes). */
  begin(step: Step, cells: number): void {
    if (step === "write" || step === "format") this.wrote = true;
    this.current = { step, cells };
    this.emit(step, this.fraction(step, 0));
  }

  /** The adapter finished `done` of `total` blocks of the current call. */
  block(done: number, total: number): void {
    if (!this.current || total <= 0) return;
    this.emit(this.current.step, this.fraction(this.current.step, done / total));
  }

  /** The current call ended. After the reads comes the engine: the bar says 计算 until the next call. */
  end(): void {
    const c = this.current;
    if (!c) return;
    if (c.step === "read") this.readDone += c.cells;
    if (c.step === "write" || c.step === "format") this.writeDone += c.cells;
    this.current = null;
    if (c.step === "read") this.emit("compute", 0);
    else this.emit(c.step, c.step === "write" || c.step === "format" ? this.fraction(c.step, 0) : 1);
  }

  planned(scope: SnapshotScope): void {
    // Values and formats of every result range, plus an allowance per whole sheet written.
    this.writeTotal = scope.ranges.reduce((n, r) => n + 2 * cellsOf(r), 0) + (scope.sheets?.length ?? 0) * 2000;
  }

  private fraction(step: Step, within: number): number {
    const cells = this.current?.cells ?? 0;
    if (step === "read") return this.readTotal ? (this.readDone + within * cells) / this.readTotal : within;
    if (step === "write" || step === "format") {
      const total = Math.max(this.writeTotal, this.writeDone + cells, 1);
      return (this.writeDone + within * cells) / total;
    }
    return within;
  }
}

/**
 * The pane's workbook with the run's progress and its cancel: every call is measured, and after
 * cancel() the next call (and any call while a verb waits) is refused with CancelledError as long as
 * nothing has been written. A call that writes is never refused half-way.
 */
export class TrackedWorkbook implements PaneWorkbook {
  private progress: RunProgress | null = null;
  private cancelled = false;

  constructor(
    private readonly inner: PaneWorkbook,
    subscribe: (listener: (phase: ProgressPhase, done: number, total: number) => void) => void,
  ) {
    subscribe((_phase, done, total) => this.progress?.block(done, total));
    // An optional port operation is offered only when the host's workbook has it.
    const chart = inner.addChart?.bind(inner);
    if (chart) this.addChart = (sheet, spec) => this.call("write", 1, () => chart(sheet, spec));
  }

  /** A chart on a sheet the run wrote (the Office.js adapter has it; a host without charts does not). */
  addChart?: (sheet: string, chart: ChartSpec) => Promise<boolean>;

  /** Measure the calls of one run; null ends it. */
  track(progress: RunProgress | null): void {
    this.progress = progress;
    this.cancelled = false;
  }

  /** Stop the run at its next call, if it has not written yet. False when it has. */
  cancel(): boolean {
    if (!this.progress || this.progress.wrote) return false;
    this.cancelled = true;
    return true;
  }

  get wrote(): boolean {
    return this.progress?.wrote ?? false;
  }

  private async call<T>(step: Step | null, cells: number, fn: () => Promise<T>): Promise<T> {
    const p = this.progress;
    if (this.cancelled && p && !p.wrote) throw new CancelledError();
    if (!p || !step) return fn();
    p.begin(step, cells);
    try {
      return await fn();
    } finally {
      p.end();
    }
  }

  capabilities() {
    return this.inner.capabilities();
  }
  async listTables(): Promise<TableRef[]> {
    const tables = await this.call(null, 0, () => this.inner.listTables());
    this.progress?.listed(tables);
    return tables;
  }
  readTable(ref: TableRef): Promise<RawTable> {
    return this.call("read", tableCells(ref), () => this.inner.readTable(ref));
  }
  readRange(range: SheetRange): Promise<CellValue[][]> {
    return this.call("read", cellsOf(range), () => this.inner.readRange(range));
  }
  writeColumns(ref: TableRef, columns: ColumnWrite[]): Promise<TableRef> {
    return this.call("write", columns.reduce((n, c) => n + c.values.length, 0), () => this.inner.writeColumns(ref, columns));
  }
  formatRows(ref: TableRef, format: RowFormat): Promise<void> {
    const rows = Object.values(format.classes).reduce((n, r) => n + (r?.length ?? 0), 0) + format.notes.length;
    return this.call("format", Math.max(rows, (ref.lastRow - ref.headerRow) * format.columns.length), () => this.inner.formatRows(ref, format));
  }
  addSheet(name: string, rows: CellValue[][], options?: SheetOptions): Promise<string> {
    return this.call("write", rows.reduce((n, r) => n + r.length, 0), () => this.inner.addSheet(name, rows, options));
  }
  snapshot(scope: SnapshotScope): Promise<Snapshot> {
    this.progress?.planned(scope);
    return this.call("snapshot", scope.ranges.reduce((n, r) => n + cellsOf(r), 0), () => this.inner.snapshot(scope));
  }
  restore(snapshot: Snapshot): Promise<void> {
    // A restore is never cancelled: it puts the workbook back.
    const p = this.progress;
    this.progress = null;
    return this.inner.restore(snapshot).finally(() => (this.progress = p));
  }
  selection(): Promise<CellSelection | null> {
    return this.call(null, 0, () => this.inner.selection());
  }
  select(sheet: string, cell: string): Promise<void> {
    return this.inner.select(sheet, cell);
  }
  protectedSheets(names: readonly string[]): Promise<string[]> {
    return this.call(null, 0, () => this.inner.protectedSheets(names));
  }
  recalculate(): Promise<void> {
    return this.inner.recalculate();
  }
}
