// Argument parsing for `assess` (INTERFACES.md §4). No dependency: the grammar is small.
import type { Message } from "../engine/types";
import { say } from "../i18n/cli";

export type Command = "rank" | "validate" | "policy" | "sample" | "notices" | "help";

export interface CliArgs {
  command: Command;
  input?: string;
  out?: string;
  policy?: string;
  json: boolean;
  printDefault: boolean;
  seed?: string;
  cadres?: string;
  /** --feedback-date YYYY-MM-DD (rank; default: today). */
  feedbackDate?: string;
  /** --today YYYY-MM-DD (rank; default: the system date), for reproducible overdue marks. */
  today?: string;
  /** --fill-performance: blank P cells of the annual table from the unit totals. */
  fillPerformance: boolean;
  /** --fill-survey: blank 幸福感/满意度/安全感 cells of the unit table from the survey answers. */
  fillSurvey: boolean;
  /** --fill-ballots: blank 民主测评 cells of the annual table from the ballots. */
  fillBallots: boolean;
  /** --issuer TEXT (notices): the issuing office. */
  issuer?: string;
  /** --date YYYY-MM-DD (notices): the notices' date (default: today). */
  date?: string;
  /** --cadres (notices): add each unit's team and cadres. */
  cadresInNotices: boolean;
}

export class UsageError extends Error {
  constructor(public readonly detail: Message) {
    super(detail.en);
    this.name = "UsageError";
  }
}

const VALUE_OPTIONS = new Set(["--out", "--policy", "--seed", "--cadres", "--feedback-date", "--today", "--issuer", "--date"]);
const FLAG_OPTIONS = new Set(["--json", "--print-default", "--fill-performance", "--fill-survey", "--fill-ballots"]);
const VALUE_KEYS: Record<string, "out" | "policy" | "seed" | "cadres" | "feedbackDate" | "today" | "issuer" | "date"> = {
  "--issuer": "issuer",
  "--date": "date",
  "--out": "out",
  "--policy": "policy",
  "--seed": "seed",
  "--cadres": "cadres",
  "--feedback-date": "feedbackDate",
  "--today": "today",
};
const ALLOWED: Record<Exclude<Command, "help">, string[]> = {
  rank: ["--out", "--policy", "--json", "--feedback-date", "--today", "--fill-performance", "--fill-survey", "--fill-ballots"],
  validate: ["--policy", "--json", "--fill-performance", "--fill-survey", "--fill-ballots"],
  policy: ["--print-default", "--policy", "--json"],
  sample: ["--out", "--seed", "--cadres"],
  notices: ["--out", "--policy", "--issuer", "--date", "--cadres", "--fill-performance", "--fill-survey", "--fill-ballots"],
};
const ALIASES: Record<string, string> = { "-o": "--out", "-p": "--policy" };

export function parseArgs(argv: readonly string[]): CliArgs {
  if (argv[0] === "help" || argv.some((a) => a === "--help" || a === "-h")) return { command: "help", json: false, printDefault: false, fillPerformance: false, fillSurvey: false, fillBallots: false, cadresInNotices: false };
  if (argv.length === 0) throw new UsageError(say.missingCommand());
  const [command, ...rest] = argv;
  if (!(command in ALLOWED)) throw new UsageError(say.unknownCommand(command));
  const cmd = command as Exclude<Command, "help">;
  const args: CliArgs = { command: cmd, json: false, printDefault: false, fillPerformance: false, fillSurvey: false, fillBallots: false, cadresInNotices: false };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--") {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (a.startsWith("-") && a !== "-") {
      const eq = a.indexOf("=");
      let name = eq > 0 ? a.slice(0, eq) : a;
      name = ALIASES[name] ?? name;
      if (!VALUE_OPTIONS.has(name) && !FLAG_OPTIONS.has(name)) throw new UsageError(say.unknownOption(a, cmd));
      if (!ALLOWED[cmd].includes(name)) throw new UsageError(say.unknownOption(name, cmd));
      // --cadres takes a number for sample and is a flag for notices (add the cadres to each notice).
      if (cmd === "notices" && name === "--cadres") {
        if (eq > 0) throw new UsageError(say.unknownOption(a, cmd));
        args.cadresInNotices = true;
        continue;
      }
      if (FLAG_OPTIONS.has(name)) {
        if (eq > 0) throw new UsageError(say.unknownOption(a, cmd));
        if (name === "--json") args.json = true;
        else if (name === "--fill-performance") args.fillPerformance = true;
        else if (name === "--fill-survey") args.fillSurvey = true;
        else if (name === "--fill-ballots") args.fillBallots = true;
        else args.printDefault = true;
        continue;
      }
      let value: string | undefined;
      if (eq > 0) value = a.slice(eq + 1);
      else if (i + 1 < rest.length && !(rest[i + 1].startsWith("--") && rest[i + 1].length > 2)) value = rest[++i];
      if (value === undefined || value === "") throw new UsageError(say.missingValue(name));
      args[VALUE_KEYS[name]] = value;
      continue;
    }
    positional.push(a);
  }
  if (cmd === "rank" || cmd === "validate" || cmd === "notices") {
    if (positional.length === 0) throw new UsageError(say.missingInput(cmd));
    args.input = positional[0];
    if (positional.length > 1) throw new UsageError(say.extraArgument(positional[1]));
    if (cmd === "notices" && args.out === undefined) throw new UsageError(say.noticesNeedOut());
  } else if (positional.length > 0) {
    throw new UsageError(say.extraArgument(positional[0]));
  }
  return args;
}
