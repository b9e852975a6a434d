// The WorkbookPort on the .xlsx package itself: it reads the cells it needs straight from the parts
// and, on save, copies every part it did not change as it was (compressed, byte for byte) and patches
// the ones it must change — the rows that gain results, the styles, the shared strings, the notes,
// the tables that widen, the workbook's sheet list and the sheets it adds. Issue 5 (100,000 rows in
// seconds) and issue 10 (files from every writer, nothing lost) are both held here.
//
// It reads cells as the exceljs adapter reads them (same values, dates by number format, merged cells
// showing their first cell's value, tables without a header row skipped) and writes what it writes
// (result columns in the table's look, fills, notes, the 校验结果 sheet and the other scheme sheets), so
// the actions cannot tell them apart; test/cli/package-adapter.test.ts compares the two on the golden
// workbooks. Host-free: bytes in, bytes out (the CLI reads and writes the files).
import type { CellValue, RawTable } from "../../engine/types";
import { cellText } from "../../engine/values";
import { fileSay } from "../../i18n/workbook";
import { a1, Box, formatRange, MAX_COLUMN, parseRange, toWritable } from "../codec";
import { closestNearMisses, gridBlocks, listObjectRef, NearMiss, sortTables } from "../locate";
import { chartPartXml, CHART_NS, drawingAnchorXml, drawingPartXml, DRAWING_NS } from "../chart-xml";
import { ChartSpec, checkColumnWrites, ColumnWrite, HIGHLIGHT_FILLS, RowFormat, SheetOptions, SheetRange, Snapshot, TableRef, WorkbookError, WorkbookPort } from "../port";
import { asciiSource } from "./bytes";
import { asWorkbookError, PackageError } from "./errors";
import { NoteChanges, patchNotes, VmlBlocks } from "./notes";
import { CONTENT_TYPE, Package, PackageOptions, relKind } from "./opc";
import { CellContext, retag, Worksheet, writeCell } from "./sheet";
import { sniff } from "./sniff";
import { SharedStrings } from "./strings";
import { MINIMAL_STYLES, Styles } from "./styles";
import { entryOf, writeZip } from "./zip";
import { appendChildren, applySplices, attr, child, children, descendants, escapeAttr, isMain, nameIn, NS, parseTree, relAttr, sibling, Splice, XElement } from "./xml";

interface TablePart {
  path: string;
  text: string;
  root: XElement;
  name: string;
  box: Box;
  headerRow: boolean;
  totalsRow: boolean;
  columns: { id: number; name: string; el: XElement }[];
  added: string[];
  renamed: Map<number, string>;
  changed: boolean;
}

