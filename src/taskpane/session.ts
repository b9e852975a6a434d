// The task pane's verbs without the DOM (tested in jest on the Excel double): compute (the whole
// scheme), feedback, insert sample, undo, validate, policy save/reset. The App renders; this decides
// and writes.
//
// Guarantees kept here (README "Guarantees"):
// - One verb at a time: a verb started while another runs is refused at once (`{ ran: false }`) —
//   two quick clicks never interleave their writes.
// - A verb that writes is all or nothing: the snapshot taken before its first write is put back
//   when any later step fails, and the user is told so; if even that fails, the snapshot stays on the
//   undo stack so that 撤销 can retry it.
// - Undo is a stack (UNDO_LEVELS deep) of what each compute, feedback and sample insertion changed;
//   input cells are never in it.
import { insertSample } from "../actions";
import type { ComputeSummary, ResultConflict } from "../actions";
import { text as actionText } from "../i18n/actions";
import { ActionError } from "../actions/errors";
import { FEEDBACK_SHEET } from "../actions/schemeSheets";
import { checkPolicy, loadStoredPolicy, POLICY_SETTING, resetPolicy, savePolicy, SettingsStore, StoredPolicy } from "../actions/policy-store";
import { UndoStore } from "../actions/undo";
import { setActivePolicy } from "../engine/active-policy";
import type { PolicyDocument } from "../engine/policy";
import type { Finding, Message } from "../engine/types";
import { sessionText, VERB_NOUN } from "../i18n/pane-session";
import type { Sample } from "../sample";
import { Snapshot, TableRef, WorkbookError, WorkbookPort } from "../workbook/port";
import type { NoteMode, PaneWorkbook } from "./host";
import { chooseTable, localToday, readFeedbackDate, readWritten, SchemeView, WRITTEN_SETTING, WrittenRecord } from "./logic";
import { Engine, pageEngine } from "./engine";
import type { FeedbackJobResult, NoticesJobResult, ValidateJobResult } from "./jobs";
export { plainFinding } from "./jobs";

export type Verb = "compute" | "feedback" | "notices" | "sample" | "undo" | "validate" | "policy";

/** A verb's outcome, or its refusal because another verb is running. */
export type Gated<T> = { ran: true; value: T } | { ran: false; busyWith: Verb };

/** What the session asks the user (the App shows a dialog; tests answer directly). */
export interface Prompts {
  /** Result cells hold content the add-in did not write: overwrite them? */
  overwrite(conflicts: ResultConflict[]): Promise<boolean>;
  /** Several annual tables and none selected: which one? null = cancel. */
  pick(tables: TableRef[]): Promise<TableRef | null>;
}

export type ComputeOutcome =
  /** What the pane shows of a compute: plain data (a worker can send it). */
  | { status: "computed"; summary: ComputeSummary; findings: Finding[]; view: SchemeView; notes: NoteMode; feedbackDate: string }
  | { status: "cancelled" }
  | { status: "protected"; sheet: string };

/** What 计算排名 is asked: the feedback date (default today) and whether blank P cells take the unit's total. */
export interface ComputeOptions {
  feedbackDate?: string;
  fillPerformance?: boolean;
  /** Blank 幸福感 / 满意度 / 安全感 from the 民意调查 answers, blank 民主测评 from the ballots (POLICY.md §11). */
  fillSurvey?: boolean;
  fillBallots?: boolean;
}

/** The notices' file and what it holds. */
export type NoticesOutcome = NoticesJobResult;

export type FeedbackOutcome = { status: "written"; result: FeedbackJobResult; feedbackDate: string; today: string } | { status: "protected"; sheet: string };

export type SampleOutcome =
  | { status: "inserted"; sheets: string[]; sample: Sample }
  /** The workbook already holds assessment tables: the sample is not mixed into them. */
  | { status: "refused"; tables: TableRef[] };

export type PolicyOutcome = { saved: true; policy: StoredPolicy } | { saved: false; findings: Finding[] };

/** What an undo puts back, for the pane to say so. */
export type UndoKind = "compute" | "feedback" | "sample" | "policy";

