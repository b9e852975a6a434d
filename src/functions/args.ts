// Argument reading for the custom functions: every bad argument becomes #VALUE! with a message
// that names the argument and says why, in Chinese and English (never a silent 0).
import { CellValue, isCellError } from "../engine/types";
import { cellText, isBlank, lookupTerm, readNumber, truncate, Vocabulary } from "../engine/values";
import { Policy, yesNoVocabulary } from "../engine/policy";

/** Raised for a bad argument; functions.ts turns it into a CustomFunctions.Error. */
export class ArgumentError extends Error {
  constructor(
    public readonly zh: string,
    public readonly en: string,
    public readonly kind: "value" | "div0" = "value",
  ) {
    super(`${zh} | ${en}`);
    this.name = "ArgumentError";
  }
}

export const fail = (arg: string, zh: string, en: string): never => {
  throw new ArgumentError(`参数 ${arg}：${zh}`, `${arg}: ${en}`);
};

/** A number in [min, max]; blank, text, booleans and errors are refused. */
export function numberArg(v: unknown, arg: string, min = -Infinity, max = Infinity): number {
  const r = readNumber(v as CellValue);
  if (!r.ok) {
    if (r.reason === "blank") return fail(arg, "为空，需要一个数字", "is blank; a number is needed");
    return fail(arg, `“${r.shown}”不是数字`, `"${r.shown}" is not a number`);
  }
  if (r.value < min || r.value > max) return fail(arg, `${r.value} 超出范围 ${min}–${max}`, `${r.value} is outside ${min}–${max}`);
  return r.value;
}

export function termArg<K extends string>(v: unknown, arg: string, vocab: Vocabulary<K>, blank?: NoInfer<K>): K {
  if (isBlank(v as CellValue) && blank !== undefined) return blank;
  const t = lookupTerm(v as CellValue, vocab);
  if (t === undefined) {
    const allowed = Object.values<readonly string[]>(vocab).map((x) => x[0]).filter(Boolean);
    const shown = truncate(cellText(v as CellValue));
    return fail(arg, `“${shown}”不是可选值（${allowed.join("、")}）`, `"${shown}" is not one of ${allowed.join(", ")}`);
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
  if (!Array.isArray(v) || !v.every(Array.isArray)) return fail(arg, "需要一个单元格区域", "a cell range is needed");
  return v as CellValue[][];
}

export function sameLength(a: unknown[], b: unknown[], argA: string, argB: string) {
  if (a.length !== b.length) fail(argB, `单元格数（${b.length}）须与 ${argA}（${a.length}）相同`, `must have as many cells (${b.length}) as ${argA} (${a.length})`);
}

export function hasError(v: CellValue): boolean {
  return isCellError(v);
}
