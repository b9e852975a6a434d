// Running the task pane's verbs (PaneSession, no DOM) on the in-memory Excel double, and comparing
// what the workbook looked like before and after.
import type { SettingsStore } from "../../src/actions/policy-store";
import { OfficeWorkbook, OfficeWorkbookOptions } from "../../src/workbook/office";
import { ComputeOutcome, isTypedFailure, PaneSession, Prompts } from "../../src/taskpane/session";
import { createWorkbook, ExcelDouble, WorkbookFixture } from "../support/excel-double";

export interface Dump {
  sheets: { name: string; protected: boolean; frozenRows: number; conditionalFormats: unknown[]; cells: Record<string, Record<string, unknown>> }[];
  tables: { name: string; sheet: string; address: string }[];
}

/** Office's document settings over the double's (what src/taskpane/settings.ts does in Excel). */
export function doubleSettings(): SettingsStore {
  const s = (globalThis as unknown as { Office: typeof Office }).Office.context.document.settings;
  return {
    get: (k) => s.get(k),
    set: (k, v) => s.set(k, v),
    remove: (k) => s.remove(k),
    save: () => new Promise((resolve) => s.saveAsync(() => resolve())),
  };
}

export interface PaneRig {
  d: ExcelDouble;
  office: OfficeWorkbook;
  session: PaneSession;
  dump(): Dump;
}

export function paneOn(fixture: WorkbookFixture, options: OfficeWorkbookOptions = {}, undoLevels?: number): PaneRig {
  const d = createWorkbook(fixture).install(globalThis);
  const office = new OfficeWorkbook(options);
  const session = new PaneSession(office, doubleSettings(), undoLevels);
  return { d, office, session, dump: () => JSON.parse(JSON.stringify(d.dump())) as Dump };
}

/** Prompts that answer as a test says; every question is recorded. */
export function answering(over: { overwrite?: boolean; pick?: number | null } = {}): Prompts & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    overwrite: async () => {
      asked.push("overwrite");
      return over.overwrite ?? true;
    },
    pick: async (tables) => {
      asked.push(`pick:${tables.length}`);
      const i = over.pick === undefined ? 0 : over.pick;
      return i === null ? null : tables[i];
    },
  };
}

export type Attempt = { ok: true; outcome: ComputeOutcome; error?: undefined } | { ok: false; outcome?: undefined; error: unknown };

/** Compute through the session; a thrown value is returned, not thrown. */
export async function attemptCompute(rig: PaneRig, prompts: Prompts = answering()): Promise<Attempt> {
  try {
    const r = await rig.session.compute(prompts);
    if (!r.ran) throw new Error(`refused: ${r.busyWith} is running`);
    return { ok: true, outcome: r.value };
  } catch (error) {
    return { ok: false, error };
  }
}

/** What the user would read for a failure: both languages, one sentence each, no stack trace. */
export function expectExplained(error: unknown): { zh: string; en: string } {
  expect({ typed: isTypedFailure(error), error: String(error) }).toEqual({ typed: true, error: String(error) });
  const detail = (error as { detail: { zh: string; en: string } }).detail;
  for (const s of [detail.zh, detail.en]) {
    expect(s.length).toBeGreaterThan(5);
    expect(s).not.toMatch(/\n\s+at |TypeError|ReferenceError|undefined|\[object /);
  }
  expect(detail.zh).toMatch(/[\u4e00-\u9fff]/);
  return detail;
}

/** Column letters → number ("A" → 1). */
function columnOf(address: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { col: m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
}

/**
 * Every cell of `before` and `after` equal except the result cells of one table (sheet, columns)
 * and the sheets the add-in writes whole (校验结果, 考核统计 …).
 */
export function expectOnlyResultsChanged(before: Dump, after: Dump, results: { sheet: string; columns: number[] } | null, ownSheets: RegExp = /^(校验结果|考核统计)( \(\d+\))?$/): void {
  const names = (d: Dump) => d.sheets.map((s) => s.name).filter((n) => !ownSheets.test(n));
  expect(names(after)).toEqual(names(before));
  for (const sb of before.sheets) {
    if (ownSheets.test(sb.name)) continue;
    const sa = after.sheets.find((s) => s.name === sb.name)!;
    const keep = (cells: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(cells).filter(([a]) => !(results && results.sheet === sb.name && results.columns.includes(columnOf(a).col))));
    expect({ sheet: sb.name, cells: keep(sa.cells) }).toEqual({ sheet: sb.name, cells: keep(sb.cells) });
    expect({ sheet: sb.name, protected: sa.protected, cf: sa.conditionalFormats }).toEqual({ sheet: sb.name, protected: sb.protected, cf: sb.conditionalFormats });
  }
}

/** The result columns a computed outcome wrote. */
export function resultColumnsOf(outcome: ComputeOutcome): { sheet: string; columns: number[] } | null {
  if (outcome.status !== "computed") return null;
  const t = outcome.summary.tables[0];
  return t ? { sheet: t.sheet, columns: t.resultColumns.map((c) => c.column) } : null;
}
