// Where the corpus files are: test/corpus/files and test/corpus/broken (made here, committed) and,
// beside the repository, ../shared/corpus/files and ../shared/corpus/broken (fixtures from other
// projects' repositories, kept in the shared folder, not in this repository; SOURCES.md).
// ASSESS_CORPUS_SHARED names another folder in place of ../shared/corpus.
import * as fs from "node:fs";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "../..");
export const LOCAL_DIR = path.join(REPO, "test/corpus/files");
export const BROKEN_LOCAL_DIR = path.join(REPO, "test/corpus/broken");
export const SHARED_ROOT = path.resolve(REPO, process.env.ASSESS_CORPUS_SHARED ?? "../shared/corpus");
export const SHARED_DIR = path.join(SHARED_ROOT, "files");
export const BROKEN_SHARED_DIR = path.join(SHARED_ROOT, "broken");

export interface CorpusFile {
  name: string;
  file: string;
  where: "local" | "shared";
}

/** The .xlsx/.xlsm files of a folder, by name (none when the folder is not there). */
export function xlsxIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => /\.(xlsx|xlsm)$/i.test(n)).sort() : [];
}

export function corpusFiles(): CorpusFile[] {
  return [...xlsxIn(LOCAL_DIR).map((name) => ({ name, file: path.join(LOCAL_DIR, name), where: "local" as const })), ...xlsxIn(SHARED_DIR).map((name) => ({ name, file: path.join(SHARED_DIR, name), where: "shared" as const }))];
}

/** The table rows (cells trimmed, backticks dropped) of the SOURCES.md section whose heading starts with `heading`. */
export function sourcesSection(heading: string): string[][] {
  const text = fs.readFileSync(path.join(__dirname, "SOURCES.md"), "utf8");
  const start = text.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`SOURCES.md has no section "${heading}"`);
  const end = text.indexOf("\n## ", start + 3);
  return text
    .slice(start, end < 0 ? undefined : end)
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|\s*(file|repository)\s*\|/.test(l) && !/^\|[-|\s]+\|$/.test(l))
    .map((l) => l.slice(1, -1).split("|").map((c) => c.trim().replace(/^`|`$/g, "")));
}
