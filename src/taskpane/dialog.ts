// The pane's one modal dialog (Fluent's, on the native <dialog>: focus stays inside while it is open,
// Escape cancels). It opens on the safe choice: Cancel has the focus, the destructive or committing
// button is never the default. Closing gives the focus back to where it was.
import { clear, h } from "./dom";
import { fbutton } from "./ui";

export interface DialogChoice<T> {
  id: string;
  label: string;
  value: T;
  primary?: boolean;
}

export interface DialogSpec<T> {
  title: string;
  text: string;
  /** Lines listed under the text (already bounded by the caller). */
  items?: string[];
  /** Choices shown as a list of buttons above the footer (pick a table). */
  choices?: DialogChoice<T>[];
  /** The committing button in the footer (overwrite, restore the default …). */
  confirm?: DialogChoice<T>;
  cancelLabel: string;
  cancelValue: T;
}

type FluentDialog = HTMLElement & { show(): void; hide(): void };

export class PaneDialog {
  private readonly el: FluentDialog;
  private readonly body: HTMLElement;
  private pending: ((v: unknown) => void) | null = null;
  private cancelValue: unknown = null;
  private returnFocus: HTMLElement | null = null;

  constructor(parent: HTMLElement) {
    this.body = h("fluent-dialog-body" as "div");
    this.el = h("fluent-dialog" as "div", { attrs: { id: "modal", type: "modal" } }, [this.body]) as unknown as FluentDialog;
    // Escape, or anything else that closes the native dialog, is a cancel.
    this.el.addEventListener("toggle", (e) => {
      const ev = e as unknown as { detail?: { newState?: string }; newState?: string };
      const state = ev.detail?.newState ?? ev.newState;
      if (state === "closed") this.settle(this.cancelValue);
    });
    parent.appendChild(this.el);
  }

  get open(): boolean {
    return this.pending !== null;
  }

  ask<T>(spec: DialogSpec<T>): Promise<T> {
    if (this.pending) this.settle(this.cancelValue);
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.cancelValue = spec.cancelValue;
    clear(this.body);
    this.el.setAttribute("aria-label", spec.title);
    this.el.setAttribute("aria-describedby", "modal-text");
    const cancel = fbutton("modal-cancel", spec.cancelLabel, () => this.close(spec.cancelValue), { kind: "secondary", attrs: { slot: "action", autofocus: "" } });
    const confirm = spec.confirm ? fbutton(spec.confirm.id, spec.confirm.label, () => this.close(spec.confirm!.value), { kind: "primary", attrs: { slot: "action" } }) : null;
    this.body.append(
      h("h2", { class: "dialog-title", text: spec.title, attrs: { slot: "title", id: "modal-title" } }),
      h("p", { text: spec.text, attrs: { id: "modal-text" } }),
    );
    if (spec.items?.length) this.body.appendChild(h("ul", { class: "dialog-items" }, spec.items.map((i) => h("li", { text: i }))));
    if (spec.choices?.length) {
      this.body.appendChild(h("div", { class: "choices", attrs: { role: "group", "aria-labelledby": "modal-title" } }, spec.choices.map((c) => fbutton(c.id, c.label, () => this.close(c.value), { kind: "secondary", attrs: { class: "choice" } }))));
    }
    if (confirm) this.body.appendChild(confirm);
    this.body.appendChild(cancel);
    return new Promise<T>((resolve) => {
      this.pending = resolve as (v: unknown) => void;
      this.el.show();
      // Fluent focuses [autofocus] after showModal; make sure it lands on Cancel even before upgrade.
      requestAnimationFrame(() => {
        if (this.pending && !this.el.contains(document.activeElement)) cancel.focus();
      });
    });
  }

  private close(value: unknown): void {
    const resolve = this.pending;
    this.pending = null;
    this.el.hide();
    this.restoreFocus();
    resolve?.(value);
  }

  private settle(value: unknown): void {
    if (!this.pending) return;
    const resolve = this.pending;
    this.pending = null;
    this.restoreFocus();
    resolve(value);
  }

  private restoreFocus(): void {
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back && back.isConnected) back.focus();
  }
}
