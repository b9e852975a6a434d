// English counts: "1 place", "2 places", "0.5 points" (Chinese needs no plural).

/** The noun for a count: singular for exactly one (or minus one). */
export function noun(n: number, one: string, many = `${one}s`): string {
  return Math.abs(n) === 1 ? one : many;
}

/** A number and its noun: "1 place", "2 places". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${noun(n, one, many)}`;
}

/** "row 3" or "rows 3, 5". */
export function rowList(rows: readonly number[]): string {
  return `${noun(rows.length, "row")} ${rows.join(", ")}`;
}
