// Typed failures of the user's verbs: the faces show the sentence, tests assert the code.
import type { Message } from "../engine/types";

export type ActionErrorCode = "NO_TABLE" | "NO_UNIT_TABLE" | "RESULT_AREA_NOT_EMPTY" | "RESULT_AREA_OVERLAPS_TABLE";

export class ActionError extends Error {
  constructor(
    public readonly code: ActionErrorCode,
    public readonly detail: Message,
  ) {
    super(detail.en);
    this.name = "ActionError";
  }
}
