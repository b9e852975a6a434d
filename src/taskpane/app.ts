// The task pane UI (INTERFACES.md §3): 计算排名, 校验, 政策, 撤销, language switch. Vanilla DOM; every
// verb runs an action from src/actions on the Office.js adapter and renders what it returns.
import type { ComputeSummary } from "../actions";
import { rangeAddress } from "../actions/layout";
import type { SettingsStore } from "../actions/policy-store";
import { PolicyError } from "../engine/policy";
import type { Finding, Highlight, Message } from "../engine/types";
import { COMPONENT_KEYS } from "../engine/types";
import { columnLabel } from "../i18n/messages";
import type { NoteMode, OfficeWorkbook, ProgressPhase } from "../workbook/office";
import { HIGHLIGHT_FILLS, TableRef } from "../workbook/port";
import { clear, h } from "./dom";
import { ForeignContent, tableAddress } from "./logic";
import { draftFromPolicy, fieldOf, PolicyDraft, policyFromDraft } from "./policy-form";
import { Gated, isTypedFailure, PaneSession, Prompts, reasonOf, Verb } from "./session";
import { Lang, LANG_KEY, notesWhere, StringKey, t } from "./strings";

export interface AppEnv {
  office: OfficeWorkbook;
  settings: SettingsStore;
  storage: { get(key: string): string | null; set(key: string, value: string): void };
}

type Tab = "compute" | "validate" | "policy";
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
const VERB_LABEL: Record<Verb, StringKey> = { compute: "tabCompute", undo: "undoButton", validate: "tabValidate", policy: "tabPolicy" };

