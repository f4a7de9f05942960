// Static analysis of a domain's whole SPF tree: every include and redirect is followed (without stopping at
// a match, unlike check_host), lookups are counted per node, and the problems a receiver would hit are
// listed. Sibling branches are fetched concurrently, so wall time follows the tree's depth, not its size.
import { DnsError, txtJoin } from '../dns/types';
import { type Message, message } from '../i18n';
import type { DnsResponse, RecordType, Resolver } from '../dns/types';
import { canonicalDomain, isQueryableDomain, truncateToFit } from './domain';
import { expandMacro } from './macro';
import type { MacroPart } from './macro';
import { isSpfRecord, parseRecord } from './parser';
import type { MechanismTerm, SpfRecord, SpfSyntaxError, SpfTerm } from './types';

export const LOOKUP_LIMIT = 10;
export const VOID_LOOKUP_LIMIT = 2;
/** RFC 7208 §3.4: keep the record small enough for a 512-octet UDP answer. */
export const RECOMMENDED_MAX_RECORD_OCTETS = 450;
/** One TXT character-string holds at most 255 octets (RFC 1035 §3.3). */
export const MAX_STRING_OCTETS = 255;

export type IssueCode =
  | 'no-record'
  | 'multiple-records'
  | 'syntax-error'
  | 'dns-error'
  | 'include-none'
  | 'loop'
  | 'lookup-limit'
  | 'void-limit'
  | 'void-lookup'
  | 'ptr'
  | 'plus-all'
  | 'neutral-all'
  | 'no-all'
  | 'terms-after-all'
  | 'redirect-ignored'
  | 'mx-too-many'
  | 'string-too-long'
  | 'record-too-large'
  | 'macro-target'
  | 'invalid-target'
  | 'mechanism-as-modifier';

export interface SpfIssue {
  code: IssueCode;
  severity: 'error' | 'warning' | 'info';
  domain: string;
  term?: string;
  /** What the issue is, as a catalog message (spf_issue_*). */
  text: Message;
  /** For a loop: the domains from the first visit of the repeated one back to it (a → b → a). */
  cycle?: string[];
}

export interface TermAnalysis {
  text: string;
  /** Counts against the 10 DNS-lookup limit (include, a, mx, ptr, exists, effective redirect). */
  countsLookup: boolean;
  /** The term's own query returned nothing (counts against the void limit). */
  void?: boolean;
  /** For mx: how many MX hosts the domain has. */
  mxHosts?: number;
  /** For include/redirect: the resolved target and its subtree. */
  child?: SpfNode;
}

export type NodeStatus = 'ok' | 'none' | 'multiple' | 'syntax-error' | 'dns-error' | 'loop' | 'invalid-domain';

export interface SpfNode {
  domain: string;
  via: 'root' | 'include' | 'redirect';
  status: NodeStatus;
  record?: string;
  /** The record's TXT character-strings as published. */
  strings?: string[];
  /** All SPF records, when there are several. */
  records?: string[];
  syntaxError?: SpfSyntaxError;
  error?: string;
  terms: TermAnalysis[];
  /** DNS-querying terms in this record alone. */
  ownLookups: number;
  /** This record's lookups plus those of everything it includes or redirects to. */
  totalLookups: number;
  ownVoidLookups: number;
  totalVoidLookups: number;
  children: SpfNode[];
}

export interface SpfAnalysis {
  domain: string;
  root: SpfNode;
  totalLookups: number;
  totalVoidLookups: number;
  issues: SpfIssue[];
  /** DNS questions asked during the walk. */
  queries: number;
}

export interface AnalyseOptions {
  resolver: Resolver;
  /** Walk strictly one query at a time (the benchmark's baseline). */
  sequential?: boolean;
  /** Guard against pathological trees; RFC limits make deeper trees fail anyway. */
  maxDepth?: number;
}

interface WalkContext {
  resolver: Resolver;
  sequential: boolean;
  maxDepth: number;
  queries: number;
  issues: SpfIssue[];
}

function newContext(options: AnalyseOptions): WalkContext {
  return { resolver: options.resolver, sequential: options.sequential ?? false, maxDepth: options.maxDepth ?? 12, queries: 0, issues: [] };
}

/** Analyses the SPF tree published at `domain`. Never throws for DNS or syntax problems: they become issues. */
export async function analyseSpf(domain: string, options: AnalyseOptions): Promise<SpfAnalysis> {
  const context = newContext(options);
  const name = canonicalDomain(domain);
  const root = await walk(context, name, 'root', [], name);
  return finish(context, name, root);
}

