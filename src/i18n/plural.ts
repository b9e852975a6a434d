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

/**
 * A sentence template with its placeholders filled: `{name}` is the parameter as text, and
 * `{n|step|steps}` is the noun for the count n ("1 step", "2 steps" from "{n} {n|step|steps}"), so
 * that English sentences need no "(s)". A placeholder without its parameter stays as written.
 */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, k: string, one?: string, many?: string) => {
    if (!(k in params)) return whole;
    const v = params[k];
    return one === undefined ? String(v) : noun(Number(v), one, many);
  });
}
