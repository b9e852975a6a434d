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

function showOutsideWps(root: HTMLElement): void {
  clear(root);
  const first = languageStorage.get(LANG_KEY) === "en" ? "en" : "zh";
  const second = first === "zh" ? "en" : "zh";
  root.appendChild(
    h("section", { class: "blocked", attrs: { id: "outside-wps", role: "alert" } }, [
      h("h2", { text: wpsPaneText.outsideTitle[first] }),
      h("p", { text: wpsPaneText.outside[first] }),
      h("h2", { class: "secondary", text: wpsPaneText.outsideTitle[second], attrs: { lang: second === "zh" ? "zh-CN" : "en" } }),
      h("p", { class: "secondary", text: wpsPaneText.outside[second], attrs: { lang: second === "zh" ? "zh-CN" : "en" } }),
    ]),
  );
  const status = document.getElementById("status");
  if (status) status.textContent = wpsPaneText.outsideTitle[first];
}

export function boot(): void {
  const root = document.getElementById("app");
  if (!root) return;
  const app = () => wpsApplication(window);
  if (!app()) return showOutsideWps(root);
  const host = new WpsHost(app);
  const pane = startPane(root, host);
  // The verb's tab first (the pane's own tab buttons), so that its outcome is what the user sees.
  const showTab = (tab: string) => (document.getElementById(`tab-${tab}`) as HTMLElement | null)?.click();
  host.followRibbon(ribbonVerbRunner(pane, showTab));
}

boot();