export class App {
  lang: Lang;
  private tab: Tab = "compute";
  private notice: Notice | null = null;
  private computed: { summary: ComputeSummary; findings: Finding[]; notes: NoteMode } | null = null;
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
    private readonly env: AppEnv,
  ) {
    const stored = env.storage.get(LANG_KEY);
    this.lang = stored === "en" ? "en" : "zh";
    this.status = document.getElementById("status");
    this.session = new PaneSession(env.office, env.settings);
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
      overwrite: (foreign) => this.ask({ title: word("overwriteTitle"), text: word("overwriteText"), items: overwriteItems(foreign), yes: word("overwriteYes") }),
      pick: (tables) => this.pick(tables),
    };
  }

  start(): void {
    this.render();
    this.setStatus(t(this.lang, "ready"));
    // Functions computed before the pane loaded the workbook's own policy used the default one.
    if (this.session.policy.source === "workbook") this.env.office.recalculate().catch(() => undefined);
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
    await this.runVerb(
      () => this.session.compute(this.prompts),
      (outcome) => {
        if (outcome.status === "protected") this.notice = { kind: "error", text: word("protectedSheet", { sheet: outcome.sheet }) };
        if (outcome.status !== "computed") return;
        this.computed = { summary: outcome.result.summary, findings: outcome.result.analysis.findings, notes: outcome.notes };
        this.validation = null;
      },
    );
  }

  async undoLast(): Promise<void> {
    await this.runVerb(
      () => this.session.undoLast(),
      (undone) => {
        if (!undone) {
          this.notice = { kind: "info", text: word("undoNothing") };
          return;
        }
        this.computed = null;
        this.notice = { kind: "success", text: word(this.session.undo.available ? "undoDoneMore" : "undoDone", { n: this.session.undo.depth }) };
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
      await this.env.office.select(f.sheet, cell);
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
    this.env.storage.set(LANG_KEY, lang);
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

    const tabs = h("nav", { class: "tabs", attrs: { role: "tablist" } }, (["compute", "validate", "policy"] as Tab[]).map((tab) =>
      h("button", {
        class: `tab${this.tab === tab ? " selected" : ""}`,
        text: t(L, tab === "compute" ? "tabCompute" : tab === "validate" ? "tabValidate" : "tabPolicy"),
        attrs: { id: `tab-${tab}`, role: "tab", "aria-selected": String(this.tab === tab), type: "button" },
        on: { click: () => { this.tab = tab; this.notice = null; this.render(); } },
      }),
    ));
    const lang = h("button", { class: "lang", text: t(L, "switchLang"), attrs: { id: "lang", type: "button", "aria-label": t(L, "switchLangLabel") }, on: { click: () => this.setLanguage(L === "zh" ? "en" : "zh") } });
    this.root.appendChild(h("div", { class: "toolbar" }, [tabs, lang]));

    if (this.notice) this.root.appendChild(this.renderNotice(this.notice));
    const panel = h("section", { class: "panel", attrs: { role: "tabpanel", "aria-labelledby": `tab-${this.tab}`, "aria-busy": String(this.busy) } });
    if (this.tab === "compute") this.renderCompute(panel);
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

  private renderCompute(panel: HTMLElement): void {
    const L = this.lang;
    panel.appendChild(h("p", { class: "intro", text: t(L, "computeIntro") }));
    panel.appendChild(h("p", { class: "policy-line", attrs: { id: "policy-line" }, text: this.policyLine() }));
    panel.appendChild(h("div", { class: "actions" }, [
      this.button("compute", t(L, "computeButton"), () => void this.compute(), "primary"),
      this.button("undo", t(L, "undoButton"), () => void this.undoLast(), "", !this.session.undo.available),
    ]));
    if (this.session.undo.available) panel.appendChild(h("p", { class: "hint", attrs: { id: "undo-hint" }, text: t(L, "undoHint", { n: this.session.undo.depth }) }));
    const c = this.computed;
    if (!c) return;
    const s = c.summary;
    for (const tb of s.tables) {
      const total = { errors: tb.errors, warnings: tb.warnings, es: tb.errors === 1 ? "" : "s", ws: tb.warnings === 1 ? "" : "s" };
      const summary = h("section", { class: "card summary", attrs: { id: "summary", "aria-label": t(L, "computedTitle") } }, [
        h("h2", { class: tb.written ? "" : "error", text: t(L, tb.written ? "computedTitle" : "notWrittenTitle") }),
        h("p", { class: "muted", text: t(L, "computedTable", { sheet: tb.sheet, address: tb.address }) + (tb.name ? ` · ${tb.name}` : "") }),
        h("dl", { class: "stats" }, [
          ...stat(t(L, "summaryRows"), tb.rows, "stat-rows"),
          ...stat(t(L, "summaryValid"), tb.valid, "stat-valid"),
          ...stat(t(L, "summaryVetoes"), tb.vetoes, "stat-vetoes"),
          ...stat(t(L, "summaryConflicts"), tb.conflicts, "stat-conflicts"),
          ...stat(t(L, "summaryFindings"), t(L, "summaryFindingsValue", total), "stat-findings"),
        ]),
        h("h3", { text: t(L, "poolsTitle") }),
        h("table", { class: "pools" }, [
          h("thead", {}, [h("tr", {}, [h("th", { text: t(L, "poolName") }), h("th", { text: t(L, "poolUsed") }), h("th", { text: "" })])]),
          h("tbody", {}, tb.pools.map((p) =>
            h("tr", {}, [
              h("td", { text: p.key }),
              h("td", { class: "num", text: `${p.excellent} / ${p.quota === null ? t(L, "poolNoQuota") : p.quota}` }),
              h("td", { class: "flags", text: [p.tie ? t(L, "poolTie") : "", p.exceededByAffirmation ? t(L, "poolExceeded") : ""].filter(Boolean).join("；") }),
            ]),
          )),
        ]),
      ]);
      panel.appendChild(summary);
    }
    panel.appendChild(this.renderLegend(c.notes));
    panel.appendChild(this.renderFindings(c.findings, s.findingsSheet));
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

function stat(label: string, value: string | number, id: string): HTMLElement[] {
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

function overwriteItems(foreign: ForeignContent): Words[] {
  const items: Words[] = foreign.columns.map((c) => word("overwriteColumn", { sheet: c.range.sheet, address: rangeAddress(c.range), header: c.header }));
  if (foreign.area) items.push(word("overwriteArea", { sheet: foreign.area.sheet, address: rangeAddress(foreign.area) }));
  return items;
}
