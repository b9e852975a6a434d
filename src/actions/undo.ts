// 撤销 Undo last compute (INTERFACES.md §3): the cells a compute overwrote are restored exactly.
// computeRanking takes the snapshot before its first write (options.snapshot); this keeps the last
// one and puts it back. The record lives in memory for the session: a snapshot of a large table is
// too big for document settings, and an undo that outlived later hand edits would overwrite them.
import type { Snapshot, WorkbookPort } from "../workbook/port";

export interface ComputeRecord<Extra = unknown> {
  snapshot: Snapshot;
  /** When the compute ran (ms since the epoch). */
  at: number;
  /** Whatever else the face must put back (e.g. its own document settings). */
  extra?: Extra;
}

/** The last compute of the session, for one level of undo. */
export class UndoStore<Extra = unknown> {
  private last: ComputeRecord<Extra> | null = null;

  remember(snapshot: Snapshot, extra?: Extra): void {
    this.last = { snapshot, at: Date.now(), extra };
  }

  get available(): boolean {
    return this.last !== null;
  }

  peek(): ComputeRecord<Extra> | null {
    return this.last;
  }

  forget(): void {
    this.last = null;
  }

  /** Restore the last compute's snapshot; returns its record, or null when there is nothing to undo. */
  async undo(port: WorkbookPort): Promise<ComputeRecord<Extra> | null> {
    const record = this.last;
    if (!record) return null;
    await port.restore(record.snapshot);
    this.last = null;
    return record;
  }
}
