// 撤销 Undo (INTERFACES.md §3): the cells a compute overwrote are restored exactly.
// computeRanking takes a snapshot of the cells it is about to change before its first write
// (options.snapshot); this keeps a bounded STACK of them, newest on top, so that
// compute → compute → undo → undo walks back to the original workbook.
//
// What undo restores: only the cells each compute changed (its result columns, the highlight and
// notes on them, the 校验结果 sheet, a widened Excel Table). Edits the user made to INPUT cells in
// between are not in any snapshot and survive every undo; an edit the user made to a RESULT cell
// between two computes is in the second compute's snapshot and comes back with its undo.
//
// The stack lives in memory for the pane's session: a snapshot of a large table is too big for the
// document settings, and an undo that outlived the session could overwrite later hand edits.
import type { Snapshot, WorkbookPort } from "../workbook/port";

export interface ComputeRecord<Extra = unknown> {
  snapshot: Snapshot;
  /** When the compute ran (ms since the epoch). */
  at: number;
  /** Whatever else the face must put back (e.g. its own document settings). */
  extra?: Extra;
}

/** Levels of undo kept by default: older snapshots are dropped (their memory is freed). */
export const UNDO_LEVELS = 10;

/** The computes of the session, newest last, for up to `limit` levels of undo. */
export class UndoStore<Extra = unknown> {
  private readonly stack: ComputeRecord<Extra>[] = [];

  constructor(readonly limit: number = UNDO_LEVELS) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`undo limit must be a positive integer, not ${limit}`);
  }

  remember(snapshot: Snapshot, extra?: Extra): void {
    this.stack.push({ snapshot, at: Date.now(), extra });
    while (this.stack.length > this.limit) this.stack.shift();
  }

  get available(): boolean {
    return this.stack.length > 0;
  }

  /** How many computes can be undone. */
  get depth(): number {
    return this.stack.length;
  }

  /** The newest record, which the next undo restores. */
  peek(): ComputeRecord<Extra> | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  forget(): void {
    this.stack.length = 0;
  }

  /**
   * Restore the newest compute's snapshot and drop it; returns its record, or null when there is
   * nothing to undo. When the restore fails the record stays on the stack, so undo can be retried.
   */
  async undo(port: WorkbookPort): Promise<ComputeRecord<Extra> | null> {
    const record = this.peek();
    if (!record) return null;
    await port.restore(record.snapshot);
    this.stack.pop();
    return record;
  }
}
