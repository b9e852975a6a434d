// dist/functions.js must load in a bare JavaScript runtime that offers only `CustomFunctions`
// (INTERFACES.md §2): no DOM, no Office.js. The metadata plugin appends the associate calls; here they
// must register exactly the ids of dist/functions.json.
import * as vm from "vm";
import { readDist } from "./support/dist";

type Fn = (...args: unknown[]) => unknown;

class CustomFunctionsError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

function loadFunctions(): Map<string, Fn> {
  const associated = new Map<string, Fn>();
  const CustomFunctions = {
    associate(id: string | Record<string, Fn>, fn?: Fn): void {
      if (typeof id === "string") {
        if (associated.has(id)) throw new Error(`${id} associated twice`);
        associated.set(id, fn as Fn);
      } else {
        for (const [k, v] of Object.entries(id)) associated.set(k, v);
      }
    },
    Error: CustomFunctionsError,
    ErrorCode,
  };
  const context = vm.createContext({ CustomFunctions });
  vm.runInContext(readDist("functions.js"), context, { filename: "dist/functions.js" });
  return associated;
}

describe("dist/functions.js in a bare runtime", () => {
  test("loads with only CustomFunctions and associates exactly the ids of functions.json", () => {
    const ids = (JSON.parse(readDist("functions.json")) as { functions: { id: string }[] }).functions.map((f) => f.id);
    const associated = loadFunctions();
    expect([...associated.keys()].sort()).toEqual([...ids].sort());
    for (const fn of associated.values()) expect(typeof fn).toBe("function");
  });

  test("COMPOSITE(92, 88, 90, 85, 95) = 91 (POLICY.md worked example 1)", async () => {
    const composite = loadFunctions().get("COMPOSITE");
    expect(composite).toBeDefined();
    expect(await Promise.resolve(composite!(92, 88, 90, 85, 95))).toBe(91);
  });
});
