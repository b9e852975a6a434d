// Where the corpus files are: test/corpus/files (made here, committed) and, beside the repository,
// ../shared/corpus/files (fixtures from other projects' repositories, kept in the shared folder,
// not in this repository). ASSESS_CORPUS_DIRS (paths separated by ':') adds folders.
import * as fs from "node:fs";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "../..");
export const LOCAL_DIR = path.join(REPO, "test/corpus/files");
export const SHARED_DIR = path.resolve(REPO, "../shared/corpus/files");

export interface CorpusFile {
  name: string;
  file: string;
  where: "local" | "shared" | "extra";
}

export function corpusDirs(): { dir: string; where: CorpusFile["where"] }[] {
  const dirs: { dir: string; where: CorpusFile["where"] }[] = [{ dir: LOCAL_DIR, where: "local" }];
  if (fs.existsSync(SHARED_DIR)) dirs.push({ dir: SHARED_DIR, where: "shared" });
  for (const d of (process.env.ASSESS_CORPUS_DIRS ?? "").split(":").filter(Boolean)) dirs.push({ dir: path.resolve(d), where: "extra" });
  return dirs;
}

export function corpusFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  const seen = new Set<string>();
  for (const { dir, where } of corpusDirs()) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!/\.(xlsx|xlsm)$/i.test(name) || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, file: path.join(dir, name), where });
    }
  }
  return out;
}
