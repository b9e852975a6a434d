#!/usr/bin/env node
// 考核助手 ASSESS command line. The code lives in lib/ (compiled from src/ by `npm run prepare`).
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("lib/cli/main")) {
    process.stderr.write("考核助手尚未编译：请先运行 npm run prepare。 ASSESS is not built yet: run npm run prepare first.\n");
    process.exit(2);
  }
  throw e;
}
cli.run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
