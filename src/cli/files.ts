// File input and output for the CLI. Reads take regular files only (never a FIFO, a device such as
// /dev/zero, or a socket) up to MAX_INPUT_BYTES. Writes are atomic: a temporary file in the target's
// own folder, flushed, given the target's permissions (never wider), then renamed over the target,
// so a reader never sees half a workbook; the temporary file is removed when the write fails or the
// process is interrupted (SIGINT, SIGTERM, SIGHUP) before the rename.
import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { chmod, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/** The largest input file read (README "Limits"). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** A target that is not a regular file (a FIFO, a device, a folder): never replaced. */
export class NotRegularFile extends Error {
  readonly code = "ENOTREG";
  constructor(public readonly path: string) {
    super(`ENOTREG: not a regular file, ${path}`);
  }
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const SIGNAL_CODES: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const target = resolve(path);
  let mode: number | null = null;
  try {
    const s = await stat(target);
    if (!s.isFile()) throw new NotRegularFile(path);
    mode = s.mode & 0o7777;
  } catch (e) {
    if (e instanceof NotRegularFile) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw e;
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  // An interrupted run leaves no temporary file: remove it, then end as the signal would have.
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    try {
      unlinkSync(tmp);
    } catch {
      // not created yet, or already renamed
    }
    process.exit(128 + SIGNAL_CODES[signal]);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    // A new file gets 0666 less the umask; a replaced one keeps its own permissions exactly.
    const handle = await open(tmp, "wx", mode === null ? 0o666 : mode & 0o777);
    try {
      if (mode !== null) await chmod(tmp, mode);
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
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}

export type ReadOutcome = { ok: true; data: Uint8Array } | { ok: false; reason: "not-found" | "directory" | "not-regular" | "too-large" | "other"; detail: string };

export async function readInput(path: string): Promise<ReadOutcome> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { ok: false, reason: "directory", detail: "EISDIR" };
    if (!s.isFile()) return { ok: false, reason: "not-regular", detail: "ENOTREG" };
    if (s.size > MAX_INPUT_BYTES) return { ok: false, reason: "too-large", detail: `${Math.round(s.size / 1024 / 1024)} MB` };
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
