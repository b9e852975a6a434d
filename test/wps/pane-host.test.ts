// The task pane's session on the WPS host (src/taskpane/wps-host.ts) and the WPS double: the pane's verbs
// keep their record and the policy in the workbook's very hidden settings sheet, a policy change is
// published for the custom functions (index.html) and recalculates, and the ribbon's verbs reach the pane.
import { POLICY_SETTING } from "../../src/actions/policy-store";
import { defaultPolicy } from "../../src/engine/policy";
import { WRITTEN_SETTING } from "../../src/taskpane/logic";
import { PaneSession } from "../../src/taskpane/session";
import { ribbonVerbRunner } from "../../src/taskpane/wps-commands";
import { WpsHost } from "../../src/taskpane/wps-host";
import { COMMAND_KEY, POLICY_KEY, postCommand, RibbonVerb } from "../../src/workbook/wps/plugin-storage";
import { SETTINGS_SHEET, WpsDocumentSettings } from "../../src/workbook/wps/settings";
import { answering } from "../reliability/pane-support";
import { createWorkbook } from "../support/wps-double";

jest.setTimeout(120_000);

describe("PaneSession on the WPS host", () => {
  const d = createWorkbook({ sheets: [{ name: "Sheet1" }], active: "Sheet1" });
  const host = new WpsHost(() => d.application as never);
  const session = new PaneSession(host.workbook, host.settings);
  const fresh = () => new WpsDocumentSettings(() => d.application as never);

  test("the host says what the pane needs: notes are ET's comments, no theme, always visible", () => {
    expect(host.name).toBe("wps");
    expect(host.workbook.capabilities()).toEqual({ notes: "notes" });
    expect(host.theme()).toBeNull();
    expect(host.visible()).toBe(true);
  });

  test("示例 → 计算排名: results written, and the record of what the add-in wrote is saved in the workbook", async () => {
    const s = await session.insertSample();
    expect(s.ran && s.value.status).toBe("inserted");
    const r = await session.compute(answering(), { feedbackDate: "2024-03-15" });
    expect(r.ran && r.value.status).toBe("computed");
    expect(d.sheetVisibility(SETTINGS_SHEET)).toBe(2);
    const written = fresh().get(WRITTEN_SETTING);
    expect(typeof written).toBe("string");
    expect(Object.keys(JSON.parse(written as string)).length).toBeGreaterThan(0);
    // A second compute knows the result columns are its own: nothing to ask.
    const asked = answering();
    const again = await session.compute(asked, { feedbackDate: "2024-03-15" });
    expect(again.ran && again.value.status).toBe("computed");
    expect(asked.asked).toEqual([]);
  });

  test("a saved policy goes into the workbook and to the custom functions, and the workbook recalculates", async () => {
    const doc = JSON.parse(JSON.stringify(defaultPolicy())) as Record<string, unknown>;
    doc.weights = { P: 0.5, D: 0.125, L: 0.125, S: 0.125, B: 0.125 };
    const before = d.calculations;
    const r = await session.savePolicy(doc as never);
    expect(r.ran && r.value.saved).toBe(true);
    expect(JSON.parse(fresh().get(POLICY_SETTING) as string).weights.P).toBe(0.5);
    expect(JSON.parse(String(d.pluginStorage.get(POLICY_KEY))).weights.P).toBe(0.5);
    expect(d.calculations).toBe(before + 1);
  });

  test("撤销 walks back through the policy change, the computes and the sample to the blank workbook (the settings sheet aside)", async () => {
    // The saved policy is a step of its own on the undo stack (issue #12): four steps back.
    for (let i = 0; i < 4; i++) expect((await session.undoLast()).ran).toBe(true);
    expect(d.sheetNames()).toEqual(["Sheet1"]);
    expect(d.values("Sheet1", "A1:C3")).toEqual([["", "", ""], ["", "", ""], ["", "", ""]]);
  });

  test("the ribbon's verbs reach the pane: the pending one at once, later ones as they come, each once", async () => {
    const ran: RibbonVerb[] = [];
    const tabs: string[] = [];
    const verbs = { compute: async () => void ran.push("compute"), validate: async () => void ran.push("validate"), feedback: async () => void ran.push("feedback"), undoLast: async () => void ran.push("undo"), showTab: (tab: string) => void tabs.push(tab) };
    postCommand(d.application as never, "validate");
    const stop = host.followRibbon(ribbonVerbRunner(verbs), 20);
    try {
      await new Promise((r) => setTimeout(r, 60));
      postCommand(d.application as never, "undo");
      await new Promise((r) => setTimeout(r, 100));
      expect(ran).toEqual(["validate", "undo"]);
      expect(tabs).toEqual(["validate"]); // the verb's tab first; 撤销 leaves the pane where it is
      expect(d.pluginStorage.has(COMMAND_KEY)).toBe(false);
    } finally {
      stop();
    }
  });
});
