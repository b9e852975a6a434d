// The task pane's controller (INTERFACES.md §3, issue #12): the state of the pane, its verbs through
// PaneSession, the progress of a run, the dialog, the live region. What each tab shows is drawn by the
// views (views.ts, findings-view.ts, policy-view.ts); the shell (tabs, header buttons, panels, dialog)
// is built once and kept, so focus and the tabs' state survive every update.
import type { ComputeSummary, FeedbackResult, ResultConflict } from "../actions";
import { rangeAddress } from "../actions/layout";
import { a1 } from "../engine/values";
import { PolicyError } from "../engine/policy";
import type { Finding, Message } from "../engine/types";
import type { TableRef } from "../workbook/port";
import { clear, h } from "./dom";
import { PaneDialog } from "./dialog";
import { cellOf, FindingsFilter } from "./findings-model";
import { applyTheme } from "./fluent";
import type { CommandId, NoteMode, PaneHost } from "./host";
import { localToday, readFeedbackDate, SchemeView, tableAddress } from "./logic";
import { draftFromPolicy, draftProblems, PolicyDraft, policyFromDraft } from "./policy-form";
import { CancelledError, ProgressState, RunProgress, TrackedWorkbook } from "./progress";
import { Engine, pageEngine, WorkerEngine } from "./engine";
import { Gated, isTypedFailure, PaneError, PaneSession, Prompts, reasonOf, UndoEntry, Verb } from "./session";
import { fbutton, setDisabled } from "./ui";
import { renderCompute, renderFeedback, renderValidate, headline } from "./views";
import { renderPolicy } from "./policy-view";
import { Lang, LANG_KEY, StringKey, t } from "../i18n/pane";
import { tr } from "../i18n/paneRaw";
import { joinList } from "../i18n/pane-session";

export type Tab = "compute" | "feedback" | "validate" | "policy";
export const TABS: Tab[] = ["compute", "feedback", "validate", "policy"];
const TAB_LABEL: Record<Tab, StringKey> = { compute: "tabCompute", feedback: "tabFeedback", validate: "tabValidate", policy: "tabPolicy" };
export type Words = (lang: Lang) => string;

export interface Notice {
  kind: "error" | "info" | "success";
  text: Words;
  items?: Words[];
}

export const msgOf = (m: Message): Words => (lang) => m[lang];
export const word = (key: StringKey, params?: Record<string, string | number>): Words => (lang) => t(lang, key, params);

const VERB_LABEL: Record<Exclude<Verb, "notices">, StringKey> = { compute: "computeButton", feedback: "feedbackButton", sample: "sampleButton", undo: "undoButton", validate: "tabValidate", policy: "tabPolicy" };
const verbLabel = (lang: Lang, verb: Verb): string => (verb === "notices" ? tr(lang, "noticesButton") : t(lang, VERB_LABEL[verb]));
const STEP_LABEL: Record<ProgressState["step"], StringKey> = { read: "stepRead", compute: "stepCompute", snapshot: "stepSnapshot", write: "stepWrite", format: "stepFormat", restore: "stepRestore" };
/** Most ranges listed in the overwrite dialog; the rest are counted. */
const DIALOG_ITEMS = 12;

export interface Computed {
  summary: ComputeSummary;
  findings: Finding[];
  notes: NoteMode;
  view: SchemeView;
  feedbackDate: string;
  fillAsked: boolean;
  /** 填补 from the raw answers asked for in this compute (民意调查, 民主测评票). */
  rawAsked?: { survey: boolean; ballots: boolean };
}

/** What the findings list shows and where 下一个问题 is (per tab: compute, feedback and validate each have a list). */
export interface FindingsState {
  filter: FindingsFilter;
  current: number | null;
  /** Pages shown per group key. */
  pages: Record<string, number>;
}

/**
 * Resolves after the browser has drawn the next frame (its layout done), or after 100 ms: a page
 * that is not shown (the shared runtime with the pane closed) draws no frames.
 */
function afterLayout(): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const go = () => {
      if (settled) return;
      settled = true;
      resolve();
    };
    requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 100);
  });
}

