// The ribbon's verbs (WPS) as the pane's own buttons: 计算排名, 校验, 反馈, 撤销 run exactly what
// clicking them in the pane runs, and the pane shows the outcome.
import type { RibbonVerb } from "../workbook/wps/plugin-storage";

export interface PaneVerbs {
  compute(): Promise<void>;
  validate(): Promise<void>;
  feedback(): Promise<void>;
  undoLast(): Promise<void>;
}

export function ribbonVerbRunner(pane: PaneVerbs): (verb: RibbonVerb) => Promise<void> {
  return (verb) => {
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
