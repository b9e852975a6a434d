// The feedback notices as one .docx (POLICY.md §12), laid out per GB/T 9704-2012 (党政机关公文格式):
// A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 22 lines of 28 characters a page (a
// line grid and exact line spacing; characters condensed to fit 28 a line); title in 小标宋 二号 (22 pt), centred; body in 仿宋 三号 (16 pt), first lines indented two
// characters; first-level headings in 黑体; the issuing office and the date under the body. One notice
// per unit, each starting on a new page. Made with the `docx` library, host-free: the same bytes in
// Node (assess notices) and in the task pane (a download).
import { AlignmentType, Document, DocumentGridType, LineRuleType, Packer, Paragraph, TextRun } from "docx";
import type { NoticesPlan, UnitNotice } from "./notices";
import { NOTICE_FONTS, noticeText, officialDate } from "../i18n/notices";
import { ZH_PUNCTUATION } from "../i18n/sheets";

/** Twips (1/1440 inch) in a millimetre. */
const MM = 1440 / 25.4;
const mm = (x: number) => Math.round(x * MM);

/** A4 and the margins of GB/T 9704-2012 §5.2.1 / §5.2.2. */
export const PAGE = { width: mm(210), height: mm(297), top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** 三号 = 16 pt, 二号 = 22 pt, in half-points. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Line pitch: the text height (225 mm) over 22 lines, rounded down so that 22 fit (579 twips = 28.95 pt). */
export const LINE_PITCH = Math.floor((PAGE.height - PAGE.top - PAGE.bottom) / LINES_PER_PAGE);
/**
 * 28 characters of 三号 (16 pt each, 448 pt) are wider than the text (156 mm = 442 pt): each character
 * is condensed by the difference, in twips, rounded up (−5 twips = −0.25 pt: 28 × 15.75 pt = 441 pt fit,
 * 29 do not). Done as run character spacing rather than a character grid (w:docGrid charSpace): Word
 * squeezes characters into a narrower grid, but LibreOffice gives a character wider than its grid cell
 * two cells (14 characters a line); condensed runs lay out the same in Word, WPS and LibreOffice.
 */
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const CONDENSE = -Math.ceil(((BODY_SIZE / 2) * 20 * CHARS_PER_LINE - TEXT_WIDTH) / CHARS_PER_LINE);
/** Two characters, in twips (the first-line indent). */
const TWO_CHARS = 2 * ((BODY_SIZE / 2) * 20 + CONDENSE);

const font = (eastAsia: string) => ({ ascii: NOTICE_FONTS.latin, hAnsi: NOTICE_FONTS.latin, cs: NOTICE_FONTS.latin, eastAsia });
const lines = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const run = (text: string, eastAsia = NOTICE_FONTS.body, size = BODY_SIZE) => new TextRun({ text, font: font(eastAsia), size, characterSpacing: size === BODY_SIZE ? CONDENSE : undefined });

/** A body paragraph: 仿宋 三号, first line indented two characters. */
const body = (...runs: TextRun[]) => new Paragraph({ children: runs, spacing: lines, indent: { firstLine: TWO_CHARS }, alignment: AlignmentType.JUSTIFIED });
const blank = () => new Paragraph({ children: [], spacing: lines });

function noticeParagraphs(plan: NoticesPlan, n: UnitNotice, first: boolean): Paragraph[] {
  const d = plan.decimals;
  const out: Paragraph[] = [];
  // The title (小标宋 二号, centred), a new page for every notice but the first; one blank line under it.
  out.push(new Paragraph({ children: [run(noticeText.title(plan.scheme).zh, NOTICE_FONTS.title, TITLE_SIZE)], alignment: AlignmentType.CENTER, spacing: lines, pageBreakBefore: !first }));
  out.push(blank());
  out.push(new Paragraph({ children: [run(noticeText.addressee(n.unit).zh)], spacing: lines }));
  out.push(body(run(noticeText.opening(plan.scheme).zh)));

  const heading = (t: { zh: string }, rest: string) => body(run(t.zh + ZH_PUNCTUATION.stop, NOTICE_FONTS.heading), run(rest));
  const group = n.group || "—";
  out.push(heading(noticeText.rankHeading, n.rank !== null && n.total !== null ? noticeText.rank(group, n.rank, n.rankedInGroup, n.total, d).zh : noticeText.noRank(group, n.why).zh));
  out.push(heading(noticeText.minpingHeading, n.minping !== null && n.minpingRank !== null ? noticeText.minping(n.minping, n.minpingRank, n.minpingRankedInGroup, d).zh : noticeText.noMinping.zh));
  out.push(heading(noticeText.deductionsHeading, n.items.length ? noticeText.deductionCount(n.items.length).zh : noticeText.noDeductions.zh));
  n.items.forEach((it, i) => {
    const status = it.status === "done" ? noticeText.statusDone : noticeText.statusOpen(it.deadline as string);
    out.push(body(run(noticeText.item(noticeText.ordinal(i + 1).zh, it.indicator ?? "", it.indicatorId ?? "", it.points ?? 0, it.reason ?? "", status).zh)));
  });
  const requirement = n.allDone ? noticeText.requirementDone : n.items.length ? noticeText.requirement(n.deadline) : noticeText.requirementNone(n.deadline);
  out.push(heading(noticeText.requirementHeading, requirement.zh));
  if (plan.cadres && n.cadres.length) {
    out.push(body(run(noticeText.cadresHeading.zh + ZH_PUNCTUATION.stop, NOTICE_FONTS.heading)));
    for (const c of n.cadres) {
      const line = c.grade !== null && c.composite !== null ? noticeText.cadre(c.name, c.grade, c.composite, d, c.reasons) : noticeText.cadreInvalid(c.name, c.reasons);
      out.push(body(run(line.zh)));
    }
  }
  // The issuing office and the date (GB/T 9704 §7.3.5.2: one blank line after the body; the office
  // right-indented two characters, the date under it in Arabic numerals).
  out.push(blank());
  out.push(new Paragraph({ children: [run(plan.issuer)], alignment: AlignmentType.RIGHT, indent: { right: TWO_CHARS }, spacing: lines }));
  out.push(new Paragraph({ children: [run(officialDate(plan.date).zh)], alignment: AlignmentType.RIGHT, indent: { right: TWO_CHARS }, spacing: lines }));
  return out;
}

/** The document of a plan: one section (the page set-up), one notice per unit. */
export function noticesDocument(plan: NoticesPlan): Document {
  return new Document({
    creator: "ASSESS",
    title: noticeText.title(plan.scheme).zh,
    // The defaults and the Normal style both carry 仿宋 三号 (a reader that looks at either sees the body font).
    styles: {
      default: { document: { run: { font: font(NOTICE_FONTS.body), size: BODY_SIZE }, paragraph: { spacing: lines } } },
      paragraphStyles: [{ id: "Normal", name: "Normal", quickFormat: true, run: { font: font(NOTICE_FONTS.body), size: BODY_SIZE }, paragraph: { spacing: lines } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(15), footer: mm(28) - mm(7) },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        children: plan.notices.flatMap((n, i) => noticeParagraphs(plan, n, i === 0)),
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function noticesDocx(plan: NoticesPlan): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(noticesDocument(plan)));
}
