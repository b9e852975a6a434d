// The CustomFunctions global as Excel provides it, for tests that import the functions file.
export class CustomFunctionsError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export function installCustomFunctionsShim(): Record<string, (...args: unknown[]) => unknown> {
  const registry: Record<string, (...args: unknown[]) => unknown> = {};
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => (registry[id] = fn),
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!", notAvailable: "#N/A" },
  };
  return registry;
}
