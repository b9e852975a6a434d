// A jest reporter that ends the run with a banner when suites were skipped for a missing program
// (test/support/prerequisites.ts records each in test-output/skipped/): `npm test` never skips silently.
const fs = require("fs");
const path = require("path");

const DIR = path.resolve(__dirname, "..", "..", "test-output", "skipped");

class SkipsReporter {
  onRunStart() {
    fs.rmSync(DIR, { recursive: true, force: true });
  }

  onRunComplete() {
    if (!fs.existsSync(DIR)) return;
    const skips = fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")));
    if (!skips.length) return;
    const bar = "!".repeat(78);
    const lines = [
      "",
      bar,
      `!! SKIPPED: ${skips.length} test suite${skips.length === 1 ? "" : "s"} did not run — this machine lacks what they need.`,
      ...skips.map((s) => `!!   ${s.suite}: needs ${s.needs}. Install: ${s.install}`),
      "!! The run is NOT complete. .ci/run installs all of these (and under CI=true a missing one fails).",
      bar,
      "",
    ];
    process.stderr.write(lines.join("\n") + "\n");
  }
}

module.exports = SkipsReporter;
