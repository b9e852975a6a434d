// What the 计算排名, 反馈 and 校验 tabs show, results first: the verb's buttons and its few options on
// top, then the progress of a run, then the result summary (the focus target after a run), then the
// details. Each detail is a section of its own, so a later feature adds one without touching the rest.
import type { ComputeSummary, TableSummary } from "../actions";
import { COVERAGE_SHEET, FEEDBACK_SHEET, REWARDS_SHEET } from "../actions/schemeSheets";
import { FINDINGS_SHEET } from "../i18n/actions";
import type { Highlight } from "../engine/types";
import { HIGHLIGHT_FILLS } from "../workbook/port";
import type { App, Computed } from "./app";
import { h } from "./dom";
import { renderFindings } from "./findings-view";
import { statisticsCard } from "./statistics-view";
import type { NoteMode } from "./host";
import type { SchemeView } from "./logic";
import { checkbox, field, stats, textInput } from "./ui";
import { Lang, notesWhere, StringKey, t } from "../i18n/pane";
import { tr } from "../i18n/paneRaw";
import { joinClauses, joinList } from "../i18n/pane-session";

const HIGHLIGHT_LABEL: Record<Highlight, StringKey> = { veto: "legendVeto", affirmed: "legendAffirmed", quota: "legendQuota", invalid: "legendInvalid" };

/** The annual tables' totals in one line: "计算完成：364 行，优秀 64/65，一票否决 3，问题 12". */
export function headline(lang: Lang, c: Computed): string {
  const annual = c.summary.tables.filter((x) => x.kind === "annual");
  if (!annual.length || !annual.some((x) => x.written)) return t(lang, "notWrittenTitle");
  let rows = 0;
  let excellent = 0;
  let quota = 0;
  let unlimited = false;
  let vetoes = 0;
  for (const tb of annual) {
    rows += tb.rows;
    vetoes += tb.vetoes;
    for (const p of tb.pools) {
      excellent += p.excellent;
      if (p.quota === null) unlimited = true;
      else quota += p.quota;
    }
  }
  return t(lang, "computedHeadline", { rows, excellent, quota: unlimited ? t(lang, "poolNoQuota") : quota, vetoes, findings: c.findings.length });
}

/** The date field shared by 计算排名 and 反馈: checked as typed, the reason shown at the field. */
function dateField(app: App): HTMLElement {
  const L = app.lang;
  let timer = 0;
  const input = textInput(app.feedbackDate, (v) => {
    app.feedbackDate = v;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => app.validateDateField(), 600);
  }, { inputmode: "numeric", placeholder: "YYYY-MM-DD", class: "text-input date" });
  input.addEventListener("change", () => app.validateDateField());
  input.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    void (app.tab === "feedback" ? app.feedback() : app.compute());
  });
  return field({ id: "feedback-date", label: t(L, "feedbackDateLabel"), error: app.dateError ? app.dateError[L] : null, className: "date-field" }, input);
}

function undoLine(app: App): HTMLElement | null {
  const what = app.nextUndo();
  if (!what) return null;
  return h("p", { class: "undo-line", attrs: { id: "undo-hint" }, text: t(app.lang, "undoNext", { what: what(app.lang), n: app.session.undo.depth }) });
}

function actions(app: App, primary: HTMLElement): HTMLElement {
  return h("div", { class: "actions" }, [primary, app.verbButton("undo", t(app.lang, "undoButton"), () => void app.undoLast(), "secondary", !app.session.undo.available)]);
}

export function renderCompute(app: App, panel: HTMLElement): void {
  const L = app.lang;
  panel.appendChild(actions(app, app.verbButton("compute", t(L, "computeButton"), () => void app.compute(), "primary")));
  panel.appendChild(h("div", { class: "options" }, [
    dateField(app),
    checkbox("fill-performance", t(L, "fillPerformanceLabel"), app.fillPerformance, (v) => (app.fillPerformance = v)),
    checkbox("fill-survey", tr(L, "fillSurveyLabel"), app.fillSurvey, (v) => (app.fillSurvey = v)),
    checkbox("fill-ballots", tr(L, "fillBallotsLabel"), app.fillBallots, (v) => (app.fillBallots = v)),
  ]));
  const undo = undoLine(app);
  if (undo) panel.appendChild(undo);
  const progress = app.progressBox();
  if (progress) panel.appendChild(progress);

  const c = app.computed;
  if (c) {
    panel.appendChild(resultCard(app, c));
    for (const tb of c.summary.tables) if (tb.kind === "unit") panel.appendChild(unitCard(L, tb));
    panel.appendChild(sheetsCard(L, c.summary, c.view, c.feedbackDate));
    if (c.view.coverage) panel.appendChild(coverageCard(L, c.view.coverage));
    if (c.view.statistics) panel.appendChild(statisticsCard(L, c.view.statistics));
    panel.appendChild(legendCard(L, c.notes));
    panel.appendChild(renderFindings(app, "compute", c.findings, c.summary.findingsSheet));
  }
  if (app.sampleOffered && !app.busy) {
    panel.appendChild(h("section", { class: "card sample", attrs: { id: "sample-row", "aria-labelledby": "sample-title" } }, [
      h("h2", { text: t(L, "sampleTitle"), attrs: { id: "sample-title" } }),
      h("p", { class: "hint", text: t(L, "sampleHint") }),
      app.verbButton("sample", t(L, "sampleButton"), () => void app.insertSample()),
    ]));
  }
}

