// The task pane UI (INTERFACES.md §3): 计算排名 (the whole scheme), 反馈, 示例, 校验, 政策, 撤销,
// language switch. Vanilla DOM; every verb runs an action from src/actions on the Office.js adapter
// (through PaneSession) and renders what it returns.
import type { ComputeSummary, FeedbackResult, ResultConflict, TableSummary } from "../actions";
import { rangeAddress } from "../actions/layout";
import { FINDINGS_SHEET } from "../i18n/actions";
import { COVERAGE_SHEET, FEEDBACK_SHEET, REWARDS_SHEET } from "../actions/schemeSheets";
import { PolicyError } from "../engine/policy";
import type { Finding, Highlight, Message } from "../engine/types";
import { COMPONENT_KEYS } from "../engine/types";
import { columnLabel } from "../i18n/messages";
import type { NoteMode, PaneHost, ProgressPhase } from "./host";
import { HIGHLIGHT_FILLS, TableRef } from "../workbook/port";
import { clear, h } from "./dom";
import { localToday, SchemeView, schemeView, tableAddress } from "./logic";
import { draftFromPolicy, fieldOf, PolicyDraft, policyFromDraft } from "./policy-form";
import { Gated, isTypedFailure, PaneError, PaneSession, Prompts, reasonOf, UndoEntry, UndoKind, Verb } from "./session";
import { Lang, LANG_KEY, notesWhere, StringKey, t } from "../i18n/pane";

type Tab = "compute" | "feedback" | "validate" | "policy";
const TABS: Tab[] = ["compute", "feedback", "validate", "policy"];
const TAB_LABEL: Record<Tab, StringKey> = { compute: "tabCompute", feedback: "tabFeedback", validate: "tabValidate", policy: "tabPolicy" };
type Words = (lang: Lang) => string;

interface Notice {
  kind: "error" | "info" | "success";
  text: Words;
  items?: ((lang: Lang) => string)[];
}

interface Modal {
  title: Words;
  text: Words;
  items: Words[];
  choices?: { label: Words; value: unknown }[];
  yes?: Words;
  resolve: (value: unknown) => void;
}

const msgOf = (m: Message): Words => (lang) => m[lang];
const word = (key: StringKey, params?: Record<string, string | number>): Words => (lang) => t(lang, key, params);

const HIGHLIGHT_LABEL: Record<Highlight, StringKey> = { veto: "legendVeto", affirmed: "legendAffirmed", quota: "legendQuota", invalid: "legendInvalid" };
const PHASE_LABEL: Record<ProgressPhase, StringKey> = { read: "phaseRead", write: "phaseWrite", format: "phaseFormat", snapshot: "phaseSnapshot", restore: "phaseRestore", sheet: "phaseSheet" };
const VERB_LABEL: Record<Verb, StringKey> = { compute: "computeButton", feedback: "feedbackButton", sample: "sampleButton", undo: "undoButton", validate: "tabValidate", policy: "tabPolicy" };
const UNDO_LABEL: Record<UndoKind, StringKey> = { compute: "undoWhatCompute", feedback: "undoWhatFeedback", sample: "undoWhatSample" };

export class App {
  lang: Lang;
  private tab: Tab = "compute";
  private notice: Notice | null = null;
  private computed: { summary: ComputeSummary; findings: Finding[]; notes: NoteMode; view: SchemeView; feedbackDate: string; fillAsked: boolean } | null = null;
  private feedbackDone: { result: FeedbackResult; feedbackDate: string; today: string } | null = null;
  /** The feedback date as typed (YYYY-MM-DD), shared by 计算排名 and 反馈; today by default. */
  private feedbackDate = localToday();
  /** 填补绩效考核: blank P cells of the annual table take the unit's total (the CLI's --fill-performance). */
  private fillPerformance = false;
  private dateInvalid = false;
  /** The sample is offered until one is inserted (and again once that is undone). */
  private sampleOffered = true;
  private validation: { findings: Finding[]; sheet: string | null } | null = null;
  /** The verbs, the undo stack and the policy; one verb at a time. */
  readonly session: PaneSession;
  private draft: PolicyDraft;
  private policyFindings: Finding[] = [];
  private modal: Modal | null = null;
  private shownNotice: Notice | null = null;
  private readonly status: HTMLElement | null;

  constructor(
    private readonly root: HTMLElement,
    private readonly env: PaneHost,
  ) {
    const stored = env.preferences.get(LANG_KEY);
    this.lang = stored === "en" ? "en" : "zh";
    this.status = document.getElementById("status");
    this.session = new PaneSession(env.workbook, env.settings);
    env.onProgress((phase, done, total) => this.progress(phase, done, total));
    const policy = this.session.policy;
    this.draft = draftFromPolicy(policy.policy);
    if (policy.findings.length) {
      this.notice = { kind: "error", text: word("policyStoredInvalid"), items: policy.findings.map((f) => msgOf(f.message)) };
    }
  }

  private get busy(): boolean {
    return this.session.busy !== null;
  }

