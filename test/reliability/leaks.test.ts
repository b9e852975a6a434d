// Issue #6, promise 4: nothing leaves the machine. The page's Content-Security-Policy lets scripts
// come only from the add-in itself and Microsoft's Office.js CDN and lets the page connect nowhere
// but its own origin; the built bundles name no remote host; the manifest asks for no AppDomain and
// only ReadWriteDocument; the sources hold no network or telemetry call at all. (The browser suite,
// test/e2e, also asserts that no request leaves localhost while the pane is used.)
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureDist, ROOT } from "../support/dist";

const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** The CSP of a page as directive → sources. */
export function parseCsp(html: string): Map<string, string[]> {
  const m = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(html);
  if (!m) throw new Error("no Content-Security-Policy meta element");
  const out = new Map<string, string[]>();
  for (const part of m[1].split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), ext) : ext.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe("the pane's Content-Security-Policy (dist/taskpane.html)", () => {
  const csp = () => parseCsp(fs.readFileSync(path.join(ensureDist(), "taskpane.html"), "utf8"));

  test("scripts only from the add-in and the Office.js CDN; connections only to the add-in's origin", () => {
    const p = csp();
    expect(p.get("default-src")).toEqual(["'self'"]);
    expect(p.get("script-src")).toEqual(["'self'", OFFICE_CDN]);
    expect(p.get("connect-src")).toEqual(["'self'"]);
    expect(p.get("object-src")).toEqual(["'none'"]);
    expect(p.get("base-uri")).toEqual(["'self'"]);
    expect(p.get("form-action")).toEqual(["'self'"]);
  });

  test("no directive names another host, a scheme-wide source, a wildcard or eval", () => {
    for (const [name, sources] of csp()) {
      for (const s of sources) {
        const ok = s === "'self'" || s === "'none'" || s === "'unsafe-inline'" || s === "data:" || (name === "script-src" && s === OFFICE_CDN);
        expect({ directive: name, source: s, ok }).toEqual({ directive: name, source: s, ok: true });
      }
    }
    // 'unsafe-inline' only for styles (office.js styles the elements it creates), never for scripts.
    expect(csp().get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp().get("script-src")).not.toContain("'unsafe-eval'");
  });

  test("the parser sees a policy that would leak", () => {
    const bad = parseCsp(`<meta http-equiv="Content-Security-Policy" content="default-src *; connect-src 'self' https://telemetry.example">`);
    expect(bad.get("connect-src")).toEqual(["'self'", "https://telemetry.example"]);
  });
});

/**
 * XML namespace names are identifiers that look like addresses and are never loaded: the SVG namespace
 * of the pane's charts (createElementNS), and where the docx library is bundled — the 反馈通知书 chunk
 * the page loads when it makes the notices itself, and the engine's worker, which makes them off the
 * page's thread — the Office Open XML, Dublin Core and W3C namespaces it writes into the document, plus one
 * link inside an error message of that library (more than nine list levels); Strict OOXML names are under purl.oclc.org. Every other URL is foreign.
 */
function namespaceName(file: string, url: string): boolean {
  if (url === "http://www.w3.org/2000/svg") return true;
  if (file !== "notices-docx.js" && file !== "engine-worker.js") return false;
  return /^http:\/\/(schemas\.openxmlformats\.org|schemas\.microsoft\.com\/office|purl\.org\/dc|purl\.oclc\.org\/ooxml|www\.w3\.org)\//.test(url) || url.startsWith("https://answers.microsoft.com/en-us/msoffice/forum/all/does-word-support-more-than-9-list-levels/");
}

describe("no remote code but Office.js", () => {
  test("the built bundles, page and stylesheet name no URL but the Office.js CDN and localhost", () => {
    const dist = ensureDist();
    const built = fs.readdirSync(dist).filter((f) => /\.(js|html|css)$/.test(f));
    expect(built).toEqual(expect.arrayContaining(["taskpane.js", "functions.js", "taskpane.html", "taskpane.css"]));
    const foreign: string[] = [];
    for (const f of built) {
      const text = fs.readFileSync(path.join(dist, f), "utf8");
      for (const url of text.match(/\b(?:https?|wss?):\/\/[^\s"'`<>);]+/g) ?? []) {
        if (url === OFFICE_CDN || url.startsWith(`${OFFICE_CDN}/`) || /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(url)) continue;
        if (namespaceName(f, url)) continue;
        foreign.push(`${f}: ${url}`);
      }
    }
    expect(foreign).toEqual([]);
  });

  test("the page loads exactly one remote script, office.js from Microsoft's CDN", () => {
    const html = fs.readFileSync(path.join(ensureDist(), "taskpane.html"), "utf8");
    const remote = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => /^(https?:)?\/\//.test(src));
    expect(remote).toEqual([`${OFFICE_CDN}/lib/1/hosted/office.js`]);
  });
});

describe("manifest.xml", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");

  test("no AppDomains: the add-in navigates to no other host", () => {
    expect(xml).not.toMatch(/<AppDomains?\b/);
  });

  test("the permission is ReadWriteDocument, nothing wider", () => {
    expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1].trim())).toEqual(["ReadWriteDocument"]);
  });
});

describe("no telemetry: no network call anywhere in src/ or the bundles", () => {
  const NETWORK = /\b(fetch\s*\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|RTCPeerConnection|importScripts|navigator\.connection)\b/;

  test("src/ holds no fetch, XMLHttpRequest, sendBeacon, WebSocket or the like", () => {
    const hits = files(path.join(ROOT, "src"), /\.(ts|js|html)$/).flatMap((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${path.relative(ROOT, f)}:${i + 1}`, line: line.trim() }))
        .filter((x) => NETWORK.test(x.line)),
    );
    expect(hits).toEqual([]);
  });

  test("nor do the built bundles", () => {
    const dist = ensureDist();
    for (const f of ["taskpane.js", "fluent.js", "functions.js", "engine-worker.js", "notices-docx.js"]) {
      const text = fs.readFileSync(path.join(dist, f), "utf8");
      expect({ f, call: NETWORK.exec(text)?.[0] ?? null }).toEqual({ f, call: null });
    }
  });

  test("the check is live", () => {
    expect(NETWORK.test("navigator.sendBeacon(url, data)")).toBe(true);
    expect(NETWORK.test("await fetch(url)")).toBe(true);
    expect(NETWORK.test("const x = new XMLHttpRequest()")).toBe(true);
  });
});
