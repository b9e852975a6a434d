import { ANNUAL_COLUMNS, columnFindings, detectTableKind, headerCore, HISTORY_COLUMNS, indicatorColumns, matchColumns, UNIT_COLUMNS } from "./headers";
import { computeHistory } from "./history";
import { defaultPolicy } from "./policy";
import type { RawTable } from "./types";
import { computeUnits } from "./unit";

const table = (headers: string[], sheet = "S"): RawTable => ({ sheet, headers, rows: [], headerRow: 1, firstColumn: 1 });

describe("headers with a qualifier (issue 10: real offices' tables)", () => {
  test("the core word of a header: a bracketed note, a weight or a unit after a separator goes", () => {
    // Headers as normalizeText gives them: full-width brackets folded to ( ), lower case.
    expect(headerCore("绩效考核(60%)")).toBe("绩效考核");
    expect(headerCore("民主测评 (10%)")).toBe("民主测评");
    expect(headerCore("党建成效(分)")).toBe("党建成效");
    expect(headerCore("领导评价【必填】")).toBe("领导评价");
    expect(headerCore("民意调查10%")).toBe("民意调查");
    expect(headerCore("performance 60%")).toBe("performance");
    expect(headerCore("党建成效/分")).toBe("党建成效");
    expect(headerCore("绩效考核(60%)(分)")).toBe("绩效考核");
    // Not qualifiers: a word glued to the core, a whole header in brackets.
    expect(headerCore("绩效考核得分")).toBe("绩效考核得分");
    expect(headerCore("(备注)")).toBe("(备注)");
  });

  test("an annual table whose headers carry their weights is recognised, every column found", () => {
    const headers = ["编号", "姓名", "绩效考核（60%）", "民主测评（10%）", "领导评价(10%)", "民意调查 10%", "党建成效(分)", "政治素质"];
    expect(detectTableKind(headers)).toBe("annual");
    const m = matchColumns(headers, ANNUAL_COLUMNS);
    expect(m.columns).toEqual({ id: 0, name: 1, P: 2, D: 3, L: 4, S: 5, B: 6, political: 7 });
    expect(m.missing).toEqual([]);
    expect(m.duplicates).toEqual([]);
  });

  test("an exact header wins over a qualified one; two qualified ones are a duplicate", () => {
    expect(matchColumns(["绩效考核", "绩效考核（复核）"], ANNUAL_COLUMNS).columns.P).toBe(0);
    expect(matchColumns(["绩效考核", "绩效考核（复核）"], ANNUAL_COLUMNS).duplicates).toEqual([]);
    expect(matchColumns(["绩效考核（原始）", "绩效考核（复核）"], ANNUAL_COLUMNS).duplicates).toEqual([{ key: "P", indices: [0, 1] }]);
  });

  test("the add-in's own result headers 绩效考核（取自单位总分） and 绩效考核（折算） are never read as the P column", () => {
    const m = matchColumns(["编号", "绩效考核（60%）", "民主测评", "绩效考核（取自单位总分）", "绩效考核（折算）"], ANNUAL_COLUMNS);
    expect(m.columns.P).toBe(1);
    expect(m.duplicates).toEqual([]);
    expect(matchColumns(["编号", "绩效考核（取自单位总分）"], ANNUAL_COLUMNS).missing).toContain("P");
  });

  test("unit indicator columns may carry a qualifier too; result columns are not indicators", () => {
    // 重点工作得分（50分） ends in 得分 once its qualifier is gone; 民评得分 is a result column.
    expect(indicatorColumns(["编号", "名称", "重点工作得分（50分）", "共性工作得分", "民评得分", "幸福感"])).toEqual([2, 3]);
  });
});

describe("each kind's columns name themselves in its messages (issue 11)", () => {
  test("a unit table without 满意度 is told 满意度 (not the annual 民意调查)", () => {
    const out = computeUnits(table(["编号", "名称", "幸福感", "安全感"], "单位绩效"), null, defaultPolicy());
    expect(out.findings.map((f) => [f.code, f.column, f.message.zh, f.message.en])).toEqual([
      ["MISSING_COLUMN", "S", "单位绩效表缺少必需的列“满意度”。", 'The unit performance table has no "Satisfaction" column, which is required.'],
    ]);
  });

  test("a history table without 等次 is told 等次 (not the key 'grade')", () => {
    const out = computeHistory(table(["编号", "姓名", "年度"], "历年等次"), defaultPolicy());
    expect(out.findings.map((f) => [f.code, f.message.zh, f.message.en])).toEqual([
      ["MISSING_COLUMN", "历年等次表缺少必需的列“等次”。", 'The grade history table has no "Grade" column, which is required.'],
    ]);
  });

  test("a duplicate column names the kind's header and both cells", () => {
    const t = table(["编号", "名称", "幸福感", "满意度", "安全感", "名称"]);
    const f = columnFindings(t, matchColumns(t.headers, UNIT_COLUMNS), "unit", UNIT_COLUMNS);
    expect(f.map((x) => [x.code, x.cell, x.message.zh])).toEqual([["DUPLICATE_COLUMN", "F1", "单位绩效表的列“名称”出现多次（B1、F1），无法确定使用哪一列。"]]);
  });

  test("a history table without 编号 and examination records without 单位 are still recognised, so they can be told", () => {
    expect(detectTableKind(["姓名", "年度", "等次"])).toBe("history");
    expect(matchColumns(["姓名", "年度", "等次"], HISTORY_COLUMNS).missing).toEqual(["id"]);
    expect(detectTableKind(["被考察对象", "考察年度"])).toBe("examination");
    // A plain "Year" column is not enough for examination records; nor is an annual table with a 年度 column one.
    expect(detectTableKind(["Name", "Year"])).toBeNull();
    expect(detectTableKind(["单位", "年度", "绩效考核（60%）"])).toBeNull();
  });
});
