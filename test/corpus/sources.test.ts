// test/corpus/SOURCES.md names, for every corpus file, the program that wrote it, where it comes
// from and its licence: every file in the corpus folders is listed, and every file listed as made
// here is in test/corpus/files or test/corpus/broken.
import { BROKEN_LOCAL_DIR, BROKEN_SHARED_DIR, LOCAL_DIR, SHARED_DIR, sourcesSection, xlsxIn } from "./files";

const LICENCES = ["MIT", "BSD-3-Clause", "Apache-2.0", "MIT OR Apache-2.0"];
const section = sourcesSection;

describe("test/corpus/SOURCES.md", () => {
  const local = section("Made here");
  const shared = section("Other projects' fixtures");
  const brokenLocal = section("Broken or odd, made here");
  const brokenShared = section("Broken or odd, from other projects");
  const repos = new Map(section("Repositories").map(([repo, commit, licence]) => [repo, { commit, licence }]));

  test("lists exactly the files in test/corpus/files and test/corpus/broken, each with its writer and what it was made from", () => {
    expect(local.map((r) => r[0]).sort()).toEqual(xlsxIn(LOCAL_DIR));
    expect(brokenLocal.map((r) => r[0]).sort()).toEqual(xlsxIn(BROKEN_LOCAL_DIR));
    for (const [file, writer, from] of [...local, ...brokenLocal]) expect({ file, writer: writer.length > 3, from: from.length > 3 }).toEqual({ file, writer: true, from: true });
  });

  test("names for each fixture from another project its writer, repository, path, commit and a licence that allows redistribution", () => {
    expect(shared.length).toBeGreaterThan(0);
    for (const [file, writer, repo, where, commit, licence] of [...shared, ...brokenShared]) {
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

  test("no file is listed twice, and every file in ../shared/corpus/files and ../shared/corpus/broken is listed", () => {
    const names = [...local, ...shared, ...brokenLocal, ...brokenShared].map((r) => r[0]);
    expect(names.length).toBe(new Set(names).size);
    const listed = new Set(shared.map((r) => r[0]));
    const listedBroken = new Set(brokenShared.map((r) => r[0]));
    expect({ files: xlsxIn(SHARED_DIR).filter((n) => !listed.has(n)), broken: xlsxIn(BROKEN_SHARED_DIR).filter((n) => !listedBroken.has(n)) }).toEqual({ files: [], broken: [] });
  });
});
