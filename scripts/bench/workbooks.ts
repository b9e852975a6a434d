// The generated rows as .xlsx files: the plain input workbook `assess rank` reads, and the same rows
// as a native-formula workbook (the way staff compute the scheme today) for LibreOffice to recalculate.
import * as ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue, RawTable } from "../../src/engine/types";
import { COL, HEADERS, SHEET } from "./rows";

type Plain = string | number | null;

function plain(v: CellValue): Plain {
  return v === undefined || v === null ? null : typeof v === "number" || typeof v === "string" ? v : String(v);
}

/** The input workbook: one sheet, Chinese headers on row 1, the rows below (as Excel writes it: shared strings). */
export async function writeInputWorkbook(file: string, table: RawTable): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(HEADERS).commit();
  for (const r of table.rows) ws.addRow(r.map(plain)).commit();
  ws.commit();
  await wb.commit();
}

/** Pool of a generated row as the engine forms it: group and subject kind (POLICY.md §1). */
function poolOf(row: readonly CellValue[]): string {
  const cadre = row[COL.subject] === "干部" || row[COL.subject] === "领导干部";
  return `${row[COL.group]}|${cadre ? "cadre" : "units"}`;
}

/**
 * What the native formulas model (and what they cannot) — so that the comparison is of the same work:
 *  - validity: five numeric scores within 0–100 and a known 政治素质 (not: duplicate IDs, text numbers
 *    such as "90%" or full-width digits, unknown spellings in the other vocabulary columns — the
 *    generated rows have none of these);
 *  - composite: ROUND(SUMPRODUCT(weights, scores), 2), in binary floating point;
 *  - grade: an IF ladder — political gate (不合格 → lowest), band, one-vote veto and 合格 capped below
 *    优秀, one-vote affirmation of a cadre top leader, the veto winning over affirmation;
 *  - quota per pool: places = MAX(1, ROUND(20% × valid rows)), affirmed rows first, the candidates
 *    ordered by composite, then P, then D through COUNTIFS over the pool; rows tied exactly (all three
 *    equal) across the boundary are held back, as the engine holds them (QUOTA_TIE);
 *  - rank: _xlfn.RANK.EQ within the pool (competition ranking).
 * Not modelled: findings, reason sentences, notes and fills, the audit of hand-typed grades. RANK.EQ
 * and COUNTIFS need each pool as one block, so the rows are written sorted by pool (stable).
 */
