// Democratic-evaluation ballots → D of each cadre or team (民主测评票, POLICY.md §11, §3):
//   one row per ballot and subject: the subject (编号 or 姓名 of the annual table) and the choice
//   好 / 较好 / 一般 / 差 (also 优秀 / 称职 / 基本称职 / 不称职); 不了解 or blank = abstention (not counted);
//   anything else is UNKNOWN_VALUE, not counted;
//   D = Σ count·weight / Σ count (100/80/60/40), exact, half-up — the very function DEMOCRATIC uses;
//   no counted ballot → no D (MISSING);
//   a ballot naming a subject twice (same 票号) counts once, the repeat is DUPLICATE_ID.
// A computed D fills only a blank 民主测评 cell of the annual table (fillBallots). Host-free.
import { ANNUAL_COLUMNS, BALLOT_COLUMNS, matchColumns, readColumns } from "./headers";
import { BALLOT_CHOICES, Policy } from "./policy";
import { Ballots, democratic } from "./scores";
import { CellValue, Finding, FindingCode, isCellError, Message, RawTable, Severity } from "./types";
import { a1, cellText, isBlank, isBlankRow, keyHash, normalizeText, pairHash, repeatedGroups, truncate } from "./values";
import { ballotMsg } from "../i18n/survey";

export interface BallotSubject {
  /** 0-based data-row index of the subject in the annual table; null without a subject list. */
  subjectIndex: number | null;
  /** The subject's 编号 ("" when unknown). */
  id: string;
  /** The subject's 姓名/名称, else its 编号, else the text as written. */
  subject: string;
  /** Worksheet row of the subject's first ballot row. */
  row: number;
  /** Ballot rows counted for the subject (a repeat on the same ballot not included). */
  ballots: number;
  counts: Ballots;
  /** Blank or 不了解. */
  abstentions: number;
  /** Choices not understood (reported). */
  invalid: number;
  /** D, null when no ballot was counted. */
  democratic: number | null;
}

export interface BallotOutcome {
  kind: "ballots";
  columns: Record<string, number>;
  usable: boolean;
  /** In the annual table's order when a subject list was given, else in order of first appearance. */
  subjects: BallotSubject[];
  /** Non-blank ballot rows. */
  rows: number;
  findings: Finding[];
}

export interface SubjectKey {
  id: string;
  name: string;
}

/** The subjects of an annual table, one per data row. */
export function subjectListOf(annual: RawTable): SubjectKey[] {
  const col = matchColumns(annual.headers, ANNUAL_COLUMNS).columns;
  return annual.rows.map((cells) => ({ id: "id" in col ? cellText(cells[col.id]) : "", name: "name" in col ? cellText(cells[col.name]) : "" }));
}

/** Subjects by 编号 (first row wins) or by 姓名 when it names one subject only. */
class SubjectDirectory {
  private readonly ids = new Map<string, number>();
  private readonly names = new Map<string, number[]>();

  constructor(private readonly subjects: readonly SubjectKey[]) {
    subjects.forEach((s, i) => {
      const id = normalizeText(s.id);
      if (id && !this.ids.has(id)) this.ids.set(id, i);
      const name = normalizeText(s.name);
      if (name) {
        const list = this.names.get(name);
        if (list) list.push(i);
        else this.names.set(name, [i]);
      }
    });
  }

  /** The subject's index, undefined when none, or the IDs of the subjects a shared name belongs to. */
  find(text: string): number | undefined | { ambiguous: string[] } {
    const k = normalizeText(text);
    const byId = this.ids.get(k);
    if (byId !== undefined) return byId;
    const byName = this.names.get(k);
    if (!byName) return undefined;
    if (byName.length === 1) return byName[0];
    return { ambiguous: byName.map((i) => this.subjects[i].id || "?") };
  }
}

const ABSTAIN = -1;
const UNKNOWN = -2;
const CACHE_LIMIT = 4096;

interface Acc {
  subject: BallotSubject;
  cell: string;
}

/**
 * Count a ballot table per subject. `subjects` is the annual table's list (subjectListOf): a ballot row
 * naming nobody in it is UNKNOWN_VALUE and not counted. Without a list (null) subjects are taken as written.
 */
