// Task pane entry in WPS 表格 (taskpane.html of the WPS build, opened by the ribbon with
// WPS.CreateTaskPane): the same pane as in Excel on the WPS host, and the ribbon's verbs run here.
// A classic script, like index.html's (WPS's embedded Chromium, ES2017).
import { ribbonVerbRunner } from "./wps-commands";
import { clear, h } from "./dom";
import { startPane } from "./start";
import { WpsHost } from "./wps-host";
import { languageStorage } from "./settings";
import { LANG_KEY } from "../i18n/pane";
import { wpsPaneText } from "../i18n/wps";
import { wpsApplication } from "../workbook/wps/com";

/** What Fluent's web components need of the browser: custom elements, shadow DOM, ElementInternals. */
export function paneSupported(w: Window): boolean {
  const el = (w as unknown as { HTMLElement?: { prototype: object } }).HTMLElement;
  return typeof w.customElements !== "undefined" && !!el && "attachInternals" in el.prototype && "attachShadow" in el.prototype;
}

function showOutsideWps(root: HTMLElement): void {
  showBlocked(root, wpsPaneText.outsideTitle, wpsPaneText.outside, "outside-wps");
}

function showBlocked(root: HTMLElement, title: { zh: string; en: string }, text: { zh: string; en: string }, id: string): void {
  clear(root);
  const first = languageStorage.get(LANG_KEY) === "en" ? "en" : "zh";
  const second = first === "zh" ? "en" : "zh";
  root.appendChild(
    h("section", { class: "blocked", attrs: { id, role: "alert" } }, [
      h("h2", { text: title[first] }),
      h("p", { text: text[first] }),
      h("h2", { class: "secondary", text: title[second], attrs: { lang: second === "zh" ? "zh-CN" : "en" } }),
      h("p", { class: "secondary", text: text[second], attrs: { lang: second === "zh" ? "zh-CN" : "en" } }),
    ]),
  );
  const status = document.getElementById("status");
  if (status) status.textContent = title[first];
}

export function boot(): void {
  const root = document.getElementById("app");
  if (!root) return;
  const app = () => wpsApplication(window);
  if (!app()) return showOutsideWps(root);
  const host = new WpsHost(app);
  // Fluent's controls are custom elements with ElementInternals (Chromium 77): an older embedded browser
  // gets a sentence saying so instead of a pane whose buttons do nothing.
  if (!paneSupported(window)) return showBlocked(root, wpsPaneText.oldBrowserTitle, wpsPaneText.oldBrowser, "old-browser");
  const pane = startPane(root, host);
  // The verb's tab first (App.showTab), so that its outcome is what the user sees.
  host.followRibbon(ribbonVerbRunner(pane));
}

boot();
