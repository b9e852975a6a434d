// The task pane's verbs without the DOM (tested in jest on the Excel double): compute, undo, validate,
// policy save/reset. The App renders; this decides and writes.
//
// Guarantees kept here (README "Guarantees"):
// - One verb at a time: a verb started while another runs is refused at once (`{ ran: false }`) —
//   two quick clicks never interleave their writes.
// - A compute is all or nothing: the snapshot taken before its first write is put back when any
//   later step fails, and the user is told so; if even that fails, the snapshot stays on the undo
//   stack so that 撤销 can retry it.
// - Undo is a stack (UNDO_LEVELS deep) of what each compute changed; input cells are never in it.
import { computeRanking, validateWorkbook } from "../actions";
import type { ComputeResult, ValidateResult } from "../actions";
import { FINDINGS_SHEET, text as actionText } from "../actions/text";
import { ActionError } from "../actions/errors";
import { rangeAddress } from "../actions/layout";
import { checkPolicy, loadStoredPolicy, resetPolicy, savePolicy, SettingsStore, StoredPolicy } from "../actions/policy-store";
import { UndoStore } from "../actions/undo";
import { setActivePolicy } from "../engine/active-policy";
import type { PolicyDocument } from "../engine/policy";
import type { Finding, Message } from "../engine/types";
import type { NoteMode, OfficeWorkbook } from "../workbook/office";
import { SheetRange, Snapshot, TableRef, WorkbookError } from "../workbook/port";
import { chooseTable, ForeignContent, foreignContent, layoutFor, readWritten, recordWritten, WRITTEN_SETTING, WrittenRecord } from "./logic";
import { ScopedPort } from "./scoped-port";

export type Verb = "compute" | "undo" | "validate" | "policy";

/** A verb's outcome, or its refusal because another verb is running. */
export type Gated<T> = { ran: true; value: T } | { ran: false; busyWith: Verb };

/** What the session asks the user (the App shows a dialog; tests answer directly). */
export interface Prompts {
  /** Result cells hold content the add-in did not write: overwrite them? */
  overwrite(foreign: ForeignContent): Promise<boolean>;
  /** Several annual tables and none selected: which one? null = cancel. */
  pick(tables: TableRef[]): Promise<TableRef | null>;
}

export type ComputeOutcome =
  | { status: "computed"; result: ComputeResult; notes: NoteMode }
  | { status: "cancelled" }
  | { status: "protected"; sheet: string };

export type PolicyOutcome = { saved: true; policy: StoredPolicy } | { saved: false; findings: Finding[] };

export type PaneErrorCode = "WRITE_FAILED_RESTORED" | "WRITE_FAILED_NOT_RESTORED" | "POLICY_SAVE_FAILED" | "UNEXPECTED";

/** A failure of a pane verb, with the sentence the user sees. */
export class PaneError extends Error {
  constructor(
    readonly code: PaneErrorCode,
    readonly detail: Message,
  ) {
    super(detail.en);
    this.name = "PaneError";
  }
}

/** Any thrown value as a sentence in both languages (typed errors carry theirs). */
export function reasonOf(e: unknown): Message {
  if (e && typeof e === "object" && "detail" in e) {
    const d = (e as { detail: unknown }).detail;
    if (d && typeof d === "object" && "zh" in d && "en" in d) return d as Message;
  }
  const s = e instanceof Error ? e.message : String(e);
  return { zh: s, en: s };
}

const overlaps = (a: SheetRange, b: SheetRange) => a.sheet === b.sheet && a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const rangeOf = (r: TableRef): SheetRange => ({ sheet: r.sheet, top: r.headerRow, left: r.firstColumn, bottom: r.lastRow + (r.totalsRow ? 1 : 0), right: r.lastColumn });

/** A ScopedPort that remembers the snapshot it took, so that a failed compute can be rolled back. */
class RecordingPort extends ScopedPort {
  taken: Snapshot | null = null;
  override async snapshot(scope: Parameters<ScopedPort["snapshot"]>[0]): Promise<Snapshot> {
    const s = await super.snapshot(scope);
    this.taken = s;
    return s;
  }
}

export class PaneSession {
  private running: Verb | null = null;
  readonly undo: UndoStore<WrittenRecord>;
  policy: StoredPolicy;

  constructor(
    readonly office: OfficeWorkbook,
    readonly settings: SettingsStore,
    undoLevels?: number,
  ) {
    this.undo = new UndoStore<WrittenRecord>(undoLevels);
    this.policy = loadStoredPolicy(settings);
    setActivePolicy(this.policy.policy);
  }

  /** The verb running now, or null. */
  get busy(): Verb | null {
    return this.running;
  }

  /** Run `fn` unless a verb is running. The check and the claim happen in the same tick. */
  async exclusive<T>(verb: Verb, fn: () => Promise<T>): Promise<Gated<T>> {
    if (this.running) return { ran: false, busyWith: this.running };
    this.running = verb;
    try {
      return { ran: true, value: await fn() };
    } finally {
      this.running = null;
    }
  }

  // ------------------------------------------------------------------ 计算排名

  compute(prompts: Prompts): Promise<Gated<ComputeOutcome>> {
    return this.exclusive("compute", () => this.computeNow(prompts));
  }

