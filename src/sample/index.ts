// The sample workbook (issue 4, `assess sample` and the pane's 示例 Insert sample).
export { generateSample, sampleTable, SHEETS, DEFAULT_SEED, DEFAULT_CADRES, MIN_CADRES, MAX_CADRES } from "./generate";
export type { Sample, SampleSheet, SampleSheetKind, PlantedCase, SampleContext, SampleOptions } from "./generate";
