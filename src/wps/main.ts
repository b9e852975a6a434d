// index.html's script (main.js): the WPS add-in's entry. WPS loads index.html when it starts and calls
// the ribbon callbacks as global functions of this page, so the bundle is a classic script (a module
// script would keep its functions off the global object, and WPS's loader expects a plain script, as in
// every wpsjs template) that puts them on `window`. It also registers the custom functions (WPS
// 12.1.0.20540+) and keeps the active workbook's policy published for them.
//
// Old embedded Chromium: nothing here (or in the pane) needs crypto.randomUUID, structuredClone or other
// APIs newer than the ES2017 the WPS build targets.
import { associated } from "./custom-functions-shim";
import "../functions/functions";
import { loadStoredPolicy } from "../actions/policy-store";
import { call, obj, WpsObject, wpsApplication } from "../workbook/wps/com";
import { publishPolicy } from "../workbook/wps/plugin-storage";
import { WpsDocumentSettings } from "../workbook/wps/settings";
import { PolicyFollower, registerFunctions } from "./functions";
import { ribbonCallbacks, storedLang } from "./ribbon";

type Win = Window & Record<string, unknown>;

/** The folder of this page: the add-in root, where taskpane.html is. */
function baseUrl(href: string): string {
  return href.slice(0, href.lastIndexOf("/") + 1);
}

/** Publish the active workbook's policy (its own, else the default) for the custom functions. */
export function publishWorkbookPolicy(app: WpsObject): void {
  const stored = loadStoredPolicy(new WpsDocumentSettings(() => app));
  publishPolicy(app, JSON.stringify(stored.policy));
}

export function start(win: Win): { functions: string[] | null } {
  const app = () => wpsApplication(win);
  const callbacks = ribbonCallbacks({
    app,
    taskpaneUrl: () => baseUrl(win.location.href) + "taskpane.html",
    lang: () => storedLang(win.localStorage ?? null),
    alert: (m) => win.alert(m),
  });
  for (const [name, fn] of Object.entries(callbacks)) win[name] = fn;

  const a = app();
  const functions = registerFunctions((win.wps as WpsObject | undefined) ?? a, associated, new PolicyFollower(app));
  if (a) {
    const refresh = () => {
      try {
        publishWorkbookPolicy(a);
      } catch {
        // no workbook yet, or a protected structure: the functions keep the policy they have
      }
    };
    refresh();
    try {
      const events = obj(a, "ApiEvent");
      for (const event of ["WorkbookOpen", "WorkbookActivate", "NewWorkbook"]) call(events, "AddApiEventListener", event, refresh);
    } catch {
      // a build without ApiEvent: the policy is published when the pane starts
    }
  }
  return { functions };
}

declare const window: Win;
if (typeof window !== "undefined") window.__assessWps = start(window);