export function computeBallots(table: RawTable, subjects: readonly SubjectKey[] | null, policy: Policy): BallotOutcome {
  const findings: Finding[] = [];
  const sheet = table.sheet;
  const { columns: col, findings: columnProblems, usable } = readColumns(table, "ballots", BALLOT_COLUMNS);
  findings.push(...columnProblems);
  if (!usable) return { kind: "ballots", columns: col, usable, subjects: [], rows: table.rows.filter((r) => !isBlankRow(r)).length, findings };

  const d = policy.democratic;
  const words = new Map<string, number>();
  BALLOT_CHOICES.forEach((k, i) => d.choices[k].forEach((w) => words.set(normalizeText(w), i)));
  for (const w of d.abstain) words.set(normalizeText(w), ABSTAIN);
  const allowed = BALLOT_CHOICES.map((k) => d.choices[k][0]).concat(BALLOT_CHOICES.map((k) => d.choices[k][1]).filter((w) => w !== undefined));
  const seenChoice = new Map<string, number>();
  const choiceOf = (v: CellValue): number => {
    if (isBlank(v)) return ABSTAIN;
    if (typeof v !== "string") return words.get(normalizeText(cellText(v))) ?? UNKNOWN;
    let c = seenChoice.get(v);
    if (c === undefined) {
      c = words.get(normalizeText(v)) ?? UNKNOWN;
      if (seenChoice.size < CACHE_LIMIT) seenChoice.set(v, c);
    }
    return c;
  };

  const directory = subjects ? new SubjectDirectory(subjects) : null;
  const accs: Acc[] = [];
  const accByKey = new Map<number | string, number>();
  const push = (code: FindingCode, severity: Severity, row: number, cell: string | undefined, column: string, message: Message) =>
    findings.push({ code, severity, sheet, row, cell, column, message });
  const cellAt = (rowNo: number, c: number) => a1(rowNo, table.firstColumn + c);

  // Pass 1: each row's subject (−1: not counted), and its ballot's hash for repeats.
  const n = table.rows.length;
  const accOfRow = new Int32Array(n).fill(-1);
  const hashes = col.ballot === undefined ? null : new Int32Array(n);
  /** Subject text → accumulator (−1 not found, −2 ambiguous, with the IDs in `ambiguous`). */
  const subjectOf = new Map<string, number>();
  const ambiguous = new Map<string, string[]>();
  let nonBlank = 0;
  for (let i = 0; i < n; i++) {
    const cells = table.rows[i];
    if (isBlankRow(cells)) continue;
    nonBlank++;
    const rowNo = table.headerRow + 1 + i;
    const sv = cells[col.subject];
    if (isBlank(sv)) {
      const subjectCell = cellAt(rowNo, col.subject);
      push("MISSING", "error", rowNo, subjectCell, "subject", ballotMsg.subjectMissing(subjectCell));
      continue;
    }
    const text = cellText(sv);
    let a = subjectOf.get(text);
    if (a === undefined) {
      a = accFor(text, rowNo);
      if (subjectOf.size < CACHE_LIMIT * 4) subjectOf.set(text, a);
    }
    if (a < 0) {
      const subjectCell = cellAt(rowNo, col.subject);
      if (a === -1) push("UNKNOWN_VALUE", "error", rowNo, subjectCell, "subject", ballotMsg.subjectUnknown(subjectCell, truncate(text)));
      else push("UNKNOWN_VALUE", "error", rowNo, subjectCell, "subject", ballotMsg.subjectAmbiguous(subjectCell, truncate(text), ambiguous.get(normalizeText(text)) ?? []));
      continue;
    }
    accOfRow[i] = a;
    if (hashes && !isBlank(cells[col.ballot])) hashes[i] = pairHash(keyHash(cellText(cells[col.ballot])), a);
  }

  function accFor(text: string, rowNo: number): number {
    let key: number | string;
    let subjectIndex: number | null = null;
    if (directory && subjects) {
      const found = directory.find(text);
      if (found === undefined) return -1;
      if (typeof found === "object") {
        ambiguous.set(normalizeText(text), found.ambiguous);
        return -2;
      }
      key = subjectIndex = found;
    } else key = normalizeText(text);
    let a = accByKey.get(key);
    if (a === undefined) {
      a = accs.length;
      accByKey.set(key, a);
      const s = subjectIndex !== null && subjects ? subjects[subjectIndex] : null;
      accs.push({
        cell: cellAt(rowNo, col.subject),
        subject: {
          subjectIndex,
          id: s ? s.id : "",
          subject: s ? s.name || s.id : text,
          row: rowNo,
          ballots: 0,
          counts: { good: 0, fairlyGood: 0, average: 0, poor: 0 },
          abstentions: 0,
          invalid: 0,
          democratic: null,
        },
      });
    }
    return a;
  }

  // The same subject twice on one ballot: the first counts (POLICY.md §11).
  if (hashes) {
    const ballotText = (i: number) => cellText(table.rows[i][col.ballot]);
    const keyOf = (i: number) => `${normalizeText(ballotText(i))}\u0000${accOfRow[i]}`;
    for (const group of repeatedGroups(n, hashes, keyOf)) {
      const first = table.headerRow + 1 + group[0];
      for (const i of group.slice(1)) {
        const rowNo = table.headerRow + 1 + i;
        const cell = cellAt(rowNo, col.subject);
        push("DUPLICATE_ID", "warning", rowNo, cell, "subject", ballotMsg.duplicateOnBallot(cell, truncate(ballotText(i)), accs[accOfRow[i]].subject.subject, first));
        accOfRow[i] = -1;
      }
    }
  }

  // Pass 2: count the choices.
  const choiceCol = col.choice;
  for (let i = 0; i < n; i++) {
    const a = accOfRow[i];
    if (a < 0) continue;
    const acc = accs[a].subject;
    acc.ballots++;
    const cv = table.rows[i][choiceCol];
    const c = choiceOf(cv);
    if (c >= 0) acc.counts[BALLOT_CHOICES[c]]++;
    else if (c === ABSTAIN) acc.abstentions++;
    else {
      acc.invalid++;
      const rowNo = table.headerRow + 1 + i;
      const cell = cellAt(rowNo, choiceCol);
      push("UNKNOWN_VALUE", "error", rowNo, cell, "choice", ballotMsg.unknownChoice(cell, truncate(isCellError(cv) ? cv.error : cellText(cv)), allowed, d.abstain));
    }
  }

  const out = accs.map(({ subject: s, cell }) => {
    const counted = s.counts.good + s.counts.fairlyGood + s.counts.average + s.counts.poor;
    if (counted > 0) s.democratic = democratic(s.counts, policy);
    else push("MISSING", "error", s.row, cell, "subject", ballotMsg.noBallots(s.subject, s.abstentions));
    return s;
  });
  if (subjects) out.sort((x, y) => (x.subjectIndex as number) - (y.subjectIndex as number));
  findings.sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
  return { kind: "ballots", columns: col, usable, subjects: out, rows: nonBlank, findings };
}

