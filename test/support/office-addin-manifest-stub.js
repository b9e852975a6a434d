// Jest stand-in for office-addin-manifest (mapped in jest.config.js). office-addin-mock imports it only for
// the OfficeApp enum, but the real package pulls an ESM-only module that jest cannot load (TOOLCHAIN.md).
"use strict";

const OfficeApp = Object.freeze({
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
});

module.exports = { OfficeApp };