export class App {
  lang: Lang;
  tab: Tab = "compute";
  notice: Notice | null = null;
  computed: Computed | null = null;
  feedbackDone: { result: FeedbackResult; feedbackDate: string; today: string } | null = null;
  validation: { findings: Finding[]; sheet: string | null } | null = null;
  findingsState: Record<"compute" | "feedback" | "validate", FindingsState> = {
    compute: { filter: { severity: "all", sheet: null }, current: null, pages: {} },
    feedback: { filter: { severity: "all", sheet: null }, current: null, pages: {} },
    validate: { filter: { severity: "all", sheet: null }, current: null, pages: {} },
  };
  /** The feedback date as typed (YYYY-MM-DD), shared by 计算排名 and 反馈; today by default. */
  feedbackDate = localToday();
  /** Why the typed feedback date is refused, shown at the field; null when it reads. */
  dateError: Message | null = null;
  fillPerformance = false;
  /** Blank 幸福感/满意度/安全感 from the survey answers, blank 民主测评 from the ballots (kept while the pane is open). */
  fillSurvey = false;
  fillBallots = false;
  /** 生成反馈通知书: add each unit's team and cadres (the CLI's --cadres). */
  noticesCadres = false;
  /** 插入示例 is offered only in a workbook without assessment tables (checked at start and after each step). */
  sampleOffered = false;
  draft: PolicyDraft;
  policyFindings: Finding[] = [];
  helpOpen = false;
  /** The verb running and its progress (null when idle). */
  run: { verb: Verb; progress: ProgressState | null } | null = null;
  readonly session: PaneSession;
  readonly workbook: TrackedWorkbook;
  private readonly dialog: PaneDialog;
  private readonly status: HTMLElement | null;
  private readonly announcer: HTMLElement | null;
  private readonly tablist: HTMLElement;
  private readonly tabs: Record<Tab, HTMLElement>;
  private readonly panels: Record<Tab, HTMLElement>;
  private readonly noticeSlot: HTMLElement;
  private readonly help: HTMLElement;
  private readonly helpButton: HTMLElement;
  private readonly langButton: HTMLElement;
  /** After a verb: move the focus to its result and scroll it into view. */
  private focusResultNext = false;
  /** Rendered after a verb: the result is focused once the browser has laid it out (runVerb). */
  private focusResultPending = false;
  private progressFrame = 0;

  constructor(
    readonly root: HTMLElement,
    readonly host: PaneHost,
  ) {
    this.lang = host.preferences.get(LANG_KEY) === "en" ? "en" : "zh";
    this.status = document.getElementById("status");
    this.announcer = document.getElementById("announce");
    this.workbook = new TrackedWorkbook(host.workbook, (l) => host.onProgress(l));
    const url = host.engineWorkerUrl;
    const engine: Engine = url && typeof Worker !== "undefined" ? new WorkerEngine(() => new Worker(url)) : pageEngine;
    this.session = new PaneSession(this.workbook, host.settings, undefined, engine);
    const policy = this.session.policy;
    this.draft = draftFromPolicy(policy.policy);
    if (policy.findings.length) this.notice = { kind: "error", text: word("policyStoredInvalid"), items: policy.findings.map((f) => msgOf(f.message)) };

    // The shell, built once.
    clear(root);
    this.helpButton = fbutton("help-toggle", "?", () => this.toggleHelp(), { kind: "subtle", size: "small", attrs: { "aria-expanded": "false", "aria-controls": "help", class: "header-button" } });
    this.langButton = fbutton("lang", "", () => this.setLanguage(this.lang === "zh" ? "en" : "zh"), { kind: "subtle", size: "small", attrs: { class: "header-button" } });
    const tools = document.getElementById("header-tools");
    if (tools) {
      clear(tools);
      tools.append(this.helpButton, this.langButton);
    }
    this.tabs = {} as Record<Tab, HTMLElement>;
    this.panels = {} as Record<Tab, HTMLElement>;
    for (const tab of TABS) {
      this.tabs[tab] = h("fluent-tab" as "div", { attrs: { id: `tab-${tab}`, "aria-controls": `panel-${tab}` } });
      this.panels[tab] = h("section", { class: "panel", attrs: { id: `panel-${tab}`, role: "tabpanel", "aria-labelledby": `tab-${tab}`, tabindex: "-1" } });
      this.panels[tab].hidden = tab !== this.tab;
    }
    this.tablist = h("fluent-tablist" as "div", { attrs: { id: "tabs", activeid: `tab-${this.tab}`, size: "small" } }, TABS.map((tab) => this.tabs[tab]));
    this.tablist.addEventListener("change", () => {
      const id = (this.tablist as unknown as { activeid?: string }).activeid ?? "";
      const tab = TABS.find((x) => `tab-${x}` === id);
      if (tab && tab !== this.tab) this.showTab(tab);
    });
    this.help = h("section", { class: "help", attrs: { id: "help", "aria-labelledby": "help-title" } });
    this.help.hidden = true;
    this.noticeSlot = h("div", { class: "notice-slot", attrs: { id: "notice-slot" } });
    root.append(h("nav", { class: "toolbar", attrs: { "aria-label": "tabs" } }, [this.tablist]), this.help, this.noticeSlot, ...TABS.map((x) => this.panels[x]));
    this.dialog = new PaneDialog(root);
  }

