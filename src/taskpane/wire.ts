// Failures across the worker boundary: a thrown value becomes plain data on one side and the same
// typed failure on the other (the pane shows typed failures' sentences, never a stack).
import { ActionError, ActionErrorCode } from "../actions/errors";
import { PolicyError } from "../engine/policy";
import type { Finding, Message } from "../engine/types";
import { WorkbookError, WorkbookErrorKind } from "../workbook/port";
import { CancelledError } from "./progress";

export interface WireError {
  name: string;
  message: string;
  code?: string;
  kind?: string;
  detail?: Message;
  findings?: Finding[];
}

export function toWire(e: unknown): WireError {
  if (e instanceof ActionError) return { name: "ActionError", message: e.message, code: e.code, detail: { zh: e.detail.zh, en: e.detail.en } };
  if (e instanceof WorkbookError) return { name: "WorkbookError", message: e.message, kind: e.kind, detail: { zh: e.detail.zh, en: e.detail.en } };
  if (e instanceof PolicyError) return { name: "PolicyError", message: e.message, findings: e.findings.map((f) => ({ ...f, message: { zh: f.message.zh, en: f.message.en } })) };
  if (e instanceof CancelledError) return { name: "CancelledError", message: e.message };
  // Office.js errors carry a code (RequestPayloadSizeLimitExceeded …) that the actions look at.
  const code = e && typeof e === "object" && "code" in e ? String((e).code) : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return { name: e instanceof Error ? e.name : "Error", message, ...(code ? { code } : {}) };
}

export function fromWire(w: WireError): Error {
  if (w.name === "ActionError" && w.detail) return new ActionError(w.code as ActionErrorCode, w.detail);
  if (w.name === "WorkbookError" && w.detail) return new WorkbookError(w.kind as WorkbookErrorKind, w.detail);
  if (w.name === "PolicyError" && w.findings) return new PolicyError(w.findings);
  if (w.name === "CancelledError") return new CancelledError();
  const e = new Error(w.message);
  e.name = w.name;
  if (w.code) (e as Error & { code?: string }).code = w.code;
  return e;
}