export interface UndoEntry {
  what: UndoKind;
  /** The add-in's record of what it wrote (document settings) before the verb: restored with the cells. */
  written: WrittenRecord;
  /** The feedback date of a compute or feedback. */
  date?: string;
  /** A policy step: the policy setting as it was before (null: none stored, the default applied). */
  policy?: unknown;
}

/** A policy step changes no cell: its undo puts back the setting only. */
const EMPTY_SNAPSHOT: Snapshot = { ranges: [], tables: [], sheets: [] };
const NO_CELLS = { restore: async () => undefined } as unknown as WorkbookPort;

export type PaneErrorCode = "WRITE_FAILED_RESTORED" | "WRITE_FAILED_NOT_RESTORED" | "POLICY_SAVE_FAILED" | "BAD_DATE" | "UNEXPECTED";

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
    const d = (e).detail;
    if (d && typeof d === "object" && "zh" in d && "en" in d) return d as Message;
  }
  const s = e instanceof Error ? e.message : String(e);
  return { zh: s, en: s };
}


/** The feedback date as typed, or a refusal with the reason (nothing is written). */
function feedbackDateOf(typed: string | undefined): string {
  if (typed === undefined) return localToday();
  const r = readFeedbackDate(typed);
  if ("reason" in r) throw new PaneError("BAD_DATE", r.reason);
  return r.date;
}

/** Thrown by a compute's beforeWrite when it would write into a protected sheet: nothing is written. */
class ProtectedSheetStop extends Error {}

export class PaneSession {
  private running: Verb | null = null;
  /** Why the record of what the add-in wrote could not be saved with the document (taken once, takeSaveProblem). */
  private saveProblem: Message | null = null;
  readonly undo: UndoStore<UndoEntry>;
  policy: StoredPolicy;

  constructor(
    /** The workbook of the pane's host (Excel's OfficeWorkbook, WPS's …): the session knows no host. */
    readonly office: PaneWorkbook,
    readonly settings: SettingsStore,
    undoLevels?: number,
    /** Where the verbs compute: a Web Worker (engine.ts) or the page (the default). */
    readonly engine: Engine = pageEngine,
  ) {
    this.undo = new UndoStore<UndoEntry>(undoLevels);
    this.policy = loadStoredPolicy(settings);
    setActivePolicy(this.policy.policy);
  }

  /**
   * Why the last verb could not save the record of what the add-in wrote (document settings), or
   * null. Without the record the next compute asks about the add-in's own result columns, so the
   * pane says so instead of losing it silently.
   */
  takeSaveProblem(): Message | null {
    const p = this.saveProblem;
    this.saveProblem = null;
    return p;
  }