  private get prompts(): Prompts {
    return {
      overwrite: (conflicts) => this.ask({ title: word("overwriteTitle"), text: word("overwriteText"), items: overwriteItems(conflicts), yes: word("overwriteYes") }),
      pick: (tables) => this.pick(tables),
    };
  }

  start(): void {
    this.render();
    this.setStatus(t(this.lang, "ready"));
    // Functions computed before the pane loaded the workbook's own policy used the default one.
    if (this.session.policy.source === "workbook") this.env.workbook.recalculate().catch(() => undefined);
  }

  /** Progress from the adapter: shown in the status bar without re-rendering the pane. */
  progress(phase: ProgressPhase, done: number, total: number): void {
    if (total > 1) this.setStatus(t(this.lang, "progress", { phase: t(this.lang, PHASE_LABEL[phase]), done, total }));
  }

  private setStatus(s: string): void {
    if (this.status) this.status.textContent = s;
  }

  // ------------------------------------------------------------------ verbs

  /**
   * Run a verb of the session. A verb started while another runs is refused at once (the button is
   * disabled too, but a queued click, Enter in the policy form or a script can still arrive): the
   * status line says so and nothing else happens.
   */
  private async runVerb<T>(start: () => Promise<Gated<T>>, finish: (value: T) => void | Promise<void>): Promise<void> {
    const running = this.session.busy;
    if (running) return this.refuse(running);
    this.notice = null;
    const pending = start(); // claims the session in this tick
    this.render();
    this.setStatus(t(this.lang, "working"));
    let gated: Gated<T> | null = null;
    try {
      gated = await pending;
      if (gated.ran) await finish(gated.value);
    } catch (e) {
      this.notice = errorNotice(e);
      if (e instanceof PaneError && e.code === "BAD_DATE") this.dateInvalid = true;
    } finally {
      if (gated && !gated.ran) {
        this.refuse(gated.busyWith);
      } else {
        // Finished verbs are counted on the pane's root: tests wait for the count instead of guessing.
        this.root.dataset.done = String(Number(this.root.dataset.done ?? "0") + 1);
        this.render();
        this.setStatus(t(this.lang, "ready"));
      }
    }
  }

  private refuse(running: Verb): void {
    this.root.dataset.refused = String(Number(this.root.dataset.refused ?? "0") + 1);
    this.setStatus(t(this.lang, "busyRefused", { verb: t(this.lang, VERB_LABEL[running]) }));
  }

  async compute(): Promise<void> {
    this.dateInvalid = false;
    await this.runVerb(
      () => this.session.compute(this.prompts, { feedbackDate: this.feedbackDate, fillPerformance: this.fillPerformance }),
      (outcome) => {
        if (outcome.status === "protected") this.notice = { kind: "error", text: word("protectedSheet", { sheet: outcome.sheet }) };
        if (outcome.status !== "computed") return;
        const r = outcome.result;
        this.feedbackDate = outcome.feedbackDate;
        this.computed = { summary: r.summary, findings: r.analysis.findings, notes: outcome.notes, view: schemeView(r), feedbackDate: outcome.feedbackDate, fillAsked: this.fillPerformance };
        this.validation = null;
      },
    );
  }

  async feedback(): Promise<void> {
    this.dateInvalid = false;
    await this.runVerb(
      () => this.session.feedback({ feedbackDate: this.feedbackDate }),
      (outcome) => {
        if (outcome.status === "protected") {
          this.notice = { kind: "error", text: word("protectedSheet", { sheet: outcome.sheet }) };
          return;
        }
        this.feedbackDate = outcome.feedbackDate;
        this.feedbackDone = { result: outcome.result, feedbackDate: outcome.feedbackDate, today: outcome.today };
      },
    );
  }

  async insertSample(): Promise<void> {
    await this.runVerb(
      () => this.session.insertSample(),
      (outcome) => {
        if (outcome.status === "refused") {
          const where = (tb: TableRef) => `${tb.sheet}!${tableAddress(tb)}`;
          const shown = outcome.tables.slice(0, 5).map(where);
          if (outcome.tables.length > 5) shown.push("…");
          this.notice = { kind: "error", text: word("sampleRefused"), items: [word("sampleRefusedTables", { tables: shown.join("、") }), word("sampleRefusedWhat")] };
          return;
        }
        this.computed = null;
        this.feedbackDone = null;
        this.validation = null;
        this.sampleOffered = false;
        this.tab = "compute";
        this.notice = { kind: "success", text: word("sampleInserted", { n: outcome.sheets.length, sheets: outcome.sheets.join("、") }), items: [word("sampleNext")] };
      },
    );
  }

  async undoLast(): Promise<void> {
    await this.runVerb(
      () => this.session.undoLast(),
      (done) => {
        const undone = this.session.lastUndone;
        if (!done || !undone) {
          this.notice = { kind: "info", text: word("undoNothing") };
          return;
        }
        if (undone.what === "feedback") this.feedbackDone = null;
        else this.computed = null;
        if (undone.what === "sample") {
          this.feedbackDone = null;
          this.sampleOffered = true;
        }
        const what = undoWhat(undone);
        this.notice = {
          kind: "success",
          text: (lang) => t(lang, this.session.undo.available ? "undoDoneMore" : "undoDone", { what: what(lang), n: this.session.undo.depth }),
        };
      },
    );
  }

