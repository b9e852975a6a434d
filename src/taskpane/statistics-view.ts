// 考核统计 in the pane's result view (issue #14): the grades per pool as bar charts drawn with SVG
// elements (createElementNS, text as textContent — a pool's name is data from the workbook, never
// markup), each chart one image with its numbers in its accessible name, and the same numbers as a table
// for those who read tables; then the unit totals' spread per group. Colours come from the theme's
// variables; every bar is labelled with its level and count, so colour is never the only cue, and under
// forced colours the bars take the system's text colour.
import { h } from "./dom";
import type { StatisticsView } from "./logic";
import type { Lang } from "../i18n/pane";
import { tr } from "../i18n/paneRaw";

const SVG = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

// Each level is two lines: its name (any length a policy gives it, in either language), then its bar
// with the count after it.
const WIDTH = 300;
const ROW = 34;
const COUNT = 40;

/** One pool's chart: a horizontal bar per grade level under its name, on a scale shared by all pools (the largest count). */
function poolChart(lang: Lang, levels: string[], pool: StatisticsView["pools"][number], max: number, index: number): SVGSVGElement {
  const height = levels.length * ROW + 4;
  const parts = levels.map((level, i) => tr(lang, "chartPart", { level, n: pool.counts[i] ?? 0 })).join(tr(lang, "listSep"));
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, width: "100%", class: "grade-chart", role: "img", "aria-label": tr(lang, "chartLabel", { pool: pool.key, parts }), "data-pool": index });
  const span = WIDTH - COUNT;
  levels.forEach((level, i) => {
    const n = pool.counts[i] ?? 0;
    const y = 2 + i * ROW;
    const w = max > 0 ? Math.round((n / max) * span * 10) / 10 : 0;
    chart.appendChild(svg("text", { x: 0, y: y + 12, class: "grade-level" }, level));
    chart.appendChild(svg("rect", { x: 0, y: y + 17, width: Math.max(w, n > 0 ? 1 : 0), height: 12, rx: 2, class: `grade-bar level-${i}`, "data-count": n }));
    chart.appendChild(svg("text", { x: w + 4, y: y + 28, class: "grade-count" }, String(n)));
  });
  return chart;
}

export function statisticsCard(lang: Lang, stats: StatisticsView): HTMLElement {
  const levels = stats.levels.map((m) => m[lang]);
  const max = Math.max(0, ...stats.pools.flatMap((p) => p.counts));
  const fmt = (x: number | null) => (x === null ? "—" : String(x));
  const card = h("section", { class: "card statistics", attrs: { id: "statistics", "aria-labelledby": "statistics-title" } }, [
    h("h3", { text: tr(lang, "statisticsTitle"), attrs: { id: "statistics-title" } }),
    h("p", { class: "muted", text: tr(lang, "statisticsIntro") }),
  ]);
  stats.pools.forEach((p, i) => {
    card.appendChild(
      h("figure", { class: "pool-chart", attrs: { "data-pool": p.key } }, [
        h("figcaption", { class: "pool-name", text: p.key }),
        poolChart(lang, levels, p, max, i),
        h("p", { class: "pool-line muted", text: tr(lang, "quotaLine", { excellent: p.excellent, quota: p.quota === null ? tr(lang, "noQuota") : p.quota, valid: p.valid, rows: p.rows, mean: fmt(p.mean), lowest: fmt(p.lowest), highest: fmt(p.highest) }) }),
      ]),
    );
  });
  if (stats.pools.length) {
    const table = h("table", { class: "grade-table", attrs: { id: "statistics-table" } }, [
      h("caption", { text: tr(lang, "statisticsTable") }),
      h("thead", {}, [h("tr", {}, [h("th", { text: tr(lang, "poolColumn"), attrs: { scope: "col" } }), ...levels.map((l) => h("th", { text: l, attrs: { scope: "col" } }))])]),
      h("tbody", {}, stats.pools.map((p) => h("tr", {}, [h("th", { text: p.key, attrs: { scope: "row" } }), ...levels.map((_, i) => h("td", { class: "num", text: String(p.counts[i] ?? 0) }))]))),
    ]);
    card.appendChild(h("details", { class: "statistics-table" }, [h("summary", { text: tr(lang, "statisticsTable") }), table]));
  }
  if (stats.groups.length) {
    card.appendChild(
      h("table", { class: "group-spread", attrs: { id: "group-spread" } }, [
        h("caption", { text: tr(lang, "groupsTitle") }),
        h("thead", {}, [h("tr", {}, [tr(lang, "groupColumn"), tr(lang, "groupUnits"), tr(lang, "groupMean"), tr(lang, "groupRange"), tr(lang, "groupStdDev")].map((x) => h("th", { text: x, attrs: { scope: "col" } })))]),
        h("tbody", {}, stats.groups.map((g) => h("tr", { attrs: { "data-group": g.group } }, [h("th", { text: g.group || "—", attrs: { scope: "row" } }), h("td", { class: "num", text: `${g.count} / ${g.units}` }), h("td", { class: "num", text: fmt(g.mean) }), h("td", { class: "num", text: g.lowest === null ? "—" : `${g.lowest}–${g.highest}` }), h("td", { class: "num", text: fmt(g.stdDev) })]))),
      ]),
    );
  }
  return card;
}
