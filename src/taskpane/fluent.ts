// The Fluent 2 controls the pane uses, from Microsoft's own kit (@fluentui/web-components: framework-
// free custom elements), and the theme: Fluent's light or dark tokens after Office's theme.
// Text fields and selects stay native elements styled with Fluent's tokens (taskpane.css): their
// aria-invalid / aria-describedby must sit on the focusable element itself, which a shadow-DOM input
// cannot offer to a label or message outside it.
import "@fluentui/web-components/button/define.js";
import "@fluentui/web-components/tab/define.js";
import "@fluentui/web-components/tablist/define.js";
import "@fluentui/web-components/dialog/define.js";
import "@fluentui/web-components/dialog-body/define.js";
import "@fluentui/web-components/progress-bar/define.js";
import { setTheme } from "@fluentui/web-components";
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";
import type { HostTheme } from "./host";

/** Fluent's tokens for the host's theme (light when the host says nothing and the system is light). */
export function applyTheme(theme: HostTheme | null): void {
  const dark = theme ? theme.dark : typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  setTheme(dark ? webDarkTheme : webLightTheme);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}
