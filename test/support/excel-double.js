/* An in-memory Excel for tests: installs fake `Excel`, `Office` and `OfficeExtension` globals that
 * behave like Office.js where the add-in depends on it. ONE module shared by the jest tests
 * (require("./excel-double")) and the browser suite (page.addInitScript with this file's text,
 * which defines window.ExcelDouble). Plain ES2020, no dependencies.
 *
 * Faithful where it matters:
 * - load()/sync(): reading a property that was not loaded and synced throws PropertyNotLoaded;
 *   queued commands run only at context.sync(), in order; a failing command stops the batch there
 *   (earlier commands of the batch stay applied, as in Excel).
 * - values: a string beginning with "=" (or + - @ followed by a non-number) becomes a formula, a
 *   numeric / boolean / percent / error-looking string is converted as Excel converts typed input,
 *   an apostrophe prefix keeps the rest as text, and a cell formatted "@" keeps any string as text.
 *   null in a values array leaves that cell unchanged; "" clears it.
 * - tables (ListObjects) with header/totals rows, resize (1.13), columns.add; fills; conditional
 *   formats; notes (ExcelApi 1.18) and comments (1.10); worksheet protection (writes to a protected
 *   sheet fail with AccessDenied); charts (add from a range, name, title, axis titles, setPosition,
 *   getItemOrNullObject, delete: what they were made from, not how they look); requirement sets (APIs above the configured ExcelApi version fail
 *   with ApiNotFound at sync); document settings with saveAsync.
 * - every sync is counted with its request size (JSON of the queued commands); a request above the
 *   payload limit (5 MB, Excel on the web) fails with RequestPayloadSizeLimitExceeded before anything
 *   is applied, and a response above it fails with ResponsePayloadSizeLimitExceeded.
 * Not modelled: formula evaluation (a formula's value is 0 unless set by a fixture), dates, styles
 * other than fill / number format / bold, events.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.ExcelDouble = api;
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  const MB = 1024 * 1024;
  const OP_OVERHEAD = 64; // bytes per queued command besides its arguments
  const SYNC_SLICE_MS = 10; // a request's commands run in slices of about this long (see RequestContext.sync)

  // ---------------------------------------------------------------- addresses
  function colLetters(col) {
    let s = "";
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function colNumber(letters) {
    return letters
      .toUpperCase()
      .split("")
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  }
  const MAX_ROW = 1048576;
  const MAX_COL = 16384;

  /** "Sheet!A1:B2" | "A1" | "A:C" | "2:5" → { sheet?, top, left, bottom, right } */
  function parseAddress(address) {
    let s = String(address).trim();
    let sheet;
    const bang = s.lastIndexOf("!");
    if (bang >= 0) {
      sheet = s.slice(0, bang);
      if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
      s = s.slice(bang + 1);
    }
    s = s.replace(/\$/g, "");
    const parts = s.split(":");
    const one = (p) => {
      let m = /^([A-Z]+)(\d+)$/i.exec(p);
      if (m) return { row: Number(m[2]), col: colNumber(m[1]) };
      m = /^([A-Z]+)$/i.exec(p);
      if (m) return { row: null, col: colNumber(m[1]) };
      m = /^(\d+)$/.exec(p);
      if (m) return { row: Number(m[1]), col: null };
      throw officeError("InvalidArgument", `The address "${address}" is not valid.`);
    };
    const a = one(parts[0]);
    const b = parts.length > 1 ? one(parts[1]) : a;
    return {
      sheet,
      top: a.row === null ? 1 : Math.min(a.row, b.row),
      bottom: a.row === null ? MAX_ROW : Math.max(a.row, b.row),
      left: a.col === null ? 1 : Math.min(a.col, b.col),
      right: a.col === null ? MAX_COL : Math.max(a.col, b.col),
    };
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  }
  function boxAddress(box, sheet) {
    const a = `${colLetters(box.left)}${box.top}`;
    const b = `${colLetters(box.right)}${box.bottom}`;
    const local = a === b ? a : `${a}:${b}`;
    return sheet ? `${quoteSheet(sheet)}!${local}` : local;
  }

  // ---------------------------------------------------------------- errors
  function officeError(code, message) {
    const E = OfficeExtensionError;
    return new E(code, message);
  }
  class OfficeExtensionError extends Error {
    constructor(code, message) {
      super(message || code);
      this.name = "RichApi.Error";
      this.code = code;
      this.debugInfo = { code, message: message || code };
    }
  }
  const notLoaded = (name) =>
    officeError(
      "PropertyNotLoaded",
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );

  // ---------------------------------------------------------------- sizes
  function utf8Bytes(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
    }
    return n;
  }
  /**
   * The UTF-8 size of JSON.stringify(v), counted without making the string: a 40,000-cell block made
   * megabytes of strings only to be measured, and their garbage collection held the page's thread.
   */
  function jsonBytes(v) {
    if (v === undefined) return 0;
    switch (typeof v) {
      case "string":
        return jsonStringBytes(v);
      case "number":
        return Number.isFinite(v) ? String(v).length : 4;
      case "boolean":
        return v ? 4 : 5;
      case "object":
        break;
      default:
        return 0;
    }
    if (v === null) return 4;
    if (typeof v.toJSON === "function") return utf8Bytes(JSON.stringify(v));
    if (Array.isArray(v)) {
      let n = 1 + Math.max(0, v.length - 1) + 1;
      for (const x of v) n += x === undefined || typeof x === "function" || typeof x === "symbol" ? 4 : jsonBytes(x);
      return n;
    }
    let n = 2;
    let first = true;
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
      n += (first ? 0 : 1) + jsonStringBytes(k) + 1 + jsonBytes(x);
      first = false;
    }
    return n;
  }
  function jsonStringBytes(s) {
    let n = 2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x22 || c === 0x5c || c === 8 || c === 9 || c === 10 || c === 12 || c === 13) n += 2;
      else if (c < 0x20) n += 6;
      else if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        n += 4;
        i++;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        n += 6; // a lone surrogate is written as \uXXXX
      } else n += 3;
    }
    return n;
  }

  // ---------------------------------------------------------------- commands in steps
  // A command over many cells (reading or writing a block, cell properties, fills) is written as a
  // generator that yields every STEP_CELLS cells; RequestContext.sync runs it in time slices like the
  // rest of a request, so one big command does not hold the page's thread for 50–150 ms at a time (a
  // real Excel does this work in another process). What the command does is the same as in one go.
  const STEP_CELLS = 512;
  const isSteps = (x) => !!x && typeof x === "object" && typeof x.next === "function";
  /** Run a command's steps to the end (or pass a plain result through). */
  function finish(out) {
    if (!isSteps(out)) return out;
    let step;
    while (!(step = out.next()).done);
    return step.value;
  }
  function* forEachCellSteps(box, fn) {
    let n = 0;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) fn(r, c, r - box.top, c - box.left);
      n += box.right - box.left + 1;
      if (n >= STEP_CELLS) {
        n = 0;
        yield;
      }
    }
  }
  function* gridSteps(box, fn) {
    const out = [];
    let n = 0;
    for (let r = box.top; r <= box.bottom; r++) {
      const row = [];
      for (let c = box.left; c <= box.right; c++) row.push(fn(r, c));
      out.push(row);
      n += row.length;
      if (n >= STEP_CELLS) {
        n = 0;
        yield;
      }
    }
    return out;
  }
  /** jsonBytes, in steps over a long array's items (the same sum: brackets, commas, items). */
  function* jsonBytesSteps(v) {
    if (!Array.isArray(v) || v.length < 64) return jsonBytes(v);
    let n = 2 + v.length - 1;
    for (let i = 0; i < v.length; i++) {
      n += v[i] === undefined || typeof v[i] === "function" || typeof v[i] === "symbol" ? 4 : jsonBytes(v[i]);
      if (i % 64 === 63) yield;
    }
    return n;
  }

  // ---------------------------------------------------------------- typed input (what Excel does with a string)
  const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"];
  const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

  /** The content a cell gets when `input` is assigned to range.values (or formulas). */
  function interpret(input, cellFormat, asFormulas) {
    if (typeof input === "number") {
      if (!Number.isFinite(input)) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      return { value: input, type: "Double" };
    }
    if (typeof input === "boolean") return { value: input, type: "Boolean" };
    if (input === "") return { value: "", type: "Empty" };
    if (typeof input !== "string") throw officeError("InvalidArgument", `Unsupported value ${String(input)}.`);
    if (cellFormat === "@") return { value: input, type: "String" }; // a text-formatted cell keeps strings as typed
    if (input.startsWith("'")) return { value: input.slice(1), type: input.length > 1 ? "String" : "Empty", prefix: true };
    if (input.length > 1 && input.startsWith("=")) return { formula: input, value: 0, type: "Double" };
    const t = input.trim();
    const bare = t.replace(/,/g, "");
    if (NUMERIC.test(bare)) return { value: Number(bare), type: "Double" };
    if (/%$/.test(bare) && NUMERIC.test(bare.slice(0, -1).trim())) return { value: Number(bare.slice(0, -1)) / 100, type: "Double", impliedFormat: "0%" };
    if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t), type: "Boolean" };
    if (ERRORS.includes(t.toUpperCase())) return { value: t.toUpperCase(), type: "Error" };
    if (/^[+\-@]./.test(input)) return { formula: "=" + input, value: 0, type: "Double" };
    void asFormulas;
    return { value: input, type: "String" };
  }

  // ---------------------------------------------------------------- the model
  // A cell's defaults live on a shared prototype and a cell holds only what was set on it: the double
  // keeps every cell of the simulated workbook on the page's heap (300,000 for a 20,000-row table), where
  // a real Excel keeps them in its own process; this makes that heap about a third smaller.
  const CELL_DEFAULTS = { value: "", type: "Empty", formula: null, numberFormat: "General", fill: null, note: null, comment: null, prefix: false, bold: false };
  function newCell() {
    const cell = Object.create(CELL_DEFAULTS);
    cell.value = "";
    cell.type = "Empty";
    return cell;
  }
  function isDefaultCell(c) {
    return c.type === "Empty" && !c.formula && c.numberFormat === "General" && !c.fill && c.note === null && c.comment === null && !c.bold;
  }

  class SheetModel {
    constructor(name, id) {
      this.name = name;
      this.id = id;
      this.rows = new Map(); // row → Map(col → cell)
      this.used = null; // usedBox's answers until a cell changes: { values, any }
      this.protected = false;
      this.visibility = "Visible";
      this.frozenRows = 0;
      this.columnWidths = {};
      this.conditionalFormats = [];
      this.charts = []; // { name, type, seriesBy, source: box, title, categoryTitle, valueTitle, position: box | null }
    }
    peek(r, c) {
      const row = this.rows.get(r);
      return row ? row.get(c) : undefined;
    }
    /** A cell may change: forget the used range worked out before. */
    touch() {
      this.used = null;
    }
    cell(r, c) {
      this.used = null; // the caller is about to change this cell
      let row = this.rows.get(r);
      if (!row) this.rows.set(r, (row = new Map()));
      let cell = row.get(c);
      if (!cell) row.set(c, (cell = newCell()));
      return cell;
    }
    tidy(r, c) {
      this.used = null;
      const row = this.rows.get(r);
      if (!row) return;
      const cell = row.get(c);
      if (cell && isDefaultCell(cell)) row.delete(c);
      if (row.size === 0) this.rows.delete(r);
    }
    /**
     * Smallest box holding every non-empty value (valuesOnly) or any non-default cell. Remembered until a
     * cell changes: walking every cell of a 20,000-row sheet on each call took 50–100 ms of the page's thread.
     */
    usedBox(valuesOnly) {
      const key = valuesOnly ? "values" : "any";
      if (!this.used) this.used = {};
      if (!(key in this.used)) this.used[key] = this.walkUsed(valuesOnly);
      return this.used[key] && { ...this.used[key] };
    }
    walkUsed(valuesOnly) {
      let top = Infinity,
        left = Infinity,
        bottom = -Infinity,
        right = -Infinity;
      // forEach, not `for (const [c, cell] of row)`: that makes an array per cell, 300,000 of them here.
      this.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (valuesOnly ? cell.type === "Empty" && !cell.formula : isDefaultCell(cell)) return;
          if (r < top) top = r;
          if (r > bottom) bottom = r;
          if (c < left) left = c;
          if (c > right) right = c;
        }),
      );
      return top === Infinity ? null : { top, left, bottom, right };
    }
  }

  const clock = () => (typeof globalThis.performance !== "undefined" ? globalThis.performance.now() : Date.now());

  class WorkbookModel {
    constructor(options) {
      this.sheets = [];
      this.tables = [];
      this.nextId = 1;
      this.settings = {};
      this.savedSettings = {};
      this.calculations = [];
      this.selection = null; // { sheet, box }
      this.activeSheet = null;
      this.excelApi = options.excelApi || "1.18";
      this.payloadLimit = options.payloadLimit || 5 * MB;
      this.responseLimit = options.responseLimit || 5 * MB;
      this.stats = { syncs: 0, runs: 0, requests: [] };
      this.onReadyMode = options.onReady || "excel"; // "excel" | "never" | "no-host"
      // When the double itself was busy simulating Excel ([start, end] in performance.now() ms): in a page
      // that work runs on the add-in's thread, where a real Excel works in another process.
      this.busy = [];
      // The request being worked through (Excel takes one at a time, in the order they were sent).
      this.lastRequest = Promise.resolve();
      // The shared runtime's pieces the pane uses: Office's theme, the pane's visibility, ribbon commands.
      this.officeTheme = options.officeTheme || null;
      this.paneVisible = true;
      this.visibilityHandlers = [];
      this.actions = {};
      this.fault = null; // a planned sync failure (failSync)
    }
    /** The fault planned for the sync being made now, if any (see ExcelDouble.failSync). */
    takeFault(queue) {
      const f = this.fault;
      if (!f) return null;
      if (f.onOp && !queue.some((op) => op.name === f.onOp)) return null;
      f.countdown--;
      if (f.countdown > 0) return null;
      f.times--;
      if (f.times <= 0) this.fault = null;
      return f;
    }
    sheet(name) {
      const key = String(name).toLowerCase();
      return this.sheets.find((s) => s.name.toLowerCase() === key);
    }
    requireSheet(name) {
      const s = this.sheet(name);
      if (!s) throw officeError("ItemNotFound", `The requested resource doesn't exist. (sheet "${name}")`);
      return s;
    }
    addSheet(name) {
      if (this.sheet(name)) throw officeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      if (!name || /[\\/?*[\]:]/.test(name) || name.length > 31) throw officeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
      const s = new SheetModel(name, `{sheet-${this.nextId++}}`);
      this.sheets.push(s);
      if (!this.activeSheet) this.activeSheet = s.name;
      return s;
    }
    supports(version) {
      const [a, b] = String(this.excelApi).split(".").map(Number);
      const [c, d] = String(version).split(".").map(Number);
      return a > c || (a === c && b >= d);
    }
    tableBox(t, part) {
      const b = t.box;
      const headerTop = b.top;
      const dataTop = t.showHeaders ? b.top + 1 : b.top;
      const dataBottom = t.showTotals ? b.bottom - 1 : b.bottom;
      if (part === "header") return { top: headerTop, left: b.left, bottom: headerTop, right: b.right };
      if (part === "data") return { top: dataTop, left: b.left, bottom: dataBottom, right: b.right };
      if (part === "totals") return { top: b.bottom, left: b.left, bottom: b.bottom, right: b.right };
      return { ...b };
    }
    busyFor(t0) {
      const t1 = clock();
      if (t1 - t0 >= 1) this.busy.push([t0, t1]);
    }
    /** Requests one after another: `work(done)` starts when the request before it is done; done(error) ends it. */
    queueRequest(work) {
      const request = this.lastRequest.then(() => new Promise((resolve, reject) => work((e) => (e ? reject(e) : resolve()))));
      this.lastRequest = request.catch(() => undefined);
      return request;
    }
    setPaneVisible(on) {
      if (this.paneVisible === !!on) return;
      this.paneVisible = !!on;
      for (const h of this.visibilityHandlers) h({ visibilityMode: on ? "Taskpane" : "Hidden" });
    }
    tableColumnNames(t) {
      const s = this.requireSheet(t.sheet);
      const out = [];
      for (let c = t.box.left; c <= t.box.right; c++) {
        const cell = s.peek(t.box.top, c);
        out.push(cell && cell.type !== "Empty" ? String(cell.value) : `Column${c - t.box.left + 1}`);
      }
      return out;
    }
  }

  // ---------------------------------------------------------------- request context and proxies
  class RequestContext {
    constructor(model) {
      this._model = model;
      this._queue = [];
      this.workbook = new Workbook(this);
      this.application = this.workbook.application;
    }
    _enqueue(op) {
      this._queue.push(op);
    }
    /** Queue a command; `run` executes at sync against the model. `args` sizes the request. */
    _op(name, args, run, needs) {
      const t0 = clock();
      this._enqueue({ name, bytes: OP_OVERHEAD + jsonBytes(args), run, needs });
      this._model.busyFor(t0);
    }
    trackedObjects = { add() {}, remove() {} };
    sync(passThrough) {
      const model = this._model;
      const queue = this._queue;
      this._queue = [];
      model.stats.syncs++;
      const fault = model.takeFault(queue);
      const bytes = queue.reduce((n, op) => n + op.bytes, 0);
      const record = { bytes, ops: queue.length, responseBytes: 0, names: queue.map((o) => o.name) };
      model.stats.requests.push(record);
      // Asynchronous like the real host: the caller cannot observe the batch before sync resolves. Excel
      // works through one request at a time, in the order they were sent, and in its own process: the
      // page goes on meanwhile. So the double takes a request's commands in order, in slices of about
      // SYNC_SLICE_MS, and lets the page's event loop run between slices (what the commands do, and
      // when a failure stops them, is the same as in one go); the next request starts when this one ends.
      return model
        .queueRequest((done) => {
          let next = 0;
          let response = 0;
          let running = null; // the steps of a command begun in an earlier slice
          const slice = () => {
            const t0 = clock();
            try {
              if (next === 0) {
                if (fault) {
                  // An injected failure (tests): the first `afterOps` commands are applied, then the request fails.
                  for (const op of queue.slice(0, fault.afterOps || 0)) finish(op.run());
                  throw officeError(fault.code || "GeneralException", `Injected failure of sync ${model.stats.syncs}.`);
                }
                if (bytes > model.payloadLimit) {
                  throw officeError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
                }
              }
              while (next < queue.length || running) {
                if (!running) {
                  const op = queue[next++];
                  if (op.needs && !model.supports(op.needs)) throw officeError("ApiNotFound", `The API you are trying to use could not be found (${op.name} needs ExcelApi ${op.needs}).`);
                  const out = op.run();
                  if (isSteps(out)) running = out;
                  else if (typeof out === "number") response += out;
                }
                if (running) {
                  // A command over many cells goes in steps (see gridSteps), so it too gives way after a slice.
                  let step;
                  while (!(step = running.next()).done && clock() - t0 < SYNC_SLICE_MS);
                  if (step.done) {
                    running = null;
                    if (typeof step.value === "number") response += step.value;
                  }
                }
                if ((next < queue.length || running) && clock() - t0 >= SYNC_SLICE_MS) {
                  model.busyFor(t0);
                  setTimeout(slice, 0);
                  return;
                }
              }
              record.responseBytes = response;
              if (response > model.responseLimit) throw officeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${response} bytes) has exceeded the limit.`);
              model.busyFor(t0);
              done(null);
            } catch (e) {
              model.busyFor(t0);
              done(e);
            }
          };
          setTimeout(slice, 0);
        })
        .then(() => passThrough);
    }
  }

  /** Base of every proxy: loaded data, lazily resolved target. */
  class ClientObject {
    constructor(ctx, resolve) {
      this.context = ctx;
      this._resolve = resolve;
      this._data = {};
      this._null = undefined;
    }
    get isNullObject() {
      if (this._null === undefined) throw notLoaded("isNullObject");
      return this._null;
    }
    _get(name) {
      if (this._null) throw officeError("InvalidObjectPath", `The object is a null object; '${name}' is not available.`);
      if (!Object.prototype.hasOwnProperty.call(this._data, name)) throw notLoaded(name);
      return this._data[name];
    }
    _props(spec) {
      if (spec === undefined) return this._scalarNames();
      if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
      if (Array.isArray(spec)) return spec.flatMap((s) => this._props(s));
      if (spec && typeof spec === "object") return spec.select ? this._props(spec.select) : Object.keys(spec).filter((k) => spec[k]);
      return [];
    }
    _scalarNames() {
      return [];
    }
    /** Read property `name` of target (the model object). */
    _read() {
      return undefined;
    }
    /** _read in steps, for properties over many cells (a range's values …); see gridSteps. */
    // eslint-disable-next-line require-yield -- most properties are one value, read at once; Range overrides this
    *_readSteps(target, name) {
      return this._read(target, name);
    }
    load(spec) {
      const names = this._props(spec);
      this.context._op(`${this.constructor.name}.load`, names, () => this._loadSteps(names));
      return this;
    }
    *_loadSteps(names) {
      const target = this._resolve(true);
      if (target === null) {
        this._null = true;
        return 8;
      }
      this._null = false;
      let bytes = 16;
      for (const n of names) {
        if (n.includes("/")) continue; // navigation paths are loaded by their own objects
        const v = yield* this._readSteps(target, n);
        this._data[n] = v;
        bytes += (yield* jsonBytesSteps(v)) + n.length + 4;
      }
      return bytes;
    }
    toJSON() {
      return { ...this._data };
    }
  }
  /**
   * Base of the collections (worksheets, tables, a table's columns, charts, notes, comments): `items`
   * can be read once a load has been synced. load(spec) queues `<opName>.load`, whose run builds the
   * item proxies with `_loadItems(names)` (names: the properties the spec asks of the items) and
   * answers the response's size.
   */
  class ItemCollection extends ClientObject {
    constructor(ctx, resolve, opName = new.target.name, needs = undefined) {
      super(ctx, resolve);
      this._opName = opName;
      this._needs = needs;
      this._items = undefined;
    }
    get items() {
      if (this._items === undefined) throw notLoaded("items");
      return this._items;
    }
    load(spec) {
      const names = this._props(spec).map((n) => n.replace(/^items\//, ""));
      this.context._op(`${this._opName}.load`, spec, () => {
        const { items, bytes } = this._loadItems(names);
        this._items = items;
        return bytes;
      }, this._needs);
      return this;
    }
  }
  /** An item proxy as a collection's load leaves it: not null, `data` loaded. */
  function loadedItem(proxy, data) {
    proxy._null = false;
    proxy._data = data;
    return proxy;
  }
  function defineProps(cls, names, setter) {
    for (const n of names) {
      Object.defineProperty(cls.prototype, n, {
        configurable: true,
        get() {
          return this._get(n);
        },
        set: setter
          ? function (v) {
              setter.call(this, n, v);
            }
          : undefined,
      });
    }
  }

  // ---------- Workbook
  class Workbook {
    constructor(ctx) {
      this.context = ctx;
      const m = () => ctx._model;
      this.worksheets = new WorksheetCollection(ctx);
      this.tables = new TableCollection(ctx, () => m().tables);
      this.application = new Application(ctx);
      this.notes = new NoteCollection(ctx, () => null);
      this.comments = new CommentCollection(ctx, () => null);
    }
    getSelectedRange() {
      const ctx = this.context;
      return new Range(ctx, () => {
        const sel = ctx._model.selection;
        if (!sel) throw officeError("ItemNotFound", "Nothing is selected.");
        return { sheet: ctx._model.requireSheet(sel.sheet), box: sel.box };
      });
    }
  }

  class Application {
    constructor(ctx) {
      this.context = ctx;
    }
    calculate(calculationType) {
      const ctx = this.context;
      ctx._op("Application.calculate", [calculationType], () => {
        ctx._model.calculations.push(calculationType);
      });
    }
    suspendApiCalculationUntilNextSync() {
      this.context._op("Application.suspendApiCalculationUntilNextSync", [], () => {
        this.context._model.stats.suspended = (this.context._model.stats.suspended || 0) + 1;
      }, "1.6");
    }
  }

  // ---------- Worksheets
  class WorksheetCollection extends ItemCollection {
    constructor(ctx) {
      super(ctx, () => ctx._model.sheets);
    }
    _loadItems() {
      const ctx = this.context;
      const items = ctx._model.sheets.map((s) => loadedItem(new Worksheet(ctx, () => s), { name: s.name, id: s.id, position: ctx._model.sheets.indexOf(s), visibility: s.visibility }));
      return { items, bytes: 40 * items.length };
    }
    getItem(name) {
      const ctx = this.context;
      return new Worksheet(ctx, () => ctx._model.requireSheet(name));
    }
    getItemOrNullObject(name) {
      const ctx = this.context;
      return new Worksheet(ctx, (forLoad) => {
        const s = ctx._model.sheet(name);
        if (!s && !forLoad) throw officeError("InvalidObjectPath", `Sheet "${name}" is a null object.`);
        return s || null;
      }, "1.4");
    }
    getActiveWorksheet() {
      const ctx = this.context;
      return new Worksheet(ctx, () => ctx._model.requireSheet(ctx._model.activeSheet));
    }
    add(name) {
      const ctx = this.context;
      let created = null;
      ctx._op("WorksheetCollection.add", [name], () => {
        created = ctx._model.addSheet(name);
      });
      return new Worksheet(ctx, () => {
        if (!created) throw officeError("InvalidObjectPath", "The sheet was not created.");
        return created;
      });
    }
    getCount() {
      const ctx = this.context;
      return clientResult(ctx, "WorksheetCollection.getCount", () => ctx._model.sheets.length);
    }
  }

  function clientResult(ctx, name, compute, needs) {
    const result = {
      _done: false,
      _value: undefined,
      get value() {
        if (!this._done) throw notLoaded("value");
        return this._value;
      },
    };
    ctx._op(name, [], function* () {
      let v = compute();
      if (isSteps(v)) v = yield* v;
      result._value = v;
      result._done = true;
      return yield* jsonBytesSteps(v);
    }, needs);
    return result;
  }

  // ---------- Charts (ExcelApi 1.1; getItemOrNullObject 1.4): the model keeps what a chart was made from.
  class ChartCollection extends ItemCollection {
    _loadItems() {
      const items = this._resolve().charts.map((c) => loadedItem(new Chart(this.context, () => c), { name: c.name }));
      return { items, bytes: 24 * items.length };
    }
    add(type, sourceData, seriesBy) {
      const ctx = this.context;
      let made = null;
      ctx._op("ChartCollection.add", [type, seriesBy], () => {
        const sheet = this._resolve();
        const src = sourceData._resolve();
        if (src.sheet !== sheet) throw officeError("InvalidArgument", "The chart's data must be on its sheet.");
        made = { name: `Chart ${sheet.charts.length + 1}`, type, seriesBy, source: { ...src.box }, title: "", categoryTitle: "", valueTitle: "", valueStep: null, position: null };
        sheet.charts.push(made);
      });
      return new Chart(ctx, () => {
        if (!made) throw officeError("InvalidObjectPath", "The chart was not created.");
        return made;
      });
    }
    getItemOrNullObject(name) {
      const ctx = this.context;
      const ch = new Chart(ctx, (forLoad) => {
        const c = this._resolve().charts.find((x) => x.name === name);
        if (!c && !forLoad) throw officeError("InvalidObjectPath", `Chart "${name}" is a null object.`);
        return c || null;
      });
      ch._needs = "1.4";
      return ch;
    }
  }

  class Chart extends ClientObject {
    constructor(ctx, resolve) {
      super(ctx, resolve);
      const text = (field) => {
        const o = {};
        Object.defineProperty(o, "text", {
          set: (v) => {
            ctx._op(`Chart.${field}=`, [v], () => {
              this._resolve()[field] = String(v);
            });
          },
          get: () => {
            throw notLoaded("text");
          },
        });
        return o;
      };
      this.title = text("title");
      const valueAxis = { title: text("valueTitle") };
      Object.defineProperty(valueAxis, "majorUnit", {
        set: (v) => {
          ctx._op("ChartAxis.majorUnit=", [v], () => {
            this._resolve().valueStep = Number(v);
          });
        },
        get: () => {
          throw notLoaded("majorUnit");
        },
      });
      this.axes = { categoryAxis: { title: text("categoryTitle") }, valueAxis };
    }
    _scalarNames() {
      return ["name"];
    }
    _read(c, n) {
      return n === "name" ? c.name : undefined;
    }
    load(spec) {
      if (this._needs && !this.context._model.supports(this._needs)) {
        this.context._op("Chart.load", [], () => {
          throw officeError("ApiNotFound", `getItemOrNullObject needs ExcelApi ${this._needs}.`);
        });
        return this;
      }
      return super.load(spec);
    }
    set name(v) {
      this.context._op("Chart.name=", [v], () => {
        this._resolve().name = String(v);
      });
    }
    get name() {
      return this._get("name");
    }
    setPosition(startCell, endCell) {
      const ctx = this.context;
      ctx._op("Chart.setPosition", [], () => {
        const box = (x) => (typeof x === "string" ? parseAddress(x) : x._resolve().box);
        const a = box(startCell);
        const b = endCell === undefined ? a : box(endCell);
        this._resolve().position = { top: a.top, left: a.left, bottom: b.bottom, right: b.right };
      });
    }
    delete() {
      const ctx = this.context;
      ctx._op("Chart.delete", [], () => {
        const c = this._resolve();
        for (const s of ctx._model.sheets) {
          const i = s.charts.indexOf(c);
          if (i >= 0) s.charts.splice(i, 1);
        }
      });
    }
  }

  class Worksheet extends ClientObject {
    constructor(ctx, resolve, needs) {
      super(ctx, resolve);
      this._needs = needs;
      this.protection = new WorksheetProtection(ctx, () => this._resolve());
      this.tables = new TableCollection(ctx, () => ctx._model.tables.filter((t) => t.sheet === this._resolve().name));
      this.notes = new NoteCollection(ctx, () => this._resolve());
      this.comments = new CommentCollection(ctx, () => this._resolve());
      this.charts = new ChartCollection(ctx, () => this._resolve());
      this.freezePanes = {
        freezeRows: (n) => ctx._op("WorksheetFreezePanes.freezeRows", [n], () => {
          this._resolve().frozenRows = n;
        }),
      };
    }
    _scalarNames() {
      return ["name", "id", "position", "visibility"];
    }
    _read(s, n) {
      if (n === "position") return this.context._model.sheets.indexOf(s);
      if (n === "name" || n === "id" || n === "visibility") return s[n];
      return undefined;
    }
    load(spec) {
      if (this._needs && !this.context._model.supports(this._needs)) {
        this.context._op("Worksheet.load", [], () => {
          throw officeError("ApiNotFound", `getItemOrNullObject needs ExcelApi ${this._needs}.`);
        });
        return this;
      }
      return super.load(spec);
    }
    _range(box) {
      return new Range(this.context, () => ({ sheet: this._resolve(), box }));
    }
    getRange(address) {
      if (address === undefined || address === "") return new Range(this.context, () => ({ sheet: this._resolve(), box: { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL } }));
      const box = parseAddress(address);
      return this._range({ top: box.top, left: box.left, bottom: box.bottom, right: box.right });
    }
    getRangeByIndexes(startRow, startColumn, rowCount, columnCount) {
      if (rowCount < 1 || columnCount < 1) throw officeError("InvalidArgument", "rowCount and columnCount must be ≥ 1.");
      return this._range({ top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount });
    }
    getCell(row, column) {
      return this._range({ top: row + 1, left: column + 1, bottom: row + 1, right: column + 1 });
    }
    getRanges(address) {
      const boxes = String(address).split(",").map((a) => parseAddress(a));
      return new RangeAreas(this.context, () => ({ sheet: this._resolve(), boxes }));
    }
    getUsedRange(valuesOnly) {
      return new Range(this.context, () => {
        const s = this._resolve();
        return { sheet: s, box: s.usedBox(valuesOnly) || { top: 1, left: 1, bottom: 1, right: 1 } };
      });
    }
    getUsedRangeOrNullObject(valuesOnly) {
      const r = new Range(this.context, (forLoad) => {
        const s = this._resolve();
        const box = s.usedBox(valuesOnly);
        if (!box) {
          if (forLoad) return null;
          throw officeError("InvalidObjectPath", "The used range is a null object.");
        }
        return { sheet: s, box };
      });
      r._needs = "1.4";
      return r;
    }
    activate() {
      this.context._op("Worksheet.activate", [], () => {
        this.context._model.activeSheet = this._resolve().name;
      });
    }
    delete() {
      const ctx = this.context;
      ctx._op("Worksheet.delete", [], () => {
        const m = ctx._model;
        const s = this._resolve();
        if (m.sheets.length === 1) throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        m.sheets.splice(m.sheets.indexOf(s), 1);
        m.tables = m.tables.filter((t) => t.sheet !== s.name);
        if (m.activeSheet === s.name) m.activeSheet = m.sheets[0].name;
        if (m.selection && m.selection.sheet === s.name) m.selection = null;
      });
    }
  }
  defineProps(Worksheet, ["name", "id", "position", "visibility"], function (n, v) {
    if (n !== "name" && n !== "position" && n !== "visibility") throw new TypeError(`${n} is read-only`);
    this.context._op(`Worksheet.${n}=`, [v], () => {
      const s = this._resolve();
      if (n === "name") {
        for (const t of this.context._model.tables) if (t.sheet === s.name) t.sheet = v;
        s.name = v;
      } else if (n === "position") {
        const m = this.context._model;
        m.sheets.splice(m.sheets.indexOf(s), 1);
        m.sheets.splice(v, 0, s);
      } else s.visibility = v;
    });
  });

  class WorksheetProtection extends ClientObject {
    _scalarNames() {
      return ["protected"];
    }
    _read(s, n) {
      return n === "protected" ? s.protected : undefined;
    }
    protect() {
      this.context._op("WorksheetProtection.protect", [], () => {
        this._resolve().protected = true;
      });
    }
    unprotect() {
      this.context._op("WorksheetProtection.unprotect", [], () => {
        this._resolve().protected = false;
      });
    }
  }
  defineProps(WorksheetProtection, ["protected"]);

  // ---------- Ranges
  function assertWritable(sheet) {
    if (sheet.protected) throw officeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}").`);
  }
  const grid = (box, fn) => finish(gridSteps(box, fn));
  function checkShape(box, arr, what) {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    if (!Array.isArray(arr) || arr.length !== rows || arr.some((r) => !Array.isArray(r) || r.length !== cols)) {
      // A single value is spread over the range (Excel accepts a scalar).
      if (!Array.isArray(arr)) return grid(box, () => arr);
      throw officeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
    }
    return arr;
  }
  function setContent(model, sheet, r, c, input) {
    if (input === null || input === undefined) return; // null leaves the cell as it is
    const cell = sheet.cell(r, c);
    const got = interpret(input, cell.numberFormat);
    cell.value = got.value;
    cell.type = got.type;
    cell.formula = got.formula || null;
    cell.prefix = !!got.prefix;
    if (got.impliedFormat && cell.numberFormat === "General") cell.numberFormat = got.impliedFormat;
    sheet.tidy(r, c);
    void model;
  }
  const readValue = (cell) => (cell ? (cell.type === "Empty" ? "" : cell.value) : "");
  const FILL_NONE = "#FFFFFF";

  class Range extends ClientObject {
    constructor(ctx, resolve) {
      super(ctx, resolve);
      this.format = new RangeFormat(ctx, () => [this._target()]);
      this.conditionalFormats = new ConditionalFormatCollection(ctx, () => this._target());
    }
    _target() {
      const t = this._resolve();
      if (!t) throw officeError("InvalidObjectPath", "The range is a null object.");
      return t;
    }
    _scalarNames() {
      return ["address", "values", "formulas", "numberFormat", "valueTypes", "text", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount"];
    }
    load(spec) {
      if (this._needs && !this.context._model.supports(this._needs)) {
        this.context._op("Range.load", [], () => {
          throw officeError("ApiNotFound", `This API needs ExcelApi ${this._needs}.`);
        });
        return this;
      }
      return super.load(spec);
    }
    /** The reader of one cell for the properties that are a grid of the range's cells. */
    _cellReader(sheet, n) {
      const at = (r, c) => sheet.peek(r, c);
      switch (n) {
        case "values":
          return (r, c) => readValue(at(r, c));
        case "formulas":
          return (r, c) => {
            const cell = at(r, c);
            return cell && cell.formula ? cell.formula : readValue(cell);
          };
        case "numberFormat":
          return (r, c) => (at(r, c) ? at(r, c).numberFormat : "General");
        case "valueTypes":
          return (r, c) => (at(r, c) ? at(r, c).type : "Empty");
        case "text":
          return (r, c) => String(readValue(at(r, c)));
        default:
          return null;
      }
    }
    *_readSteps(t, n) {
      const cellOf = this._cellReader(t.sheet, n);
      return cellOf ? yield* gridSteps(t.box, cellOf) : this._read(t, n);
    }
    _read(t, n) {
      const { sheet, box } = t;
      const cellOf = this._cellReader(sheet, n);
      if (cellOf) return grid(box, cellOf);
      switch (n) {
        case "address":
          return boxAddress(box, sheet.name);
        case "addressLocal":
          return boxAddress(box, sheet.name);
        case "rowIndex":
          return box.top - 1;
        case "columnIndex":
          return box.left - 1;
        case "rowCount":
          return box.bottom - box.top + 1;
        case "columnCount":
          return box.right - box.left + 1;
        case "cellCount":
          return (box.bottom - box.top + 1) * (box.right - box.left + 1);
        default:
          return undefined;
      }
    }
    _write(n, v) {
      const ctx = this.context;
      ctx._op(`Range.${n}=`, v, () => this._writeSteps(n, v));
    }
    *_writeSteps(n, v) {
      const ctx = this.context;
      const { sheet, box } = this._target();
      assertWritable(sheet);
      if (n === "values" || n === "formulas") {
        const arr = checkShape(box, v, n);
        yield* forEachCellSteps(box, (r, c, i, j) => setContent(ctx._model, sheet, r, c, arr[i][j]));
        reconcileTableHeaders(ctx._model, sheet);
      } else if (n === "numberFormat") {
        const arr = checkShape(box, v, n);
        yield* forEachCellSteps(box, (r, c, i, j) => {
          if (arr[i][j] === null || arr[i][j] === undefined) return;
          sheet.cell(r, c).numberFormat = arr[i][j];
          sheet.tidy(r, c);
        });
      } else throw new TypeError(`${n} is read-only`);
    }
    clear(applyTo) {
      const what = applyTo || "All";
      this.context._op("Range.clear", [what], () => {
        const { sheet, box } = this._target();
        assertWritable(sheet);
        const rows = [...sheet.rows.keys()].filter((r) => r >= box.top && r <= box.bottom);
        for (const r of rows) {
          for (const c of [...sheet.rows.get(r).keys()]) {
            if (c < box.left || c > box.right) continue;
            const cell = sheet.cell(r, c);
            if (what === "All" || what === "Contents") Object.assign(cell, { value: "", type: "Empty", formula: null, prefix: false });
            if (what === "All" || what === "Formats") Object.assign(cell, { numberFormat: "General", fill: null, bold: false });
            sheet.tidy(r, c);
          }
        }
      });
    }
    select() {
      const ctx = this.context;
      ctx._op("Range.select", [], () => {
        const { sheet, box } = this._target();
        ctx._model.selection = { sheet: sheet.name, box: { ...box } };
        ctx._model.activeSheet = sheet.name;
      });
    }
    getCell(row, column) {
      return new Range(this.context, () => {
        const { sheet, box } = this._target();
        return { sheet, box: { top: box.top + row, left: box.left + column, bottom: box.top + row, right: box.left + column } };
      });
    }
    getEntireColumn() {
      return new Range(this.context, () => {
        const { sheet, box } = this._target();
        return { sheet, box: { top: 1, left: box.left, bottom: MAX_ROW, right: box.right } };
      });
    }
    getCellProperties(options) {
      const ctx = this.context;
      return clientResult(ctx, "Range.getCellProperties", () => {
        const { sheet, box } = this._target();
        const wantFill = options && options.format && options.format.fill;
        const wantBold = options && options.format && options.format.font && options.format.font.bold;
        return gridSteps(box, (r, c) => {
          const cell = sheet.peek(r, c);
          const out = {};
          if (options && options.address) out.address = boxAddress({ top: r, left: c, bottom: r, right: c }, sheet.name);
          if (wantFill) {
            const f = cell && cell.fill;
            out.format = { fill: { color: f ? f.color : FILL_NONE, pattern: f ? f.pattern : "None" } };
          }
          if (wantBold) (out.format = out.format || {}).font = { bold: !!(cell && cell.bold) };
          return out;
        });
      }, "1.9");
    }
    setCellProperties(props) {
      const ctx = this.context;
      ctx._op("Range.setCellProperties", props, () => this._setCellPropertiesSteps(props), "1.9");
    }
    *_setCellPropertiesSteps(props) {
      const { sheet, box } = this._target();
      assertWritable(sheet);
      const arr = checkShape(box, props, "cell properties");
      yield* forEachCellSteps(box, (r, c, i, j) => {
        const p = arr[i][j];
        const fill = p && p.format && p.format.fill;
        if (!fill) return;
        const cell = sheet.cell(r, c);
        cell.fill = !fill.pattern || fill.pattern === "None" ? (fill.color && fill.color !== FILL_NONE && fill.pattern !== "None" ? { color: normColor(fill.color), pattern: "Solid" } : null) : { color: normColor(fill.color), pattern: fill.pattern };
        sheet.tidy(r, c);
      });
    }
  }
  defineProps(Range, ["address", "addressLocal", "values", "formulas", "numberFormat", "valueTypes", "text", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount"], function (n, v) {
    this._write(n, v);
  });

  function normColor(c) {
    if (!c) return null;
    const s = String(c).trim();
    if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
    const named = { red: "#FF0000", green: "#008000", yellow: "#FFFF00", white: "#FFFFFF", black: "#000000" };
    return named[s.toLowerCase()] || s;
  }

  /** A ListObject's header cells are its column names: they are always text, never blank. */
  function reconcileTableHeaders(model, sheet) {
    for (const t of model.tables) {
      if (t.sheet !== sheet.name || !t.showHeaders) continue;
      const seen = new Set();
      for (let c = t.box.left; c <= t.box.right; c++) {
        const cell = sheet.cell(t.box.top, c);
        let name = cell.type === "Empty" ? `Column${c - t.box.left + 1}` : String(cell.value);
        let k = 2;
        const base = name;
        while (seen.has(name.toLowerCase())) name = `${base}${k++}`;
        seen.add(name.toLowerCase());
        if (cell.type !== "String" || cell.value !== name || cell.formula) Object.assign(cell, { value: name, type: "String", formula: null });
      }
    }
  }

  class RangeFormat {
    constructor(ctx, targets) {
      this.context = ctx;
      this._targets = targets;
      this.fill = new RangeFill(ctx, targets);
      this.font = new RangeFont(ctx, targets);
    }
    set columnWidth(points) {
      this.context._op("RangeFormat.columnWidth=", [points], () => {
        for (const { sheet, box } of this._targets()) for (let c = box.left; c <= box.right; c++) sheet.columnWidths[c] = points;
      });
    }
    autofitColumns() {
      this.context._op("RangeFormat.autofitColumns", [], () => {});
    }
  }
  class RangeFill {
    constructor(ctx, targets) {
      this.context = ctx;
      this._targets = targets;
    }
    set color(v) {
      this.context._op("RangeFill.color=", [v], () => this._colorSteps(v));
    }
    *_colorSteps(v) {
      for (const { sheet, box } of this._targets()) {
        assertWritable(sheet);
        yield* forEachCellSteps(box, (r, c) => {
          sheet.cell(r, c).fill = { color: normColor(v), pattern: "Solid" };
        });
      }
    }
    get color() {
      throw notLoaded("color");
    }
    clear() {
      this.context._op("RangeFill.clear", [], () => {
        for (const { sheet, box } of this._targets()) {
          assertWritable(sheet);
          const rows = [...sheet.rows.keys()].filter((r) => r >= box.top && r <= box.bottom);
          for (const r of rows)
            for (const c of [...sheet.rows.get(r).keys()])
              if (c >= box.left && c <= box.right) {
                sheet.cell(r, c).fill = null;
                sheet.tidy(r, c);
              }
        }
      });
    }
  }
  class RangeFont {
    constructor(ctx, targets) {
      this.context = ctx;
      this._targets = targets;
    }
    set bold(v) {
      this.context._op("RangeFont.bold=", [v], () => this._boldSteps(v));
    }
    *_boldSteps(v) {
      for (const { sheet, box } of this._targets()) {
        assertWritable(sheet);
        yield* forEachCellSteps(box, (r, c) => {
          sheet.cell(r, c).bold = !!v;
          sheet.tidy(r, c);
        });
      }
    }
  }

  class RangeAreas {
    constructor(ctx, resolve) {
      this.context = ctx;
      this._resolve = resolve;
      const targets = () => {
        const t = resolve();
        return t.boxes.map((box) => ({ sheet: t.sheet, box }));
      };
      this.format = new RangeFormat(ctx, targets);
      ctx._op("Worksheet.getRanges", [], () => {}, "1.9");
    }
  }

  class ConditionalFormatCollection {
    constructor(ctx, target) {
      this.context = ctx;
      this._target = target;
    }
    add(type) {
      const ctx = this.context;
      const cf = { type, rule: {}, format: { fill: {}, font: {} } };
      ctx._op("ConditionalFormatCollection.add", [type], () => {
        const { sheet, box } = this._target();
        assertWritable(sheet);
        cf.range = boxAddress(box, sheet.name);
        sheet.conditionalFormats.push(cf);
      }, "1.6");
      const record = (path) => (v) => ctx._op(`ConditionalFormat.${path}=`, [v], () => {
        const parts = path.split(".");
        let o = cf;
        for (const p of parts.slice(0, -1)) o = o[p] || (o[p] = {});
        o[parts[parts.length - 1]] = v;
      });
      const setRule = record("rule.formula");
      const setFill = record("format.fill.color");
      const setFont = record("format.font.color");
      const custom = {
        rule: { set formula(v) { setRule(v); } },
        format: { fill: { set color(v) { setFill(v); } }, font: { set color(v) { setFont(v); } } },
      };
      return { custom, set stopIfTrue(v) { record("stopIfTrue")(v); } };
    }
    getCount() {
      return clientResult(this.context, "ConditionalFormatCollection.getCount", () => {
        const { sheet, box } = this._target();
        return sheet.conditionalFormats.filter((cf) => overlapsAddress(cf.range, box)).length;
      }, "1.6");
    }
    clearAll() {
      this.context._op("ConditionalFormatCollection.clearAll", [], () => {
        const { sheet, box } = this._target();
        assertWritable(sheet);
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !overlapsAddress(cf.range, box));
      }, "1.6");
    }
  }
  function overlapsAddress(address, box) {
    const b = parseAddress(address);
    return b.top <= box.bottom && box.top <= b.bottom && b.left <= box.right && box.left <= b.right;
  }

  // ---------- Tables
  class TableCollection extends ItemCollection {
    _loadItems(names) {
      const scalars = names.filter((n) => !n.includes("/"));
      const list = this._resolve();
      const items = list.map((t) => {
        const p = loadedItem(new Table(this.context, () => t), {});
        for (const n of scalars.length ? scalars : p._scalarNames()) p._data[n] = p._read(t, n);
        return p;
      });
      return { items, bytes: 60 * list.length };
    }
    getItem(name) {
      const ctx = this.context;
      return new Table(ctx, () => {
        const t = ctx._model.tables.find((x) => x.name.toLowerCase() === String(name).toLowerCase());
        if (!t) throw officeError("ItemNotFound", `The requested resource doesn't exist. (table "${name}")`);
        return t;
      });
    }
    getItemOrNullObject(name) {
      const ctx = this.context;
      return new Table(ctx, (forLoad) => {
        const t = ctx._model.tables.find((x) => x.name.toLowerCase() === String(name).toLowerCase());
        if (!t && !forLoad) throw officeError("InvalidObjectPath", `Table "${name}" is a null object.`);
        return t || null;
      });
    }
    getCount() {
      return clientResult(this.context, "TableCollection.getCount", () => this._resolve().length);
    }
    add(address, hasHeaders) {
      const ctx = this.context;
      let made = null;
      ctx._op("TableCollection.add", [address, hasHeaders], () => {
        const box = parseAddress(address);
        const m = ctx._model;
        const sheet = m.requireSheet(box.sheet || m.activeSheet);
        assertWritable(sheet);
        made = { name: `Table${m.tables.length + 1}`, sheet: sheet.name, box: { top: box.top, left: box.left, bottom: box.bottom, right: box.right }, showHeaders: true, showTotals: false };
        m.tables.push(made);
        reconcileTableHeaders(m, sheet);
      });
      return new Table(ctx, () => made);
    }
  }

  class Table extends ClientObject {
    constructor(ctx, resolve) {
      super(ctx, resolve);
      this.worksheet = new Worksheet(ctx, () => ctx._model.requireSheet(this._resolve().sheet));
      this.columns = new TableColumnCollection(ctx, () => this._resolve());
    }
    _scalarNames() {
      return ["name", "id", "showHeaders", "showTotals"];
    }
    _read(t, n) {
      if (n === "id") return `{table-${t.name}}`;
      return t[n];
    }
    _part(part) {
      const ctx = this.context;
      return new Range(ctx, () => {
        const t = this._resolve();
        return { sheet: ctx._model.requireSheet(t.sheet), box: ctx._model.tableBox(t, part) };
      });
    }
    getRange() {
      return this._part("all");
    }
    getHeaderRowRange() {
      return this._part("header");
    }
    getDataBodyRange() {
      return this._part("data");
    }
    getTotalRowRange() {
      return this._part("totals");
    }
    resize(newRange) {
      const ctx = this.context;
      ctx._op("Table.resize", [String(newRange)], () => {
        const t = this._resolve();
        const m = ctx._model;
        const sheet = m.requireSheet(t.sheet);
        assertWritable(sheet);
        const box = parseAddress(typeof newRange === "string" ? newRange : newRange._target ? boxAddress(newRange._target().box) : String(newRange));
        if (box.top !== t.box.top) throw officeError("InvalidArgument", "The table's header row must stay where it is.");
        const clash = m.tables.some((o) => o !== t && o.sheet === t.sheet && o.box.top <= box.bottom && box.top <= o.box.bottom && o.box.left <= box.right && box.left <= o.box.right);
        if (clash) throw officeError("InvalidArgument", "A table can't overlap another table.");
        t.box = { top: box.top, left: box.left, bottom: box.bottom, right: box.right };
        reconcileTableHeaders(m, sheet);
      }, "1.13");
    }
    delete() {
      const ctx = this.context;
      ctx._op("Table.delete", [], () => {
        const t = this._resolve();
        ctx._model.tables.splice(ctx._model.tables.indexOf(t), 1);
      });
    }
  }
  defineProps(Table, ["name", "id", "showHeaders", "showTotals"], function (n, v) {
    this.context._op(`Table.${n}=`, [v], () => {
      this._resolve()[n] = v;
    });
  });

  class TableColumnCollection extends ItemCollection {
    _loadItems() {
      const t = this._resolve();
      const items = this.context._model.tableColumnNames(t).map((name, i) => loadedItem(new TableColumn(this.context, () => ({ table: t, index: i })), { name, index: i }));
      return { items, bytes: 30 * items.length };
    }
    getItemAt(index) {
      return new TableColumn(this.context, () => ({ table: this._resolve(), index }));
    }
    /** Adds a column at the right end (index null/undefined) that takes the cells just right of the table. */
    add(index, values, name) {
      const ctx = this.context;
      ctx._op("TableColumnCollection.add", [index, values, name], () => {
        const t = this._resolve();
        const m = ctx._model;
        const sheet = m.requireSheet(t.sheet);
        assertWritable(sheet);
        if (index !== null && index !== undefined && index !== t.box.right - t.box.left + 1) throw officeError("NotImplemented", "The double only appends columns at the right end.");
        if (name !== undefined && name !== null && !m.supports("1.4")) throw officeError("ApiNotFound", "The name argument needs ExcelApi 1.4.");
        t.box = { ...t.box, right: t.box.right + 1 };
        const c = t.box.right;
        if (values) {
          const col = values.map((row) => (Array.isArray(row) ? row[0] : row));
          for (let r = t.box.top; r <= t.box.bottom && r - t.box.top < col.length; r++) setContent(m, sheet, r, c, col[r - t.box.top]);
        }
        if (name !== undefined && name !== null) setContent(m, sheet, t.box.top, c, "'" + name);
        reconcileTableHeaders(m, sheet);
      });
      return new TableColumn(ctx, () => {
        const t = this._resolve();
        return { table: t, index: t.box.right - t.box.left };
      });
    }
  }
  class TableColumn extends ClientObject {
    _scalarNames() {
      return ["name", "index"];
    }
    _read(t, n) {
      if (n === "index") return t.index;
      if (n === "name") return this.context._model.tableColumnNames(t.table)[t.index];
      return undefined;
    }
    delete() {
      const ctx = this.context;
      ctx._op("TableColumn.delete", [], () => {
        const { table, index } = this._resolve();
        const sheet = ctx._model.requireSheet(table.sheet);
        assertWritable(sheet);
        // Deleting a table column deletes its cells within the table and shifts the table's cells left.
        const col = table.box.left + index;
        sheet.touch();
        for (let r = table.box.top; r <= table.box.bottom; r++) {
          for (let c = col; c < table.box.right; c++) {
            const next = sheet.peek(r, c + 1);
            const row = sheet.rows.get(r) || new Map();
            if (next) row.set(c, next);
            else row.delete(c);
            sheet.rows.set(r, row);
          }
          const row = sheet.rows.get(r);
          if (row) {
            row.delete(table.box.right);
            if (row.size === 0) sheet.rows.delete(r);
          }
        }
        table.box = { ...table.box, right: table.box.right - 1 };
      });
    }
  }
  defineProps(TableColumn, ["name", "index"]);

  // ---------- Notes (ExcelApi 1.18) and comments (1.10)
  function notesOrComments(kind) {
    const field = kind === "Note" ? "note" : "comment";
    const needs = kind === "Note" ? "1.18" : "1.10";
    class Item extends ClientObject {
      _scalarNames() {
        return kind === "Note" ? ["content", "authorName"] : ["content", "id", "authorName"];
      }
      _read(t, n) {
        if (n === "content") return t.sheet.peek(t.row, t.col)[field];
        if (n === "id") return `${t.sheet.id}!${t.row},${t.col}`;
        if (n === "authorName") return "ASSESS test";
        return undefined;
      }
      getLocation() {
        return new Range(this.context, () => {
          const t = this._resolve();
          return { sheet: t.sheet, box: { top: t.row, left: t.col, bottom: t.row, right: t.col } };
        });
      }
      delete() {
        this.context._op(`${kind}.delete`, [], () => {
          const t = this._resolve();
          assertWritable(t.sheet);
          const cell = t.sheet.peek(t.row, t.col);
          if (!cell || cell[field] === null) throw officeError("ItemNotFound", `No ${field} at that cell.`);
          cell[field] = null;
          t.sheet.tidy(t.row, t.col);
        }, needs);
      }
    }
    defineProps(Item, ["content", "authorName", "id"], function (n, v) {
      if (n !== "content") throw new TypeError(`${n} is read-only`);
      this.context._op(`${kind}.content=`, [v], () => {
        const t = this._resolve();
        assertWritable(t.sheet);
        t.sheet.cell(t.row, t.col)[field] = String(v);
      }, needs);
    });

    class Collection extends ItemCollection {
      constructor(ctx, sheetOrNull) {
        super(ctx, sheetOrNull, `${kind}Collection`, needs);
      }
      _sheets() {
        const s = this._resolve();
        return s ? [s] : this.context._model.sheets;
      }
      _all() {
        const out = [];
        // Only the cells that hold one are sorted (sorting every row of a 20,000-row sheet took 100+ ms).
        for (const sheet of this._sheets()) {
          const here = [];
          sheet.rows.forEach((row, r) => row.forEach((cell, c) => cell[field] !== null && here.push({ sheet, row: r, col: c })));
          out.push(...here.sort((a, b) => a.row - b.row || a.col - b.col));
        }
        return out;
      }
      _loadItems(names) {
        let bytes = 0;
        const items = this._all().map((loc) => {
          const it = loadedItem(new Item(this.context, () => loc), {});
          for (const n of names.length ? names : it._scalarNames()) {
            it._data[n] = it._read(loc, n);
            bytes += jsonBytes(it._data[n]) + 8;
          }
          return it;
        });
        return { items, bytes };
      }
      _locate(cellAddress) {
        const m = this.context._model;
        if (cellAddress && cellAddress._target) {
          const t = cellAddress._target();
          return { sheet: t.sheet, row: t.box.top, col: t.box.left, single: t.box.top === t.box.bottom && t.box.left === t.box.right };
        }
        const b = parseAddress(cellAddress);
        const sheet = b.sheet ? m.requireSheet(b.sheet) : this._resolve() || m.requireSheet(m.activeSheet);
        return { sheet, row: b.top, col: b.left, single: b.top === b.bottom && b.left === b.right };
      }
      add(cellAddress, content) {
        const ctx = this.context;
        let at = null;
        ctx._op(`${kind}Collection.add`, [typeof cellAddress === "string" ? cellAddress : "range", content], () => {
          at = this._locate(cellAddress);
          if (!at.single) throw officeError("InvalidArgument", `A ${field} goes on a single cell.`);
          assertWritable(at.sheet);
          const cell = at.sheet.cell(at.row, at.col);
          if (cell[field] !== null) throw officeError("InvalidOperation", `The cell already has a ${field}.`);
          cell[field] = String(content);
        }, needs);
        return new Item(ctx, () => at);
      }
      getItemOrNullObject(cellAddress) {
        const ctx = this.context;
        const it = new Item(ctx, (forLoad) => {
          const at = this._locate(cellAddress);
          const cell = at.sheet.peek(at.row, at.col);
          if (!cell || cell[field] === null) {
            if (forLoad) return null;
            throw officeError("InvalidObjectPath", `No ${field} at that cell.`);
          }
          return at;
        });
        const load = it.load.bind(it);
        it.load = (spec) => {
          if (!ctx._model.supports(needs)) {
            ctx._op(`${kind}.load`, [], () => {
              throw officeError("ApiNotFound", `${kind}s need ExcelApi ${needs}.`);
            });
            return it;
          }
          return load(spec);
        };
        return it;
      }
      getItemByCell(cellAddress) {
        return new Item(this.context, () => {
          const at = this._locate(cellAddress);
          const cell = at.sheet.peek(at.row, at.col);
          if (!cell || cell[field] === null) throw officeError("ItemNotFound", `No ${field} at that cell.`);
          return at;
        });
      }
      getCount() {
        return clientResult(this.context, `${kind}Collection.getCount`, () => this._all().length, needs);
      }
    }
    return Collection;
  }
  const NoteCollection = notesOrComments("Note");
  const CommentCollection = notesOrComments("Comment");

  // ---------------------------------------------------------------- fixtures and inspection
  /**
   * fixture: {
   *   sheets: [{ name, rows?: any[][] (from A1; or { top, left, rows }), cells?: { "B2": { value, formula, fill, note, comment, numberFormat } },
   *              protected?: boolean, tables?: [{ name, address, showTotals? }] }],
   *   active?: sheet name, selection?: "Sheet!A1:B2", excelApi?: "1.18", settings?: {}, payloadLimit?, responseLimit?,
   *   onReady?: "excel" | "never" | "no-host"
   * }
   * Fixture strings are typed input (as if entered in Excel): "=..." is a formula, "'..." is text.
   */
  function createWorkbook(fixture) {
    const f = fixture || {};
    const model = new WorkbookModel(f);
    for (const sf of f.sheets || [{ name: "Sheet1" }]) {
      const s = model.addSheet(sf.name);
      s.protected = !!sf.protected;
      const top = sf.top || 1;
      const left = sf.left || 1;
      (sf.rows || []).forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null || v === undefined || v === "") return;
          setContent(model, s, top + i, left + j, v);
        }),
      );
      for (const [addr, spec] of Object.entries(sf.cells || {})) {
        const b = parseAddress(addr);
        const cell = s.cell(b.top, b.left);
        if (spec.numberFormat) cell.numberFormat = spec.numberFormat;
        if (spec.value !== undefined) setContent(model, s, b.top, b.left, spec.value);
        if (spec.formula) Object.assign(s.cell(b.top, b.left), { formula: spec.formula, value: spec.result !== undefined ? spec.result : 0, type: typeof spec.result === "string" ? "String" : "Double" });
        if (spec.fill) s.cell(b.top, b.left).fill = { color: normColor(spec.fill), pattern: "Solid" };
        if (spec.note) s.cell(b.top, b.left).note = spec.note;
        if (spec.comment) s.cell(b.top, b.left).comment = spec.comment;
        s.tidy(b.top, b.left);
      }
      for (const tf of sf.tables || []) {
        const b = parseAddress(tf.address);
        model.tables.push({ name: tf.name, sheet: s.name, box: { top: b.top, left: b.left, bottom: b.bottom, right: b.right }, showHeaders: tf.showHeaders !== false, showTotals: !!tf.showTotals });
      }
      reconcileTableHeaders(model, s);
    }
    if (f.active) model.activeSheet = f.active;
    if (f.selection) {
      const b = parseAddress(f.selection);
      model.selection = { sheet: b.sheet || model.activeSheet, box: { top: b.top, left: b.left, bottom: b.bottom, right: b.right } };
    }
    model.settings = JSON.parse(JSON.stringify(f.settings || {}));
    model.savedSettings = JSON.parse(JSON.stringify(model.settings));
    return new ExcelDouble(model);
  }

  class ExcelDouble {
    constructor(model) {
      this.model = model;
    }
    get stats() {
      return this.model.stats;
    }
    resetStats() {
      this.model.stats = { syncs: 0, runs: 0, requests: [] };
    }
    /** The Excel namespace: run, enums, and the request context. */
    excel() {
      const model = this.model;
      return {
        run(batch) {
          model.stats.runs++;
          const ctx = new RequestContext(model);
          return Promise.resolve()
            .then(() => batch(ctx))
            .then((result) => (ctx._queue.length ? ctx.sync().then(() => result) : result));
        },
        RequestContext: function () {
          return new RequestContext(model);
        },
        CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
        ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
        ConditionalFormatType: { custom: "Custom", cellValue: "CellValue" },
        RangeValueType: { empty: "Empty", string: "String", double: "Double", boolean: "Boolean", error: "Error" },
      };
    }
    office() {
      const model = this.model;
      const settings = {
        get: (name) => (Object.prototype.hasOwnProperty.call(model.settings, name) ? JSON.parse(JSON.stringify(model.settings[name])) : null),
        set: (name, value) => {
          model.settings[name] = JSON.parse(JSON.stringify(value));
        },
        remove: (name) => {
          delete model.settings[name];
        },
        saveAsync: (options, callback) => {
          const cb = typeof options === "function" ? options : callback;
          setTimeout(() => {
            model.savedSettings = JSON.parse(JSON.stringify(model.settings));
            if (cb) cb({ status: "succeeded", value: undefined });
          }, 0);
        },
      };
      const host = model.onReadyMode === "excel" ? "Excel" : null;
      const info = { host, platform: host ? "OfficeOnline" : null };
      const office = {
        onReady(callback) {
          if (model.onReadyMode === "never") return new Promise(() => {});
          return new Promise((resolve) =>
            setTimeout(() => {
              if (callback) callback(info);
              resolve(info);
            }, 0),
          );
        },
        HostType: { Excel: "Excel", Word: "Word" },
        PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
        AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
        context: {
          displayLanguage: "zh-CN",
          requirements: {
            isSetSupported(name, version) {
              if (name !== "ExcelApi") return name === "SharedRuntime" || name === "CustomFunctionsRuntime";
              return model.supports(version === undefined ? "1.1" : String(version));
            },
          },
          document: { settings },
          officeTheme: model.officeTheme || undefined,
        },
        addin: {
          onVisibilityModeChanged(handler) {
            model.visibilityHandlers.push(handler);
            return Promise.resolve(() => {
              model.visibilityHandlers = model.visibilityHandlers.filter((h) => h !== handler);
            });
          },
          showAsTaskpane() {
            model.setPaneVisible(true);
            return Promise.resolve();
          },
          hide() {
            model.setPaneVisible(false);
            return Promise.resolve();
          },
        },
        actions: {
          associate(id, fn) {
            model.actions[id] = fn;
          },
        },
        VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
      };
      // In a page, office.js assigns its own Office.actions.associate (and Office.addin's methods) onto
      // whatever Office is: the double keeps its own (the assignment is ignored, never an error).
      const keep = (obj, name) => {
        const mineValue = obj[name];
        Object.defineProperty(obj, name, { get: () => mineValue, set: () => {}, enumerable: true });
      };
      for (const name of ["actions", "addin"]) {
        for (const method of Object.keys(office[name])) keep(office[name], method);
        keep(office, name);
      }
      return office;
    }
    /** Install the globals on `root` (jest: globalThis). */
    install(root) {
      const r = root || globalThis;
      r.Excel = this.excel();
      r.Office = this.office();
      r.OfficeExtension = { Error: OfficeExtensionError };
      return this;
    }
    /**
     * Install in a browser page before office.js runs: office.js assigns its own Office (and
     * OfficeExtension) globals when it loads; the double keeps the add-in's view on itself.
     */
    installBrowser(win) {
      const w = win || globalThis;
      const mine = { Excel: this.excel(), Office: this.office(), OfficeExtension: { Error: OfficeExtensionError } };
      w.__realOfficeGlobals = {};
      for (const [name, value] of Object.entries(mine)) {
        Object.defineProperty(w, name, {
          configurable: false,
          get: () => value,
          set: (v) => {
            w.__realOfficeGlobals[name] = v;
          },
        });
      }
      w.__excelDouble = this;
      return this;
    }

    // ----- inspection for assertions
    sheetNames() {
      return this.model.sheets.map((s) => s.name);
    }
    charts(sheetName) {
      const box = (b) => (b ? `${colLetters(b.left)}${b.top}:${colLetters(b.right)}${b.bottom}` : null);
      return this.model.requireSheet(sheetName).charts.map((c) => ({ name: c.name, type: c.type, seriesBy: c.seriesBy, source: box(c.source), title: c.title, categoryTitle: c.categoryTitle, valueTitle: c.valueTitle, valueStep: c.valueStep, position: box(c.position) }));
    }
    cell(sheetName, address) {
      const s = this.model.requireSheet(sheetName);
      const b = parseAddress(address);
      const c = s.peek(b.top, b.left) || newCell();
      return { value: readValue(c), type: c.type, formula: c.formula, numberFormat: c.numberFormat, fill: c.fill ? c.fill.color : null, note: c.note, comment: c.comment, prefix: c.prefix };
    }
    values(sheetName, address) {
      const s = this.model.requireSheet(sheetName);
      const b = parseAddress(address);
      return grid(b, (r, c) => readValue(s.peek(r, c)));
    }
    table(name) {
      const t = this.model.tables.find((x) => x.name === name);
      return t ? { name: t.name, sheet: t.sheet, address: boxAddress(t.box), columns: this.model.tableColumnNames(t) } : null;
    }
    setProtected(sheetName, on) {
      this.model.requireSheet(sheetName).protected = on;
    }
    select(address) {
      const b = parseAddress(address);
      this.model.selection = { sheet: b.sheet || this.model.activeSheet, box: { top: b.top, left: b.left, bottom: b.bottom, right: b.right } };
      if (b.sheet) this.model.activeSheet = b.sheet;
    }
    setExcelApi(version) {
      this.model.excelApi = version;
    }
    /**
     * Fault injection: the `nth` sync from now (1-based) fails with an OfficeExtension error `code`
     * (default GeneralException), after applying its first `afterOps` commands (default none); with
     * `times` > 1 the following syncs fail too; with `onOp` (e.g. "Range.values=") only syncs that
     * carry such a command count. failSync(0) cancels a planned fault.
     */
    failSync(nth, options) {
      const o = options || {};
      this.model.fault = nth > 0 ? { countdown: nth, times: o.times || 1, code: o.code, afterOps: o.afterOps || 0, onOp: o.onOp || null } : null;
    }
    /** Close (false) or open (true) the task pane: the shared runtime tells the page. */
    setPaneVisible(on) {
      this.model.setPaneVisible(on);
    }
    get paneVisible() {
      return this.model.paneVisible;
    }
    /** Click a ribbon button (ExecuteFunction): resolves when the function calls event.completed(). */
    invokeAction(id) {
      const fn = this.model.actions[id];
      if (!fn) return Promise.reject(new Error(`no function associated with ${id}`));
      return new Promise((resolve) => fn({ completed: () => resolve(true), source: { id } }));
    }
    get actionIds() {
      return Object.keys(this.model.actions);
    }
    /** Type into a cell as a user would. */
    type(sheetName, address, input) {
      const s = this.model.requireSheet(sheetName);
      const b = parseAddress(address);
      setContent(this.model, s, b.top, b.left, input);
      reconcileTableHeaders(this.model, s);
    }
    get settings() {
      return this.model.settings;
    }
    get savedSettings() {
      return this.model.savedSettings;
    }
    get calculations() {
      return this.model.calculations;
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
              if (isDefaultCell(cell)) continue;
              const out = {};
              for (const k of Object.keys(cell)) if (cell[k] !== CELL_DEFAULTS[k] && JSON.stringify(cell[k]) !== JSON.stringify(CELL_DEFAULTS[k])) out[k] = cell[k];
              cells[`${colLetters(c)}${r}`] = out;
            }
          return { name: s.name, protected: s.protected, frozenRows: s.frozenRows, conditionalFormats: s.conditionalFormats, cells };
        }),
        tables: m.tables.map((t) => ({ name: t.name, sheet: t.sheet, address: boxAddress(t.box), showHeaders: t.showHeaders, showTotals: t.showTotals })),
      };
    }
  }

  return { createWorkbook, parseAddress, boxAddress, colLetters, interpret, OfficeExtensionError, PAYLOAD_LIMIT: 5 * MB };
});
