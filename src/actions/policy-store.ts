// The policy a workbook carries (INTERFACES.md §1e): stored with the document, so it travels with the
// file. Host-neutral: the task pane hands in Office's document settings, a test a plain map.
import { DEFAULT_POLICY_DOCUMENT, loadPolicy, Policy, PolicyDocument } from "../engine/policy";
import type { Finding } from "../engine/types";

/** Key/value settings saved with the document (Office.context.document.settings in Excel). */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Persist the settings into the document. */
  save(): Promise<void>;
}

export const POLICY_SETTING = "assess.policy";

export interface StoredPolicy {
  policy: Policy;
  /** "workbook" when the document carries a valid policy, else "default". */
  source: "workbook" | "default";
  /** Why a policy stored in the document was not used (POLICY_INVALID / WEIGHTS_SUM findings). */
  findings: Finding[];
}

function parseStored(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw; // loadPolicy reports a non-object
  }
}

/** The policy of the document: the stored one when valid, else the default with the reasons. */
export function loadStoredPolicy(store: SettingsStore): StoredPolicy {
  const raw = store.get(POLICY_SETTING);
  if (raw === null || raw === undefined) return { policy: loadPolicy().policy as Policy, source: "default", findings: [] };
  const r = loadPolicy(parseStored(raw));
  if (r.policy) return { policy: r.policy, source: "workbook", findings: [] };
  return { policy: loadPolicy().policy as Policy, source: "default", findings: r.findings };
}

/** Check an edited policy document; the findings say why it is refused. */
export function checkPolicy(doc: PolicyDocument): { policy: Policy | null; findings: Finding[] } {
  const r = loadPolicy(doc);
  return { policy: r.policy, findings: r.findings };
}

/** Validate and store a policy with the document. Nothing is stored when it is invalid. */
export async function savePolicy(store: SettingsStore, doc: PolicyDocument): Promise<{ policy: Policy | null; findings: Finding[] }> {
  const r = checkPolicy(doc);
  if (!r.policy) return r;
  store.set(POLICY_SETTING, JSON.stringify(r.policy));
  await store.save();
  return r;
}

/** Forget the document's policy: the default applies again. */
export async function resetPolicy(store: SettingsStore): Promise<Policy> {
  store.remove(POLICY_SETTING);
  await store.save();
  return loadPolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY_DOCUMENT))).policy as Policy;
}
