// `assess`, the command line (INTERFACES.md §4): parses arguments and calls the actions with the
// package adapter (src/workbook/package; exceljs only writes the sample workbook). Exit status 0 done (warnings allowed), 1 the input has errors (results still
// written for valid rows), 2 could not run — then with one line on stderr, Chinese and English.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { computeRanking } from "../actions/computeRanking";
import { ActionError } from "../actions/errors";
import { buildReport } from "../actions/report";
import { validateWorkbook } from "../actions/validate";
import { insertSample } from "../actions/sample";
import { planNotices } from "../actions/notices";
import { localToday, parseDate } from "../engine/dates";
import { FeedbackDateError } from "../engine/feedback";
import { DEFAULT_CADRES, DEFAULT_SEED, MAX_CADRES, MIN_CADRES } from "../sample";
import { canonicalPolicyJson, defaultPolicy, DEFAULT_POLICY_DOCUMENT, loadPolicy, Policy } from "../engine/policy";
import type { Message } from "../engine/types";
import { WorkbookError } from "../workbook/port";
import { PackageWorkbook } from "../workbook/package/workbook";
import { sniff } from "../workbook/package/sniff";
import { decodeCsv, parseCsv } from "../workbook/csv";
import { fileSay } from "../i18n/workbook";
import * as zlib from "node:zlib";
import { isAscii } from "node:buffer";
import { promisify } from "node:util";
import type { PackageOptions } from "../workbook/package/opc";
import { CliArgs, parseArgs, UsageError } from "./args";
import { errorText, NotRegularFile, readInput, writeFileAtomic } from "./files";
import { policySummary, rankSummary, sampleSummary, validateSummary } from "./format";
import { line, report, say, usage } from "../i18n/cli";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: Io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

/** A failure that ends the command with exit status 2 and one line on stderr. */
class CannotRun extends Error {
  constructor(public readonly detail: Message) {
    super(detail.en);
  }
}

export const EXIT = { ok: 0, inputErrors: 1, cannotRun: 2 } as const;

export function policySha256(policy: Policy): string {
  return createHash("sha256").update(canonicalPolicyJson(policy), "utf8").digest("hex");
}

export async function readPolicy(path: string | undefined): Promise<Policy> {
  if (path === undefined) return defaultPolicy();
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CannotRun(say.policyNotFound(path));
    throw new CannotRun(say.policyNotJson(path, errorText(e)));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new CannotRun(say.policyNotJson(path, errorText(e)));
  }
  const loaded = loadPolicy(json);
  if (!loaded.policy) {
    throw new CannotRun(say.policyInvalid(path, loaded.findings.map((f) => f.message)));
  }
  return loaded.policy;
}

/**
 * Node's native codecs for the package adapter (PackageOptions.host): zlib's deflate is twice as fast
 * as fflate's on a 60 MB sheet, zlib's CRC-32 (Node 20.15+) ten times, Buffer's UTF-8 writer several.
 */
/**
 * Raw deflate on libuv's thread pool, a big part in 8 MB pieces side by side (as pigz does): each piece
 * is primed with the 32 KB before it and ends on a byte boundary (a sync flush), the last one finishes
 * the stream, so the pieces joined are one deflate stream. Level 4: close to level 6's size in half the time.
 */
const PIECE = 8 * 1024 * 1024;
async function deflateInParallel(data: Uint8Array): Promise<Uint8Array> {
  const deflateRaw = promisify(zlib.deflateRaw) as (buf: Uint8Array, options: zlib.ZlibOptions) => Promise<Buffer>;
  if (data.length <= PIECE) return deflateRaw(data, { level: 4 });
  const pieces: Promise<Buffer>[] = [];
  for (let at = 0; at < data.length; at += PIECE) {
    const end = Math.min(data.length, at + PIECE);
    const options: zlib.ZlibOptions = { level: 4, finishFlush: end === data.length ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH };
    if (at > 0) options.dictionary = data.subarray(Math.max(0, at - 32768), at);
    pieces.push(deflateRaw(data.subarray(at, end), options));
  }
  return new Uint8Array(Buffer.concat(await Promise.all(pieces)));
}

const zlibCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
const NODE_HOST: PackageOptions["host"] = {
  deflate: deflateInParallel,
  // zlib stops at maxOutputLength (a RangeError): the package adapter then reports the entry as damaged.
  // One output chunk of the declared size (it is within the limits): zlib's default 16 KB chunks were
  // joined in a second buffer, a copy of the whole part (a 47 MB sheet: 0.4 s of a 100,000-row run).
  inflate: (raw, limit) => zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, limit), chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, limit) }),
  ...(zlibCrc32 ? { crc32: (data: Uint8Array) => zlibCrc32(data) >>> 0 } : {}),
  utf8: (pieces) => {
    let size = 0;
    for (const p of pieces) size += p.length;
    let buf = Buffer.allocUnsafe(size);
    let at = 0;
    for (const p of pieces) {
      // A piece beyond ASCII takes up to three bytes per character: grow when it may not fit.
      if (at + p.length * 3 > buf.length && at + Buffer.byteLength(p, "utf8") > buf.length) {
        const next = Buffer.allocUnsafe(Math.max(buf.length * 2, at + Buffer.byteLength(p, "utf8")));
        buf.copy(next, 0, 0, at);
        buf = next;
      }
      at += buf.write(p, at, "utf8");
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, at);
  },
  // A part of ASCII only (a big sheet's XML nearly always is) as one copy, without UTF-8 decoding.
  ascii: (bytes) => (isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1") : null),
};

