#!/usr/bin/env node
// `npm start`: serve the add-in on https://localhost:3000 for sideloading.
//
// Windows / macOS: builds (development), makes sure the Office dev certificates are installed, and hands
// over to office-addin-debugging, which starts the dev server and sideloads manifest.xml into desktop Excel.
// `npm stop` runs office-addin-debugging stop.
//
// Linux (no desktop Excel; office-addin-debugging reports success there while failing, TOOLCHAIN.md):
//  1. makes sure a development CA and a localhost certificate exist, without sudo, in
//     $ASSESS_CERT_DIR (default ~/.office-addin-dev-certs, where the Office tooling keeps them);
//  2. runs `webpack serve` (https, port 3000) as its own child and records its pid for `npm stop`;
//  3. prints how to trust the CA and how to sideload into Excel on the web.
// Ctrl+C (or SIGTERM) stops everything this script started.
"use strict";

const fs = require("fs");
const https = require("https");
const net = require("net");
const os = require("os");
const path = require("path");
const { X509Certificate } = require("crypto");
const { spawn, spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const PORT = 3000;
const ORIGIN = `https://localhost:${PORT}`;
const CERT_DIR = process.env.ASSESS_CERT_DIR || path.join(os.homedir(), ".office-addin-dev-certs");
const CERT_FILES = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
const CERT_DAYS = 365;
// Read by scripts/stop.js (same path there).
const PID_FILE = path.join(ROOT, "node_modules", ".cache", "assess", "dev-server.json");
const MANIFEST = path.join(ROOT, "manifest.xml");
const WEBPACK_CLI = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });

const log = (msg = "") => console.log(msg);

function certPaths() {
  return Object.fromEntries(Object.entries(CERT_FILES).map(([k, f]) => [k, path.join(CERT_DIR, f)]));
}

/** Why the certificates need (re)generating, or "" if they are fine for at least another day. */
function certificateProblem() {
  const p = certPaths();
  const missing = Object.values(p).filter((f) => !fs.existsSync(f));
  if (missing.length) return `missing ${missing.map((f) => path.basename(f)).join(", ")}`;
  try {
    const ca = new X509Certificate(fs.readFileSync(p.ca));
    const leaf = new X509Certificate(fs.readFileSync(p.cert));
    if (!leaf.checkIssued(ca) || !leaf.verify(ca.publicKey)) return "localhost.crt was not issued by ca.crt";
    if (!leaf.checkHost("localhost")) return "localhost.crt does not cover localhost";
    const dayFromNow = Date.now() + 24 * 3600 * 1000;
    if (new Date(leaf.validTo).getTime() < dayFromNow || new Date(ca.validTo).getTime() < dayFromNow) {
      return `expired or expiring (${leaf.validTo})`;
    }
  } catch (err) {
    return `unreadable (${err.message})`;
  }
  return "";
}

/** Generates a CA and a localhost certificate with office-addin-dev-certs (pure JS, no sudo). */
async function ensureCertificates() {
  const problem = certificateProblem();
  if (!problem) return false;
  log(`Certificates in ${CERT_DIR}: ${problem}; generating a new development CA and localhost certificate.`);
  const p = certPaths();
  // office-addin-dev-certs writes nothing when ca.crt exists, and keeps no CA key to sign a new leaf with.
  for (const f of Object.values(p)) fs.rmSync(f, { force: true });
  const { generateCertificates } = require("office-addin-dev-certs");
  await generateCertificates(p.ca, p.cert, p.key, CERT_DAYS);
  fs.chmodSync(p.key, 0o600);
  const again = certificateProblem();
  if (again) throw new Error(`generated certificates are not usable: ${again}`);
  return true;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "localhost", () => server.close(() => resolve(true)));
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPidFile() {
  try {
    return JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
  } catch {
    return null;
  }
}

