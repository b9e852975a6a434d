// The `CustomFunctions` global that src/functions/functions.ts expects (Excel's custom functions
// runtime), for WPS: the metadata plugin appends `CustomFunctions.associate(id, fn)` to the functions
// file, so associating here collects every function by its id; `CustomFunctions.Error` is what the
// functions throw for a bad argument (src/wps/functions.ts turns it into an error WPS shows).
// Imported before the functions file, so the global exists when that file runs.
export class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "CustomFunctionError";
  }
}

export type CustomFunction = (...args: unknown[]) => unknown;

/** id → function, in the order the functions file associates them. */
export const associated = new Map<string, CustomFunction>();

const shim = {
  associate(id: string, fn: CustomFunction): void {
    associated.set(id.toUpperCase(), fn);
  },
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!", notAvailable: "#N/A", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = shim;
