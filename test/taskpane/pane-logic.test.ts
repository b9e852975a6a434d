// The pane's host-free decisions: which table, what counts as content the add-in did not write,
// the policy form, the policy stored with the document, undo bookkeeping.
import { loadStoredPolicy, POLICY_SETTING, resetPolicy, savePolicy, SettingsStore } from "../../src/actions/policy-store";
import { UndoStore } from "../../src/actions/undo";
import { DEFAULT_POLICY_DOCUMENT, PolicyDocument } from "../../src/engine/policy";
import type { CellValue, RawTable } from "../../src/engine/types";
import { resultConflicts } from "../../src/actions";
import { planResultColumns } from "../../src/actions/layout";
import { ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS } from "../../src/engine/headers";
import { chooseTable, fingerprint, localToday, ownResultsOf, readFeedbackDate, recordWritten, tableKey } from "../../src/taskpane/logic";
import { controlOf, draftFromPolicy, draftProblems, fieldOf, fromPercent, policyFromDraft, shiftDecimal, splitList, toPercent } from "../../src/taskpane/policy-form";
import { t } from "../../src/i18n/pane";
import type { TableRef, WorkbookPort } from "../../src/workbook/port";

const table = (over: Partial<TableRef> = {}): TableRef => ({ sheet: "年度考核", kind: "annual", headerRow: 1, firstColumn: 1, lastColumn: 14, lastRow: 12, ...over });

describe("chooseTable", () => {
  const a = table({ name: "A" });
  const b = table({ name: "B", headerRow: 20, lastRow: 30 });
  const c = table({ name: "C", sheet: "其他" });
  const unit = table({ name: "U", kind: "unit", sheet: "绩效" });

  test("the selected table wins", () => {
    expect(chooseTable([a, b, c], { sheet: "年度考核", row: 25, column: 3, activeSheet: "年度考核" })).toEqual({ table: b });
  });
  test("else the only annual table on the active sheet", () => {
    expect(chooseTable([a, c, unit], { sheet: "年度考核", row: 40, column: 1, activeSheet: "年度考核" })).toEqual({ table: a });
  });
  test("else ask among the sheet's tables, or the workbook's", () => {
    expect(chooseTable([a, b, c], { sheet: "年度考核", row: 40, column: 1, activeSheet: "年度考核" })).toEqual({ ask: [a, b] });
    expect(chooseTable([a, c], { sheet: "绩效", row: 1, column: 1, activeSheet: "绩效" })).toEqual({ ask: [a, c] });
    expect(chooseTable([c, unit], { sheet: "绩效", row: 1, column: 1, activeSheet: "绩效" })).toEqual({ table: c });
    expect(chooseTable([unit], null)).toEqual({ none: true });
  });
});

