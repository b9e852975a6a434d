// `assess`, the command line (INTERFACES.md §4): parses arguments and calls the actions with the
// exceljs adapter. Exit status 0 done (warnings allowed), 1 the input has errors (results still
// written for valid rows), 2 could not run — then with one line on stderr, Chinese and English.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import * as ExcelJS from "exceljs";
import { computeRanking } from "../actions/computeRanking";
import { ActionError } from "../actions/errors";
import { buildReport } from "../actions/report";
import { validateWorkbook } from "../actions/validate";
import { insertSample } from "../actions/sample";
import { planNotices } from "../actions/notices";
import { noticesDocx } from "../actions/noticesDocx";
import { FeedbackDateError, parseDate } from "../engine/feedback";
import { DEFAULT_CADRES, DEFAULT_SEED, MAX_CADRES, MIN_CADRES } from "../sample";
import { canonicalPolicyJson, defaultPolicy, DEFAULT_POLICY_DOCUMENT, loadPolicy, Policy } from "../engine/policy";
import type { Message } from "../engine/types";
import { WorkbookError } from "../workbook/port";
import { XlsxWorkbook } from "../workbook/xlsx";
import { PackageWorkbook } from "./xlsx/package";
import { CliArgs, parseArgs, UsageError } from "./args";
import { errorText, readInput, writeFileAtomic } from "./files";
import { policySummary, rankSummary, sampleSummary, validateSummary } from "./format";
import { line, say, USAGE } from "../i18n/cli";

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
    const first = loaded.findings[0]?.message ?? { zh: "未知问题", en: "unknown problem" };
    throw new CannotRun(say.policyInvalid(path, first, Math.max(0, loaded.findings.length - 1)));
  }
  return loaded.policy;
}

/**
 * The workbook through the package adapter (fast, small: issue 5), or through exceljs when the package
 * uses something the package adapter does not read — and for files that are not readable packages at
 * all, whose one-line explanation then comes from exceljs.
 */
async function openWorkbook(path: string): Promise<XlsxWorkbook | PackageWorkbook> {
  const read = await readInput(path);
  if (!read.ok) {
    if (read.reason === "not-found") throw new CannotRun(say.inputNotFound(path));
    if (read.reason === "directory") throw new CannotRun(say.inputIsDirectory(path));
    throw new CannotRun(say.inputUnreadable(path, { zh: read.detail, en: read.detail }));
  }
  try {
    return PackageWorkbook.open(read.data);
  } catch {
    // not handled here: exceljs reads it, or says why it cannot
  }
  try {
    return await XlsxWorkbook.load(read.data);
  } catch (e) {
    if (e instanceof WorkbookError) throw new CannotRun(say.inputUnreadable(path, e.detail));
    throw e;
  }
}

/** Today's calendar date where the command runs (local time), as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(now.getFullYear(), 4)}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
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
  const wb = await openWorkbook(input);
  const sha256 = policySha256(policy);
  const result = await computeRanking(wb, policy, { ...fills(args), feedback: { feedbackDate, today } });
  if (args.out !== undefined) {
    try {
      await writeFileAtomic(args.out, await wb.toBuffer());
    } catch (e) {
      throw new CannotRun(say.cannotWrite(args.out, errorText(e)));
    }
  }
  if (args.json) io.stdout(JSON.stringify(buildReport({ name: policy.name, sha256 }, result.analysis.tables, result.analysis.findings), null, 2) + "\n");
  else io.stdout(rankSummary(`考核助手 ASSESS — 计算排名 rank: ${input}`, policy, sha256, result.summary, result.analysis.findings));
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
  else io.stdout(validateSummary(`考核助手 ASSESS — 校验 validate: ${input}`, policy, sha256, result.analysis, result.errors, result.warnings));
  return result.errors > 0 ? EXIT.inputErrors : EXIT.ok;
}

async function policyCommand(args: CliArgs, io: Io): Promise<number> {
  if (args.printDefault) {
    io.stdout(JSON.stringify(DEFAULT_POLICY_DOCUMENT, null, 2) + "\n");
    return EXIT.ok;
  }
  const policy = await readPolicy(args.policy);
  if (args.json) io.stdout(JSON.stringify(policy, null, 2) + "\n");
  else io.stdout(policySummary(policy, policySha256(policy), args.policy ?? "默认 default"));
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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "考核助手 ASSESS";
  const wb = XlsxWorkbook.from(workbook);
  const result = await insertSample(wb, { seed, cadres });
  try {
    await writeFileAtomic(out, await wb.toBuffer());
  } catch (e) {
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
        io.stdout(USAGE);
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
