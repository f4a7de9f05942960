// Shared message shapes for the mail modules. Every user-facing string exists in English and Japanese.

/** A user-facing text in both languages the extension ships. */
export interface Bilingual {
  readonly en: string;
  readonly ja: string;
}

/**
 * A located finding about a record's text (an error or a warning). `offset` is the 0-based index in the
 * original text where the problem starts, so the UI can point at it; `tag` names the tag involved, if any.
 */
export interface RecordIssue<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
  readonly messageJa: string;
  readonly offset: number;
  readonly tag?: string;
}

export function issue<Code extends string>(
  code: Code,
  text: Bilingual,
  offset: number,
  tag?: string,
): RecordIssue<Code> {
  return tag === undefined
    ? { code, message: text.en, messageJa: text.ja, offset }
    : { code, message: text.en, messageJa: text.ja, offset, tag };
}

/** Quotes a value for a message, showing invisible characters (a pasted newline, a tab) as escapes. */
export function shown(value: string): string {
  return JSON.stringify(value);
}
