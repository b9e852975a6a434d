// The pane's host in Excel (Office.js): the OfficeWorkbook adapter, Office's document settings, the
// browser's storage for the language, Office's theme, the shared runtime's visibility events and
// the ribbon's ExecuteFunction commands.
import { OfficeWorkbook } from "../workbook/office";
import type { CommandId, HostTheme, Outcome, PaneHost, ProgressPhase } from "./host";
import { languageStorage, officeSettings } from "./settings";

type Listener<T extends unknown[]> = (...args: T) => void;

/** #RGB / #RRGGBB → relative luminance (0 black … 1 white); null when it is not a colour. */
export function luminance(colour: string | undefined): number | null {
  if (!colour) return null;
  let hex = colour.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const lin = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(0) + 0.7152 * lin(2) + 0.0722 * lin(4);
}

/** Office's theme as the pane's: isDarkTheme when Office says it, else from the body background. */
export function themeOf(t: Partial<Office.OfficeTheme> | null | undefined): HostTheme | null {
  if (!t || typeof t !== "object") return null;
  const background = typeof t.bodyBackgroundColor === "string" ? t.bodyBackgroundColor : undefined;
  const foreground = typeof t.bodyForegroundColor === "string" ? t.bodyForegroundColor : undefined;
  const lum = luminance(background);
  const dark = typeof t.isDarkTheme === "boolean" ? t.isDarkTheme : lum !== null ? lum < 0.35 : null;
  if (dark === null) return null;
  return { dark, ...(background ? { background } : {}), ...(foreground ? { foreground } : {}) };
}

export class OfficeHost implements PaneHost {
  readonly name = "excel" as const;
  readonly workbook: OfficeWorkbook;
  readonly settings = officeSettings();
  readonly preferences = languageStorage;
  readonly engineWorkerUrl = "engine-worker.js";
  private readonly progressListeners = new Set<Listener<[ProgressPhase, number, number]>>();
  /** Known from Office's visibility events; before the first one, from the page's visibility. */
  private shown: boolean | null = null;
  private readonly visibilityListeners: Listener<[boolean]>[] = [];

  constructor() {
    this.workbook = new OfficeWorkbook({ onProgress: (phase, done, total) => this.progressListeners.forEach((l) => l(phase, done, total)) });
    // The shared runtime keeps this page while the pane is closed; it says when the pane shows or hides.
    try {
      const addin = (Office as unknown as { addin?: { onVisibilityModeChanged?: (h: (a: { visibilityMode: string }) => void) => unknown } }).addin;
      addin?.onVisibilityModeChanged?.((args) => {
        const shown = args.visibilityMode !== "Hidden";
        this.shown = shown;
        this.visibilityListeners.forEach((l) => l(shown));
      });
    } catch {
      // no shared runtime: the pane is the page, shown while it exists
    }
  }

  onProgress(listener: Listener<[ProgressPhase, number, number]>): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  theme(): HostTheme | null {
    try {
      return themeOf(Office.context.officeTheme);
    } catch {
      return null;
    }
  }

  onThemeChange(listener: (theme: HostTheme) => void): void {
    // Excel gives no theme-changed event to a task pane in every version: listen where it exists.
    try {
      const doc = Office.context.document as unknown as { addHandlerAsync?: (type: string, h: (a: { officeTheme?: Office.OfficeTheme }) => void, cb?: () => void) => void };
      doc.addHandlerAsync?.("officeThemeChanged", (args) => {
        const t = themeOf(args?.officeTheme);
        if (t) listener(t);
      }, () => undefined);
    } catch {
      // not offered by this host
    }
  }

  visible(): boolean {
    return this.shown ?? document.visibilityState !== "hidden";
  }

  onVisibilityChange(listener: (visible: boolean) => void): void {
    this.visibilityListeners.push(listener);
  }

  async showPane(): Promise<void> {
    const addin = (Office as unknown as { addin?: { showAsTaskpane?: () => Promise<void> } }).addin;
    if (addin?.showAsTaskpane) await addin.showAsTaskpane();
  }

  /**
   * Excel has no message bar for add-ins: the outcome of a ribbon command run while the pane is
   * closed is shown by opening the pane on it (its result is focused and read out there).
   */
  async notify(_outcome: Outcome): Promise<void> {
    await this.showPane().catch(() => undefined);
  }

  registerCommands(handlers: Record<CommandId, () => Promise<void>>): void {
    const actions = (Office as unknown as { actions?: { associate?: (id: string, fn: (event: { completed(): void }) => void) => void } }).actions;
    if (!actions?.associate) return;
    for (const [id, run] of Object.entries(handlers)) {
      // Ribbon buttons (manifest ExecuteFunction) call these by id; event.completed tells Office the command ended.
      actions.associate(`assess.${id}`, (event) => {
        void run().finally(() => event?.completed?.());
      });
    }
  }
}
