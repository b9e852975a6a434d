// File input and output for the CLI. Writes are atomic: a temporary file in the target's own
// folder, flushed, then renamed over the target, so a reader never sees half a workbook.
import { randomBytes } from "node:crypto";
import { open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const target = resolve(path);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(tmp, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  try {
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export type ReadOutcome = { ok: true; data: Uint8Array } | { ok: false; reason: "not-found" | "directory" | "other"; detail: string };

export async function readInput(path: string): Promise<ReadOutcome> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { ok: false, reason: "directory", detail: "EISDIR" };
    return { ok: true, data: new Uint8Array(await readFile(path)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "other", detail: code ?? String(e) };
  }
}

export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const first = (err && err.message ? err.message : String(e)).split("\n")[0];
  return err && err.code ? `${err.code}: ${first}` : first;
}