/** What the adapter keeps per worksheet beside its cells. */
interface SheetState {
  ws: Worksheet;
  tables: TablePart[];
  notes: NoteChanges;
  /** The sheet is new or the adapter's own from an earlier run: it is written whole. */
  written: { headerRows: number; columnWidths: number[] } | null;
  /** Its <sheet> element in the workbook part is new. */
  isNew: boolean;
  /** A chart to draw from its cells on save (addChart). */
  chart?: ChartSpec;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export class PackageWorkbook implements WorkbookPort {
  private readonly pkg: Package;
  private readonly workbookPath: string;
  private readonly workbookText: string;
  private readonly workbookRoot: XElement;
  private readonly sheetsEl: XElement;
  private readonly sheets: SheetState[] = [];
  /** Names of every sheet of the workbook, chart and dialog sheets included (a new sheet's name must be free). */
  private readonly allNames: string[] = [];
  private readonly strings: SharedStrings;
  private readonly styles: Styles;
  private readonly stylesPath: string;
  private readonly date1904: boolean;
  private readonly blocks: VmlBlocks;
  private maxSheetId = 0;
  private stringRefsChanged = false;

  private constructor(bytes: Uint8Array, options: PackageOptions) {
    try {
      this.pkg = new Package(bytes, options);
    } catch (e) {
      if (e instanceof PackageError && e.kind === "not-zip") throw new PackageError(sniff(bytes));
      throw e;
    }
    const pkg = this.pkg;
    const main = pkg.rels("").find("officeDocument");
    if (!main) {
      if (pkg.has("mimetype") && /opendocument\.spreadsheet/.test(pkg.text("mimetype") ?? "")) throw new PackageError("ods");
      if (pkg.has("word/document.xml")) throw new PackageError("word");
      if (pkg.has("ppt/presentation.xml")) throw new PackageError("powerpoint");
      throw new PackageError("not-spreadsheet");
    }
    this.workbookPath = pkg.rels("").partOf(main) as string;
    const wb = pkg.text(this.workbookPath);
    if (wb === null) throw new PackageError("not-spreadsheet", "no workbook part");
    this.workbookText = wb;
    this.workbookRoot = parseTree(wb, this.workbookPath);
    if (this.workbookRoot.local !== "workbook" || !isMain(this.workbookRoot.uri)) {
      if (pkg.has("word/document.xml")) throw new PackageError("word");
      throw new PackageError("not-spreadsheet", "not a workbook");
    }
    const pr = child(this.workbookRoot, "workbookPr");
    const d1904 = pr ? attr(pr, "date1904") : undefined;
    this.date1904 = d1904 === "1" || d1904 === "true";
    const rels = pkg.rels(this.workbookPath);

    const ssRel = rels.find("sharedStrings");
    const ssPath = ssRel ? (rels.partOf(ssRel) as string) : pkg.freeName((n) => (n === 1 ? "xl/sharedStrings.xml" : `xl/sharedStrings${n}.xml`));
    this.strings = new SharedStrings(ssRel ? pkg.text(ssPath) : null, ssPath);
    const stRel = rels.find("styles");
    this.stylesPath = stRel ? (rels.partOf(stRel) as string) : pkg.freeName((n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
    this.styles = new Styles(stRel ? pkg.text(this.stylesPath) : null, this.stylesPath);
    this.blocks = new VmlBlocks(pkg);

    const sheetsEl = child(this.workbookRoot, "sheets");
    if (!sheetsEl) throw new PackageError("damaged", "workbook without sheets");
    this.sheetsEl = sheetsEl;
    const ctx = { styles: this.styles, sharedStrings: this.strings.items, date1904: this.date1904, maxCells: options.maxCells };
    for (const s of children(sheetsEl, "sheet")) {
      const name = attr(s, "name") ?? "";
      this.allNames.push(name);
      this.maxSheetId = Math.max(this.maxSheetId, Number(attr(s, "sheetId")) || 0);
      const id = relAttr(s);
      const rel = id === undefined ? undefined : rels.byId(id);
      if (!rel || relKind(rel.type) !== "worksheet") continue; // chart, dialog and macro sheets hold no cells to read
      const path = rels.partOf(rel);
      const bytes = path === null ? null : pkg.bytes(path);
      if (path === null || bytes === null) throw new PackageError("damaged", `missing sheet ${name}`);
      const text = pkg.decode(bytes, path);
      const ws = new Worksheet(name, path, text, asciiSource(text, bytes));
      ws.parse(ctx);
      this.strings.count += ws.sharedRefs;
      this.sheets.push({ ws, tables: this.readTables(ws), notes: { clears: [], clearAll: false, notes: new Map() }, written: null, isNew: false });
    }
  }

  /**
   * Open an .xlsx package. Throws a WorkbookError with one sentence (what the file is, what to do)
   * when it cannot be read: not a package, an .xls, encrypted, damaged, too large.
   */
  static open(bytes: Uint8Array, options: PackageOptions = {}): PackageWorkbook {
    try {
      return new PackageWorkbook(bytes, options);
    } catch (e) {
      if (e instanceof PackageError) throw asWorkbookError(e);
      throw e;
    }
  }

  /** The workbook part is a macro-enabled one (.xlsm): Excel opens it only under a macro-enabled file name. */
  get macroEnabled(): boolean {
    return /macroEnabled/i.test(this.pkg.contentTypes.typeOf(this.workbookPath) ?? "");
  }

  /**
   * A new workbook of one sheet holding `rows` (row 0 on worksheet row 1): how a CSV file becomes a
   * workbook the actions can compute and the CLI can write as .xlsx.
   */
  static fromRows(sheetName: string, rows: CellValue[][], options: PackageOptions = {}): PackageWorkbook {
    const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    const parts: [string, string][] = [
      [
        "[Content_Types].xml",
        `<Types xmlns="${NS.contentTypes}"><Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT_TYPE.worksheet}"/><Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`,
      ],
      ["_rels/.rels", `<Relationships xmlns="${NS.pkgRels}"><Relationship Id="rId1" Type="${NS.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      ["xl/workbook.xml", `<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheets><sheet name="${escapeAttr(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
      ["xl/_rels/workbook.xml.rels", `<Relationships xmlns="${NS.pkgRels}"><Relationship Id="rId1" Type="${NS.rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${NS.rel}/styles" Target="styles.xml"/></Relationships>`],
      ["xl/worksheets/sheet1.xml", `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="A1"/><sheetData/></worksheet>`],
      ["xl/styles.xml", MINIMAL_STYLES],
    ];
    const encoder = new TextEncoder();
    const bytes = writeZip(parts.map(([name, text]) => entryOf(name, encoder.encode(text.startsWith("<?xml") ? text : `${XML_HEAD}${text}`))));
    const wb = PackageWorkbook.open(bytes, options);
    const { ws } = wb.sheets[0];
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const value = toWritable(v);
        if (value !== null) ws.setValue(r + 1, c + 1, value);
      }),
    );
    return wb;
  }

  // ------------------------------------------------------------------ reading

  private readTables(ws: Worksheet): TablePart[] {
    const out: TablePart[] = [];
    const rels = this.pkg.rels(ws.path);
    for (const rel of rels.all("table")) {
      const path = rels.partOf(rel);
      const text = path === null ? null : this.pkg.text(path);
      if (path === null || text === null) continue;
      const root = parseTree(text, path);
      if (root.local !== "table" || !isMain(root.uri)) continue;
      const box = parseRange(attr(root, "ref") ?? "");
      if (!box) continue; // a table without a readable range has nothing to find
      const colsEl = child(root, "tableColumns");
      const columns = (colsEl ? children(colsEl, "tableColumn") : []).map((el) => ({ id: Number(attr(el, "id")) || 0, name: attr(el, "name") ?? "", el }));
      const hc = attr(root, "headerRowCount");
      // exceljs reads headerRowCount="1" as a header row and a missing one (Excel's default) as none; its
      // adapter then takes the header row when the header cells equal the column names. The same here.
      let headerRow = hc === "1";
      if (hc === undefined) headerRow = columns.every((c, j) => cellText(ws.value(box.top, box.left + j)) === String(c.name ?? "").trim());
      out.push({ path, text, root, name: attr(root, "name") ?? attr(root, "displayName") ?? "", box, headerRow, totalsRow: attr(root, "totalsRowCount") === "1", columns, added: [], renamed: new Map(), changed: false });
    }
    return out;
  }

  private state(name: string): SheetState {
    const s = this.sheets.find((x) => x.ws.name === name);
    if (!s) throw new WorkbookError("no-such-sheet", fileSay.noSheet(name));
    return s;
  }

  private findState(name: string): SheetState | undefined {
    const key = name.toLowerCase(); // Excel sheet names are case-insensitive
    return this.sheets.find((w) => w.ws.name.toLowerCase() === key);
  }

  private nameTaken(name: string): boolean {
    const key = name.toLowerCase();
    return this.allNames.some((n) => n.toLowerCase() === key);
  }

  /** Header-like rows the last listTables saw but could not recognise (WorkbookPort.nearMisses). */
  private nearMissesSeen: NearMiss[] = [];

  async nearMisses(): Promise<NearMiss[]> {
    return closestNearMisses(this.nearMissesSeen);
  }

  async listTables(): Promise<TableRef[]> {
    const nearMisses: NearMiss[] = (this.nearMissesSeen = []);
    const all: TableRef[] = [];
    const order: string[] = [];
    for (const { ws, tables } of this.sheets) {
      order.push(ws.name);
      const objects: TableRef[] = [];
      for (const t of tables) {
        if (!t.headerRow) continue; // a table without a header row has nothing to recognise it by
        const headers: CellValue[] = [];
        for (let c = t.box.left; c <= t.box.right; c++) headers.push(ws.value(t.box.top, c));
        objects.push(listObjectRef(ws.name, t.name, t.box, t.totalsRow, headers));
      }
      // The sheet's own rows, holes and all (the locator reads a hole as blank): no copy of 100,000 rows.
      all.push(...objects, ...gridBlocks(ws.name, ws.values, objects, nearMisses));
    }
    return sortTables(all, order);
  }

  async readTable(ref: TableRef): Promise<RawTable> {
    const { ws } = this.state(ref.sheet);
    const headers: CellValue[] = [];
    for (let c = ref.firstColumn; c <= ref.lastColumn; c++) headers.push(ws.value(ref.headerRow, c));
    const rows: CellValue[][] = [];
    for (let r = ref.headerRow + 1; r <= ref.lastRow; r++) {
      const row: CellValue[] = [];
      for (let c = ref.firstColumn; c <= ref.lastColumn; c++) row.push(ws.value(r, c));
      rows.push(row);
    }
    return { sheet: ref.sheet, name: ref.name, headers, rows, headerRow: ref.headerRow, firstColumn: ref.firstColumn };
  }

  async readRange(range: SheetRange): Promise<CellValue[][]> {
    const { ws } = this.state(range.sheet);
    const out: CellValue[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = range.left; c <= range.right; c++) row.push(ws.value(r, c));
      out.push(row);
    }
    return out;
  }

