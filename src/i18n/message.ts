// A sentence in both languages: every i18n file builds its messages with this one helper.
import type { Message } from "../engine/types";

export const m = (zh: string, en: string): Message => ({ zh, en });
