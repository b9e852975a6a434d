// The findings list (issue #12): one group per kind in plain words with its count, errors first; a
// filter by severity and by table; 下一个问题 / 上一个 that select the cell in the workbook; each group
// shows PAGE findings at a time, so 10,000 findings make a few hundred elements, not 10,000.
// Codes are secondary detail (small, after the sentence).
import type { Finding } from "../engine/types";
import type { App } from "./app";
import { h } from "./dom";
import { cellOf, countBy, groupFindings, matches, PAGE, sheetsOf, stepThrough, walkOrder } from "./findings-model";
import { fbutton, selectInput } from "./ui";
import { findingKind, t } from "../i18n/pane";

export function renderFindings(app: App, where: "compute" | "feedback" | "validate", findings: Finding[], sheet: string | null, isResult = false): HTMLElement {
  const L = app.lang;
  const state = app.findingsState[where];
  const { errors, warnings } = countBy(findings);
  const box = h("section", { class: "card findings", attrs: { id: "findings", "aria-labelledby": "findings-title", ...(isResult ? { "data-result": "" } : {}) } });
  box.appendChild(h("h2", { text: findings.length ? t(L, "findingsTitle", { n: findings.length, errors, warnings, es: errors === 1 ? "" : "s", ws: warnings === 1 ? "" : "s" }) : t(L, "noFindings"), attrs: { id: "findings-title" } }));
  if (!findings.length) return box;

  const rerender = () => app.render();
  const sheets = sheetsOf(findings);
  const filters = h("div", { class: "filters" }, [
    h("div", { class: "filter" }, [
      h("label", { text: t(L, "filterSeverity"), attrs: { for: "filter-severity" } }),
      (() => {
        const s = selectInput(state.filter.severity, [["all", t(L, "filterAll", { n: findings.length })], ["error", t(L, "filterErrors", { n: errors })], ["warning", t(L, "filterWarnings", { n: warnings })]], (v) => {
          state.filter.severity = v as typeof state.filter.severity;
          state.current = null;
          rerender();
        });
        s.id = "filter-severity";
        return s;
      })(),
    ]),
    sheets.length > 1
      ? h("div", { class: "filter" }, [
          h("label", { text: t(L, "filterSheet"), attrs: { for: "filter-sheet" } }),
          (() => {
            const s = selectInput(state.filter.sheet ?? "", [["", t(L, "filterAllSheets")], ...sheets.map((x): [string, string] => [x, x])], (v) => {
              state.filter.sheet = v || null;
              state.current = null;
              rerender();
            });
            s.id = "filter-sheet";
            return s;
          })(),
        ])
      : null,
  ]);
  box.appendChild(filters);

  const groups = groupFindings(findings, state.filter);
  const order = walkOrder(findings, groups);
  const position = state.current === null ? 0 : order.indexOf(state.current) + 1;
  const go = async (step: 1 | -1) => {
    const next = stepThrough(order, state.current, step);
    if (next === null) return;
    state.current = next;
    // Show the finding in the list: open enough pages of its group.
    const g = groups.find((x) => x.items.includes(next));
    if (g) {
      const key = `${g.severity}:${g.code}`;
      const need = Math.floor(g.items.indexOf(next) / PAGE) + 1;
      if ((state.pages[key] ?? 1) < need) state.pages[key] = need;
    }
    rerender();
    await app.selectFinding(findings[next]);
    const item = document.querySelector<HTMLElement>(`[data-index="${next}"]`);
    item?.scrollIntoView({ block: "nearest" });
    app.announce(t(app.lang, "walkAnnounce", { n: order.indexOf(next) + 1, total: order.length, message: findings[next].message[app.lang] }));
  };
  box.appendChild(h("div", { class: "walk" }, [
    fbutton("finding-prev", t(L, "findingPrev"), () => void go(-1), { kind: "secondary", size: "small", disabled: !order.length }),
    fbutton("finding-next", t(L, "findingNext"), () => void go(1), { kind: "secondary", size: "small", disabled: !order.length }),
    h("span", { class: "walk-position", attrs: { id: "walk-position" }, text: !order.length ? "" : position ? t(L, "walkPosition", { n: position, total: order.length }) : t(L, "walkTotal", { total: order.length }) }),
  ]));

  const shownTotal = groups.reduce((n, g) => n + g.items.length, 0);
  if (!shownTotal) box.appendChild(h("p", { class: "hint", text: t(L, "filterNone") }));
  groups.forEach((g, gi) => {
    const key = `${g.severity}:${g.code}`;
    const pages = state.pages[key] ?? 1;
    const shown = g.items.slice(0, pages * PAGE);
    const headingId = `group-${gi}`;
    const list = h("ul", { class: `finding-list ${g.severity}`, attrs: { "aria-labelledby": headingId } }, shown.map((i) => {
      const f = findings[i];
      const at = cellOf(f);
      const whereText = at ? (f.cell ? `${f.sheet}!${f.cell}` : `${f.sheet} · ${t(L, "findingRow", { row: f.row as number })}`) : f.pool ?? "";
      const current = state.current === i;
      const b = h("button", { class: `finding${current ? " current" : ""}`, attrs: { type: "button", "data-code": f.code, "data-cell": f.cell ?? "", "data-index": String(i), "aria-current": current ? "true" : undefined } }, [
        h("span", { class: "where", text: whereText }),
        h("span", { class: "message", text: f.message[L] }),
        h("span", { class: "code", text: f.code }),
      ]);
      if (!at) b.disabled = true;
      b.addEventListener("click", () => {
        state.current = i;
        rerender();
        void app.selectFinding(f);
      });
      return h("li", {}, [b]);
    }));
    const more = g.items.length - shown.length;
    const group = h("section", { class: `finding-group ${g.severity}`, attrs: { "data-code": g.code, "data-severity": g.severity } }, [
      h("h3", { class: "group-head", attrs: { id: headingId } }, [
        h("span", { class: `severity-dot ${g.severity}`, attrs: { "aria-hidden": "true" } }),
        h("span", { class: "kind", text: findingKind(L, g.code) }),
        h("span", { class: "count", text: t(L, g.severity === "error" ? "groupErrors" : "groupWarnings", { n: g.items.length }) }),
      ]),
      list,
      more > 0
        ? fbutton(`more-${gi}`, t(L, "showMore", { n: Math.min(more, PAGE), rest: more }), () => {
            state.pages[key] = pages + 1;
            rerender();
          }, { kind: "transparent", size: "small" })
        : null,
    ]);
    box.appendChild(group);
  });
  const hidden = findings.length - findings.filter((f) => matches(f, state.filter)).length;
  if (hidden) box.appendChild(h("p", { class: "hint", text: t(L, "filterHidden", { n: hidden }) }));
  if (sheet) box.appendChild(h("p", { class: "hint", text: t(L, "findingsSheetWritten", { sheet }) }));
  return box;
}