export interface BallotFillRow {
  /** 0-based data-row index of the annual table. */
  index: number;
  row: number;
  /** D filled into the blank cell, or null when the cell held a value (kept). */
  filled: number | null;
}

export interface BallotFill {
  /** A copy of the annual table with its blank 民主测评 cells taken from the ballots. */
  table: RawTable;
  rows: BallotFillRow[];
  cells: number;
}

/** Fill the annual table's blank 民主测评 cells from ballots computed against its subjects; typed values stay. */
export function fillBallots(annual: RawTable, ballots: BallotOutcome): BallotFill {
  const c = matchColumns(annual.headers, ANNUAL_COLUMNS).columns.D;
  const copy = annual.rows.slice();
  const rows: BallotFillRow[] = [];
  let cells = 0;
  if (c === undefined) return { table: annual, rows, cells };
  for (const s of ballots.subjects) {
    if (s.subjectIndex === null || s.democratic === null || s.subjectIndex >= copy.length) continue;
    const i = s.subjectIndex;
    const row = annual.headerRow + 1 + i;
    if (!isBlank(copy[i][c])) {
      rows.push({ index: i, row, filled: null });
      continue;
    }
    const out = copy[i].slice();
    while (out.length <= c) out.push(null);
    out[c] = s.democratic;
    copy[i] = out;
    rows.push({ index: i, row, filled: s.democratic });
    cells++;
  }
  return { table: { ...annual, rows: copy }, rows, cells };
}