/**
 * Analyses a record that is not (yet) published — e.g. the value typed into a panel — with its
 * includes resolved live. `domain` is where it will be published.
 */
export async function analyseRecordText(
  domain: string,
  text: string,
  options: AnalyseOptions,
  /** The character-strings the record will be published as; one string holding everything by default. */
  strings: string[] = [text],
): Promise<SpfAnalysis> {
  const context = newContext(options);
  const name = canonicalDomain(domain);
  const root = await analyseText(context, name, 'root', [name], name, text, strings);
  return finish(context, name, root);
}

function finish(context: WalkContext, domain: string, root: SpfNode): SpfAnalysis {
  if (root.totalLookups > LOOKUP_LIMIT) {
    context.issues.push({
      code: 'lookup-limit',
      severity: 'error',
      domain,
      text: message('spf_issue_lookup_limit', { lookups: root.totalLookups, limit: LOOKUP_LIMIT }),
    });
  }
  if (root.totalVoidLookups > VOID_LOOKUP_LIMIT) {
    context.issues.push({
      code: 'void-limit',
      severity: 'error',
      domain,
      text: message('spf_issue_void_limit', { count: root.totalVoidLookups, limit: VOID_LOOKUP_LIMIT }),
    });
  }
  return {
    domain,
    root,
    totalLookups: root.totalLookups,
    totalVoidLookups: root.totalVoidLookups,
    issues: context.issues,
    queries: context.queries,
  };
}

async function query(context: WalkContext, name: string, type: RecordType): Promise<DnsResponse | DnsError> {
  context.queries++;
  try {
    return await context.resolver.query(name, type);
  } catch (error) {
    return error instanceof DnsError ? error : new DnsError('other', 'resolver', name, type, String(error));
  }
}

