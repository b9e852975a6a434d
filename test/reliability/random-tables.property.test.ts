// Issue #6, promise 5: random tables hold the invariants. fast-check generates annual assessment
// tables — random values (numbers, out-of-range, text, blanks, booleans, error values), Chinese or
// English headers in any order, every vocabulary variant and some garbage, duplicate IDs, an optional
// hand-typed grade — writes each to an .xlsx file, runs the command line's `rank --out --json` on it
// and reads the output back. For every table: no exception and exit 0 or 1; every row graded or
// reported by an error finding on that row; within each pool, ranks ordered by composite; 优秀 within
// the quota unless affirmations (flagged AFFIRMED) exceed it; the output's result cells match the
// JSON; and no input cell changed.
import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { assessHere } from "../support/assess";
import { ANNUAL_COLUMNS } from "../../src/engine/headers";
import { defaultPolicy } from "../../src/engine/policy";
import { buildBytes, decodeAddress, dumpCells, loadExcel, TestCell } from "../support/xlsx-builders";

type Key = "id" | "name" | "subject" | "unit" | "group" | "topLeader" | "P" | "D" | "L" | "S" | "B" | "political" | "circular" | "incentive" | "manualGrade";

const weighted = <T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) => fc.oneof({ arbitrary: common, weight: 15 }, { arbitrary: rare, weight: 1 });
const yesNo = weighted(fc.constantFrom<TestCell>("是", "否", "Y", "n", "TRUE", "false", "1", "0", "√", "×", null, true, false), fc.constantFrom<TestCell>("也许", "2", "是的"));
const score = weighted(
  fc.oneof(
    fc.integer({ min: 5000, max: 10000 }).map((n) => n / 100),
    fc.integer({ min: 60, max: 100 }),
    fc.constantFrom<TestCell>("90%", "９０", " 88 ", "85.5"),
  ),
  fc.constantFrom<TestCell>(null, -1, 100.01, 150, 1e308, "abc", "九十", true, { error: "#N/A" }, { error: "#DIV/0!" }, new Date(Date.UTC(2023, 4, 1))),
);
const rowArb: fc.Arbitrary<Record<Key, TestCell>> = fc.record({
  id: weighted(fc.integer({ min: 0, max: 200 }).map((n) => `X${n}`), fc.constantFrom<TestCell>("=1+1", "Ｘ1", 7, "x1", "  X2 ")),
  name: fc.string({ maxLength: 6 }),
  subject: weighted(fc.constantFrom<TestCell>(null, "干部", "干部", "干部", "班子", "单位"), fc.constantFrom<TestCell>("领导", "team", "小组")),
  unit: fc.constantFrom<TestCell>("区委办", "财政局", null),
  group: weighted(fc.constantFrom<TestCell>("区直单位", "镇街道"), fc.constantFrom<TestCell>(null, "区直", " 区直单位 ")),
  topLeader: yesNo,
  P: score,
  D: score,
  L: score,
  S: score,
  B: score,
  political: weighted(fc.constantFrom<TestCell>("过得硬", "过得硬", "过得硬", "合格", "不合格", "solid", "qualified"), fc.constantFrom<TestCell>(null, "优", "过得硬 ")),
  circular: weighted(fc.constantFrom<TestCell>(null, null, null, "无", "乡镇级", "区级", "市级", "是", "none", "district"), fc.constantFrom<TestCell>("不知道", "区级以上")),
  incentive: yesNo,
  manualGrade: weighted(fc.constantFrom<TestCell>(null, null, null, "优秀", "称职", "基本称职", "良好"), fc.constantFrom<TestCell>("X", "优")),
});

const tableArb = fc.record({
  rows: fc.array(rowArb, { minLength: 0, maxLength: 30, size: "max" }),
  // Columns in any order, each headed in Chinese or English; the optional ones may be absent.
  order: fc.shuffledSubarray(["name", "subject", "unit", "group", "topLeader", "circular", "incentive", "manualGrade"] as Key[]),
  required: fc.shuffledSubarray(["id", "P", "D", "L", "S", "B", "political"] as Key[], { minLength: 7, maxLength: 7 }),
  english: fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }),
  mix: fc.integer({ min: 0, max: 1000 }),
  listObject: fc.boolean(),
});

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-random-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface JsonOut {
  tables: { rows: { row: number; id: string; group: string; composite: number | null; rank: number | null; grade: string | null; reasons: string[] }[] }[];
  findings: { code: string; severity: string; row: number | null }[];
}

const policy = defaultPolicy();
const voc = policy.vocabulary.subject;
const unitWords = [...voc.team, ...voc.unit].map((w) => w.toLowerCase());
const isUnitSubject = (v: TestCell) => typeof v === "string" && unitWords.includes(v.trim().toLowerCase());

