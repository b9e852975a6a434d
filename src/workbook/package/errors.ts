// Why a package cannot be read or written, as a kind plus a technical detail; asWorkbookError makes it
// the one sentence (what the file is, what to do) the faces show.
import type { Message } from "../../engine/types";
import { fileSay } from "../../i18n/workbook";
import { WorkbookError } from "../port";

export type PackageErrorKind =
  | "not-zip"
  | "truncated"
  | "encrypted"
  | "method"
  | "damaged"
  | "crc"
  | "too-large"
  | "xml"
  | "not-spreadsheet"
  | "no-worksheet"
  | "xls"
  | "et"
  | "ods"
  | "html"
  | "xml2003"
  | "word"
  | "powerpoint"
  | "empty"
  | "lockfile";

export class PackageError extends Error {
  constructor(
    public readonly kind: PackageErrorKind,
    public readonly detail = "",
  ) {
    super(`${kind}${detail ? `: ${detail}` : ""}`);
    this.name = "PackageError";
  }
}

/** The sentence for a package error (a WorkbookError the faces print as one line). */
export function asWorkbookError(e: PackageError): WorkbookError {
  const d = e.detail;
  const say = (() => {
    switch (e.kind) {
      case "not-zip":
        return fileSay.notZip();
      case "empty":
        return fileSay.emptyFile();
      case "truncated":
        return fileSay.truncated();
      case "encrypted":
        return fileSay.encrypted();
      case "method":
        return fileSay.method(d);
      case "damaged":
        return fileSay.damaged(d);
      case "crc":
        return fileSay.crc(d);
      case "too-large":
        return fileSay.tooLarge(d, limitOf(d));
      case "xml":
        return fileSay.badXml(d.split("|")[0], d.split("|").slice(1).join("|"));
      case "not-spreadsheet":
        return fileSay.notSpreadsheet();
      case "no-worksheet":
        return fileSay.noWorksheet();
      case "xls":
        return fileSay.xls();
      case "et":
        return fileSay.et();
      case "ods":
        return fileSay.ods();
      case "html":
        return fileSay.html();
      case "xml2003":
        return fileSay.xml2003();
      case "word":
        return fileSay.otherOffice(fileSay.word());
      case "powerpoint":
        return fileSay.otherOffice(fileSay.powerpoint());
      case "lockfile":
        return fileSay.lockFile();
    }
  })();
  return new WorkbookError(e.kind === "too-large" ? "too-large" : "unreadable", say);
}

/** The limit a too-large detail ran into, in words (README "Limits"). */
function limitOf(detail: string): Message {
  if (/entries/.test(detail)) return fileSay.limitParts();
  if (/cells/.test(detail)) return fileSay.limitCells();
  if (/inflated/.test(detail)) return fileSay.limitPackage();
  return fileSay.limitPart();
}
