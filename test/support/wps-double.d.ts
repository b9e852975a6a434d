// Types of the in-memory WPS double (wps-double.js), for the jest tests.

export interface WpsCellSpec {
  value?: string | number | boolean;
  formula?: string;
  result?: string | number;
  /** BGR long, as Interior.Color. */
  fill?: number;
  bold?: boolean;
  comment?: string;
  numberFormat?: string;
}

export interface WpsSheetFixture {
  name: string;
  rows?: (string | number | boolean | null)[][];
  top?: number;
  left?: number;
  cells?: Record<string, WpsCellSpec>;
  protected?: boolean;
  visible?: number;
  tables?: { name: string; address: string; showTotals?: boolean; showHeaders?: boolean }[];
}

export interface WpsFixture {
  sheets?: WpsSheetFixture[];
  active?: string;
  selection?: string;
  flavour?: "property" | "method";
  build?: number;
  name?: string;
}

export interface WpsCellState {
  value: string | number | boolean;
  type: "Empty" | "String" | "Double" | "Boolean" | "Error";
  formula: string | null;
  numberFormat: string;
  fill: number | null;
  bold: boolean;
  comment: string | null;
  prefix: boolean;
  error: string | null;
}

export interface WpsDump {
  sheets: { name: string; protected: boolean; visible: number; cells: Record<string, Partial<WpsCellState>> }[];
  tables: { name: string; sheet: string; box: { top: number; left: number; bottom: number; right: number }; showHeaders: boolean; showTotals: boolean }[];
}

export interface WpsDouble {
  /** What WPS gives a page as window.Application (and window.wps). */
  readonly application: object;
  install(root?: unknown): WpsDouble;
  readonly calls: Record<string, number>;
  resetCalls(): void;
  failOn(member: string, nth?: number): void;
  fire(event: string, ...args: unknown[]): void;
  sheetNames(all?: boolean): string[];
  sheetVisibility(name: string): number | null;
  cell(sheet: string, address: string): WpsCellState;
  values(sheet: string, address: string): (string | number | boolean)[][];
  table(name: string): { name: string; sheet: string; address: string; columns: string[] } | null;
  setProtected(sheet: string, on: boolean): void;
  select(address: string): void;
  readonly activeSheet: string;
  readonly selection: { sheet: string; address: string } | null;
  type(sheet: string, address: string, input: string | number | boolean): void;
  readonly functions: string[];
  metadataOf(id: string): unknown;
  readonly calculations: number;
  readonly pluginStorage: Map<string, unknown>;
  readonly taskPanes: { ID: number; url: string; title?: string; Visible: boolean }[];
  readonly displayAlerts: boolean;
  readonly screenUpdating: boolean;
  dump(): WpsDump;
}

export function createWorkbook(fixture?: WpsFixture): WpsDouble;
export function rgb(r: number, g: number, b: number): number;
export const XL_NONE: number;
export const WHITE: number;
