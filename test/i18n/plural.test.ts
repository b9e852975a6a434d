// Sentence templates: {name} filled, {n|one|many} the noun for the count, so English needs no "(s)".
import { fillTemplate } from "../../src/i18n/plural";
import { t } from "../../src/i18n/pane";
import { tr } from "../../src/i18n/paneRaw";

describe("fillTemplate", () => {
  test("a parameter as text, and the noun for a count", () => {
    expect(fillTemplate("{n} {n|step|steps} to undo; next: {what}", { n: 1, what: "Compute" })).toBe("1 step to undo; next: Compute");
    expect(fillTemplate("{n} {n|step|steps} to undo; next: {what}", { n: 3, what: "Compute" })).toBe("3 steps to undo; next: Compute");
    expect(fillTemplate("{n} {n|step|steps}", { n: 0 })).toBe("0 steps");
    expect(fillTemplate("{n} {n|setting needs|settings need} changing", { n: 1 })).toBe("1 setting needs changing");
  });
  test("a placeholder without its parameter stays as written; Chinese text untouched", () => {
    expect(fillTemplate("{a} and {b|x|y}", {})).toBe("{a} and {b|x|y}");
    expect(fillTemplate("可撤销 {n} 步", { n: 2 })).toBe("可撤销 2 步");
  });
});

describe("the pane's counted sentences", () => {
  test("undo line and filled cells, in English and Chinese", () => {
    expect(t("en", "undoNext", { n: 1, what: "Compute ranking" })).toBe("1 step to undo; next: Compute ranking");
    expect(t("en", "undoNext", { n: 2, what: "Compute ranking" })).toBe("2 steps to undo; next: Compute ranking");
    expect(t("zh", "undoNext", { n: 1, what: "计算排名" })).toBe("可撤销 1 步，下一步撤销：计算排名");
    expect(t("en", "undoDoneMore", { n: 1, what: "Compute ranking" })).toBe("Undone: Compute ranking. The workbook is as it was before that step (1 more step can be undone).");
    expect(t("en", "undoDoneMore", { n: 3, what: "Compute ranking" })).toBe("Undone: Compute ranking. The workbook is as it was before that step (3 more steps can be undone).");
    expect(tr("en", "noticesDone", { n: 1, file: "a.docx" })).toBe("Feedback notices made: 1 unit; the file a.docx was downloaded.");
    expect(tr("en", "noticesErrors", { n: 2 })).toBe("The workbook has 2 errors: a unit without a total says why in its notice.");
  });
});
