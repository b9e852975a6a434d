// webpack loader for the WPS build: rewrites the JavaScript of packages in node_modules (Fluent's web
// components, fast-element, the focusgroup polyfill, tslib, and the rest) to ES2017 with TypeScript's
// own transpiler, as src/ is. WPS's embedded Chromium can be older than the syntax those packages ship
// (`?.`, `??`, `??=`, class fields, `#private`); one token it cannot parse and the whole pane is blank.
// Class fields keep their define semantics (useDefineForClassFields). Syntax only: APIs are not
// polyfilled (README, WPS 表格: the minimum Chromium).
"use strict";
const ts = require("typescript");

module.exports = function downlevel(source, map) {
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath,
    compilerOptions: {
      allowJs: true,
      target: ts.ScriptTarget.ES2017,
      module: ts.ModuleKind.ESNext,
      useDefineForClassFields: true,
      importHelpers: false,
      sourceMap: this.sourceMap,
      inlineSources: this.sourceMap,
    },
  });
  this.callback(null, out.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ""), out.sourceMapText ? JSON.parse(out.sourceMapText) : map);
};