  // ------------------------------------------------------------------ writing (as the exceljs adapter)

  async writeColumns(ref: TableRef, columns: ColumnWrite[]): Promise<TableRef> {
    const st = this.state(ref.sheet);
    const ws = st.ws;
    const height = ref.lastRow - ref.headerRow;
    const table = ref.name ? st.tables.find((t) => t.name === ref.name) : undefined;
    const { appended, newLast } = checkColumnWrites(ref, columns, table ? { names: new Set(table.columns.map((c) => String(c.name).trim().toLowerCase())) } : null);
    if (newLast > MAX_COLUMN) throw new WorkbookError("too-large", fileSay.columnsBeyondXfd(ref.sheet, "XFD"));
    const styles = this.styles;
    // Appended cells take the look of the table's last column: header cells its whole format, data
    // cells its font, border and alignment (not its fill or number format: those are data to staff).
    const headerFormat = Math.max(0, ws.format(ref.headerRow, ref.lastColumn));
    const look = new Map<number, number>();
    for (const col of columns.slice().sort((a, b) => a.column - b.column)) {
      const isNew = col.column > ref.lastColumn;
      if (col.header !== undefined) {
        ws.setValue(ref.headerRow, col.column, col.header);
        if (isNew) ws.setFormat(ref.headerRow, col.column, headerFormat);
      }
      for (let i = 0; i < height; i++) {
        const r = ref.headerRow + 1 + i;
        let xf = ws.editFormat(r, col.column);
        if (isNew) {
          const left = ws.format(r, ref.lastColumn);
          if (left >= 0) {
            const k = xf * 0x1_0000_0000 + left; // both are cellXfs indices (< 2^32)
            let looked = look.get(k);
            if (looked === undefined) look.set(k, (looked = styles.withLookOf(xf, left)));
            xf = looked;
          }
        }
        ws.setValue(r, col.column, toWritable(col.values[i]));
        if (col.numberFormat !== undefined) xf = this.withNumFmt(xf, col.numberFormat);
        ws.setFormat(r, col.column, xf);
      }
      if (table && col.header !== undefined && !isNew) {
        const j = col.column - ref.firstColumn;
        if (table.columns[j]) {
          table.columns[j].name = col.header;
          table.renamed.set(j, col.header);
          table.changed = true;
        }
      }
    }
    if (table && newLast > ref.lastColumn) {
      for (const c of appended) table.added.push(columns.find((x) => x.column === c)!.header!);
      table.box = { ...table.box, right: newLast };
      table.changed = true;
    }
    return { ...ref, lastColumn: newLast };
  }

