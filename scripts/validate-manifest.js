#!/usr/bin/env node
// Offline validation of manifest.xml (`npm run validate`):
//  1. XML schema: xmllint against Microsoft's published schemas in ../shared/schemas/office-manifest/xmllint
//     (`office-addin-manifest validate` needs an online service that is unreachable here);
//  2. what the schema cannot see: every resid resolves to a resource of the right kind and is at most
//     32 characters, every resource is used, every URL is https, no AppDomains, ReadWriteDocument,
//     every user-visible string has a zh-CN override, the metadata URL has a zh-CN override;
//  3. when dist/ is built: every https://localhost:3000/… URL names a file in dist/.
// Usage: node scripts/validate-manifest.js [manifest.xml] [--skip-schema]
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_MANIFEST = path.join(ROOT, "manifest.xml");
const DEFAULT_SCHEMA =
  process.env.ASSESS_MANIFEST_SCHEMA ||
  path.join(ROOT, "..", "shared", "schemas", "office-manifest", "xmllint", "OfficeAppManifestV1_1.xsd");
const DEV_ORIGIN = "https://localhost:3000/";
const ZH = "zh-CN";

// Which kind of resource each referencing element needs.
const KIND_BY_ELEMENT = {
  SourceLocation: "Url",
  Runtime: "Url",
  FunctionFile: "Url",
  LearnMoreUrl: "Url",
  "bt:Image": "Image",
  Label: "ShortString",
  Title: "ShortString",
  Namespace: "ShortString",
  Description: "LongString",
};
const KIND_BY_SECTION = { "bt:Images": "Image", "bt:Urls": "Url", "bt:ShortStrings": "ShortString", "bt:LongStrings": "LongString" };