  private async saveRecord(): Promise<void> {
    try {
      await this.settings.save();
    } catch (e) {
      this.saveProblem = reasonOf(e);
    }
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

  /**
   * Run a writing verb: `run` hands the action an onSnapshot callback; the snapshot goes on the undo
   * stack when the verb succeeds, and is put back when it fails after its first write.
   */
  private async undoable<T>(entry: UndoEntry, run: (onSnapshot: (s: Snapshot) => void) => Promise<T>): Promise<T> {
    let taken: Snapshot | null = null;
    let value: T;
    try {
      value = await run((s) => (taken = s));
    } catch (e) {
      throw await this.rollBack(taken, e, entry);
    }
    if (taken) this.undo.remember(taken, entry);
    return value;
  }

  // ------------------------------------------------------------------ 计算排名

  /**
   * 计算排名: the chosen annual table and the workbook's unit, city, history and examination tables,
   * their result columns, the 历年奖励 / 考察覆盖 / 反馈 / 校验结果 sheets. `feedbackDate` as typed
   * (default today); a bad date is refused before anything is read.
   */
  compute(prompts: Prompts, options: ComputeOptions = {}): Promise<Gated<ComputeOutcome>> {
    return this.exclusive("compute", () => this.computeNow(prompts, options));
  }

  private async computeNow(prompts: Prompts, options: ComputeOptions): Promise<ComputeOutcome> {
    const feedbackDate = feedbackDateOf(options.feedbackDate);
    const today = localToday();
    const office = this.office;
    const tables = await office.listTables();
    const choice = chooseTable(tables, await office.selection());
    if ("none" in choice) {
      // Other tables of the scheme but no annual one: say what 计算排名 needs and where 反馈 is.
      const others = tables.filter((t) => t.kind !== null && t.kind !== "feedback");
      throw new ActionError("NO_TABLE", others.length ? sessionText.noAnnualTable([...new Set(others.map((t) => t.sheet))]) : actionText.noTable);
    }
    const asked = !("table" in choice);
    const table = "table" in choice ? choice.table : await prompts.pick(choice.ask);
    if (!table) return { status: "cancelled" };

    // Protected sheets are reported before anything is written: the compute says which sheets it writes.
    let locked: string | null = null;
    const written = readWritten(this.settings);
    const result = await this.undoable({ what: "compute", written, date: feedbackDate }, (onSnapshot) =>
      this.engine.compute(
        office,
        this.policy.policy,
        { annualTable: table, feedback: { feedbackDate, today }, fillPerformance: options.fillPerformance, fillSurvey: options.fillSurvey, fillBallots: options.fillBallots, written, tables: asked ? undefined : tables },
        {
          confirmOverwrite: (conflicts) => prompts.overwrite(conflicts),
          onSnapshot,
          beforeWrite: async (sheets) => {
            locked = (await office.protectedSheets(sheets))[0] ?? null;
            if (locked !== null) throw new ProtectedSheetStop();
          },
        },
      ),
    ).catch((e: unknown) => {
      // Stopped by the protection check (through the worker the error arrives as a copy): nothing was written.
      if (locked !== null) return null;
      throw e;
    });
    if (result === null) return { status: "protected", sheet: locked as unknown as string };
    if (result.declined) return { status: "cancelled" };
    // Remember what was written into each result column, so that the next compute knows it is ours.
    if (result.written !== written) {
      this.settings.set(WRITTEN_SETTING, JSON.stringify(result.written));
      await this.saveRecord();
    }
    return { status: "computed", summary: result.summary, findings: result.findings, view: result.view, notes: office.capabilities().notes, feedbackDate };
  }

  // ------------------------------------------------------------------ 反馈

  /** 反馈: the 反馈 sheet of the unit table, statuses typed into an existing one kept; undoable. */
  feedback(options: { feedbackDate?: string } = {}): Promise<Gated<FeedbackOutcome>> {
    return this.exclusive("feedback", async () => {
      const feedbackDate = feedbackDateOf(options.feedbackDate);
      const today = localToday();
      const locked = await this.office.protectedSheets([FEEDBACK_SHEET]);
      if (locked.length) return { status: "protected", sheet: locked[0] };
      const written = readWritten(this.settings);
      const result = await this.undoable({ what: "feedback", written, date: feedbackDate }, (onSnapshot) =>
        this.engine.feedback(this.office, this.policy.policy, { feedbackDate, today }, { onSnapshot }),
      );
      return { status: "written", result, feedbackDate, today };
    });
  }

  // ------------------------------------------------------------------ 示例

  /**
   * 示例: the sample workbook's sheets, into a workbook without assessment tables only (mixed into
   * real tables, the sample's unit list and city indicators would join the user's). Undoable.
   */
  insertSample(): Promise<Gated<SampleOutcome>> {
    return this.exclusive("sample", async () => {
      const tables = (await this.office.listTables()).filter((t) => t.kind !== null);
      if (tables.length) return { status: "refused", tables };
      const written = readWritten(this.settings);
      const r = await this.undoable({ what: "sample", written }, (onSnapshot) => insertSample(this.office, { onSnapshot }));
      // Show the annual table: the next step is 计算排名 on it.
      const annual = r.sheets[0];
      if (annual) await this.office.select(annual, "A1").catch(() => undefined);
      return { status: "inserted", sheets: r.sheets, sample: r.sample };
    });
  }

  /**
   * A writing verb failed. Before its snapshot nothing was written: the failure is reported as it
   * is. After it, some cells or sheets may be written: put the snapshot back, then say what happened.
   */
  private async rollBack(snapshot: Snapshot | null, failure: unknown, entry: UndoEntry): Promise<unknown> {
    if (!snapshot) return failure;
    const reason = reasonOf(failure);
    const noun = VERB_NOUN[entry.what];
    try {
      await this.office.restore(snapshot);
    } catch (again) {
      // Keep the snapshot: 撤销 retries the restore.
      this.undo.remember(snapshot, entry);
      const why = reasonOf(again);
      return new PaneError("WRITE_FAILED_NOT_RESTORED", sessionText.writeFailedNotRestored(noun, reason, why));
    }
    return new PaneError("WRITE_FAILED_RESTORED", sessionText.writeFailedRestored(noun, reason));
  }

  // ------------------------------------------------------------------ 撤销

  /** What the last successful undo put back (the pane says so). */
  lastUndone: UndoEntry | null = null;

  /** Undo the newest compute, feedback or sample insertion; value false when there is nothing to undo. */
  undoLast(): Promise<Gated<boolean>> {
    return this.exclusive("undo", async () => {
      const top = this.undo.peek();
      const record = await this.undo.undo(top?.extra?.what === "policy" ? NO_CELLS : this.office);
      if (!record) return false;
      const entry = record.extra ?? { what: "compute" as const, written: {} };
      this.lastUndone = entry;
      if (entry.what === "policy") {
        if (entry.policy === null || entry.policy === undefined) this.settings.remove(POLICY_SETTING);
        else this.settings.set(POLICY_SETTING, entry.policy);
        await this.settings.save().catch(() => undefined);
        await this.applyPolicy(loadStoredPolicy(this.settings));
        return true;
      }
      this.settings.set(WRITTEN_SETTING, JSON.stringify(entry.written));
      await this.saveRecord();
      return true;
    });
  }

  // ------------------------------------------------------------------ 校验

  validate(): Promise<Gated<ValidateJobResult>> {
    return this.exclusive("validate", () => this.engine.validate(this.office, this.policy.policy));
  }

  // ------------------------------------------------------------------ 反馈通知书

  /**
   * 生成反馈通知书: the same .docx as `assess notices` (POLICY.md §12), read from the workbook as it
   * is (filled as it was computed, the 反馈 sheet's dates and statuses) and dated `date`. Writes
   * nothing into the workbook. A job of the engine like the other verbs: in its worker the notices are
   * planned and the .docx made off the page's thread (the docx library is in the worker's bundle); on
   * the page the library is a chunk of its own, loaded the first time it is needed.
   */
  notices(options: { date: string; cadres: boolean }): Promise<Gated<NoticesOutcome>> {
    return this.exclusive("notices", () => this.engine.notices(this.office, this.policy.policy, { date: options.date, cadres: options.cadres }));
  }

  // ------------------------------------------------------------------ 政策

  savePolicy(doc: PolicyDocument): Promise<Gated<PolicyOutcome>> {
    return this.exclusive("policy", async () => {
      const check = checkPolicy(doc);
      if (!check.policy) return { saved: false, findings: check.findings };
      const before = this.policyStep();
      const r = await savePolicy(this.settings, doc).catch((e: unknown) => {
        const why = reasonOf(e);
        throw new PaneError("POLICY_SAVE_FAILED", sessionText.policySaveFailed(why));
      });
      this.undo.remember(EMPTY_SNAPSHOT, before);
      return { saved: true, policy: await this.applyPolicy({ policy: r.policy!, source: "workbook", findings: [] }) };
    });
  }

  resetPolicy(): Promise<Gated<StoredPolicy>> {
    return this.exclusive("policy", async () => {
      const before = this.policyStep();
      const policy = await resetPolicy(this.settings);
      this.undo.remember(EMPTY_SNAPSHOT, before);
      return this.applyPolicy({ policy, source: "default", findings: [] });
    });
  }

  /** The undo entry of a policy step: the stored setting as it is now. */
  private policyStep(): UndoEntry {
    const stored = this.settings.get(POLICY_SETTING);
    return { what: "policy", written: readWritten(this.settings), policy: stored === undefined ? null : stored };
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
