// Small builders for the pane's controls: Fluent buttons, labelled native fields with inline
// validation (aria-invalid + aria-describedby on the control itself), stats. Text goes in as text.
import { h } from "./dom";

export type ButtonKind = "primary" | "secondary" | "subtle" | "transparent";

/** A Fluent button. `role` is set on the element as well, so that checkers see what it is. */
export function fbutton(id: string | undefined, label: string, onClick: () => void, options: { kind?: ButtonKind; disabled?: boolean; title?: string; size?: "small" | "medium"; attrs?: Record<string, string | undefined> } = {}): HTMLElement {
  const b = h("fluent-button" as "button", {
    text: label,
    attrs: { id, role: "button", appearance: options.kind ?? "secondary", size: options.size, title: options.title, ...(options.attrs ?? {}) },
  }) as unknown as HTMLElement;
  setDisabled(b, !!options.disabled);
  b.addEventListener("click", () => {
    if (b.hasAttribute("disabled")) return;
    onClick();
  });
  return b;
}

export function setDisabled(el: HTMLElement, disabled: boolean): void {
  el.toggleAttribute("disabled", disabled);
  if (el.getAttribute("role") === "button") el.setAttribute("aria-disabled", String(disabled));
}

export interface FieldOptions {
  id: string;
  label: string;
  /** Shown under the control; linked by aria-describedby. */
  hint?: string;
  /** The reason the value is refused, shown under the control (aria-invalid, aria-describedby). */
  error?: string | null;
  /** A unit after the control ("%"). */
  suffix?: string;
  className?: string;
}

/** A labelled native control with its hint and inline error. */
export function field(o: FieldOptions, control: HTMLElement): HTMLElement {
  const describedBy: string[] = (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  const hint = o.hint ? h("p", { class: "field-hint", text: o.hint, attrs: { id: `${o.id}-hint` } }) : null;
  const error = o.error ? h("p", { class: "field-error", text: o.error, attrs: { id: `${o.id}-error` } }) : null;
  if (error) describedBy.unshift(`${o.id}-error`);
  if (hint) describedBy.push(`${o.id}-hint`);
  control.id = o.id;
  if (describedBy.length) control.setAttribute("aria-describedby", describedBy.join(" "));
  control.setAttribute("aria-invalid", String(!!o.error));
  const box = o.suffix ? h("span", { class: "with-suffix" }, [control, h("span", { class: "suffix", text: o.suffix, attrs: { "aria-hidden": "true" } })]) : control;
  return h("div", { class: `field${o.error ? " invalid" : ""}${o.className ? ` ${o.className}` : ""}`, attrs: { "data-field": o.id } }, [
    h("label", { text: o.label, attrs: { for: o.id } }),
    box,
    error,
    hint,
  ]);
}

export function textInput(value: string, onInput: (v: string) => void, attrs: Record<string, string | undefined> = {}): HTMLInputElement {
  const el = h("input", { class: "text-input", attrs: { type: "text", spellcheck: "false", autocomplete: "off", ...attrs } });
  el.value = value;
  el.addEventListener("input", () => onInput(el.value));
  return el;
}

export function selectInput(value: string, options: [string, string][], onChange: (v: string) => void): HTMLSelectElement {
  const el = h("select", { class: "select-input" }, options.map(([v, label]) => h("option", { text: label, attrs: { value: v } })));
  el.value = value;
  el.addEventListener("change", () => onChange(el.value));
  return el;
}

export function checkbox(id: string, label: string, checked: boolean, onChange: (v: boolean) => void, describedBy?: string): HTMLElement {
  const box = h("input", { attrs: { id, type: "checkbox", "aria-describedby": describedBy } });
  box.checked = checked;
  box.addEventListener("change", () => onChange(box.checked));
  return h("div", { class: "check" }, [box, h("label", { text: label, attrs: { for: id } })]);
}

export function stats(rows: [string, string | number, string?][]): HTMLElement {
  return h("dl", { class: "stats" }, rows.flatMap(([label, value, id]) => [h("dt", { text: label }), h("dd", { text: String(value), attrs: { id } })]));
}
