// Issue #6, promise 2: nothing lost. Results go only to the result columns; content the add-in did
// not write is never overwritten without asking (at the action level for both adapters, and in the
// pane); compute → edit → compute → undo → undo walks back to the original exactly, and a user's
// edits to input cells in between survive it (undo restores only the cells a compute changed).
// The CLI's atomic write is tested in atomic-write.test.ts.
import { computeRanking } from "../../src/actions";
import { ActionError } from "../../src/actions/errors";
import { UNDO_LEVELS } from "../../src/actions/undo";
import { defaultPolicy } from "../../src/engine/policy";
import { OfficeWorkbook } from "../../src/workbook/office";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { createWorkbook } from "../support/excel-double";
import { buildBytes, dumpCells, loadExcel } from "../support/xlsx-builders";
import { ANNUAL_SHEET, ANNUAL_TABLE, annualRows, annualWorkbook, HEADERS } from "../taskpane/fixtures";
import { answering, attemptCompute, expectOnlyResultsChanged, paneOn } from "./pane-support";

describe("content the add-in did not write is never overwritten without asking", () => {
  test("action level, Office.js adapter: a non-empty area right of the table refuses the compute; nothing changes", async () => {
    const d = createWorkbook({ sheets: [{ name: "S", rows: annualRows(), cells: { P5: { value: "用户的备注", fill: "#FFFF00" } } }] }).install(globalThis);
    const before = JSON.stringify(d.dump());
    await expect(computeRanking(new OfficeWorkbook(), defaultPolicy(), { snapshot: true })).rejects.toMatchObject({ code: "RESULT_AREA_NOT_EMPTY" });
    expect(JSON.stringify(d.dump())).toBe(before);
  });

  test("action level, .xlsx adapter: the same refusal; not a cell changes", async () => {
    const rows = annualRows();
    const bytes = await buildBytes({ sheets: [{ name: "S", tables: [{ origin: "A1", headers: rows[0] as string[], rows: rows.slice(1) }], cells: { Q3: "用户的备注" } }] });
    const wb = await XlsxWorkbook.load(bytes);
    const err = await computeRanking(wb, defaultPolicy()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).code).toBe("RESULT_AREA_NOT_EMPTY");
    expect(dumpCells(await loadExcel(await wb.toBuffer()))).toEqual(dumpCells(await loadExcel(bytes)));
  });

  test("action level: results go only to the result columns (every other cell of every sheet unchanged)", async () => {
    const d = createWorkbook(annualWorkbook()).install(globalThis);
    const before = JSON.parse(JSON.stringify(d.dump()));
    const r = await computeRanking(new OfficeWorkbook(), defaultPolicy());
    const t = r.summary.tables[0];
    expectOnlyResultsChanged(before, JSON.parse(JSON.stringify(d.dump())), { sheet: t.sheet, columns: t.resultColumns.map((c) => c.column) });
  });

  test("pane: a hand-typed grade in 等次 is content the add-in did not write; it asks, and 'no' changes nothing", async () => {
    const rig = paneOn(annualWorkbook());
    await attemptCompute(rig);
    rig.d.type(ANNUAL_SHEET, "Q10", "优秀（手工）");
    const before = rig.dump();
    const no = answering({ overwrite: false });
    expect((await attemptCompute(rig, no)).outcome).toEqual({ status: "cancelled" });
    expect(no.asked).toEqual(["overwrite"]);
    expect(rig.dump()).toEqual(before);
    // A recompute over the add-in's own results does not ask.
    rig.d.type(ANNUAL_SHEET, "Q10", "基本称职");
    const quiet = answering();
    expect((await attemptCompute(rig, quiet)).outcome?.status).toBe("computed");
    expect(quiet.asked).toEqual([]);
  });
});

