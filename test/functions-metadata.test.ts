// The custom functions metadata generated from the JSDoc of src/functions/functions.ts.
// Golden files: test/expected/functions.json and functions.zh-CN.json. After an intended change of the
// functions' JSDoc, regenerate them and review the diff:
//   UPDATE_GOLDEN=1 npx jest test/functions-metadata.test.ts
import * as fs from "fs";
import * as path from "path";
import { localizeMetadata, readZhTags, type Metadata } from "../scripts/functions-zh";
import { ROOT, readDist } from "./support/dist";

// INTERFACES.md §2: function ids and their Chinese names (namespace-free). Excel requires a function
// name of at least three characters, so the two-character names of INTERFACES.md take a qualifier
// (README: "Chinese function names").
const CHINESE_NAMES: Record<string, string> = {
  COMPOSITE: "综合得分",
  MINPING: "民评得分",
  DEMOCRATIC: "民主测评",
  CITYADJ: "市考加扣分",
  CONVERT: "折算得分",
  GRADE: "考核等次",
  REASON: "等次说明",
  RANK: "组内排名",
  RANKING: "排名表",
  VALIDATE: "政策校验",
  MERIT: "记功年度",
  TENURE: "任职年限",
  COVERAGE: "考察覆盖率",
  POLICY: "政策设置",
};

const EXPECTED_DIR = path.join(ROOT, "test", "expected");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

function golden(file: string): void {
  const actual = readDist(file);
  const goldenPath = path.join(EXPECTED_DIR, file);
  if (UPDATE) {
    fs.mkdirSync(EXPECTED_DIR, { recursive: true });
    fs.writeFileSync(goldenPath, actual.endsWith("\n") ? actual : `${actual}\n`);
  }
  if (!fs.existsSync(goldenPath)) {
    throw new Error(`${goldenPath} is missing: run UPDATE_GOLDEN=1 npx jest test/functions-metadata.test.ts`);
  }
  const expected: unknown = JSON.parse(fs.readFileSync(goldenPath, "utf8"));
  // A mismatch means the functions' JSDoc changed: if intended, regenerate with UPDATE_GOLDEN=1 and review.
  expect(JSON.parse(actual)).toEqual(expected);
}

const english = (): Metadata => JSON.parse(readDist("functions.json")) as Metadata;
const chinese = (): Metadata => JSON.parse(readDist("functions.zh-CN.json")) as Metadata;

describe("dist/functions.json (en-US)", () => {
  test("matches the golden file test/expected/functions.json", () => golden("functions.json"));

  test("has at least one function, ids are stable uppercase ASCII", () => {
    const ids = english().functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every function and every parameter has a description", () => {
    for (const fn of english().functions) {
      expect({ id: fn.id, description: fn.description?.trim() || undefined }).toEqual({ id: fn.id, description: expect.any(String) });
      for (const p of fn.parameters) {
        expect({ id: fn.id, param: p.name, description: p.description?.trim() || undefined }).toEqual({
          id: fn.id,
          param: p.name,
          description: expect.any(String),
        });
      }
    }
  });

  test("every function's English name is its id (ASSESS.COMPOSITE …)", () => {
    for (const fn of english().functions) expect(fn.name).toBe(fn.id);
  });
});

describe("dist/functions.zh-CN.json", () => {
  test("matches the golden file test/expected/functions.zh-CN.json", () => golden("functions.zh-CN.json"));

  test("has the same functions, in the same order, under their Chinese names", () => {
    const en = english();
    const zh = chinese();
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    for (const fn of zh.functions) {
      // Functions added after INTERFACES.md §2 need some Chinese name, not the English one.
      const expected = CHINESE_NAMES[fn.id] ?? expect.not.stringMatching(/^[A-Za-z0-9_.]*$/);
      expect({ id: fn.id, name: fn.name }).toEqual({ id: fn.id, name: expected });
    }
  });

  test("every Chinese name follows Excel's naming rule: a letter first, at least three characters", () => {
    for (const fn of chinese().functions) expect(`${fn.id} ${fn.name}`).toMatch(/^\S+ \p{L}[\p{L}0-9._]{2,}$/u);
  });

  test("differs from the English metadata only in names and descriptions", () => {
    const strip = (m: Metadata): unknown =>
      m.functions.map(({ name: _name, description: _description, parameters, ...rest }) => ({
        ...rest,
        parameters: parameters.map(({ description: _d, ...p }) => p),
      }));
    const en = english();
    const zh = chinese();
    expect(strip(zh)).toEqual(strip(en));
    expect({ ...zh, functions: [] }).toEqual({ ...en, functions: [] });
  });

  test("every function and every parameter has a description", () => {
    for (const fn of chinese().functions) {
      expect(fn.description?.trim()).toBeTruthy();
      for (const p of fn.parameters) expect(`${fn.id}.${p.name}: ${p.description?.trim() ?? ""}`).not.toMatch(/: $/);
    }
  });
});

describe("@zh / @zhparam tags (scripts/functions-zh.js)", () => {
  const source = (tags: string, params = "a: number"): string =>
    `/**\n * English.\n * @customfunction FOO_BAR\n * @param a first\n${tags}\n */\nexport function fooBar(${params}): number { return 1; }\n`;

  test("reads the Chinese name, description and parameter descriptions", () => {
    const { byId, errors } = readZhTags(source(" * @zh 测试函数 中文说明\uFF0C\n *   第二行。\n * @zhparam a 第一个参数"));
    expect(errors).toEqual([]);
    expect(byId).toEqual({ FOO_BAR: { name: "测试函数", description: "中文说明\uFF0C第二行。", params: { a: "第一个参数" } } });
  });

  test("the id defaults to the function name, upper-cased", () => {
    const { byId } = readZhTags("/**\n * E.\n * @customfunction\n * @zh 名称甲\n */\nexport function plain(): number { return 1; }\n");
    expect(Object.keys(byId)).toEqual(["PLAIN"]);
  });

  test("a custom function without @zh, with a bad name, or an unknown @zhparam is an error", () => {
    expect(readZhTags(source("")).errors.join("\n")).toMatch(/FOO_BAR.*@zh/);
    expect(readZhTags(source(" * @zh 1甲")).errors.join("\n")).toMatch(/must start with a letter/);
    expect(readZhTags(source(" * @zh 甲-乙")).errors.join("\n")).toMatch(/only letters/);
    expect(readZhTags(source(" * @zh 名称甲\n * @zhparam b 说明")).errors.join("\n")).toMatch(/names no parameter/);
  });

  test("localizeMetadata falls back to English descriptions and reports missing or duplicate names", () => {
    const metadata: Metadata = {
      functions: [
        { id: "ONE", name: "ONE", description: "One.", parameters: [{ name: "x", description: "X." }] },
        { id: "TWO", name: "TWO", description: "Two.", parameters: [] },
        { id: "THREE", name: "THREE", description: "Three.", parameters: [] },
      ],
    };
    const { metadata: zh, errors } = localizeMetadata(metadata, {
      ONE: { name: "甲函数", description: "", params: {} },
      TWO: { name: "甲函数", description: "乙。", params: {} },
    });
    expect(zh.functions[0]).toEqual({ id: "ONE", name: "甲函数", description: "One.", parameters: [{ name: "x", description: "X." }] });
    expect(zh.functions[1].description).toBe("乙。");
    expect(errors).toEqual([expect.stringMatching(/TWO.*already used by ONE/), expect.stringMatching(/THREE.*no "@zh"/)]);
  });
});
