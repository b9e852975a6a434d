// The 政策 tab (issue #12): every field labelled; weights and the quota ratio in percent; the grades'
// names on the thresholds; groups and vocabularies as tags; a refused save shows each reason at its
// field (aria-invalid + aria-describedby) in plain words; 恢复默认政策 asks first and is undoable.
import { COMPONENT_KEYS } from "../engine/types";
import type { Finding } from "../engine/types";
import { ANNUAL_COLUMNS, specByKey } from "../engine/headers";
import type { App } from "./app";
import { h } from "./dom";
import { controlOf, PolicyDraft, splitList, VOCAB_KEYS, VocabKey } from "./policy-form";
import { checkbox, fbutton, field, selectInput, textInput } from "./ui";
import { Lang, plainPolicyReason, StringKey, t } from "../i18n/pane";
import { joinClauses, TAG_END_KEYS } from "../i18n/pane-session";

const VOCAB_LABEL: Record<VocabKey, StringKey> = { solid: "vocabSolid", qualified: "vocabQualified", unqualified: "vocabUnqualified", none: "vocabNone", belowDistrict: "vocabBelow", veto: "vocabVeto", yes: "vocabYes", no: "vocabNo" };

/** Reasons per control id; findings that fit no control are listed at the top of the form. */
function reasonsByControl(L: Lang, findings: readonly Finding[]): { at: Map<string, string[]>; loose: string[] } {
  const at = new Map<string, string[]>();
  const loose: string[] = [];
  for (const f of findings) {
    const id = controlOf(f.column);
    const reason = plainPolicyReason(L, f);
    if (!id) loose.push(f.message[L]);
    else at.set(id, [...(at.get(id) ?? []), reason]);
  }
  return { at, loose };
}

/**
 * A reason about a whole group of fields (the weights' sum, the thresholds' order): shown under the
 * group's legend, and every control of the group is marked invalid and described by it.
 */
function groupError(set: HTMLElement, id: string, reason: string | null): HTMLElement {
  if (!reason) return set;
  set.classList.add("invalid");
  const p = h("p", { class: "field-error", text: reason, attrs: { id } });
  set.insertBefore(p, set.children[1] ?? null);
  set.querySelectorAll("input, select").forEach((c) => {
    c.setAttribute("aria-invalid", "true");
    c.setAttribute("aria-describedby", [id, c.getAttribute("aria-describedby")].filter(Boolean).join(" "));
  });
  return set;
}

/** A tag list with an input that adds tags (Enter, comma or 、), Backspace removing the last one. */
function tagsField(L: Lang, id: string, label: string, tags: string[], error: string | null, onChange: () => void, rerender: () => void, hint = true): HTMLElement {
  const input = textInput("", () => undefined, { placeholder: t(L, "tagPlaceholder"), class: "text-input tag-input" });
  const add = () => {
    const more = splitList(input.value).filter((x) => !tags.includes(x));
    if (!more.length) return false;
    tags.push(...more);
    input.value = "";
    onChange();
    rerender();
    document.getElementById(id)?.focus();
    return true;
  };
  input.addEventListener("keydown", (e) => {
    if (TAG_END_KEYS.includes(e.key)) {
      if (input.value.trim()) {
        e.preventDefault();
        add();
      } else if (e.key === "Enter") e.preventDefault();
    } else if (e.key === "Backspace" && input.value === "" && tags.length) {
      tags.pop();
      onChange();
      rerender();
      document.getElementById(id)?.focus();
    }
  });
  // Leaving the field keeps what was typed (without re-drawing: the pointer may be on Save).
  input.addEventListener("blur", () => {
    const more = splitList(input.value).filter((x) => !tags.includes(x));
    if (more.length) tags.push(...more);
  });
  const list = h("ul", { class: "tags", attrs: { "aria-label": label } }, tags.map((tag, i) =>
    h("li", { class: "tag" }, [
      h("span", { text: tag }),
      h("button", {
        class: "tag-remove",
        text: "×",
        attrs: { type: "button", "aria-label": t(L, "tagRemove", { tag }), title: t(L, "tagRemove", { tag }) },
        on: {
          click: () => {
            tags.splice(i, 1);
            onChange();
            rerender();
            document.getElementById(id)?.focus();
          },
        },
      }),
    ]),
  ));
  const f = field({ id, label, error, hint: hint ? t(L, "tagHint") : undefined, className: "tags-field" }, input);
  if (!hint) input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), "vocab-hint"].filter(Boolean).join(" "));
  f.insertBefore(list, f.children[1]);
  return f;
}