/** Resolves when the server answers with the CA we generated (the same check a browser makes once it trusts it). */
async function waitForServer(child, timeoutMs = 120000) {
  const ca = fs.readFileSync(certPaths().ca);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    const status = await new Promise((resolve) => {
      const req = https.get(`${ORIGIN}/taskpane.html`, { ca, timeout: 5000 }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", () => resolve(0));
      req.on("timeout", () => req.destroy());
    });
    if (status === 200) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function printInstructions(serverPid) {
  const ca = certPaths().ca;
  const caInfo = new X509Certificate(fs.readFileSync(ca));
  log(`
================================================================================
 考核助手 ASSESS dev server: ${ORIGIN}/taskpane.html   (pid ${serverPid})
 Stop: Ctrl+C here, or \`npm stop\` from another terminal.
================================================================================

 1. Trust the development CA once (it signs the localhost certificate):
      ${ca}   (valid until ${caInfo.validTo})
    Debian/Ubuntu system store (curl, wget, …):
      sudo cp "${ca}" /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates
    Chrome / Chromium (they use their own NSS store, not the system one):
      sudo apt-get install -y libnss3-tools
      certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i "${ca}"
      (or chrome://settings/certificates → Authorities → Import → ca.crt → trust for websites)
    Firefox: Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import.
    Then restart the browser and open ${ORIGIN}/taskpane.html: it must load without a warning.

 2. Sideload into Excel on the web (no desktop Excel on Linux):
      Open a workbook in Excel on the web (https://www.office.com → Excel),
      Home → Add-ins → More add-ins → Upload My Add-in → choose
      ${MANIFEST}
    The 考核助手 group appears on the Home tab; the functions are =ASSESS.COMPOSITE(…) etc.
    (=考核.综合得分(…) under a Chinese Excel).
`);
}

async function startLinux() {
  const previous = readPidFile();
  if (previous && isAlive(previous.server)) {
    console.error(`A dev server started by npm start is already running (pid ${previous.server}). Run \`npm stop\` first.`);
    return 1;
  }
  if (!(await portIsFree(PORT))) {
    console.error(`Port ${PORT} is in use by another program; free it and try again.`);
    return 1;
  }
  const regenerated = await ensureCertificates();
  if (regenerated) log("A new CA was generated: trust it again (instructions below) if you trusted an older one.");

  // Own process group, so one signal reaches webpack and anything it spawns.
  const child = spawn(process.execPath, [WEBPACK_CLI, "serve", "--mode", "development", "--config-name", "excel"], {
    cwd: ROOT,
    env: { ...process.env, ASSESS_CERT_DIR: CERT_DIR },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, JSON.stringify({ server: child.pid, supervisor: process.pid, started: new Date().toISOString() }));

  let stopping = false;
  const removePidFile = () => {
    const current = readPidFile();
    if (current && current.server === child.pid) fs.rmSync(PID_FILE, { force: true });
  };
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping the dev server (pid ${child.pid})…`);
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 5000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));
  process.on("exit", () => {
    removePidFile();
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  });

  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const ready = await waitForServer(child);
  if (ready && !stopping) printInstructions(child.pid);
  else if (!stopping) console.error(`The dev server did not answer on ${ORIGIN} (see its output above).`);

  const { code, signal } = await exited;
  removePidFile();
  if (stopping) {
    log("Dev server stopped.");
    return 0;
  }
  console.error(`The dev server exited (${signal || `code ${code}`}).`);
  return code || 1;
}

function run(command, args) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  return r.status === null ? 1 : r.status;
}

async function startDesktop() {
  // Generates and trusts the dev certificates (may prompt), as Microsoft's templates do.
  const devCerts = require("office-addin-dev-certs");
  await devCerts.ensureCertificatesAreInstalled();
  const built = run(process.execPath, [WEBPACK_CLI, "--mode", "development", "--config-name", "excel"]);
  if (built !== 0) return built;
  const debugging = require.resolve("office-addin-debugging/cli.js", { paths: [ROOT] });
  const devServer = `node "${WEBPACK_CLI}" serve --mode development --config-name excel`;
  return run(process.execPath, [debugging, "start", MANIFEST, "desktop", "--dev-server", devServer, "--dev-server-port", String(PORT)]);
}

const main = process.platform === "win32" || process.platform === "darwin" ? startDesktop : startLinux;
main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