/**
 * The workbook through the package adapter (src/workbook/package). A file it cannot read ends the
 * command with one sentence saying what the file is and what to do; there is no other reader to fall
 * back on, so nothing is ever half-read or written by a second writer.
 */
async function openWorkbook(path: string): Promise<PackageWorkbook> {
  const read = await readInput(path);
  if (!read.ok) {
    if (read.reason === "not-found") throw new CannotRun(say.inputNotFound(path));
    if (read.reason === "directory") throw new CannotRun(say.inputIsDirectory(path));
    if (read.reason === "not-regular") throw new CannotRun(say.inputNotRegular(path));
    if (read.reason === "too-large") throw new CannotRun(say.inputUnreadable(path, fileSay.tooLarge(read.detail, fileSay.limitFile())));
    throw new CannotRun(say.inputUnreadable(path, { zh: read.detail, en: read.detail }));
  }
  if (/\.et$/i.test(path) && sniff(read.data) === "xls") throw new CannotRun(say.inputUnreadable(path, fileSay.et()));
  if (isCsv(path)) {
    // A CSV file becomes a one-sheet workbook named after the file; rank writes it as a new .xlsx.
    let text: string;
    try {
      text = decodeCsv(read.data).text;
    } catch {
      throw new CannotRun(say.inputUnreadable(path, fileSay.csvEncoding()));
    }
    return PackageWorkbook.fromRows(sheetNameOf(path), parseCsv(text), { host: NODE_HOST });
  }
  try {
    return PackageWorkbook.open(read.data, { host: NODE_HOST });
  } catch (e) {
    if (e instanceof WorkbookError) throw new CannotRun(say.inputUnreadable(path, e.detail));
    throw e;
  }
}

const isCsv = (path: string) => /\.csv$/i.test(path);

/** A sheet name from a file name: at most 31 characters, none of : \ / ? * [ ]. */
function sheetNameOf(path: string): string {
  const name = basename(path).replace(/\.[^.]*$/, "").replace(/[:\\/?*[\]]/g, "_").trim().slice(0, 31);
  return name || "Sheet1";
}

/** A date option (YYYY-MM-DD; 2024/5/4 and 2024年5月4日 are read too) as YYYY-MM-DD, or a usage error. */
function dateOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const d = parseDate(value);
  if (d === null) throw new UsageError(say.badDate(option, value));
  return d;
}

/** Which blank input cells to fill: P from the unit totals, H/S/A from the survey, D from the ballots. */
const fills = (args: CliArgs) => ({ fillPerformance: args.fillPerformance, fillSurvey: args.fillSurvey, fillBallots: args.fillBallots });

async function rank(args: CliArgs, io: Io): Promise<number> {
  const today = dateOption(args.today, "--today") ?? localToday();
  const feedbackDate = dateOption(args.feedbackDate, "--feedback-date") ?? today;
  const policy = await readPolicy(args.policy);
  const input = args.input as string;
  // A file that is not a workbook (CSV) is never written over: its results go to a new .xlsx.
  if (args.out !== undefined && isCsv(input) && (resolve(args.out) === resolve(input) || !/\.xlsx$/i.test(args.out))) throw new CannotRun(say.csvOut(args.out));
  const wb = await openWorkbook(input);
  // Excel opens a package only under a name that matches it: macros in .xlsm, none in .xlsx.
  if (args.out !== undefined && (wb.macroEnabled ? /\.xlsx$/i : /\.xlsm$/i).test(args.out)) throw new CannotRun(say.outExtension(args.out, wb.macroEnabled));
  const sha256 = policySha256(policy);
  const result = await computeRanking(wb, policy, { ...fills(args), feedback: { feedbackDate, today } });
  if (args.out !== undefined) {
    const bytes = await wb.toBuffer();
    try {
      await writeFileAtomic(args.out, bytes);
    } catch (e) {
      if (e instanceof NotRegularFile) throw new CannotRun(say.outNotRegular(args.out));
      throw new CannotRun(say.cannotWrite(args.out, errorText(e)));
    }
  }
  if (args.json) io.stdout(JSON.stringify(buildReport({ name: policy.name, sha256 }, result.analysis.tables, result.analysis.findings), null, 2) + "\n");
  else io.stdout(rankSummary(report.title("rank", input), policy, sha256, result.summary, result.analysis.findings));
  io.stderr(line(args.out !== undefined ? say.written(resolve(args.out)) : say.notWritten()) + "\n");
  return result.summary.errors > 0 ? EXIT.inputErrors : EXIT.ok;
}