export async function writeNativeWorkbook(file: string, table: RawTable): Promise<{ rows: number }> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const order = table.rows.map((r, i) => ({ r, i, pool: poolOf(r) }));
  const poolNames = [...new Set(order.map((o) => o.pool))].sort();
  order.sort((a, b) => poolNames.indexOf(a.pool) - poolNames.indexOf(b.pool) || a.i - b.i);

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet(SHEET);
  const quota = wb.addWorksheet("名额");
  const formulaHeaders = ["有效", "综合得分", "分数段", "干部", "否决", "肯定", "初定等次", "候选", "肯定优秀", "剩余名额", "领先", "并列", "等次序号", "等次", "排名"];
  ws.addRow([...HEADERS, ...formulaHeaders]).commit();

  // Pool blocks (worksheet rows) and their line on the 名额 sheet.
  const blocks = new Map<string, { top: number; bottom: number; line: number }>();
  order.forEach((o, k) => {
    const r = k + 2;
    const b = blocks.get(o.pool);
    if (b) b.bottom = r;
    else blocks.set(o.pool, { top: r, bottom: r, line: blocks.size + 2 });
  });

  const f = (formula: string) => ({ formula });
  order.forEach((o, k) => {
    const r = k + 2;
    const b = blocks.get(o.pool)!;
    const blk = (c: string) => `$${c}$${b.top}:$${c}$${b.bottom}`;
    const cells: unknown[] = o.r.map(plain);
    cells.push(
      f(`IF(AND(COUNT(G${r}:K${r})=5,MIN(G${r}:K${r})>=0,MAX(G${r}:K${r})<=100,OR(L${r}="过得硬",L${r}="合格",L${r}="不合格")),1,0)`), // P 有效
      f(`IF(P${r}=1,ROUND(SUMPRODUCT({0.6,0.1,0.1,0.1,0.1},G${r}:K${r}),2),"")`), // Q 综合得分
      f(`IF(P${r}=1,IF(Q${r}>=90,0,IF(Q${r}>=75,1,IF(Q${r}>=60,2,3))),"")`), // R 分数段
      f(`IF(OR(C${r}="干部",C${r}="领导干部"),1,0)`), // S 干部
      f(`IF(OR(M${r}="区级",M${r}="县级",M${r}="市级",M${r}="省级",M${r}="国家级",M${r}="是"),1,0)`), // T 否决
      f(`IF(AND(S${r}=1,OR(N${r}="是",N${r}="√"),OR(F${r}="是",F${r}="√")),1,0)`), // U 肯定 (affirmable)
      f(`IF(P${r}<>1,"",IF(L${r}="不合格",3,IF(AND(OR(U${r}=1,R${r}=0),OR(T${r}=1,L${r}="合格")),MAX(R${r},1),IF(U${r}=1,0,R${r}))))`), // V 初定等次
      f(`IF(AND(P${r}=1,V${r}=0,U${r}=0),1,0)`), // W 候选
      f(`IF(AND(P${r}=1,V${r}=0,U${r}=1),1,0)`), // X 肯定优秀
      f(`名额!$E$${b.line}`), // Y 剩余名额
      f(`IF(W${r}=1,COUNTIFS(${blk("W")},1,${blk("Q")},">"&Q${r})+COUNTIFS(${blk("W")},1,${blk("Q")},Q${r},${blk("G")},">"&G${r})+COUNTIFS(${blk("W")},1,${blk("Q")},Q${r},${blk("G")},G${r},${blk("H")},">"&H${r}),"")`), // Z 领先
      f(`IF(W${r}=1,COUNTIFS(${blk("W")},1,${blk("Q")},Q${r},${blk("G")},G${r},${blk("H")},H${r}),"")`), // AA 并列 (self included)
      f(`IF(P${r}<>1,"",IF(V${r}<>0,V${r},IF(X${r}=1,0,IF(Z${r}+AA${r}<=Y${r},0,1))))`), // AB 等次序号
      f(`IF(P${r}<>1,"",IF(S${r}=1,CHOOSE(AB${r}+1,"优秀","称职","基本称职","不称职"),CHOOSE(AB${r}+1,"优秀","良好","一般","较差")))`), // AC 等次
      f(`IF(P${r}=1,_xlfn.RANK.EQ(Q${r},${blk("Q")}),"")`), // AD 排名
    );
    ws.addRow(cells).commit();
  });
  ws.commit();

  quota.addRow(["分组", "有效人数", "名额", "一票肯定", "剩余名额"]).commit();
  for (const [name, b] of blocks) {
    const range = (c: string) => `${SHEET}!$${c}$${b.top}:$${c}$${b.bottom}`;
    const l = b.line;
    quota.addRow([name, f(`COUNTIF(${range("P")},1)`), f(`MAX(1,ROUND(0.2*B${l},0))`), f(`COUNTIF(${range("X")},1)`), f(`MAX(0,C${l}-D${l})`)]).commit();
  }
  quota.commit();
  await wb.commit();
  return { rows: order.length };
}

export interface NativeResult {
  composite: number | null;
  grade: string | null;
  rank: number | null;
}

function resultOf(v: unknown): unknown {
  if (v && typeof v === "object" && "result" in (v as object)) return (v as { result: unknown }).result;
  if (v && typeof v === "object" && "formula" in (v as object)) return undefined; // never calculated
  return v;
}

/**
 * The annual sheet's rows as values (formula cells give their cached result). exceljs's streaming
 * reader is not used: it decodes each 16 KB chunk of XML on its own and garbles a Chinese character
 * split across two chunks (exceljs issue #2063); the whole-file reader decodes each part at once.
 */
async function annualRows(file: string): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row, r) => {
    if (r > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return rows;
}

const num = (x: unknown) => (typeof x === "number" ? x : null);
const text = (x: unknown) => (typeof x === "string" && x !== "" ? x : null);

/** Read the recalculated results back (cached formula values) by 编号: 综合得分 Q, 等次 AC, 排名 AD. */
export async function readNativeResults(file: string): Promise<Map<string, NativeResult>> {
  const out = new Map<string, NativeResult>();
  for (const r of await annualRows(file)) {
    const v = (c: number) => resultOf(r[c - 1]);
    out.set(String(v(1)), { composite: num(v(17)), grade: text(v(29)), rank: num(v(30)) });
  }
  return out;
}

/** Read `assess rank` output: 综合得分 / 排名 / 等次 appended after the 15 input columns, by 编号. */
export async function readCliResults(file: string): Promise<Map<string, NativeResult>> {
  const out = new Map<string, NativeResult>();
  for (const r of await annualRows(file)) out.set(String(r[0]), { composite: num(r[15]), rank: num(r[16]), grade: text(r[17]) });
  return out;
}
