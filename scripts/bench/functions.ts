// functions: calls per second of COMPOSITE and GRADE through the built dist/functions.js, loaded in a
// bare vm context with only a CustomFunctions shim (as Excel's shared runtime offers it). Arguments
// cycle through 4,096 generated rows (valid ones), as a column of formulas would pass them.
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { generateTable, COL } from "./rows";
import { median, progress, round, ROOT } from "./util";

type Fn = (...args: unknown[]) => unknown;

export interface FunctionsResult {
  COMPOSITE: { callsPerSec: number };
  GRADE: { callsPerSec: number };
}

class CustomFunctionsError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export function loadFunctions(file = path.join(ROOT, "dist", "functions.js")): Map<string, Fn> {
  const associated = new Map<string, Fn>();
  const CustomFunctions = {
    associate(id: string | Record<string, Fn>, fn?: Fn): void {
      if (typeof id === "string") associated.set(id, fn as Fn);
      else for (const [k, v] of Object.entries(id)) associated.set(k, v);
    },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };
  vm.runInContext(fs.readFileSync(file, "utf8"), vm.createContext({ CustomFunctions }), { filename: "dist/functions.js" });
  return associated;
}

/** Calls per second of fn over the argument lists: rounds of ~0.5 s each, the median. */
function callsPerSecond(fn: Fn, args: unknown[][]): number {
  let sink = 0;
  const round1 = (calls: number) => {
    const t = performance.now();
    for (let k = 0; k < calls; k++) {
      const r = fn(...args[k & (args.length - 1)]);
      if (r === undefined) sink++;
    }
    return performance.now() - t;
  };
  round1(20_000); // warm-up: compile the hot paths
  let calls = 20_000;
  while (round1(calls) < 100) calls *= 2;
  calls *= 5; // about half a second per round
  const rates: number[] = [];
  for (let k = 0; k < 7; k++) rates.push((calls / round1(calls)) * 1000);
  if (sink > 0) throw new Error("a function returned nothing");
  return median(rates);
}

export function benchFunctions(): FunctionsResult {
  if (!fs.existsSync(path.join(ROOT, "dist", "functions.js"))) throw new Error("dist/functions.js is missing: run npm run build");
  const fns = loadFunctions();
  const composite = fns.get("COMPOSITE");
  const grade = fns.get("GRADE");
  if (!composite || !grade) throw new Error("dist/functions.js does not associate COMPOSITE and GRADE");
  const rows = generateTable(8192, 99).rows.filter((r) => [COL.P, COL.D, COL.L, COL.S, COL.B].every((c) => typeof r[c] === "number" && (r[c] as number) <= 100));
  const N = 4096; // a power of two: the argument index is k & (N − 1)
  const compositeArgs = rows.slice(0, N).map((r) => [r[COL.P], r[COL.D], r[COL.L], r[COL.S], r[COL.B]]);
  const gradeArgs = rows.slice(0, N).map((r, i) => [composite(...compositeArgs[i]), r[COL.political], r[COL.circular] ?? "", r[COL.incentive], r[COL.topLeader] ?? "否", r[COL.subject]]);
  progress("functions: COMPOSITE");
  const c = callsPerSecond(composite, compositeArgs);
  progress("functions: GRADE");
  const g = callsPerSecond(grade, gradeArgs);
  return { COMPOSITE: { callsPerSec: round(c) }, GRADE: { callsPerSec: round(g) } };
}
