// Office's document settings (saved inside the workbook) as the actions' SettingsStore.
import type { SettingsStore } from "../actions/policy-store";

export function officeSettings(): SettingsStore {
  const s = Office.context.document.settings;
  return {
    get: (key): unknown => s.get(key) as unknown,
    set: (key, value) => s.set(key, value),
    remove: (key) => s.remove(key),
    save: () =>
      new Promise<void>((resolve, reject) =>
        s.saveAsync((r: Office.AsyncResult<void>) => (r.status === Office.AsyncResultStatus.Failed ? reject(new Error(r.error?.message ?? "saveAsync failed")) : resolve())),
      ),
  };
}

/** The user's language choice, kept in the browser's storage (a per-user preference, not the document's). */
export const languageStorage = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // storage unavailable (private mode): the choice lasts for this session
    }
  },
};