  private async computeNow(prompts: Prompts): Promise<ComputeOutcome> {
    const office = this.office;
    const tables = await office.listTables();
    const choice = chooseTable(tables, await office.selection());
    if ("none" in choice) throw new ActionError("NO_TABLE", actionText.noTable);
    const table = "table" in choice ? choice.table : await prompts.pick(choice.ask);
    if (!table) return { status: "cancelled" };

    // Protected sheets are reported before anything is written.
    const locked = await office.protectedSheets([table.sheet, FINDINGS_SHEET]);
    if (locked.length) return { status: "protected", sheet: locked[0] };

    const port = new RecordingPort(office, [table]);
    const raw = await port.readTable(table);
    const layout = layoutFor(table, raw);
    const area = layout.appendArea;
    if (area && tables.some((o) => o !== table && overlaps(area, rangeOf(o)))) {
      throw new ActionError("RESULT_AREA_OVERLAPS_TABLE", actionText.resultAreaOverlaps(area.sheet, rangeAddress(area)));
    }
    const written = readWritten(this.settings);
    const foreign = foreignContent(table, raw, layout, written, area ? await port.readRange(area) : null);
    if (foreign.columns.length || foreign.area) {
      if (!(await prompts.overwrite(foreign))) return { status: "cancelled" };
      if (foreign.area) port.approve(foreign.area);
    }

    let result: ComputeResult;
    try {
      result = await computeRanking(port, this.policy.policy, { snapshot: true });
    } catch (e) {
      throw await this.rollBack(port.taken, e, written);
    }
    if (result.snapshot) this.undo.remember(result.snapshot, written);
    const done = result.summary.tables[0];
    const computed = result.analysis.tables[0];
    if (done && done.written && computed) {
      this.settings.set(WRITTEN_SETTING, JSON.stringify(recordWritten(written, table, { columns: done.resultColumns }, computed.values)));
      await this.settings.save().catch(() => undefined);
    }
    return { status: "computed", result, notes: office.capabilities().notes };
  }

  /**
   * A compute failed. Before its snapshot nothing was written: the failure is reported as it is.
   * After it, some result blocks may be written: put the snapshot back, then say what happened.
   */
  private async rollBack(snapshot: Snapshot | null, failure: unknown, written: WrittenRecord): Promise<unknown> {
    if (!snapshot) return failure;
    const reason = reasonOf(failure);
    try {
      await this.office.restore(snapshot);
    } catch (again) {
      // Keep the snapshot: 撤销 retries the restore.
      this.undo.remember(snapshot, written);
      const why = reasonOf(again);
      return new PaneError("WRITE_FAILED_NOT_RESTORED", {
        zh: `写入结果时出错（${reason.zh}），恢复原状也未成功（${why.zh}）。结果列中可能只写入了一部分：请点击“撤销上次计算”再试一次恢复，或关闭工作簿不保存。`,
        en: `Writing the results failed (${reason.en}), and putting the cells back failed too (${why.en}). The result columns may be partly written: click Undo last compute to retry the restore, or close the workbook without saving.`,
      });
    }
    return new PaneError("WRITE_FAILED_RESTORED", {
      zh: `写入结果时出错（${reason.zh}）。已把工作簿恢复到计算前的状态，没有留下部分结果。请重试；如果表格很大，可先关闭其他工作簿或分批计算。`,
      en: `Writing the results failed (${reason.en}). The workbook was put back as it was before the compute; no partial results are left. Try again; for a very large table, close other workbooks first or compute it in parts.`,
    });
  }

  // ------------------------------------------------------------------ 撤销

  /** Undo the newest compute; value false when there is nothing to undo. */
  undoLast(): Promise<Gated<boolean>> {
    return this.exclusive("undo", async () => {
      const record = await this.undo.undo(this.office);
      if (!record) return false;
      this.settings.set(WRITTEN_SETTING, JSON.stringify(record.extra ?? {}));
      await this.settings.save().catch(() => undefined);
      return true;
    });
  }

  // ------------------------------------------------------------------ 校验

  validate(): Promise<Gated<ValidateResult>> {
    return this.exclusive("validate", () => validateWorkbook(this.office, this.policy.policy, { findingsSheet: true }));
  }

  // ------------------------------------------------------------------ 政策

  savePolicy(doc: PolicyDocument): Promise<Gated<PolicyOutcome>> {
    return this.exclusive("policy", async () => {
      const check = checkPolicy(doc);
      if (!check.policy) return { saved: false, findings: check.findings };
      const r = await savePolicy(this.settings, doc).catch((e: unknown) => {
        const why = reasonOf(e);
        throw new PaneError("POLICY_SAVE_FAILED", { zh: `无法保存到工作簿：${why.zh}`, en: `Could not save to the workbook: ${why.en}` });
      });
      return { saved: true, policy: await this.applyPolicy({ policy: r.policy!, source: "workbook", findings: [] }) };
    });
  }

  resetPolicy(): Promise<Gated<StoredPolicy>> {
    return this.exclusive("policy", async () => this.applyPolicy({ policy: await resetPolicy(this.settings), source: "default", findings: [] }));
  }

  private async applyPolicy(p: StoredPolicy): Promise<StoredPolicy> {
    this.policy = p;
    // The custom functions read the active policy from the page's global object (shared runtime).
    setActivePolicy(p.policy);
    await this.office.recalculate();
    return p;
  }
}

/** Thrown values that are not one of the typed failures: a bug, shown as one sentence, never a stack. */
export function isTypedFailure(e: unknown): boolean {
  return e instanceof ActionError || e instanceof WorkbookError || e instanceof PaneError;
}
