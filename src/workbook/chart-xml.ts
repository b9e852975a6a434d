// A native Excel chart as SpreadsheetML/DrawingML parts (ECMA-376 Part 1, §21.2 charts, §20.5
// spreadsheet drawing), for adapters that write the .xlsx package themselves: the chart part
// (c:chartSpace, a clustered column chart whose series refer to the sheet's cells, with the cells'
// values cached so a reader shows it without recalculating) and the drawing part that anchors it to
// cells. Host-free strings; the package adapter adds the parts, their relationships and content types.
import type { CellValue } from "../engine/types";
import { cellText, columnLetters } from "../engine/values";
import type { ChartSpec } from "./port";

export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const DRAWING_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};

/** Series fills, one per series in turn: green, blue, amber, red (the best grade first). */
const SERIES_COLOURS = ["70AD47", "4472C4", "FFC000", "C00000", "7F7F7F", "5B9BD5"];

export function escapeXml(s: string): string {
  // Characters XML 1.0 does not allow are dropped (a cell may hold them; a part must not).
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A sheet name as a formula writes it: always quoted, quotes doubled ('考核统计'!$A$1). */
function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

const abs = (row: number, col: number) => `$${columnLetters(col)}$${row}`;

function rich(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr><a:r><a:rPr lang="zh-CN" sz="${size}"${b}/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: CellValue[]): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/**
 * The chart part: a clustered column chart of `spec.data` on `sheet` — categories down the block's
 * first column, a series per further column named by its first row. `block` is the block's values as
 * they are on the sheet (row 0 the header row), cached in the part.
 */
export function chartPartXml(sheet: string, spec: ChartSpec, block: readonly (readonly CellValue[])[]): string {
  const { top, left, bottom, right } = spec.data;
  const s = sheetRef(sheet);
  const categories = block.slice(1).map((r) => cellText(r[0]));
  const catRef = `${s}!${abs(top + 1, left)}:${abs(bottom, left)}`;
  const series: string[] = [];
  for (let col = left + 1, k = 0; col <= right; col++, k++) {
    const j = col - left;
    const name = cellText(block[0]?.[j]);
    const values = block.slice(1).map((r) => r[j] ?? null);
    series.push(
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(`${s}!${abs(top, col)}`)}</c:f>${strCache([name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLOURS[k % SERIES_COLOURS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeXml(catRef)}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(`${s}!${abs(top + 1, col)}:${abs(bottom, col)}`)}</c:f>${numCache(values)}</c:numRef></c:val>` +
        `</c:ser>`,
    );
  }
  const axisTitle = (t: string | undefined) => (t ? `<c:title>${rich(t, 1000, false)}</c:title>` : "");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title>${rich(spec.title, 1400, true)}</c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}` +
    `<c:gapWidth val="150"/><c:axId val="500100"/><c:axId val="500200"/></c:barChart>` +
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>${axisTitle(spec.categoryAxis)}` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>${axisTitle(spec.valueAxis)}` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>${spec.valueStep ? `<c:majorUnit val="${spec.valueStep}"/>` : ""}</c:valAx>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

/**
 * One chart frame anchored from spec.anchor's top-left cell over its rows and columns (xdr:twoCellAnchor).
 * With `declare`, the element declares the xdr, a, c and r namespaces itself, so that it can go into a
 * drawing part whatever prefixes that part uses.
 */
export function drawingAnchorXml(spec: ChartSpec, chartRelId: string, frameId: number, declare = false): string {
  const a = spec.anchor;
  const corner = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const ns = declare ? ` xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"` : "";
  return (
    `<xdr:twoCellAnchor editAs="oneCell"${ns}>` +
    corner("from", a.column - 1, a.row - 1) +
    corner("to", a.column - 1 + a.columns, a.row - 1 + a.rows) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${frameId}" name="${escapeXml(spec.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${escapeXml(chartRelId)}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** A drawing part holding one chart frame. */
export function drawingPartXml(spec: ChartSpec, chartRelId: string, frameId = 2): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${drawingAnchorXml(spec, chartRelId, frameId)}</xdr:wsDr>`;
}

export const DRAWING_NS = NS.xdr;
export const CHART_NS = NS.c;