  async validate(): Promise<void> {
    await this.runVerb(
      () => this.session.validate(),
      (r) => void (this.validation = { findings: r.findings, sheet: r.findingsSheet }),
    );
  }

  async selectFinding(f: Finding): Promise<void> {
    if (!f.sheet) return;
    const cell = f.cell ?? (f.row ? `A${f.row}` : null);
    if (!cell) return;
    try {
      await this.env.workbook.select(f.sheet, cell);
    } catch (e) {
      this.notice = errorNotice(e);
      this.render();
    }
  }

  async savePolicy(): Promise<void> {
    const doc = policyFromDraft(this.session.policy.policy, this.draft);
    await this.runVerb(
      () => this.session.savePolicy(doc),
      (r) => {
        if (!r.saved) {
          this.policyFindings = r.findings;
          this.notice = { kind: "error", text: word("policyRefused"), items: r.findings.map((f) => msgOf(f.message)) };
          return;
        }
        this.policyApplied();
      },
    );
  }

  async resetPolicy(): Promise<void> {
    await this.runVerb(
      () => this.session.resetPolicy(),
      () => this.policyApplied(),
    );
  }

  private policyApplied(): void {
    this.policyFindings = [];
    this.draft = draftFromPolicy(this.session.policy.policy);
    this.notice = { kind: "success", text: word("policySaved") };
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    this.env.preferences.set(LANG_KEY, lang);
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    this.render();
    this.setStatus(t(lang, this.busy ? "working" : "ready"));
  }

  // ------------------------------------------------------------------ dialogs (window.confirm is blocked in Office)

  private ask(m: { title: Words; text: Words; items: Words[]; yes: Words }): Promise<boolean> {
    return new Promise((resolve) => {
      this.modal = { ...m, resolve: (v) => resolve(v === true) };
      this.render();
    });
  }

  private pick(tables: TableRef[]): Promise<TableRef | null> {
    return new Promise((resolve) => {
      this.modal = {
        title: word("pickTitle"),
        text: word("pickText"),
        items: [],
        choices: tables.map((tb) => ({
          label: (lang: Lang) => `${tb.sheet}!${tableAddress(tb)}${tb.name ? ` · ${tb.name}` : ""} · ${t(lang, "pickRows", { rows: tb.lastRow - tb.headerRow })}`,
          value: tb,
        })),
        resolve: (v) => resolve((v as TableRef | null) ?? null),
      };
      this.render();
    });
  }

  private closeModal(value: unknown): void {
    const m = this.modal;
    this.modal = null;
    this.render();
    m?.resolve(value);
  }

  // ------------------------------------------------------------------ rendering

  render(): void {
    const L = this.lang;
    const active = document.activeElement as HTMLElement | null;
    const focusId = active?.id;
    clear(this.root);
    document.title = `${t(L, "appTitle")} ASSESS`;

    const tabs = h("nav", { class: "tabs", attrs: { role: "tablist" } }, TABS.map((tab) =>
      h("button", {
        class: `tab${this.tab === tab ? " selected" : ""}`,
        text: t(L, TAB_LABEL[tab]),
        attrs: { id: `tab-${tab}`, role: "tab", "aria-selected": String(this.tab === tab), type: "button" },
        on: { click: () => { this.tab = tab; this.notice = null; this.render(); } },
      }),
    ));
    const lang = h("button", { class: "lang", text: t(L, "switchLang"), attrs: { id: "lang", type: "button", "aria-label": t(L, "switchLangLabel") }, on: { click: () => this.setLanguage(L === "zh" ? "en" : "zh") } });
    this.root.appendChild(h("div", { class: "toolbar" }, [tabs, lang]));

    if (this.notice) this.root.appendChild(this.renderNotice(this.notice));
    const panel = h("section", { class: "panel", attrs: { role: "tabpanel", "aria-labelledby": `tab-${this.tab}`, "aria-busy": String(this.busy) } });
    if (this.tab === "compute") this.renderCompute(panel);
    else if (this.tab === "feedback") this.renderFeedback(panel);
    else if (this.tab === "validate") this.renderValidate(panel);
    else this.renderPolicy(panel);
    this.root.appendChild(panel);
    if (this.modal) this.root.appendChild(this.renderModal(this.modal));

    const again = focusId ? document.getElementById(focusId) : null;
    if (this.modal) (this.root.querySelector(".modal button.primary, .modal button") as HTMLElement | null)?.focus();
    else if (again) again.focus({ preventScroll: true });
    // A new message is where the user looks: at the top of the pane.
    if (this.notice && this.notice !== this.shownNotice) this.root.scrollTop = 0;
    this.shownNotice = this.notice;
  }

