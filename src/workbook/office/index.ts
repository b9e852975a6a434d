// The Office.js adapter of the WorkbookPort (DESIGN.md), by its seams: the adapter itself
// (workbook.ts: reading, writing, formatting, sheets, charts, snapshot and restore as Office.js
// requests), request planning (requests.ts: block sizes under Excel's request limits), notes with
// their comments fallback (notes.ts), the pure halves of snapshot and restore (snapshot.ts) and
// Office.js's values and colours (values.ts). Values written are the codec's (../codec.ts), shared
// with the WPS adapter.
export { OfficeWorkbook } from "./workbook";
export type { AdapterStats, Capabilities, OfficeWorkbookOptions, ProgressPhase, Runner } from "./workbook";
export type { NoteMode } from "./notes";
export { BYTE_BUDGET, estimateBytes, MAX_READ_CELLS, PAYLOAD_LIMIT, planWriteBlocks, READ_CELLS, WRITE_CELLS } from "./requests";