/** A flat list of the elements of an XML text (comments removed), each with its attributes and parent path. */
function parseElements(xml) {
  const text = xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  const elements = [];
  const stack = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
  let m;
  while ((m = tag.exec(text))) {
    const [, closing, name, rawAttrs, selfClosing] = m;
    if (closing) {
      stack.pop();
      continue;
    }
    const attrs = {};
    for (const a of rawAttrs.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = a[2];
    const line = text.slice(0, m.index).split("\n").length;
    const element = { name, attrs, parents: stack.map((e) => e.name), parent: stack[stack.length - 1], line, children: [] };
    if (element.parent) element.parent.children.push(element);
    elements.push(element);
    if (!selfClosing) stack.push(element);
  }
  return { elements, text };
}

/**
 * The checks the schema cannot make. Returns a list of problems ("line N: …"); empty when all is well.
 * @param {string} xml the manifest text
 * @param {{ distDir?: string }} [options] when distDir is given, dev-server URLs must name files in it
 */
function checkManifest(xml, options = {}) {
  const problems = [];
  const { elements, text } = parseElements(xml);
  const at = (e, msg) => problems.push(`line ${e.line}: ${msg}`);

  // Resources: id → kind, with their zh-CN overrides.
  const resources = new Map();
  for (const e of elements) {
    const section = e.parents[e.parents.length - 1];
    const kind = KIND_BY_SECTION[section];
    if (!kind || !("id" in e.attrs)) continue;
    if (resources.has(e.attrs.id)) at(e, `resource id "${e.attrs.id}" is defined twice`);
    if (e.attrs.id.length > 32) at(e, `resource id "${e.attrs.id}" is longer than 32 characters`);
    resources.set(e.attrs.id, { kind, element: e, used: false });
  }

  // References: every resid resolves, to the right kind.
  for (const e of elements) {
    if (!("resid" in e.attrs)) continue;
    const id = e.attrs.resid;
    if (id.length > 32) at(e, `resid "${id}" is longer than 32 characters`);
    const resource = resources.get(id);
    if (!resource) {
      at(e, `<${e.name} resid="${id}"> names no resource`);
      continue;
    }
    resource.used = true;
    const wanted = KIND_BY_ELEMENT[e.name];
    if (wanted && wanted !== resource.kind) at(e, `<${e.name} resid="${id}"> needs a ${wanted}, but "${id}" is a ${resource.kind}`);
  }
  for (const [id, r] of resources) if (!r.used) at(r.element, `resource "${id}" is never referenced`);

  // URLs: https only; dev-server URLs must exist in dist/ when it is given.
  for (const e of elements) {
    for (const [attr, value] of Object.entries(e.attrs)) {
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || attr.startsWith("xmlns")) continue;
      if (!value.startsWith("https://")) {
        at(e, `${e.name}/@${attr} "${value}" is not https`);
        continue;
      }
      if (options.distDir && value.startsWith(DEV_ORIGIN)) {
        const rel = decodeURIComponent(value.slice(DEV_ORIGIN.length).split(/[?#]/)[0]);
        if (!fs.existsSync(path.join(options.distDir, rel))) at(e, `${value} is not in ${path.basename(options.distDir)}/ (${rel})`);
      }
    }
  }

  // Top-level settings.
  const find = (name) => elements.filter((e) => e.name === name && e.parents.length === 1);
  if (elements.some((e) => e.name === "AppDomain" || e.name === "AppDomains")) {
    problems.push("AppDomains must stay empty: the add-in needs no other host");
  }
  const permissions = /<Permissions>\s*([^<]*?)\s*<\/Permissions>/.exec(text);
  if (!permissions || permissions[1] !== "ReadWriteDocument") {
    problems.push(`Permissions must be ReadWriteDocument, found ${permissions ? `"${permissions[1]}"` : "none"}`);
  }
  const id = /<Id>\s*([^<]*?)\s*<\/Id>/.exec(text);
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id[1])) problems.push("Id must be a GUID");

  // Localization: user-visible strings and the functions metadata have a zh-CN override.
  const hasZh = (e) => e.children.some((c) => /(^|:)Override$/.test(c.name) && c.attrs.Locale === ZH);
  for (const name of ["DisplayName", "Description"]) {
    for (const e of find(name)) if (!hasZh(e)) at(e, `<${name}> has no ${ZH} override`);
  }
  for (const [rid, r] of resources) {
    if ((r.kind === "ShortString" || r.kind === "LongString") && !hasZh(r.element)) at(r.element, `string "${rid}" has no ${ZH} override`);
  }
  const metadataRef = elements.find((e) => e.name === "SourceLocation" && e.parent && e.parent.name === "Metadata");
  const metadata = metadataRef && resources.get(metadataRef.attrs.resid);
  if (!metadata) problems.push("no custom functions <Metadata> URL");
  else if (!hasZh(metadata.element)) at(metadata.element, `the functions metadata URL has no ${ZH} override`);
  const namespaceRef = elements.find((e) => e.name === "Namespace");
  if (!namespaceRef) problems.push("no custom functions <Namespace>");

  return problems;
}

function xmllintAvailable() {
  const r = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return !r.error && r.status === 0;
}

/** Runs xmllint; `ok` is true when the manifest validates. */
function runXmllint(manifestPath = DEFAULT_MANIFEST, schemaPath = DEFAULT_SCHEMA) {
  const r = spawnSync("xmllint", ["--nonet", "--noout", "--schema", schemaPath, manifestPath], { encoding: "utf8" });
  if (r.error) return { ok: false, status: null, output: String(r.error.message) };
  return { ok: r.status === 0, status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}

function main(argv) {
  const args = argv.filter((a) => !a.startsWith("--"));
  const skipSchema = argv.includes("--skip-schema");
  const manifestPath = path.resolve(args[0] || DEFAULT_MANIFEST);
  let failed = false;

  if (skipSchema) {
    console.log("schema: skipped (--skip-schema)");
  } else if (!fs.existsSync(DEFAULT_SCHEMA)) {
    console.error(`schema: ${DEFAULT_SCHEMA} not found (set ASSESS_MANIFEST_SCHEMA, or pass --skip-schema)`);
    failed = true;
  } else if (!xmllintAvailable()) {
    console.error("schema: xmllint not found. Install it: apt-get install -y libxml2-utils (or pass --skip-schema)");
    failed = true;
  } else {
    const r = runXmllint(manifestPath, DEFAULT_SCHEMA);
    console.log(`schema: ${r.ok ? "OK" : "FAILED"} (xmllint, exit ${r.status})`);
    if (!r.ok) {
      console.error(r.output);
      failed = true;
    }
  }

  const distDir = path.join(ROOT, "dist");
  const built = fs.existsSync(path.join(distDir, "taskpane.html"));
  const problems = checkManifest(fs.readFileSync(manifestPath, "utf8"), built ? { distDir } : {});
  if (problems.length) {
    console.error(`checks: ${problems.length} problem(s) in ${path.relative(process.cwd(), manifestPath)}`);
    for (const p of problems) console.error(`  ${p}`);
    failed = true;
  } else {
    console.log("checks: OK (resids, https, AppDomains, Permissions, zh-CN overrides)");
  }
  console.log(built ? "files: every localhost URL checked against dist/" : "files: dist/ not built, URL targets not checked (npm run build)");
  return failed ? 1 : 0;
}

module.exports = { checkManifest, parseElements, runXmllint, xmllintAvailable, DEFAULT_SCHEMA, DEFAULT_MANIFEST };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
