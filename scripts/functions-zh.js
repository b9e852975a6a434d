// Builds the zh-CN custom functions metadata (dist/functions.zh-CN.json) from the same JSDoc that
// custom-functions-metadata-plugin reads for dist/functions.json. The plugin ignores tags it does not
// know, so the Chinese text lives in two extra tags on each custom function:
//
//   @zh <中文函数名> [中文说明…]        required: the function's name under a Chinese Excel (namespace-free)
//   @zhparam <param> <中文参数说明…>    optional, one per parameter: its Chinese description
//
// A missing Chinese description falls back to the English one, so every function and parameter of the
// zh-CN metadata has a description whenever the English metadata has one.
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const PLUGIN_NAME = "FunctionsZhPlugin";
// The rule custom-functions-metadata applies to function names, applied here to the Chinese names too.
const VALID_NAME = /^\p{L}[\p{L}0-9._]*$/u;
const CJK = "\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF";

/** Joins the lines of a JSDoc tag comment: no space between two CJK characters, one space otherwise. */
function joinLines(text) {
  return text
    .replace(new RegExp(`([${CJK}])[ \\t]*\\r?\\n\\s*(?=[${CJK}])`, "g"), "$1")
    .replace(/\s*\r?\n\s*/g, " ")
    .trim();
}

function tagComment(tag) {
  if (tag.comment === undefined) return "";
  return typeof tag.comment === "string" ? tag.comment : tag.comment.map((part) => part.text).join("");
}

/**
 * Reads the @zh and @zhparam tags of every top-level @customfunction in a TypeScript source text.
 * @returns {{ byId: Record<string, {name: string, description: string, params: Record<string, string>}>, errors: string[] }}
 */
function readZhTags(sourceText, fileName = "functions.ts") {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true);
  const byId = {};
  const errors = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement)) continue;
    const tags = ts.getJSDocTags(statement);
    const customFunction = tags.find((t) => t.tagName.text.toLowerCase() === "customfunction");
    if (!customFunction) continue;
    const functionName = statement.name ? statement.name.text : "";
    // Same rule as the metadata generator: the first word of @customfunction, else the function's name, upper-cased.
    const id = (tagComment(customFunction).trim().split(/\s+/)[0] || functionName).toLocaleUpperCase();
    const line = source.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
    const where = `${fileName}:${line} (${id})`;
    const zhTags = tags.filter((t) => t.tagName.text.toLowerCase() === "zh");
    if (zhTags.length !== 1) {
      errors.push(`${where}: needs exactly one "@zh <中文函数名> [中文说明]" tag, found ${zhTags.length}`);
      continue;
    }
    const zhText = joinLines(tagComment(zhTags[0]));
    const match = /^(\S+)\s*(.*)$/s.exec(zhText);
    const name = match ? match[1] : "";
    if (!VALID_NAME.test(name)) {
      errors.push(`${where}: Chinese name "${name}" must start with a letter and hold only letters, digits, "." and "_"`);
      continue;
    }
    const params = {};
    const declared = new Set(statement.parameters.map((p) => p.name.getText(source)));
    for (const tag of tags.filter((t) => t.tagName.text.toLowerCase() === "zhparam")) {
      const m = /^\[?([A-Za-z_$][\w$]*)\]?\s*(?:-\s*)?(.*)$/s.exec(joinLines(tagComment(tag)));
      if (!m || !m[2]) {
        errors.push(`${where}: "@zhparam" needs a parameter name and a description`);
        continue;
      }
      if (!declared.has(m[1])) {
        errors.push(`${where}: "@zhparam ${m[1]}" names no parameter of ${functionName}`);
        continue;
      }
      params[m[1]] = m[2];
    }
    byId[id] = { name, description: match ? match[2] : "", params };
  }
  return { byId, errors };
}

/**
 * Returns the zh-CN metadata: the English metadata with each function's name (and, where given,
 * descriptions) replaced by the Chinese ones. Ids, types and everything else stay identical.
 */
function localizeMetadata(metadata, byId) {
  const errors = [];
  const seen = new Map();
  const functions = metadata.functions.map((fn) => {
    const zh = byId[fn.id];
    if (!zh) {
      errors.push(`${fn.id}: no "@zh" tag, so it has no Chinese name`);
      return fn;
    }
    const folded = zh.name.toLocaleLowerCase();
    if (seen.has(folded)) errors.push(`${fn.id}: Chinese name "${zh.name}" is already used by ${seen.get(folded)}`);
    seen.set(folded, fn.id);
    const out = { ...fn, name: zh.name };
    if (zh.description) out.description = zh.description;
    if (fn.parameters) {
      out.parameters = fn.parameters.map((p) => (zh.params[p.name] ? { ...p, description: zh.params[p.name] } : p));
    }
    return out;
  });
  return { metadata: { ...metadata, functions }, errors };
}

/** Builds the zh-CN metadata JSON text from the English metadata JSON text and the functions source. */
function buildZhMetadata(englishJson, sourceText, fileName) {
  const tags = readZhTags(sourceText, fileName);
  const localized = localizeMetadata(JSON.parse(englishJson), tags.byId);
  return { json: JSON.stringify(localized.metadata, null, 4), errors: [...tags.errors, ...localized.errors] };
}

/**
 * Webpack plugin: after custom-functions-metadata-plugin has added `input`'s metadata as the asset
 * `englishAsset`, emits `output` with the Chinese names. Any problem fails the build.
 */
class FunctionsZhPlugin {
  constructor({ input, englishAsset = "functions.json", output = "functions.zh-CN.json" }) {
    this.input = path.resolve(input);
    this.englishAsset = englishAsset;
    this.output = output;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.fileDependencies.add(this.input);
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const english = compilation.getAsset(this.englishAsset);
          if (!english) {
            // custom-functions-metadata-plugin reported its own errors and wrote no metadata.
            if (compilation.errors.length === 0) {
              compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${this.englishAsset} was not generated`));
            }
            return;
          }
          const { json, errors } = buildZhMetadata(
            english.source.source().toString(),
            fs.readFileSync(this.input, "utf8"),
            path.relative(compiler.context, this.input),
          );
          for (const e of errors) compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${e}`));
          if (errors.length === 0) compilation.emitAsset(this.output, new sources.RawSource(json));
        },
      );
    });
  }
}

module.exports = { FunctionsZhPlugin, readZhTags, localizeMetadata, buildZhMetadata };