/** The annual result: the headline (focused and announced after a compute), the counts and the pools. */
function resultCard(app: App, c: Computed): HTMLElement {
  const L = app.lang;
  const s = c.summary;
  const annual = s.tables.filter((x) => x.kind === "annual");
  const first = annual[0];
  const errors = c.findings.filter((f) => f.severity === "error").length;
  const warnings = c.findings.length - errors;
  const card = h("section", { class: "card summary", attrs: { id: "summary", "data-result": "", "aria-labelledby": "summary-title" } }, [
    h("h2", { class: first && !first.written ? "error" : "", text: headline(L, c), attrs: { id: "summary-title" } }),
  ]);
  for (const tb of annual) {
    card.appendChild(h("p", { class: "muted", text: t(L, "computedTable", { sheet: tb.sheet, address: tb.address }) + (tb.name ? ` · ${tb.name}` : "") }));
    const primary = tb === first;
    card.appendChild(stats([
      [t(L, "summaryRows"), tb.rows, primary ? "stat-rows" : undefined],
      [t(L, "summaryValid"), tb.valid, primary ? "stat-valid" : undefined],
      [t(L, "summaryVetoes"), tb.vetoes, primary ? "stat-vetoes" : undefined],
      [t(L, "summaryConflicts"), tb.conflicts, primary ? "stat-conflicts" : undefined],
    ]));
    if (tb.pools.length) {
      card.appendChild(h("table", { class: "pools" }, [
        h("caption", { text: t(L, "poolsTitle") }),
        h("thead", {}, [h("tr", {}, [h("th", { text: t(L, "poolName"), attrs: { scope: "col" } }), h("th", { text: t(L, "poolUsed"), attrs: { scope: "col" } }), h("th", { text: t(L, "poolNote"), attrs: { scope: "col" } })])]),
        h("tbody", {}, tb.pools.map((p) =>
          h("tr", {}, [
            h("td", { class: "pool", text: p.key }),
            h("td", { class: "num", text: `${p.excellent} / ${p.quota === null ? t(L, "poolNoQuota") : p.quota}` }),
            h("td", { class: "flags", text: joinClauses(L, [p.tie ? t(L, "poolTie") : "", p.exceededByAffirmation ? t(L, "poolExceeded") : ""].filter(Boolean)) }),
          ]),
        )),
      ]));
    }
  }
  card.appendChild(stats([[t(L, "summaryFindings"), t(L, "summaryFindingsValue", { errors, warnings, es: errors === 1 ? "" : "s", ws: warnings === 1 ? "" : "s" }), "stat-findings"]]));
  if (c.fillAsked) card.appendChild(h("p", { class: "hint", attrs: { id: "filled-performance" }, text: c.view.filledP === null ? t(L, "filledNone") : t(L, "filledCount", { n: c.view.filledP }) }));
  if (c.rawAsked?.survey) card.appendChild(h("p", { class: "hint", attrs: { id: "filled-survey" }, text: c.view.filledSurvey === null ? tr(L, "filledSurveyNone") : tr(L, "filledSurvey", { n: c.view.filledSurvey }) }));
  if (c.rawAsked?.ballots) card.appendChild(h("p", { class: "hint", attrs: { id: "filled-ballots" }, text: c.view.filledBallots === null ? tr(L, "filledBallotsNone") : tr(L, "filledBallots", { n: c.view.filledBallots }) }));
  const others = s.skipped.filter((r) => r.kind === "annual");
  if (others.length) card.appendChild(h("p", { class: "hint", attrs: { id: "skipped-annual" }, text: t(L, "skippedAnnual", { tables: joinList(L, others.map((r) => `${r.sheet}!${r.address}`)) }) }));
  return card;
}

function unitCard(L: Lang, tb: TableSummary): HTMLElement {
  const total = { errors: tb.errors, warnings: tb.warnings, es: tb.errors === 1 ? "" : "s", ws: tb.warnings === 1 ? "" : "s" };
  return h("section", { class: "card unit-summary", attrs: { "data-kind": "unit" } }, [
    h("h3", { class: tb.written ? "" : "error", text: t(L, tb.written ? "unitTitle" : "unitNotWritten") }),
    h("p", { class: "muted", text: t(L, "computedTable", { sheet: tb.sheet, address: tb.address }) + (tb.name ? ` · ${tb.name}` : "") }),
    stats([
      [t(L, "unitRows"), tb.rows],
      [t(L, "summaryValid"), tb.valid],
      [t(L, "summaryFindings"), t(L, "summaryFindingsValue", total)],
    ]),
  ]);
}

