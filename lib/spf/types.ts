// Public shapes of the SPF engine: parsed records, results, and the evaluation trace.
import type { IpAddress } from './ip';
import type { MacroPart } from './macro';
import type { Message } from '../i18n';

/** The seven check_host() results (RFC 7208 §2.6). */
export type SpfResult = 'none' | 'neutral' | 'pass' | 'fail' | 'softfail' | 'temperror' | 'permerror';

export const SPF_RESULTS: readonly SpfResult[] = [
  'none',
  'neutral',
  'pass',
  'fail',
  'softfail',
  'temperror',
  'permerror',
];

export type Qualifier = '+' | '-' | '~' | '?';

export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export interface MechanismTerm {
  kind: 'mechanism';
  name: MechanismName;
  qualifier: Qualifier;
  /** True when the record spelled the qualifier out (an explicit "+all" is worth flagging). */
  explicitQualifier: boolean;
  /** The domain-spec as written (a, mx, ptr, include, exists), unexpanded. */
  domainSpec?: string;
  domainMacro?: MacroPart[];
  /** ip4/ip6 network. */
  network?: IpAddress;
  /** CIDR prefix for IPv4 matches (ip4, a, mx); undefined means /32. */
  prefix4?: number;
  /** CIDR prefix for IPv6 matches (ip6, a, mx); undefined means /128. */
  prefix6?: number;
  text: string;
  /** Offset of the term inside the record text. */
  offset: number;
}

export interface ModifierTerm {
  kind: 'modifier';
  /** Lower-case modifier name. */
  name: string;
  value: string;
  macro: MacroPart[];
  text: string;
  offset: number;
}

export type SpfTerm = MechanismTerm | ModifierTerm;

export interface SpfRecord {
  text: string;
  terms: SpfTerm[];
  mechanisms: MechanismTerm[];
  redirect?: ModifierTerm;
  exp?: ModifierTerm;
  /** Modifiers other than redirect and exp: legal and ignored (e.g. ra=, rp=). */
  unknownModifiers: ModifierTerm[];
}

/** A syntax error, located: the term as written, its index, and the offset of the fault in the record. */
export interface SpfSyntaxError {
  term: string;
  termIndex: number;
  /** Offset of the term's first character in the record. */
  termOffset: number;
  /** Offset of the faulty character in the record. */
  offset: number;
  /** What is wrong, as a catalog message (spf_syntax_*), rendered in the reader's language. */
  problem: Message;
  /** The same in English, for the trace and the CLI. */
  reason: string;
}

export type ParseResult = { ok: true; record: SpfRecord } | { ok: false; error: SpfSyntaxError };

/** One DNS question asked during evaluation, as the trace shows it. */
export interface TraceQuery {
  name: string;
  type: string;
  outcome: 'answer' | 'nodata' | 'nxdomain' | 'error';
  answers: string[];
  /** Set for failures: which resolver, and what went wrong. */
  error?: string;
  resolver?: string;
}

/** A DNS query counted as void (RFC 7208 §4.6.4): which name and type, and how it came back empty. */
export interface VoidLookup {
  name: string;
  type: string;
  outcome: 'nodata' | 'nxdomain';
}

export interface TraceStep {
  /** 0 for the checked domain, +1 per include/redirect level. */
  depth: number;
  domain: string;
  /** The term as written, or a pseudo-step like "record" or "exp". */
  term: string;
  /** What happened: "match", "no match", "record found", a limit, an error... */
  outcome: string;
  /** DNS-querying terms counted so far (the 10-lookup limit). */
  lookups: number;
  voidLookups: number;
  queries: TraceQuery[];
  /** Set on the step recording a void lookup: the query that came back empty. */
  voidLookup?: VoidLookup;
}

export interface CheckHostResult {
  result: SpfResult;
  /** The fail explanation from exp= (or the default explanation), only for "fail". */
  explanation?: string;
  /** Why the result came out as it did, in English (the trace, the CLI). */
  reason: string;
  /** For permerror and temperror: why, as a catalog message to render in the reader's language. */
  problem?: Message;
  /** The record of the checked domain, when one was found. */
  record?: string;
  /** The term that decided the result, and the domain whose record holds it. */
  matched?: { domain: string; term: string };
  /** The deciding term and, through includes, the term that finally matched (for the UI's tree). */
  matchedChain?: { domain: string; term: string }[];
  /** Set for permerror caused by syntax: the located error. */
  syntaxError?: SpfSyntaxError & { domain: string };
  lookups: number;
  voidLookups: number;
  trace: TraceStep[];
}
