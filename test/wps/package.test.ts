// npm run package:wps: the offline package, checked against what WPS requires of each file (README
// "WPS 表格"): the add-in folder <name>_<version> with ribbon.xml at its root, the .7z WPS installs from
// a jsplugins.xml entry (one such folder inside, 7z's signature first — what WPS's publish page checks),
// publish.xml for a user's jsaddons folder, the jsplugins.xml template, and the Linux all-users script
// run against a scratch oem.ini. Needs 7-Zip (apt-get install 7zip): under CI=true its absence fails.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseElements } from "../../scripts/validate-manifest";
import { ROOT } from "../support/dist";
import { describeIfPresent } from "../support/prerequisites";
import { ensureWpsDist, WPS_DIST } from "../support/wps-dist";

const sevenZip = ["7zz", "7z", "7za"].find((c) => !spawnSync(c, ["i"], { stdio: "ignore" }).error) ?? null;
const maybe = describeIfPresent({ suite: "test/wps/package (the offline WPS package)", needs: "7-Zip (7zz, 7z or 7za)", found: sevenZip !== null, install: "apt-get install -y 7zip" });

jest.setTimeout(180_000);

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const FOLDER = `assess_${VERSION}`;
const OUT = path.join(ROOT, "test-output", "wps-package");

maybe("the offline package (npm run package:wps)", () => {
  beforeAll(() => {
    if (!sevenZip) throw new Error("7-Zip is missing (7zz, 7z or 7za): the offline package cannot be built. apt-get install 7zip");
    ensureWpsDist();
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "package-wps.js")], { cwd: ROOT, env: { ...process.env, ASSESS_WPS_PACKAGE: path.relative(ROOT, OUT) }, stdio: "pipe" });
  });

  const listing = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listing(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name])).sort();

  test("the package holds the add-in folder, the .7z, publish.xml, the jsplugins.xml template, the Linux script and INSTALL.txt", () => {
    expect(fs.readdirSync(OUT).sort()).toEqual(["INSTALL.txt", "assess.7z", FOLDER, "install-all-users.sh", "jsplugins.xml.template", "publish.xml"].sort());
    const files = listing(path.join(OUT, FOLDER));
    for (const f of ["ribbon.xml", "manifest.xml", "functions.json", "index.html", "main.js", "taskpane.html", "taskpane.js", "taskpane.css", "images/compute.svg", "images/open.svg"]) expect(files).toContain(f);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    // The folder is the build, file for file (source maps left out).
    expect(files).toEqual(listing(WPS_DIST).filter((f) => !f.endsWith(".map")));
    expect(fs.readFileSync(path.join(OUT, FOLDER, "ribbon.xml"), "utf8").startsWith("<customUI")).toBe(true);
    expect(fs.statSync(path.join(OUT, "install-all-users.sh")).mode & 0o777).toBe(0o755);
  });

  test("assess.7z: a 7z archive (WPS checks the signature) holding exactly the add-in folder", () => {
    const archive = path.join(OUT, "assess.7z");
    const head = fs.readFileSync(archive).subarray(0, 6);
    expect([...head]).toEqual([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]); // "7z" BC AF 27 1C
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "assess-7z-"));
    try {
      execFileSync(sevenZip as string, ["x", "-y", `-o${scratch}`, archive], { stdio: "pipe" });
      expect(fs.readdirSync(scratch)).toEqual([FOLDER]);
      const inside = listing(path.join(scratch, FOLDER));
      expect(inside).toEqual(listing(path.join(OUT, FOLDER)));
      for (const f of inside) expect(fs.readFileSync(path.join(scratch, FOLDER, f)).equals(fs.readFileSync(path.join(OUT, FOLDER, f)))).toBe(true);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  test("publish.xml: one et add-in, its folder beside it, enabled as wpsjs's installer writes it", () => {
    const { elements } = parseElements(fs.readFileSync(path.join(OUT, "publish.xml"), "utf8"));
    expect(elements.map((e) => e.name)).toEqual(["jsplugins", "jsplugin"]);
    expect(elements[1].attrs).toEqual({ name: "assess", type: "et", url: FOLDER, version: VERSION, enable: "enable_dev", install: "null", customDomain: "" });
  });

  test("jsplugins.xml.template: the offline package by URL, to fill in", () => {
    const { elements } = parseElements(fs.readFileSync(path.join(OUT, "jsplugins.xml.template"), "utf8"));
    expect(elements.map((e) => e.name)).toEqual(["jsplugins", "jsplugin"]);
    expect(elements[1].attrs).toEqual({ name: "assess", type: "et", url: "{{PACKAGE_URL}}", version: VERSION, enable: "true" });
  });

  describe("install-all-users.sh on a scratch machine", () => {
    let scratch: string;
    beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), "assess-install-"))));
    afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));
    const install = (oem: string) =>
      execFileSync("sh", [path.join(OUT, "install-all-users.sh")], { env: { ...process.env, ASSESS_PREFIX: path.join(scratch, "opt", "assess"), WPS_OEM_INI: oem }, encoding: "utf8" });

    test("sets JsApiPlugin and JSPluginsServer, keeps every other line, and does it once however often it runs", () => {
      const oem = path.join(scratch, "oem.ini");
      const original = "[Setup]\nLANG_ID=2052\n\n[Support]\nJsApiShowWebDebugger=true\nJsApiPlugin=false\n\n[Feature]\nx=1\n";
      fs.writeFileSync(oem, original);
      install(oem);
      install(oem);
      const prefix = path.join(scratch, "opt", "assess");
      expect(fs.readFileSync(oem, "utf8")).toBe(`[Setup]\nLANG_ID=2052\n\n[Support]\nJsApiShowWebDebugger=true\nJsApiPlugin=true\n\n[Feature]\nx=1\n[Server]\nJSPluginsServer=${prefix}/jsplugins.xml\n`);
      expect(fs.readFileSync(`${oem}.before-assess`, "utf8")).toContain("JsApiPlugin=true"); // the second run's backup
      const list = parseElements(fs.readFileSync(path.join(prefix, "jsplugins.xml"), "utf8")).elements;
      expect(list[1].attrs.url).toBe(`file://${prefix}/assess.7z`);
      expect(fs.readFileSync(path.join(prefix, "assess.7z")).equals(fs.readFileSync(path.join(OUT, "assess.7z")))).toBe(true);
    });

    test("an oem.ini with a [Server] section but no [Support]: both keys land in their sections", () => {
      const oem = path.join(scratch, "oem.ini");
      fs.writeFileSync(oem, "[server]\nJSPluginsServer=http://old/jsplugins.xml\nOther=1\n");
      install(oem);
      const prefix = path.join(scratch, "opt", "assess");
      expect(fs.readFileSync(oem, "utf8")).toBe(`[server]\nJSPluginsServer=${prefix}/jsplugins.xml\nOther=1\n[Support]\nJsApiPlugin=true\n`);
    });

    test("no oem.ini: exit 2 with the reason, nothing installed", () => {
      const r = spawnSync("sh", [path.join(OUT, "install-all-users.sh")], { env: { ...process.env, ASSESS_PREFIX: path.join(scratch, "p"), WPS_OEM_INI: path.join(scratch, "missing.ini") }, encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("oem.ini not found");
      expect(fs.existsSync(path.join(scratch, "p"))).toBe(false);
    });
  });
});
