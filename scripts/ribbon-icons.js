// Renders the ribbon icons of the Excel manifest (assets/compute-*.png, assets/validate-*.png at 16, 32
// and 80 px) from the same drawings the WPS ribbon uses (assets/wps/*.svg), in Debian's chromium, so that
// both hosts show the same pictures. Run once after changing a drawing: node scripts/ribbon-icons.js
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const ROOT = path.resolve(__dirname, "..");
const SIZES = [16, 32, 80];

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    for (const name of ["compute", "validate"]) {
      const svg = fs.readFileSync(path.join(ROOT, "assets", "wps", `${name}.svg`), "utf8");
      for (const size of SIZES) {
        await page.setViewportSize({ width: size, height: size });
        const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
        await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
        await page.waitForFunction("document.images[0].complete");
        const file = path.join(ROOT, "assets", `${name}-${size}.png`);
        await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        console.log(path.relative(ROOT, file));
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
