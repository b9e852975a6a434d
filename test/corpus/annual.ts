// The annual assessment table the corpus harness adds to one worksheet of every file, and its
// results worked out by hand (POLICY.md §3–§5, default policy suxian-2023).
import { NS, attr, children, decodeXml, descendants, encodeXml, findPart, numToCol, parseXml, readRels, readWorkbook, splitRef, type SheetInfo } from "./ooxml";

export const HEADERS = ["编号", "姓名", "对象", "分组", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质", "通报批评"] as const;

type Value = string | number;
export const ROWS: Value[][] = [
  ["C01", "张一", "干部", "区直单位", 92, 88, 90, 85, 95, "过得硬", "无"],
  ["C02", "李二", "干部", "区直单位", 95, 90, 92, 88, 90, "过得硬", "区级"],
  ["C03", "王三", "干部", "区直单位", 95, 92, 94, 90, 96, "合格", "无"],
  ["C04", "赵四", "干部", "区直单位", 80, 80, 80, 80, 80, "过得硬", "无"],
  ["C05", "钱五", "干部", "区直单位", 50, 60, 60, 60, 60, "过得硬", "无"],
  ["C06", "孙六", "干部", "区直单位", 89.35, 89.35, 89.35, 89.35, 89.35, "过得硬", "无"],
];

export interface Expected {
  composite: number;
  rank: number;
  grade: string;
  reasons: string[];
}

// Worked by hand. composite = 0.6·P + 0.1·(D + L + S + B), exact, 2 places half-up (§3):
//   C01: 0.6·92 = 55.2;  0.1·(88+90+85+95 = 358) = 35.8  → 91.00
//   C02: 0.6·95 = 57;    0.1·(90+92+88+90 = 360) = 36    → 93.00
//   C03: 0.6·95 = 57;    0.1·(92+94+90+96 = 372) = 37.2  → 94.20
//   C04: 0.6·80 = 48;    0.1·320 = 32                    → 80.00
//   C05: 0.6·50 = 30;    0.1·240 = 24                    → 54.00
//   C06: 0.6·89.35 = 53.61; 0.1·357.4 = 35.74            → 89.35 (POLICY §10 #11)
// One pool (区直单位 cadres), six valid rows; ranks by composite, competition ranking (§5):
//   94.20 → 1 (C03), 93 → 2 (C02), 91 → 3 (C01), 89.35 → 4 (C06), 80 → 5 (C04), 54 → 6 (C05).
// Grades (§4), cadre scale 优秀/称职/基本称职/不称职, bands ≥90 / ≥75 / ≥60:
//   C03: band 优秀, 政治素质 合格 → capped at 称职, POLITICAL_NOT_SOLID (step 5; the rank stays 1).
//   C02: band 优秀, 通报批评 区级 → 一票否决, capped at 称职, VETO (step 4).
//   C01: band 优秀, 过得硬, no circular → candidate. Quota 20% × 6 = 1.2 → 1 place (half-up): C01 优秀.
//   C06: 89.35 < 90 → 称职.  C04: 80 → 称职.  C05: 54 < 60 → 不称职.  No other reason recorded.
export const EXPECTED: Record<string, Expected> = {
  C01: { composite: 91, rank: 3, grade: "优秀", reasons: [] },
  C02: { composite: 93, rank: 2, grade: "称职", reasons: ["VETO"] },
  C03: { composite: 94.2, rank: 1, grade: "称职", reasons: ["POLITICAL_NOT_SOLID"] },
  C04: { composite: 80, rank: 5, grade: "称职", reasons: [] },
  C05: { composite: 54, rank: 6, grade: "不称职", reasons: [] },
  C06: { composite: 89.35, rank: 4, grade: "称职", reasons: [] },
};

export interface Placement {
  sheet: SheetInfo;
  headerRow: number; // worksheet row of the headers; data rows follow
  firstCol: number; // 1 = A
  lastCol: number;
}

const MAX_ROW = 1048576;

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The rows that hold something — rows present in sheetData (with or without cells: a formatted empty
 * row is the user's too), merged ranges and Excel Tables (ListObjects, whose rows may be empty) —
 * as a sorted list of row numbers.
 */
function usedRows(doc: Document, tableRefs: string[]): number[] {
  const used = new Set<number>();
  const sheetData = descendants(doc, "sheetData", NS.main)[0];
  let rowNum = 0;
  for (const row of sheetData ? children(sheetData, "row") : []) {
    const r = attr(row, "r");
    rowNum = r ? Number(r) : rowNum + 1;
    used.add(rowNum);
  }
  const ranges = [...descendants(doc, "mergeCell", NS.main).map((m) => attr(m, "ref") ?? ""), ...tableRefs];
  for (const ref of ranges) {
    const [a, b] = ref.split(":");
    if (!/\d/.test(a ?? "") || !/\d/.test(b ?? a ?? "")) continue;
    const s = splitRef(a).row;
    const e = splitRef(b ?? a).row;
    for (let r = s; r <= Math.min(e, s + 100_000); r++) used.add(r);
  }
  return [...used].sort((x, y) => x - y);
}

/** The first row of a free block of `need` rows with two free rows above it: below everything, else the first gap. */
function freeBlock(used: number[], need: number): number | null {
  const last = used.length ? used[used.length - 1] : 0;
  if (last + 2 + need <= MAX_ROW) return last + 3;
  let prev = 0;
  for (const r of used) {
    if (r - prev - 1 >= need + 4) return prev + 3; // two free rows above, at least two below
    prev = r;
  }
  return null;
}

/** The refs of the Excel Tables (ListObjects) of a worksheet part. */
function tableRefs(all: Map<string, Uint8Array>, sheetPart: string): string[] {
  return readRels(all, sheetPart)
    .filter((r) => /\/table$/.test(r.type) && !r.external && findPart(all, r.target))
    .map((r) => {
      const t = parseXml(all.get(findPart(all, r.target)!)!, r.target).documentElement;
      return t ? attr(t as unknown as Element, "ref") ?? "" : "";
    });
}

function isProtected(doc: Document): boolean {
  const p = descendants(doc, "sheetProtection", NS.main)[0];
  if (!p) return false;
  const s = attr(p, "sheet");
  return s === "1" || s === "true";
}

/**
 * Adds the table to the first visible, unprotected worksheet (else the first worksheet), below
 * everything it holds, leaving two blank rows. Only that sheet's part changes, and in it only the
 * new rows (inserted as text before the end of sheetData, in sheetData's own namespace and prefix,
 * strings inline) and the dimension's ref; every other byte stays as the writer left it.
 */
export function addTable(all: Map<string, Uint8Array>): { part: string; bytes: Uint8Array; placement: Placement } {
  const wb = readWorkbook(all);
  const worksheets = wb.sheets.filter((s) => s.kind === "worksheet" && s.part);
  if (worksheets.length === 0) throw new Error("no worksheet");
  const docs = new Map(worksheets.map((s) => [s, parseXml(all.get(s.part)!, s.part)]));
  const need = ROWS.length + 1;
  const places = new Map(worksheets.map((s) => [s, freeBlock(usedRows(docs.get(s)!, tableRefs(all, s.part)), need)]));
  const usable = worksheets.filter((s) => places.get(s) !== null);
  const sheet = usable.find((s) => s.state === "visible" && !isProtected(docs.get(s)!)) ?? usable[0];
  if (!sheet) throw new Error("no worksheet with room for the table");
  const doc = docs.get(sheet)!;
  const headerRow = places.get(sheet)!;
  const sheetData = descendants(doc, "sheetData", NS.main)[0];
  if (!sheetData) throw new Error(`${sheet.part}: no sheetData`);
  const qname = sheetData.tagName;
  const prefix = sheetData.prefix ? `${sheetData.prefix}:` : "";

  const rowsXml: string[] = [];
  const lines: Value[][] = [[...HEADERS], ...ROWS];
  lines.forEach((line, i) => {
    const r = headerRow + i;
    const cells = line.map((v, c) => {
      const ref = `${numToCol(c + 1)}${r}`;
      return typeof v === "number" ? `<${prefix}c r="${ref}"><${prefix}v>${v}</${prefix}v></${prefix}c>` : `<${prefix}c r="${ref}" t="inlineStr"><${prefix}is><${prefix}t>${escapeText(v)}</${prefix}t></${prefix}is></${prefix}c>`;
    });
    rowsXml.push(`<${prefix}row r="${r}">${cells.join("")}</${prefix}row>`);
  });
  const insert = rowsXml.join("");

  const { text, encoding, bom } = decodeXml(all.get(sheet.part)!);
  let out: string;
  const closeRe = new RegExp(`</${escapeRe(qname)}\\s*>`, "g");
  const closes = [...text.matchAll(closeRe)];
  // Rows after the block (when the table goes into a gap): the new rows go before the first of them.
  let rowNum = 0;
  const rowEls = children(sheetData, "row");
  const after = rowEls.findIndex((row) => {
    const r = attr(row, "r");
    rowNum = r ? Number(r) : rowNum + 1;
    return rowNum > headerRow;
  });
  if (after >= 0) {
    if (closes.length !== 1) throw new Error(`${sheet.part}: cannot find sheetData`);
    const start = text.search(new RegExp(`<${escapeRe(qname)}[\\s>]`));
    const rowRe = new RegExp(`<${escapeRe(rowEls[0].tagName)}[\\s>/]`, "g");
    rowRe.lastIndex = start;
    let m: RegExpExecArray | null = null;
    for (let i = 0; i <= after; i++) m = rowRe.exec(text);
    if (!m || m.index > closes[0].index!) throw new Error(`${sheet.part}: cannot find row ${after + 1} of sheetData`);
    out = text.slice(0, m.index) + insert + text.slice(m.index);
  } else if (closes.length === 1) {
    const at = closes[0].index!;
    out = text.slice(0, at) + insert + text.slice(at);
  } else if (closes.length === 0) {
    const selfRe = new RegExp(`<${escapeRe(qname)}(\\s[^>]*)?/>`, "g");
    const selfs = [...text.matchAll(selfRe)];
    if (selfs.length !== 1) throw new Error(`${sheet.part}: cannot find sheetData`);
    const m = selfs[0];
    out = text.slice(0, m.index!) + `<${qname}${m[1] ?? ""}>${insert}</${qname}>` + text.slice(m.index! + m[0].length);
  } else throw new Error(`${sheet.part}: ${closes.length} sheetData end tags`);

  // The dimension, when there is one, is widened to cover the table.
  const dim = descendants(doc, "dimension", NS.main)[0];
  if (dim) {
    const dimRe = new RegExp(`(<${escapeRe(dim.tagName)}\\b[^>]*?\\bref\\s*=\\s*)(["'])([^"']*)\\2`);
    const m = dimRe.exec(out);
    if (!m) throw new Error(`${sheet.part}: cannot find the dimension's ref`);
    const [a, b] = m[3].includes(":") ? m[3].split(":") : [m[3], m[3]];
    const lastRow = headerRow + ROWS.length;
    let newRef = `A${headerRow}:${numToCol(HEADERS.length)}${lastRow}`;
    const wasEmpty = usedRows(doc, []).length === 0;
    if (!wasEmpty && /^[A-Za-z]+\d+$/.test(a) && /^[A-Za-z]+\d+$/.test(b)) {
      const s = splitRef(a);
      const e = splitRef(b);
      newRef = `A${Math.min(s.row, headerRow)}:${numToCol(Math.max(e.col, HEADERS.length))}${Math.max(e.row, lastRow)}`;
    }
    out = out.slice(0, m.index) + m[1] + m[2] + newRef + m[2] + out.slice(m.index + m[0].length);
  }

  // Check the edit as a namespace-aware reader sees it: the new rows are rows of the same sheetData.
  const check = parseXml(out, sheet.part);
  const sd = descendants(check, "sheetData", NS.main)[0];
  const added = children(sd, "row").filter((r) => Number(attr(r, "r")) >= headerRow && Number(attr(r, "r")) <= headerRow + ROWS.length);
  if (added.length !== lines.length || added.some((r) => r.namespaceURI !== sheetData.namespaceURI)) throw new Error(`${sheet.part}: the table did not land in sheetData`);

  return { part: sheet.part, bytes: encodeXml(out, encoding, bom), placement: { sheet, headerRow, firstCol: 1, lastCol: HEADERS.length } };
}