export function renderPolicy(app: App, panel: HTMLElement): void {
  const L = app.lang;
  const d: PolicyDraft = app.draft;
  const p = app.session.policy;
  const { at, loose } = reasonsByControl(L, app.policyFindings);
  const err = (id: string) => { const ids = at.get(id); return ids ? joinClauses(L, ids) : null; };
  const rerender = () => app.render();
  const changed = () => undefined;

  // The actions first, like every tab (a bar stuck to the bottom would take a third of a 320-px pane).
  panel.appendChild(h("div", { class: "actions" }, [
    fbutton("policy-save", t(L, "policySave"), () => void app.savePolicy(), { kind: "primary", disabled: app.busy }),
    fbutton("policy-reset", t(L, "policyReset"), () => void app.resetPolicy(), { kind: "secondary", disabled: app.busy }),
    app.verbButton("undo", t(L, "undoButton"), () => void app.undoLast(), "secondary", !app.session.undo.available),
  ]));
  panel.appendChild(h("p", { class: "policy-line", attrs: { id: "policy-line" }, text: t(L, "policyLine", { title: p.policy.title[L], name: p.policy.name, source: t(L, p.source === "workbook" ? "policyFromWorkbook" : "policyDefault") }) }));
  const form = h("form", { class: "policy", attrs: { id: "policy-form", novalidate: "", "aria-labelledby": "policy-title" } });
  // Enter in a field saves (the tag inputs take Enter to add a tag).
  form.addEventListener("keydown", (e) => {
    const target = e.target as HTMLElement;
    if (e.key !== "Enter" || target.tagName !== "INPUT" || target.classList.contains("tag-input") || (target as HTMLInputElement).type === "checkbox") return;
    e.preventDefault();
    void app.savePolicy();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void app.savePolicy();
  });
  form.appendChild(h("h2", { class: "visually-hidden", text: t(L, "tabPolicy"), attrs: { id: "policy-title" } }));
  if (loose.length) form.appendChild(h("ul", { class: "field-error form-errors" }, loose.map((m) => h("li", { text: m }))));

  // 综合得分权重, in percent.
  form.appendChild(groupError(h("fieldset", { class: "group", attrs: { "data-field": "weights" } }, [
    h("legend", { text: t(L, "policyWeights") }),
    h("div", { class: "grid" }, COMPONENT_KEYS.map((k) =>
      field({ id: `w-${k}`, label: `${specByKey(ANNUAL_COLUMNS)[k][L]} (${k})`, error: err(`w-${k}`), suffix: "%" }, textInput(d.weights[k], (v) => (d.weights[k] = v), { inputmode: "decimal", class: "text-input short" })),
    )),
  ]), "weights-error", err("weights")));

  // 等次分数线, each named by the grade it gives (班子 / 干部).
  const grades = p.policy.grades;
  const gradeName = (i: number) => {
    const team = grades.team[i]?.[L];
    const cadre = grades.cadre[i]?.[L];
    return team && cadre && team !== cadre ? `${team} / ${cadre}` : team ?? cadre ?? String(i + 1);
  };
  form.appendChild(groupError(h("fieldset", { class: "group", attrs: { "data-field": "bands" } }, [
    h("legend", { text: t(L, "policyBands") }),
    h("div", { class: "grid" }, [0, 1, 2].map((i) =>
      field({ id: `band-${i}`, label: t(L, "bandLabel", { grade: gradeName(i) }), error: err(`band-${i}`) }, textInput(d.bands[i], (v) => (d.bands[i] = v), { inputmode: "decimal", class: "text-input short" })),
    )),
    h("p", { class: "field-hint", text: t(L, "bandsHint", { lowest: gradeName(3) }) }),
  ]), "bands-error", err("bands")));

  // 优秀名额.
  form.appendChild(h("fieldset", { class: "group", attrs: { "data-field": "quota" } }, [
    h("legend", { text: t(L, "policyQuota") }),
    checkbox("quota-enabled", t(L, "policyQuotaEnabled"), d.quotaEnabled, (v) => (d.quotaEnabled = v)),
    err("quota-enabled") ? h("p", { class: "field-error", text: err("quota-enabled") as string }) : null,
    h("div", { class: "grid" }, [
      field({ id: "quota-ratio", label: t(L, "policyQuotaRatio"), error: err("quota-ratio"), suffix: "%" }, textInput(d.ratio, (v) => (d.ratio = v), { inputmode: "decimal", class: "text-input short" })),
      field({ id: "quota-rounding", label: t(L, "policyQuotaRounding"), error: err("quota-rounding") }, selectInput(d.rounding, [["half-up", t(L, "roundingHalfUp")], ["floor", t(L, "roundingFloor")], ["ceil", t(L, "roundingCeil")]], (v) => (d.rounding = v as PolicyDraft["rounding"]))),
      field({ id: "quota-minimum", label: t(L, "policyQuotaMinimum"), error: err("quota-minimum") }, textInput(d.minimum, (v) => (d.minimum = v), { inputmode: "numeric", class: "text-input short" })),
    ]),
    field({ id: "tie-break", label: t(L, "policyTieBreak"), error: err("tie-break"), hint: t(L, "tieBreakHint") }, textInput(d.tieBreak, (v) => (d.tieBreak = v))),
  ]));

  form.appendChild(field({ id: "ranking-style", label: t(L, "policyRanking"), error: err("ranking-style") }, selectInput(d.ranking, [["competition", t(L, "rankingCompetition")], ["dense", t(L, "rankingDense")]], (v) => (d.ranking = v as PolicyDraft["ranking"]))));
  form.appendChild(tagsField(L, "groups", t(L, "policyGroups"), d.groups, err("groups"), changed, rerender));

  form.appendChild(h("fieldset", { class: "group", attrs: { "data-field": "vocab" } }, [
    h("legend", { text: t(L, "policyVocab") }),
    h("p", { class: "field-hint", text: t(L, "tagHint"), attrs: { id: "vocab-hint" } }),
    ...VOCAB_KEYS.map((k) => tagsField(L, `vocab-${k}`, t(L, VOCAB_LABEL[k]), d.vocab[k], err(`vocab-${k}`), changed, rerender, false)),
  ]));

  panel.appendChild(form);
}
