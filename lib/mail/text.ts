// Shared message shapes for the mail modules. They hold no words: every text is a catalog key with its
// parameters (lib/i18n renders it in the reader's language).
import type { Message } from '../i18n';

/**
 * A located finding about a record's text (an error or a warning): a stable code, the catalog message
 * that explains it, `offset` (the 0-based index in the original text where the problem starts, so the UI
 * can point at it) and `tag`, the tag involved, if any.
 */
export interface RecordIssue<Code extends string = string> extends Message {
  readonly code: Code;
  readonly offset: number;
  readonly tag?: string;
}

export function issue<Code extends string>(code: Code, text: Message, offset: number, tag?: string): RecordIssue<Code> {
  const base = text.params === undefined ? { code, key: text.key, offset } : { code, key: text.key, params: text.params, offset };
  return tag === undefined ? base : { ...base, tag };
}

/** Quotes a value for a message, showing invisible characters (a pasted newline, a tab) as escapes. */
export function shown(value: string): string {
  return JSON.stringify(value);
}
