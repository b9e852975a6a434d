#!/usr/bin/env node
// `npm stop`: stops what `npm start` started.
// Linux: the dev server whose pid scripts/start.js recorded (and its process group), and start.js itself.
// Windows / macOS: office-addin-debugging stop (unloads the add-in, stops its dev server), then the same.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
// Written by scripts/start.js.
const PID_FILE = path.join(ROOT, "node_modules", ".cache", "assess", "dev-server.json");

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** On Linux, only signal a pid that still runs webpack (a recorded pid may have been reused since). */
function looksLikeOurs(pid, needle) {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!fs.existsSync("/proc")) return true;
  try {
    return fs.readFileSync(cmdline, "utf8").includes(needle);
  } catch {
    return false;
  }
}

function signal(pid, sig, group) {
  try {
    process.kill(group ? -pid : pid, sig);
    return true;
  } catch {
    return false;
  }
}

async function stopRecorded() {
  let record;
  try {
    record = JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
  } catch {
    console.log("No dev server recorded by npm start.");
    return 0;
  }
  const { server, supervisor } = record;
  const targets = [];
  if (server && isAlive(server) && looksLikeOurs(server, "webpack")) targets.push({ pid: server, group: process.platform !== "win32" });
  if (supervisor && isAlive(supervisor) && looksLikeOurs(supervisor, "start.js")) targets.push({ pid: supervisor, group: false });
  if (targets.length === 0) {
    console.log(`The recorded dev server (pid ${server}) is no longer running.`);
    fs.rmSync(PID_FILE, { force: true });
    return 0;
  }
  if (process.platform === "win32") {
    for (const t of targets) spawnSync("taskkill", ["/pid", String(t.pid), "/T", "/F"], { stdio: "ignore" });
  } else {
    for (const t of targets) signal(t.pid, "SIGTERM", t.group);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && targets.some((t) => isAlive(t.pid))) await new Promise((r) => setTimeout(r, 100));
    for (const t of targets) if (isAlive(t.pid)) signal(t.pid, "SIGKILL", t.group);
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Stopped the dev server (pid ${server}).`);
  return 0;
}

async function main() {
  if (process.platform === "win32" || process.platform === "darwin") {
    const debugging = require.resolve("office-addin-debugging/cli.js", { paths: [ROOT] });
    spawnSync(process.execPath, [debugging, "stop", path.join(ROOT, "manifest.xml")], { cwd: ROOT, stdio: "inherit" });
  }
  return stopRecorded();
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
