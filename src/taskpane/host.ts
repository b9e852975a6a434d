// What the task pane needs from the program it runs in (Excel today, WPS next). The pane's session
// and views use only this interface; `office-host.ts` implements it with Office.js, and a WPS host
// implements the same with the WPS object model. Nothing here names Office.
import type { SettingsStore } from "../actions/policy-store";
import type { WorkbookPort } from "../workbook/port";

/** Where the reason of a highlighted row goes besides the 说明 column. */
export type NoteMode = "notes" | "comments" | "none";

/** What a block of reads or writes is doing (the workbook adapter reports it per block). */
export type ProgressPhase = "read" | "write" | "format" | "snapshot" | "restore" | "sheet";

/** The selected cell and the active sheet. Rows and columns are 1-based worksheet numbers. */
export interface CellSelection {
  sheet: string;
  row: number;
  column: number;
  activeSheet: string;
}

/**
 * The workbook as the pane uses it: the actions' port plus what only a pane asks (the selection,
 * protected sheets, a recalculation after a policy change, whether notes exist).
 */
export interface PaneWorkbook extends WorkbookPort {
  /** Requirement checks made once: where reasons go besides the 说明 column. */
  capabilities(): { notes: NoteMode };
  /** The selected cell's sheet and position, and the active sheet; null when there is none. */
  selection(): Promise<CellSelection | null>;
  /** Select a cell (A1 address) on a sheet and show that sheet. */
  select(sheet: string, cell: string): Promise<void>;
  /** Of `names`, the sheets that exist and are protected. */
  protectedSheets(names: readonly string[]): Promise<string[]>;
  /** Recalculate the workbook (the custom functions follow a new policy). */
  recalculate(): Promise<void>;
}

/** The user's own preferences (the language): kept per user, not in the document. */
export interface Preferences {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** The host's colours: dark or light, and the body colours when the host gives them (#RRGGBB). */
export interface HostTheme {
  dark: boolean;
  background?: string;
  foreground?: string;
}

/** A ribbon (toolbar) command the pane answers while it is open or closed. */
export type CommandId = "compute" | "validate";

/** A verb's outcome in one line, for a host notification when the pane is closed. */
export interface Outcome {
  kind: "success" | "error" | "info";
  title: string;
  text: string;
}

export interface PaneHost {
  /** For messages and tests: which program this is. */
  readonly name: "excel" | "wps" | "test";
  readonly workbook: PaneWorkbook;
  /** Saved with the document: the policy (assess.policy) and what the add-in wrote (assess.written). */
  readonly settings: SettingsStore;
  readonly preferences: Preferences;
  /**
   * The engine's Web Worker script (dist/engine-worker.js), when the host allows workers: the verbs
   * then compute off the page's thread. Without it (or when it fails to start) they run on the page.
   */
  readonly engineWorkerUrl?: string;
  /** The workbook adapter's block progress (blocks done and in the current call); unsubscribe with the result. */
  onProgress(listener: (phase: ProgressPhase, done: number, total: number) => void): () => void;
  /** The host's theme now; null when the host does not say (the pane follows the system's). */
  theme(): HostTheme | null;
  /** Called when the host's theme changes (a host that cannot tell never calls it). */
  onThemeChange(listener: (theme: HostTheme) => void): void;
  /** Whether the pane is showing (a shared runtime keeps the page alive while the pane is closed). */
  visible(): boolean;
  /** Called when the pane is shown or closed. */
  onVisibilityChange(listener: (visible: boolean) => void): void;
  /** Show the pane. */
  showPane(): Promise<void>;
  /** Tell the user a verb's outcome while the pane is closed (a dialog, a host message …). */
  notify(outcome: Outcome): Promise<void>;
  /** Answer the host's ribbon or toolbar commands. A host without commands ignores this. */
  registerCommands(handlers: Record<CommandId, () => Promise<void>>): void;
}
