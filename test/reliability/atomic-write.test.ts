// Issue #6, promise 2 for the command line: `assess rank --out` writes a temporary file and renames
// it over the target. An interrupted write — the disk fills midway through the temporary file, or
// the rename fails — leaves the old output byte for byte, leaves no temporary file behind, and ends
// with one clear line (exit 2), never a stack trace.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as fsp from "node:fs/promises";
import { writeFileAtomic } from "../../src/cli/files";
import { run } from "../../src/cli/main";
import { buildBytes } from "../support/xlsx-builders";
import { annualRows } from "../taskpane/fixtures";

jest.mock("node:fs/promises", () => {
  const actual = jest.requireActual<typeof import("node:fs/promises")>("node:fs/promises");
  return { ...actual, rename: jest.fn(actual.rename), open: jest.fn(actual.open) };
});
const actual = jest.requireActual<typeof import("node:fs/promises")>("node:fs/promises");
const renameMock = fsp.rename as unknown as jest.Mock;
const openMock = fsp.open as unknown as jest.Mock;

const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/** The next open() gives a handle whose writeFile writes half the data, then fails as a full disk does. */
function diskFullMidway(): void {
  openMock.mockImplementationOnce(async (file: string, flags: string) => {
    const h = await actual.open(file, flags);
    return {
      writeFile: async (data: Uint8Array) => {
        await h.writeFile(data.subarray(0, Math.floor(data.length / 2)));
        throw errno("ENOSPC", "no space left on device, write");
      },
      sync: () => h.sync(),
      close: () => h.close(),
    };
  });
}

let dir: string;
let input: string;
let inputSha: string;
const sha = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const leftovers = () => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-atomic-"));
  input = path.join(dir, "in.xlsx");
  const rows = annualRows();
  fs.writeFileSync(input, await buildBytes({ sheets: [{ name: "年度考核", tables: [{ origin: "A1", headers: rows[0] as string[], rows: rows.slice(1) }] }] }));
  inputSha = sha(input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  renameMock.mockImplementation(actual.rename);
  openMock.mockImplementation(actual.open);
});

async function rankTo(out: string): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await run(["rank", input, "--out", out], { stdout: () => undefined, stderr: (t) => (stderr += t) });
  return { code, stderr };
}

describe("an interrupted write leaves the old output intact", () => {
  test("writeFileAtomic: a write that fails midway, a rename that fails", async () => {
    const target = path.join(dir, "direct.bin");
    fs.writeFileSync(target, "old contents");
    diskFullMidway();
    await expect(writeFileAtomic(target, new Uint8Array(100_000).fill(7))).rejects.toMatchObject({ code: "ENOSPC" });
    expect(fs.readFileSync(target, "utf8")).toBe("old contents");
    renameMock.mockImplementationOnce(async () => {
      throw errno("EIO", "i/o error, rename");
    });
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: "EIO" });
    expect(fs.readFileSync(target, "utf8")).toBe("old contents");
    expect(leftovers()).toEqual([]);
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(target)]).toEqual([1, 2, 3]);
  });

  test("assess rank --out over an older output: disk full midway → exit 2, one line, old output byte for byte", async () => {
    const out = path.join(dir, "out.xlsx");
    expect((await rankTo(out)).code).toBe(1); // the fixture has one invalid row
    const good = sha(out);
    diskFullMidway();
    const r = await rankTo(out);
    expect(r.code).toBe(2);
    const lines = r.stderr.split("\n").filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ENOSPC/);
    expect(lines[0]).not.toMatch(/\n\s+at /);
    expect(sha(out)).toBe(good);
    expect(leftovers()).toEqual([]);
  });

  test("assess rank --out: the rename fails → exit 2, one line, old output byte for byte", async () => {
    const out = path.join(dir, "out2.xlsx");
    fs.writeFileSync(out, "an older file the user keeps");
    renameMock.mockImplementationOnce(async () => {
      throw errno("EXDEV", "cross-device link not permitted, rename");
    });
    const r = await rankTo(out);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter((l) => l.trim())).toHaveLength(1);
    expect(fs.readFileSync(out, "utf8")).toBe("an older file the user keeps");
    expect(leftovers()).toEqual([]);
    expect(sha(input)).toBe(inputSha); // the input is never written
  });
});
