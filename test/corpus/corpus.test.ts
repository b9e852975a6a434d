// Part of `npm test`. Other projects' fixtures in ../shared/corpus (or ASSESS_CORPUS_SHARED=DIR) run too
// when they are there; the run says so when they are not.
// The real-world corpus (issue #10): .xlsx files written by other programs (test/corpus/SOURCES.md).
// For each file the harness adds the same small annual table to one real worksheet (annual.ts, with
// its results worked out by hand), runs the built CLI `assess rank in --out out --json`, and checks
// the output package part by part with code independent of the product (ooxml.ts), then has
// LibreOffice open every output (one batched headless conversion) and read the results back.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { which } from "../support/prerequisites";
import { EXPECTED, HEADERS, ROWS, addTable, type Placement } from "./annual";
import { buildCli, runCli } from "./cli";
import { SHARED_DIR, corpusFiles, sourcesSection, xlsxIn } from "./files";
import { type Cell, extensionSignature, numToCol, parseXml, parts, readAllCells, readRels, readWorkbook, relsPathOf, replaceEntry, unboundIgnorablePrefixes } from "./ooxml";

const FILES = corpusFiles();

interface Ran {
  name: string;
  input: string; // the file with the table added
  output: string;
  inputParts: Map<string, Uint8Array>;
  placement: Placement | null;
  prepareError: string | null;
  code: number | null;
  signal: string | null; // SIGKILL: still running after two minutes (hung)
  stdout: string;
  stderr: string;
}

let tmp: string;
const ran = new Map<string, Ran>();
let xmllintErrors = new Map<string, string[]>(); // "<name>/<part>" → errors
let loDir = "";
let loLog = "";

const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);

