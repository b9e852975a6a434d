// The ribbon's callbacks (ribbon.xml names them; WPS calls them as global functions of index.html).
// All of them are synchronous: async ribbon callbacks kept the custom ribbon from showing in some WPS
// builds (12.1.0.23539/23542, per WPS staff as cited in tmustier/pi-for-excel docs/wps-support.md).
//
// 计算排名 · 校验 · 反馈 · 撤销 are run by the task pane, which holds the session and its undo stack:
// the button posts the verb in PluginStorage and shows the pane (creating it the first time); the pane
// runs it as if its own button had been clicked and shows the outcome. 打开考核助手 shows or hides the pane.
import { Lang, LANG_KEY } from "../i18n/pane";
import { ribbonText, wpsText } from "../i18n/wps";
import { call, get, put, WpsObject } from "../workbook/wps/com";
import { getItem, postCommand, RibbonVerb, setItem, TASKPANE_KEY } from "../workbook/wps/plugin-storage";
import RIBBON from "./ribbon.json";

type Control = { Id?: string; id?: string } | null | undefined;

export interface RibbonHost {
  app: () => WpsObject | null;
  /** The task pane page's URL (next to index.html). */
  taskpaneUrl: () => string;
  /** The user's language choice (the pane keeps it in the page's storage; both pages share the origin). */
  lang: () => Lang;
  alert: (message: string) => void;
}

const idOf = (c: Control): string => String((c && (c.Id ?? c.id)) || "");

function buttonOf(id: string) {
  return RIBBON.buttons.find((b) => b.id === id);
}

/** Show the pane (creating it the first time); `toggle` hides it when it is showing. Returns the pane. */
export function showPane(host: RibbonHost, toggle: boolean): WpsObject {
  const app = host.app();
  if (!app) throw new Error("WPS Application is not available");
  const id = getItem(app, TASKPANE_KEY);
  let pane: WpsObject | null = null;
  if (id !== null) {
    try {
      pane = call(app, "GetTaskPane", Number(id)) as WpsObject | null;
    } catch {
      pane = null; // closed with its document, or from an earlier session
    }
  }
  if (!pane) {
    pane = call(app, "CreateTaskPane", host.taskpaneUrl(), ribbonText.paneTitle[host.lang()]) as WpsObject;
    setItem(app, TASKPANE_KEY, String(get(pane, "ID")));
    put(pane, "Visible", true);
    return pane;
  }
  put(pane, "Visible", toggle ? get(pane, "Visible") !== true : true);
  return pane;
}

export function ribbonCallbacks(host: RibbonHost) {
  let ribbonUI: unknown = null;
  return {
    OnAddinLoad(ui: unknown): boolean {
      ribbonUI = ui;
      void ribbonUI;
      return true;
    },
    OnAction(control: Control): boolean {
      const button = buttonOf(idOf(control));
      if (!button) return true;
      try {
        if (button.verb === "open") showPane(host, true);
        else {
          const app = host.app();
          if (app) postCommand(app, button.verb as RibbonVerb);
          showPane(host, false);
        }
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        host.alert(wpsText.openPaneFailed(detail)[host.lang()]);
      }
      return true;
    },
    GetImage(control: Control): string {
      return buttonOf(idOf(control))?.image ?? "images/open.svg";
    },
    OnGetLabel(control: Control): string {
      const id = idOf(control);
      const text = ribbonText.labels[id as keyof typeof ribbonText.labels];
      return text ? text[host.lang()] : id;
    },
    OnGetScreentip(control: Control): string {
      const text = ribbonText.tips[idOf(control) as keyof typeof ribbonText.tips];
      return text ? text[host.lang()] : "";
    },
  };
}

/** The language the pane chose (default Chinese). */
export function storedLang(storage: { getItem(key: string): string | null } | null): Lang {
  try {
    return storage?.getItem(LANG_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}