  get busy(): boolean {
    return this.session.busy !== null;
  }

  start(): void {
    applyTheme(this.host.theme());
    this.host.onThemeChange((theme) => applyTheme(theme));
    this.host.registerCommands({ compute: () => this.command("compute"), validate: () => this.command("validate") });
    this.render();
    this.setStatus(t(this.lang, "ready"));
    // Functions computed before the pane loaded the workbook's own policy used the default one.
    if (this.session.policy.source === "workbook") this.host.workbook.recalculate().catch(() => undefined);
    void this.refreshSample();
  }

  /** 插入示例 is offered only while the workbook holds no assessment table. */
  async refreshSample(): Promise<void> {
    if (this.busy) return;
    try {
      const tables = await this.host.workbook.listTables();
      const offered = !tables.some((x) => x.kind !== null);
      if (offered !== this.sampleOffered) {
        this.sampleOffered = offered;
        this.render();
      }
    } catch {
      // the offer stays as it was; a verb will say what is wrong with the workbook
    }
  }

  private get prompts(): Prompts {
    return {
      overwrite: (conflicts) => this.askOverwrite(conflicts),
      pick: (tables) => this.pick(tables),
    };
  }

  // ------------------------------------------------------------------ status, live region, progress

  setStatus(s: string): void {
    if (this.status) this.status.textContent = s;
  }

  /** One line for screen readers (a polite live region that exists from the start). */
  announce(line: string): void {
    const a = this.announcer;
    if (!a) return;
    a.textContent = "";
    window.setTimeout(() => (a.textContent = line), 50);
  }

  private onProgress(p: ProgressState): void {
    if (!this.run) return;
    this.run.progress = p;
    if (this.progressFrame) return;
    this.progressFrame = requestAnimationFrame(() => {
      this.progressFrame = 0;
      this.drawProgress();
    });
  }

  /** The progress bar of the running verb, updated in place. */
  private drawProgress(): void {
    const p = this.run?.progress;
    const box = document.getElementById("progress");
    if (!p || !box) return;
    const bar = box.querySelector("#progress-bar");
    const label = box.querySelector("#progress-label");
    const cancel = box.querySelector<HTMLElement>("#cancel");
    const text = t(this.lang, "progressLine", { step: t(this.lang, STEP_LABEL[p.step]), percent: p.percent });
    if (bar) {
      bar.setAttribute("value", String(p.percent));
      bar.setAttribute("aria-valuenow", String(p.percent));
      bar.setAttribute("aria-valuetext", text);
    }
    if (label) label.textContent = text;
    if (cancel) setDisabled(cancel, !p.cancellable);
    box.dataset.step = p.step;
    box.dataset.percent = String(p.percent);
  }

