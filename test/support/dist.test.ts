import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { distProblem, ROOT } from "./dist";

describe("ensureDist's check: present and current", () => {
  test("a missing file, a file older than the sources, a current build", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-dist-"));
    expect(distProblem(dir, ["functions.js"])).toBe("missing functions.js");
    const file = path.join(dir, "functions.js");
    fs.writeFileSync(file, "");
    // Built in 2000: every source is newer.
    fs.utimesSync(file, new Date("2000-01-01"), new Date("2000-01-01"));
    expect(distProblem(dir, ["functions.js"])).toMatch(/^older than src/);
    // Built a minute from now: nothing is newer.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);
    expect(distProblem(dir, ["functions.js"])).toBe("");
    expect(fs.existsSync(path.join(ROOT, "src"))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
