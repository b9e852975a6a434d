// The WPS double behaves as WPS's typings and the VBA object model ET follows say (what the adapter
// relies on), and the member layer (src/workbook/wps/com.ts) reads it in both member styles.
import { call, get, item, items, num, put, str, wpsApplication, WpsCallError, WpsObject } from "../../src/workbook/wps/com";
import { createWorkbook, XL_NONE, WHITE } from "../support/wps-double";

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("WPS double: the object model as the adapter meets it", () => {
  const d = createWorkbook({ sheets: [{ name: "表1", rows: [["编号", "分数"], ["A", 90]] }, { name: "表2" }], active: "表1" });
  const app = d.application as Any;
  const ws = app.ActiveWorkbook.Worksheets.Item("表1");

  test("collections are 1-based; Item by name; Address is a method", () => {
    expect(app.ActiveWorkbook.Worksheets.Count).toBe(2);
    expect(app.ActiveWorkbook.Worksheets.Item(2).Name).toBe("表2");
    expect(ws.Range("A1:B2").Address()).toBe("$A$1:$B$2");
    expect(ws.Range("A1:B2").Address(false, false)).toBe("A1:B2");
    expect(() => app.ActiveWorkbook.Worksheets.Item(3)).toThrow();
  });

  test("Value2: a scalar for one cell, a 2-D array for several, undefined for empty", () => {
    expect(ws.Range("B2").Value2).toBe(90);
    expect(ws.Range("A1:B3").Value2).toEqual([["编号", "分数"], ["A", 90], [undefined, undefined]]);
  });

  test("assigning strings is typed input: formulas, numbers, percentages, booleans; an apostrophe or '@' keeps text", () => {
    ws.Range("C1:C6").Value2 = [["=SUM(B2)"], ["0012"], ["90%"], ["TRUE"], ["'=1+1"], ["#N/A"]];
    expect(d.cell("表1", "C1").formula).toBe("=SUM(B2)");
    expect(d.cell("表1", "C2")).toMatchObject({ value: 12, type: "Double" });
    expect(d.cell("表1", "C3")).toMatchObject({ value: 0.9, type: "Double", numberFormat: "0%" });
    expect(d.cell("表1", "C4")).toMatchObject({ value: true, type: "Boolean" });
    expect(d.cell("表1", "C5")).toMatchObject({ value: "=1+1", type: "String", prefix: true });
    expect(ws.Range("C5").PrefixCharacter).toBe("'");
    expect(ws.Range("C6").Value2).toBe("#N/A");
    ws.Range("D1").NumberFormat = "@";
    ws.Range("D1").Value2 = "0012";
    expect(d.cell("表1", "D1")).toMatchObject({ value: "0012", type: "String" });
    expect(() => (ws.Range("C1:C2").Value2 = [[1, 2]])).toThrow(/行列数/);
  });

  test("formats of several cells: the common value, or null when they differ", () => {
    ws.Range("E1:E2").Interior.Color = 255;
    expect(ws.Range("E1:E2").Interior.Color).toBe(255);
    expect(ws.Range("E1:E3").Interior.Color).toBeNull();
    expect(ws.Range("E3").Interior.ColorIndex).toBe(XL_NONE);
    expect(ws.Range("E3").Interior.Color).toBe(WHITE);
    ws.Range("E1:E2").Interior.ColorIndex = XL_NONE;
    expect(ws.Range("E1:E3").Interior.ColorIndex).toBe(XL_NONE);
    expect(ws.Range("A1:A2").NumberFormat).toBe("General");
    expect(ws.Range("C2:C3").NumberFormat).toBeNull();
    expect(ws.Range("C1:C2").HasFormula).toBeNull();
  });

  test("comments: one per cell; enumerated with their cell; AddComment on a commented cell fails", () => {
    ws.Range("B2").AddComment("原因");
    expect(() => ws.Range("B2").AddComment("again")).toThrow(/已有批注/);
    expect(ws.Range("B2").Comment.Text()).toBe("原因");
    expect(ws.Range("B1").Comment).toBeNull();
    expect(ws.Comments.Count).toBe(1);
    expect(ws.Comments.Item(1).Parent.Address()).toBe("$B$2");
    ws.Range("A1:B2").ClearComments();
    expect(ws.Comments.Count).toBe(0);
  });

  test("Worksheets.Add puts a SheetN before the active sheet and activates it; Delete needs DisplayAlerts off", () => {
    const s = app.ActiveWorkbook.Worksheets.Add();
    expect(s.Name).toBe("Sheet3");
    expect(d.sheetNames()).toEqual(["Sheet3", "表1", "表2"]);
    expect(d.activeSheet).toBe("Sheet3");
    expect(() => s.Delete()).toThrow(/DisplayAlerts/);
    app.DisplayAlerts = false;
    s.Delete();
    app.DisplayAlerts = true;
    expect(d.sheetNames()).toEqual(["表1", "表2"]);
  });

  test("a protected sheet refuses every write", () => {
    d.setProtected("表2", true);
    const t2 = app.ActiveWorkbook.Worksheets.Item("表2");
    expect(t2.ProtectContents).toBe(true);
    expect(() => (t2.Range("A1").Value2 = 1)).toThrow(/受保护/);
    expect(() => (t2.Range("A1").Interior.Color = 1)).toThrow(/受保护/);
    expect(() => t2.Range("A1").AddComment("x")).toThrow(/受保护/);
  });

  test("custom functions: registered by wps.AddCustomFunction, computed when a formula is entered; a throw is #VALUE!", () => {
    app.AddCustomFunction("DEMO", "TWICE", (x: number) => {
      if (typeof x !== "number") throw new Error("not a number");
      return 2 * x;
    });
    d.type("表1", "F1", "=DEMO.TWICE(B2)");
    expect(d.cell("表1", "F1")).toMatchObject({ value: 180, type: "Double" });
    d.type("表1", "F2", "=DEMO.TWICE(A2)");
    expect(d.cell("表1", "F2")).toMatchObject({ value: "#VALUE!", type: "Error", error: "not a number" });
    expect(() => app.AddCustomFunction("DEMO", "两倍", () => 1)).toThrow();
  });
});