test("random annual tables through `assess rank --out --json`: the invariants hold", async () => {
  let n = 0;
  let graded = 0;
  let total = 0;
  await fc.assert(
    fc.asyncProperty(tableArb, async ({ rows, order, required, english, mix, listObject }) => {
      n++;
      // Interleave the required and optional columns deterministically from `mix`.
      const keys: Key[] = [...required];
      order.forEach((k, i) => keys.splice((mix + i * 7) % (keys.length + 1), 0, k));
      const headers = keys.map((k, i) => {
        const spec = ANNUAL_COLUMNS.find((c) => c.key === k)!;
        return english[i] ? spec.en : spec.zh;
      });
      const cells = rows.map((r) => keys.map((k) => r[k]));
      total += rows.length;
      const input = path.join(dir, `in-${n}.xlsx`);
      const output = path.join(dir, `out-${n}.xlsx`);
      const bytes = await buildBytes({ sheets: [{ name: "年度考核", tables: [{ origin: "A1", headers, rows: cells, ...(listObject ? { listObject: "考核表" } : {}) }] }] });
      fs.writeFileSync(input, bytes);

      const { code, stdout, stderr } = await assessHere(["rank", input, "--out", output, "--json"]);
      // Never "could not run" (exit 2: its sentence is the failure); 1 exactly when some finding is an error (below).
      if (code === 2) throw new Error(`assess rank could not run: ${stderr}`);
      expect(stderr.split("\n").filter((l) => l.trim())).toHaveLength(1); // "written to …", nothing else
      const json = JSON.parse(stdout) as JsonOut;
      expect(code).toBe(json.findings.some((f) => f.severity === "error") ? 1 : 0);
      expect(json.tables).toHaveLength(1);
      const out = json.tables[0].rows;
      expect(out.map((r) => r.row)).toEqual(rows.map((_, i) => i + 2));

      // Every row graded, or reported by an error finding on that row.
      const reported = new Set(json.findings.filter((f) => f.severity === "error" && f.row !== null).map((f) => f.row));
      for (const r of out) {
        if (r.grade === null) expect({ row: r.row, reported: reported.has(r.row) }).toEqual({ row: r.row, reported: true });
        expect(r.composite === null).toBe(r.grade === null);
        expect(r.rank === null).toBe(r.grade === null);
      }

      // Pools: one group and one subject kind.
      const pools = new Map<string, typeof out>();
      for (const r of out) {
        if (r.grade === null) continue;
        graded++;
        const unitPool = keys.includes("subject") && isUnitSubject(rows[r.row - 2].subject);
        const key = `${r.group}|${unitPool ? "u" : "c"}`;
        pools.set(key, [...(pools.get(key) ?? []), r]);
      }
      for (const [key, members] of pools) {
        expect({ key, minRank: Math.min(...members.map((m) => m.rank!)) }).toEqual({ key, minRank: 1 });
        for (const a of members)
          for (const b of members) {
            if (a.composite! > b.composite!) expect({ a: [a.id, a.composite, a.rank], b: [b.id, b.composite, b.rank], ordered: a.rank! < b.rank! }).toMatchObject({ ordered: true });
            if (a.composite === b.composite) expect(a.rank).toBe(b.rank);
          }
        const excellent = members.filter((m) => m.grade === "优秀");
        const affirmed = excellent.filter((m) => m.reasons.includes("AFFIRMED")).length;
        // The default policy's quota (POLICY.md §4 step 7), written out independently of quota.ts: 20% of the
        // pool's valid rows rounded half-up, at least 1 — in whole numbers, round(n/5) = floor((2n + 5) / 10).
        const quota = Math.max(1, Math.floor((2 * members.length + 5) / 10));
        expect({ key, excellent: excellent.length, within: excellent.length <= Math.max(quota, affirmed) }).toEqual({ key, excellent: excellent.length, within: true });
      }

      // The output file: result cells match the JSON; no input cell changed.
      const before = dumpCells(await loadExcel(bytes)).get("年度考核")!;
      const wb = await loadExcel(new Uint8Array(fs.readFileSync(output)));
      const after = dumpCells(wb).get("年度考核")!;
      for (const [addr, cell] of before) {
        if (decodeAddress(addr).col > keys.length) continue;
        expect({ addr, ...after.get(addr) }).toEqual({ addr, ...cell });
      }
      const ws = wb.getWorksheet("年度考核")!;
      const headerRow = ws.getRow(1).values as unknown[];
      const gradeCol = headerRow.findIndex((v) => v === "等次" || v === "Grade");
      const compositeCol = headerRow.findIndex((v) => v === "综合得分" || v === "Composite");
      expect(gradeCol).toBeGreaterThan(keys.length);
      for (const r of out) {
        expect({ row: r.row, grade: ws.getCell(r.row, gradeCol).value ?? null }).toEqual({ row: r.row, grade: r.grade });
        expect({ row: r.row, composite: ws.getCell(r.row, compositeCol).value ?? null }).toEqual({ row: r.row, composite: r.composite });
      }
      fs.rmSync(input);
      fs.rmSync(output);
    }),
    { numRuns: 40 },
  );
  // Most generated rows are valid, so that ranks and quotas are really exercised.
  if (process.env.ASSESS_REPORT) console.log({ total, graded });
  expect({ total, graded, enough: graded > total / 3 }).toMatchObject({ enough: true });
}, 120_000);
