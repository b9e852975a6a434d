// ESLint flat config. TypeScript sources and tests: typescript-eslint's recommended rules; the Node
// build scripts: ESLint's recommended rules. Two house rules are enforced here (DESIGN.md):
//  - layers: each folder of src/ imports only the layers below it (see `LAYERS`), and the engine
//    nothing that needs a host (no Node, no DOM, no Office, no exceljs);
//  - every user-facing sentence lives in src/i18n/: a CJK string literal anywhere else in src/ is an
//    error, except the vocabulary data (column names, status words) and the sample data set.
// `npm run lint` also runs tsc on the whole project and on the host-free layers alone
// (tsconfig.hostfree.json: no DOM, Node or Office types; tsconfig.functions.json: CustomFunctions only).
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const nodeGlobals = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  process: "readonly",
  console: "readonly",
  Buffer: "readonly",
  __dirname: "readonly",
  __filename: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
  setInterval: "readonly",
  clearInterval: "readonly",
};

// ---- Layers -------------------------------------------------------------------------------------
// Folder → the folders of src/ it may import (besides itself). engine and i18n are one layer at the
// bottom (the engine says its sentences through i18n; i18n names columns by the engine's specs).
const FOLDERS = ["engine", "i18n", "sample", "workbook", "actions", "functions", "cli", "taskpane", "wps"];
const LAYERS = {
  engine: ["i18n"],
  i18n: ["engine"],
  sample: ["engine", "i18n"],
  workbook: ["engine", "i18n"],
  actions: ["engine", "i18n", "sample", "workbook"],
  // Faces: they import actions, the engine and the workbook adapters, never each other — except the
  // WPS host, which bundles the custom functions (they register with WPS from its page).
  functions: ["engine", "i18n"],
  cli: ["engine", "i18n", "sample", "workbook", "actions"],
  taskpane: ["engine", "i18n", "sample", "workbook", "actions"],
  wps: ["engine", "i18n", "sample", "workbook", "actions", "functions", "taskpane"],
};
/** What no host-free layer may import: Node's modules, exceljs. (The DOM and Office types are kept out by tsconfig.hostfree.json.) */
const HOST_MODULES = ["node:*", "fs", "fs/*", "path", "os", "crypto", "zlib", "child_process", "exceljs"];
const importsOf = (folder) => FOLDERS.filter((f) => f !== folder && !LAYERS[folder].includes(f)).flatMap((f) => [`../${f}`, `../${f}/**`, `../../${f}`, `../../${f}/**`]);
/** The workbook layer's host-free files (the port, the locator, the one codec, the .xlsx package adapter): tsconfig.hostfree.json compiles them too. */
const HOST_FREE_WORKBOOK = ["src/workbook/port.ts", "src/workbook/locate.ts", "src/workbook/codec.ts", "src/workbook/csv.ts", "src/workbook/chart-xml.ts", "src/workbook/package/**/*.ts"];
const layerRule = (folder, files, hostFree, what = `src/${folder}/`) => ({
  files,
  ignores: ["src/**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: importsOf(folder), message: `src/${folder}/ may import only ${LAYERS[folder].map((f) => `src/${f}/`).join(", ")} (layers: eslint.config.mjs).` },
          ...(hostFree ? [{ group: HOST_MODULES, message: `${what} is host-free: no Node modules, no exceljs.` }] : []),
        ],
      },
    ],
  },
});
const layerRules = [
  ...FOLDERS.map((folder) => layerRule(folder, [`src/${folder}/**/*.ts`], ["engine", "i18n", "sample", "actions", "functions"].includes(folder))),
  layerRule("workbook", HOST_FREE_WORKBOOK, true, "this file of src/workbook/ (HOST_FREE_WORKBOOK in eslint.config.mjs)"),
];

// ---- Sentences ----------------------------------------------------------------------------------
const CJK = "[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]";
const SENTENCES_IN_I18N = "A user-facing sentence or word belongs in src/i18n/ (zh-CN and en-US side by side).";
const i18nRule = {
  files: ["src/**/*.ts"],
  ignores: [
    "src/i18n/**",
    "src/**/*.test.ts",
    // Vocabulary data: the column names of every table kind, the 反馈 sheet's status words.
    "src/engine/headers.ts",
    "src/engine/vocabulary.ts",
    // The sample data set: names, units, scores and the notes on its planted cases.
    "src/sample/**",
  ],
  rules: {
    "no-restricted-syntax": [
      "error",
      { selector: `Literal[value=/${CJK}/]`, message: SENTENCES_IN_I18N },
      { selector: `TemplateElement[value.raw=/${CJK}/]`, message: SENTENCES_IN_I18N },
    ],
  },
};

export default tseslint.config(
  { ignores: ["dist/**", "dist-wps/**", "lib/**", "node_modules/**", "coverage/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The sources: typescript-eslint's type-checked rules (floating promises, unsafe any, misused promises …).
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ["src/**/*.ts"] })),
  {
    files: ["src/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The WorkbookPort is async by contract (Office.js batches); the synchronous adapters (exceljs,
      // WPS) implement its methods without awaiting anything.
      "@typescript-eslint/require-await": "off",
    },
  },
  // Office.js code: load before read, sync before read, no sync in a loop (eslint-plugin-office-addins).
  {
    files: ["src/workbook/office/**/*.ts", "src/taskpane/office-host.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["**/*.ts"],
    rules: {
      // `_name` marks a binding that is deliberately unused (e.g. destructuring a field away).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  ...layerRules,
  i18nRule,
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: nodeGlobals },
    rules: {
      // CommonJS build scripts load their dependencies with require().
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: nodeGlobals },
  },
);
