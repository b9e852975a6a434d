// Issue 10: what `assess rank --out` does to the file system. It never widens a file's permissions,
// never replaces a FIFO or a device with a regular file, and an interrupted run leaves no temporary file.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { writeFileAtomic } from "../../src/cli/files";
import { buildBytes } from "../support/xlsx-builders";
import { annualRows } from "../taskpane/fixtures";

let dir: string;
let input: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-files-"));
  input = path.join(dir, "in.xlsx");
  const rows = annualRows();
  fs.writeFileSync(input, await buildBytes({ sheets: [{ name: "年度考核", tables: [{ origin: "A1", headers: rows[0] as string[], rows: rows.slice(1) }] }] }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function rankTo(out: string): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await run(["rank", input, "--out", out], { stdout: () => undefined, stderr: (t) => (stderr += t) });
  return { code, stderr };
}

const leftovers = () => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

test("--out over an existing file keeps its permissions: 0600 stays 0600, 0640 stays 0640", async () => {
  for (const mode of [0o600, 0o640]) {
    const out = path.join(dir, `mode-${mode.toString(8)}.xlsx`);
    fs.writeFileSync(out, "old");
    fs.chmodSync(out, mode);
    const r = await rankTo(out);
    expect(r.code).toBeLessThan(2);
    expect(fs.statSync(out).mode & 0o777).toBe(mode);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  }
  expect(leftovers()).toEqual([]);
});

test("--out naming a FIFO or a device is refused; the FIFO stays a FIFO", async () => {
  const fifo = path.join(dir, "out.fifo");
  spawnSync("mkfifo", [fifo]);
  for (const target of [fifo, "/dev/null"]) {
    const r = await rankTo(target);
    expect(r.code).toBe(2);
    const lines = r.stderr.split("\n").filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/不是普通文件.*not a regular file/);
  }
  expect(fs.statSync(fifo).isFIFO()).toBe(true);
  expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
  expect(leftovers()).toEqual([]);
});

test("a run killed while it writes (SIGTERM, SIGINT) leaves no temporary file", async () => {
  // A child writes a large file through writeFileAtomic and is sent the signal as soon as the temporary
  // file appears; it must remove it and end with 128 + the signal's number.
  for (const [signal, code] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const) {
    const target = path.join(dir, `killed-${signal}.xlsx`);
    const child = spawn(process.execPath, ["-e", `const { writeFileAtomic } = require(${JSON.stringify(compiledFiles)}); writeFileAtomic(${JSON.stringify(target)}, new Uint8Array(400 * 1024 * 1024)).then(() => process.exit(0));`], { stdio: "ignore" });
    const seen = await new Promise<boolean>((resolve) => {
      const t0 = Date.now();
      const poll = setInterval(() => {
        if (leftovers().some((f) => f.includes(`killed-${signal}`))) {
          clearInterval(poll);
          child.kill(signal);
          resolve(true);
        } else if (Date.now() - t0 > 20_000) {
          clearInterval(poll);
          resolve(false);
        }
      }, 2);
    });
    const exit = await new Promise<number | null>((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 128 + (s === "SIGTERM" ? 15 : 2) : null))));
    expect(seen).toBe(true);
    expect(exit).toBe(code);
    expect(leftovers()).toEqual([]);
  }
});

// writeFileAtomic compiled for the child process (jest compiles the sources in memory only).
let compiledFiles = "";
beforeAll(() => {
  const out = path.join(dir, "compiled");
  const tsc = require.resolve("typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "--outDir", out, "--module", "commonjs", "--target", "ES2020", "--types", "node", "--skipLibCheck", path.join(__dirname, "../../src/cli/files.ts")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stdout + r.stderr);
  compiledFiles = path.join(out, "files.js");
});

test("writeFileAtomic on a new file gives it 0666 less the umask, like any new file", async () => {
  const out = path.join(dir, "fresh.bin");
  await writeFileAtomic(out, new Uint8Array([1, 2, 3]));
  const umask = process.umask();
  expect(fs.statSync(out).mode & 0o777).toBe(0o666 & ~umask);
});
