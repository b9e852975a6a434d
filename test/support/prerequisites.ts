// Suites that need a program of the machine (chromium, xmllint, 7-Zip, LibreOffice) say so: without it
// they are skipped — loudly: each skip is written to test-output/skipped/, and the skips reporter
// (test/support/skips-reporter.js) ends the run with a banner naming the suite and the command that
// installs what it needs. Under CI=true a missing program is a failing test, never a skip.
import * as fs from "fs";
import * as path from "path";

export const SKIPPED_DIR = path.resolve(__dirname, "..", "..", "test-output", "skipped");
export const inCI = process.env.CI === "true" || process.env.CI === "1";

/** Where `program` is on PATH, or null. */
export function which(program: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, program);
    if (dir && fs.existsSync(p)) return p;
  }
  return null;
}

export interface Prerequisite {
  /** The suite, as the banner names it. */
  suite: string;
  /** What it needs ("chromium at /usr/bin/chromium"). */
  needs: string;
  /** Whether it is there. */
  found: boolean;
  /** The command that installs it. */
  install: string;
}

/**
 * `describe` when the prerequisite is there; otherwise, outside CI, a skipped describe recorded for the
 * banner, and under CI a describe whose one test fails with what is missing and how to install it.
 */
export function describeIfPresent(p: Prerequisite): jest.Describe {
  if (p.found) return describe;
  if (inCI) {
    return ((name: string) =>
      describe(name, () => {
        test(`needs ${p.needs}`, () => void assertPresent(p));
      })) as unknown as jest.Describe;
  }
  recordSkip(p);
  return describe.skip;
}

/** `test` when the prerequisite is there; otherwise as describeIfPresent, for one test. */
export function testIfPresent(p: Prerequisite): jest.It {
  if (p.found) return test;
  if (inCI) return ((name: string) => test(name, () => void assertPresent(p))) as unknown as jest.It;
  recordSkip(p);
  return test.skip;
}

function assertPresent(p: Prerequisite): never {
  throw new Error(`${p.suite}: ${p.needs} is missing (CI=true never skips). Install it: ${p.install}`);
}

function recordSkip(p: Prerequisite): void {
  fs.mkdirSync(SKIPPED_DIR, { recursive: true });
  const file = path.join(SKIPPED_DIR, `${p.suite.replace(/[^\w.-]+/g, "_")}.json`);
  fs.writeFileSync(file, JSON.stringify({ suite: p.suite, needs: p.needs, install: p.install }) + "\n");
}
