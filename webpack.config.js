// Builds the add-in into dist/:
//   functions.js            custom functions (JSDoc → functions.json; associate calls appended by the plugin)
//   functions.json          en-US custom functions metadata (custom-functions-metadata-plugin)
//   functions.zh-CN.json    zh-CN metadata: same ids, Chinese names from the @zh tags (scripts/functions-zh.js)
//   taskpane.js / .html     the task pane; the page also loads functions.js (shared runtime: one page hosts both)
//   fluent.js               Microsoft's Fluent 2 web components (and FAST, their base), split from taskpane.js so
//                           that the pane's own code can be checked for markup sinks apart from the kit's templates
//   taskpane.css, assets/   static files
//   office-js/              a local copy of office.js and the files it loads lazily, for offline tests
//
//
// The same build also makes the WPS 表格 add-in (README "WPS 表格") into dist-wps/ — `--config-name wps`
// (npm run build:wps) makes only that one:
//   index.html + main.js    the add-in's page: ribbon callbacks and custom functions (src/wps/main.ts), a classic script
//   taskpane.html / .js     the same task pane on the WPS host (src/taskpane/wps.ts)
//   ribbon.xml, manifest.xml, functions.json   from scripts/wps-addin.js (functions.json from the same JSDoc)
//   images/, assets/, taskpane.css
// WPS embeds an older Chromium: these bundles target ES2017.
//
// office.js comes from Microsoft's CDN in production builds (the store requires it). Development builds,
// and production builds made with ASSESS_LOCAL_OFFICE_JS=1, load ./office-js/office.js instead.
// `webpack serve` (see scripts/start.js) serves https://localhost:3000 with the certificates in
// ASSESS_CERT_DIR (default ~/.office-addin-dev-certs).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsZhPlugin } = require("./scripts/functions-zh");
const { WpsAddinPlugin } = require("./scripts/wps-addin");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";
const DEV_SERVER_PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

// The CSP of the page. No host besides Microsoft's office.js CDN.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // The engine's worker, from this origin only.
  "worker-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "connect-src 'self'",
  // office.js sets inline styles on elements it creates.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

// office.js loads the host's script (excel-*), the locale strings and o15apptofilemappingtable.js from its
// own folder: without the last one Office.onReady never fires when office.js is served locally.
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "custom-functions-runtime.js",
  "es6-promise.js",
  "excel-web-16.00.js",
  "excel-web-16.00-core.js",
  "excel-win32-16.01.js",
  "excel-win32-16.01-core.js",
  "excel-mac-16.00.js",
  "excel-mac-16.00-core.js",
  "en-us/office_strings.js",
  "zh-cn/office_strings.js",
];

function certificateDirectory() {
  return process.env.ASSESS_CERT_DIR || path.join(os.homedir(), ".office-addin-dev-certs");
}

/** The https options of the dev server, read straight from the certificate files (no sudo, no prompts). */
function httpsServerOptions() {
  const dir = certificateDirectory();
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const options = {};
  for (const [key, file] of Object.entries(files)) {
    const p = path.join(dir, file);
    if (!fs.existsSync(p)) {
      throw new Error(`${p} is missing: run \`npm start\`, which generates the development certificates.`);
    }
    options[key] = fs.readFileSync(p);
  }
  return options;
}

// The WPS pages' CSP: no connection anywhere (scripts, styles and images are the add-in's own files,
// whatever scheme WPS serves them under).
const WPS_CONTENT_SECURITY_POLICY = ["connect-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'"].join("; ");

/** Fluent's style modules without their CSS comments (scripts/strip-css-comments-loader.js says why). */
const FLUENT_STYLES_RULE = {
  test: /[\\/]@fluentui[\\/]web-components[\\/].*\.styles\.js$/,
  use: path.resolve(__dirname, "scripts/strip-css-comments-loader.js"),
};

/** WPS: the packages' JavaScript down to ES2017, the syntax of WPS's embedded Chromium (scripts/downlevel-loader.js). */
const DOWNLEVEL_RULE = {
  test: /\.m?js$/,
  include: /[\\/]node_modules[\\/]/,
  use: path.resolve(__dirname, "scripts/downlevel-loader.js"),
};

function tsRule(target) {
  return {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        configFile: path.resolve(__dirname, "tsconfig.json"),
        // Type-check only what the bundles contain, not every file tsconfig includes (tests, CLI).
        onlyCompileBundledFiles: true,
        // tsconfig.json is for type checking (noEmit); the bundler needs the output.
        compilerOptions: { noEmit: false, module: "es2020", sourceMap: true, target },
        // Each configuration of the build compiles on its own.
        instance: target,
      },
    },
  };
}