describe("the member layer reads both member styles", () => {
  for (const flavour of ["property", "method"] as const) {
    test(`${flavour} build`, () => {
      const d = createWorkbook({ sheets: [{ name: "S", rows: [[1, 2]] }], flavour });
      const app = d.application as WpsObject;
      if (flavour === "method") expect(typeof (app as Any).ActiveWorkbook).toBe("function");
      const book = get(app, "ActiveWorkbook") as WpsObject;
      const sheets = get(book, "Worksheets") as WpsObject;
      expect(num(sheets, "Count")).toBe(1);
      const ws = item(sheets, 1);
      expect(str(ws, "Name")).toBe("S");
      const used = get(ws, "UsedRange") as WpsObject;
      expect(call(used, "Address", false, false)).toBe("A1:B1");
      expect(num(get(used, "Columns") as WpsObject, "Count")).toBe(2);
      put(call(ws, "Range", "A2") as WpsObject, "Value2", "x");
      expect(d.cell("S", "A2").value).toBe("x");
      expect(items(sheets).length).toBe(1);
      expect(() => call(ws, "NoSuchMember", 1)).toThrow(WpsCallError);
    });
  }

  test("wpsApplication finds window.Application, else the deprecated wps.EtApplication()", () => {
    const d = createWorkbook();
    expect(wpsApplication({ Application: d.application })).toBe(d.application);
    expect(wpsApplication({ wps: { EtApplication: () => d.application } })).toBe(d.application);
    expect(wpsApplication({ Application: { Name: "something else" } })).toBeNull();
    expect(wpsApplication({})).toBeNull();
  });
});
