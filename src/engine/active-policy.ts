// The active policy of the running add-in. The custom functions and the task pane are separate
// bundles in one shared-runtime page, so the policy lives on the page's global object, not in a
// module variable each bundle would have a copy of.
import { defaultPolicy, Policy } from "./policy";

const KEY = "__assessActivePolicy";
type Holder = { [KEY]?: Policy };

export function activePolicy(): Policy {
  return (globalThis as Holder)[KEY] ?? defaultPolicy();
}

export function setActivePolicy(policy: Policy | null): void {
  if (policy) (globalThis as Holder)[KEY] = policy;
  else delete (globalThis as Holder)[KEY];
}
