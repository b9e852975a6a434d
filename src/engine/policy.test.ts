import { canonicalPolicyJson, defaultPolicy, loadPolicy, policyValue, requirePolicy, PolicyError } from "./policy";

const codes = (input: unknown) => loadPolicy(input).findings.map((f) => [f.code, f.column]);

describe("policy as data (INTERFACES.md §1e)", () => {
  test("the default is the suxian-2023 scheme and validates", () => {
    const p = defaultPolicy();
    expect(p.name).toBe("suxian-2023");
    expect(policyValue(p, "weights.P")).toBe(0.6);
    expect(policyValue(p, "bands.0")).toBe(90);
    expect(policyValue(p, "quota.ratio")).toBe(0.2);
    expect(policyValue(p, "nope.x")).toBeUndefined();
  });

  test("a partial file overrides the default setting by setting", () => {
    const p = requirePolicy({ name: "mine", quota: { ratio: 0.15 } });
    expect(p.quota).toMatchObject({ ratio: 0.15, rounding: "half-up", minimum: 1, enabled: true });
    expect(p.weights.P).toBe(0.6);
  });

  test("weights that do not sum to 100% are WEIGHTS_SUM, never normalised", () => {
    expect(codes({ weights: { P: 0.5 } })).toEqual([["WEIGHTS_SUM", "weights"]]);
    expect(loadPolicy({ weights: { P: 0.5 } }).findings[0].message.zh).toContain("90%");
    expect(codes({ minping: { weights: { H: 0.3333, S: 0.3333, A: 0.3333 } } })).toEqual([["WEIGHTS_SUM", "minping.weights"]]);
    expect(codes({ weights: { P: "60%", D: "10%", L: "1/10", S: 0.1, B: 0.1 } })).toEqual([]);
  });

  test("every mistake is reported at once, naming the setting", () => {
    const found = codes({ bands: [75, 90, 60], quota: { ratio: 1.5, rounding: "up", tieBreak: ["X"] }, ranking: { style: "olympic" }, wieghts: {} });
    expect(found).toEqual(
      expect.arrayContaining([
        ["POLICY_INVALID", "wieghts"],
        ["POLICY_INVALID", "bands"],
        ["POLICY_INVALID", "quota.ratio"],
        ["POLICY_INVALID", "quota.rounding"],
        ["POLICY_INVALID", "quota.tieBreak"],
        ["POLICY_INVALID", "ranking.style"],
      ]),
    );
    expect(found).toHaveLength(6);
  });

  test("bands must be descending; grades four; vocabularies without overlaps", () => {
    expect(codes({ bands: [90, 90, 60] })).toEqual([["POLICY_INVALID", "bands"]]);
    expect(codes({ grades: { team: [{ zh: "优秀", en: "E" }] } })).toEqual([["POLICY_INVALID", "grades.team"]]);
    expect(codes({ vocabulary: { political: { solid: ["过得硬", "合格"] } } })).toEqual([["POLICY_INVALID", "vocabulary.political.qualified"]]);
  });

  test("not an object, wrong types", () => {
    expect(codes([1, 2])).toEqual([["POLICY_INVALID", "(policy)"]]);
    expect(codes({ weights: { P: "sixty" } })).toEqual([["POLICY_INVALID", "weights.P"]]);
    expect(() => requirePolicy({ quota: { ratio: -1 } })).toThrow(PolicyError);
  });

  test("every unknown key is reported, whatever its name (issue 11)", () => {
    // Names an object has by inheritance are not settings either.
    const names = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"];
    for (const k of names) expect(codes(JSON.parse(`{"${k}": {}}`))).toEqual([["POLICY_INVALID", k]]);
    expect(codes(JSON.parse('{"quota": {"toString": 1}}'))).toEqual([["POLICY_INVALID", "quota.toString"]]);
    // Objects the document defines completely: a grade's names, the title.
    expect(codes({ grades: { team: [{ zh: "优秀", en: "E", x: 1 }, { zh: "良好", en: "G" }, { zh: "一般", en: "F" }, { zh: "较差", en: "P" }] } })).toEqual([["POLICY_INVALID", "grades.team"]]);
    expect(codes({ title: { zh: "甲", en: "A", note: "x" } })).toEqual([["POLICY_INVALID", "title.note"]]);
    // A "$schema" link and a top-level description are allowed; an open map's keys are data.
    expect(codes({ $schema: "x", description: "y", city: { outcomes: { 先进: 1, constructor: 0 } } })).toEqual([]);
  });

  test("every setting has a range (issue 11: 1e15 days, a minimum of 1e308)", () => {
    expect(codes({ feedback: { rectificationDays: 1e15 } })).toEqual([["POLICY_INVALID", "feedback.rectificationDays"]]);
    expect(codes({ feedback: { rectificationDays: 3650 } })).toEqual([]);
    expect(codes({ quota: { minimum: 1e308 } })).toEqual([["POLICY_INVALID", "quota.minimum"]]);
    expect(codes({ quota: { tieBreak: ["P", "P"] } })).toEqual([["POLICY_INVALID", "quota.tieBreak"]]);
    expect(codes({ minping: { maxPoints: 1e9 } })).toEqual([["POLICY_INVALID", "minping.maxPoints"]]);
    expect(codes({ city: { bonusCap: 1e9, outcomes: { 先进: 1e9 } } })).toEqual([
      ["POLICY_INVALID", "city.outcomes.先进"],
      ["POLICY_INVALID", "city.bonusCap"],
    ]);
    expect(codes({ rewards: { meritYears: 1e6, tenureFloor: -1 } })).toEqual([
      ["POLICY_INVALID", "rewards.meritYears"],
      ["POLICY_INVALID", "rewards.tenureFloor"],
    ]);
    expect(codes({ groups: ["区直单位", "区直单位"] })).toEqual([["POLICY_INVALID", "groups"]]);
    expect(codes({ name: "x".repeat(101) })).toEqual([["POLICY_INVALID", "name"]]);
    expect(loadPolicy({ quota: { minimum: 1e308 } }).findings[0].message).toEqual({
      zh: "政策设置 quota.minimum：必须是 0–1000 之间的整数（现为 1e+308）",
      en: "Policy setting quota.minimum: must be a whole number from 0 to 1000 (now 1e+308)",
    });
  });

  test("a deep or huge object is refused cleanly, before anything walks it recursively", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(codes({ quota: deep })).toEqual([["POLICY_INVALID", "quota.a.a.a.a.a.a.a"]]);
    expect(codes({ groups: new Array(30_000).fill("x") })).toEqual([["POLICY_INVALID", "(policy)"]]);
  });

  test("coverage terms: a length and the first year of one term (POLICY.md §7)", () => {
    expect(defaultPolicy().coverage).toEqual({ termYears: 5, termStart: 2021 });
    expect(requirePolicy({ coverage: { termStart: 2026 } }).coverage).toEqual({ termYears: 5, termStart: 2026 });
    expect(codes({ coverage: { termStart: 2021.5 } })).toEqual([["POLICY_INVALID", "coverage.termStart"]]);
    expect(codes({ coverage: { termStart: "2021" } })).toEqual([["POLICY_INVALID", "coverage.termStart"]]);
    expect(codes({ coverage: { termStart: 1800, termYears: 0 } })).toEqual([
      ["POLICY_INVALID", "coverage.termYears"],
      ["POLICY_INVALID", "coverage.termStart"],
    ]);
  });

  test("canonical JSON is key-order independent", () => {
    const a = requirePolicy({ quota: { ratio: 0.3, enabled: true } });
    const b = requirePolicy({ quota: { enabled: true, ratio: 0.3 } });
    expect(canonicalPolicyJson(a)).toBe(canonicalPolicyJson(b));
    expect(canonicalPolicyJson(a)).not.toBe(canonicalPolicyJson(defaultPolicy()));
  });
});