  // Memos by format and then cellXfs index (no key string made per cell: 100,000 rows × several columns).
  private readonly numFmtMemo = new Map<string, Map<number, number>>();
  private withNumFmt(xf: number, code: string): number {
    let byXf = this.numFmtMemo.get(code);
    if (!byXf) this.numFmtMemo.set(code, (byXf = new Map<number, number>()));
    let out = byXf.get(xf);
    if (out === undefined) byXf.set(xf, (out = this.styles.withNumFmt(xf, code)));
    return out;
  }

  private readonly fillMemo = new Map<string | null, Map<number, number>>();
  private withFill(xf: number, argb: string | null): number {
    let byXf = this.fillMemo.get(argb);
    if (!byXf) this.fillMemo.set(argb, (byXf = new Map<number, number>()));
    let out = byXf.get(xf);
    if (out === undefined) byXf.set(xf, (out = this.styles.withFill(xf, argb)));
    return out;
  }

  async formatRows(ref: TableRef, format: RowFormat): Promise<void> {
    const st = this.state(ref.sheet);
    const ws = st.ws;
    // Earlier results' fills and notes go first (a formatted cell's fill is cleared, as exceljs does).
    for (let r = ref.headerRow + 1; r <= ref.lastRow; r++) {
      for (const c of format.columns) {
        const f = ws.format(r, c);
        if (f >= 0 && this.styles.hasFill(f)) ws.setFormat(r, c, this.withFill(ws.editFormat(r, c), null));
      }
    }
    st.notes.clears.push({ top: ref.headerRow + 1, bottom: ref.lastRow, columns: new Set(format.columns) });
    for (const [k, n] of [...st.notes.notes]) if (n.row > ref.headerRow && n.row <= ref.lastRow && format.columns.includes(n.col)) st.notes.notes.delete(k);
    for (const [cls, rows] of Object.entries(format.classes) as [keyof typeof HIGHLIGHT_FILLS, number[]][]) {
      const argb = HIGHLIGHT_FILLS[cls];
      for (const r of rows) {
        if (r <= ref.headerRow || r > ref.lastRow) continue;
        for (const c of format.columns) ws.setFormat(r, c, this.withFill(ws.editFormat(r, c), argb));
      }
    }
    for (const n of format.notes) st.notes.notes.set(a1(n.row, n.column), { row: n.row, col: n.column, text: n.text });
  }

