// SPF record parser (RFC 7208 §4.6, §12 ABNF). The whole record is checked before any evaluation,
// and every violation is reported with the term and the offset of the faulty character.
import { isTopLabel } from './domain';
import { parseIPv4, parseIPv6 } from './ip';
import { type Message, message, render } from '../i18n';
import { parseMacroString } from './macro';
import type {
  MechanismName,
  MechanismTerm,
  ModifierTerm,
  ParseResult,
  Qualifier,
  SpfSyntaxError,
  SpfTerm,
} from './types';

const VERSION = 'v=spf1';
const MECHANISMS: readonly MechanismName[] = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];

/** RFC 7208 §4.5: a record is SPF when it starts with "v=spf1" followed by a space or its end. */
export function isSpfRecord(text: string): boolean {
  if (text.length < VERSION.length) return false;
  if (text.slice(0, VERSION.length).toLowerCase() !== VERSION) return false;
  return text.length === VERSION.length || text[VERSION.length] === ' ';
}

/** A located syntax problem: the words are the catalog's (spf_syntax_*), `reason` their English form for the trace and CLI. */
// Not an Error: it is always caught inside parseRecord, so it needs no stack trace (costly to capture).
class TermError {
  constructor(
    readonly relativeOffset: number,
    readonly problem: Message,
  ) {}
}

export function parseRecord(text: string): ParseResult {
  if (!isSpfRecord(text)) {
    return {
      ok: false,
      error: syntaxError(text.slice(0, 6), -1, 0, 0, message('spf_syntax_no_version')),
    };
  }
  const terms: SpfTerm[] = [];
  const mechanisms: MechanismTerm[] = [];
  const unknownModifiers: ModifierTerm[] = [];
  let redirect: ModifierTerm | undefined;
  let exp: ModifierTerm | undefined;

  let index = 0;
  let position = VERSION.length;
  while (position < text.length) {
    // Terms are separated by one or more SP characters only (not tabs).
    if (text[position] === ' ') {
      position++;
      continue;
    }
    let end = text.indexOf(' ', position);
    if (end < 0) end = text.length;
    const termText = text.slice(position, end);
    const termOffset = position;
    const fail = (relativeOffset: number, problem: Message): ParseResult => ({
      ok: false,
      error: syntaxError(termText, index, termOffset, termOffset + relativeOffset, problem),
    });
    try {
      const term = parseTerm(termText, termOffset);
      if (term.kind === 'modifier') {
        if (term.name === 'redirect') {
          if (redirect) return fail(0, message('spf_syntax_duplicate_modifier', { name: 'redirect' }));
          redirect = term;
        } else if (term.name === 'exp') {
          if (exp) return fail(0, message('spf_syntax_duplicate_modifier', { name: 'exp' }));
          exp = term;
        } else {
          unknownModifiers.push(term);
        }
      } else {
        mechanisms.push(term);
      }
      terms.push(term);
    } catch (error) {
      if (error instanceof TermError) return fail(error.relativeOffset, error.problem);
      throw error;
    }
    index++;
    position = end;
  }
  return { ok: true, record: { text, terms, mechanisms, redirect, exp, unknownModifiers } };
}

function syntaxError(term: string, termIndex: number, termOffset: number, offset: number, problem: Message): SpfSyntaxError {
  return { term, termIndex, termOffset, offset, problem, reason: render('en', problem) };
}