/** Runs tasks concurrently, or one after another in sequential mode. */
async function runAll<T>(context: WalkContext, tasks: (() => Promise<T>)[]): Promise<T[]> {
  if (!context.sequential) return Promise.all(tasks.map((task) => task()));
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

function emptyNode(domain: string, via: SpfNode['via'], status: NodeStatus, extra: Partial<SpfNode> = {}): SpfNode {
  return {
    domain,
    via,
    status,
    terms: [],
    ownLookups: 0,
    totalLookups: 0,
    ownVoidLookups: 0,
    totalVoidLookups: 0,
    children: [],
    ...extra,
  };
}

async function walk(context: WalkContext, domain: string, via: SpfNode['via'], path: string[], rootDomain: string): Promise<SpfNode> {
  if (path.includes(domain)) {
    const cycle = [...path.slice(path.indexOf(domain)), domain];
    context.issues.push({
      code: 'loop',
      severity: 'error',
      domain: path[path.length - 1] ?? domain,
      text: message('spf_issue_loop', { domain, path: [...path, domain].join(' → ') }),
      cycle,
    });
    return emptyNode(domain, via, 'loop');
  }
  const nextPath = [...path, domain];
  const answer = await query(context, domain, 'TXT');
  if (answer instanceof DnsError) {
    context.issues.push({ code: 'dns-error', severity: 'error', domain, text: message('spf_issue_dns_error', { domain, reason: answer.message }) });
    return emptyNode(domain, via, 'dns-error', { error: answer.message });
  }
  const spf = answer.answers.filter((r) => r.type === 'TXT' && isSpfRecord(txtJoin(r)));
  if (spf.length === 0) {
    const text = via === 'root' ? message('spf_issue_no_record', { domain }) : message('spf_issue_include_none', { domain, via });
    context.issues.push({ code: via === 'root' ? 'no-record' : 'include-none', severity: 'error', domain, text });
    return emptyNode(domain, via, 'none');
  }
  if (spf.length > 1) {
    const records = spf.map(txtJoin);
    context.issues.push({
      code: 'multiple-records',
      severity: 'error',
      domain,
      text: message('spf_issue_multiple_records', { domain, count: records.length }),
    });
    return emptyNode(domain, via, 'multiple', { records });
  }
  const record = spf[0]!;
  const strings = record.type === 'TXT' ? record.data : [];
  return analyseText(context, domain, via, nextPath, rootDomain, txtJoin(record), strings);
}

async function analyseText(
  context: WalkContext,
  domain: string,
  via: SpfNode['via'],
  path: string[],
  rootDomain: string,
  text: string,
  strings: string[],
): Promise<SpfNode> {
  checkSize(context, domain, text, strings);
  const parsed = parseRecord(text);
  if (!parsed.ok) {
    context.issues.push({
      code: 'syntax-error',
      severity: 'error',
      domain,
      term: parsed.error.term,
      text: message('spf_issue_syntax_error', { term: parsed.error.term, position: parsed.error.offset + 1, problem: parsed.error.problem }),
    });
    return emptyNode(domain, via, 'syntax-error', { record: text, strings, syntaxError: parsed.error });
  }
  const node = emptyNode(domain, via, 'ok', { record: text, strings });
  lintTerms(context, parsed.record, domain, via);

  const hasAll = parsed.record.mechanisms.some((m) => m.name === 'all');
  const tasks: (() => Promise<TermAnalysis>)[] = parsed.record.terms.map((term) => () =>
    analyseTerm(context, term, domain, path, rootDomain, hasAll),
  );
  node.terms = await runAll(context, tasks);
  if (path.length > context.maxDepth) node.error = 'tree too deep; not followed further';

  for (const term of node.terms) {
    if (term.countsLookup) node.ownLookups++;
    if (term.void) node.ownVoidLookups++;
    if (term.child) node.children.push(term.child);
  }
  node.totalLookups = node.ownLookups + node.children.reduce((sum, c) => sum + c.totalLookups, 0);
  node.totalVoidLookups = node.ownVoidLookups + node.children.reduce((sum, c) => sum + c.totalVoidLookups, 0);
  return node;
}

async function analyseTerm(
  context: WalkContext,
  term: SpfTerm,
  domain: string,
  path: string[],
  rootDomain: string,
  hasAll: boolean,
): Promise<TermAnalysis> {
  if (term.kind === 'modifier') {
    if (term.name !== 'redirect') return { text: term.text, countsLookup: false };
    if (hasAll) return { text: term.text, countsLookup: false };
    const target = await staticTarget(context, term.macro, domain, rootDomain, term.text);
    if (!target || path.length > context.maxDepth) return { text: term.text, countsLookup: true };
    return { text: term.text, countsLookup: true, child: await walk(context, target, 'redirect', path, rootDomain) };
  }
  switch (term.name) {
    case 'all':
    case 'ip4':
    case 'ip6':
      return { text: term.text, countsLookup: false };
    case 'ptr':
      return { text: term.text, countsLookup: true };
    case 'include': {
      const target = await staticTarget(context, term.domainMacro!, domain, rootDomain, term.text);
      if (!target || path.length > context.maxDepth) return { text: term.text, countsLookup: true };
      return { text: term.text, countsLookup: true, child: await walk(context, target, 'include', path, rootDomain) };
    }
    case 'a':
    case 'mx':
    case 'exists':
      return analyseAddressTerm(context, term, domain, rootDomain);
  }
}

/** a, mx and exists: one query each to see whether the lookup would be void. */
async function analyseAddressTerm(context: WalkContext, term: MechanismTerm, domain: string, rootDomain: string): Promise<TermAnalysis> {
  const base: TermAnalysis = { text: term.text, countsLookup: true };
  const target = term.domainMacro ? await staticTarget(context, term.domainMacro, domain, rootDomain, term.text) : domain;
  if (!target) return base;
  if (term.name === 'mx') {
    const mx = await query(context, target, 'MX');
    if (mx instanceof DnsError) return base;
    const hosts = mx.answers.length;
    if (hosts > 10) {
      context.issues.push({
        code: 'mx-too-many',
        severity: 'error',
        domain,
        term: term.text,
        text: message('spf_issue_mx_too_many', { target, hosts }),
      });
    }
    return markVoid(context, { ...base, mxHosts: hosts }, hosts === 0, domain, target);
  }
  // Which address family a receiver asks for depends on the client; the term is void only when both are empty.
  const types: RecordType[] = term.name === 'exists' ? ['A'] : ['A', 'AAAA'];
  const answers = await runAll(context, types.map((type) => () => query(context, target, type)));
  if (answers.some((a) => a instanceof DnsError)) return base;
  const empty = answers.every((a) => !(a instanceof DnsError) && a.answers.length === 0);
  return markVoid(context, base, empty, domain, target);
}

function markVoid(context: WalkContext, analysis: TermAnalysis, isVoid: boolean, domain: string, target: string): TermAnalysis {
  if (!isVoid) return analysis;
  context.issues.push({
    code: 'void-lookup',
    severity: 'warning',
    domain,
    term: analysis.text,
    text: message('spf_issue_void_lookup', { term: analysis.text, target, limit: VOID_LOOKUP_LIMIT }),
  });
  return { ...analysis, void: true };
}

/**
 * Expands a domain-spec where that is possible without a message: %{d} and %{o} (taken as the checked
 * domain). Terms that depend on the sender or client (%{i}, %{s}, %{l}, %{h}, %{p}…) are not followed.
 */
async function staticTarget(
  context: WalkContext,
  parts: readonly MacroPart[],
  domain: string,
  rootDomain: string,
  termText: string,
): Promise<string | null> {
  const dynamic = parts.some((p) => p.kind === 'expand' && p.letter !== 'd' && p.letter !== 'o');
  if (dynamic) {
    context.issues.push({
      code: 'macro-target',
      severity: 'info',
      domain,
      term: termText,
      text: message('spf_issue_macro_target', { term: termText }),
    });
    return null;
  }
  const expanded = truncateToFit(
    await expandMacro(parts, {
      sender: `postmaster@${rootDomain}`,
      localPart: 'postmaster',
      senderDomain: rootDomain,
      domain,
      ipForm: '',
      ipReadable: '',
      ipVersion: 'in-addr',
      helo: '',
      receiver: '',
      timestamp: 0,
      validatedName: async () => 'unknown',
    }),
  );
  if (!isQueryableDomain(expanded)) {
    context.issues.push({
      code: 'invalid-target',
      severity: 'error',
      domain,
      term: termText,
      text: message('spf_issue_invalid_target', { term: termText, target: expanded }),
    });
    return null;
  }
  return canonicalDomain(expanded);
}

function lintTerms(context: WalkContext, record: SpfRecord, domain: string, via: SpfNode['via']): void {
  const push = (code: IssueCode, severity: SpfIssue['severity'], text: Message, term?: string) =>
    context.issues.push({ code, severity, domain, term, text });
  const mechanisms = record.mechanisms;
  const allIndex = mechanisms.findIndex((m) => m.name === 'all');
  for (const term of mechanisms) {
    if (term.name === 'ptr') {
      push('ptr', 'warning', message('spf_issue_ptr', { term: term.text }), term.text);
    }
  }
  for (const modifier of record.unknownModifiers) {
    if (['include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists', 'all'].includes(modifier.name)) {
      push(
        'mechanism-as-modifier',
        'error',
        message('spf_issue_mechanism_as_modifier', { term: modifier.text, suggestion: `${modifier.name}:${modifier.value}` }),
        modifier.text,
      );
    }
  }
  if (allIndex >= 0) {
    const all = mechanisms[allIndex]!;
    if (all.qualifier === '+') {
      push('plus-all', 'error', message('spf_issue_plus_all', { term: all.text, domain }), all.text);
    } else if (all.qualifier === '?' && via !== 'include') {
      push('neutral-all', 'warning', message('spf_issue_neutral_all', { term: all.text }), all.text);
    }
    const after = mechanisms.slice(allIndex + 1);
    if (after.length > 0) {
      push('terms-after-all', 'warning', message('spf_issue_terms_after_all', { terms: after.map((m) => m.text).join(' '), all: all.text }), after[0]!.text);
    }
    if (record.redirect) {
      push('redirect-ignored', 'warning', message('spf_issue_redirect_ignored', { term: record.redirect.text }), record.redirect.text);
    }
  } else if (!record.redirect && via !== 'include') {
    push('no-all', 'warning', message('spf_issue_no_all', { domain }));
  }
}

function checkSize(context: WalkContext, domain: string, text: string, strings: string[]): void {
  const encoder = new TextEncoder();
  const longest = Math.max(0, ...strings.map((s) => encoder.encode(s).length));
  if (longest > MAX_STRING_OCTETS) {
    context.issues.push({
      code: 'string-too-long',
      severity: 'error',
      domain,
      text: message('spf_issue_string_too_long', { octets: longest, max: MAX_STRING_OCTETS }),
    });
  }
  const total = encoder.encode(text).length;
  if (total > RECOMMENDED_MAX_RECORD_OCTETS) {
    context.issues.push({
      code: 'record-too-large',
      severity: 'warning',
      domain,
      text: message('spf_issue_record_too_large', { octets: total, max: RECOMMENDED_MAX_RECORD_OCTETS }),
    });
  }
}
