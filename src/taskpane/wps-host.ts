// The pane's host in WPS 表格 (a JS 加载项 task pane, WPS.CreateTaskPane): the WPS adapter over
// window.Application, the document settings on the workbook's very hidden sheet, the page's storage for
// the language, and the ribbon's verbs, which index.html posts in PluginStorage (the pane holds the
// session and its undo stack, so a verb from the ribbon goes on the same stack as one from the pane).
import type { SettingsStore } from "../actions/policy-store";
import { activePolicy } from "../engine/active-policy";
import { WpsWorkbook } from "../workbook/wps/adapter";
import type { WpsObject } from "../workbook/wps/com";
import { publishPolicy, RibbonVerb, takeCommand } from "../workbook/wps/plugin-storage";
import { WpsDocumentSettings } from "../workbook/wps/settings";
import type { CommandId, HostTheme, Outcome, PaneHost, PaneWorkbook, Preferences, ProgressPhase } from "./host";
import { languageStorage } from "./settings";

type Listener<T extends unknown[]> = (...args: T) => void;

/** The WPS adapter as the pane uses it: a policy change is published for the custom functions before the recalculation. */
class WpsPaneWorkbook extends WpsWorkbook implements PaneWorkbook {
  constructor(
    private readonly hostApp: () => WpsObject | null,
    onProgress: (phase: ProgressPhase, done: number, total: number) => void,
  ) {
    super({ application: hostApp, onProgress });
  }

  override async recalculate(): Promise<void> {
    const a = this.hostApp();
    // index.html runs the custom functions; they read the active policy from PluginStorage.
    if (a) publishPolicy(a, JSON.stringify(activePolicy()));
    return super.recalculate();
  }
}

export class WpsHost implements PaneHost {
  readonly name = "wps" as const;
  readonly workbook: PaneWorkbook;
  readonly settings: SettingsStore;
  readonly preferences: Preferences = languageStorage;
  private readonly progressListeners = new Set<Listener<[ProgressPhase, number, number]>>();

  constructor(private readonly app: () => WpsObject | null) {
    this.workbook = new WpsPaneWorkbook(app, (phase, done, total) => this.progressListeners.forEach((l) => l(phase, done, total)));
    this.settings = new WpsDocumentSettings(app);
  }

  onProgress(listener: Listener<[ProgressPhase, number, number]>): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** WPS gives a task pane no theme: the pane follows the system's. */
  theme(): HostTheme | null {
    return null;
  }

  onThemeChange(): void {
    // no theme event in WPS's task pane API
  }

  /** The pane is its own page in WPS: it is showing while it exists. */
  visible(): boolean {
    return true;
  }

  onVisibilityChange(): void {
    // the page goes away with the pane
  }

  async showPane(): Promise<void> {
    // the pane is showing: this page is the pane
  }

  async notify(_outcome: Outcome): Promise<void> {
    // the pane shows every outcome itself
  }

  registerCommands(_handlers: Record<CommandId, () => Promise<void>>): void {
    // the ribbon's verbs arrive through PluginStorage: see followRibbon
  }

  /**
   * Run the verbs the ribbon posts: the one pending when the pane opens, then every `intervalMs`.
   * Returns a stop function.
   */
  followRibbon(run: (verb: RibbonVerb) => Promise<void>, intervalMs = 400): () => void {
    let running = false;
    const tick = async () => {
      if (running) return;
      const a = this.app();
      let verb: RibbonVerb | null = null;
      try {
        verb = a ? takeCommand(a) : null;
      } catch {
        verb = null;
      }
      if (!verb) return;
      running = true;
      try {
        await run(verb);
      } finally {
        running = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), intervalMs);
    return () => clearInterval(timer);
  }
}
