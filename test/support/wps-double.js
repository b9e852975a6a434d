/* An in-memory WPS 表格 (ET) for tests: the synchronous, VBA-like object model that WPS JS 加载项 see as
 * `window.Application` and `window.wps`. ONE module shared by the jest tests (require("./wps-double"))
 * and the browser suite (page.addInitScript with this file's text, after excel-double.js, whose
 * `interpret` it reuses: ET turns typed input into values as Excel does). Plain ES2020.
 *
 * Written from WPS's own typings (the et-jsapi-declare package: lib.et.d.ts, addon.et.d.ts, index.d.ts)
 * and the wpsjs toolkit's templates; where those say nothing, from the VBA object model ET mirrors:
 * - Members as the typings declare them: `Address(...)`, `Item(...)`, `Range(...)`, `Comment.Text()`,
 *   `Value(...)` are methods; `Value2`, `Formula`, `NumberFormat`, `Interior.Color`, `Font.Bold`,
 *   `Name`, `Visible` are properties. Collections are 1-based (`Item(1)`).
 * - The version quirk (tmustier/pi-for-excel docs/wps-support.md): in some builds zero-argument members
 *   are methods rather than properties. `flavour: "method"` exposes ActiveWorkbook, ActiveSheet,
 *   Worksheets, UsedRange, Count, Row, Column, Rows, Columns, Interior, Font, Comment, ListObjects,
 *   Comments, HeaderRowRange, ProtectContents, HasFormula … as zero-argument methods.
 * - Value2: one cell gives a scalar, several a 2-D array; an empty cell reads as undefined; an error
 *   cell reads as its text ("#N/A"); dates are serial numbers. Assigning a string is typed input
 *   ("=…" a formula, "90" a number, "'…" text with PrefixCharacter "'", any string text in an "@" cell);
 *   undefined / null / "" clear the cell. A 2-D array must match the range's shape, a scalar fills it.
 * - Formats of several cells read as their common value or null when they differ (NumberFormat,
 *   Interior.Color / ColorIndex, Font.Bold, HasFormula). Colours are BGR longs (VBA's RGB()); a cell
 *   without fill has ColorIndex xlNone (-4142) and Color 16777215; ColorIndex = xlNone clears the fill.
 * - Comments (批注): Range.AddComment(text) fails on a cell that has one; Range.Comment is null without;
 *   Worksheet.Comments enumerates them (Parent = the cell).
 * - ListObjects with header and totals rows; Resize(range) keeps the header row; ListColumns.
 * - A protected sheet (ProtectContents) refuses every write. Worksheets.Add puts the new sheet before
 *   the active one unless After/Before is given, names it SheetN and activates it. Worksheet.Delete()
 *   while Application.DisplayAlerts is true would put up WPS's confirmation dialog: the double refuses.
 * - wps.AddCustomFunction(namespace, name, fn, metadata?) registers a custom function (WPS 12.1.0.20540+);
 *   a formula "=NS.NAME(args)" is computed on Calculate()/CalculateFull() and when it is entered: cell
 *   references give scalars, ranges 2-D arrays, a thrown error gives "#VALUE!".
 * - PluginStorage (per add-in, shared by its pages, not persisted), CreateTaskPane / GetTaskPane.
 * Not modelled: formula evaluation other than custom functions, undo, events, styles beyond fill / number
 * format / bold, row and column insertion.
 */