/** The WPS 表格 add-in (dist-wps/). */
function wpsConfig(dev) {
  return {
    name: "wps",
    entry: {
      main: "./src/wps/main.ts",
      taskpane: "./src/taskpane/wps.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist-wps"),
      filename: "[name].js",
      // The 反馈通知书 builder loads lazily from beside the page, as one chunk (see the Excel build).
      publicPath: "",
      clean: true,
      // Write every file on every build, even one whose content did not change: the tests' freshness
      // check (test/support/dist.ts) compares the build's files with the sources by modification time,
      // and a skipped write left functions.json older than a changed source, so each suite rebuilt.
      compareBeforeEmit: false,
    },
    optimization: { splitChunks: { cacheGroups: { default: false, defaultVendors: false } } },
    target: ["web", "es2017"],
    devtool: "source-map",
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: { rules: [tsRule("es2017"), FLUENT_STYLES_RULE, DOWNLEVEL_RULE] },
    plugins: [
      // Excel's metadata (with the associate calls the functions file gets) is the source of WPS's functions.json.
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "office-functions.json" }),
      new FunctionsZhPlugin({ input: FUNCTIONS_SOURCE, englishAsset: "office-functions.json", output: "office-functions.zh-CN.json" }),
      new WpsAddinPlugin({ zhAsset: "office-functions.zh-CN.json", officeAssets: ["office-functions.json"], description: "考核助手 ASSESS" }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/wps/index.html",
        chunks: ["main"],
        // A classic, blocking script: WPS calls the ribbon callbacks as this page's global functions.
        scriptLoading: "blocking",
        inject: "head",
        templateParameters: { contentSecurityPolicy: WPS_CONTENT_SECURITY_POLICY },
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "blocking",
        templateParameters: { officeJsUrl: "", contentSecurityPolicy: WPS_CONTENT_SECURITY_POLICY },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/wps/*.svg", to: "images/[name][ext]" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
        ],
      }),
    ],
    performance: { hints: dev ? false : "warning", assetFilter: (name) => name.endsWith(".js") && !name.endsWith(".map") },
  };
}

module.exports = (env, argv) => [excelConfig(env, argv), wpsConfig(argv.mode !== "production")];

function excelConfig(env, argv) {
  const dev = argv.mode !== "production";
  const localOfficeJs = dev || process.env.ASSESS_LOCAL_OFFICE_JS === "1";
  const officeJsDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

  return {
    name: "excel",
    // Entry order is the script order in taskpane.html: functions before the task pane.
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./src/taskpane/taskpane.ts",
      // The engine's Web Worker (src/taskpane/engine.ts): the pane's verbs compute off the page's thread.
      "engine-worker": "./src/taskpane/engine-worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Lazy chunks (notices-docx.js) load from beside the page; a fixed public path also keeps webpack's
      // "auto" detection (which names importScripts) out of the pane's bundle.
      publicPath: "",
      clean: true,
      // Write every file on every build, even one whose content did not change: the tests' freshness
      // check (test/support/dist.ts) compares the build's files with the sources by modification time,
      // and a skipped write left functions.json older than a changed source, so each suite rebuilt.
      compareBeforeEmit: false,
    },
    target: ["web", "es2020"],
    // No eval-based source maps: the page's CSP forbids eval.
    devtool: "source-map",
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: { rules: [tsRule("es2020"), FLUENT_STYLES_RULE] },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new FunctionsZhPlugin({ input: FUNCTIONS_SOURCE, englishAsset: "functions.json", output: "functions.zh-CN.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "fluent", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: {
          officeJsUrl: localOfficeJs ? OFFICE_JS_LOCAL : OFFICE_JS_CDN,
          contentSecurityPolicy: CONTENT_SECURITY_POLICY,
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: `{${OFFICE_JS_FILES.join(",")}}`,
            context: officeJsDist,
            to: "office-js/",
            // Already minified by Microsoft; re-minifying ~8 MB through Terser costs ~30 s.
            info: { minimized: true },
          },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // No other split: the pane's lazily loaded 反馈通知书 builder (session.ts imports noticesDocx
          // when the button is first used) stays one chunk with its docx library, notices-docx.js.
          default: false,
          defaultVendors: false,
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@microsoft[\\/](fast-element|focusgroup-polyfill)|tslib)[\\/]/,
            name: "fluent",
            chunks: (chunk) => chunk.name === "taskpane",
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      assetFilter: (name) => !name.startsWith("office-js/") && !name.endsWith(".map"),
    },
    devServer: {
      port: DEV_SERVER_PORT,
      host: "localhost",
      allowedHosts: "all",
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      static: false,
      client: { overlay: false },
      // Evaluated only by `webpack serve`, so a plain build needs no certificates.
      ...(process.env.WEBPACK_SERVE ? { server: { type: "https", options: httpsServerOptions() } } : {}),
    },
  };
};