  /** The progress region of a panel while its verb runs (the views place it under the actions). */
  progressBox(): HTMLElement | null {
    if (!this.run || this.run.verb === "policy" || this.run.verb === "undo") return null;
    const p = this.run.progress ?? { step: "read", percent: 0, cancellable: true };
    const text = t(this.lang, "progressLine", { step: t(this.lang, STEP_LABEL[p.step]), percent: p.percent });
    const bar = h("fluent-progress-bar" as "div", { attrs: { id: "progress-bar", role: "progressbar", max: "100", value: String(p.percent), "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(p.percent), "aria-valuetext": text, "aria-labelledby": "progress-label", thickness: "large" } });
    const cancellable = this.run.verb === "compute" || this.run.verb === "feedback" || this.run.verb === "validate";
    return h("div", { class: "progress", attrs: { id: "progress", "data-step": p.step, "data-percent": String(p.percent) } }, [
      h("div", { class: "progress-head" }, [
        h("span", { class: "progress-label", text, attrs: { id: "progress-label" } }),
        cancellable ? fbutton("cancel", t(this.lang, "cancelRun"), () => this.cancelRun(), { kind: "subtle", size: "small", disabled: !p.cancellable }) : null,
      ]),
      bar,
    ]);
  }

  cancelRun(): void {
    if (this.workbook.cancel()) this.setStatus(t(this.lang, "cancelling"));
  }

  // ------------------------------------------------------------------ verbs

  /**
   * Run a verb of the session. A verb started while another runs is refused at once (its button is
   * disabled too, but Enter in a field, a ribbon command or a script can still arrive): the status
   * line says so and nothing else happens. After it, the result is scrolled into view, focused and
   * announced in one line.
   */
  async runVerb<T>(verb: Verb, start: () => Promise<Gated<T>>, finish: (value: T) => void | Promise<void>): Promise<void> {
    const running = this.session.busy;
    if (running) return this.refuse(running);
    this.notice = null;
    this.run = { verb, progress: null };
    this.workbook.track(new RunProgress((p) => this.onProgress(p)));
    const pending = start(); // claims the session in this tick
    this.render();
    this.setStatus(t(this.lang, "working"));
    let gated: Gated<T> | null = null;
    try {
      gated = await pending;
      if (gated.ran) await finish(gated.value);
      const unsaved = this.session.takeSaveProblem();
      if (unsaved) this.notice = { kind: "error", text: word("recordNotSaved"), items: [msgOf(unsaved)] };
    } catch (e) {
      if (e instanceof CancelledError) this.notice = { kind: "info", text: word("cancelledRun") };
      else this.notice = errorNotice(e);
    } finally {
      this.workbook.track(null);
      if (gated && !gated.ran) {
        this.refuse(gated.busyWith);
      } else {
        this.run = null;
        this.root.dataset.engine = this.session.engine.kind;
        this.focusResultNext = true;
        this.render();
        this.setStatus(t(this.lang, "ready"));
        this.announceOutcome();
        // The result takes the focus and is scrolled into view once the browser has laid the new view
        // out: scrolling to it at once laid a 20,000-row result out inside this task (0.1 s, issue #12).
        if (this.focusResultPending) {
          await afterLayout();
          if (this.focusResultPending) this.focusResult();
        }
        // Finished verbs are counted on the pane's root: tests wait for the count instead of guessing.
        this.root.dataset.done = String(Number(this.root.dataset.done ?? "0") + 1);
      }
    }
  }

  private refuse(running: Verb): void {
    this.root.dataset.refused = String(Number(this.root.dataset.refused ?? "0") + 1);
    const line = t(this.lang, "busyRefused", { verb: verbLabel(this.lang, running) });
    this.setStatus(line);
    this.announce(line);
  }

  /** The one line that says how the verb ended: the notice, else the tab's result headline. */
  outcomeLine(lang: Lang = this.lang): string {
    if (this.notice) return [this.notice.text(lang), ...(this.notice.items ?? []).slice(0, 1).map((i) => i(lang))].join(" ");
    if (this.tab === "compute" && this.computed) return headline(lang, this.computed);
    if (this.tab === "feedback" && this.feedbackDone) {
      const r = this.feedbackDone.result;
      return t(lang, "feedbackHeadline", { units: r.units, items: r.items, open: r.open, done: r.done, overdue: r.overdue });
    }
    if (this.tab === "validate" && this.validation) {
      const n = this.validation.findings.length;
      return n ? t(lang, "validateHeadline", { n, errors: this.validation.findings.filter((f) => f.severity === "error").length }) : t(lang, "noFindings");
    }
    return t(lang, "ready");
  }

  private announceOutcome(): void {
    const line = this.outcomeLine();
    this.announce(line);
    this.setStatus(line);
  }

  /** A ribbon command: run the verb; when the pane is closed, tell the outcome through the host. */
  async command(id: CommandId): Promise<void> {
    if (id === "compute") {
      this.showTab("compute");
      await this.compute();
    } else {
      this.showTab("validate");
      await this.validate();
    }
    if (!this.host.visible()) {
      const kind = this.notice?.kind ?? "success";
      await this.host.notify({ kind, title: t(this.lang, id === "compute" ? "computeButton" : "validateButton"), text: this.outcomeLine() }).catch(() => undefined);
    }
  }

  async compute(): Promise<void> {
    const date = this.checkDate();
    if (date === null) return;
    await this.runVerb(
      "compute",
      () => this.session.compute(this.prompts, { feedbackDate: date, fillPerformance: this.fillPerformance, fillSurvey: this.fillSurvey, fillBallots: this.fillBallots }),
      (outcome) => {
        if (outcome.status === "protected") this.notice = { kind: "error", text: word("protectedSheet", { sheet: outcome.sheet }) };
        if (outcome.status === "cancelled") this.notice = { kind: "info", text: word("cancelledRun") };
        if (outcome.status !== "computed") return;
        this.feedbackDate = outcome.feedbackDate;
        this.computed = { summary: outcome.summary, findings: outcome.findings, notes: outcome.notes, view: outcome.view, feedbackDate: outcome.feedbackDate, fillAsked: this.fillPerformance, rawAsked: { survey: this.fillSurvey, ballots: this.fillBallots } };
        this.findingsState.compute = { filter: { severity: "all", sheet: null }, current: null, pages: {} };
        this.validation = null;
        this.sampleOffered = false;
      },
    );
  }

  async feedback(): Promise<void> {
    const date = this.checkDate();
    if (date === null) return;
    await this.runVerb(
      "feedback",
      () => this.session.feedback({ feedbackDate: date }),
      (outcome) => {
        if (outcome.status === "protected") {
          this.notice = { kind: "error", text: word("protectedSheet", { sheet: outcome.sheet }) };
          return;
        }
        this.feedbackDate = outcome.feedbackDate;
        this.feedbackDone = { result: outcome.result, feedbackDate: outcome.feedbackDate, today: outcome.today };
        this.findingsState.feedback = { filter: { severity: "all", sheet: null }, current: null, pages: {} };
      },
    );
  }

  /**
   * 生成反馈通知书: the .docx of `assess notices`, dated the feedback date, offered as a download (a
   * Blob from the page; nothing leaves the machine). The workbook is not changed.
   */
  async notices(): Promise<void> {
    const date = this.checkDate();
    if (date === null) return;
    await this.runVerb(
      "notices",
      () => this.session.notices({ date, cadres: this.noticesCadres }),
      (r) => {
        const file = tr(this.lang, "noticesFile", { date: r.date });
        downloadFile(r.bytes, file, DOCX_TYPE);
        this.root.dataset.noticesFile = file;
        this.notice = {
          kind: "success",
          text: (lang) => tr(lang, "noticesDone", { n: r.units, file }),
          items: r.errors ? [(lang) => tr(lang, "noticesErrors", { n: r.errors })] : undefined,
        };
      },
    );
  }

  /** The feedback date is checked where it is typed: a bad one is refused at the field, nothing runs. */
  private checkDate(): string | null {
    const r = readFeedbackDate(this.feedbackDate);
    if ("reason" in r) {
      this.dateError = r.reason;
      this.render();
      const input = document.getElementById("feedback-date");
      input?.focus();
      this.announce(r.reason[this.lang]);
      this.root.dataset.done = String(Number(this.root.dataset.done ?? "0") + 1);
      return null;
    }
    this.dateError = null;
    return r.date;
  }

  /**
   * Check the date as it is typed (after a pause or on leaving the field). The field is updated in
   * place: re-drawing the panel while the pointer is on a button would swallow its click.
   */
  validateDateField(): void {
    const r = readFeedbackDate(this.feedbackDate);
    this.dateError = "reason" in r ? r.reason : null;
    const input = document.getElementById("feedback-date");
    const box = input?.closest(".field");
    if (!input || !box) return;
    let error = document.getElementById("feedback-date-error");
    if (this.dateError) {
      if (!error) {
        error = h("p", { class: "field-error", attrs: { id: "feedback-date-error" } });
        input.after(error);
      }
      error.textContent = this.dateError[this.lang];
    } else error?.remove();
    box.classList.toggle("invalid", !!this.dateError);
    input.setAttribute("aria-invalid", String(!!this.dateError));
    if (this.dateError) input.setAttribute("aria-describedby", "feedback-date-error");
    else input.removeAttribute("aria-describedby");
  }

  async insertSample(): Promise<void> {
    await this.runVerb(
      "sample",
      () => this.session.insertSample(),
      (outcome) => {
        if (outcome.status === "refused") {
          const where = (tb: TableRef) => `${tb.sheet}!${tableAddress(tb)}`;
          const shown = outcome.tables.slice(0, 5).map(where);
          if (outcome.tables.length > 5) shown.push("…");
          this.notice = { kind: "error", text: word("sampleRefused"), items: [(lang) => t(lang, "sampleRefusedTables", { tables: joinList(lang, shown) }), word("sampleRefusedWhat")] };
          this.sampleOffered = false;
          return;
        }
        this.computed = null;
        this.feedbackDone = null;
        this.validation = null;
        this.sampleOffered = false;
        this.tab = "compute";
        this.notice = { kind: "success", text: (lang) => t(lang, "sampleInserted", { n: outcome.sheets.length, sheets: joinList(lang, outcome.sheets) }), items: [word("sampleNext")] };
      },
    );
  }

  async undoLast(): Promise<void> {
    await this.runVerb(
      "undo",
      () => this.session.undoLast(),
      async (done) => {
        const undone = this.session.lastUndone;
        if (!done || !undone) {
          this.notice = { kind: "info", text: word("undoNothing") };
          return;
        }
        if (undone.what === "feedback") this.feedbackDone = null;
        else if (undone.what === "policy") this.policyApplied(false);
        else this.computed = null;
        if (undone.what === "sample") this.feedbackDone = null;
        const what = undoWhat(undone);
        this.notice = {
          kind: "success",
          text: (lang) => t(lang, this.session.undo.available ? "undoDoneMore" : "undoDone", { what: what(lang), n: this.session.undo.depth }),
        };
        if (undone.what === "sample" || undone.what === "compute") {
          const tables = await this.host.workbook.listTables().catch(() => null);
          if (tables) this.sampleOffered = !tables.some((x) => x.kind !== null);
        }
      },
    );
  }

  async validate(): Promise<void> {
    await this.runVerb(
      "validate",
      () => this.session.validate(),
      (r) => {
        this.validation = { findings: r.findings, sheet: r.findingsSheet };
        this.findingsState.validate = { filter: { severity: "all", sheet: null }, current: null, pages: {} };
      },
    );
  }

  /** Select a finding's cell in the workbook (下一个问题, or a click on it). */
  async selectFinding(f: Finding): Promise<void> {
    const at = cellOf(f);
    if (!at) return;
    try {
      await this.host.workbook.select(at.sheet, at.cell);
    } catch (e) {
      this.notice = errorNotice(e);
      this.render();
    }
  }

  async savePolicy(): Promise<void> {
    const refuse = (findings: Finding[]) => {
      this.policyFindings = findings;
      this.notice = { kind: "error", text: word("policyRefused"), items: [word("policyRefusedAtFields", { n: findings.length })] };
      this.focusFirstInvalid = true;
    };
    // A threshold that is not a number is named at its own box (the policy's check would mark all three).
    const early = draftProblems(this.draft);
    const doc = policyFromDraft(this.session.policy.policy, this.draft);
    await this.runVerb(
      "policy",
      () => (early.length ? Promise.resolve({ ran: true as const, value: { saved: false as const, findings: early } }) : this.session.savePolicy(doc)),
      (r) => {
        if (!r.saved) {
          refuse(r.findings);
          return;
        }
        this.policyApplied(true);
      },
    );
  }

  /** 恢复默认政策: asks first (the safe choice has the focus); undoable like any other step. */
  async resetPolicy(): Promise<void> {
    if (this.busy) return this.refuse(this.session.busy as Verb);
    const L = this.lang;
    const yes = await this.dialog.ask<boolean>({
      title: t(L, "resetTitle"),
      text: t(L, "resetText"),
      confirm: { id: "modal-yes", label: t(L, "resetYes"), value: true },
      cancelLabel: t(L, "cancel"),
      cancelValue: false,
    });
    if (!yes) return;
    await this.runVerb(
      "policy",
      () => this.session.resetPolicy(),
      () => this.policyApplied(true),
    );
  }

  /** Set when a refused policy should put the focus on its first invalid field. */
  focusFirstInvalid = false;

  private policyApplied(saved: boolean): void {
    this.policyFindings = [];
    this.draft = draftFromPolicy(this.session.policy.policy);
    if (saved) this.notice = { kind: "success", text: word("policySaved") };
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    this.host.preferences.set(LANG_KEY, lang);
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    this.render();
    this.setStatus(t(lang, this.busy ? "working" : "ready"));
  }

  showTab(tab: Tab): void {
    if (this.tab === tab) return;
    this.tab = tab;
    this.notice = null;
    this.tablist.setAttribute("activeid", `tab-${tab}`);
    (this.tablist as unknown as { activeid: string }).activeid = `tab-${tab}`;
    this.render();
  }

  private toggleHelp(): void {
    this.helpOpen = !this.helpOpen;
    this.render();
    if (this.helpOpen) this.help.focus();
  }

  // ------------------------------------------------------------------ dialogs (window.confirm is blocked in Office)

  private askOverwrite(conflicts: ResultConflict[]): Promise<boolean> {
    const L = this.lang;
    const items = overwriteItems(conflicts).map((w) => w(L));
    const shown = items.slice(0, DIALOG_ITEMS);
    if (items.length > DIALOG_ITEMS) shown.push(t(L, "moreItems", { n: items.length - DIALOG_ITEMS }));
    return this.dialog.ask<boolean>({
      title: t(L, "overwriteTitle"),
      text: t(L, "overwriteText"),
      items: shown,
      confirm: { id: "modal-yes", label: t(L, "overwriteYes"), value: true },
      cancelLabel: t(L, "cancel"),
      cancelValue: false,
    });
  }

  private pick(tables: TableRef[]): Promise<TableRef | null> {
    const L = this.lang;
    return this.dialog.ask<TableRef | null>({
      title: t(L, "pickTitle"),
      text: t(L, "pickText"),
      choices: tables.map((tb, i) => ({ id: `choice-${i}`, label: `${tb.sheet}!${tableAddress(tb)}${tb.name ? ` · ${tb.name}` : ""} · ${t(L, "pickRows", { rows: tb.lastRow - tb.headerRow })}`, value: tb })),
      cancelLabel: t(L, "cancel"),
      cancelValue: null,
    });
  }

  // ------------------------------------------------------------------ rendering

  render(): void {
    const L = this.lang;
    document.title = `${t(L, "appTitle")} ASSESS`;
    this.langButton.textContent = t(L, "switchLang");
    this.langButton.setAttribute("lang", L === "zh" ? "en" : "zh-CN");
    this.langButton.setAttribute("title", t(L, "switchLangLabel"));
    this.helpButton.setAttribute("aria-label", t(L, "helpButton"));
    this.helpButton.setAttribute("title", t(L, "helpButton"));
    this.helpButton.setAttribute("aria-expanded", String(this.helpOpen));
    document.querySelector(".toolbar")?.setAttribute("aria-label", t(L, "tabsLabel"));
    for (const tab of TABS) {
      this.tabs[tab].textContent = t(L, TAB_LABEL[tab]);
      this.panels[tab].hidden = tab !== this.tab;
    }

    const active = document.activeElement as HTMLElement | null;
    const focusId = active && this.root.contains(active) ? active.id : "";

    this.renderHelp();
    clear(this.noticeSlot);
    if (this.notice) this.noticeSlot.appendChild(this.renderNotice(this.notice));
    for (const tab of TABS) clear(this.panels[tab]);
    const panel = this.panels[this.tab];
    if (this.tab === "compute") renderCompute(this, panel);
    else if (this.tab === "feedback") renderFeedback(this, panel);
    else if (this.tab === "validate") renderValidate(this, panel);
    else renderPolicy(this, panel);

    // A refused policy: the first field with a reason takes the focus (its reason is its description).
    const invalid = this.focusFirstInvalid ? panel.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    if (invalid) {
      this.focusFirstInvalid = false;
      this.focusResultNext = false;
      this.focusResultPending = false;
      invalid.scrollIntoView({ block: "center" });
      invalid.focus({ preventScroll: true });
    } else if (this.focusResultNext) {
      // runVerb focuses the result after the next frame.
      this.focusResultNext = false;
      this.focusResultPending = true;
    } else if (focusId) {
      const again = document.getElementById(focusId);
      if (again && again !== document.activeElement) again.focus({ preventScroll: true });
    }
  }

  /** After a verb: the notice or the result summary gets the focus and is scrolled into view. */
  private focusResult(): void {
    this.focusResultPending = false;
    const target = (this.notice ? this.noticeSlot.querySelector("#notice") : null) ?? this.panels[this.tab].querySelector("[data-result]") ?? null;
    const el = target as HTMLElement | null;
    if (!el) return;
    el.setAttribute("tabindex", "-1");
    // The headline is what must be seen; scrolling the whole card could push the actions out of view.
    (el.querySelector("h2") ?? el).scrollIntoView({ block: "nearest" });
    el.focus({ preventScroll: true });
  }

  private renderHelp(): void {
    const L = this.lang;
    this.help.hidden = !this.helpOpen;
    clear(this.help);
    if (!this.helpOpen) return;
    this.help.setAttribute("tabindex", "-1");
    const days = this.session.policy.policy.feedback.rectificationDays;
    this.help.append(
      h("h2", { text: t(L, "helpTitle"), attrs: { id: "help-title" } }),
      h("p", { text: t(L, "computeIntro") }),
      h("p", { text: t(L, "feedbackDateHint", { days }) }),
      h("p", { text: t(L, "fillPerformanceHint") }),
      h("p", { text: tr(L, "fillRawHint") }),
      h("p", { text: t(L, "feedbackIntro", { days }) }),
      h("p", { text: t(L, "validateIntro") }),
      h("p", { text: t(L, "policyIntro") }),
      h("p", { text: t(L, "undoHelp", { max: this.session.undo.limit }) }),
      fbutton("help-close", t(L, "helpClose"), () => {
        this.helpOpen = false;
        this.render();
        this.helpButton.focus();
      }, { kind: "secondary", size: "small" }),
    );
  }

  private renderNotice(n: Notice): HTMLElement {
    const L = this.lang;
    return h("div", { class: `notice ${n.kind}`, attrs: { id: "notice", role: n.kind === "error" ? "alert" : undefined, "data-kind": n.kind } }, [
      h("p", { text: n.text(L) }),
      n.items && n.items.length ? h("ul", {}, n.items.map((i) => h("li", { text: i(L) }))) : null,
    ]);
  }

  /** The verb buttons share this: disabled while any verb runs. */
  verbButton(id: string, label: string, onClick: () => void, kind: "primary" | "secondary" = "secondary", disabled = false): HTMLElement {
    return fbutton(id, label, onClick, { kind, disabled: disabled || this.busy });
  }

  /** What the next undo will put back, in words; null when there is nothing. */
  nextUndo(): Words | null {
    const next = this.session.undo.peek();
    return next?.extra ? undoWhat(next.extra) : null;
  }
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Offer bytes made on the page as a file to save (an object URL, revoked once the download has begun). */
function downloadFile(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = h("a", { attrs: { href: url, download: name } });
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Any failure as a sentence in both languages; never a stack trace. */
export function errorNotice(e: unknown): Notice {
  if (isTypedFailure(e)) return { kind: "error", text: word("failed"), items: [msgOf(reasonOf(e))] };
  if (e instanceof PolicyError) return { kind: "error", text: word("policyRefused"), items: e.findings.map((f) => msgOf(f.message)) };
  if (e instanceof PaneError) return { kind: "error", text: word("failed"), items: [msgOf(e.detail)] };
  // A failure nobody anticipated (a bug): one sentence with its message, first line only.
  const detail = reasonOf(e);
  const first = (s: string) => s.split("\n")[0].slice(0, 300);
  return { kind: "error", text: word("failed"), items: [word("unexpected", { detail: first(detail.en) })] };
}

function overwriteItems(conflicts: ResultConflict[]): Words[] {
  const at = (r: ResultConflict["range"]) => (r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : rangeAddress(r));
  return conflicts.map((c) =>
    c.what === "column"
      ? word("overwriteColumn", { sheet: c.range.sheet, address: at(c.range), header: c.header ?? "" })
      : word("overwriteArea", { sheet: c.range.sheet, address: at(c.range) }),
  );
}

const UNDO_LABEL: Record<UndoEntry["what"], StringKey> = { compute: "undoWhatCompute", feedback: "undoWhatFeedback", sample: "undoWhatSample", policy: "undoWhatPolicy" };

/** What an undo entry puts back, in words. */
export function undoWhat(entry: UndoEntry): Words {
  return (lang) => t(lang, UNDO_LABEL[entry.what], { date: entry.date ?? "" });
}