(function (root, factory) {
  const excel = typeof module === "object" && module.exports ? require("./excel-double") : root.ExcelDouble;
  const api = factory(excel);
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.WpsDouble = api;
})(typeof globalThis !== "undefined" ? globalThis : this, function (excel) {
  "use strict";

  const { parseAddress, colLetters, interpret } = excel;
  const XL_NONE = -4142;
  const WHITE = 16777215;
  const XL_SHEET_VISIBLE = -1;
  const MAX_ROW = 1048576;
  const MAX_COL = 16384;
  const METHOD_MEMBERS = new Set([
    "ActiveWorkbook", "ActiveSheet", "ActiveWindow", "Selection", "Worksheets", "Sheets", "UsedRange", "Count", "Row", "Column",
    "Rows", "Columns", "Interior", "Font", "Comment", "ListObjects", "Comments", "HeaderRowRange", "DataBodyRange", "ListColumns",
    "ProtectContents", "HasFormula", "Parent", "EntireColumn", "Cells", "Index", "ShowTotals", "ShowHeaders", "Build", "Version",
  ]);

  function wpsError(message) {
    const e = new Error(message);
    e.name = "WpsError";
    return e;
  }

  // ---------------------------------------------------------------- the model
  function newCell() {
    return { value: "", type: "Empty", formula: null, numberFormat: "General", fill: null, bold: false, prefix: false, comment: null };
  }
  function isDefault(c) {
    return c.type === "Empty" && !c.formula && c.numberFormat === "General" && c.fill === null && !c.bold && c.comment === null;
  }

  class SheetModel {
    constructor(name) {
      this.name = name;
      this.rows = new Map();
      this.protected = false;
      this.visible = XL_SHEET_VISIBLE;
      this.columnWidths = {};
      this.frozenRows = 0;
    }
    peek(r, c) {
      const row = this.rows.get(r);
      return row ? row.get(c) : undefined;
    }
    cell(r, c) {
      let row = this.rows.get(r);
      if (!row) this.rows.set(r, (row = new Map()));
      let cell = row.get(c);
      if (!cell) row.set(c, (cell = newCell()));
      return cell;
    }
    tidy(r, c) {
      const row = this.rows.get(r);
      if (!row) return;
      const cell = row.get(c);
      if (cell && isDefault(cell)) row.delete(c);
      if (!row.size) this.rows.delete(r);
    }
    /** Cells in a box that exist (not default), as [r, c, cell]. */
    *within(box) {
      for (const [r, row] of this.rows) {
        if (r < box.top || r > box.bottom) continue;
        for (const [c, cell] of row) if (c >= box.left && c <= box.right) yield [r, c, cell];
      }
    }
    /** VBA's UsedRange: every cell with content or formatting; A1 alone when the sheet is empty. */
    usedBox() {
      let top = Infinity, left = Infinity, bottom = -Infinity, right = -Infinity;
      for (const [r, row] of this.rows)
        for (const [c, cell] of row) {
          if (isDefault(cell)) continue;
          top = Math.min(top, r); bottom = Math.max(bottom, r); left = Math.min(left, c); right = Math.max(right, c);
        }
      return top === Infinity ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
    }
  }

  class WpsModel {
    constructor(options) {
      this.flavour = options.flavour || "property";
      this.sheets = [];
      this.listObjects = [];
      this.active = null;
      this.selection = null;
      this.displayAlerts = true;
      this.screenUpdating = true;
      this.enableEvents = true;
      this.build = options.build === undefined ? 20540 : options.build;
      this.version = options.version || "12.1";
      this.functions = {}; // "NS.NAME" → { fn, metadata }
      this.pluginStorage = new Map();
      this.taskPanes = [];
      this.calculations = 0;
      this.calls = {}; // member → count
      this.faults = []; // { member, countdown }
      this.workbookName = options.name || "工作簿1";
      this.sheetCounter = 0;
      this.listeners = {}; // ApiEvent name → callbacks
    }
    count(member) {
      this.calls[member] = (this.calls[member] || 0) + 1;
      for (const f of this.faults) {
        if (f.member !== member) continue;
        f.countdown--;
        if (f.countdown === 0) {
          this.faults = this.faults.filter((x) => x !== f);
          throw wpsError(`WPS 操作失败（模拟故障：${member}）`);
        }
      }
    }
    sheet(name) {
      const key = String(name).toLowerCase();
      return this.sheets.find((s) => s.name.toLowerCase() === key);
    }
    validName(name, except) {
      if (!name || typeof name !== "string" || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name)) throw wpsError(`工作表名称“${name}”无效。`);
      const other = this.sheet(name);
      if (other && other !== except) throw wpsError(`工作表名称“${name}”已被占用。`);
    }
    addSheet(name, index) {
      this.validName(name);
      const s = new SheetModel(name);
      if (index === undefined) this.sheets.push(s);
      else this.sheets.splice(index, 0, s);
      if (!this.active) this.active = s.name;
      return s;
    }
    nextSheetName() {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      return `Sheet${n}`;
    }
    writable(sheet) {
      if (sheet.protected) throw wpsError(`您试图更改的单元格或图表位于受保护的工作表“${sheet.name}”中。`);
    }
    tablesOf(sheet) {
      return this.listObjects.filter((t) => t.sheet === sheet.name);
    }
  }

  // ---------------------------------------------------------------- values
  function readValue2(cell) {
    if (!cell || cell.type === "Empty") return undefined;
    return cell.value;
  }
  function setInput(model, sheet, r, c, input) {
    const cell = sheet.cell(r, c);
    if (input === undefined || input === null || input === "") {
      Object.assign(cell, { value: "", type: "Empty", formula: null, prefix: false });
    } else {
      if (typeof input === "number" && !Number.isFinite(input)) throw wpsError("类型不匹配。");
      if (typeof input !== "string" && typeof input !== "number" && typeof input !== "boolean") throw wpsError("类型不匹配。");
      const got = interpret(input, cell.numberFormat);
      cell.value = got.value;
      cell.type = got.type;
      cell.formula = got.formula || null;
      cell.prefix = !!got.prefix;
      if (got.impliedFormat && cell.numberFormat === "General") cell.numberFormat = got.impliedFormat;
      if (cell.formula) computeCell(model, sheet, r, c);
    }
    sheet.tidy(r, c);
  }
  function boxGrid(box, fn) {
    const out = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row = [];
      for (let c = box.left; c <= box.right; c++) row.push(fn(r, c));
      out.push(row);
    }
    return out;
  }
  function single(box) {
    return box.top === box.bottom && box.left === box.right;
  }
  /** Common value of several cells, or null when they differ (VBA's answer for mixed formats). */
  function common(box, sheet, fn) {
    let first = true;
    let value = null;
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const v = fn(sheet.peek(r, c));
        if (first) {
          value = v;
          first = false;
        } else if (v !== value) return null;
      }
    return value;
  }
  function spread(box, input, what) {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    if (!Array.isArray(input)) return boxGrid(box, () => input);
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) throw wpsError(`${what}：数组的行列数与区域不一致（${rows}×${cols}）。`);
    return input;
  }

  // ---------------------------------------------------------------- custom functions
  const CALL = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*\((.*)\)\s*$/s;
  function splitArgs(text) {
    const out = [];
    let cur = "";
    let quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      if (ch === "," && !quoted) {
        out.push(cur.trim());
        cur = "";
      } else cur += ch;
    }
    if (cur.trim() !== "" || out.length) out.push(cur.trim());
    return out;
  }
  function argValue(model, sheet, text) {
    if (text === "") return undefined;
    if (/^".*"$/s.test(text)) return text.slice(1, -1).replace(/""/g, '"');
    if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
    if (/^(TRUE|FALSE)$/i.test(text)) return /^TRUE$/i.test(text);
    const box = parseAddress(text);
    const s = box.sheet ? model.sheet(box.sheet) : sheet;
    if (!s) throw wpsError(`#REF! ${text}`);
    if (single(box)) return readValue2(s.peek(box.top, box.left));
    return boxGrid(box, (r, c) => readValue2(s.peek(r, c)));
  }
  function computeCell(model, sheet, r, c) {
    const cell = sheet.peek(r, c);
    if (!cell || !cell.formula) return;
    const m = CALL.exec(cell.formula);
    const entry = m && model.functions[`${m[1]}.${m[2]}`.toUpperCase()];
    if (!entry) {
      // A formula the double does not evaluate keeps its cached value (0 unless a fixture set one).
      if (m) Object.assign(cell, { value: "#NAME?", type: "Error" });
      return;
    }
    try {
      const args = splitArgs(m[3]).map((a) => argValue(model, sheet, a));
      const result = entry.fn.apply(null, args);
      if (typeof result === "number" && Number.isFinite(result)) Object.assign(cell, { value: result, type: "Double" });
      else if (typeof result === "string") Object.assign(cell, { value: result, type: "String" });
      else if (typeof result === "boolean") Object.assign(cell, { value: result, type: "Boolean" });
      else if (Array.isArray(result)) {
        const v = Array.isArray(result[0]) ? result[0][0] : result[0];
        Object.assign(cell, { value: v === undefined || v === null ? "" : v, type: typeof v === "number" ? "Double" : "String" });
      } else Object.assign(cell, { value: "#VALUE!", type: "Error" });
      cell.lastError = null;
    } catch (e) {
      Object.assign(cell, { value: "#VALUE!", type: "Error", lastError: e && e.message ? String(e.message) : String(e) });
    }
  }
  function calculateAll(model) {
    model.calculations++;
    for (const s of model.sheets) for (const [r, row] of s.rows) for (const [c, cell] of row) if (cell.formula) computeCell(model, s, r, c);
  }

  // ---------------------------------------------------------------- object helpers
  /** Define a member as a property, or (flavour "method") a read-only zero-argument member as a method. */
  function member(model, obj, name, get, set) {
    if (!set && model.flavour === "method" && METHOD_MEMBERS.has(name)) {
      Object.defineProperty(obj, name, { value: () => get(), enumerable: true });
      return;
    }
    Object.defineProperty(obj, name, {
      get,
      set: set || (() => {
        throw wpsError(`属性 ${name} 是只读的。`);
      }),
      enumerable: true,
    });
  }
  function method(obj, name, fn) {
    Object.defineProperty(obj, name, { value: fn, enumerable: true });
  }

  function makeRange(model, sheet, box) {
    const o = {};
    const sheetModel = () => {
      if (!model.sheets.includes(sheet)) throw wpsError("对象已被删除。");
      return sheet;
    };
    const count = (m) => model.count(m);
    member(model, o, "Row", () => box.top);
    member(model, o, "Column", () => box.left);
    member(model, o, "Count", () => (box.bottom - box.top + 1) * (box.right - box.left + 1));
    member(model, o, "Rows", () => ({ ...countOnly(model, box.bottom - box.top + 1) }));
    member(model, o, "Columns", () => ({ ...countOnly(model, box.right - box.left + 1) }));
    member(model, o, "Worksheet", () => makeSheet(model, sheetModel()));
    member(model, o, "Parent", () => makeSheet(model, sheetModel()));
    method(o, "Address", (rowAbs, colAbs, style, external) => {
      const abs = (flag) => (flag === false ? "" : "$");
      const one = (r, c) => `${abs(colAbs)}${colLetters(c)}${abs(rowAbs)}${r}`;
      const local = single(box) ? one(box.top, box.left) : `${one(box.top, box.left)}:${one(box.bottom, box.right)}`;
      if (!external) return local;
      const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
      return `[${model.workbookName}]${name}!${local}`;
    });
    member(
      model,
      o,
      "Value2",
      () => {
        count("Value2");
        const s = sheetModel();
        return single(box) ? readValue2(s.peek(box.top, box.left)) : boxGrid(box, (r, c) => readValue2(s.peek(r, c)));
      },
      (v) => {
        count("Value2=");
        const s = sheetModel();
        model.writable(s);
        const arr = spread(box, v, "Value2");
        for (let i = 0; i <= box.bottom - box.top; i++) for (let j = 0; j <= box.right - box.left; j++) setInput(model, s, box.top + i, box.left + j, arr[i][j]);
      },
    );
    method(o, "Value", function (dataType, rhs) {
      if (arguments.length > 1) {
        o.Value2 = rhs;
        return undefined;
      }
      return o.Value2;
    });
    member(
      model,
      o,
      "Formula",
      () => {
        count("Formula");
        const s = sheetModel();
        const f = (r, c) => {
          const cell = s.peek(r, c);
          if (!cell || cell.type === "Empty") return cell && cell.formula ? cell.formula : "";
          return cell.formula || (cell.type === "Double" ? String(cell.value) : cell.type === "Boolean" ? (cell.value ? "TRUE" : "FALSE") : String(cell.value));
        };
        return single(box) ? f(box.top, box.left) : boxGrid(box, f);
      },
      (v) => {
        count("Formula=");
        const s = sheetModel();
        model.writable(s);
        const arr = spread(box, v, "Formula");
        for (let i = 0; i <= box.bottom - box.top; i++) for (let j = 0; j <= box.right - box.left; j++) setInput(model, s, box.top + i, box.left + j, arr[i][j]);
      },
    );
    member(model, o, "HasFormula", () => {
      count("HasFormula");
      return common(box, sheetModel(), (c) => !!(c && c.formula));
    });
    member(model, o, "PrefixCharacter", () => {
      const c = sheetModel().peek(box.top, box.left);
      return c && c.prefix ? "'" : "";
    });
    member(
      model,
      o,
      "NumberFormat",
      () => {
        count("NumberFormat");
        return common(box, sheetModel(), (c) => (c ? c.numberFormat : "General"));
      },
      (v) => {
        count("NumberFormat=");
        const s = sheetModel();
        model.writable(s);
        if (typeof v !== "string") throw wpsError("NumberFormat 需要字符串。");
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++) {
            s.cell(r, c).numberFormat = v;
            s.tidy(r, c);
          }
      },
    );
    member(model, o, "Interior", () => makeInterior(model, sheetModel(), box));
    member(model, o, "Font", () => makeFont(model, sheetModel(), box));
    member(model, o, "Comment", () => {
      count("Comment");
      const c = sheetModel().peek(box.top, box.left);
      return c && c.comment !== null ? makeComment(model, sheetModel(), box.top, box.left) : null;
    });
    method(o, "AddComment", (text) => {
      count("AddComment");
      const s = sheetModel();
      model.writable(s);
      const cell = s.cell(box.top, box.left);
      if (cell.comment !== null) {
        s.tidy(box.top, box.left);
        throw wpsError("该单元格已有批注。");
      }
      cell.comment = text === undefined ? "" : String(text);
      return makeComment(model, s, box.top, box.left);
    });
    method(o, "ClearComments", () => {
      count("ClearComments");
      const s = sheetModel();
      model.writable(s);
      for (const [r, c, cell] of [...s.within(box)]) {
        cell.comment = null;
        s.tidy(r, c);
      }
    });
    const clear = (what) => {
      const s = sheetModel();
      model.writable(s);
      for (const [r, c, cell] of [...s.within(box)]) {
        if (what !== "formats") Object.assign(cell, { value: "", type: "Empty", formula: null, prefix: false });
        if (what !== "contents") Object.assign(cell, { numberFormat: "General", fill: null, bold: false });
        if (what === "all") cell.comment = null;
        s.tidy(r, c);
      }
    };
    method(o, "ClearContents", () => (count("ClearContents"), clear("contents"), true));
    method(o, "ClearFormats", () => (count("ClearFormats"), clear("formats"), true));
    method(o, "Clear", () => (count("Clear"), clear("all"), true));
    method(o, "Item", (r, c) => {
      const rr = box.top + Number(r) - 1;
      const cc = box.left + Number(c === undefined ? 1 : c) - 1;
      return makeRange(model, sheet, { top: rr, left: cc, bottom: rr, right: cc });
    });
    member(model, o, "Cells", () => o);
    method(o, "Resize", (rows, cols) =>
      makeRange(model, sheet, { top: box.top, left: box.left, bottom: box.top + (rows === undefined ? box.bottom - box.top + 1 : rows) - 1, right: box.left + (cols === undefined ? box.right - box.left + 1 : cols) - 1 }),
    );
    method(o, "Offset", (dr, dc) => makeRange(model, sheet, { top: box.top + (dr || 0), left: box.left + (dc || 0), bottom: box.bottom + (dr || 0), right: box.right + (dc || 0) }));
    method(o, "Range", (a, b) => {
      const x = parseAddress(b === undefined ? a : `${a}:${b}`);
      return makeRange(model, sheet, { top: box.top + x.top - 1, left: box.left + x.left - 1, bottom: box.top + x.bottom - 1, right: box.left + x.right - 1 });
    });
    member(model, o, "EntireColumn", () => makeRange(model, sheet, { top: 1, left: box.left, bottom: MAX_ROW, right: box.right }));
    member(
      model,
      o,
      "ColumnWidth",
      () => sheetModel().columnWidths[box.left] ?? 8.38,
      (w) => {
        for (let c = box.left; c <= box.right; c++) sheetModel().columnWidths[c] = w;
      },
    );
    method(o, "Select", () => {
      if (model.active !== sheet.name) throw wpsError("不能选择非活动工作表上的区域。");
      model.selection = { sheet: sheet.name, box: { ...box } };
      return true;
    });
    method(o, "Activate", () => {
      model.active = sheet.name;
      model.selection = { sheet: sheet.name, box: { ...box } };
      return true;
    });
    member(model, o, "ListObject", () => {
      const t = model.listObjects.find((x) => x.sheet === sheet.name && box.top >= x.box.top && box.top <= x.box.bottom && box.left >= x.box.left && box.left <= x.box.right);
      return t ? makeListObject(model, t) : null;
    });
    o.__box = { sheet: sheet.name, ...box };
    return o;
  }
  function countOnly(model, n) {
    const o = {};
    member(model, o, "Count", () => n);
    return o;
  }

  function makeInterior(model, sheet, box) {
    const o = {};
    member(
      model,
      o,
      "Color",
      () => {
        model.count("Interior.Color");
        return common(box, sheet, (c) => (c && c.fill !== null ? c.fill : WHITE));
      },
      (v) => {
        model.count("Interior.Color=");
        model.writable(sheet);
        if (typeof v !== "number" || v < 0 || v > WHITE) throw wpsError("颜色值无效。");
        for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) sheet.cell(r, c).fill = v;
      },
    );
    member(
      model,
      o,
      "ColorIndex",
      () => {
        model.count("Interior.ColorIndex");
        return common(box, sheet, (c) => (c && c.fill !== null ? (c.fill === WHITE ? 2 : 0) : XL_NONE));
      },
      (v) => {
        model.count("Interior.ColorIndex=");
        model.writable(sheet);
        if (v !== XL_NONE) throw wpsError("双重模型只支持 ColorIndex = xlNone（清除填充）。");
        for (const [r, c, cell] of [...sheet.within(box)]) {
          cell.fill = null;
          sheet.tidy(r, c);
        }
      },
    );
    member(
      model,
      o,
      "Pattern",
      () => common(box, sheet, (c) => (c && c.fill !== null ? 1 : XL_NONE)),
      (v) => {
        model.writable(sheet);
        if (v !== XL_NONE) return;
        for (const [r, c, cell] of [...sheet.within(box)]) {
          cell.fill = null;
          sheet.tidy(r, c);
        }
      },
    );
    return o;
  }

  function makeFont(model, sheet, box) {
    const o = {};
    member(
      model,
      o,
      "Bold",
      () => {
        model.count("Font.Bold");
        return common(box, sheet, (c) => !!(c && c.bold));
      },
      (v) => {
        model.count("Font.Bold=");
        model.writable(sheet);
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++) {
            sheet.cell(r, c).bold = !!v;
            sheet.tidy(r, c);
          }
      },
    );
    return o;
  }

  function makeComment(model, sheet, r, c) {
    const o = {};
    method(o, "Text", (text) => {
      const cell = sheet.peek(r, c);
      if (!cell || cell.comment === null) throw wpsError("批注已被删除。");
      if (text !== undefined) {
        model.writable(sheet);
        cell.comment = String(text);
      }
      return cell.comment;
    });
    method(o, "Delete", () => {
      model.count("Comment.Delete");
      model.writable(sheet);
      const cell = sheet.peek(r, c);
      if (cell) {
        cell.comment = null;
        sheet.tidy(r, c);
      }
    });
    member(model, o, "Parent", () => makeRange(model, sheet, { top: r, left: c, bottom: r, right: c }));
    member(model, o, "Visible", () => false, () => undefined);
    return o;
  }

  function makeComments(model, sheet) {
    const list = () => {
      const out = [];
      for (const [r, row] of [...sheet.rows].sort((a, b) => a[0] - b[0])) for (const [c, cell] of [...row].sort((a, b) => a[0] - b[0])) if (cell.comment !== null) out.push([r, c]);
      return out;
    };
    const o = {};
    member(model, o, "Count", () => list().length);
    method(o, "Item", (i) => {
      model.count("Comments.Item");
      const at = list()[Number(i) - 1];
      if (!at) throw wpsError("下标越界。");
      return makeComment(model, sheet, at[0], at[1]);
    });
    return o;
  }

  function makeListObject(model, t) {
    const o = {};
    const sheet = () => model.sheet(t.sheet);
    member(model, o, "Name", () => t.name, (v) => (t.name = String(v)));
    member(model, o, "Range", () => makeRange(model, sheet(), { ...t.box }));
    member(model, o, "HeaderRowRange", () => (t.showHeaders ? makeRange(model, sheet(), { ...t.box, bottom: t.box.top }) : null));
    member(model, o, "DataBodyRange", () => makeRange(model, sheet(), { ...t.box, top: t.box.top + (t.showHeaders ? 1 : 0), bottom: t.box.bottom - (t.showTotals ? 1 : 0) }));
    member(model, o, "ShowHeaders", () => t.showHeaders, (v) => (t.showHeaders = !!v));
    member(model, o, "ShowTotals", () => t.showTotals, (v) => (t.showTotals = !!v));
    member(model, o, "Parent", () => makeSheet(model, sheet()));
    method(o, "Resize", (range) => {
      model.count("ListObject.Resize");
      const b = range && range.__box;
      if (!b || b.sheet !== t.sheet) throw wpsError("区域必须在表格所在的工作表上。");
      if (b.top !== t.box.top) throw wpsError("表头必须保持在同一行。");
      model.writable(sheet());
      t.box = { top: b.top, left: b.left, bottom: b.bottom, right: b.right };
      fillHeaderNames(model, t);
    });
    member(model, o, "ListColumns", () => {
      const c = {};
      member(model, c, "Count", () => t.box.right - t.box.left + 1);
      method(c, "Item", (i) => {
        const col = typeof i === "number" ? t.box.left + i - 1 : t.box.left + headerNames(model, t).findIndex((n) => n.toLowerCase() === String(i).toLowerCase());
        if (col < t.box.left || col > t.box.right) throw wpsError("下标越界。");
        const lc = {};
        member(model, lc, "Name", () => headerNames(model, t)[col - t.box.left]);
        member(model, lc, "Index", () => col - t.box.left + 1);
        method(lc, "Delete", () => {
          model.writable(sheet());
          if (col !== t.box.right) throw wpsError("双重模型只支持删除最后一列。");
          sheet().cell(t.box.top, col).value = "";
          sheet().cell(t.box.top, col).type = "Empty";
          sheet().tidy(t.box.top, col);
          t.box.right--;
        });
        return lc;
      });
      method(c, "Add", () => {
        model.writable(sheet());
        t.box.right++;
        fillHeaderNames(model, t);
        return c.Item(t.box.right - t.box.left + 1);
      });
      return c;
    });
    return o;
  }
  function headerNames(model, t) {
    const s = model.sheet(t.sheet);
    const out = [];
    for (let c = t.box.left; c <= t.box.right; c++) {
      const cell = s.peek(t.box.top, c);
      out.push(cell && cell.type !== "Empty" ? String(cell.value) : `列${c - t.box.left + 1}`);
    }
    return out;
  }
  /** A table column without a header gets one (列N), as ET names new table columns. */
  function fillHeaderNames(model, t) {
    if (!t.showHeaders) return;
    const s = model.sheet(t.sheet);
    headerNames(model, t).forEach((name, i) => {
      const cell = s.peek(t.box.top, t.box.left + i);
      if (!cell || cell.type === "Empty") setInput(model, s, t.box.top, t.box.left + i, name);
    });
  }

  function makeSheet(model, sheet) {
    const o = {};
    const alive = () => {
      if (!model.sheets.includes(sheet)) throw wpsError("对象已被删除。");
      return sheet;
    };
    member(
      model,
      o,
      "Name",
      () => alive().name,
      (v) => {
        model.validName(String(v), alive());
        const old = sheet.name;
        sheet.name = String(v);
        for (const t of model.listObjects) if (t.sheet === old) t.sheet = sheet.name;
        if (model.active === old) model.active = sheet.name;
      },
    );
    member(model, o, "Index", () => model.sheets.indexOf(alive()) + 1);
    member(
      model,
      o,
      "Visible",
      () => alive().visible,
      (v) => {
        const n = v === true ? -1 : v === false ? 0 : Number(v);
        if (![-1, 0, 2].includes(n)) throw wpsError("Visible 的值无效。");
        if (n !== -1 && model.sheets.filter((s) => s.visible === -1 && s !== sheet).length === 0) throw wpsError("工作簿中至少要有一张可见工作表。");
        alive().visible = n;
      },
    );
    member(model, o, "ProtectContents", () => {
      model.count("ProtectContents");
      return alive().protected;
    });
    method(o, "Protect", () => void (alive().protected = true));
    method(o, "Unprotect", () => void (alive().protected = false));
    member(model, o, "UsedRange", () => {
      model.count("UsedRange");
      return makeRange(model, alive(), alive().usedBox());
    });
    method(o, "Range", (a, b) => {
      if (a && a.__box) return makeRange(model, alive(), { top: a.__box.top, left: a.__box.left, bottom: (b || a).__box.bottom, right: (b || a).__box.right });
      const x = parseAddress(b === undefined ? String(a) : `${a}:${b}`);
      if (x.sheet) throw wpsError("地址中不能含工作表名。");
      return makeRange(model, alive(), { top: x.top, left: x.left, bottom: x.bottom, right: x.right });
    });
    const cells = () => {
      const all = makeRange(model, alive(), { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL });
      return all;
    };
    member(model, o, "Cells", cells);
    member(model, o, "Columns", () => {
      const c = {};
      method(c, "Item", (i) => makeRange(model, alive(), { top: 1, left: Number(i), bottom: MAX_ROW, right: Number(i) }));
      member(model, c, "Count", () => MAX_COL);
      return c;
    });
    member(model, o, "ListObjects", () => {
      const c = {};
      member(model, c, "Count", () => model.tablesOf(alive()).length);
      method(c, "Item", (i) => {
        const list = model.tablesOf(alive());
        const t = typeof i === "number" ? list[i - 1] : list.find((x) => x.name.toLowerCase() === String(i).toLowerCase());
        if (!t) throw wpsError("下标越界。");
        return makeListObject(model, t);
      });
      return c;
    });
    member(model, o, "Comments", () => makeComments(model, alive()));
    method(o, "Activate", () => {
      model.active = alive().name;
      model.selection = { sheet: sheet.name, box: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
    method(o, "Select", () => o.Activate());
    method(o, "Delete", () => {
      model.count("Worksheet.Delete");
      alive();
      if (model.displayAlerts) throw wpsError("删除工作表会弹出确认对话框（Application.DisplayAlerts 为 true）。");
      if (model.sheets.filter((s) => s.visible === -1 && s !== sheet).length === 0) throw wpsError("工作簿中至少要有一张可见工作表。");
      model.sheets = model.sheets.filter((s) => s !== sheet);
      model.listObjects = model.listObjects.filter((t) => t.sheet !== sheet.name);
      if (model.active === sheet.name) model.active = (model.sheets.find((s) => s.visible === -1) || model.sheets[0]).name;
      if (model.selection && model.selection.sheet === sheet.name) model.selection = null;
      return true;
    });
    method(o, "Calculate", () => calculateAll(model));
    o.__sheet = sheet.name;
    return o;
  }

  function makeSheets(model) {
    const o = {};
    member(model, o, "Count", () => model.sheets.length);
    method(o, "Item", (i) => {
      model.count("Worksheets.Item");
      const s = typeof i === "number" ? model.sheets[i - 1] : model.sheet(String(i));
      if (!s) throw wpsError("下标越界。");
      return makeSheet(model, s);
    });
    method(o, "Add", (before, after, n, type) => {
      model.count("Worksheets.Add");
      void type;
      if (n !== undefined && n !== 1) throw wpsError("双重模型一次只添加一张工作表。");
      const ref = (x) => (x && x.__sheet ? model.sheet(x.__sheet) : null);
      let index;
      if (after) index = model.sheets.indexOf(ref(after)) + 1;
      else if (before) index = model.sheets.indexOf(ref(before));
      else index = Math.max(0, model.sheets.indexOf(model.sheet(model.active)));
      const s = model.addSheet(model.nextSheetName(), index);
      model.active = s.name;
      return makeSheet(model, s);
    });
    return o;
  }

  function makeWorkbook(model) {
    const o = {};
    member(model, o, "Name", () => model.workbookName);
    member(model, o, "FullName", () => model.workbookName);
    member(model, o, "Worksheets", () => makeSheets(model));
    member(model, o, "Sheets", () => makeSheets(model));
    member(model, o, "ActiveSheet", () => makeSheet(model, model.sheet(model.active)));
    return o;
  }

  function makeWindow(model) {
    const o = {};
    const sheet = () => model.sheet(model.active);
    member(model, o, "SplitRow", () => sheet().frozenRows, (v) => (sheet().frozenRows = Number(v)));
    member(model, o, "SplitColumn", () => 0, () => undefined);
    member(model, o, "FreezePanes", () => sheet().frozenRows > 0, (v) => {
      if (!v) sheet().frozenRows = 0;
    });
    member(model, o, "ScrollRow", () => 1, () => undefined);
    return o;
  }

  function makePluginStorage(model) {
    const o = {};
    method(o, "getItem", (k) => (model.pluginStorage.has(String(k)) ? model.pluginStorage.get(String(k)) : null));
    method(o, "setItem", (k, v) => void model.pluginStorage.set(String(k), v));
    method(o, "removeItem", (k) => void model.pluginStorage.delete(String(k)));
    method(o, "clear", () => model.pluginStorage.clear());
    member(model, o, "length", () => model.pluginStorage.size);
    return o;
  }

  function makeApplication(model) {
    const app = {};
    member(model, app, "ActiveWorkbook", () => makeWorkbook(model));
    member(model, app, "ActiveSheet", () => makeSheet(model, model.sheet(model.active)));
    member(model, app, "ActiveWindow", () => makeWindow(model));
    member(model, app, "Worksheets", () => makeSheets(model));
    member(model, app, "Sheets", () => makeSheets(model));
    member(model, app, "Selection", () => {
      const sel = model.selection && model.sheet(model.selection.sheet) ? model.selection : { sheet: model.active, box: { top: 1, left: 1, bottom: 1, right: 1 } };
      return makeRange(model, model.sheet(sel.sheet), sel.box);
    });
    member(model, app, "Build", () => model.build);
    member(model, app, "Version", () => model.version);
    member(model, app, "DisplayAlerts", () => model.displayAlerts, (v) => (model.displayAlerts = !!v));
    member(model, app, "ScreenUpdating", () => model.screenUpdating, (v) => (model.screenUpdating = !!v));
    member(model, app, "EnableEvents", () => model.enableEvents, (v) => (model.enableEvents = !!v));
    method(app, "Calculate", () => calculateAll(model));
    method(app, "CalculateFull", () => calculateAll(model));
    method(app, "Range", (a) => makeSheet(model, model.sheet(model.active)).Range(a));
    const storage = makePluginStorage(model);
    member(model, app, "PluginStorage", () => storage);
    method(app, "CreateTaskPane", (url, title) => {
      const pane = { ID: model.taskPanes.length + 1, url, title, Visible: false, DockPosition: 2, Width: 320 };
      model.taskPanes.push(pane);
      return pane;
    });
    method(app, "GetTaskPane", (id) => model.taskPanes.find((p) => p.ID === Number(id)) || null);
    // WPS has custom functions from 12.1.0.20540 on: an older build has no AddCustomFunction.
    if (model.build >= 20540)
      method(app, "AddCustomFunction", (namespace, name, fn, metadata) => {
      if (typeof namespace !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || typeof fn !== "function") throw wpsError("AddCustomFunction：参数无效。");
      model.functions[`${namespace}.${name}`.toUpperCase()] = { fn, metadata };
      });
    const apiEvent = {};
    method(apiEvent, "AddApiEventListener", (name, callback) => {
      if (typeof callback !== "function" && typeof callback !== "string") throw wpsError("AddApiEventListener：参数无效。");
      (model.listeners[name] = model.listeners[name] || []).push(callback);
    });
    method(apiEvent, "RemoveApiEventListener", (name, callback) => {
      model.listeners[name] = (model.listeners[name] || []).filter((c) => callback !== undefined && c !== callback);
    });
    member(model, app, "ApiEvent", () => apiEvent);
    app.Enum = {};
    return app;
  }

  // ---------------------------------------------------------------- building a workbook
  /**
   * fixture: { sheets: [{ name, rows?, top?, left?, cells?: { A1: { value, formula, result, fill (BGR), bold, comment, numberFormat } },
   *   protected?, visible?, tables?: [{ name, address, showTotals?, showHeaders? }] }], active?, selection?,
   *   flavour?: "property" | "method", build?, name? }
   */
  function createWorkbook(fixture) {
    const f = fixture || {};
    const model = new WpsModel(f);
    for (const sf of f.sheets || [{ name: "Sheet1" }]) {
      const s = model.addSheet(sf.name);
      s.protected = false;
      const top = sf.top || 1;
      const left = sf.left || 1;
      (sf.rows || []).forEach((row, i) =>
        row.forEach((v, j) => {
          if (v !== null && v !== undefined && v !== "") setInput(model, s, top + i, left + j, v);
        }),
      );
      for (const [addr, spec] of Object.entries(sf.cells || {})) {
        const b = parseAddress(addr);
        const cell = s.cell(b.top, b.left);
        if (spec.numberFormat) cell.numberFormat = spec.numberFormat;
        if (spec.value !== undefined) setInput(model, s, b.top, b.left, spec.value);
        if (spec.formula) Object.assign(s.cell(b.top, b.left), { formula: spec.formula, value: spec.result !== undefined ? spec.result : 0, type: typeof spec.result === "string" ? "String" : "Double" });
        if (spec.fill !== undefined) s.cell(b.top, b.left).fill = spec.fill;
        if (spec.bold) s.cell(b.top, b.left).bold = true;
        if (spec.comment !== undefined) s.cell(b.top, b.left).comment = spec.comment;
        s.tidy(b.top, b.left);
      }
      for (const tf of sf.tables || []) {
        const b = parseAddress(tf.address);
        model.listObjects.push({ name: tf.name, sheet: s.name, box: { top: b.top, left: b.left, bottom: b.bottom, right: b.right }, showHeaders: tf.showHeaders !== false, showTotals: !!tf.showTotals });
      }
      s.protected = !!sf.protected;
      if (sf.visible !== undefined) s.visible = sf.visible;
    }
    if (f.active) model.active = f.active;
    if (f.selection) {
      const b = parseAddress(f.selection);
      model.selection = { sheet: b.sheet || model.active, box: { top: b.top, left: b.left, bottom: b.bottom, right: b.right } };
      if (b.sheet) model.active = b.sheet;
    }
    return new WpsDouble(model);
  }

  class WpsDouble {
    constructor(model) {
      this.model = model;
      this.application = makeApplication(model);
    }
    /** Install `Application` and `wps` on `root` (jest: globalThis; browser: window) as WPS does before any page script. */
    install(root) {
      const r = root || globalThis;
      for (const name of ["Application", "wps"]) Object.defineProperty(r, name, { value: this.application, configurable: true, writable: false });
      r.__wpsDouble = this;
      return this;
    }
    // ----- inspection and user actions for assertions
    get calls() {
      return this.model.calls;
    }
    resetCalls() {
      this.model.calls = {};
    }
    /** WPS raises an application event (WorkbookOpen, WorkbookActivate …): the listeners run. */
    fire(name, ...args) {
      for (const cb of this.model.listeners[name] || []) if (typeof cb === "function") cb(...args);
    }
    /** The nth call from now (1-based) of `member` ("Value2=", "Interior.Color=", "AddComment", "Worksheets.Add" …) throws. */
    failOn(member, nth) {
      this.model.faults.push({ member, countdown: nth || 1 });
    }
    sheetNames(all) {
      return this.model.sheets.filter((s) => all || s.visible === XL_SHEET_VISIBLE).map((s) => s.name);
    }
    sheetVisibility(name) {
      const s = this.model.sheet(name);
      return s ? s.visible : null;
    }
    cell(sheetName, address) {
      const s = this.model.sheet(sheetName);
      if (!s) throw wpsError(`没有工作表“${sheetName}”。`);
      const b = parseAddress(address);
      const c = s.peek(b.top, b.left) || newCell();
      return { value: c.type === "Empty" ? "" : c.value, type: c.type, formula: c.formula, numberFormat: c.numberFormat, fill: c.fill, bold: c.bold, comment: c.comment, prefix: c.prefix, error: c.lastError || null };
    }
    values(sheetName, address) {
      const s = this.model.sheet(sheetName);
      const b = parseAddress(address);
      return boxGrid(b, (r, c) => {
        const cell = s.peek(r, c);
        return cell && cell.type !== "Empty" ? cell.value : "";
      });
    }
    table(name) {
      const t = this.model.listObjects.find((x) => x.name === name);
      return t ? { name: t.name, sheet: t.sheet, address: `${colLetters(t.box.left)}${t.box.top}:${colLetters(t.box.right)}${t.box.bottom}`, columns: headerNames(this.model, t) } : null;
    }
    setProtected(sheetName, on) {
      this.model.sheet(sheetName).protected = on;
    }
    select(address) {
      const b = parseAddress(address);
      if (b.sheet) this.model.active = b.sheet;
      this.model.selection = { sheet: b.sheet || this.model.active, box: { top: b.top, left: b.left, bottom: b.bottom, right: b.right } };
    }
    get activeSheet() {
      return this.model.active;
    }
    get selection() {
      const s = this.model.selection;
      return s ? { sheet: s.sheet, address: `${colLetters(s.box.left)}${s.box.top}` } : null;
    }
    /** Type into a cell as a user would (a formula is computed at once). */
    type(sheetName, address, input) {
      const s = this.model.sheet(sheetName);
      const b = parseAddress(address);
      setInput(this.model, s, b.top, b.left, input);
    }
    get functions() {
      return Object.keys(this.model.functions).sort();
    }
    metadataOf(id) {
      const e = this.model.functions[id.toUpperCase()];
      return e ? e.metadata : undefined;
    }
    get calculations() {
      return this.model.calculations;
    }
    get pluginStorage() {
      return this.model.pluginStorage;
    }
    get taskPanes() {
      return this.model.taskPanes;
    }
    get displayAlerts() {
      return this.model.displayAlerts;
    }
    get screenUpdating() {
      return this.model.screenUpdating;
    }
    /** Everything observable, as plain JSON (for "restored exactly" comparisons). */
    dump() {
      const m = this.model;
      return {
        sheets: m.sheets.map((s) => {
          const cells = {};
          for (const r of [...s.rows.keys()].sort((a, b) => a - b))
            for (const c of [...s.rows.get(r).keys()].sort((a, b) => a - b)) {
              const cell = s.rows.get(r).get(c);
              if (isDefault(cell)) continue;
              const out = {};
              const blank = newCell();
              for (const k of Object.keys(blank)) if (JSON.stringify(cell[k]) !== JSON.stringify(blank[k])) out[k] = cell[k];
              cells[`${colLetters(c)}${r}`] = out;
            }
          return { name: s.name, protected: s.protected, visible: s.visible, cells };
        }),
        tables: m.listObjects.map((t) => ({ name: t.name, sheet: t.sheet, box: t.box, showHeaders: t.showHeaders, showTotals: t.showTotals })),
      };
    }
  }

  /** VBA's RGB(r, g, b): a BGR long. */
  function rgb(r, g, b) {
    return r + g * 256 + b * 65536;
  }

  return { createWorkbook, rgb, XL_NONE, WHITE };
});
