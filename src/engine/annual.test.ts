import fc from "fast-check";
import { computeAnnual } from "./annual";
import { defaultPolicy, requirePolicy } from "./policy";
import { annualTable, cadre, scoresFor, AnnualRowInput } from "../../test/support/annual-table";

const policy = defaultPolicy();
const run = (rows: AnnualRowInput[], p = policy) => computeAnnual(annualTable(rows), p);
const team = (id: string, over: AnnualRowInput = {}) => cadre(id, { subject: "班子", ...over });
const EX1 = { P: 92, D: 88, L: 90, S: 85, B: 95 };

describe("POLICY.md §10 worked examples", () => {
  test("1: P=92 D=88 L=90 S=85 B=95 → 91.00, 优秀 alone in its pool", () => {
    const out = run([cadre("A1", EX1)]);
    const r = out.rows[0];
    expect(r.composite).toBe(91);
    expect(r.grade).toBe("优秀");
    expect(r.rank).toBe(1);
    expect(r.reasons).toEqual([]);
    expect(out.pools[0].quota).toBe(1);
    expect(out.findings).toEqual([]);
  });

  test("2: same scores, political quality 合格 → 良好 (team) / 称职 (cadre), POLITICAL_NOT_SOLID", () => {
    const out = run([cadre("C1", { ...EX1, political: "合格" }), team("T1", { ...EX1, political: "合格" })]);
    expect(out.rows[0]).toMatchObject({ grade: "称职", reasons: ["POLITICAL_NOT_SOLID"], composite: 91 });
    expect(out.rows[1]).toMatchObject({ grade: "良好", reasons: ["POLITICAL_NOT_SOLID"], composite: 91 });
  });

  test("3: same scores, district-level circular → second grade, VETO, highlighted", () => {
    const out = run([cadre("C1", { ...EX1, circular: "区级" })]);
    expect(out.rows[0]).toMatchObject({ grade: "称职", reasons: ["VETO"], highlight: "veto", rank: 1 });
    expect(out.rows[0].explanation.zh).toContain("一票否决");
  });

  test("4: composite 70, top leader, 真抓实干 incentive, 过得硬 → 优秀 AFFIRMED", () => {
    const out = run([cadre("C1", { ...scoresFor(70), topLeader: "是", incentive: "是" })]);
    expect(out.rows[0]).toMatchObject({ composite: 70, grade: "优秀", reasons: ["AFFIRMED"], highlight: "affirmed" });
  });

  test("7: quota of a pool is 20% half-up, at least 1 (10 → 2, 17 → 3, 2 → 1)", () => {
    for (const [n, quota] of [
      [10, 2],
      [17, 3],
      [2, 1],
    ]) {
      const rows = Array.from({ length: n }, (_, i) => cadre(`C${i}`, scoresFor(95 - i * 0.25)));
      const out = run(rows);
      expect(out.pools[0].quota).toBe(quota);
      expect(out.rows.filter((r) => r.grade === "优秀")).toHaveLength(quota);
      expect(out.rows.filter((r) => r.reasons.includes("QUOTA"))).toHaveLength(rows.filter((_, i) => 95 - i * 0.25 >= 90).length - quota);
    }
  });

  test("7: ceil rounding gives 4 of 17", () => {
    const p = requirePolicy({ quota: { rounding: "ceil" } });
    const out = run(Array.from({ length: 17 }, (_, i) => cadre(`C${i}`, scoresFor(99 - i * 0.5))), p);
    expect(out.pools[0].quota).toBe(4);
    expect(out.rows.filter((r) => r.grade === "优秀")).toHaveLength(4);
  });

  test("8: 95, 93, 93, 90 with a 50% quota → first 优秀, the 93s held back QUOTA_TIE, ranks 1,2,2,4", () => {
    const p = requirePolicy({ quota: { ratio: 0.5 } });
    const out = run([cadre("A", scoresFor(95)), cadre("B", scoresFor(93)), cadre("C", scoresFor(93)), cadre("D", scoresFor(90))], p);
    expect(out.rows.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
    expect(out.rows.map((r) => r.grade)).toEqual(["优秀", "称职", "称职", "称职"]);
    expect(out.rows[1].reasons).toEqual(["QUOTA_TIE"]);
    expect(out.rows[2].reasons).toEqual(["QUOTA_TIE"]);
    expect(out.rows[3].reasons).toEqual(["QUOTA"]);
    expect(out.findings.map((f) => f.code)).toEqual(["QUOTA_TIE"]);
    expect(out.findings[0].severity).toBe("warning");
    expect(out.pools[0]).toMatchObject({ quota: 2, excellent: 1, tie: true });
  });

  test("11: five components of 89.35 → exactly 89.35", () => {
    const out = run([cadre("A", scoresFor(89.35))]);
    expect(out.rows[0].composite).toBe(89.35);
    expect(out.rows[0].grade).toBe("称职");
  });
});

describe("grade decision order (POLICY.md §4)", () => {
  test("political 不合格 → lowest grade whatever the score", () => {
    const out = run([cadre("A", { ...scoresFor(99), political: "不合格" }), team("T", { ...scoresFor(99), political: "不合格" })]);
    expect(out.rows[0]).toMatchObject({ grade: "不称职", reasons: ["POLITICAL_FAIL"], rank: 1 });
    expect(out.rows[1]).toMatchObject({ grade: "较差", reasons: ["POLITICAL_FAIL"] });
  });

  test("bands 90/75/60", () => {
    const out = run([cadre("A", scoresFor(90)), cadre("B", scoresFor(89.99)), cadre("C", scoresFor(75)), cadre("D", scoresFor(74.99)), cadre("E", scoresFor(60)), cadre("F", scoresFor(59.99))]);
    expect(out.rows.map((r) => r.grade)).toEqual(["优秀", "称职", "称职", "基本称职", "基本称职", "不称职"]);
  });

  test("a circular below district level does not veto", () => {
    const out = run([cadre("A", { ...EX1, circular: "乡镇级" })]);
    expect(out.rows[0]).toMatchObject({ grade: "优秀", reasons: [], highlight: null });
  });

  test("veto below the top band changes nothing but is still highlighted, and its note says why it is red", () => {
    const out = run([cadre("A", { ...scoresFor(80), circular: "市级" }), cadre("B", scoresFor(80))]);
    expect(out.rows[0]).toMatchObject({ grade: "称职", reasons: [], highlight: "veto" });
    expect(out.results.note(0)?.zh).toBe("受区级及以上通报批评（一票否决），不得评为优秀；按综合得分本就未达优秀，等次不受影响。");
    // A row that is not highlighted has no note.
    expect(out.results.note(1)).toBeNull();
  });

  test("affirmation with a veto: the veto wins, AFFIRM_VETO_CONFLICT flagged", () => {
    const out = run([cadre("A", { ...scoresFor(70), topLeader: "是", incentive: "是", circular: "区级" })]);
    expect(out.rows[0]).toMatchObject({ grade: "基本称职", reasons: ["VETO", "AFFIRM_VETO_CONFLICT"], highlight: "veto" });
    expect(out.findings.map((f) => [f.code, f.severity])).toEqual([["AFFIRM_VETO_CONFLICT", "warning"]]);
  });

  test("affirmation with political 合格: blocked, conflict flagged", () => {
    const out = run([cadre("A", { ...scoresFor(95), topLeader: "是", incentive: "是", political: "合格" })]);
    expect(out.rows[0]).toMatchObject({ grade: "称职", reasons: ["POLITICAL_NOT_SOLID", "AFFIRM_VETO_CONFLICT"] });
  });

  test("affirmation with political 不合格: lowest grade, conflict flagged", () => {
    const out = run([cadre("A", { ...scoresFor(95), topLeader: "是", incentive: "是", political: "不合格" })]);
    expect(out.rows[0]).toMatchObject({ grade: "不称职", reasons: ["POLITICAL_FAIL", "AFFIRM_VETO_CONFLICT"] });
  });

  test("incentive on a cadre who is not the top leader: no effect, a warning", () => {
    const out = run([cadre("A", { ...scoresFor(70), topLeader: "否", incentive: "是" })]);
    expect(out.rows[0]).toMatchObject({ grade: "基本称职", reasons: [] });
    expect(out.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([["AFFIRM_NOT_TOP_LEADER", "warning", "N2"]]);
  });
});

describe("excellent quota and ranks per pool", () => {
  test("affirmed rows count first; others beyond the quota get QUOTA", () => {
    // 5 rows → quota 1. One affirmed at 80, one at 95: the affirmed one takes the place.
    const rows = [cadre("A", { ...scoresFor(80), topLeader: "是", incentive: "是" }), cadre("B", scoresFor(95)), cadre("C", scoresFor(70)), cadre("D", scoresFor(70)), cadre("E", scoresFor(70))];
    const out = run(rows);
    expect(out.rows.map((r) => r.grade)).toEqual(["优秀", "称职", "基本称职", "基本称职", "基本称职"]);
    expect(out.rows[1].reasons).toEqual(["QUOTA"]);
    expect(out.rows[1].highlight).toBe("quota");
    expect(out.rows.map((r) => r.rank)).toEqual([2, 1, 3, 3, 3]);
  });

  test("affirmed rows beyond the quota all keep 优秀; pool flagged", () => {
    const aff = (id: string) => cadre(id, { ...scoresFor(80), topLeader: "是", incentive: "是" });
    const out = run([aff("A"), aff("B"), cadre("C", scoresFor(70)), cadre("D", scoresFor(70)), cadre("E", scoresFor(70))]);
    expect(out.rows.filter((r) => r.grade === "优秀")).toHaveLength(2);
    expect(out.pools[0].exceededByAffirmation).toBe(true);
    expect(out.findings.map((f) => f.code)).toEqual(["QUOTA_EXCEEDED_BY_AFFIRMATION"]);
  });

  test("tie-break keys (P then D) decide between equal composites", () => {
    const p = requirePolicy({ quota: { ratio: 0.5 } });
    // Both 93.00: B has the higher P.
    const out = run([cadre("A", scoresFor(95)), cadre("B", { P: 95, D: 90, L: 90, S: 90, B: 90 }), cadre("C", { P: 93, D: 93, L: 93, S: 93, B: 93 }), cadre("D", scoresFor(80))], p);
    expect(out.rows[1].composite).toBe(93);
    expect(out.rows[2].composite).toBe(93);
    expect(out.rows.map((r) => r.grade)).toEqual(["优秀", "优秀", "称职", "称职"]);
    expect(out.rows[2].reasons).toEqual(["QUOTA"]);
    expect(out.rows.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });

  test("pools: groups and subject kinds never mix; units and teams rank together", () => {
    const out = run([
      cadre("A", { ...scoresFor(95), group: "区直单位" }),
      cadre("B", { ...scoresFor(94), group: "镇街道" }),
      team("T1", { ...scoresFor(93), group: "区直单位" }),
      cadre("U1", { ...scoresFor(92), group: "区直单位", subject: "单位" }),
    ]);
    expect(out.rows.map((r) => r.rank)).toEqual([1, 1, 1, 2]);
    expect(out.rows.map((r) => r.grade)).toEqual(["优秀", "优秀", "优秀", "良好"]);
    expect(out.rows[3].reasons).toEqual(["QUOTA"]);
    expect(out.pools).toHaveLength(3);
  });

  test("dense ranking is selectable", () => {
    const p = requirePolicy({ ranking: { style: "dense" } });
    const out = run([cadre("A", scoresFor(95)), cadre("B", scoresFor(93)), cadre("C", scoresFor(93)), cadre("D", scoresFor(90))], p);
    expect(out.rows.map((r) => r.rank)).toEqual([1, 2, 2, 3]);
  });

  test("vetoed rows keep their rank", () => {
    const out = run([cadre("A", { ...scoresFor(95), circular: "是" }), cadre("B", scoresFor(80))]);
    expect(out.rows.map((r) => [r.rank, r.grade])).toEqual([
      [1, "称职"],
      [2, "称职"],
    ]);
  });

  test("quota off: every 优秀 candidate keeps 优秀", () => {
    const p = requirePolicy({ quota: { enabled: false } });
    const out = run([cadre("A", scoresFor(95)), cadre("B", scoresFor(94)), cadre("C", scoresFor(93))], p);
    expect(out.rows.every((r) => r.grade === "优秀")).toBe(true);
    expect(out.pools[0].quota).toBeNull();
  });
});

describe("折算: P converted within its group (POLICY.md §3, performance.mode convert)", () => {
  const convert = requirePolicy({ performance: { mode: "convert" } });
  // 区直单位: the best P among its valid rows is B's 90 (E's 95 does not count: E's D is not a number).
  //   A 80 → 80 ÷ 90 × 100 = 88.888… → 88.89; composite 0.6 × 88.89 + 0.1 × 320 = 53.334 + 32 = 85.33
  //   B 90 → 100.00;                     composite 60 + 32 = 92.00
  //   C 72.5 → 80.555… → 80.56;          composite 48.336 + 32 = 80.34
  //   T (a team, same group) 45 → 50.00; composite 30 + 32 = 62.00 — the best is the group's, all subjects
  // 镇街道: every P is 0, so none can be converted (CONVERT_BEST_ZERO on each row).
  const rows = [
    cadre("A", { P: 80 }),
    cadre("B", { P: 90 }),
    cadre("C", { P: 72.5 }),
    cadre("D", { P: null }),
    cadre("E", { P: 95, D: "abc" }),
    cadre("T", { subject: "班子", P: 45 }),
    cadre("F", { group: "镇街道", P: 0 }),
    cadre("G", { group: "镇街道", P: 0 }),
  ];

  test("every P is converted and rounded; the composite uses the rounded P", () => {
    const by = Object.fromEntries(run(rows, convert).rows.map((r) => [r.id, [r.performance, r.composite, r.rank, r.grade]]));
    expect(by).toEqual({
      A: [88.89, 85.33, 2, "称职"],
      B: [100, 92, 1, "优秀"],
      C: [80.56, 80.34, 3, "称职"],
      D: [null, null, null, null],
      E: [null, null, null, null],
      T: [50, 62, 1, "一般"],
      F: [null, null, null, null],
      G: [null, null, null, null],
    });
  });

  test("a group whose best P is 0 is reported, row by row, on the P cell", () => {
    const out = run(rows, convert);
    expect(out.findings.map((f) => [f.code, f.cell])).toEqual([
      ["MISSING", "G5"],
      ["NOT_A_NUMBER", "H6"],
      ["CONVERT_BEST_ZERO", "G8"],
      ["CONVERT_BEST_ZERO", "G9"],
    ]);
    expect(out.findings[2].message.zh).toBe("G8：分组“镇街道”的绩效考核最高分为 0，无法折算（本人 ÷ 本组最高 × 100），本行未计算。");
  });

  test("as is (the default), P is the cell's and no converted P is reported", () => {
    const by = Object.fromEntries(run(rows).rows.map((r) => [r.id, [r.performance, r.composite]]));
    // A: 0.6 × 80 + 32 = 80.00; C: 0.6 × 72.5 + 32 = 75.50; F: 0 + 32 = 32.00.
    expect([by.A, by.C, by.F]).toEqual([
      [null, 80],
      [null, 75.5],
      [null, 32],
    ]);
  });
});

describe("validation (POLICY.md §9)", () => {
  const codes = (rows: AnnualRowInput[]) => run(rows).findings.map((f) => [f.code, f.severity, f.cell]);

  test("blank, text and error cells are never zero", () => {
    const out = run([cadre("A", { P: "" }), cadre("B", { D: "abc" }), cadre("C", { L: { error: "#N/A" } }), cadre("D", scoresFor(80))]);
    expect(out.findings.map((f) => [f.code, f.cell])).toEqual([
      ["MISSING", "G2"],
      ["NOT_A_NUMBER", "H3"],
      ["NOT_A_NUMBER", "I4"],
    ]);
    expect(out.rows.slice(0, 3).every((r) => r.composite === null && r.rank === null && r.grade === null && r.highlight === "invalid")).toBe(true);
    expect(out.rows[3].rank).toBe(1);
    expect(out.findings[2].message.zh).toContain("#N/A");
    expect(out.findings[2].message.en).toContain("I4");
  });

  test("full-width digits and 90% are parsed, not rejected", () => {
    const out = run([cadre("A", { P: "９２", D: "88%", L: "９０．0", S: 85, B: "95" })]);
    expect(out.findings).toEqual([]);
    expect(out.rows[0].composite).toBe(91);
  });

  test("OUT_OF_RANGE, booleans and dates", () => {
    expect(codes([cadre("A", { P: 120 }), cadre("B", { D: -1 }), cadre("C", { S: true }), cadre("D", { B: new Date(2024, 0, 1) })])).toEqual([
      ["OUT_OF_RANGE", "error", "G2"],
      ["OUT_OF_RANGE", "error", "H3"],
      ["NOT_A_NUMBER", "error", "J4"],
      ["NOT_A_NUMBER", "error", "K5"],
    ]);
  });

  test("UNKNOWN_VALUE for political quality, circular, yes/no and subject", () => {
    expect(codes([cadre("A", { political: "优" }), cadre("B", { circular: "大概" }), cadre("C", { topLeader: "maybe" }), cadre("D", { subject: "群众" })])).toEqual([
      ["UNKNOWN_VALUE", "error", "L2"],
      ["UNKNOWN_VALUE", "error", "M3"],
      ["UNKNOWN_VALUE", "error", "F4"],
      ["UNKNOWN_VALUE", "error", "C5"],
    ]);
  });

  test("yes/no accepts 是/否, Y/N, TRUE/FALSE, 1/0, blank = no", () => {
    for (const yes of ["是", "Y", "true", true, 1, "1"]) {
      expect(run([cadre("A", { ...scoresFor(70), topLeader: yes, incentive: "是" })]).rows[0].grade).toBe("优秀");
    }
    for (const no of ["否", "n", "FALSE", false, 0, "", null]) {
      expect(run([cadre("A", { ...scoresFor(70), topLeader: no, incentive: "是" })]).rows[0].grade).toBe("基本称职");
    }
  });

  test("DUPLICATE_ID: every occurrence is reported and left uncomputed", () => {
    const out = run([cadre("A"), cadre("B"), cadre(" a ")]);
    expect(out.findings.map((f) => [f.code, f.row])).toEqual([
      ["DUPLICATE_ID", 2],
      ["DUPLICATE_ID", 4],
    ]);
    expect(out.findings[0].message.zh).toMatch(/^A2：编号“A”重复出现（第 2、4 行）/);
    expect(out.rows.map((r) => r.rank)).toEqual([null, 1, null]);
  });

  test("MISSING id, group and political quality", () => {
    expect(codes([cadre("", {}), cadre("B", { group: "" }), cadre("C", { political: null })])).toEqual([
      ["MISSING", "error", "A2"],
      ["MISSING", "error", "E3"],
      ["MISSING", "error", "L4"],
    ]);
  });

  test("blank lines are skipped, not reported", () => {
    const out = run([cadre("A"), {}, cadre("B")]);
    expect(out.rows).toHaveLength(2);
    expect(out.findings).toEqual([]);
    expect(out.rows[1].row).toBe(4);
  });

  test("a missing required column is reported once, and nothing is computed", () => {
    const t = annualTable([cadre("A")], ["id", "name", "P", "D", "L", "S", "political"]);
    const out = computeAnnual(t, policy);
    expect(out.findings.map((f) => [f.code, f.column])).toEqual([["MISSING_COLUMN", "B"]]);
    expect(out.rows[0].composite).toBeNull();
    expect(out.rows[0].explanation.zh).toContain("党建成效");
  });

  test("English headers in any order, extra columns ignored", () => {
    const t = {
      headers: ["Political quality", "Party building", "Note", "ID", "Survey", "Leader evaluation", "Democratic", "performance", "Top Leader", "Incentive"],
      rows: [["solid", 95, "hello", "X1", 85, 90, 88, 92, "yes", "no"]],
      headerRow: 3,
      firstColumn: 2,
    };
    const out = computeAnnual(t, policy);
    expect(out.findings).toEqual([]);
    expect(out.rows[0]).toMatchObject({ row: 4, composite: 91, grade: "优秀", rank: 1 });
  });

  test("unknown group: ranked on its own, with a warning", () => {
    const out = run([cadre("A", { group: "区直" }), cadre("B")]);
    expect(out.findings.map((f) => [f.code, f.severity])).toEqual([["UNKNOWN_GROUP", "warning"]]);
    expect(out.rows.map((r) => r.rank)).toEqual([1, 1]);
  });

  describe("MANUAL_GRADE_CONFLICT: hand-typed grades audited", () => {
    test("优秀 typed on a vetoed cadre", () => {
      const out = run([cadre("A", { ...EX1, circular: "区级", manualGrade: "优秀" })]);
      expect(out.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([["MANUAL_GRADE_CONFLICT", "error", "O2"]]);
      expect(out.findings[0].message.zh).toContain("一票否决");
    });

    test("grades that agree pass; unknown grade words are UNKNOWN_VALUE", () => {
      const out = run([cadre("A", { ...EX1, manualGrade: "优秀" }), cadre("B", { ...scoresFor(80), manualGrade: "称职" }), cadre("C", { ...scoresFor(80), manualGrade: "良好" })]);
      expect(out.findings.map((f) => [f.code, f.row])).toEqual([["UNKNOWN_VALUE", 4]]);
    });

    test("a tie is a human decision, within the places left", () => {
      const p = requirePolicy({ quota: { ratio: 0.5 } });
      const ok = run([cadre("A", scoresFor(95)), cadre("B", { ...scoresFor(93), manualGrade: "优秀" }), cadre("C", { ...scoresFor(93), manualGrade: "称职" }), cadre("D", scoresFor(90))], p);
      expect(ok.findings.map((f) => f.code)).toEqual(["QUOTA_TIE"]);
      const over = run([cadre("A", scoresFor(95)), cadre("B", { ...scoresFor(93), manualGrade: "优秀" }), cadre("C", { ...scoresFor(93), manualGrade: "优秀" }), cadre("D", scoresFor(90))], p);
      expect(over.findings.map((f) => f.code).sort()).toEqual(["MANUAL_GRADE_CONFLICT", "MANUAL_GRADE_CONFLICT", "QUOTA_TIE"]);
    });
  });
});

describe("invariants (property tests)", () => {
  const score = fc.oneof(fc.integer({ min: 50, max: 100 }), fc.integer({ min: 5000, max: 10000 }).map((n) => n / 100));
  const row = fc.record({
    P: score,
    D: score,
    L: score,
    S: score,
    B: score,
    political: fc.constantFrom("过得硬", "过得硬", "合格", "不合格"),
    circular: fc.constantFrom("", "", "无", "乡镇级", "区级"),
    topLeader: fc.constantFrom("是", "否"),
    incentive: fc.constantFrom("是", "否", "否"),
    group: fc.constantFrom("区直单位", "镇街道"),
    subject: fc.constantFrom("干部", "班子", "单位"),
  });
  const tables = fc.array(row, { minLength: 1, maxLength: 40 }).map((rs) => rs.map((r, i) => cadre(`ID${i}`, r)));

  test("ranks and grades do not depend on row order", () => {
    fc.assert(
      fc.property(tables, fc.infiniteStream(fc.nat()), (rows, seeds) => {
        const shuffled = rows.map((r) => ({ r, k: seeds.next().value as number })).sort((a, b) => a.k - b.k).map((x) => x.r);
        const byId = (rs: AnnualRowInput[]) => Object.fromEntries(run(rs).rows.map((r) => [r.id, [r.composite, r.rank, r.grade, r.reasons.join()]]));
        expect(byId(shuffled)).toEqual(byId(rows));
      }),
      { numRuns: 150 },
    );
  });

  test("the quota is never exceeded except by affirmation, and then the pool is flagged", () => {
    fc.assert(
      fc.property(tables, (rows) => {
        const out = run(rows);
        for (const pool of out.pools) {
          const excellent = out.rows.filter((r) => r.pool === pool.key && r.grade === "优秀");
          expect(excellent.length).toBe(pool.excellent);
          if (excellent.length > (pool.quota as number)) {
            expect(pool.exceededByAffirmation).toBe(true);
            expect(excellent.every((r) => r.reasons.includes("AFFIRMED"))).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test("a vetoed, merely 合格 or 不合格 row is never 优秀", () => {
    fc.assert(
      fc.property(tables, (rows) => {
        const out = run(rows);
        out.rows.forEach((r, i) => {
          if (rows[i].circular === "区级" || rows[i].political !== "过得硬") expect(r.grade).not.toBe("优秀");
        });
      }),
      { numRuns: 200 },
    );
  });

  test("every row is either graded or reported", () => {
    const cell = fc.oneof(score, fc.constant(""), fc.constant("abc"), fc.constant(150), fc.constant({ error: "#N/A" }));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, fc.constantFrom("A", "B", "C", "D")), { minLength: 1, maxLength: 20 }), (cells) => {
        const out = run(cells.map(([p, d, id]) => cadre(id, { P: p, D: d })));
        for (const r of out.rows) {
          if (r.grade === null) expect(out.findings.some((f) => f.row === r.row && f.severity === "error")).toBe(true);
          else expect(r.rank).not.toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("results as columns (AnnualOutcome.results)", () => {
  test("every accessor agrees with the row objects, blank rows skipped; rows are made once and enumerable", () => {
    const p = requirePolicy({ quota: { ratio: 0.5 } });
    const table = annualTable([
      cadre("A", scoresFor(95)),
      cadre("B", { ...scoresFor(93), circular: "区级" }),
      cadre("C", scoresFor(93)),
      cadre("D", { ...scoresFor(70), topLeader: "是", incentive: "是" }),
      cadre("E", { P: "abc" }),
      team("T", scoresFor(91)),
    ]);
    table.rows.splice(2, 0, table.rows[0].map(() => null)); // a blank line inside the block
    const out = computeAnnual(table, p);
    const res = out.results;
    expect(res.count).toBe(6);
    expect(out.rows).toBe(out.rows); // made on first read, then kept
    expect(out.rows.map((r) => r.index)).toEqual([0, 1, 3, 4, 5, 6]);
    out.rows.forEach((r, j) => {
      expect([res.index(j), res.row(j), res.subject(j), res.topLeader(j), res.valid(j)]).toEqual([r.index, r.row, r.subject, r.topLeader, r.valid]);
      expect([res.composite(j), res.rank(j), res.grade(j), res.gradeIndex(j), res.highlight(j)]).toEqual([r.composite, r.rank, r.grade, r.gradeIndex, r.highlight]);
      expect([res.reasons(j), res.explanation(j)]).toEqual([r.reasons, r.explanation]);
    });
    expect(out.rows.map((r) => [r.id, r.grade, r.reasons])).toEqual([
      ["A", "优秀", []],
      ["B", "称职", ["VETO"]],
      ["C", "称职", ["QUOTA"]],
      ["D", "优秀", ["AFFIRMED"]],
      ["E", null, ["INVALID"]],
      ["T", "优秀", []],
    ]);
    expect((JSON.parse(JSON.stringify(out)) as { rows: unknown[] }).rows).toHaveLength(6);
  });
});

describe("one computation after another", () => {
  test("scratch memory reused between computations leaks nothing from one to the next", () => {
    // Read from the columns each time (not the cached row objects).
    const view = (o: ReturnType<typeof run>) => Array.from({ length: o.results.count }, (_, j) => [o.results.composite(j), o.results.rank(j), o.results.grade(j), o.results.reasons(j).join()]);
    const bigTable = () => Array.from({ length: 3000 }, (_, i) => cadre(i === 2999 ? "C7" : `C${i}`, scoresFor(60 + (i % 400) / 10)));
    const big = run(bigTable());
    const before = view(big);
    expect(big.findings.filter((f) => f.code === "DUPLICATE_ID").map((f) => f.row)).toEqual([9, 3001]);
    const small = run([cadre("A"), cadre("B"), cadre("A"), cadre("C7")]);
    expect(small.findings.filter((f) => f.code === "DUPLICATE_ID").map((f) => f.row)).toEqual([2, 4]);
    expect(small.rows.map((r) => r.valid)).toEqual([false, true, false, true]);
    // The first outcome reads its own columns, not the scratch the second computation wrote over.
    expect(view(big)).toEqual(before);
    expect(view(run(bigTable()))).toEqual(before);
  });
});
