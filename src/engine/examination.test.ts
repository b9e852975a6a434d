import { coverageByTerm, readExaminations, termCoverage, termStartFor } from "./examination";
import { detectTableKind } from "./headers";
import { defaultPolicy, requirePolicy } from "./policy";
import { RawTable } from "./types";

const policy = defaultPolicy();
const UNITS = ["区委办", "区政府办", "区财政局", "区教育局", "良田镇", "桥口镇", "南塔街道", "望仙镇"];

describe("political-construction examination coverage (POLICY.md §7)", () => {
  const table: RawTable = {
    sheet: "政治建设考察",
    headers: ["单位", "考察年度", "备注"],
    rows: [
      ["区委办", 2021, ""],
      ["财政局", 2022, "简称"],
      ["区财政局", 2023, ""],
      ["良田镇", 2019, "上一届"],
      ["南塔街道", "2023", ""],
      ["区大数据局", 2022, ""],
      ["", 2022, ""],
      ["桥口镇", "明年", ""],
    ],
    headerRow: 1,
    firstColumn: 1,
  };

  test("the sheet is recognised and read; bad rows are findings", () => {
    expect(detectTableKind(table.headers)).toBe("examination");
    expect(detectTableKind(["单位", "考察年度", "绩效考核"])).not.toBe("examination");
    expect(detectTableKind(["Unit", "Year", "Note"])).toBe("examination");
    const read = readExaminations(table);
    expect(read.findings.map((f) => [f.code, f.cell])).toEqual([
      ["MISSING", "A8"],
      ["NOT_A_NUMBER", "B9"],
    ]);
    expect(read.records).toHaveLength(6);
  });

  test("term 2021–2025 in 2023: examined, not examined, coverage %, years left", () => {
    const { records } = readExaminations(table);
    const c = termCoverage({ units: UNITS, records, termStart: 2021, currentYear: 2023, sheet: "政治建设考察" }, policy);
    expect(c).toMatchObject({ termStart: 2021, termEnd: 2025, fraction: 0.375, percent: 37.5, yearsLeft: 3 });
    expect(c.examined).toEqual([
      { unit: "区委办", years: [2021] },
      { unit: "区财政局", years: [2022, 2023] },
      { unit: "南塔街道", years: [2023] },
    ]);
    expect(c.notExamined).toEqual(["区政府办", "区教育局", "良田镇", "桥口镇", "望仙镇"]);
    expect(c.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([["UNKNOWN_VALUE", "warning", "A7"]]);
  });

  test("terms follow each other; years left 0 after the term; a 3-year term by policy", () => {
    const { records } = readExaminations(table);
    const terms = coverageByTerm({ units: UNITS, records, firstTermStart: 2016, currentYear: 2023 }, policy);
    expect(terms.map((t) => [t.termStart, t.termEnd, t.examined.length, t.yearsLeft])).toEqual([
      [2016, 2020, 1, 0],
      [2021, 2025, 3, 3],
    ]);
    expect(termStartFor(2023, 2016, policy)).toBe(2021);
    const c = termCoverage({ units: UNITS, records, termStart: 2021, currentYear: 2023 }, requirePolicy({ coverage: { termYears: 3 } }));
    expect(c.yearsLeft).toBe(1);
    expect(termCoverage({ units: UNITS, records: [], termStart: 2021, currentYear: 2020 }, policy).yearsLeft).toBe(5);
    expect(termCoverage({ units: [], records: [], termStart: 2021, currentYear: 2023 }, policy).fraction).toBe(0);
  });

  test("coverage % is exact: 45 of 64 → 70.31%", () => {
    const units = Array.from({ length: 64 }, (_, i) => `单位${i}`);
    const c = termCoverage({ units, records: units.slice(0, 45).map((unit) => ({ unit, year: 2022 })), termStart: 2021, currentYear: 2023 }, policy);
    expect(c.percent).toBe(70.31);
    expect(c.fraction).toBe(0.7031);
  });
});
