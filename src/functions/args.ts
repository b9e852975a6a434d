// Argument reading for the custom functions: every bad argument becomes #VALUE! with a message
// that names the argument and says why, in Chinese and English (never a silent 0).
import type { CellValue, Message } from "../engine/types";
import { cellText, isBlank, lookupTerm, readNumber, truncate, Vocabulary } from "../engine/values";
import { Policy, yesNoVocabulary } from "../engine/policy";
import { argumentProblem, argumentSentence } from "../i18n/functions";

/** Raised for a bad argument; functions.ts turns it into a CustomFunctions.Error. */
export class ArgumentError extends Error {
  constructor(
    public readonly sentence: Message,
    public readonly kind: "value" | "div0" = "value",
  ) {
    super(`${sentence.zh} | ${sentence.en}`);
    this.name = "ArgumentError";
  }
}

/** Refuse argument `arg` (#VALUE!, or #DIV/0! with kind "div0"), saying why. */
export const fail = (arg: string, problem: Message, kind: "value" | "div0" = "value"): never => {
  throw new ArgumentError(argumentSentence(arg, problem), kind);
};

/** A number in [min, max]; blank, text, booleans and errors are refused. */
export function numberArg(v: unknown, arg: string, min = -Infinity, max = Infinity): number {
  const r = readNumber(v as CellValue);
  if (!r.ok) {
    if (r.reason === "blank") return fail(arg, argumentProblem.blankNumber);
    return fail(arg, argumentProblem.notANumber(r.shown));
  }
  if (r.value < min || r.value > max) return fail(arg, argumentProblem.outOfRange(r.value, min, max));
  return r.value;
}

export function termArg<K extends string>(v: unknown, arg: string, vocab: Vocabulary<K>, blank?: NoInfer<K>): K {
  if (isBlank(v) && blank !== undefined) return blank;
  const t = lookupTerm(v as CellValue, vocab);
  if (t === undefined) {
    const allowed = Object.values<readonly string[]>(vocab).map((x) => x[0]).filter(Boolean);
    const shown = truncate(cellText(v));
    return fail(arg, argumentProblem.notATerm(shown, allowed));
  }
  return t;
}

export function yesNoArg(v: unknown, arg: string, policy: Policy, omitted: boolean): boolean {
  if (v === undefined || v === null) return omitted;
  return termArg(v, arg, yesNoVocabulary(policy), "no") === "yes";
}

/** A range argument as a flat list (row by row). A single value counts as a 1×1 range. */
export function flat(v: unknown): CellValue[] {
  if (Array.isArray(v)) return (v as unknown[]).flatMap((r) => (Array.isArray(r) ? (r as CellValue[]) : [r as CellValue]));
  return [v as CellValue];
}

/** A range argument as rows. */
export function grid(v: unknown, arg: string): CellValue[][] {
  if (!Array.isArray(v) || !v.every(Array.isArray)) return fail(arg, argumentProblem.notARange);
  return v as CellValue[][];
}

export function sameLength(a: unknown[], b: unknown[], argA: string, argB: string) {
  if (a.length !== b.length) fail(argB, argumentProblem.sameLength(b.length, argA, a.length));
}
