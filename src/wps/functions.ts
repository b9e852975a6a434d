// The ASSESS custom functions in WPS 表格 (12.1.0.20540 and later): the same functions file as in Excel,
// registered with wps.AddCustomFunction(namespace, name, fn) as wpsjs's functionsScanner does, under the
// namespace that manifest.xml declares (ASSESS), with the Excel ids as names: =ASSESS.COMPOSITE(…) in both.
// WPS calls them synchronously, which they are.
//
// The differences from Excel, absorbed here:
// - the active policy: WPS runs the functions in index.html, not in the pane's page; each call first
//   takes the policy the pane or index.html published in PluginStorage (parsed again only when it changed);
// - arguments: a range comes as a 2-D array whose empty cells may be undefined, an error cell as its
//   text ("#N/A"); both are read as Excel gives them (null, an error value);
// - a bad argument: there is no CustomFunctions.Error in WPS; the function throws an Error whose message is
//   the same bilingual reason, which WPS shows as an error value in the cell.
import { setActivePolicy } from "../engine/active-policy";
import { loadPolicy, Policy } from "../engine/policy";
import type { WpsObject } from "../workbook/wps/com";
import { call } from "../workbook/wps/com";
import { fromWps } from "../workbook/wps/adapter";
import { publishedPolicy } from "../workbook/wps/plugin-storage";
import type { CustomFunction } from "./custom-functions-shim";
import { CustomFunctionError } from "./custom-functions-shim";

export const NAMESPACE = "ASSESS";

/** An argument as Excel's runtime would give it. */
export function argumentIn(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row.map((x) => fromWps(x)) : fromWps(row)));
  if (typeof v === "string") {
    const c = fromWps(v);
    return c === null ? "" : (c);
  }
  return v;
}

/** Follows the policy published in PluginStorage: parsed once per distinct text. */
export class PolicyFollower {
  private seen: string | null = null;
  constructor(private readonly app: () => WpsObject | null) {}
  sync(): void {
    const app = this.app();
    if (!app) return;
    let text: string | null = null;
    try {
      text = publishedPolicy(app);
    } catch {
      return; // no PluginStorage in this build: the default policy stays
    }
    if (text === this.seen) return;
    this.seen = text;
    let policy: Policy | null = null;
    if (text !== null) {
      try {
        policy = loadPolicy(JSON.parse(text)).policy;
      } catch {
        policy = null;
      }
    }
    setActivePolicy(policy);
  }
}

/** One function as WPS calls it. */
export function wrap(fn: CustomFunction, policy: PolicyFollower): CustomFunction {
  return function wpsCustomFunction(...args: unknown[]): unknown {
    policy.sync();
    try {
      return fn(...args.map(argumentIn));
    } catch (e) {
      if (e instanceof CustomFunctionError) throw new Error(e.message);
      throw e;
    }
  };
}

/**
 * Register every associated function with WPS. Returns the ids registered, or null when this WPS has no
 * wps.AddCustomFunction (before 12.1.0.20540: the ribbon and the pane work, the functions do not).
 */
export function registerFunctions(wps: WpsObject | null, functions: ReadonlyMap<string, CustomFunction>, policy: PolicyFollower): string[] | null {
  if (!wps || typeof (wps as { AddCustomFunction?: unknown }).AddCustomFunction !== "function") return null;
  const ids: string[] = [];
  for (const [id, fn] of functions) {
    call(wps, "AddCustomFunction", NAMESPACE, id, wrap(fn, policy));
    ids.push(id);
  }
  return ids;
}
