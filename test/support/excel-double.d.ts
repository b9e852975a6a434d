// Types of the in-memory Excel double (excel-double.js), for the jest tests.

export interface CellSpec {
  value?: string | number | boolean;
  formula?: string;
  result?: string | number;
  fill?: string;
  note?: string;
  comment?: string;
  numberFormat?: string;
}

export interface SheetFixture {
  name: string;
  /** Typed input from `top`/`left` (default A1): "=…" is a formula, "'…" text. */
  rows?: (string | number | boolean | null)[][];
  top?: number;
  left?: number;
  cells?: Record<string, CellSpec>;
  protected?: boolean;
  tables?: { name: string; address: string; showTotals?: boolean; showHeaders?: boolean }[];
}

export interface WorkbookFixture {
  sheets?: SheetFixture[];
  active?: string;
  selection?: string;
  /** Highest supported ExcelApi requirement set, e.g. "1.18" (default), "1.12", "1.9". */
  excelApi?: string;
  settings?: Record<string, unknown>;
  payloadLimit?: number;
  responseLimit?: number;
  onReady?: "excel" | "never" | "no-host";
  /** Office.context.officeTheme (absent: undefined, as in hosts without themes). */
  officeTheme?: { bodyBackgroundColor?: string; bodyForegroundColor?: string; controlBackgroundColor?: string; controlForegroundColor?: string; isDarkTheme?: boolean };
}

export interface RequestRecord {
  bytes: number;
  responseBytes: number;
  ops: number;
  names: string[];
}

export interface CellState {
  value: string | number | boolean;
  type: "Empty" | "String" | "Double" | "Boolean" | "Error";
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  note: string | null;
  comment: string | null;
  prefix: boolean;
}

export interface ExcelDouble {
  readonly stats: { syncs: number; runs: number; requests: RequestRecord[]; suspended?: number };
  resetStats(): void;
  install(root?: unknown): ExcelDouble;
  installBrowser(win?: unknown): ExcelDouble;
  sheetNames(): string[];
  /** The charts of a sheet: what each was made from (addresses like "A1:E4"). */
  charts(sheet: string): { name: string; type: string; seriesBy: string; source: string; title: string; categoryTitle: string; valueTitle: string; valueStep: number | null; position: string | null }[];
  cell(sheet: string, address: string): CellState;
  values(sheet: string, address: string): (string | number | boolean)[][];
  table(name: string): { name: string; sheet: string; address: string; columns: string[] } | null;
  setProtected(sheet: string, on: boolean): void;
  select(address: string): void;
  setExcelApi(version: string): void;
  /**
   * The nth sync from now (1-based) fails with `code`, after applying its first `afterOps` commands;
   * `times` syncs in a row; with `onOp`, only syncs carrying that command (e.g. "Range.values=") count. 0 cancels.
   */
  failSync(nth: number, options?: { code?: string; afterOps?: number; times?: number; onOp?: string }): void;
  type(sheet: string, address: string, input: string | number | boolean): void;
  /** Close or open the task pane (Office.addin.onVisibilityModeChanged handlers are told). */
  setPaneVisible(on: boolean): void;
  readonly paneVisible: boolean;
  /** Run a ribbon command (Office.actions.associate'd id); resolves when it calls event.completed(). */
  invokeAction(id: string): Promise<true>;
  readonly actionIds: string[];
  readonly settings: Record<string, unknown>;
  readonly savedSettings: Record<string, unknown>;
  readonly calculations: string[];
  dump(): unknown;
}

export function createWorkbook(fixture?: WorkbookFixture): ExcelDouble;
export function parseAddress(address: string): { sheet?: string; top: number; left: number; bottom: number; right: number };
export function colLetters(col: number): string;
export const PAYLOAD_LIMIT: number;
export class OfficeExtensionError extends Error {
  code: string;
}
