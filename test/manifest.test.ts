// manifest.xml: the XML schema (xmllint, offline) and what the schema cannot see (scripts/validate-manifest.js).
// Outside CI a missing xmllint skips the schema tests, named at the end of the run; with CI=true it fails.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkManifest, DEFAULT_SCHEMA, parseElements, runXmllint, xmllintAvailable } from "../scripts/validate-manifest";
import { ROOT, ensureDist } from "./support/dist";
import { testIfPresent } from "./support/prerequisites";

const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");
const schemaTest = testIfPresent({
  suite: "test/manifest (manifest.xml against Microsoft's schema)",
  needs: `xmllint and the schemas at ${DEFAULT_SCHEMA}`,
  found: xmllintAvailable() && fs.existsSync(DEFAULT_SCHEMA),
  install: "apt-get install -y libxml2-utils (the schemas come with ../shared)",
});

describe("manifest.xml schema", () => {

  schemaTest("validates against OfficeAppManifestV1_1.xsd with xmllint --nonet", () => {
    expect({ xmllint: xmllintAvailable(), schema: fs.existsSync(DEFAULT_SCHEMA) ? "found" : DEFAULT_SCHEMA }).toEqual({
      xmllint: true,
      schema: "found",
    });
    const r = runXmllint(MANIFEST, DEFAULT_SCHEMA);
    expect(r.output).toMatch(/validates/);
    expect(r.ok).toBe(true);
  });

  schemaTest("xmllint rejects a broken manifest (the schema check is live)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assess-manifest-"));
    const broken = path.join(dir, "manifest.xml");
    fs.writeFileSync(broken, xml.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"));
    try {
      const r = runXmllint(broken, DEFAULT_SCHEMA);
      expect(r.ok).toBe(false);
      expect(r.output).toMatch(/Permissions/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("manifest.xml checks beyond the schema", () => {
  test("no problems, and every localhost URL names a file of the build", () => {
    expect(checkManifest(xml, { distDir: ensureDist() })).toEqual([]);
  });

  const { elements } = parseElements(xml);
  const all = (name: string) => elements.filter((e) => e.name === name);
  const resource = (id: string) => elements.find((e) => e.attrs.id === id && e.parents.includes("Resources"));
  const zhOverride = (id: string) => resource(id)?.children.find((c) => c.attrs.Locale === "zh-CN")?.attrs.Value;

  test("every URL is https://localhost:3000/… (the dev server)", () => {
    const urls = elements.flatMap((e) => Object.entries(e.attrs).filter(([k, v]) => !k.startsWith("xmlns") && /:\/\//.test(v)).map(([, v]) => v));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\/[\w./-]+$/);
  });

  test("shared runtime: one long-lived runtime, the same page for functions, function file and task pane", () => {
    const runtimes = all("Runtime");
    expect(runtimes.map((r) => r.attrs)).toEqual([{ resid: "Taskpane.Url", lifetime: "long" }]);
    const page = all("SourceLocation").find((e) => e.parent?.name === "Page");
    expect(page?.attrs.resid).toBe("Taskpane.Url");
    expect(all("FunctionFile").map((e) => e.attrs.resid)).toEqual(["Taskpane.Url"]);
    const showTaskpane = all("Action").find((e) => e.attrs["xsi:type"] === "ShowTaskpane");
    expect(showTaskpane?.children.find((c) => c.name === "SourceLocation")?.attrs.resid).toBe("Taskpane.Url");
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    expect(xml).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1\.1"\/>/);
  });

  test("custom functions: namespace ASSESS (考核 under zh-CN), zh-CN metadata override", () => {
    const ns = all("Namespace")[0];
    expect(resource(ns.attrs.resid)?.attrs.DefaultValue).toBe("ASSESS");
    expect(zhOverride(ns.attrs.resid)).toBe("考核");
    const metadata = all("SourceLocation").find((e) => e.parent?.name === "Metadata");
    expect(resource(metadata!.attrs.resid)?.attrs.DefaultValue).toBe("https://localhost:3000/functions.json");
    expect(zhOverride(metadata!.attrs.resid)).toBe("https://localhost:3000/functions.zh-CN.json");
    const script = all("SourceLocation").find((e) => e.parent?.name === "Script");
    expect(resource(script!.attrs.resid)?.attrs.DefaultValue).toBe("https://localhost:3000/functions.js");
  });

  test("icons referenced by the manifest are PNGs of the size they claim", () => {
    const pngSize = (file: string): [number, number] => {
      const b = fs.readFileSync(file);
      expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    };
    for (const img of elements.filter((e) => e.name === "bt:Image" && e.attrs.id)) {
      const size = Number(/(\d+)x\d+/.exec(img.attrs.id)?.[1]);
      const file = path.join(ROOT, img.attrs.DefaultValue.replace("https://localhost:3000/", ""));
      expect(pngSize(file)).toEqual([size, size]);
    }
    expect(pngSize(path.join(ROOT, "assets", "icon-64.png"))).toEqual([64, 64]);
  });

  describe("the checker catches what the schema misses", () => {
    const problems = (edit: (s: string) => string) => checkManifest(edit(xml)).join("\n");

    test("a resid that names no resource", () => {
      expect(problems((s) => s.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Labl"/>'))).toMatch(/Group\.Labl.*names no resource/);
    });
    test("a resid of the wrong kind", () => {
      expect(problems((s) => s.replace('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'))).toMatch(/needs a ShortString/);
    });
    test("a resid longer than 32 characters", () => {
      expect(problems((s) => s.replace(/Group\.Label"/g, "Group.Label.Which.Is.Far.Too.Long.X\""))).toMatch(/longer than 32/);
    });
    test("an http URL", () => {
      expect(problems((s) => s.replace("https://localhost:3000/assets/icon-64.png", "http://localhost:3000/assets/icon-64.png"))).toMatch(/not https/);
    });
    test("an AppDomain", () => {
      expect(problems((s) => s.replace("  <Hosts>\n", "  <AppDomains><AppDomain>https://example.com</AppDomain></AppDomains>\n  <Hosts>\n"))).toMatch(/AppDomains/);
    });
    test("another permission", () => {
      expect(problems((s) => s.replace(">ReadWriteDocument<", ">ReadDocument<"))).toMatch(/Permissions must be ReadWriteDocument/);
    });
    test("a string without its zh-CN override", () => {
      expect(problems((s) => s.replace('<bt:Override Locale="zh-CN" Value="考核助手已就绪"/>', ""))).toMatch(/GetStarted\.Title.*zh-CN/);
    });
    test("an unused resource", () => {
      expect(
        problems((s) => s.replace("</bt:Urls>", '  <bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/taskpane.html"/>\n      </bt:Urls>')),
      ).toMatch(/Unused\.Url.*never referenced/);
    });
    test("a URL whose file is not in the build", () => {
      expect(checkManifest(xml.replace("assets/icon-80.png", "assets/icon-81.png"), { distDir: ensureDist() }).join("\n")).toMatch(/icon-81\.png is not in dist/);
    });
  });
});

describe("dist/taskpane.html, the page the manifest points at", () => {
  const html = () => fs.readFileSync(path.join(ensureDist(), "taskpane.html"), "utf8");

  test("hosts both bundles (shared runtime): office.js first, then functions.js, then the pane (fluent.js, taskpane.js)", () => {
    const scripts = [...html().matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([expect.stringMatching(/office\.js$/), "functions.js", "fluent.js", "taskpane.js"]);
    // office.js loads synchronously, before functions.js calls CustomFunctions.associate.
    expect(html()).toMatch(/<script src="?[^"\s>]*office\.js"?><\/script>/);
  });

  test("loads office.js from Microsoft's CDN (production build) or the local copy (ASSESS_LOCAL_OFFICE_JS=1)", () => {
    const src = /<script\b[^>]*\bsrc="?([^"\s>]*office\.js)/.exec(html())?.[1];
    if (process.env.ASSESS_LOCAL_OFFICE_JS === "1") {
      expect(src).toBe("office-js/office.js");
    } else {
      expect(src).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    }
    for (const f of ["office.js", "o15apptofilemappingtable.js", "excel-web-16.00.js", "zh-cn/office_strings.js"]) {
      expect({ f, exists: fs.existsSync(path.join(ensureDist(), "office-js", f)) }).toEqual({ f, exists: true });
    }
  });

  test("a CSP names no host but Microsoft's office.js CDN", () => {
    const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html())?.[1] ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    const hosts = csp.match(/https?:\/\/[^\s;]+/g) ?? [];
    expect([...new Set(hosts)]).toEqual(["https://appsforoffice.microsoft.com"]);
  });
});