describe("content the add-in did not write", () => {
  const headers = ["编号", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "综合得分"];
  const ref = table({ lastColumn: 8, lastRow: 3 });
  const raw = (composite: CellValue[]): RawTable => ({ sheet: ref.sheet, headers, rows: composite.map((c, i) => [`A${i}`, 90, 90, 90, 90, 90, "过得硬", c]), headerRow: 1, firstColumn: 1 });
  const layoutFor = (r: RawTable) => planResultColumns(ref, r.headers, ANNUAL_COLUMNS, ANNUAL_RESULT_COLUMNS);
  const columns = (r: RawTable, own: ReturnType<typeof ownResultsOf>) => resultConflicts(ref, r, layoutFor(r), own, null).filter((c) => c.what === "column");

  test("an existing result column typed by hand is foreign; the same values written by the add-in are not", () => {
    const r = raw([91, 92]);
    const layout = layoutFor(r);
    expect(layout.columns[0]).toMatchObject({ key: "composite", column: 8, existing: true });
    expect(columns(r, ownResultsOf({}))).toHaveLength(1);
    expect(columns(r, ownResultsOf({}))[0]).toMatchObject({ header: "综合得分", range: { sheet: ref.sheet, top: 2, left: 8, bottom: 3, right: 8 } });
    const written = recordWritten({}, ref, layout, { composite: [91, 92] });
    expect(columns(r, ownResultsOf(written))).toEqual([]);
    expect(columns(raw([91, 99]), ownResultsOf(written))).toHaveLength(1);
    expect(columns(raw([null, ""]), ownResultsOf({}))).toEqual([]);
    // Written by the add-in, but into another column since: foreign.
    expect(columns(r, ownResultsOf(recordWritten({}, ref, { columns: [{ key: "composite", column: 9 }] }, { composite: [91, 92] })))).toHaveLength(1);
  });

  test("a non-empty area right of the table is foreign", () => {
    const r = raw([null, null]);
    const layout = layoutFor(r);
    expect(layout.appendArea).toMatchObject({ left: 9, right: 11 });
    // The area is I1:K3 (columns 9–11 from the header row); "x" is its second row, second column: J2 only.
    expect(layout.appendArea).toMatchObject({ top: 1, left: 9, bottom: 3, right: 11 });
    expect(resultConflicts(ref, r, layout, undefined, [[null, null, null], [null, "x", null], [null, null, null]])).toEqual([{ sheet: ref.sheet, kind: "annual", what: "area", range: { sheet: ref.sheet, top: 2, left: 10, bottom: 2, right: 10 } }]);
    // Two filled runs in one column: two ranges, blanks between them left out.
    expect(resultConflicts(ref, r, layout, undefined, [["a", null, null], [null, null, null], ["b", null, null]]).map((c) => [c.range.top, c.range.bottom, c.range.left])).toEqual([[1, 1, 9], [3, 3, 9]]);
    expect(resultConflicts(ref, r, layout, undefined, [[null, null, null]])).toEqual([]);
  });

  test("a column the add-in wrote, one cell typed over since: only that cell is foreign", () => {
    const r = raw([91, 92, 93, 94]);
    const layout = layoutFor(r);
    const written = recordWritten({}, ref, layout, { composite: [91, 92, 93, 94] });
    // Row 3 of the sheet (the second data row) now holds 99: H3 alone.
    const found = columns(raw([91, 99, 93, 94]), ownResultsOf(written));
    expect(found.map((c) => c.range)).toEqual([{ sheet: ref.sheet, top: 3, left: 8, bottom: 3, right: 8 }]);
    // Two typed cells apart: two single-cell ranges; a cleared cell is nothing to lose.
    expect(columns(raw([90, 92, 80, null]), ownResultsOf(written)).map((c) => c.range.top)).toEqual([2, 4]);
    // A record from before per-cell hashes (fingerprint only): the changed column's non-blank cells.
    const old = { [tableKey(ref)]: { composite: { column: 8, fingerprint: written[tableKey(ref)].composite.fingerprint } } };
    expect(columns(raw([91, 99, null, 94]), ownResultsOf(old)).map((c) => [c.range.top, c.range.bottom])).toEqual([[2, 3], [5, 5]]);
  });

  test("fingerprints tell numbers from text and blanks", () => {
    expect(fingerprint([1, "a", null])).toBe(fingerprint([1, "a", ""]));
    expect(fingerprint([1])).not.toBe(fingerprint(["1"]));
    expect(tableKey(ref)).toBe("block:年度考核!A1");
    expect(tableKey({ ...ref, name: "T" })).toBe("table:T");
  });
});

describe("policy form", () => {
  test("round trip of the default policy", () => {
    const doc = policyFromDraft(DEFAULT_POLICY_DOCUMENT, draftFromPolicy(DEFAULT_POLICY_DOCUMENT));
    expect(doc).toEqual(DEFAULT_POLICY_DOCUMENT);
  });
  test("typed text stays text where it is not a number, so validation names the setting", () => {
    const d = draftFromPolicy(DEFAULT_POLICY_DOCUMENT);
    d.bands = ["九十", "75", "60"];
    d.weights.P = "60%"; // a percent field: 60% is 0.6
    d.weights.D = "1/3"; // a fraction of the whole, kept as typed for the engine
    d.tieBreak = "p，d";
    d.vocab.yes = ["是", "Y", "yes"];
    d.ratio = "二十";
    const doc = policyFromDraft(DEFAULT_POLICY_DOCUMENT, d);
    expect(doc.bands).toEqual(["九十", 75, 60]);
    expect(doc.weights.P).toBe(0.6);
    expect(doc.weights.D).toBe("1/3");
    expect(doc.quota.tieBreak).toEqual(["P", "D"]);
    expect(doc.vocabulary.yes).toEqual(["是", "Y", "yes"]);
    expect(doc.quota.ratio).toBe("二十");
    expect(splitList(" a , ,b、c ")).toEqual(["a", "b", "c"]);
    expect(fieldOf("weights.P")).toBe("weights");
    expect(fieldOf("quota.ratio")).toBe("ratio");
  });
});

