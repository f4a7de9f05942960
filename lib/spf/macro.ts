// The SPF macro language (RFC 7208 §7): parsing with positions, and expansion.
import { type Message, message, render } from '../i18n';

export type MacroLetter = 's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'c' | 'r' | 't' | 'v';

export type MacroPart =
  | { kind: 'literal'; text: string }
  | {
      kind: 'expand';
      letter: MacroLetter;
      /** Upper-case letter: URL-escape the result (§7.3). */
      escape: boolean;
      /** Keep this many right-hand parts; null keeps all. */
      keep: number | null;
      reverse: boolean;
      delimiters: string;
      /** Offset of the "%" inside the macro string. */
      offset: number;
    };

export interface MacroSyntaxError {
  offset: number;
  /** The catalog's words for the problem (spf_syntax_macro_*). */
  problem: Message;
  /** Its English form, for the trace and the CLI. */
  reason: string;
}

function macroError(offset: number, problem: Message): { error: MacroSyntaxError } {
  return { error: { offset, problem, reason: render('en', problem) } };
}

const ALL_LETTERS = 'slodiphcrtv';
/** c, r and t are allowed only in explanation text (§7.2). */
const EXPLANATION_ONLY = 'crt';

/**
 * Parses a macro-string. `explanation` allows SP and the explanation-only letters (explain-string).
 * Returns the parts or the first syntax error with its offset inside `text`.
 */
export function parseMacroString(
  text: string,
  explanation = false,
): { parts: MacroPart[] } | { error: MacroSyntaxError } {
  const parts: MacroPart[] = [];
  let literal = '';
  const flush = () => {
    if (literal) parts.push({ kind: 'literal', text: literal });
    literal = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (ch !== '%') {
      const visible = code >= 0x21 && code <= 0x7e;
      if (!visible && !(explanation && ch === ' ')) {
        return macroError(i, message('spf_syntax_macro_bad_character', { char: describeChar(ch) }));
      }
      literal += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '%') {
      literal += '%';
      i += 2;
      continue;
    }
    if (next === '_') {
      literal += ' ';
      i += 2;
      continue;
    }
    if (next === '-') {
      literal += '%20';
      i += 2;
      continue;
    }
    if (next !== '{') {
      return macroError(i, message('spf_syntax_macro_bad_percent'));
    }
    const close = text.indexOf('}', i + 2);
    if (close < 0) return macroError(i, message('spf_syntax_macro_unclosed'));
    const body = text.slice(i + 2, close);
    const match = /^([a-zA-Z])([0-9]*)(r?)([.\-+,/_=]*)$/i.exec(body);
    const letterRaw = match?.[1];
    if (!match || !letterRaw) {
      return macroError(i, message('spf_syntax_macro_malformed', { macro: `%{${body}}` }));
    }
    const letter = letterRaw.toLowerCase();
    if (!ALL_LETTERS.includes(letter)) {
      return macroError(i, message('spf_syntax_macro_unknown_letter', { letter: letterRaw }));
    }
    if (!explanation && EXPLANATION_ONLY.includes(letter)) {
      return macroError(i, message('spf_syntax_macro_explanation_only', { letter: letterRaw }));
    }
    const digits = match[2] ?? '';
    if (digits !== '' && Number(digits) === 0) {
      return macroError(i, message('spf_syntax_macro_zero_digit'));
    }
    flush();
    parts.push({
      kind: 'expand',
      letter: letter as MacroLetter,
      escape: letterRaw !== letter,
      keep: digits === '' ? null : Number(digits),
      reverse: match[3] !== '',
      delimiters: match[4] ?? '',
      offset: i,
    });
    i = close + 1;
  }
  flush();
  return { parts };
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Values the macro letters expand to. `p` is computed lazily because it costs DNS lookups. */
export interface MacroValues {
  sender: string;
  localPart: string;
  senderDomain: string;
  domain: string;
  ipForm: string;
  ipReadable: string;
  ipVersion: 'in-addr' | 'ip6';
  helo: string;
  receiver: string;
  timestamp: number;
  validatedName: () => Promise<string>;
}

/** Whether the parts use %{p}, whose value costs DNS lookups (the one asynchronous macro). */
export function usesValidatedName(parts: readonly MacroPart[]): boolean {
  for (const part of parts) if (part.kind === 'expand' && part.letter === 'p') return true;
  return false;
}

/** Expands parsed parts (§7.3): split on delimiters, reverse, keep the right-most N, join with dots. */
export async function expandMacro(parts: readonly MacroPart[], values: MacroValues): Promise<string> {
  return expandMacroWith(parts, values, usesValidatedName(parts) ? await values.validatedName() : '');
}

/** expandMacro without waiting: `validatedName` is the value of %{p}, looked up beforehand when used. */
export function expandMacroWith(parts: readonly MacroPart[], values: MacroValues, validatedName: string): string {
  // A plain domain-spec (the common case) is one literal part.
  if (parts.length === 1 && parts[0]!.kind === 'literal') return parts[0]!.text;
  let out = '';
  for (const part of parts) {
    if (part.kind === 'literal') {
      out += part.text;
      continue;
    }
    let value = part.letter === 'p' ? validatedName : letterValue(part.letter, values);
    if (part.keep !== null || part.reverse || part.delimiters) {
      const delimiters = part.delimiters || '.';
      let pieces = splitOn(value, delimiters);
      if (part.reverse) pieces = pieces.reverse();
      if (part.keep !== null && part.keep < pieces.length) pieces = pieces.slice(pieces.length - part.keep);
      value = pieces.join('.');
    }
    out += part.escape ? urlEscape(value) : value;
  }
  return out;
}

function splitOn(value: string, delimiters: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of value) {
    if (delimiters.includes(ch)) {
      pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
}

function letterValue(letter: Exclude<MacroLetter, 'p'>, v: MacroValues): string {
  switch (letter) {
    case 's':
      return v.sender;
    case 'l':
      return v.localPart;
    case 'o':
      return v.senderDomain;
    case 'd':
      return v.domain;
    case 'i':
      return v.ipForm;
    case 'v':
      return v.ipVersion;
    case 'h':
      return v.helo;
    case 'c':
      return v.ipReadable;
    case 'r':
      return v.receiver;
    case 't':
      return String(v.timestamp);
  }
}

/** RFC 3986 escaping of everything outside the unreserved set, as §7.3 asks for upper-case macros. */
function urlEscape(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let out = '';
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