beforeAll(async () => {
  buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "assess-corpus-"));
  for (const d of ["in", "out", "parts", "lo"]) fs.mkdirSync(path.join(tmp, d));

  // 1. The inputs: each corpus file with the table added to one worksheet.
  FILES.forEach((f, i) => {
    const ext = path.extname(f.name);
    const base = `${String(i + 1).padStart(3, "0")}${ext}`;
    const r: Ran = { name: f.name, input: path.join(tmp, "in", base), output: path.join(tmp, "out", base), inputParts: new Map(), placement: null, prepareError: null, code: null, signal: null, stdout: "", stderr: "" };
    try {
      const original = new Uint8Array(fs.readFileSync(f.file));
      const added = addTable(parts(original));
      const bytes = replaceEntry(original, added.part, added.bytes);
      fs.writeFileSync(r.input, bytes);
      r.inputParts = parts(bytes);
      r.placement = added.placement;
    } catch (e) {
      r.prepareError = (e as Error).message;
    }
    ran.set(f.name, r);
  });
  fs.writeFileSync(path.join(tmp, "index.tsv"), [...ran.values()].map((r) => `${path.basename(r.input)}\t${r.name}`).join("\n") + "\n");

  // 2. The CLI, two files at a time.
  const queue = [...ran.values()].filter((r) => !r.prepareError);
  await Promise.all(
    [0, 1].map(async () => {
      for (let r = queue.shift(); r; r = queue.shift()) Object.assign(r, await runCli(["rank", r.input, "--out", r.output, "--json"], tmp));
    }),
  );

  // 3. Every XML part of every output, through xmllint in a few batched calls (well-formed, prefixes bound).
  const toLint: string[] = [];
  const owner = new Map<string, string>();
  for (const r of ran.values()) {
    if (!fs.existsSync(r.output)) continue;
    let out: Map<string, Uint8Array>;
    try {
      out = parts(new Uint8Array(fs.readFileSync(r.output)));
    } catch {
      continue;
    }
    const dir = path.join(tmp, "parts", path.basename(r.output));
    out.forEach((data, name) => {
      if (!isXmlPart(name)) return;
      const before = r.inputParts.get(name);
      // A part left as the writer wrote it is judged by the writer (Excel's VML is often not XML).
      if (before && Buffer.compare(Buffer.from(before), Buffer.from(data)) === 0) return;
      const file = path.join(dir, String(owner.size));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, data);
      owner.set(file, `${r.name}/${name}`);
      toLint.push(file);
    });
  }
  const xmllint = which("xmllint");
  if (!xmllint) throw new Error("xmllint is not installed (apt-get install -y libxml2-utils)");
  xmllintErrors = new Map();
  for (let i = 0; i < toLint.length; i += 200) {
    const batch = toLint.slice(i, i + 200);
    // xmllint exits 0 on namespace errors: read its report, not its status.
    const stderr = execFileSync("sh", ["-c", `"$0" --noout --nonet "$@" 2>&1 || true`, xmllint, ...batch], { encoding: "utf8", maxBuffer: 64 << 20 });
    for (const line of stderr.split("\n")) {
      const m = /^(.+?):\d+: (.*error.*)$/.exec(line);
      if (m && owner.has(m[1])) {
        const key = owner.get(m[1])!;
        xmllintErrors.set(key, [...(xmllintErrors.get(key) ?? []), m[2]]);
      }
    }
  }

  // 4. LibreOffice opens every output, in one headless run, and saves it again as .xlsx.
  const soffice = which("soffice");
  if (!soffice) {
    if (process.env.CI === "true") throw new Error("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui");
    throw new Error("LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui");
  }
  loDir = path.join(tmp, "lo");
  const outputs = [...ran.values()].filter((r) => fs.existsSync(r.output)).map((r) => r.output);
  // Two instances (one profile each) share the outputs: the machine has two cores. LibreOffice
  // converts a batch in order; if it crashes on a file, the files after it are converted again in a
  // new batch and the one it crashed on is named in the log.
  const convert = (files: string[], k: number) =>
    new Promise<{ code: number | null; log: string }>((resolve) => {
      const args = ["--headless", "--norestore", "--nologo", `-env:UserInstallation=file://${path.join(tmp, `lo-profile-${k}`)}`, "--convert-to", "xlsx", "--outdir", loDir, ...files];
      const child = spawn(soffice, args, { stdio: ["ignore", "pipe", "pipe"] });
      let log = "";
      child.stdout.setEncoding("utf8").on("data", (d) => (log += d));
      child.stderr.setEncoding("utf8").on("data", (d) => (log += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), 600_000);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, log });
      });
    });
  const convertedName = (f: string) => path.join(loDir, path.basename(f).replace(/\.\w+$/, ".xlsx"));
  const halves = [outputs.filter((_, i) => i % 2 === 0), outputs.filter((_, i) => i % 2 === 1)].filter((h) => h.length > 0);
  const logs = await Promise.all(
    halves.map(async (files, k) => {
      let log = "";
      let left = files;
      while (left.length > 0) {
        const r = await convert(left, k);
        log += `${r.log}\nsoffice exit ${r.code}\n`;
        const first = left.findIndex((f) => !fs.existsSync(convertedName(f)));
        if (first < 0) break;
        if (r.code === 0) {
          for (const f of left.filter((x) => !fs.existsSync(convertedName(x)))) log += `${path.basename(f)}: LibreOffice could not load it\n`;
          break;
        }
        log += `${path.basename(left[first])}: LibreOffice stopped (exit ${r.code}) on this file\n`;
        left = left.slice(first + 1).filter((f) => !fs.existsSync(convertedName(f)));
      }
      return log;
    }),
  );
  loLog = logs.join("\n");
}, 1_200_000);