  async addSheet(name: string, rows: CellValue[][], options: SheetOptions = {}): Promise<string> {
    const signature = (rows[0] ?? []).map((v) => cellText(v));
    const existing = this.findState(name);
    let st: SheetState;
    const headerRows = options.headerRows ?? 1;
    const layout = { headerRows, columnWidths: options.columnWidths ?? [] };
    if (existing && signature.length > 0 && signature.every((s, i) => cellText(existing.ws.value(1, i + 1)) === s)) {
      st = existing; // the add-in's own sheet from an earlier run: replaced in place
      this.rewriteWhole(st, layout);
    } else {
      let used = name;
      for (let i = 2; this.nameTaken(used); i++) used = `${name} (${i})`;
      st = this.newSheet(used, layout);
    }
    const ws = st.ws;
    const bold = this.styles.withBoldFont(0);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const value = toWritable(v);
        if (value === null && r + 1 > headerRows) return;
        ws.setValue(r + 1, c + 1, value);
        if (r + 1 <= headerRows) ws.setFormat(r + 1, c + 1, bold);
      }),
    );
    return ws.name;
  }

  /** A sheet the adapter writes whole: its layout, the drawings and tables it had (their elements kept). */
  private sheetTemplate(layout: { headerRows: number; columnWidths: number[] }, old: Worksheet | null): string {
    const { headerRows, columnWidths } = layout;
    const root = old?.root ?? null;
    const p = root && isMain(root.uri) && root.prefix ? `${root.prefix}:` : "";
    const pane = headerRows > 0 ? `<${p}pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/><${p}selection pane="bottomLeft"/>` : "";
    const view = pane ? `<${p}sheetView workbookViewId="0">${pane}</${p}sheetView>` : `<${p}sheetView workbookViewId="0"/>`;
    const cols = columnWidths.length ? `<${p}cols>${columnWidths.map((w, i) => `<${p}col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</${p}cols>` : "";
    // A sheet written again keeps its drawings and tables (exceljs clears cells, not objects).
    const kept = old ? ["drawing", "tableParts"].map((l) => old.topElement(l)).map((e) => (e ? (old.text as string).slice(e.start, e.end) : "")).join("") : "";
    const open = root && old?.text ? old.text.slice(root.start, root.openEnd).replace(/\/>$/, ">") : `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`;
    const close = root ? `</${root.name}>` : "</worksheet>";
    return (
      `${XML_HEAD}${open}<${p}dimension ref="A1"/><${p}sheetViews>${view}</${p}sheetViews><${p}sheetFormatPr defaultRowHeight="15"/>${cols}<${p}sheetData/>` +
      `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${kept}${close}`
    );
  }

  private rewriteWhole(st: SheetState, layout: { headerRows: number; columnWidths: number[] }): void {
    const old = st.ws;
    const text = this.sheetTemplate(layout, old);
    const ws = new Worksheet(old.name, old.path, text);
    ws.parse({ styles: this.styles, sharedStrings: this.strings.items, date1904: this.date1904 });
    this.strings.count -= old.sharedRefs;
    st.ws = ws;
    st.written = layout;
    // Its old notes go (exceljs clears a sheet it writes again); tables stay.
    st.notes = { clears: [], clearAll: true, notes: new Map() };
  }

  private newSheet(name: string, layout: { headerRows: number; columnWidths: number[] }): SheetState {
    const dir = this.workbookPath.slice(0, this.workbookPath.lastIndexOf("/") + 1);
    const path = this.pkg.freeName((n) => `${dir}worksheets/sheet${n}.xml`);
    const ws = new Worksheet(name, path, this.sheetTemplate(layout, null));
    ws.parse({ styles: this.styles, sharedStrings: this.strings.items, date1904: this.date1904 });
    this.pkg.put(path, ws.text as string, CONTENT_TYPE.worksheet);
    const st: SheetState = { ws, tables: [], notes: { clears: [], clearAll: false, notes: new Map() }, written: layout, isNew: true };
    this.sheets.push(st);
    this.allNames.push(name);
    return st;
  }

  /**
   * A clustered column chart of a block of the sheet (see ChartSpec), written on save as a DrawingML
   * chart part and a drawing part anchoring it: the sheet's drawing gets a new frame, or the frame of
   * the add-in's chart of the same name from an earlier run is replaced (its chart part rewritten).
   */
  async addChart(sheet: string, chart: ChartSpec): Promise<boolean> {
    this.state(sheet).chart = chart;
    return true;
  }

  /** The chart and drawing parts of a sheet's chart, and the splice its sheet part needs (a new <drawing>). */
  private placeChart(st: SheetState): Splice[] {
    const pkg = this.pkg;
    const ws = st.ws;
    const spec = st.chart as ChartSpec;
    const d = spec.data;
    const block: CellValue[][] = [];
    for (let r = d.top; r <= d.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = d.left; c <= d.right; c++) row.push(ws.value(r, c));
      block.push(row);
    }
    const chartXml = chartPartXml(ws.name, spec, block);
    const dir = this.workbookPath.slice(0, this.workbookPath.lastIndexOf("/") + 1);
    const rels = pkg.rels(ws.path);
    const drawingRel = rels.find("drawing");
    const drawingPath = drawingRel ? rels.partOf(drawingRel) : null;
    const drawingText = drawingPath ? pkg.text(drawingPath) : null;
    if (drawingPath && drawingText !== null) {
      // The sheet has a drawing: replace the add-in's frame of this name, or add one.
      const root = parseTree(drawingText, drawingPath);
      const dRels = pkg.rels(drawingPath);
      const frames = root.children.filter((e) => e.uri === DRAWING_NS && /Anchor$/.test(e.local));
      const nameOf = (a: XElement) => descendants(a, (x) => x.local === "cNvPr" && x.uri === DRAWING_NS)[0];
      const ours = frames.find((a) => attr(nameOf(a) ?? a, "name") === spec.name);
      const chartEl = ours ? descendants(ours, (x) => x.local === "chart" && x.uri === CHART_NS)[0] : undefined;
      const oldRel = chartEl ? dRels.byId(relAttr(chartEl) ?? "") : undefined;
      const oldChart = oldRel ? dRels.partOf(oldRel) : null;
      let chartRelId: string;
      if (oldRel && oldChart) {
        pkg.put(oldChart, chartXml, CONTENT_TYPE.chart);
        chartRelId = oldRel.id;
      } else {
        const cPath = pkg.freeName((n) => `${dir}charts/chart${n}.xml`);
        pkg.put(cPath, chartXml, CONTENT_TYPE.chart);
        chartRelId = pkg.relate(drawingPath, "chart", cPath);
      }
      const ids = descendants(root, (x) => x.local === "cNvPr" && x.uri === DRAWING_NS).map((x) => Number(attr(x, "id")) || 0);
      const frameId = ours ? Number(attr(nameOf(ours), "id")) || 2 : Math.max(1, ...ids) + 1;
      const anchor = drawingAnchorXml(spec, chartRelId, frameId, true);
      const splice: Splice = ours ? { start: ours.start, end: ours.end, text: anchor } : { start: root.closeStart, end: root.closeStart, text: anchor };
      pkg.put(drawingPath, applySplices(drawingText, [splice]), CONTENT_TYPE.drawing);
      return [];
    }
    // A new drawing with the chart, and the sheet's <drawing r:id> pointing at it.
    const cPath = pkg.freeName((n) => `${dir}charts/chart${n}.xml`);
    const dPath = pkg.freeName((n) => `${dir}drawings/drawing${n}.xml`);
    pkg.put(cPath, chartXml, CONTENT_TYPE.chart);
    const chartRelId = pkg.relate(dPath, "chart", cPath);
    pkg.put(dPath, drawingPartXml(spec, chartRelId), CONTENT_TYPE.drawing);
    if (drawingRel) rels.remove(drawingRel); // it pointed at a part that is not there
    const id = pkg.relate(ws.path, "drawing", dPath);
    const root = ws.root as XElement;
    const el = nameIn(root, root.uri, "drawing", "x");
    const r = nameIn(root, pkg.dialect === "strict" ? NS.relStrict : NS.rel, "id", "r", true);
    const xml = `<${el.name}${el.decl}${r.decl} ${r.name}="${escapeAttr(id)}"/>`;
    const existing = ws.topElement("drawing");
    if (existing) return [{ start: existing.start, end: existing.end, text: xml }];
    const at = ws.insertionPoint("drawing");
    return [{ start: at, end: at, text: xml }];
  }

  async snapshot(): Promise<Snapshot> {
    throw new WorkbookError("bad-request", fileSay.noSnapshot());
  }

  async restore(): Promise<void> {
    throw new WorkbookError("bad-request", fileSay.noSnapshot());
  }

  // ------------------------------------------------------------------ saving

  async toBuffer(): Promise<Uint8Array> {
    try {
      return await this.save();
    } catch (e) {
      if (e instanceof PackageError) throw asWorkbookError(e);
      throw e;
    }
  }

  private save(): Promise<Uint8Array> {
    const pkg = this.pkg;
    const workbookSplices: Splice[] = [];
    const wbRels = pkg.rels(this.workbookPath);
    let formulaOverwritten = false;
    for (const st of this.sheets) {
      const ws = st.ws;
      const notesChanged = st.notes.clearAll || st.notes.clears.length > 0 || st.notes.notes.size > 0;
      if (!ws.edited && !notesChanged && !st.written && !st.chart && !st.tables.some((t) => t.changed)) continue;
      const text = ws.text as string;
      const splices: Splice[] = [];
      const prefix = ws.mainPrefix;
      const cellCtx: CellContext = {
        styles: this.styles,
        date1904: this.date1904,
        sharedString: (s: string) => {
          this.strings.count++;
          this.stringRefsChanged = true;
          return this.strings.index(s);
        },
      };
      const dimension = ws.writtenExtent();
      const dim = ws.topElement("dimension");
      if (dim && dimension) splices.push({ start: dim.start, end: dim.openEnd, text: retag(text.slice(dim.start, dim.openEnd), "ref", escapeAttr(formatRange(dimension, true))) });
      // <drawing> before <legacyDrawing> (CT_Worksheet's order), should both go in at the same place.
      if (st.chart) splices.push(...this.placeChart(st));
      if (notesChanged) splices.push(...patchNotes(pkg, ws, st.notes, this.blocks));
      // The rows with written cells are rebuilt as the part's bytes are written (no text of the whole part is made).
      pkg.put(ws.path, ws.output(splices, (w, r, e) => writeCell(w, prefix, r, e, cellCtx)));
      this.strings.count -= ws.sharedRefsRemoved;
      if (ws.sharedRefsRemoved) this.stringRefsChanged = true;
      if (ws.formulaOverwritten) formulaOverwritten = true;
      for (const t of st.tables) if (t.changed) pkg.put(t.path, tableXml(t));
      if (st.isNew) {
        const rel = wbRels.add(pkg.relType("worksheet"), ws.path);
        const el = sibling(this.sheetsEl, "sheet");
        const r = nameIn(this.sheetsEl, pkg.dialect === "strict" ? NS.relStrict : NS.rel, "id", "r", true);
        workbookSplices.push(...appendChildren(this.sheetsEl, `<${el} name="${escapeAttr(ws.name)}" sheetId="${++this.maxSheetId}"${r.decl} ${r.name}="${rel.id}"/>`));
      }
    }
    if (this.strings.changed || this.stringRefsChanged) {
      const created = !pkg.has(this.strings.path);
      pkg.put(this.strings.path, this.strings.output(), CONTENT_TYPE.sharedStrings);
      if (created || !wbRels.find("sharedStrings")) wbRels.add(pkg.relType("sharedStrings"), this.strings.path);
    }
    const styles = this.styles.output();
    if (styles !== null) {
      pkg.put(this.stylesPath, styles, CONTENT_TYPE.styles);
      if (!wbRels.find("styles")) wbRels.add(pkg.relType("styles"), this.stylesPath);
    }
    // The calculation chain lists formula cells; one was overwritten with a value, so the chain would
    // name a cell without a formula (Excel calls that corrupt). Excel rebuilds a missing chain.
    const calc = wbRels.find("calcChain");
    if (formulaOverwritten && calc) {
      pkg.remove(wbRels.partOf(calc) as string);
      wbRels.remove(calc);
    }
    if (workbookSplices.length) pkg.put(this.workbookPath, applySplices(this.workbookText, workbookSplices));
    return pkg.save();
  }
}

/** A table part with its range, autofilter and columns as written; everything else as it was. */
function tableXml(t: TablePart): string {
  const splices: Splice[] = [];
  const ref = formatRange(t.box);
  splices.push({ start: t.root.start, end: t.root.openEnd, text: retag(t.text.slice(t.root.start, t.root.openEnd), "ref", ref) });
  const af = child(t.root, "autoFilter");
  const afRef = af ? attr(af, "ref") : undefined;
  const afBox = afRef ? parseRange(afRef) : null;
  if (af && afBox) splices.push({ start: af.start, end: af.openEnd, text: retag(t.text.slice(af.start, af.openEnd), "ref", formatRange({ ...afBox, right: t.box.right })) });
  const cols = child(t.root, "tableColumns");
  if (cols) {
    for (const [j, name] of t.renamed) {
      const c = t.columns[j];
      if (c) splices.push({ start: c.el.start, end: c.el.openEnd, text: retag(t.text.slice(c.el.start, c.el.openEnd), "name", escapeAttr(name)) });
    }
    let id = Math.max(0, ...t.columns.map((c) => c.id || 0));
    const el = sibling(cols, "tableColumn");
    const items = t.added.map((name) => `<${el} id="${++id}" name="${escapeAttr(name)}"/>`).join("");
    const count = children(cols, "tableColumn").length + t.added.length;
    if (items || t.added.length) splices.push(...appendChildren(cols, items, { count: String(count) }));
  }
  return applySplices(t.text, splices);
}