describe("undo is a stack of what each compute changed", () => {
  test("compute → edit an input → compute → undo → undo: the original, with the user's edit kept", async () => {
    const rig = paneOn(annualWorkbook());
    const original = rig.dump();
    const first = await attemptCompute(rig);
    expect(first.outcome?.status).toBe("computed");
    const afterFirst = rig.dump();

    // The user corrects an input: C09's performance 70 → 96 (G10), and types a remark in column T.
    rig.d.type(ANNUAL_SHEET, "G10", 96);
    rig.d.type(ANNUAL_SHEET, "T10", "已复核");
    const second = await attemptCompute(rig);
    expect(second.outcome?.status).toBe("computed");
    expect(rig.d.values(ANNUAL_SHEET, "O10:O10")).toEqual([[85.6]]);
    expect(rig.session.undo.depth).toBe(2);

    expect(await rig.session.undoLast()).toEqual({ ran: true, value: true });
    // Back to what the first compute left — except the edited inputs, which are the user's.
    const withEdits = (d: typeof original) => {
      const copy = JSON.parse(JSON.stringify(d));
      const cells = copy.sheets.find((s: { name: string }) => s.name === ANNUAL_SHEET).cells;
      cells.G10 = rig.dump().sheets.find((s) => s.name === ANNUAL_SHEET)!.cells.G10;
      cells.T10 = rig.dump().sheets.find((s) => s.name === ANNUAL_SHEET)!.cells.T10;
      return copy;
    };
    expect(rig.dump()).toEqual(withEdits(afterFirst));
    expect(await rig.session.undoLast()).toEqual({ ran: true, value: true });
    expect(rig.dump()).toEqual(withEdits(original));
    expect(rig.d.cell(ANNUAL_SHEET, "G10").value).toBe(96);
    expect(rig.d.table(ANNUAL_TABLE)?.address).toBe(`A1:N${annualRows().length}`);
    expect(await rig.session.undoLast()).toEqual({ ran: true, value: false });
  });

  test("compute → overwrite a hand-typed result (with consent) → undo → undo: the hand-typed grade, then the original exactly", async () => {
    const rig = paneOn(annualWorkbook());
    const original = rig.dump();
    await attemptCompute(rig);
    rig.d.type(ANNUAL_SHEET, "Q10", "优秀（手工）");
    const handTyped = rig.dump();
    const yes = answering({ overwrite: true });
    expect((await attemptCompute(rig, yes)).outcome?.status).toBe("computed");
    expect(yes.asked).toEqual(["overwrite"]);
    expect(rig.d.cell(ANNUAL_SHEET, "Q10").value).toBe("基本称职");
    await rig.session.undoLast();
    expect(rig.dump()).toEqual(handTyped);
    await rig.session.undoLast();
    expect(rig.dump()).toEqual(original);
  });

  test(`the stack holds ${UNDO_LEVELS} levels; older computes drop off`, async () => {
    const rig = paneOn({ sheets: [{ name: "S", rows: [HEADERS, ...annualRows().slice(1, 4)] }] });
    for (let i = 0; i < UNDO_LEVELS + 2; i++) expect((await attemptCompute(rig)).outcome?.status).toBe("computed");
    expect(rig.session.undo.depth).toBe(UNDO_LEVELS);
    for (let i = 0; i < UNDO_LEVELS; i++) expect(await rig.session.undoLast()).toEqual({ ran: true, value: true });
    expect(await rig.session.undoLast()).toEqual({ ran: true, value: false });
    // The oldest kept snapshot is the state after the second compute: the results of the first stay.
    expect(rig.d.values("S", "O1:O1")).toEqual([["综合得分"]]);
  });

  test("the record of what the add-in wrote follows undo (no question after undoing to a computed state)", async () => {
    const rig = paneOn(annualWorkbook());
    await attemptCompute(rig);
    rig.d.type(ANNUAL_SHEET, "G10", 96);
    await attemptCompute(rig);
    await rig.session.undoLast();
    const quiet = answering();
    const a = await attemptCompute(rig, quiet);
    expect(quiet.asked).toEqual([]);
    expect(a.outcome?.status).toBe("computed");
  });
});
