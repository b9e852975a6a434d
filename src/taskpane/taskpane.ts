// Task pane entry: wait for Office (with a timeout: Office.onReady may never fire, e.g. when
// office.js cannot load), then start the pane in Excel, or say clearly why it cannot run.
import { OfficeHost } from "./office-host";
import { startPane } from "./start";
import { clear, h } from "./dom";
import { languageStorage } from "./settings";
import { Lang, LANG_KEY, t } from "../i18n/pane";

/** How long to wait for Office.onReady before saying so (ms); ?officeTimeout=… overrides it (tests). */
const OFFICE_TIMEOUT_MS = 15_000;

function timeoutMs(): number {
  const v = Number(new URLSearchParams(window.location.search).get("officeTimeout"));
  return Number.isFinite(v) && v > 0 ? v : OFFICE_TIMEOUT_MS;
}

function initialLang(): Lang {
  return languageStorage.get(LANG_KEY) === "en" ? "en" : "zh";
}

/** A full-pane message (outside Office, timeout, old Excel): both languages, the chosen one first. */
function showBlocked(title: { zh: string; en: string }, body: { zh: string; en: string }, id: string): void {
  const root = document.getElementById("app");
  if (!root) return;
  clear(root);
  const first = initialLang();
  const second: Lang = first === "zh" ? "en" : "zh";
  root.appendChild(
    h("section", { class: "blocked", attrs: { id, role: "alert" } }, [
      h("h2", { text: title[first] }),
      h("p", { text: body[first] }),
      h("h2", { class: "secondary", text: title[second], attrs: { lang: second === "zh" ? "zh-CN" : "en" } }),
      h("p", { class: "secondary", text: body[second], attrs: { lang: second === "zh" ? "zh-CN" : "en" } }),
    ]),
  );
  const status = document.getElementById("status");
  if (status) status.textContent = title[first];
}

const both = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => ({ zh: t("zh", key, params), en: t("en", key, params) });

export function boot(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    showBlocked(both("outsideOfficeTitle"), both("outsideOffice"), "outside-office");
    return;
  }
  const ms = timeoutMs();
  let settled = false;
  const timer = window.setTimeout(() => {
    if (settled) return;
    settled = true;
    showBlocked(both("outsideOfficeTitle"), both("officeTimeout", { seconds: Math.round(ms / 1000) }), "office-timeout");
  }, ms);
  let ready: Promise<{ host: Office.HostType | null }>;
  try {
    ready = Office.onReady();
  } catch {
    ready = Promise.resolve({ host: null });
  }
  ready.then(
    (info) => {
      if (settled) return;
      settled = true;
      window.clearTimeout(timer);
      if (!info || !info.host) return showBlocked(both("outsideOfficeTitle"), both("outsideOffice"), "outside-office");
      if (info.host !== Office.HostType.Excel) return showBlocked(both("outsideOfficeTitle"), both("notExcel", { host: String(info.host) }), "not-excel");
      if (!Office.context.requirements.isSetSupported("ExcelApi", "1.4")) return showBlocked(both("outsideOfficeTitle"), both("oldExcel"), "old-excel");
      start();
    },
    () => {
      if (settled) return;
      settled = true;
      window.clearTimeout(timer);
      showBlocked(both("outsideOfficeTitle"), both("outsideOffice"), "outside-office");
    },
  );
}

function start(): void {
  const root = document.getElementById("app");
  if (!root) return;
  startPane(root, new OfficeHost());
}

boot();
