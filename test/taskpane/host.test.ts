// The pane's host seam (src/taskpane/host.ts): the session and the views know no host, and the
// Office host reads Office's theme.
import * as fs from "fs";
import * as path from "path";
import { luminance, themeOf } from "../../src/taskpane/office-host";

const PANE = path.resolve(__dirname, "..", "..", "src", "taskpane");

describe("host-agnostic pane", () => {
  // Everything in src/taskpane except the Office boot, the Office host and the Office settings.
  const OFFICE_FILES = new Set(["taskpane.ts", "office-host.ts", "settings.ts"]);
  const files = fs.readdirSync(PANE).filter((f) => f.endsWith(".ts") && !OFFICE_FILES.has(f));

  test.each(files)("%s uses no Office.js and not the Office adapter", (file) => {
    const src = fs.readFileSync(path.join(PANE, file), "utf8").replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
    expect(src).not.toMatch(/workbook\/office["']/);
    expect(src).not.toMatch(/\b(Office|Excel|OfficeExtension)\.[A-Za-z]/);
  });
});

describe("Office theme", () => {
  test("luminance: black 0, white 1, #RGB read as #RRGGBB, anything else null", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#FFFFFF")).toBe(1);
    expect(luminance("#fff")).toBe(1);
    expect(luminance("white")).toBeNull();
    expect(luminance(undefined)).toBeNull();
  });

  test("isDarkTheme decides when Office gives it", () => {
    expect(themeOf({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" })).toEqual({ dark: true, background: "#FFFFFF" });
    expect(themeOf({ isDarkTheme: false })).toEqual({ dark: false });
  });

  test("else the body background: Excel's dark grey (#262626) is dark, its white and light grey (#E6E6E6) are not", () => {
    // #262626: 0x26/255 = 0.149 → ((0.149+0.055)/1.055)^2.4 = 0.0194 < 0.35
    expect(themeOf({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" })).toEqual({ dark: true, background: "#262626", foreground: "#FFFFFF" });
    // #E6E6E6: 0.902 → 0.791 ≥ 0.35
    expect(themeOf({ bodyBackgroundColor: "#E6E6E6" })?.dark).toBe(false);
    expect(themeOf({ bodyBackgroundColor: "#FFFFFF" })?.dark).toBe(false);
  });

  test("no theme, or colours that are not colours: null (the pane follows the system)", () => {
    expect(themeOf(undefined)).toBeNull();
    expect(themeOf({})).toBeNull();
    expect(themeOf({ bodyBackgroundColor: "transparent" })).toBeNull();
  });
});
