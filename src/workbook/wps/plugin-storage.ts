// What the WPS add-in's pages tell each other. A WPS JS 加载项 runs several pages (index.html with
// the ribbon callbacks and the custom functions, the task pane), each its own window; WPS's
// PluginStorage is one store per add-in that every page of it sees (not saved to disk), so:
// - the ribbon posts a verb (计算排名, 校验, 反馈, 撤销) for the pane to run — the pane holds the session
//   and its undo stack, so every verb, from the ribbon or the pane, goes on one stack;
// - the pane (on a policy change) and index.html (when a workbook is opened or activated) publish the
//   active policy, which the custom functions in index.html read on each call (Excel's shared runtime
//   gives both one global object instead).
import { cellText } from "../../engine/values";
import { call, obj, WpsObject } from "./com";

export const COMMAND_KEY = "assess.command";
export const TASKPANE_KEY = "assess.taskpane";
export const POLICY_KEY = "assess.activePolicy";

/** The verbs the ribbon can ask the pane to run. */
export type RibbonVerb = "compute" | "validate" | "feedback" | "undo";
const VERBS: readonly RibbonVerb[] = ["compute", "validate", "feedback", "undo"];

function storage(app: WpsObject): WpsObject {
  return obj(app, "PluginStorage");
}

export function getItem(app: WpsObject, key: string): string | null {
  const v = call(storage(app), "getItem", key);
  return v === null || v === undefined || v === "" ? null : cellText(v);
}

export function setItem(app: WpsObject, key: string, value: string): void {
  call(storage(app), "setItem", key, value);
}

export function removeItem(app: WpsObject, key: string): void {
  call(storage(app), "removeItem", key);
}

/** The ribbon asks the pane to run a verb (the newest request wins; a pane that is not open yet reads it when it starts). */
export function postCommand(app: WpsObject, verb: RibbonVerb, at: number = Date.now()): void {
  setItem(app, COMMAND_KEY, JSON.stringify({ verb, at }));
}

/** The pane takes the pending verb, if any (taking it removes it). */
export function takeCommand(app: WpsObject): RibbonVerb | null {
  const raw = getItem(app, COMMAND_KEY);
  if (raw === null) return null;
  removeItem(app, COMMAND_KEY);
  try {
    const verb = (JSON.parse(raw) as { verb?: unknown }).verb;
    return VERBS.includes(verb as RibbonVerb) ? (verb as RibbonVerb) : null;
  } catch {
    return null;
  }
}

/** The active policy as JSON text, for the custom functions. */
export function publishPolicy(app: WpsObject, policyJson: string): void {
  setItem(app, POLICY_KEY, policyJson);
}

export function publishedPolicy(app: WpsObject): string | null {
  return getItem(app, POLICY_KEY);
}
