// Preloaded (node --require) into every process the benchmark times: at exit, the process writes its
// own peak resident memory (getrusage ru_maxrss, in KB on Linux) and CPU time where the benchmark
// asked for them.
// This works without /usr/bin/time and measures exactly the child, not the benchmark around it.
"use strict";
const fs = require("fs");

const target = process.env.ASSESS_BENCH_RSS_FILE;
if (target) {
  process.on("exit", () => {
    try {
      const u = process.resourceUsage();
      fs.writeFileSync(target, JSON.stringify({ maxRssKB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
    } catch {
      // the figure is missing then; the benchmark says so
    }
  });
}
