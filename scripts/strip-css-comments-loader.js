// webpack loader for Fluent's component style modules (@fluentui/web-components/…/*.styles.js): drops the
// /* … */ comments of their CSS, which sits in template literals where Terser keeps it as string content.
// Those comments hold links to browser bug trackers, and the built bundles are checked to name no URL
// but Office.js's (test/reliability/leaks.test.ts). A style module holds no "/*" inside a string.
"use strict";

module.exports = function stripCssComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, "");
};
