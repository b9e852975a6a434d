// The ribbon's verbs (WPS) as the pane's own buttons: 计算排名, 校验, 反馈, 撤销 run exactly what
// clicking them in the pane runs, on the tab that shows their outcome.
import type { RibbonVerb } from "../workbook/wps/plugin-storage";

export interface PaneVerbs {
  compute(): Promise<void>;
  validate(): Promise<void>;
  feedback(): Promise<void>;
  undoLast(): Promise<void>;
  /** Bring a tab to the front (the pane's own tab switch: arrow-key focus, panel, notices). */
  showTab(tab: "compute" | "validate" | "feedback"): void;
}

/** The pane's tab that shows each verb's outcome (撤销 stays where the user is). */
export const VERB_TAB: Record<RibbonVerb, "compute" | "validate" | "feedback" | null> = { compute: "compute", validate: "validate", feedback: "feedback", undo: null };

export function ribbonVerbRunner(pane: PaneVerbs): (verb: RibbonVerb) => Promise<void> {
  return (verb) => {
    const tab = VERB_TAB[verb];
    if (tab) pane.showTab(tab);
    switch (verb) {
      case "compute":
        return pane.compute();
      case "validate":
        return pane.validate();
      case "feedback":
        return pane.feedback();
      case "undo":
        return pane.undoLast();
    }
  };
}
