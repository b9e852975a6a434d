// test/corpus/SOURCES.md names, for every corpus file, the program that wrote it, where it comes
// from and its licence: every file in the corpus folders is listed, and every file listed as made
// here is in test/corpus/files.
import * as fs from "node:fs";
import * as path from "node:path";
import { LOCAL_DIR, SHARED_DIR } from "./files";

const SOURCES = fs.readFileSync(path.join(__dirname, "SOURCES.md"), "utf8");
const LICENCES = ["MIT", "BSD-3-Clause", "Apache-2.0", "MIT OR Apache-2.0"];

/** The table rows (cells trimmed) of the section whose heading starts with `heading`. */
function section(heading: string): string[][] {
  const start = SOURCES.indexOf(`## ${heading}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = SOURCES.indexOf("\n## ", start + 3);
  const body = SOURCES.slice(start, end < 0 ? undefined : end);
  return body
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|\s*(file|repository)\s*\|/.test(l) && !/^\|[-|\s]+\|$/.test(l))
    .map((l) => l.slice(1, -1).split("|").map((c) => c.trim().replace(/^`|`$/g, "")));
}

const corpusNames = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => /\.(xlsx|xlsm)$/i.test(n)).sort() : []);

describe("test/corpus/SOURCES.md", () => {
  const local = section("Made here");
  const shared = section("Other projects' fixtures");
  const repos = new Map(section("Repositories").map(([repo, commit, licence]) => [repo, { commit, licence }]));

  test("lists exactly the files in test/corpus/files, each with its writer and what it was made from", () => {
    expect(local.map((r) => r[0]).sort()).toEqual(corpusNames(LOCAL_DIR));
    for (const [file, writer, from] of local) expect({ file, writer: writer.length > 3, from: from.length > 3 }).toEqual({ file, writer: true, from: true });
  });

  test("names for each fixture from another project its writer, repository, path, commit and a licence that allows redistribution", () => {
    expect(shared.length).toBeGreaterThan(0);
    for (const [file, writer, repo, where, commit, licence] of shared) {
      const r = repos.get(repo);
      expect({ file, writer: writer.length > 3, repo: !!r, path: /\.(xlsx|xlsm)$/i.test(where), commit: !!r && /^[0-9a-f]{12}$/.test(commit) && r.commit.startsWith(commit), licence: LICENCES.includes(licence) && !!r && r.licence.startsWith(licence) }).toEqual({
        file,
        writer: true,
        repo: true,
        path: true,
        commit: true,
        licence: true,
      });
    }
    for (const [repo, { commit }] of repos) expect({ repo, commit: /^[0-9a-f]{40}$/.test(commit) }).toEqual({ repo, commit: true });
  });

  test("no file is listed twice, and every file in ../shared/corpus/files is listed", () => {
    const names = [...local, ...shared].map((r) => r[0]);
    expect(names.length).toBe(new Set(names).size);
    const listed = new Set(shared.map((r) => r[0]));
    expect(corpusNames(SHARED_DIR).filter((n) => !listed.has(n))).toEqual([]);
  });
});
