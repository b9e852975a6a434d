/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  testTimeout: 60000,
  // A suite skipped for a missing program (chromium, xmllint, 7-Zip, LibreOffice) is named at the end, with its install command.
  reporters: ["default", "<rootDir>/test/support/skips-reporter.js"],
};
