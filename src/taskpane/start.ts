// Start the pane on any host (PaneHost): Excel's boot (taskpane.ts) and a WPS boot call this once
// their host is ready.
import { App } from "./app";
import type { PaneHost } from "./host";

export function startPane(root: HTMLElement, host: PaneHost): App {
  const app = new App(root, host);
  document.documentElement.lang = app.lang === "zh" ? "zh-CN" : "en";
  app.start();
  return app;
}
