// The WorkbookPort the pane hands to the actions for one compute: the actions see only the table the
// user chose (computeRanking otherwise computes every annual table), each rectangle is read from
// Excel once per compute (the pane's own checks and the action share the reads), and a result area
// the user agreed to overwrite reads as free (computeRanking refuses a non-empty one; the snapshot it
// takes before writing still holds the real cells, so undo gives them back).
import type { CellValue, RawTable } from "../engine/types";
import type { ColumnWrite, RowFormat, SheetOptions, SheetRange, Snapshot, SnapshotScope, TableRef, WorkbookPort } from "../workbook/port";

const key = (r: SheetRange) => `${r.sheet}\u0000${r.top},${r.left},${r.bottom},${r.right}`;

export class ScopedPort implements WorkbookPort {
  private readonly reads = new Map<string, Promise<CellValue[][]>>();
  private readonly tableReads = new Map<string, Promise<RawTable>>();
  private readonly approved = new Set<string>();

  constructor(
    private readonly inner: WorkbookPort,
    private readonly tables: readonly TableRef[],
  ) {}

  /** The user agreed to overwrite this area. */
  approve(area: SheetRange): void {
    this.approved.add(key(area));
  }

  async listTables(): Promise<TableRef[]> {
    return this.tables.map((t) => ({ ...t }));
  }

  readTable(ref: TableRef): Promise<RawTable> {
    const k = key({ sheet: ref.sheet, top: ref.headerRow, left: ref.firstColumn, bottom: ref.lastRow, right: ref.lastColumn });
    let p = this.tableReads.get(k);
    if (!p) {
      p = this.inner.readTable(ref);
      this.tableReads.set(k, p);
    }
    return p;
  }

  async readRange(range: SheetRange): Promise<CellValue[][]> {
    const k = key(range);
    if (this.approved.has(k)) return Array.from({ length: range.bottom - range.top + 1 }, () => new Array<CellValue>(range.right - range.left + 1).fill(null));
    let p = this.reads.get(k);
    if (!p) {
      p = this.inner.readRange(range);
      this.reads.set(k, p);
    }
    return p;
  }

  private invalidate(): void {
    this.reads.clear();
    this.tableReads.clear();
  }

  writeColumns(ref: TableRef, columns: ColumnWrite[]): Promise<TableRef> {
    this.invalidate();
    return this.inner.writeColumns(ref, columns);
  }

  formatRows(ref: TableRef, format: RowFormat): Promise<void> {
    return this.inner.formatRows(ref, format);
  }

  addSheet(name: string, rows: CellValue[][], options?: SheetOptions): Promise<string> {
    this.invalidate();
    return this.inner.addSheet(name, rows, options);
  }

  snapshot(scope: SnapshotScope): Promise<Snapshot> {
    return this.inner.snapshot(scope);
  }

  restore(snapshot: Snapshot): Promise<void> {
    this.invalidate();
    return this.inner.restore(snapshot);
  }
}