/** The sheets the compute wrote whole: 历年奖励, 考察覆盖, 反馈, 校验结果. */
function sheetsCard(L: Lang, s: ComputeSummary, view: SchemeView, feedbackDate: string): HTMLElement {
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

/** 考察覆盖 per term: examined, not examined (names), coverage %, years left. */
function coverageCard(L: Lang, cov: NonNullable<SchemeView["coverage"]>): HTMLElement {
  const last = cov.terms.length - 1;
  return h("section", { class: "card coverage", attrs: { id: "coverage" } }, [
    h("h3", { text: t(L, "coverageTitle") }),
    cov.asOf !== null ? h("p", { class: "muted", text: t(L, "coverageAsOf", { year: cov.asOf }) }) : null,
    ...cov.terms.map((term, i) => {
      const names = h("details", { class: "not-examined" }, [
        h("summary", { text: t(L, "coverageNotExamined", { n: term.notExamined.length }) }),
        h("p", { class: "names", text: joinList(L, term.notExamined) || t(L, "coverageAll") }),
      ]);
      if (i === last && term.notExamined.length) names.open = true;
      const percent = Math.max(0, Math.min(100, term.percent));
      const label = t(L, "coverageTerm", { term: term.term });
      return h("div", { class: "term", attrs: { "data-term": term.term } }, [
        h("div", { class: "term-head" }, [h("span", { class: "term-name", text: label }), h("span", { class: "term-percent", text: `${term.percent}%` })]),
        // A native meter: forced colours draw it with system colours, and it has a role and a value.
        h("meter", { class: "coverage-meter", attrs: { min: "0", max: "100", value: String(percent), "aria-label": `${label} ${term.percent}%` } }),
        h("p", { class: "term-line", text: t(L, "coverageLine", { examined: term.examined, units: term.units, left: term.yearsLeft }) }),
        term.notExamined.length ? names : h("p", { class: "ok", text: t(L, "coverageAll") }),
      ]);
    }),
  ]);
}

function legendCard(L: Lang, notes: NoteMode): HTMLElement {
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

export function renderFeedback(app: App, panel: HTMLElement): void {
  const L = app.lang;
  panel.appendChild(actions(app, app.verbButton("feedback", t(L, "feedbackButton"), () => void app.feedback(), "primary")));
  panel.appendChild(h("div", { class: "options" }, [dateField(app)]));
  const undo = undoLine(app);
  if (undo) panel.appendChild(undo);
  const progress = app.progressBox();
  if (progress) panel.appendChild(progress);
  const f = app.feedbackDone;
  if (f) feedbackResult(app, panel, f);
  panel.appendChild(noticesCard(app));
}

/** 反馈通知书: one notice per unit as a Word document, the same file as `assess notices`. */
function noticesCard(app: App): HTMLElement {
  const L = app.lang;
  return h("section", { class: "card notices", attrs: { id: "notices", "aria-labelledby": "notices-title" } }, [
    h("h2", { text: tr(L, "noticesTitle"), attrs: { id: "notices-title" } }),
    h("p", { class: "hint", text: tr(L, "noticesHint"), attrs: { id: "notices-hint" } }),
    checkbox("notices-cadres", tr(L, "noticesCadres"), app.noticesCadres, (v) => (app.noticesCadres = v)),
    h("div", { class: "actions" }, [app.verbButton("make-notices", tr(L, "noticesButton"), () => void app.notices(), "secondary")]),
  ]);
}

function feedbackResult(app: App, panel: HTMLElement, f: NonNullable<App["feedbackDone"]>): void {
  const L = app.lang;
  const r = f.result;
  panel.appendChild(h("section", { class: "card feedback-summary", attrs: { id: "feedback-summary", "data-result": "", "aria-labelledby": "feedback-title" } }, [
    h("h2", { text: t(L, "feedbackHeadline", { units: r.units, items: r.items, open: r.open, done: r.done, overdue: r.overdue }), attrs: { id: "feedback-title" } }),
    h("p", { class: "muted", text: `${t(L, "feedbackTitle", { sheet: r.sheet })} · ${t(L, "feedbackDates", { date: f.feedbackDate, today: f.today })}` }),
    stats([
      [t(L, "feedbackUnits"), r.units, "fb-units"],
      [t(L, "feedbackItems"), r.items, "fb-items"],
      [t(L, "feedbackOpen"), r.open, "fb-open"],
      [t(L, "feedbackDone"), r.done, "fb-done"],
      [t(L, "feedbackOverdue"), r.overdue, "fb-overdue"],
    ]),
    h("p", { class: "hint", text: t(L, r.overdue ? "feedbackOverdueHint" : "feedbackStatusHint") }),
  ]));
  if (r.findings.length) panel.appendChild(renderFindings(app, "feedback", r.findings, null));
}

export function renderValidate(app: App, panel: HTMLElement): void {
  const L = app.lang;
  panel.appendChild(h("div", { class: "actions" }, [app.verbButton("validate", t(L, "validateButton"), () => void app.validate(), "primary")]));
  const progress = app.progressBox();
  if (progress) panel.appendChild(progress);
  const v = app.validation;
  if (v) panel.appendChild(renderFindings(app, "validate", v.findings, v.sheet, true));
}