function parseTerm(text: string, offset: number): SpfTerm {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) {
      throw new TermError(i, message('spf_syntax_bad_character', { char: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` }));
    }
  }
  const modifier = /^([A-Za-z][A-Za-z0-9\-_.]*)=/.exec(text);
  if (modifier) return parseModifier(text, modifier[1]!, offset);
  return parseMechanism(text, offset);
}

function parseModifier(text: string, rawName: string, offset: number): ModifierTerm {
  const name = rawName.toLowerCase();
  const valueOffset = rawName.length + 1;
  const value = text.slice(valueOffset);
  if (name === 'redirect' || name === 'exp') {
    const macro = checkDomainSpec(value, valueOffset, name);
    return { kind: 'modifier', name, value, macro, text, offset };
  }
  const parsed = parseMacroString(value);
  if ('error' in parsed) throw new TermError(valueOffset + parsed.error.offset, parsed.error.problem);
  return { kind: 'modifier', name, value, macro: parsed.parts, text, offset };
}

function parseMechanism(text: string, offset: number): MechanismTerm {
  let qualifier: Qualifier = '+';
  let explicitQualifier = false;
  let position = 0;
  if ('+-~?'.includes(text[0]!)) {
    qualifier = text[0] as Qualifier;
    explicitQualifier = true;
    position = 1;
  }
  const nameMatch = /^[A-Za-z][A-Za-z0-9]*/.exec(text.slice(position));
  if (!nameMatch) throw new TermError(position, message('spf_syntax_not_a_term', { term: text }));
  const name = nameMatch[0].toLowerCase() as MechanismName;
  if (!MECHANISMS.includes(name)) {
    throw new TermError(position, message('spf_syntax_unknown_mechanism', { name: nameMatch[0] }));
  }
  position += nameMatch[0].length;
  const rest = text.slice(position);
  const term: MechanismTerm = { kind: 'mechanism', name, qualifier, explicitQualifier, text, offset };

  switch (name) {
    case 'all':
      if (rest !== '') throw new TermError(position, message('spf_syntax_all_argument'));
      return term;
    case 'include':
    case 'exists': {
      if (!rest.startsWith(':')) throw new TermError(position, message('spf_syntax_needs_domain_after_colon', { name }));
      term.domainSpec = rest.slice(1);
      term.domainMacro = checkDomainSpec(term.domainSpec, position + 1, name);
      return term;
    }
    case 'ptr': {
      if (rest === '') return term;
      if (!rest.startsWith(':')) throw new TermError(position, message('spf_syntax_ptr_argument'));
      term.domainSpec = rest.slice(1);
      term.domainMacro = checkDomainSpec(term.domainSpec, position + 1, name);
      return term;
    }
    case 'a':
    case 'mx': {
      // [ ":" domain-spec ] [ ip4-cidr-length ] [ "/" ip6-cidr-length ], the CIDR parts taken from the end.
      const cidr = /(\/[0-9]*)?(\/\/[0-9]*)?$/.exec(rest)!;
      const body = rest.slice(0, rest.length - cidr[0].length);
      if (body !== '') {
        if (!body.startsWith(':')) throw new TermError(position, message('spf_syntax_unexpected_after', { char: body[0]!, name }));
        term.domainSpec = body.slice(1);
        term.domainMacro = checkDomainSpec(term.domainSpec, position + 1, name);
      }
      let cidrOffset = position + body.length;
      if (cidr[1]) {
        term.prefix4 = parseCidr(cidr[1].slice(1), 32, cidrOffset + 1);
        cidrOffset += cidr[1].length;
      }
      if (cidr[2]) term.prefix6 = parseCidr(cidr[2].slice(2), 128, cidrOffset + 2);
      return term;
    }
    case 'ip4':
    case 'ip6': {
      if (!rest.startsWith(':')) throw new TermError(position, message('spf_syntax_needs_network', { name }));
      const argument = rest.slice(1);
      const slash = argument.indexOf('/');
      const networkText = slash < 0 ? argument : argument.slice(0, slash);
      const network = name === 'ip4' ? parseIPv4(networkText) : parseIPv6(networkText);
      if (!network) {
        throw new TermError(position + 1, message(name === 'ip4' ? 'spf_syntax_bad_ip4' : 'spf_syntax_bad_ip6', { value: networkText }));
      }
      term.network = network;
      if (slash >= 0) {
        const prefix = parseCidr(argument.slice(slash + 1), name === 'ip4' ? 32 : 128, position + 2 + slash);
        if (name === 'ip4') term.prefix4 = prefix;
        else term.prefix6 = prefix;
      }
      return term;
    }
  }
}

/** CIDR lengths: no leading zeros, within the family's range (ip4-cidr-length, ip6-cidr-length). */
function parseCidr(digits: string, max: number, offset: number): number {
  if (!/^(0|[1-9][0-9]*)$/.test(digits)) {
    throw new TermError(offset, digits === '' ? message('spf_syntax_cidr_missing') : message('spf_syntax_cidr_invalid', { digits }));
  }
  const value = Number(digits);
  if (value > max) throw new TermError(offset, message('spf_syntax_cidr_too_large', { digits, max }));
  return value;
}

/**
 * domain-spec = macro-string domain-end; domain-end = ( "." toplabel [ "." ] ) / macro-expand.
 * Returns the parsed macro parts or throws a located TermError.
 */
function checkDomainSpec(spec: string, offset: number, termName: string) {
  if (spec === '') throw new TermError(offset, message('spf_syntax_needs_domain', { name: termName }));
  const parsed = parseMacroString(spec);
  if ('error' in parsed) throw new TermError(offset + parsed.error.offset, parsed.error.problem);
  if (endsWithMacroExpand(spec)) return parsed.parts;
  const withoutDot = spec.endsWith('.') ? spec.slice(0, -1) : spec;
  const lastDot = withoutDot.lastIndexOf('.');
  const topLabel = withoutDot.slice(lastDot + 1);
  if (lastDot < 0 || !isTopLabel(topLabel)) {
    throw new TermError(
      offset + lastDot + 1,
      lastDot < 0 ? message('spf_syntax_not_fqdn', { domain: spec }) : message('spf_syntax_bad_top_label', { label: topLabel }),
    );
  }
  return parsed.parts;
}

/** True when the macro-string's last token is a macro-expand (%{...}, %%, %_ or %-). */
function endsWithMacroExpand(spec: string): boolean {
  let i = 0;
  let lastWasExpand = false;
  while (i < spec.length) {
    if (spec[i] === '%') {
      const next = spec[i + 1];
      if (next === '{') {
        const close = spec.indexOf('}', i);
        i = close < 0 ? spec.length : close + 1;
      } else {
        i += 2;
      }
      lastWasExpand = true;
    } else {
      i++;
      lastWasExpand = false;
    }
  }
  return lastWasExpand;
}

export type { SpfSyntaxError };