  private policyLine(): string {
    const L = this.lang;
    const p = this.session.policy.policy;
    const source = t(L, this.session.policy.source === "workbook" ? "policyFromWorkbook" : "policyDefault");
    return L === "zh" ? `${t(L, "policyName")}：${p.title.zh}（${p.name}，${source}）` : `${t(L, "policyName")}: ${p.title.en} (${p.name}, ${source})`;
  }

  private renderNotice(n: Notice): HTMLElement {
    const L = this.lang;
    return h("div", { class: `notice ${n.kind}`, attrs: { role: n.kind === "error" ? "alert" : "status", id: "notice" } }, [
      h("p", { text: n.text(L) }),
      n.items && n.items.length ? h("ul", {}, n.items.map((i) => h("li", { text: i(L) }))) : null,
    ]);
  }

  private button(id: string, label: string, onClick: () => void, kind = "", disabled = false): HTMLButtonElement {
    const b = h("button", { class: `btn ${kind}`.trim(), text: label, attrs: { id, type: "button" }, on: { click: onClick } });
    b.disabled = disabled || this.busy;
    return b;
  }

  /** The feedback date field (计算排名 and 反馈 share it). */
  private dateField(): HTMLElement {
    const L = this.lang;
    const input = h("input", {
      class: "date",
      attrs: { id: "feedback-date", type: "text", inputmode: "numeric", placeholder: "YYYY-MM-DD", spellcheck: "false", autocomplete: "off", "aria-describedby": "feedback-date-hint", "aria-invalid": String(this.dateInvalid) },
    });
    input.value = this.feedbackDate;
    input.addEventListener("input", () => (this.feedbackDate = input.value));
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      void (this.tab === "feedback" ? this.feedback() : this.compute());
    });
    input.disabled = this.busy;
    return h("div", { class: `field date-field${this.dateInvalid ? " invalid" : ""}`, attrs: { "data-field": "feedbackDate" } }, [
      h("label", { text: t(L, "feedbackDateLabel"), attrs: { for: "feedback-date" } }),
      input,
      h("p", { class: "hint", attrs: { id: "feedback-date-hint" }, text: t(L, "feedbackDateHint", { days: this.session.policy.policy.feedback.rectificationDays }) }),
    ]);
  }

  /** The 填补绩效考核 choice (off by default, as on the command line). */
  private fillField(): HTMLElement {
    const L = this.lang;
    const box = h("input", { attrs: { id: "fill-performance", type: "checkbox", "aria-describedby": "fill-performance-hint" } });
    box.checked = this.fillPerformance;
    box.disabled = this.busy;
    box.addEventListener("change", () => (this.fillPerformance = box.checked));
    return h("div", { class: "field", attrs: { "data-field": "fillPerformance" } }, [
      h("label", { class: "check" }, [box, h("span", { text: t(L, "fillPerformanceLabel") })]),
      h("p", { class: "hint", attrs: { id: "fill-performance-hint" }, text: t(L, "fillPerformanceHint") }),
    ]);
  }

  private undoButton(): HTMLButtonElement {
    return this.button("undo", t(this.lang, "undoButton"), () => void this.undoLast(), "", !this.session.undo.available);
  }

  /** What the next undo puts back, and how many are left. */
  private undoHint(): HTMLElement | null {
    const next = this.session.undo.peek();
    if (!next?.extra) return null;
    const L = this.lang;
    return h("p", { class: "hint", attrs: { id: "undo-hint" }, text: t(L, "undoHint", { what: undoWhat(next.extra)(L), n: this.session.undo.depth, max: this.session.undo.limit }) });
  }

  private renderCompute(panel: HTMLElement): void {
    const L = this.lang;
    panel.appendChild(h("p", { class: "intro", text: t(L, "computeIntro") }));
    panel.appendChild(h("p", { class: "policy-line", attrs: { id: "policy-line" }, text: this.policyLine() }));
    panel.appendChild(this.dateField());
    panel.appendChild(this.fillField());
    panel.appendChild(h("div", { class: "actions" }, [this.button("compute", t(L, "computeButton"), () => void this.compute(), "primary"), this.undoButton()]));
    const hint = this.undoHint();
    if (hint) panel.appendChild(hint);
    const c = this.computed;
    if (!c) {
      if (!this.sampleOffered) return;
      panel.appendChild(h("div", { class: "sample-row", attrs: { id: "sample-row" } }, [
        h("p", { class: "hint", text: t(L, "sampleHint") }),
        this.button("sample", t(L, "sampleButton"), () => void this.insertSample()),
      ]));
      return;
    }
    const s = c.summary;
    let first = true;
    for (const tb of s.tables) {
      if (tb.kind === "annual") {
        panel.appendChild(this.renderAnnual(tb, first));
        if (first && c.fillAsked) panel.appendChild(this.renderFilled(c.view.filledP));
        first = false;
      } else if (tb.kind === "unit") panel.appendChild(this.renderUnit(tb));
    }
    const others = s.skipped.filter((r) => r.kind === "annual");
    if (others.length) panel.appendChild(h("p", { class: "hint", attrs: { id: "skipped-annual" }, text: t(L, "skippedAnnual", { tables: others.map((r) => `${r.sheet}!${r.address}`).join("、") }) }));
    panel.appendChild(this.renderSheets(c.summary, c.view, c.feedbackDate));
    if (c.view.coverage) panel.appendChild(this.renderCoverage(c.view.coverage));
    panel.appendChild(this.renderLegend(c.notes));
    panel.appendChild(this.renderFindings(c.findings, s.findingsSheet));
  }

  private renderAnnual(tb: TableSummary, first: boolean): HTMLElement {
    const L = this.lang;
    const total = { errors: tb.errors, warnings: tb.warnings, es: tb.errors === 1 ? "" : "s", ws: tb.warnings === 1 ? "" : "s" };
    const id = (x: string) => (first ? x : undefined);
    return h("section", { class: "card summary", attrs: { id: id("summary"), "data-kind": "annual", "aria-label": t(L, "computedTitle") } }, [
      h("h2", { class: tb.written ? "" : "error", text: t(L, tb.written ? "computedTitle" : "notWrittenTitle") }),
      h("p", { class: "muted", text: t(L, "computedTable", { sheet: tb.sheet, address: tb.address }) + (tb.name ? ` · ${tb.name}` : "") }),
      h("dl", { class: "stats" }, [
        ...stat(t(L, "summaryRows"), tb.rows, id("stat-rows")),
        ...stat(t(L, "summaryValid"), tb.valid, id("stat-valid")),
        ...stat(t(L, "summaryVetoes"), tb.vetoes, id("stat-vetoes")),
        ...stat(t(L, "summaryConflicts"), tb.conflicts, id("stat-conflicts")),
        ...stat(t(L, "summaryFindings"), t(L, "summaryFindingsValue", total), id("stat-findings")),
      ]),
      h("h3", { text: t(L, "poolsTitle") }),
      h("table", { class: "pools" }, [
        h("thead", {}, [h("tr", {}, [h("th", { text: t(L, "poolName") }), h("th", { text: t(L, "poolUsed") }), h("th", { text: "" })])]),
        h("tbody", {}, tb.pools.map((p) =>
          h("tr", {}, [
            h("td", { text: p.key }),
            h("td", { class: "num", text: `${p.excellent} / ${p.quota === null ? t(L, "poolNoQuota") : p.quota}` }),
            h("td", { class: "flags", text: [p.tie ? t(L, "poolTie") : "", p.exceededByAffirmation ? t(L, "poolExceeded") : ""].filter(Boolean).join(L === "zh" ? "；" : "; ") }),
          ]),
        )),
      ]),
    ]);
  }

  /** What 填补绩效考核 did: how many blank P cells took a unit total, or why none could. */
  private renderFilled(filled: number | null): HTMLElement {
    const L = this.lang;
    return h("p", { class: "hint", attrs: { id: "filled-performance" }, text: filled === null ? t(L, "filledNone") : t(L, "filledCount", { n: filled }) });
  }

  private renderUnit(tb: TableSummary): HTMLElement {
    const L = this.lang;
    const total = { errors: tb.errors, warnings: tb.warnings, es: tb.errors === 1 ? "" : "s", ws: tb.warnings === 1 ? "" : "s" };
    return h("section", { class: "card unit-summary", attrs: { "data-kind": "unit" } }, [
      h("h2", { class: tb.written ? "" : "error", text: t(L, tb.written ? "unitTitle" : "unitNotWritten") }),
      h("p", { class: "muted", text: t(L, "computedTable", { sheet: tb.sheet, address: tb.address }) + (tb.name ? ` · ${tb.name}` : "") }),
      h("dl", { class: "stats" }, [
        ...stat(t(L, "unitRows"), tb.rows),
        ...stat(t(L, "summaryValid"), tb.valid),
        ...stat(t(L, "summaryFindings"), t(L, "summaryFindingsValue", total)),
      ]),
      tb.written ? h("p", { class: "hint", text: t(L, "unitWritten") }) : null,
    ]);
  }

  /** The sheets the compute wrote whole: 历年奖励, 考察覆盖, 反馈, 校验结果. */
  private renderSheets(s: ComputeSummary, view: SchemeView, feedbackDate: string): HTMLElement {
    const L = this.lang;
    const sheets = [...s.schemeSheets, ...(s.findingsSheet ? [s.findingsSheet] : [])];
    const base = (name: string) => name.replace(/ \(\d+\)$/, "");
    const about = (name: string): string => {
      const b = base(name);
      if (b === REWARDS_SHEET && view.rewards) {
        const r = view.rewards;
        return t(L, "sheetRewards", { merits: r.merits, year: r.latestYear ?? "—", latest: r.meritsLatest, promotion: r.promotion });
      }
      if (b === COVERAGE_SHEET && view.coverage) {
        const cur = view.coverage.terms[view.coverage.terms.length - 1];
        return cur ? t(L, "sheetCoverage", { term: cur.term, percent: cur.percent }) : "";
      }
      if (b === FEEDBACK_SHEET && s.feedback) return t(L, "sheetFeedback", { date: feedbackDate, ...s.feedback });
      if (b === FINDINGS_SHEET) return t(L, "sheetFindings", { errors: s.errors, warnings: s.warnings });
      return "";
    };
    return h("section", { class: "card sheets", attrs: { id: "scheme-sheets" } }, [
      h("h3", { text: t(L, "sheetsTitle") }),
      h("ul", { class: "sheet-list" }, sheets.map((name) => {
        const text = about(name);
        return h("li", { attrs: { "data-sheet": name } }, [h("span", { class: "sheet-name", text: name }), text ? h("span", { class: "sheet-about", text }) : null]);
      })),
    ]);
  }

  /** 考察覆盖 per term (issue #4 item 4): examined, not examined (names), coverage %, years left. */
  private renderCoverage(cov: NonNullable<SchemeView["coverage"]>): HTMLElement {
    const L = this.lang;
    const last = cov.terms.length - 1;
    return h("section", { class: "card coverage", attrs: { id: "coverage" } }, [
      h("h3", { text: t(L, "coverageTitle") }),
      cov.asOf !== null ? h("p", { class: "muted", text: t(L, "coverageAsOf", { year: cov.asOf }) }) : null,
      ...cov.terms.map((term, i) => {
        const bar = h("div", { class: "bar-fill" });
        bar.style.width = `${Math.max(0, Math.min(100, term.percent))}%`;
        const names = h("details", { class: "not-examined" }, [
          h("summary", { text: t(L, "coverageNotExamined", { n: term.notExamined.length }) }),
          h("p", { text: term.notExamined.join(L === "zh" ? "、" : ", ") || t(L, "coverageAll") }),
        ]);
        if (i === last && term.notExamined.length) names.open = true;
        return h("div", { class: "term", attrs: { "data-term": term.term } }, [
          h("div", { class: "term-head" }, [
            h("span", { class: "term-name", text: t(L, "coverageTerm", { term: term.term }) }),
            h("span", { class: "term-percent", text: `${term.percent}%` }),
          ]),
          h("div", { class: "bar", attrs: { role: "img", "aria-label": `${term.percent}%` } }, [bar]),
          h("p", { class: "term-line", text: t(L, "coverageLine", { examined: term.examined, units: term.units, left: term.yearsLeft }) }),
          term.notExamined.length ? names : h("p", { class: "ok", text: t(L, "coverageAll") }),
        ]);
      }),
    ]);
  }

  private renderFeedback(panel: HTMLElement): void {
    const L = this.lang;
    panel.appendChild(h("p", { class: "intro", text: t(L, "feedbackIntro", { days: this.session.policy.policy.feedback.rectificationDays }) }));
    panel.appendChild(this.dateField());
    panel.appendChild(h("div", { class: "actions" }, [this.button("feedback", t(L, "feedbackButton"), () => void this.feedback(), "primary"), this.undoButton()]));
    const hint = this.undoHint();
    if (hint) panel.appendChild(hint);
    const f = this.feedbackDone;
    if (!f) return;
    const r = f.result;
    panel.appendChild(h("section", { class: "card feedback-summary", attrs: { id: "feedback-summary" } }, [
      h("h2", { text: t(L, "feedbackTitle", { sheet: r.sheet }) }),
      h("p", { class: "muted", text: t(L, "feedbackDates", { date: f.feedbackDate, today: f.today }) }),
      h("dl", { class: "stats" }, [
        ...stat(t(L, "feedbackUnits"), r.units, "fb-units"),
        ...stat(t(L, "feedbackItems"), r.items, "fb-items"),
        ...stat(t(L, "feedbackOpen"), r.open, "fb-open"),
        ...stat(t(L, "feedbackDone"), r.done, "fb-done"),
        ...stat(t(L, "feedbackOverdue"), r.overdue, "fb-overdue"),
      ]),
      h("p", { class: "hint", text: t(L, r.overdue ? "feedbackOverdueHint" : "feedbackStatusHint") }),
    ]));
    if (r.findings.length) panel.appendChild(this.renderFindings(r.findings, null));
  }

  private renderLegend(notes: NoteMode): HTMLElement {
    const L = this.lang;
    return h("section", { class: "card legend", attrs: { id: "legend" } }, [
      h("h3", { text: t(L, "legendTitle") }),
      h("ul", {}, (Object.keys(HIGHLIGHT_LABEL) as Highlight[]).map((cls) => {
        const sw = h("span", { class: `swatch ${cls}`, attrs: { "aria-hidden": "true" } });
        sw.style.backgroundColor = "#" + HIGHLIGHT_FILLS[cls].slice(2);
        return h("li", { attrs: { "data-class": cls } }, [sw, h("span", { text: t(L, HIGHLIGHT_LABEL[cls]) })]);
      })),
      h("p", { class: "hint", attrs: { id: "notes-mode", "data-mode": notes }, text: notesWhere(L, notes) }),
    ]);
  }

  private renderFindings(findings: Finding[], sheet: string | null): HTMLElement {
    const L = this.lang;
    const box = h("section", { class: "card findings", attrs: { id: "findings" } });
    if (!findings.length) box.appendChild(h("p", { class: "ok", text: t(L, "noFindings") }));
    for (const severity of ["error", "warning"] as const) {
      const list = findings.filter((f) => f.severity === severity);
      if (!list.length) continue;
      box.appendChild(h("h3", { class: severity, text: t(L, severity === "error" ? "errorsTitle" : "warningsTitle", { n: list.length }) }));
      box.appendChild(h("ul", { class: `finding-list ${severity}` }, list.map((f) => {
        const where = f.sheet && (f.cell || f.row) ? (f.cell ? `${f.sheet}!${f.cell}` : `${f.sheet} · ${t(L, "findingRow", { row: f.row as number })}`) : f.pool ?? "";
        const b = h("button", { class: "finding", attrs: { type: "button", "data-code": f.code, "data-cell": f.cell ?? "" }, on: { click: () => void this.selectFinding(f) } }, [
          h("span", { class: "where", text: where }),
          h("span", { class: "code", text: f.code }),
          h("span", { class: "message", text: f.message[L] }),
        ]);
        b.disabled = !f.sheet;
        return h("li", {}, [b]);
      })));
    }
    if (sheet) box.appendChild(h("p", { class: "hint", text: t(L, "findingsSheetWritten", { sheet }) }));
    return box;
  }

  private renderValidate(panel: HTMLElement): void {
    const L = this.lang;
    panel.appendChild(h("p", { class: "intro", text: t(L, "validateIntro") }));
    panel.appendChild(h("div", { class: "actions" }, [this.button("validate", t(L, "validateButton"), () => void this.validate(), "primary")]));
    if (this.validation) panel.appendChild(this.renderFindings(this.validation.findings, this.validation.sheet));
  }

  private renderPolicy(panel: HTMLElement): void {
    const L = this.lang;
    const d = this.draft;
    const bad = new Set(this.policyFindings.map((f) => fieldOf(f.column)).filter(Boolean) as string[]);
    const reasons = (name: string) => this.policyFindings.filter((f) => fieldOf(f.column) === name || (name === "quota" && ["ratio", "minimum"].includes(fieldOf(f.column) ?? "")));
    const field = (name: string, label: string, control: HTMLElement) =>
      h("div", { class: `field${bad.has(name) ? " invalid" : ""}`, attrs: { "data-field": name } }, [
        h("label", { text: label }),
        control,
        ...reasons(name).map((f) => h("p", { class: "field-error", attrs: { role: "alert" }, text: f.message[L] })),
      ]);
    const input = (id: string, value: string, set: (v: string) => void, size = "") => {
      const el = h("input", { class: size, attrs: { id, type: "text", value, spellcheck: "false" } });
      el.value = value;
      el.addEventListener("input", () => set(el.value));
      return el;
    };
    const labelled = (id: string, label: string, control: HTMLElement) => h("span", { class: "sub" }, [h("label", { text: label, attrs: { for: id } }), control]);

    panel.appendChild(h("p", { class: "intro", text: t(L, "policyIntro") }));
    panel.appendChild(h("p", { class: "policy-line", text: this.policyLine() }));
    const form = h("form", { class: "policy", attrs: { id: "policy-form", novalidate: "" }, on: { submit: (e) => { e.preventDefault(); void this.savePolicy(); } } });

    form.appendChild(field("weights", t(L, "policyWeights"), h("div", { class: "row" }, COMPONENT_KEYS.map((k) =>
      labelled(`w-${k}`, `${k} ${columnLabel(k)[L]}`, input(`w-${k}`, d.weights[k], (v) => (d.weights[k] = v), "short")),
    ))));
    form.appendChild(field("bands", t(L, "policyBands"), h("div", { class: "row" }, [0, 1, 2].map((i) =>
      input(`band-${i}`, d.bands[i], (v) => (d.bands[i] = v), "short"),
    ))));

    const enabled = h("input", { attrs: { id: "quota-enabled", type: "checkbox" } });
    enabled.checked = d.quotaEnabled;
    enabled.addEventListener("change", () => (d.quotaEnabled = enabled.checked));
    const rounding = select("quota-rounding", d.rounding, [["half-up", t(L, "roundingHalfUp")], ["floor", t(L, "roundingFloor")], ["ceil", t(L, "roundingCeil")]], (v) => (d.rounding = v as PolicyDraft["rounding"]));
    form.appendChild(field("quota", t(L, "policyQuota"), h("div", { class: "col" }, [
      h("label", { class: "check" }, [enabled, h("span", { text: t(L, "policyQuotaEnabled") })]),
      h("div", { class: `row${bad.has("ratio") ? " invalid" : ""}`, attrs: { "data-field": "ratio" } }, [
        labelled("quota-ratio", t(L, "policyQuotaRatio"), input("quota-ratio", d.ratio, (v) => (d.ratio = v), "short")),
        labelled("quota-rounding", t(L, "policyQuotaRounding"), rounding),
        labelled("quota-minimum", t(L, "policyQuotaMinimum"), input("quota-minimum", d.minimum, (v) => (d.minimum = v), "short")),
      ]),
    ])));
    form.appendChild(field("tieBreak", t(L, "policyTieBreak"), input("tie-break", d.tieBreak, (v) => (d.tieBreak = v))));
    form.appendChild(field("ranking", t(L, "policyRanking"), select("ranking-style", d.ranking, [["competition", t(L, "rankingCompetition")], ["dense", t(L, "rankingDense")]], (v) => (d.ranking = v as PolicyDraft["ranking"]))));
    form.appendChild(field("groups", t(L, "policyGroups"), input("groups", d.groups, (v) => (d.groups = v))));
    const vocab: [keyof PolicyDraft["vocab"], StringKey][] = [["solid", "vocabSolid"], ["qualified", "vocabQualified"], ["unqualified", "vocabUnqualified"], ["none", "vocabNone"], ["belowDistrict", "vocabBelow"], ["veto", "vocabVeto"], ["yes", "vocabYes"], ["no", "vocabNo"]];
    form.appendChild(field("vocab", t(L, "policyVocab"), h("div", { class: "col" }, vocab.map(([k, label]) =>
      labelled(`vocab-${k}`, t(L, label), input(`vocab-${k}`, d.vocab[k], (v) => (d.vocab[k] = v))),
    ))));
    const save = h("button", { class: "btn primary", text: t(L, "policySave"), attrs: { id: "policy-save", type: "submit" } });
    save.disabled = this.busy;
    form.appendChild(h("div", { class: "actions" }, [save, this.button("policy-reset", t(L, "policyReset"), () => void this.resetPolicy())]));
    panel.appendChild(form);
  }

  private renderModal(m: Modal): HTMLElement {
    const L = this.lang;
    const buttons: HTMLElement[] = m.choices
      ? m.choices.map((c, i) => h("button", { class: "btn choice", text: c.label(L), attrs: { type: "button", id: `choice-${i}` }, on: { click: () => this.closeModal(c.value) } }))
      : [];
    const footer = h("div", { class: "actions" }, [
      m.yes ? h("button", { class: "btn primary", text: m.yes(L), attrs: { type: "button", id: "modal-yes" }, on: { click: () => this.closeModal(true) } }) : null,
      h("button", { class: "btn", text: t(L, "cancel"), attrs: { type: "button", id: "modal-cancel" }, on: { click: () => this.closeModal(m.choices ? null : false) } }),
    ]);
    const dialog = h("div", { class: "modal", attrs: { role: "dialog", "aria-modal": "true", "aria-labelledby": "modal-title", id: "modal" } }, [
      h("h2", { text: m.title(L), attrs: { id: "modal-title" } }),
      h("p", { text: m.text(L) }),
      m.items.length ? h("ul", {}, m.items.map((i) => h("li", { text: i(L) }))) : null,
      buttons.length ? h("div", { class: "choices" }, buttons) : null,
      footer,
    ]);
    dialog.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.closeModal(m.choices ? null : false);
    });
    return h("div", { class: "modal-backdrop" }, [dialog]);
  }
}