function memoryStore(): SettingsStore & { data: Record<string, unknown>; saves: number } {
  const data: Record<string, unknown> = {};
  const s = {
    data,
    saves: 0,
    get: (k: string) => (k in data ? data[k] : null),
    set: (k: string, v: unknown) => void (data[k] = v),
    remove: (k: string) => void delete data[k],
    save: async () => void s.saves++,
  };
  return s;
}

describe("policy stored with the document", () => {
  test("invalid edits are refused with the engine's findings and nothing is stored", async () => {
    const store = memoryStore();
    const doc: PolicyDocument = JSON.parse(JSON.stringify(DEFAULT_POLICY_DOCUMENT));
    doc.bands = [70, 75, 60];
    doc.weights.P = 0.5;
    const r = await savePolicy(store, doc);
    expect(r.policy).toBeNull();
    expect(r.findings.map((f) => f.code).sort()).toEqual(["POLICY_INVALID", "WEIGHTS_SUM"]);
    expect(store.data).toEqual({});
    expect(store.saves).toBe(0);
  });

  test("a valid edit is stored, saved and loaded back; reset returns to the default", async () => {
    const store = memoryStore();
    const doc: PolicyDocument = JSON.parse(JSON.stringify(DEFAULT_POLICY_DOCUMENT));
    doc.quota.ratio = 0.3;
    expect((await savePolicy(store, doc)).policy?.quota.ratio).toBe(0.3);
    expect(store.saves).toBe(1);
    expect(loadStoredPolicy(store)).toMatchObject({ source: "workbook", findings: [] });
    expect(loadStoredPolicy(store).policy.quota.ratio).toBe(0.3);
    await resetPolicy(store);
    expect(store.data).not.toHaveProperty(POLICY_SETTING);
    expect(loadStoredPolicy(store).source).toBe("default");
  });

  test("a broken stored policy falls back to the default and says why", () => {
    const store = memoryStore();
    store.set(POLICY_SETTING, JSON.stringify({ quota: { ratio: 7 } }));
    const r = loadStoredPolicy(store);
    expect(r.source).toBe("default");
    expect(r.findings[0].message.en).toContain("quota.ratio");
    store.set(POLICY_SETTING, "{not json");
    expect(loadStoredPolicy(store).findings[0].code).toBe("POLICY_INVALID");
  });
});

