import fc from "fast-check";
import { computeHistory, historySheet, tenureFor } from "./history";
import { defaultPolicy } from "./policy";
import { CellValue, RawTable } from "./types";

const policy = defaultPolicy();
const HEADERS = ["编号", "姓名", "年度", "等次", "任现职级年度", "基本任职年限"];
const history = (rows: CellValue[][], headers = HEADERS): RawTable => ({ sheet: "历年等次", headers, rows, headerRow: 1, firstColumn: 1 });

describe("POLICY.md §10 examples 9 and 10 on the history table", () => {
  test("9: 优秀 six years running → 三等功 in years 3 and 6", () => {
    const rows = [1, 2, 3, 4, 5, 6].map((y) => ["G001", "甲", 2017 + y, "优秀", null, null]);
    const out = computeHistory(history(rows), policy);
    expect(out.findings).toEqual([]);
    expect(out.cadres).toHaveLength(1);
    expect(out.cadres[0]).toMatchObject({ id: "G001", merits: [2020, 2023], excellentYears: 6, valid: true, row: 2 });
  });

  test("10: base tenure 2 years, 3 excellent years in rank → 0.5 years", () => {
    const rows: CellValue[][] = [
      ["G002", "乙", 2019, "优秀", 2020, 2],
      ["G002", "乙", 2020, "优秀", 2020, 2],
      ["G002", "乙", 2021, "称职", 2020, 2],
      ["G002", "乙", 2022, "优秀", 2020, 2],
      ["G002", "乙", 2023, "优秀", 2020, 2],
    ];
    const out = computeHistory(history(rows), policy);
    // 2019 is before the current rank: 2020, 2022, 2023 count.
    expect(out.cadres[0]).toMatchObject({ excellentYears: 3, tenure: 0.5, rankSince: 2020, baseTenure: 2, merits: [] });
    expect(tenureFor(out.cadres[0].years, 2020, 2, policy)).toBe(0.5);
  });
});

describe("history table (golden)", () => {
  test("several cadres, rows in any order, English grades, a missing year", () => {
    const out = computeHistory(
      history(
        [
          ["C2", "乙", 2023, "优秀"],
          ["C1", "甲", 2019, "优秀"],
          ["C1", "甲", 2020, "Excellent"],
          ["C2", "乙", 2021, "优秀"],
          ["C1", "甲", 2021, "优秀"],
          ["C2", "乙", 2020, "优秀"],
          ["C3", "丙", 2021, "优秀"],
          ["C3", "丙", 2022, "优秀"],
          ["C3", "丙", 2023, "称职"],
        ],
        ["编号", "姓名", "年度", "等次"],
      ),
      policy,
    );
    expect(out.findings).toEqual([]);
    expect(out.cadres.map((c) => [c.id, c.merits, c.excellentYears, c.tenure])).toEqual([
      ["C2", [], 3, null], // 2022 missing: the streak breaks
      ["C1", [2021], 3, null],
      ["C3", [], 2, null],
    ]);
    const sheet = historySheet(out);
    expect(sheet.headers[0]).toBe("编号");
    expect(sheet.rows[1]).toEqual(["C1", "甲", "2019、2020、2021", "2019、2020、2021", 3, "2021", null, null, null]);
  });

  test("UNKNOWN_VALUE for a grade outside the scales; DUPLICATE_ID for (id, year) twice; no rewards then", () => {
    const out = computeHistory(
      history(
        [
          ["C1", "甲", 2021, "优"],
          ["C1", "甲", 2022, "优秀"],
          ["C2", "乙", 2022, "优秀"],
          ["C2", "乙", 2022, "称职"],
          ["C3", "丙", "二〇二二", "优秀"],
          ["C4", "丁", 2022, ""],
          ["C5", "戊", 2022, "良好"],
        ],
        ["编号", "姓名", "年度", "等次"],
      ),
      policy,
    );
    expect(out.findings.map((f) => [f.code, f.cell])).toEqual([
      ["UNKNOWN_VALUE", "D2"],
      ["DUPLICATE_ID", "C4"],
      ["DUPLICATE_ID", "C5"],
      ["NOT_A_NUMBER", "C6"],
      ["MISSING", "D7"],
    ]);
    expect(out.cadres.map((c) => [c.id, c.valid, c.merits])).toEqual([
      ["C1", false, null],
      ["C2", false, null],
      ["C3", false, null],
      ["C4", false, null],
      ["C5", true, []], // 良好 is a team grade: accepted
    ]);
    expect(out.cadres[0].explanation.zh).toContain("第 2 行");
  });
});

describe("merit streak rule (property)", () => {
  test("awards never closer than 3 years; each award year is 优秀 and preceded by 2 consecutive 优秀 years", () => {
    const grades = ["优秀", "称职", "基本称职"];
    fc.assert(
      fc.property(
        fc.array(fc.record({ present: fc.boolean(), grade: fc.constantFrom(...grades, "优秀", "优秀") }), { minLength: 1, maxLength: 15 }),
        (years) => {
          const rows = years.flatMap((y, i) => (y.present ? [["C1", "甲", 2010 + i, y.grade] as CellValue[]] : []));
          if (!rows.length) return;
          const out = computeHistory(history(rows, ["编号", "姓名", "年度", "等次"]), policy);
          const merits = out.cadres[0].merits!;
          const gradeOf = new Map(rows.map((r) => [r[2] as number, r[3] as string]));
          for (let k = 0; k < merits.length; k++) {
            const y = merits[k];
            if (k > 0) expect(y - merits[k - 1]).toBeGreaterThanOrEqual(3);
            for (const d of [0, 1, 2]) expect(gradeOf.get(y - d)).toBe("优秀");
          }
          // And no streak of three 优秀 years goes unrewarded: between awards, no three-year run is left out.
          const excellent = (y: number) => gradeOf.get(y) === "优秀";
          let sinceAward = 0;
          for (let y = 2010; y < 2010 + years.length; y++) {
            sinceAward = excellent(y) ? sinceAward + 1 : 0;
            if (merits.includes(y)) sinceAward = 0;
            expect(sinceAward).toBeLessThan(3);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