async function validate(args: CliArgs, io: Io): Promise<number> {
  const policy = await readPolicy(args.policy);
  const input = args.input as string;
  const wb = await openWorkbook(input);
  const sha256 = policySha256(policy);
  const result = await validateWorkbook(wb, policy, fills(args));
  if (args.json) io.stdout(JSON.stringify(buildReport({ name: policy.name, sha256 }, result.analysis.tables, result.findings), null, 2) + "\n");
  else io.stdout(validateSummary(report.title("validate", input), policy, sha256, result.analysis, result.errors, result.warnings));
  return result.errors > 0 ? EXIT.inputErrors : EXIT.ok;
}

async function policyCommand(args: CliArgs, io: Io): Promise<number> {
  if (args.printDefault) {
    io.stdout(JSON.stringify(DEFAULT_POLICY_DOCUMENT, null, 2) + "\n");
    return EXIT.ok;
  }
  const policy = await readPolicy(args.policy);
  if (args.json) io.stdout(JSON.stringify(policy, null, 2) + "\n");
  else io.stdout(policySummary(policy, policySha256(policy), args.policy ?? report.policySource.default));
  return EXIT.ok;
}

/** `assess notices`: one .docx with a feedback notice per unit (POLICY.md §12). */
async function notices(args: CliArgs, io: Io): Promise<number> {
  const date = dateOption(args.date, "--date") ?? localToday();
  const policy = await readPolicy(args.policy);
  const input = args.input as string;
  const wb = await openWorkbook(input);
  const plan = await planNotices(wb, policy, { date, issuer: args.issuer, cadres: args.cadresInNotices, ...fills(args) });
  const out = args.out as string;
  // docx is loaded only here: loading it costs every other command a tenth of a second at start-up.
  const { noticesDocx } = await import("../actions/noticesDocx");
  try {
    await writeFileAtomic(out, await noticesDocx(plan));
  } catch (e) {
    throw new CannotRun(say.cannotWrite(out, errorText(e)));
  }
  io.stdout(line(say.noticesWritten(plan.notices.length, resolve(out))) + "\n");
  return plan.findings.some((f) => f.severity === "error") ? EXIT.inputErrors : EXIT.ok;
}

/** A whole-number option within bounds, or a usage error. */
function wholeNumber(value: string | undefined, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(say.badNumber(option, value, min, max));
  return n;
}

export const DEFAULT_SAMPLE_FILE = "assess-sample.xlsx";

async function sample(args: CliArgs, io: Io): Promise<number> {
  const seed = wholeNumber(args.seed, "--seed", 0, 2 ** 32 - 1) ?? DEFAULT_SEED;
  const cadres = wholeNumber(args.cadres, "--cadres", MIN_CADRES, MAX_CADRES) ?? DEFAULT_CADRES;
  const out = args.out ?? DEFAULT_SAMPLE_FILE;
  // The default file name is never overwritten: only a file named by --out is replaced.
  if (args.out === undefined) {
    const exists = await stat(out).then(
      () => true,
      () => false,
    );
    if (exists) throw new CannotRun(say.sampleExists(out));
  }
  // exceljs writes the sample; loaded here only (a third of a second that rank and validate need not pay).
  const [ExcelJS, { XlsxWorkbook }] = await Promise.all([import("exceljs"), import("../workbook/xlsx")]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.creator;
  const wb = XlsxWorkbook.from(workbook);
  const result = await insertSample(wb, { seed, cadres });
  try {
    await writeFileAtomic(out, await wb.toBuffer());
  } catch (e) {
    if (e instanceof NotRegularFile) throw new CannotRun(say.outNotRegular(out));
    throw new CannotRun(say.cannotWrite(out, errorText(e)));
  }
  io.stdout(sampleSummary(out, result));
  io.stderr(line(say.written(resolve(out))) + "\n");
  return EXIT.ok;
}

/** Run the CLI; resolves to the exit status. Never throws. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case "help":
        io.stdout(usage({ seed: DEFAULT_SEED, cadres: DEFAULT_CADRES, minCadres: MIN_CADRES, maxCadres: MAX_CADRES }));
        return EXIT.ok;
      case "rank":
        return await rank(args, io);
      case "validate":
        return await validate(args, io);
      case "policy":
        return await policyCommand(args, io);
      case "sample":
        return await sample(args, io);
      case "notices":
        return await notices(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof CannotRun || e instanceof ActionError || e instanceof WorkbookError) {
      io.stderr(line(e.detail) + "\n");
    } else if (e instanceof FeedbackDateError) {
      io.stderr(e.message.replace(/\s*\n\s*/g, " ") + "\n");
    } else {
      io.stderr(line(say.internal(errorText(e))) + "\n");
    }
    return EXIT.cannotRun;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
