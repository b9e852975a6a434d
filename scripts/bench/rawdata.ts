// rawdata: the survey and ballot imports (POLICY.md §11) on generated raw rows — computeSurvey on 100k
// questionnaires of 64 units (level words, scores typed as numbers and as text, no-answers, about one
// answer in a thousand unreadable, repeated questionnaire numbers) and computeBallots on 100k ballot
// rows (2,000 ballots × 50 subjects, abstentions, synonyms, a few repeats and unknown choices).
// In this process: warm-up runs, then the median of timed runs. Each result is checked against a
// plain count made here while generating the rows (questionnaires and ballots counted per unit/subject).
import { computeBallots } from "../../src/engine/ballots";
import { defaultPolicy } from "../../src/engine/policy";
import { computeSurvey } from "../../src/engine/survey";
import type { CellValue, RawTable } from "../../src/engine/types";
import { prng } from "../../src/sample/generate";
import { median, progress, round } from "./util";

export interface RawDataResult {
  kind: "survey" | "ballots";
  rows: number;
  ms: number;
  usPerRow: number;
  runs: number[];
  /** Units (survey) or subjects (ballots) counted. */
  groups: number;
  findings: number;
  /** The engine's per-unit/per-subject counts equal the generator's. */
  countsMatch: boolean;
}

export const RAWDATA_ROWS = 100_000;
const UNITS = 64;
const SUBJECTS = 50;

function surveyTable(n: number, seed: number): { table: RawTable; units: { id: string; name: string }[]; questionnaires: number[] } {
  const random = prng(seed);
  const policy = defaultPolicy();
  const units = Array.from({ length: UNITS }, (_, i) => ({ id: `U${String(i + 1).padStart(3, "0")}`, name: `单位${i + 1}` }));
  const questionnaires = new Array<number>(UNITS).fill(0);
  const words = (["H", "S", "A"] as const).map((k) => policy.survey.levels[k].map((l) => l.words[0]));
  const rows: CellValue[][] = [];
  const seen = new Set<string>();
  let previous = 0;
  for (let i = 0; i < n; i++) {
    // About one row in 2,000 repeats the questionnaire above it (same number, same unit: counted once).
    const repeat = i > 0 && random() < 0.0005;
    const u = repeat ? previous : Math.floor(random() * UNITS);
    previous = u;
    const q = repeat ? `Q${i}` : `Q${i + 1}`;
    const key = `${q}|${u}`;
    if (!seen.has(key)) {
      seen.add(key);
      questionnaires[u]++;
    }
    const answer = (k: number): CellValue => {
      const r = random();
      if (r < 0.8) return words[k][Math.min(4, Math.floor(random() * random() * 5))];
      if (r < 0.88) return Math.round(random() * 1000) / 10;
      if (r < 0.92) return String(Math.round(random() * 100));
      if (r < 0.999) return random() < 0.5 ? policy.survey.noAnswer[0] : null;
      return "?";
    };
    rows.push([q, random() < 0.5 ? units[u].name : units[u].id, answer(0), answer(1), answer(2)]);
  }
  return { table: { sheet: "民意调查", headers: ["问卷编号", "单位", "幸福感", "满意度", "安全感"], rows, headerRow: 1, firstColumn: 1 }, units, questionnaires };
}

function ballotTable(n: number, seed: number): { table: RawTable; subjects: { id: string; name: string }[]; ballots: number[] } {
  const random = prng(seed);
  const policy = defaultPolicy();
  const subjects = Array.from({ length: SUBJECTS }, (_, i) => ({ id: `A${String(i + 1).padStart(4, "0")}`, name: `干部${i + 1}` }));
  const ballots = new Array<number>(SUBJECTS).fill(0);
  const choices = (["good", "fairlyGood", "average", "poor"] as const).flatMap((k) => policy.democratic.choices[k].slice(0, 2));
  const rows: CellValue[][] = [];
  for (let i = 0; rows.length < n; i++) {
    const ballot = Math.floor(i / SUBJECTS) + 1;
    const s = i % SUBJECTS;
    const r = random();
    const choice = r < 0.9 ? choices[Math.floor(random() * choices.length)] : r < 0.999 ? (random() < 0.5 ? null : policy.democratic.abstain[0]) : "?";
    rows.push([ballot, random() < 0.5 ? subjects[s].id : subjects[s].name, choice]);
    ballots[s]++;
    // About one row in 2,000 names its subject a second time on the same ballot (counted once).
    if (random() < 0.0005 && rows.length < n) rows.push([ballot, subjects[s].id, choices[0]]);
  }
  return { table: { sheet: "民主测评票", headers: ["票号", "测评对象", "评价"], rows, headerRow: 1, firstColumn: 1 }, subjects, ballots };
}

function time<T>(f: () => T, warmup: number, runs: number): { result: T; times: number[] } {
  let result = f();
  for (let k = 1; k < warmup; k++) result = f();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    result = f();
    times.push(performance.now() - t);
  }
  return { result, times };
}

export function benchRawData(n = RAWDATA_ROWS): RawDataResult[] {
  const policy = defaultPolicy();
  progress(`rawdata: generating ${n.toLocaleString("en")} questionnaires and ballot rows`);
  const s = surveyTable(n, 2023);
  const b = ballotTable(n, 2024);
  progress("rawdata: computeSurvey");
  const survey = time(() => computeSurvey(s.table, s.units, policy), 3, 11);
  progress("rawdata: computeBallots");
  const ballots = time(() => computeBallots(b.table, b.subjects, policy), 3, 11);
  const result = (kind: RawDataResult["kind"], times: number[], groups: number, findings: number, countsMatch: boolean): RawDataResult => {
    const ms = median(times);
    return { kind, rows: n, ms: round(ms, 1), usPerRow: round((ms * 1000) / n, 3), runs: times.map((t) => round(t, 1)), groups, findings, countsMatch };
  };
  const surveyCounts = s.units.map((_, i) => survey.result.units.find((u) => u.unitIndex === i)?.questionnaires ?? 0);
  const ballotCounts = b.subjects.map((_, i) => ballots.result.subjects.find((x) => x.subjectIndex === i)?.ballots ?? 0);
  return [
    result("survey", survey.times, survey.result.units.length, survey.result.findings.length, surveyCounts.every((c, i) => c === s.questionnaires[i])),
    result("ballots", ballots.times, ballots.result.subjects.length, ballots.result.findings.length, ballotCounts.every((c, i) => c === b.ballots[i])),
  ];
}