afterAll(() => {
  if (tmp && !process.env.ASSESS_CORPUS_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  else if (tmp) console.log(`corpus work folder kept: ${tmp}`);
});

test("the corpus: at least 60 files made here; other projects' fixtures too when ../shared/corpus/files is there", () => {
  if (!fs.existsSync(SHARED_DIR)) console.warn(`CORPUS: ${SHARED_DIR} is not there: only the ${FILES.length} files made here (test/corpus/files) ran; SOURCES.md lists the other projects' fixtures that belong there (ASSESS_CORPUS_SHARED=DIR points at a copy).`);
  else {
    const listed = sourcesSection("Other projects' fixtures").map((r) => r[0]);
    expect(listed.filter((n) => !xlsxIn(SHARED_DIR).includes(n))).toEqual([]);
  }
  expect(FILES.filter((f) => f.where === "local").length).toBeGreaterThanOrEqual(60);
});

interface JsonRow {
  row: number;
  id: string;
  composite: number | null;
  rank: number | null;
  grade: string | null;
  reasons: string[];
}

/** Cells of the output's table rows: the result columns by their header text. */
function resultColumns(cells: Map<string, Cell>, headerRow: number): { composite: number; rank: number; grade: number } {
  const find = (text: string) => {
    for (const [key, c] of cells) {
      const [r, col] = key.split(",").map(Number);
      if (r === headerRow && col > HEADERS.length && c.value === text) return col;
    }
    return -1;
  };
  return { composite: find("综合得分"), rank: find("排名"), grade: find("等次") };
}

describe.each(FILES.map((f) => [f.name]))("%s", (name) => {
  const r = () => ran.get(name)!;
  /** The output's parts; a test that needs them fails with why there is none. */
  const output = (): Map<string, Uint8Array> => {
    const x = r();
    if (x.prepareError) throw new Error(`the table could not be added: ${x.prepareError}`);
    if (!fs.existsSync(x.output)) throw new Error(`no output (${x.signal ? `killed: ${x.signal}` : `exit ${x.code}`}): ${x.stderr.trim()}`);
    return parts(new Uint8Array(fs.readFileSync(x.output)));
  };

  test("the table is added and `assess rank --out --json` succeeds with the hand-worked results", () => {
    expect(r().prepareError).toBeNull();
    // stderr holds one "written" line (已写入 … Written: …) and nothing else.
    expect({ code: r().code, signal: r().signal, stderr: r().stderr.split("\n").filter((l) => l.trim() && !/^已写入 .* Written: /.test(l)) }).toEqual({ code: 0, signal: null, stderr: [] });
    const json = JSON.parse(r().stdout) as { tables: { sheet: string; kind: string; rows: JsonRow[] }[] };
    const annual = json.tables.filter((t) => t.kind === "annual");
    expect(annual.map((t) => t.sheet)).toEqual([r().placement!.sheet.name]);
    const got = Object.fromEntries(annual[0].rows.map((x) => [x.id, { row: x.row, composite: x.composite, rank: x.rank, grade: x.grade, reasons: x.reasons }]));
    const want = Object.fromEntries(ROWS.map((row, i) => [row[0], { row: r().placement!.headerRow + 1 + i, ...EXPECTED[row[0] as string] }]));
    expect(got).toEqual(want);
  });

  test("every part is kept; the parts the run did not need to change are byte-identical", () => {
    const after = output();
    const before = r().inputParts;
    const wb = readWorkbook(before);
    const sheetPart = r().placement!.sheet.part;
    // What a run may rewrite: the sheet that gains results and what hangs off it (its rels, notes and
    // their VML drawing), the workbook (new result sheets) and its rels, styles, shared strings,
    // content types and docProps/app.xml (the sheet names it lists).
    const mayChange = new Set([sheetPart, relsPathOf(sheetPart), wb.workbookPart, relsPathOf(wb.workbookPart), "[Content_Types].xml", "docProps/app.xml"]);
    if (wb.stylesPart) mayChange.add(wb.stylesPart);
    if (wb.sharedStringsPart) mayChange.add(wb.sharedStringsPart);
    for (const rel of readRels(before, sheetPart)) if (/\/(comments|vmlDrawing)$/.test(rel.type)) mayChange.add(rel.target);
    // The calculation chain is a cache Excel rebuilds: a run may drop it, with its relationship and
    // content type (a dangling one would be a broken package). Every other part stays.
    const calc = readRels(before, wb.workbookPart).find((rel) => /\/calcChain$/.test(rel.type));
    if (calc && !after.has(calc.target)) {
      const ct = new TextDecoder().decode(after.get("[Content_Types].xml"));
      expect({ calcChainRel: readRels(after, wb.workbookPart).some((rel) => /\/calcChain$/.test(rel.type)), override: ct.includes(`"/${calc.target}"`) }).toEqual({ calcChainRel: false, override: false });
    }
    const dropped = [...before.keys()].filter((n) => !after.has(n) && n !== calc?.target);
    const changed = [...before.keys()].filter((n) => after.has(n) && !mayChange.has(n) && Buffer.compare(Buffer.from(before.get(n)!), Buffer.from(after.get(n)!)) !== 0);
    expect({ dropped, changed }).toEqual({ dropped: [], changed: [] });
  });

  test("every XML part the run wrote is well-formed, with every prefix bound (xmllint, mc:Ignorable)", () => {
    const errors: string[] = [];
    for (const [key, list] of xmllintErrors) if (key.startsWith(`${name}/`)) errors.push(...list.map((e) => `${key.slice(name.length + 1)}: ${e}`));
    const after = output();
    const before = r().inputParts;
    for (const [part, data] of after) {
      if (!/\.(xml|rels)$/i.test(part)) continue;
      const old = before.get(part);
      if (old && Buffer.compare(Buffer.from(old), Buffer.from(data)) === 0) continue;
      try {
        for (const p of unboundIgnorablePrefixes(parseXml(data, part))) errors.push(`${part}: ${p}`);
      } catch (e) {
        errors.push(`${part}: ${(e as Error).message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  test("every input cell is unchanged; new cells only in the result columns of the table's rows or on new sheets", () => {
    const out = output();
    const before = readAllCells(r().inputParts);
    const after = readAllCells(out);
    const p = r().placement!;
    const diffs: string[] = [];
    for (const [sheet, cells] of before) {
      const out = after.get(sheet);
      if (!out) {
        diffs.push(`${sheet}: sheet gone`);
        continue;
      }
      for (const [key, c] of cells) {
        const o = out.get(key);
        if (JSON.stringify(o) !== JSON.stringify(c)) diffs.push(`${sheet}!${key}: ${JSON.stringify(c)} → ${JSON.stringify(o)}`);
      }
      for (const key of out.keys()) {
        if (cells.has(key)) continue;
        const [row, col] = key.split(",").map(Number);
        const inResults = sheet === p.sheet.name && row >= p.headerRow && row <= p.headerRow + ROWS.length && col > p.lastCol;
        if (!inResults) diffs.push(`${sheet}!${numToCol(col)}${row}: new cell outside the result columns`);
      }
    }
    expect(diffs.slice(0, 20)).toEqual([]);
  });

  test("Excel extensions (extLst, x14, xr …) are kept in every part the run rewrote", () => {
    const after = output();
    const before = r().inputParts;
    const lost: string[] = [];
    for (const [part, data] of before) {
      if (!/\.(xml)$/i.test(part) || !after.has(part)) continue;
      const out = after.get(part)!;
      if (Buffer.compare(Buffer.from(data), Buffer.from(out)) === 0) continue;
      let a: string[];
      let b: string[];
      try {
        a = extensionSignature(parseXml(data, part));
        b = extensionSignature(parseXml(out, part));
      } catch (e) {
        lost.push(`${part}: ${(e as Error).message}`);
        continue;
      }
      const left = new Map<string, number>();
      for (const s of b) left.set(s, (left.get(s) ?? 0) + 1);
      for (const s of a) {
        const n = left.get(s) ?? 0;
        if (n === 0) lost.push(`${part}: ${s}`);
        else left.set(s, n - 1);
      }
    }
    expect(lost).toEqual([]);
  });

  test("LibreOffice opens the output and reads the inputs and results back", () => {
    output();
    const base = path.basename(r().output).replace(/\.\w+$/, ".xlsx");
    const converted = path.join(loDir, base);
    const said = loLog.split("\n").filter((l) => l.startsWith(`${path.basename(r().output)}:`));
    expect({ converted: fs.existsSync(converted), log: fs.existsSync(converted) ? [] : said }).toEqual({ converted: true, log: [] });
    const p = r().placement!;
    const lo = readAllCells(parts(new Uint8Array(fs.readFileSync(converted)))).get(p.sheet.name);
    expect(lo).toBeDefined();
    // The result columns as LibreOffice reads them: by their headers in the table's header row.
    const cols = resultColumns(lo!, p.headerRow);
    expect(cols).toEqual({ composite: expect.any(Number), rank: expect.any(Number), grade: expect.any(Number) });
    expect(Object.values(cols).every((c) => c > HEADERS.length)).toBe(true);
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    ROWS.forEach((row, i) => {
      const at = (col: number) => lo!.get(`${p.headerRow + 1 + i},${col}`);
      const id = row[0] as string;
      got[id] = {
        inputs: row.map((_, c) => at(c + 1)?.value),
        composite: Number(at(cols.composite)?.value),
        rank: Number(at(cols.rank)?.value),
        grade: at(cols.grade)?.value,
      };
      want[id] = { inputs: row.map((v) => String(v)), composite: EXPECTED[id].composite, rank: EXPECTED[id].rank, grade: EXPECTED[id].grade };
    });
    expect(got).toEqual(want);
  });
});
