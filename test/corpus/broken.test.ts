// Part of `npm test`. The cases from other projects run when ../shared/corpus/broken (or
// ASSESS_CORPUS_SHARED=DIR) is there.
// Broken and odd real-world files (test/corpus/broken, ../shared/corpus/broken; SOURCES.md): each
// ends in one clear sentence (exit 2, Chinese and English, saying what the file is) or — where the
// file can be read — in the hand-worked results; never a crash, a hang, a stack trace, or an output
// file from a refused run.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EXPECTED } from "./annual";
import { buildCli, runCli } from "./cli";
import { BROKEN_LOCAL_DIR, BROKEN_SHARED_DIR } from "./files";

interface Case {
  file: string;
  where: "local" | "shared";
  /** What the sentence must say (the file's kind or fault), in either language. */
  says: RegExp;
  /** The file holds the annual table (annual.ts): reading it and giving the results is right too. */
  readable?: boolean;
}

const CASES: Case[] = [
  // Made here (test/corpus/make/make.sh): the annual table saved by LibreOffice as .xls / .ods, then renamed .xlsx.
  { file: "libreoffice7.4_xls-renamed.xlsx", where: "local", says: /\.xls\b|Excel 97|97-2003/i, readable: true },
  { file: "libreoffice7.4_ods-renamed.xlsx", where: "local", says: /\.ods\b|OpenDocument/i, readable: true },
  // Other projects' fixtures.
  { file: "excel_exceldatareader_agile_AES256_pwd_password.xlsx", where: "shared", says: /加密|密码|encrypt|password/i },
  { file: "excel_exceldatareader_standard_AES128_pwd_password.xlsx", where: "shared", says: /加密|密码|encrypt|password/i },
  { file: "excel-lockfile_closedxml_~$LoadPivotTables.xlsx", where: "shared", says: /~\$|锁定|lock|owner/i },
  { file: "badcrc_calamine_issue252.xlsx", where: "shared", says: /CRC|损坏|corrupt|damaged/i },
  { file: "fuzzed_poi_crash-274d6342.xlsx", where: "shared", says: /损坏|截断|不完整|corrupt|damaged|truncated|incomplete/i },
  { file: "emptyzip_exceldatareader_EmptyZipFile.xlsx", where: "shared", says: /不是.*(工作簿|\.xlsx)|not an? (Excel )?(workbook|\.xlsx)|no workbook|没有工作簿/i },
  { file: "duplicate-part_poi_duplicate-filename.xlsx", where: "shared", says: /xl\/worksheets\/sheet1\.xml/ },
  { file: "xmlbomb_poi_poc-xmlbomb.xlsx", where: "shared", says: /DTD|DOCTYPE|实体|entit/i },
  { file: "hugesst_poi_poc-shared-strings.xlsx", where: "shared", says: /损坏|damaged|row 0|第 ?0 ?行/i },
];

let tmp: string;
const ran = new Map<string, { code: number | null; signal: string | null; stdout: string; stderr: string; out: string }>();

const fileOf = (c: Case) => path.join(c.where === "local" ? BROKEN_LOCAL_DIR : BROKEN_SHARED_DIR, c.file);

beforeAll(async () => {
  buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "assess-broken-"));
  for (const [i, c] of RUN.entries()) {
    if (!fs.existsSync(fileOf(c))) continue;
    const out = path.join(tmp, `out-${i}.xlsx`);
    ran.set(c.file, { ...(await runCli(["rank", fileOf(c), "--out", out, "--json"], tmp)), out });
  }
}, 1_500_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const SHARED_THERE = fs.existsSync(BROKEN_SHARED_DIR);
const RUN = CASES.filter((c) => c.where === "local" || SHARED_THERE);

test("the broken cases made here are there; other projects' when ../shared/corpus/broken is", () => {
  if (!SHARED_THERE) console.warn(`CORPUS: ${BROKEN_SHARED_DIR} is not there: only the ${RUN.length} broken files made here ran (SOURCES.md lists the others).`);
  expect(RUN.filter((c) => c.where === "local").length).toBeGreaterThan(0);
});

test.each(RUN.map((c) => [c.file, c] as const))("%s: one clear sentence or the right results; no crash, hang or stray output", (_name, c) => {
  expect({ file: fileOf(c), there: fs.existsSync(fileOf(c)) }).toEqual({ file: fileOf(c), there: true });
  const r = ran.get(c.file)!;
  expect({ finished: r.signal === null }).toEqual({ finished: true });
  // No stack trace and no program error passed through as the sentence.
  expect(r.stderr).not.toMatch(/\n\s+at |\(Bug\)|TypeError|RangeError|ReferenceError|Cannot read properties|Cannot set properties|is not a function/);
  if (c.readable && r.code === 0) {
    const json = JSON.parse(r.stdout) as { tables: { kind: string; rows: { id: string; composite: number; rank: number; grade: string; reasons: string[] }[] }[] };
    const rows = json.tables.filter((t) => t.kind === "annual").flatMap((t) => t.rows);
    expect(Object.fromEntries(rows.map((x) => [x.id, { composite: x.composite, rank: x.rank, grade: x.grade, reasons: x.reasons }]))).toEqual(EXPECTED);
    return;
  }
  const lines = r.stderr.split("\n").filter((l) => l.trim() !== "");
  expect({ code: r.code, lines: lines.length, output: fs.existsSync(r.out) }).toEqual({ code: 2, lines: 1, output: false });
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(lines[0]).toMatch(/[A-Za-z]{3,}/);
  // What the sentence says, not the file's name (some names hold the very words looked for).
  expect(lines[0].split(fileOf(c)).join("FILE")).toMatch(c.says);
});
