// The WPS JS 加载项 files that are not bundles, built from one place (README "WPS 表格" says where each
// rule comes from):
//   ribbon.xml      CustomUI; must begin with "<customUI" — WPS's publish page checks that the response
//                   starts with it, so no XML declaration (wpsjs publish.html; pi-for-excel wps/ribbon.xml).
//                   Callbacks are global functions of the classic script main.js (src/wps/main.ts).
//   manifest.xml    <JsPlugin> with <Functions><Uri>/functions.json</Uri><Namespace>…</Namespace>, at the
//                   add-in root next to ribbon.xml (WPS 加载项自定义函数 docs; wpsjs et template).
//   functions.json  { functions: [{ name, description, parameters: [{ name, description, type }], result: { type } }] }
//                   as wpsjs's functionsScanner writes it: types string / number / bool / any, "[][]" for a
//                   range (two-dimensional only), "?" for an optional parameter; names ^[A-Za-z_][A-Za-z0-9_]*$.
//   publish.xml     the per-user list in the jsaddons folder (wpsjs build --exe writes it with its copy.bat).
//   jsplugins.xml   the list oem.ini's JSPluginsServer points at, with the offline .7z (enterprise / 信创 builds).
// WpsAddinPlugin emits the first three into the WPS build from the same JSDoc as Excel's metadata.
"use strict";

const { sources, WebpackError } = require("webpack");

const ADDIN_NAME = "assess";
const NAMESPACE = "ASSESS";
/** The functions.json name rule of wpsjs's functionsScanner. */
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The ribbon's controls (one list for this file and src/wps/ribbon.ts). Labels come from src/i18n/wps.ts through getLabel. */
const RIBBON = require("../src/wps/ribbon.json");
const RIBBON_BUTTONS = RIBBON.buttons;
const RIBBON_CALLBACKS = ["OnAddinLoad", "OnAction", "GetImage", "OnGetLabel", "OnGetScreentip"];

function escapeXml(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function ribbonXml() {
  const buttons = RIBBON_BUTTONS.map(
    (b) => `          <button id="${b.id}" size="large" getLabel="OnGetLabel" getScreentip="OnGetScreentip" getImage="GetImage" onAction="OnAction"/>`,
  ).join("\n");
  return [
    `<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="OnAddinLoad">`,
    `  <ribbon startFromScratch="false">`,
    `    <tabs>`,
    `      <tab id="${RIBBON.tab}" getLabel="OnGetLabel">`,
    `        <group id="${RIBBON.group}" getLabel="OnGetLabel">`,
    buttons,
    `        </group>`,
    `      </tab>`,
    `    </tabs>`,
    `  </ribbon>`,
    `</customUI>`,
    ``,
  ].join("\n");
}

function manifestXml({ name = ADDIN_NAME, description, namespace = NAMESPACE } = {}) {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<JsPlugin>`,
    `  <ApiVersion>1.0.0</ApiVersion>`,
    `  <Name>${escapeXml(name)}</Name>`,
    `  <Description>${escapeXml(description || "ASSESS")}</Description>`,
    `  <Functions>`,
    `    <Uri>/functions.json</Uri>`,
    `    <Namespace>${escapeXml(namespace)}</Namespace>`,
    `  </Functions>`,
    `</JsPlugin>`,
    ``,
  ].join("\n");
}

/** A parameter or result type of Excel's metadata as wpsjs writes it. */
function wpsType(t) {
  const base = { number: "number", string: "string", boolean: "bool", any: "any" }[t && t.type] || "any";
  return t && t.dimensionality === "matrix" ? `${base}[][]` : base;
}

/**
 * WPS functions.json from the zh-CN custom functions metadata (dist/functions.zh-CN.json's shape): the
 * function name is the Excel id (ASSESS.COMPOSITE in both hosts); the Chinese name leads the description,
 * since WPS's 插入函数 dialog lists functions by name and shows the description.
 */
function wpsFunctions(zhMetadata) {
  const errors = [];
  const functions = zhMetadata.functions.map((f) => {
    if (!FUNCTION_NAME.test(f.id)) errors.push(`${f.id}: not a WPS function name (${FUNCTION_NAME})`);
    return {
      name: f.id,
      description: `${f.name}：${f.description || ""}`,
      parameters: (f.parameters || []).map((p) => ({ name: p.name, description: p.description || "", type: wpsType(p) + (p.optional ? "?" : "") })),
      result: { type: wpsType(f.result) },
    };
  });
  return { json: { functions }, errors };
}

/** The per-user add-in list (%APPDATA%\kingsoft\wps\jsaddons\publish.xml), for a folder <name>_<version> beside it. */
function publishXml({ name = ADDIN_NAME, version }) {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<jsplugins>`,
    `  <jsplugin name="${escapeXml(name)}" type="et" url="${escapeXml(`${name}_${version}`)}" version="${escapeXml(version)}" enable="enable_dev" install="null" customDomain=""/>`,
    `</jsplugins>`,
    ``,
  ].join("\n");
}

/** The list oem.ini's [Server] JSPluginsServer names: the offline package (a .7z) by URL (file:/// for a local copy). */
function jspluginsXml({ name = ADDIN_NAME, version, url }) {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<jsplugins>`,
    `  <jsplugin name="${escapeXml(name)}" type="et" url="${escapeXml(url)}" version="${escapeXml(version)}" enable="true"/>`,
    `</jsplugins>`,
    ``,
  ].join("\n");
}

const PLUGIN_NAME = "WpsAddinPlugin";

/**
 * Emits ribbon.xml, manifest.xml and functions.json into the WPS build. `zhAsset` is the zh-CN metadata
 * FunctionsZhPlugin made in the same compilation; it and `officeAssets` (Excel's metadata, not part of a
 * WPS add-in) are removed from the output.
 */
class WpsAddinPlugin {
  constructor({ zhAsset, officeAssets = [], description }) {
    this.zhAsset = zhAsset;
    this.officeAssets = officeAssets;
    this.description = description;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN_NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL + 1 }, () => {
        const zh = compilation.getAsset(this.zhAsset);
        if (!zh) {
          if (!compilation.errors.length) compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${this.zhAsset} was not generated`));
          return;
        }
        const { json, errors } = wpsFunctions(JSON.parse(zh.source.source().toString()));
        for (const e of errors) compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${e}`));
        compilation.emitAsset("functions.json", new sources.RawSource(JSON.stringify(json, null, 2) + "\n"));
        compilation.emitAsset("ribbon.xml", new sources.RawSource(ribbonXml()));
        compilation.emitAsset("manifest.xml", new sources.RawSource(manifestXml({ description: this.description })));
        for (const name of [this.zhAsset, ...this.officeAssets]) if (compilation.getAsset(name)) compilation.deleteAsset(name);
      });
    });
  }
}

module.exports = { ADDIN_NAME, NAMESPACE, FUNCTION_NAME, RIBBON_BUTTONS, RIBBON_CALLBACKS, ribbonXml, manifestXml, wpsFunctions, wpsType, publishXml, jspluginsXml, WpsAddinPlugin };
