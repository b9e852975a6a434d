// LibreOffice and poppler for tests that look at a file as a person would: convert it with LibreOffice
// (a reader we did not write) to PDF, read the PDF's text and word boxes with pdftotext, render pages
// to PNG with pdftoppm. Those tests are declared with lookTestFor(suite): outside CI a missing program
// skips them with the skips banner (prerequisites.ts), with CI=true they fail (.ci/run installs the programs).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { testIfPresent, which } from "./prerequisites";

export const SOFFICE = which("soffice") ?? which("libreoffice");
export const PDFTOTEXT = which("pdftotext");
export const PDFTOPPM = which("pdftoppm");
export const PDFINFO = which("pdfinfo");

/** LibreOffice and poppler are here. */
export const lookingPossible = Boolean(SOFFICE && PDFTOTEXT && PDFTOPPM && PDFINFO);
const INSTALL = "apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils";

/** `test` for the tests of `suite` that look through LibreOffice and poppler: when they are missing, skipped with the banner (under CI, failing). */
export function lookTestFor(suite: string): jest.It {
  return testIfPresent({ suite, needs: "LibreOffice and poppler (soffice, pdftotext, pdftoppm, pdfinfo)", found: lookingPossible, install: INSTALL });
}

function must(program: string | null, name: string): string {
  if (!program) throw new Error(`${name} is not installed (${INSTALL})`);
  return program;
}

/** Convert files to PDF with LibreOffice (a scratch profile, so no other instance interferes); the PDFs' paths. */
export function toPdf(files: string[], outDir: string, timeoutMs = 180_000): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "assess-lo-profile-"));
  try {
    const r = spawnSync(must(SOFFICE, "soffice"), ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", outDir, ...files], {
      encoding: "utf8",
      timeout: timeoutMs,
    });
    const pdfs = files.map((f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, "") + ".pdf"));
    const missing = pdfs.filter((p) => !fs.existsSync(p));
    if (missing.length) throw new Error(`LibreOffice did not write ${missing.join(", ")} (status ${r.status}): ${r.stderr || r.stdout}`);
    return pdfs;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The PDF's text, one string per page (pdftotext splits pages with a form feed). */
export function pdfPages(pdf: string, layout = false): string[] {
  const r = spawnSync(must(PDFTOTEXT, "pdftotext"), [...(layout ? ["-layout"] : []), "-enc", "UTF-8", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const pages = r.stdout.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box (points from the page's top left), from pdftotext -bbox. */
export function pdfWords(pdf: string, first = 1, last = first): { pages: { width: number; height: number }[]; words: PdfWord[] } {
  const r = spawnSync(must(PDFTOTEXT, "pdftotext"), ["-bbox", "-enc", "UTF-8", "-f", String(first), "-l", String(last), pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`pdftotext -bbox failed: ${r.stderr}`);
  const pages: { width: number; height: number }[] = [];
  const words: PdfWord[] = [];
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  for (const line of r.stdout.split("\n")) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) pages.push({ width: Number(p[1]), height: Number(p[2]) });
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) words.push({ page: first + pages.length - 1, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: unescape(w[5]) });
  }
  return { pages, words };
}

/** pdfinfo's fields (Pages, Page size …). */
export function pdfInfo(pdf: string): Record<string, string> {
  const r = spawnSync(must(PDFINFO, "pdfinfo"), [pdf], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdfinfo failed: ${r.stderr}`);
  return Object.fromEntries(
    r.stdout
      .split("\n")
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1].trim(), m[2].trim()]),
  );
}

/** Render pages to PNG files (prefix-N.png) for a person to look at; returns their paths. */
export function renderPages(pdf: string, prefix: string, first: number, last: number, dpi = 80): string[] {
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  const r = spawnSync(must(PDFTOPPM, "pdftoppm"), ["-f", String(first), "-l", String(last), "-r", String(dpi), "-png", pdf, prefix], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  const dir = path.dirname(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(path.basename(prefix) + "-") && f.endsWith(".png"))
    .map((f) => path.join(dir, f))
    .sort();
}
