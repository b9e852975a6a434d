// The committed golden inputs are exactly what cases.ts describes.
// Regenerate them with: MAKE_GOLDEN=1 npx jest test/golden/inputs
import * as fs from "node:fs";
import * as path from "node:path";
import { buildBytes, buildWorkbook, dumpCells, loadExcel } from "../support/xlsx-builders";
import { CASES } from "./cases";

describe.each(CASES.map((c) => [c.name, c] as const))("golden input %s", (name, c) => {
  const dir = path.join(__dirname, name);

  beforeAll(async () => {
    if (process.env.MAKE_GOLDEN !== "1") return;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "input.xlsx"), await buildBytes(c.spec));
    const policyFile = path.join(dir, "policy.json");
    if (c.policy !== undefined) fs.writeFileSync(policyFile, JSON.stringify(c.policy, null, 2) + "\n");
    else if (fs.existsSync(policyFile)) fs.unlinkSync(policyFile);
  });

  test("input.xlsx holds the cells cases.ts describes", async () => {
    const committed = dumpCells(await loadExcel(new Uint8Array(fs.readFileSync(path.join(dir, "input.xlsx")))));
    const described = dumpCells(await loadExcel(await buildBytes(c.spec)));
    expect(committed).toEqual(described);
    expect(buildWorkbook(c.spec).worksheets.map((w) => w.name)).toEqual([...committed.keys()]);
  });

  test("policy.json matches the case", () => {
    const file = path.join(dir, "policy.json");
    if (c.policy === undefined) expect(fs.existsSync(file)).toBe(false);
    else expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(c.policy);
  });
});