describe("percent fields", () => {
  test("the decimal point moves in the text, never through floating point", () => {
    // 0.07 × 100 is 7.000000000000001 in floating point; moved in the text it is 7.
    expect(shiftDecimal("0.07", 2)).toBe("7");
    expect(shiftDecimal("0.6", 2)).toBe("60");
    expect(shiftDecimal("0.125", 2)).toBe("12.5");
    expect(shiftDecimal("60", -2)).toBe("0.6");
    expect(shiftDecimal("7", -2)).toBe("0.07");
    expect(shiftDecimal("33.5", -2)).toBe("0.335");
    expect(shiftDecimal("abc", 2)).toBeNull();
    expect(toPercent(0.2)).toBe("20");
    expect(toPercent("60%")).toBe("60");
    expect(toPercent("1/3")).toBe("1/3");
    expect(fromPercent("20")).toBe(0.2);
    expect(fromPercent(" 12.5 % ")).toBe(0.125);
    expect(fromPercent("1/3")).toBe("1/3");
    expect(fromPercent("")).toBe("");
  });

  test("a policy finding's setting path names the control that shows its reason", () => {
    expect(controlOf("weights.P")).toBe("w-P");
    expect(controlOf("weights")).toBe("weights");
    expect(controlOf("bands[1]")).toBe("band-1");
    expect(controlOf("bands")).toBe("bands");
    expect(controlOf("quota.ratio")).toBe("quota-ratio");
    expect(controlOf("quota.tieBreak")).toBe("tie-break");
    expect(controlOf("vocabulary.circular.veto")).toBe("vocab-veto");
    expect(controlOf("vocabulary.yes")).toBe("vocab-yes");
    expect(controlOf("rewards.meritYears")).toBeNull();
  });

  test("a threshold that is not a number is named at its own box, the others left alone", () => {
    const d = draftFromPolicy(DEFAULT_POLICY_DOCUMENT);
    expect(draftProblems(d)).toEqual([]);
    d.bands = ["abc", "75", " "];
    const found = draftProblems(d);
    expect(found.map((f) => controlOf(f.column))).toEqual(["band-0", "band-2"]);
    expect(found[0].message).toEqual({ zh: "“abc”不是数字", en: '"abc" is not a number' });
    expect(found[1].message.en).toBe("enter a score (a number from 0 to 100)");
  });
});

describe("feedback date and undo", () => {
  test("the feedback date: YYYY-MM-DD (and the loose forms the CLI reads); anything else refused with the reason", () => {
    expect(readFeedbackDate("2024-03-15")).toEqual({ date: "2024-03-15" });
    expect(readFeedbackDate(" 2024/3/5 ")).toEqual({ date: "2024-03-05" });
    expect(readFeedbackDate("2024年3月5日")).toEqual({ date: "2024-03-05" });
    for (const bad of ["2024-02-30", "2023-13-01", "15.03.2024", "明天", "20240315"]) {
      const r = readFeedbackDate(bad);
      expect(r).toHaveProperty("reason");
      if ("reason" in r) {
        expect(r.reason.zh).toContain(`“${bad}”不是有效日期`);
        expect(r.reason.en).toContain("YYYY-MM-DD");
      }
    }
    const empty = readFeedbackDate("  ");
    expect("reason" in empty && empty.reason.zh).toContain("请填写反馈日期");
    expect(localToday(new Date(2024, 0, 5))).toBe("2024-01-05");
  });

  test("undo is a bounded stack; a failed restore keeps its record for a retry", async () => {
    const restored: unknown[] = [];
    let fail = false;
    const port = {
      restore: async (s: unknown) => {
        if (fail) throw new Error("connection lost");
        restored.push(s);
      },
    } as unknown as WorkbookPort;
    const undo = new UndoStore<string>(3);
    expect(await undo.undo(port)).toBeNull();
    const snap = (n: number) => ({ ranges: [], tables: [{ ref: table({ name: `T${n}` }), columnNames: [] }], sheets: [] });
    for (let i = 1; i <= 5; i++) undo.remember(snap(i), `before ${i}`);
    expect(undo.depth).toBe(3);
    fail = true;
    await expect(undo.undo(port)).rejects.toThrow("connection lost");
    expect(undo.depth).toBe(3);
    fail = false;
    expect((await undo.undo(port))?.extra).toBe("before 5");
    expect((await undo.undo(port))?.extra).toBe("before 4");
    expect((await undo.undo(port))?.extra).toBe("before 3");
    expect(await undo.undo(port)).toBeNull();
    expect(restored).toEqual([snap(5), snap(4), snap(3)]);
    expect(undo.available).toBe(false);
    expect(() => new UndoStore(0)).toThrow(RangeError);
  });

  test("strings fill their placeholders in both languages", () => {
    expect(t("zh", "protectedSheet", { sheet: "年度考核" })).toContain("“年度考核”");
    expect(t("en", "summaryFindingsValue", { errors: 1, warnings: 2, es: "", ws: "s" })).toBe("1 error, 2 warnings");
    expect(t("zh", "summaryFindingsValue", { errors: 1, warnings: 2, es: "", ws: "s" })).toBe("1 个错误，2 个警告");
  });
});