function stat(label: string, value: string | number, id?: string): HTMLElement[] {
  return [h("dt", { text: label }), h("dd", { text: String(value), attrs: { id } })];
}

function select(id: string, value: string, options: [string, string][], set: (v: string) => void): HTMLSelectElement {
  const el = h("select", { attrs: { id } }, options.map(([v, label]) => h("option", { text: label, attrs: { value: v } })));
  el.value = value;
  el.addEventListener("change", () => set(el.value));
  return el;
}

/** Any failure as a sentence in both languages; never a stack trace. */
export function errorNotice(e: unknown): Notice {
  if (isTypedFailure(e)) return { kind: "error", text: word("failed"), items: [msgOf(reasonOf(e))] };
  if (e instanceof PolicyError) return { kind: "error", text: word("policyRefused"), items: e.findings.map((f) => msgOf(f.message)) };
  // A failure nobody anticipated (a bug): one sentence with its message, first line only.
  const detail = reasonOf(e);
  const first = (s: string) => s.split("\n")[0].slice(0, 300);
  return { kind: "error", text: word("failed"), items: [word("unexpected", { detail: first(detail.en) })] };
}

function overwriteItems(conflicts: ResultConflict[]): Words[] {
  return conflicts.map((c) =>
    c.what === "column"
      ? word("overwriteColumn", { sheet: c.range.sheet, address: rangeAddress(c.range), header: c.header ?? "" })
      : word("overwriteArea", { sheet: c.range.sheet, address: rangeAddress(c.range) }),
  );
}

/** What an undo entry puts back, in words. */
function undoWhat(entry: UndoEntry): Words {
  return (lang) => t(lang, UNDO_LABEL[entry.what], { date: entry.date ?? "" });
}
