// `assess`, the command line (INTERFACES.md §4): parses arguments and calls the actions with the
// exceljs adapter. Exit status 0 done (warnings allowed), 1 the input has errors (results still
// written for valid rows), 2 could not run — then with one line on stderr, Chinese and English.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { computeRanking } from "../actions/computeRanking";
import { ActionError } from "../actions/errors";
import { buildReport } from "../actions/report";
import { validateWorkbook } from "../actions/validate";
import { canonicalPolicyJson, defaultPolicy, DEFAULT_POLICY_DOCUMENT, loadPolicy, Policy } from "../engine/policy";
import type { Message } from "../engine/types";
import { WorkbookError } from "../workbook/port";
import { XlsxWorkbook } from "../workbook/xlsx";
import { CliArgs, parseArgs, UsageError } from "./args";
import { errorText, readInput, writeFileAtomic } from "./files";
import { policySummary, rankSummary, validateSummary } from "./format";
import { line, say, USAGE } from "./text";

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

async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  const read = await readInput(path);
  if (!read.ok) {
    if (read.reason === "not-found") throw new CannotRun(say.inputNotFound(path));
    if (read.reason === "directory") throw new CannotRun(say.inputIsDirectory(path));
    throw new CannotRun(say.inputUnreadable(path, { zh: read.detail, en: read.detail }));
  }
  try {
    return await XlsxWorkbook.load(read.data);
  } catch (e) {
    if (e instanceof WorkbookError) throw new CannotRun(say.inputUnreadable(path, e.detail));
    throw e;
  }
}

async function rank(args: CliArgs, io: Io): Promise<number> {
  const policy = await readPolicy(args.policy);
  const input = args.input as string;
  const wb = await openWorkbook(input);
  const sha256 = policySha256(policy);
  const result = await computeRanking(wb, policy);
  const report = buildReport({ name: policy.name, sha256 }, result.analysis.tables, result.analysis.findings);
  if (args.out !== undefined) {
    try {
      await writeFileAtomic(args.out, await wb.toBuffer());
    } catch (e) {
      throw new CannotRun(say.cannotWrite(args.out, errorText(e)));
    }
  }
  if (args.json) io.stdout(JSON.stringify(report, null, 2) + "\n");
  else io.stdout(rankSummary(`考核助手 ASSESS — 计算排名 rank: ${input}`, policy, sha256, result.summary, result.analysis.findings));
  io.stderr(line(args.out !== undefined ? say.written(resolve(args.out)) : say.notWritten()) + "\n");
  return result.summary.errors > 0 ? EXIT.inputErrors : EXIT.ok;
}

async function validate(args: CliArgs, io: Io): Promise<number> {
  const policy = await readPolicy(args.policy);
  const input = args.input as string;
  const wb = await openWorkbook(input);
  const sha256 = policySha256(policy);
  const result = await validateWorkbook(wb, policy);
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
        throw new CannotRun(say.notImplemented("sample"));
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof CannotRun || e instanceof ActionError || e instanceof WorkbookError) {
      io.stderr(line(e.detail) + "\n");
    } else {
      io.stderr(line(say.internal(errorText(e))) + "\n");
    }
    return EXIT.cannotRun;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
