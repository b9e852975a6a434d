// Both doubles' cells in one comparable shape (value, type, number format, fill as ARGB, bold, note), so
// that a test can say "the WPS path left what the Excel path left". The WPS add-in's settings sheet is
// left out: Excel keeps the same settings in the document's settings, not in a sheet.
import { bgrToArgb } from "../../src/workbook/wps/adapter";
import { SETTINGS_SHEET } from "../../src/workbook/wps/settings";
import type { WpsDump } from "../support/wps-double";

export type Norm = Record<string, Record<string, { v: unknown; t: string; nf: string; fill: string | null; bold: boolean; note: string | null }>>;

export function normWps(dump: WpsDump): Norm {
  const out: Norm = {};
  for (const s of dump.sheets) {
    if (s.name === SETTINGS_SHEET) continue;
    const cells: Norm[string] = {};
    for (const [a, c] of Object.entries(s.cells)) {
      const n = { v: c.value ?? "", t: c.type ?? "Empty", nf: c.numberFormat ?? "General", fill: typeof c.fill === "number" ? bgrToArgb(c.fill) : null, bold: !!c.bold, note: c.comment ?? null };
      if (n.t === "Empty" && n.nf === "General" && !n.fill && !n.bold && n.note === null) continue;
      cells[a] = n;
    }
    out[s.name] = cells;
  }
  return out;
}

export function normExcel(dump: { sheets: { name: string; cells: Record<string, Record<string, unknown>> }[] }): Norm {
  const out: Norm = {};
  for (const s of dump.sheets) {
    const cells: Norm[string] = {};
    for (const [a, c] of Object.entries(s.cells)) {
      const fill = c.fill as { color: string } | null | undefined;
      const n = {
        v: c.value ?? "",
        t: (c.type as string) ?? "Empty",
        nf: (c.numberFormat as string) ?? "General",
        fill: fill ? "FF" + fill.color.replace("#", "").toUpperCase() : null,
        bold: !!c.bold,
        note: (c.note as string | null | undefined) ?? null,
      };
      if (n.t === "Empty" && n.nf === "General" && !n.fill && !n.bold && n.note === null) continue;
      cells[a] = n;
    }
    out[s.name] = cells;
  }
  return out;
}
