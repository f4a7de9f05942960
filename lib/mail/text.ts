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

export type RecordParseResult<Parsed, ErrorCode extends string, WarningCode extends string> =
  | { ok: true; record: Parsed; warnings: RecordIssue<WarningCode>[] }
  | { ok: false; error: RecordIssue<ErrorCode>; warnings: RecordIssue<WarningCode>[] };

/** Thrown by `fail` inside a record parser: the first error ends the parse. */
class RecordSyntaxError extends Error {
  constructor(readonly detail: RecordIssue) {
    super(detail.key);
  }
}

/** Stops the parse at the first error (caught by `parseRecord`). */
export function fail<Code extends string>(code: Code, text: Message, offset: number, tag?: string): never {
  throw new RecordSyntaxError(issue(code, text, offset, tag));
}

/** The checks every tag-list record starts with: not empty ('empty'), not wrapped in quotes ('quoted'). */
export function failIfEmptyOrQuoted(text: string, empty: Message, quoted: Message): void {
  if (text.trim() === '') fail('empty', empty, 0);
  const firstChar = text.search(/\S/);
  if (text.charAt(firstChar) === '"') fail('quoted', quoted, firstChar);
}

/** Runs a parser that collects warnings and calls `fail` on an error. Never throws for a bad record. */
export function parseRecord<Parsed, ErrorCode extends string, WarningCode extends string>(
  parse: (warnings: RecordIssue<WarningCode>[]) => Parsed,
): RecordParseResult<Parsed, ErrorCode, WarningCode> {
  const warnings: RecordIssue<WarningCode>[] = [];
  try {
    return { ok: true, record: parse(warnings), warnings };
  } catch (caught) {
    if (caught instanceof RecordSyntaxError) return { ok: false, error: caught.detail as RecordIssue<ErrorCode>, warnings };
    throw caught;
  }
}

/** Quotes a value for a message, showing invisible characters (a pasted newline, a tab) as escapes. */
export function shown(value: string): string {
  return JSON.stringify(value);
}
