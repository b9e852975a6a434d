import { installCustomFunctionsShim, CustomFunctionsError } from "../../test/support/custom-functions-shim";
installCustomFunctionsShim();
import * as F from "./functions";
import { setActivePolicy } from "../engine/active-policy";
import { requirePolicy } from "../engine/policy";

/** The error a call throws, as Excel would show it. */
function errorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctionsError);
    return { code: (e as CustomFunctionsError).code, message: (e as Error).message };
  }
  throw new Error("expected the call to fail");
}

afterEach(() => setActivePolicy(null));

describe("custom functions (INTERFACES.md §2)", () => {
  test("COMPOSITE: worked examples 1 and 11", () => {
    expect(F.composite(92, 88, 90, 85, 95)).toBe(91);
    expect(F.composite(89.35, 89.35, 89.35, 89.35, 89.35)).toBe(89.35);
    expect(F.composite("９２", "88%", 90, 85, 95)).toBe(91);
  });

  test("COMPOSITE: bad arguments are #VALUE! naming the argument, never a silent 0", () => {
    expect(errorOf(() => F.composite(92, "", 90, 85, 95))).toEqual({ code: "#VALUE!", message: expect.stringContaining("D: is blank") as unknown });
    expect(errorOf(() => F.composite(92, 88, "abc", 85, 95)).message).toMatch(/参数 L：“abc”不是数字 \| L: "abc" is not a number/);
    expect(errorOf(() => F.composite(92, 88, 90, 85, 101)).message).toContain("B: 101 is outside 0–100");
    expect(errorOf(() => F.composite(true, 88, 90, 85, 95)).message).toContain("P:");
  });

  test("MINPING and DEMOCRATIC: worked examples 5 and 6; zero ballots", () => {
    expect(F.minping(90, 84, 96)).toBe(13.5);
    expect(F.democratic(30, 10, 5, 5)).toBe(86);
    expect(errorOf(() => F.democratic(0, 0, 0, 0)).code).toBe("#DIV/0!");
    expect(errorOf(() => F.democratic(1.5, 0, 0, 0)).message).toContain("good");
    expect(errorOf(() => F.democratic(-1, 0, 0, 0)).message).toContain("good");
  });

  test("GRADE and REASON: worked examples 1–4", () => {
    expect(F.grade(91, "过得硬", "", "否")).toBe("优秀");
    expect(F.reason(91, "过得硬", "", "否")).toBe("");
    expect(F.grade(91, "合格", "", "否")).toBe("称职");
    expect(F.grade(91, "合格", "", "否", "否", "班子")).toBe("良好");
    expect(F.reason(91, "合格", "", "否")).toContain("合格");
    expect(F.grade(91, "过得硬", "区级", "否")).toBe("称职");
    expect(F.reason(91, "过得硬", "区级", "否", null, null, "en")).toContain("one-vote veto");
    expect(F.grade(70, "过得硬", "", "是")).toBe("优秀"); // topLeader omitted = yes
    expect(F.grade(70, "过得硬", "", "是", "否")).toBe("基本称职");
    expect(F.grade(70, "过得硬", "区级", "是")).toBe("基本称职");
    expect(F.reason(70, "过得硬", "区级", "是")).toContain("请人工复核");
    expect(F.grade(95, "不合格", "", "")).toBe("不称职");
    expect(F.grade(95, "过得硬", "乡镇级", "")).toBe("优秀");
  });

  test("GRADE: unknown vocabulary names the argument", () => {
    expect(errorOf(() => F.grade(91, "好", "", "否")).message).toContain("political");
    expect(errorOf(() => F.grade(91, "过得硬", "很严重", "否")).message).toContain("circular");
    expect(errorOf(() => F.grade(91, "过得硬", "", "也许")).message).toContain("incentive");
    expect(errorOf(() => F.grade(91, "过得硬", "", "", "", "群众")).message).toContain("subject");
    expect(errorOf(() => F.reason(91, "过得硬", "", "", null, null, "fr")).message).toContain("language");
  });

  test("RANK: within a group; blanks and text ignored", () => {
    const scores = [[95], [93], [93], [90], [""], ["x"]];
    expect(F.rank(90, scores)).toBe(4);
    const groups = [["甲"], ["乙"], ["甲"], ["甲"], ["甲"], ["甲"]];
    expect(F.rank(90, scores, "甲", groups)).toBe(3);
    expect(errorOf(() => F.rank(90, scores, "甲")).message).toContain("groups");
    expect(errorOf(() => F.rank("", scores)).message).toContain("score");
  });

  test("RANKING spills a header row and one row per table row, quota applied", () => {
    setActivePolicy(requirePolicy({ quota: { ratio: 0.5 } }));
    const head = ["编号", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"];
    const row = (id: string, c: number) => [id, c, c, c, c, c, "过得硬"];
    const out = F.ranking([head, row("A", 95), row("B", 93), row("C", 93), row("D", 90), ["", "", "", "", "", "", ""]]);
    expect(out).toEqual([
      ["综合得分", "排名", "等次", "说明"],
      [95, 1, "优秀", ""],
      [93, 2, "称职", "QUOTA_TIE"],
      [93, 2, "称职", "QUOTA_TIE"],
      [90, 4, "称职", "QUOTA"],
      ["", "", "", ""],
    ]);
  });

  test("VALIDATE: findings with worksheet rows from the parameter address; 通过 when clean", () => {
    const head = ["编号", "绩效考核", "民主测评", "领导评价", "民意调查", "党建成效", "政治素质"];
    const bad = F.validate([head, ["A", 92, 88, 90, 85, 95, "过得硬"], ["B", 120, 88, 90, 85, 95, "过得硬"]], null, { parameterAddresses: ["'年度 考核'!$C$4:$I$6"] });
    expect(bad).toEqual([["OUT_OF_RANGE", "error", 6, expect.stringContaining("D6")]]);
    expect(F.validate([head, ["A", 92, 88, 90, 85, 95, "过得硬"]])).toEqual([["通过", "", "", ""]]);
    expect(F.validate([head, ["A", 92, 88, 90, 85, 95, "过得硬"]], "en")).toEqual([["OK", "", "", ""]]);
  });

  test("MERIT and TENURE: worked examples 9 and 10", () => {
    expect(F.merit([["优秀", "优秀", "优秀", "优秀", "优秀", "优秀"]])).toBe("3,6");
    expect(F.merit([["优秀"], ["优秀"], ["优秀"]], [[2021], [2022], [2023]])).toBe("2023");
    expect(F.merit([["优秀"], ["优秀"], ["优秀"]], [[2020], [2022], [2023]])).toBe("");
    expect(F.tenure(2, [["优秀"], ["优秀"], ["称职"], ["优秀"]])).toBe(0.5);
  });

  test("CITYADJ, CONVERT, COVERAGE, POLICY", () => {
    expect(F.cityadj("财政局", [["财政局"], ["教育局"], ["财政局"]], [["先进"], ["末位"], ["落后"]])).toBe(0.5);
    expect(errorOf(() => F.cityadj("财政局", [["财政局"]], [["优"]])).message).toContain("outcomes");
    expect(errorOf(() => F.cityadj("财政局", [["财政局"], ["x"]], [["优"]])).message).toContain("outcomes");
    expect(F.convert(90, [[96], [90], [""], ["x"]])).toBe(93.75);
    expect(errorOf(() => F.convert(90, [[""]])).code).toBe("#DIV/0!");
    expect(F.coverage([["a"], ["b"], ["c"], ["d"]], [["是"], [""], ["否"], ["是"]])).toBe(0.5);
    expect(F.coverage([["a"], ["b"], ["c"], ["d"]], [["a"], ["c"], ["d"]])).toBe(0.75);
    expect(F.policy("weights.P")).toBe(0.6);
    expect(F.policy("quota.tieBreak")).toBe("P,D");
    expect(errorOf(() => F.policy("weights.X")).message).toContain("weights.X");
  });

  test("functions follow the active policy", () => {
    setActivePolicy(requirePolicy({ weights: { P: 0.5, D: 0.2 }, bands: [95, 80, 60] }));
    // 0.5 × 92 + 0.2 × 88 + 0.1 × (90 + 85 + 95) = 46 + 17.6 + 27 = 90.60, worked out in decimals.
    expect(F.composite(92, 88, 90, 85, 95)).toBe(90.6);
    expect(F.grade(91, "过得硬", "", "")).toBe("称职");
    expect(F.policy("weights.P")).toBe(0.5);
  });
});
