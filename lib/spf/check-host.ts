// check_host() exactly as RFC 7208 §4-§8 describe it, with a trace of every step for the UI.
import { DnsError, txtJoin } from '../dns/types';
import type { DnsRecord, DnsResponse, RecordType, Resolver } from '../dns/types';
import { type Message, message, render } from '../i18n';
import { canonicalDomain, isQueryableDomain, isSubdomainOrSame, truncateToFit } from './domain';
import { formatIp, inNetwork, ipMacroForm, parseIp, reverseName, unmapIPv4 } from './ip';
import type { IpAddress } from './ip';
import { expandMacroWith, parseMacroString, usesValidatedName } from './macro';
import type { MacroPart, MacroValues } from './macro';
import { isSpfRecord, parseRecord } from './parser';
import type {
  CheckHostResult,
  MechanismTerm,
  Qualifier,
  SpfRecord,
  SpfResult,
  SpfSyntaxError,
  TraceQuery,
  TraceStep,
  VoidLookup,
} from './types';

export interface CheckHostInput {
  /** The SMTP client's address (IPv4, IPv6, or IPv4-mapped IPv6). */
  ip: string;
  /** MAIL FROM address; empty for a null reverse-path, in which case the HELO identity is checked. */
  sender: string;
  /** HELO/EHLO name. */
  helo?: string;
  /** The domain to check; defaults to the sender's domain (or the HELO name for an empty sender). */
  domain?: string;
}

export interface CheckHostOptions {
  resolver: Resolver;
  /** %{r}: the receiving host's name. */
  receiver?: string;
  /** %{t}: seconds since the epoch. */
  now?: () => number;
  /** Explanation used for "fail" when the record has no usable exp=. */
  defaultExplanation?: string;
  /** RFC 7208 §4.6.4 limits. */
  maxLookups?: number;
  maxVoidLookups?: number;
  /** Address records looked up per mx or ptr term. */
  maxNamesPerLookup?: number;
}

export const DEFAULT_EXPLANATION = 'The domain\'s SPF record does not authorize this sender.';

const RESULT_BY_QUALIFIER: Record<Qualifier, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/**
 * Ends the whole evaluation at once: permerror and temperror propagate through include and redirect.
 * Not an Error: it never leaves checkHost, so it needs no stack trace (capturing one is costly).
 */
class Abort {
  constructor(
    readonly result: 'permerror' | 'temperror',
    /** Why, as a catalog message (spf_error_*): a bounce explanation shows it in the reader's language. */
    readonly problem: Message,
    readonly syntaxError?: SpfSyntaxError & { domain: string },
  ) {}
}

/** Shared empty lists for steps without queries and terms without an inner match (never mutated). */
const NO_QUERIES = Object.freeze([]) as unknown as TraceQuery[];
const NO_CHAIN: readonly { domain: string; term: string }[] = Object.freeze([]);

/** Parsed records by text: the same records are evaluated again and again (providers, bounces, suites). */
const parsedRecords = new Map<string, ReturnType<typeof parseRecord>>();
const PARSED_RECORDS_KEPT = 512;

function parseCached(text: string): ReturnType<typeof parseRecord> {
  let parsed = parsedRecords.get(text);
  if (parsed === undefined) {
    parsed = parseRecord(text);
    if (parsedRecords.size >= PARSED_RECORDS_KEPT) parsedRecords.delete(parsedRecords.keys().next().value!);
    parsedRecords.set(text, parsed);
  }
  return parsed;
}

interface RecordOutcome {
  result: SpfResult;
  reason: string;
  matched?: { domain: string; term: string };
  /** From the deciding term down through includes to the term that finally matched. */
  matchedChain?: { domain: string; term: string }[];
  /** The record whose exp= explains a fail (the top record, or the one redirect led to). */
  explainer?: { record: SpfRecord; domain: string };
  record?: string;
}

/** A query's outcome: the answer, or the DnsError as a value (no wrapper object per query). */
type Lookup = DnsResponse | DnsError;

class Evaluation {
  lookups = 0;
  voidLookups = 0;
  readonly trace: TraceStep[] = [];
  private readonly maxLookups: number;
  private readonly maxVoid: number;
  private readonly maxNames: number;
  private reverse: string | undefined;
  /** The macro values of this evaluation; `domain` is set before each (synchronous) expansion. */
  private readonly values: MacroValues;
  private validatedNamesCache: Promise<string[]> | null = null;
  /** Off while the explanation is built: exp= lookups come after evaluation and are not counted (§4.6.4). */
  private countingVoids = true;
  /** The term being evaluated, for trace steps made from inside macro expansion (%{p}). */
  private atDepth = 0;
  private atDomain = '';
  private atTerm = '';
  /** Set by a matching include: the chain of terms that matched inside it. */
  private innerChain: readonly { domain: string; term: string }[] = NO_CHAIN;

  constructor(
    private readonly options: CheckHostOptions,
    private readonly ip: IpAddress,
    private readonly sender: string,
    private readonly helo: string,
  ) {
    this.maxLookups = options.maxLookups ?? 10;
    this.maxVoid = options.maxVoidLookups ?? 2;
    this.maxNames = options.maxNamesPerLookup ?? 10;
    const at = sender.lastIndexOf('@');
    this.values = {
      sender,
      localPart: sender.slice(0, at),
      senderDomain: sender.slice(at + 1),
      domain: '',
      // Filled in by expand() the first time a macro needs them: most evaluations never do.
      ipForm: '',
      ipReadable: '',
      ipVersion: ip.family === 4 ? 'in-addr' : 'ip6',
      helo,
      receiver: options.receiver ?? 'unknown',
      timestamp: Math.floor(options.now?.() ?? Date.now() / 1000),
      // expand() looks %{p} up itself, before expanding; this field is never called here.
      validatedName: unusedValidatedName,
    };
  }

  step(depth: number, domain: string, term: string, outcome: string, queries: TraceQuery[] = NO_QUERIES, voidLookup?: VoidLookup): void {
    const step: TraceStep = { depth, domain, term, outcome, lookups: this.lookups, voidLookups: this.voidLookups, queries };
    if (voidLookup) step.voidLookup = voidLookup;
    this.trace.push(step);
  }

  /**
   * One DNS question; failures come back as values so each caller applies its own RFC rule. A plain
   * promise chain rather than an async function: one promise less per question on the hot path.
   */
  query(name: string, type: RecordType, log: TraceQuery[]): Promise<Lookup> {
    let pending: Promise<DnsResponse>;
    try {
      pending = this.options.resolver.query(name, type);
    } catch (error) {
      return Promise.resolve(failedQuery(name, type, error, log));
    }
    return pending.then(
      (response) => answeredQuery(name, type, response, log),
      (error: unknown) => failedQuery(name, type, error, log),
    );
  }

  /**
   * Counts a void lookup (RFC 7208 §4.6.4): a DNS query answered NOERROR with no answers, or NXDOMAIN.
   * Every query counts on its own, including the address queries for MX hosts and PTR names; the trace
   * gets a `voidLookup` step naming the query.
   */
  countVoid(response: DnsResponse, depth: number, domain: string, term: string, log: TraceQuery[] = []): void {
    if (response.answers.length > 0 || !this.countingVoids) return;
    this.voidLookups++;
    const outcome = response.rcode === 'NXDOMAIN' ? 'nxdomain' : 'nodata';
    const voidLookup = { name: response.name, type: response.type, outcome } as const;
    if (this.voidLookups > this.maxVoid) {
      // The term's queries so far go with this last step: the evaluation ends here.
      this.step(depth, domain, term, `void lookup limit exceeded (${this.voidLookups} > ${this.maxVoid}) at ${response.name} ${response.type}`, log, voidLookup);
      throw new Abort('permerror', message('spf_error_void_limit', { max: this.maxVoid, name: response.name, type: response.type }));
    }
    this.step(depth, domain, term, `void lookup ${this.voidLookups} of at most ${this.maxVoid}: ${response.name} ${response.type} ${outcome}`, NO_QUERIES, voidLookup);
  }

  countLookup(depth: number, domain: string, term: string): void {
    this.lookups++;
    if (this.lookups > this.maxLookups) {
      this.step(depth, domain, term, `DNS lookup limit exceeded (${this.lookups} > ${this.maxLookups})`);
      throw new Abort('permerror', message('spf_error_lookup_limit', { max: this.maxLookups }));
    }
  }

  /**
   * Expands macro parts for `domain`. Synchronous unless %{p} is used (its value costs DNS lookups): the
   * hot path does not wait on a promise per term.
   */
  expand(parts: readonly MacroPart[], domain: string): string | Promise<string> {
    if (this.values.ipForm === '' && (parts.length > 1 || parts[0]?.kind === 'expand')) {
      this.values.ipForm = ipMacroForm(this.ip);
      this.values.ipReadable = formatIp(this.ip);
    }
    if (!usesValidatedName(parts)) {
      this.values.domain = domain;
      return expandMacroWith(parts, this.values, '');
    }
    return this.validatedName(domain).then((name) => {
      this.values.domain = domain;
      return expandMacroWith(parts, this.values, name);
    });
  }

  /** Expands a domain-spec into a name to query (§7.3 truncation), or null when it is not a valid name. */
  async targetName(parts: readonly MacroPart[], domain: string): Promise<string | null> {
    const expanded = this.expand(parts, domain);
    return queryableTarget(typeof expanded === 'string' ? expanded : await expanded);
  }

  /**
   * %{p} (§7.3): a validated PTR name of the client, preferring the current domain, then a subdomain
   * of it. The PTR names are validated once per evaluation; the choice depends on the domain.
   */
  async validatedName(domain: string): Promise<string> {
    this.validatedNamesCache ??= (async () => {
      const log: TraceQuery[] = [];
      const { atDepth: depth, atDomain: at, atTerm: term } = this;
      const names = await this.validatedNames(log);
      this.step(depth, at, term, `%{p}: validated names ${names.join(', ') || 'none'}`, log);
      return names;
    })();
    const names = await this.validatedNamesCache;
    return names.find((n) => n === domain) ?? names.find((n) => isSubdomainOrSame(n, domain)) ?? names[0] ?? 'unknown';
  }

  /**
   * PTR names of the client whose A/AAAA lookup contains the client address (§5.5), for %{p}. Its
   * queries are DNS queries of the evaluation like any other: empty answers count as void (§4.6.4).
   */
  async validatedNames(log: TraceQuery[]): Promise<string[]> {
    const { atDepth: depth, atDomain: domain, atTerm: term } = this;
    const ptr = await this.query(this.reverseName(), 'PTR', log);
    if (ptr instanceof DnsError) return [];
    this.countVoid(ptr, depth, domain, term, log);
    const names = ptr.answers.slice(0, this.maxNames).map((r) => canonicalDomain(String(r.data)));
    const validated: string[] = [];
    for (const name of names) {
      if (!isQueryableDomain(name)) continue;
      const addresses = await this.query(name, this.ip.family === 4 ? 'A' : 'AAAA', log);
      if (addresses instanceof DnsError) continue; // a DNS error skips this name (§5.5)
      this.countVoid(addresses, depth, domain, term, log);
      if (this.anyAddressMatches(addresses, this.ip.family === 4 ? 32 : 128)) {
        validated.push(name);
      }
    }
    return validated;
  }

  /** Whether any A/AAAA record of the answer is in the client's network of `prefix` bits. */
  anyAddressMatches(response: DnsResponse, prefix: number): boolean {
    for (const record of response.answers) if (this.addressMatches(String(record.data), prefix)) return true;
    return false;
  }

  addressMatches(address: string, prefix: number): boolean {
    const parsed = parseAddress(address);
    return parsed !== null && inNetwork(this.ip, parsed, prefix);
  }

  /** check_host() for one domain; `depth` grows through include and redirect. */
  async checkDomain(domain: string, depth: number): Promise<RecordOutcome> {
    if (!isQueryableDomain(domain)) {
      this.step(depth, domain, 'domain', 'not a valid domain name: result none');
      return { result: 'none', reason: `"${domain}" is not a valid domain name` };
    }
    const name = canonicalDomain(domain);
    const log: TraceQuery[] = [];
    const txt = await this.query(name, 'TXT', log);
    if (txt instanceof DnsError) {
      this.step(depth, name, 'record', 'DNS error: temperror', log);
      throw new Abort('temperror', message('spf_error_dns_record', { name, reason: txt.message }));
    }
    if (txt.rcode === 'NXDOMAIN') {
      this.step(depth, name, 'record', 'domain does not exist: none', log);
      return { result: 'none', reason: `${name} does not exist` };
    }
    // The trace already holds the joined TXT strings (§3.3) of this answer.
    const spfTexts = log[log.length - 1]!.answers.filter(isSpfRecord);
    if (spfTexts.length === 0) {
      this.step(depth, name, 'record', 'no SPF record: none', log);
      return { result: 'none', reason: `${name} has no SPF record` };
    }
    if (spfTexts.length > 1) {
      this.step(depth, name, 'record', `${spfTexts.length} SPF records: permerror`, log);
      throw new Abort('permerror', message('spf_error_multiple_records', { name, count: spfTexts.length }));
    }
    const text = spfTexts[0]!;
    const parsed = parseCached(text);
    if (!parsed.ok) {
      this.step(depth, name, parsed.error.term, `syntax error at offset ${parsed.error.offset}: ${parsed.error.reason}`, log);
      throw new Abort(
        'permerror',
        message('spf_error_syntax', { domain: name, term: parsed.error.term, position: parsed.error.offset + 1, problem: parsed.error.problem }),
        { ...parsed.error, domain: name },
      );
    }
    this.step(depth, name, 'record', text, log);
    const outcome = await this.evaluateRecord(parsed.record, name, depth);
    outcome.record = text;
    return outcome;
  }

  async evaluateRecord(record: SpfRecord, domain: string, depth: number): Promise<RecordOutcome> {
    for (const term of record.mechanisms) {
      this.innerChain = NO_CHAIN;
      // all, ip4 and ip6 need no DNS: evaluated without a promise.
      const matched = isLocal(term) ? this.evaluateLocal(term, domain, depth) : await this.evaluateMechanism(term, domain, depth);
      if (matched) {
        const result = RESULT_BY_QUALIFIER[term.qualifier];
        return {
          result,
          reason: `"${term.text}" in the SPF record of ${domain} matched`,
          matched: { domain, term: term.text },
          matchedChain: [{ domain, term: term.text }, ...this.innerChain],
          explainer: { record, domain },
        };
      }
    }
    // redirect applies only when no mechanism matched and the record has no "all" (§6.1).
    let hasAll = false;
    for (const m of record.mechanisms) if (m.name === 'all') hasAll = true;
    if (record.redirect && !hasAll) {
      const term = record.redirect.text;
      this.atDepth = depth;
      this.atDomain = domain;
      this.atTerm = term;
      this.countLookup(depth, domain, term);
      const target = await this.targetName(record.redirect.macro, domain);
      if (target === null) {
        this.step(depth, domain, term, 'target is not a valid domain: permerror');
        throw new Abort('permerror', message('spf_error_redirect_invalid', { domain }));
      }
      this.step(depth, domain, term, `redirect to ${target}`);
      const outcome = await this.checkDomain(target, depth + 1);
      if (outcome.result === 'none') {
        throw new Abort('permerror', message('spf_error_redirect_none', { domain, target }));
      }
      return outcome;
    }
    this.step(depth, domain, 'end', 'no term matched: neutral');
    return { result: 'neutral', reason: `no term in the SPF record of ${domain} matched`, explainer: { record, domain } };
  }

  async evaluateMechanism(term: MechanismTerm, domain: string, depth: number): Promise<boolean> {
    this.atDepth = depth;
    this.atDomain = domain;
    this.atTerm = term.text;
    const log: TraceQuery[] = [];
    // No closures here: this runs for every term, and creating functions per call costs.

    switch (term.name) {
      case 'all':
      case 'ip4':
      case 'ip6':
        return this.evaluateLocal(term, domain, depth);
      case 'include': {
        this.countLookup(depth, domain, term.text);
        const pending = this.target(term, domain);
        const name = pending instanceof Promise ? await pending : pending;
        if (name === null) {
          this.step(depth, domain, term.text, 'target is not a valid domain: permerror');
          throw new Abort('permerror', message('spf_error_include_invalid', { domain }));
        }
        this.step(depth, domain, term.text, `include ${name}`);
        const inner = await this.checkDomain(name, depth + 1);
        if (inner.result === 'none') {
          throw new Abort('permerror', message('spf_error_include_none', { domain, target: name }));
        }
        this.innerChain = inner.result === 'pass' ? (inner.matchedChain ?? NO_CHAIN) : NO_CHAIN;
        return this.done(term, domain, depth, log, inner.result === 'pass', `included record gave ${inner.result}`);
      }
      case 'a': {
        this.countLookup(depth, domain, term.text);
        const pending = this.target(term, domain);
        const name = pending instanceof Promise ? await pending : pending;
        if (name === null) return this.done(term, domain, depth, log, false, 'target is not a valid domain');
        const type = this.ip.family === 4 ? 'A' : 'AAAA';
        const answer = await this.query(name, type, log);
        if (answer instanceof DnsError) {
          this.step(depth, domain, term.text, 'DNS error: temperror', log);
          throw new Abort('temperror', message('spf_error_dns', { type, name, reason: answer.message }));
        }
        // An empty answer is a void lookup (§4.6.4); the addresses are compared with the dual CIDR lengths.
        this.countVoid(answer, depth, domain, term.text, log);
        return this.done(term, domain, depth, log, this.anyAddressMatches(answer, this.ip.family === 4 ? (term.prefix4 ?? 32) : (term.prefix6 ?? 128)));
      }
      case 'mx': {
        this.countLookup(depth, domain, term.text);
        const pending = this.target(term, domain);
        const name = pending instanceof Promise ? await pending : pending;
        if (name === null) return this.done(term, domain, depth, log, false, 'target is not a valid domain');
        const mx = await this.query(name, 'MX', log);
        if (mx instanceof DnsError) {
          this.step(depth, domain, term.text, 'DNS error: temperror', log);
          throw new Abort('temperror', message('spf_error_dns', { type: 'MX', name, reason: mx.message }));
        }
        this.countVoid(mx, depth, domain, term.text, log);
        const exchanges = mx.answers
          .flatMap((r) => (r.type === 'MX' ? [r] : []))
          .sort((x, y) => x.data.preference - y.data.preference)
          .map((r) => canonicalDomain(r.data.exchange))
          .filter((host) => host !== '');
        if (exchanges.length > this.maxNames) {
          this.step(depth, domain, term.text, `${exchanges.length} MX hosts exceed the limit of ${this.maxNames}: permerror`, log);
          throw new Abort('permerror', message('spf_error_mx_too_many', { name, count: exchanges.length, max: this.maxNames }));
        }
        // §5.4: an address lookup on each MX name, then the comparison; every one of them is a query
        // that can be void (§4.6.4), also those after the host that matches.
        const type = this.ip.family === 4 ? 'A' : 'AAAA';
        const answers = await Promise.all(exchanges.map((host) => this.query(host, type, log)));
        const prefix = this.ip.family === 4 ? (term.prefix4 ?? 32) : (term.prefix6 ?? 128);
        let via: string | null = null;
        for (let i = 0; i < answers.length; i++) {
          const answer = answers[i]!;
          if (answer instanceof DnsError) {
            this.step(depth, domain, term.text, 'DNS error: temperror', log);
            throw new Abort('temperror', message('spf_error_dns', { type, name: exchanges[i]!, reason: answer.message }));
          }
          this.countVoid(answer, depth, domain, term.text, log);
          if (via === null && this.anyAddressMatches(answer, prefix)) via = exchanges[i]!;
        }
        return via === null ? this.done(term, domain, depth, log, false) : this.done(term, domain, depth, log, true, `via ${via}`);
      }
      case 'ptr': {
        this.countLookup(depth, domain, term.text);
        // The ptr target is only compared with validated names, never queried: a name that could not
        // be queried (a single label, "unknown" from %{p}) still leads to the PTR lookups, and never matches.
        let name = domain;
        if (term.domainMacro) {
          const expanded = this.expand(term.domainMacro, domain);
          name = canonicalDomain(truncateToFit(typeof expanded === 'string' ? expanded : await expanded));
        }
        const ptr = await this.query(this.reverseName(), 'PTR', log);
        // A DNS error on the PTR lookup makes the mechanism not match (§5.5).
        if (ptr instanceof DnsError) return this.done(term, domain, depth, log, false, 'PTR lookup failed');
        this.countVoid(ptr, depth, domain, term.text, log);
        // §5.5: each PTR name is validated by its own address lookup, then the validated names are compared.
        const names = ptr.answers.slice(0, this.maxNames).map((r) => canonicalDomain(String(r.data))).filter(isQueryableDomain);
        const type = this.ip.family === 4 ? 'A' : 'AAAA';
        const answers = await Promise.all(names.map((candidate) => this.query(candidate, type, log)));
        let via: string | null = null;
        for (let i = 0; i < answers.length; i++) {
          const addresses = answers[i]!;
          // A DNS error skips this name (§5.5); an empty answer is a void lookup like any other (§4.6.4).
          if (addresses instanceof DnsError) continue;
          this.countVoid(addresses, depth, domain, term.text, log);
          const validated = this.anyAddressMatches(addresses, this.ip.family === 4 ? 32 : 128);
          if (via === null && validated && isSubdomainOrSame(names[i]!, name)) via = names[i]!;
        }
        return via === null ? this.done(term, domain, depth, log, false) : this.done(term, domain, depth, log, true, `via ${via}`);
      }
      case 'exists': {
        this.countLookup(depth, domain, term.text);
        const pending = this.target(term, domain);
        const name = pending instanceof Promise ? await pending : pending;
        if (name === null) return this.done(term, domain, depth, log, false, 'target is not a valid domain');
        // exists always asks for A records, whatever the client's family (§5.7).
        const a = await this.query(name, 'A', log);
        if (a instanceof DnsError) {
          this.step(depth, domain, term.text, 'DNS error: temperror', log);
          throw new Abort('temperror', message('spf_error_dns', { type: 'A', name, reason: a.message }));
        }
        this.countVoid(a, depth, domain, term.text, log);
        return this.done(term, domain, depth, log, a.answers.length > 0);
      }
    }
  }

  /** The client's PTR query name, built once per evaluation. */
  reverseName(): string {
    return (this.reverse ??= reverseName(this.ip));
  }

  /** Records a mechanism's outcome in the trace and returns whether it matched. */
  done(term: MechanismTerm, domain: string, depth: number, log: TraceQuery[], matched: boolean, note = ''): boolean {
    this.step(depth, domain, term.text, note ? `${matched ? 'match' : 'no match'} (${note})` : matched ? 'match' : 'no match', log);
    return matched;
  }

  /** A mechanism's target name, expanded without waiting unless %{p} is involved. */
  target(term: MechanismTerm, domain: string): string | null | Promise<string | null> {
    if (!term.domainMacro) return domain;
    const expanded = this.expand(term.domainMacro, domain);
    return typeof expanded === 'string' ? queryableTarget(expanded) : expanded.then(queryableTarget);
  }

  /** all, ip4 and ip6: decided by the client address alone. */
  evaluateLocal(term: MechanismTerm, domain: string, depth: number): boolean {
    let matched = true;
    if (term.name !== 'all') matched = inNetwork(this.ip, term.network!, term.name === 'ip4' ? (term.prefix4 ?? 32) : (term.prefix6 ?? 128));
    this.step(depth, domain, term.text, matched ? 'match' : 'no match');
    return matched;
  }

  /** §6.2: the explanation for a fail, or null when exp= is absent or unusable. */
  async explanation(explainer: { record: SpfRecord; domain: string }, depth: number): Promise<string | null> {
    const exp = explainer.record.exp;
    if (!exp) return null;
    this.countingVoids = false;
    this.atDepth = depth;
    this.atDomain = explainer.domain;
    this.atTerm = exp.text;
    const log: TraceQuery[] = [];
    const name = await this.targetName(exp.macro, explainer.domain).catch(() => null);
    if (name === null) {
      this.step(depth, explainer.domain, exp.text, 'exp target is not a valid domain: default explanation');
      return null;
    }
    // The exp lookup does not count towards the lookup or void limits.
    const txt = await this.query(name, 'TXT', log);
    if (txt instanceof DnsError || txt.answers.length !== 1) {
      this.step(depth, explainer.domain, exp.text, 'no single explanation record: default explanation', log);
      return null;
    }
    const parsed = parseExplanation(txtJoin(txt.answers[0]!));
    if ('error' in parsed) {
      this.step(depth, explainer.domain, exp.text, `explanation text invalid (${parsed.error.reason}): default explanation`, log);
      return null;
    }
    const expanded = this.expand(parsed.parts, explainer.domain);
    const text = typeof expanded === 'string' ? expanded : await expanded;
    this.step(depth, explainer.domain, exp.text, `explanation: ${text}`, log);
    return text;
  }
}

/** Parsed explanation texts (§6.2), kept like the parsed records. */
const parsedExplanations = new Map<string, ReturnType<typeof parseMacroString>>();

function parseExplanation(text: string): ReturnType<typeof parseMacroString> {
  let parsed = parsedExplanations.get(text);
  if (parsed === undefined) {
    parsed = parseMacroString(text, true);
    if (parsedExplanations.size >= PARSED_RECORDS_KEPT) parsedExplanations.delete(parsedExplanations.keys().next().value!);
    parsedExplanations.set(text, parsed);
  }
  return parsed;
}

/** Logs an answered question for the trace. */
function answeredQuery(name: string, type: RecordType, response: DnsResponse, log: TraceQuery[]): DnsResponse {
  const answers = response.answers.map(answerText);
  log.push({
    name,
    type,
    outcome: response.rcode === 'NXDOMAIN' ? 'nxdomain' : answers.length === 0 ? 'nodata' : 'answer',
    answers,
    resolver: response.resolver,
  });
  return response;
}

/** Logs a failed question and returns its DnsError (any other exception becomes one). */
function failedQuery(name: string, type: RecordType, error: unknown, log: TraceQuery[]): DnsError {
  const dnsError = error instanceof DnsError ? error : new DnsError('other', 'resolver', name, type, String(error));
  log.push({ name, type, outcome: 'error', answers: [], error: dnsError.message, resolver: dnsError.resolver });
  return dnsError;
}

/** An answer as the trace shows it. */
function answerText(record: DnsRecord): string {
  return record.type === 'TXT' ? txtJoin(record) : record.type === 'MX' ? `${record.data.preference} ${record.data.exchange}` : String(record.data);
}

function unusedValidatedName(): Promise<string> {
  return Promise.resolve('unknown');
}

/** Parsed A/AAAA answers by text: the same addresses come back in every evaluation. */
const parsedAddresses = new Map<string, IpAddress | null>();

function parseAddress(text: string): IpAddress | null {
  let parsed = parsedAddresses.get(text);
  if (parsed === undefined) {
    parsed = parseIp(text);
    if (parsedAddresses.size >= 4096) parsedAddresses.clear();
    parsedAddresses.set(text, parsed);
  }
  return parsed;
}

function isLocal(term: MechanismTerm): boolean {
  return term.name === 'all' || term.name === 'ip4' || term.name === 'ip6';
}

/** A name to query after §7.3 truncation, or null when it is not a valid domain name. */
function queryableTarget(expanded: string): string | null {
  const name = truncateToFit(expanded);
  return isQueryableDomain(name) ? canonicalDomain(name) : null;
}

/** Evaluates SPF for a client address, sender and HELO name (RFC 7208 check_host()). */
export async function checkHost(input: CheckHostInput, options: CheckHostOptions): Promise<CheckHostResult> {
  const helo = input.helo ?? '';
  const parsedIp = parseAddress(input.ip.trim());
  let sender = input.sender;
  // §4.3: a null reverse-path checks postmaster@HELO; a sender without local-part uses "postmaster".
  if (sender === '') sender = `postmaster@${helo}`;
  else if (!sender.includes('@')) sender = `postmaster@${sender}`;
  else if (sender.startsWith('@')) sender = `postmaster${sender}`;
  const domain = canonicalDomain(input.domain ?? sender.slice(sender.lastIndexOf('@') + 1));

  if (!parsedIp) {
    const problem = message('spf_error_bad_ip', { ip: input.ip });
    return {
      result: 'permerror',
      reason: render('en', problem),
      problem,
      lookups: 0,
      voidLookups: 0,
      trace: [],
    };
  }
  const ip = unmapIPv4(parsedIp);
  const evaluation = new Evaluation(options, ip, sender, helo);
  try {
    const outcome = await evaluation.checkDomain(domain, 0);
    const result: CheckHostResult = {
      result: outcome.result,
      reason: outcome.reason,
      record: outcome.record,
      matched: outcome.matched,
      matchedChain: outcome.matchedChain,
      lookups: evaluation.lookups,
      voidLookups: evaluation.voidLookups,
      trace: evaluation.trace,
    };
    if (outcome.result === 'fail') {
      const explained = outcome.explainer ? await evaluation.explanation(outcome.explainer, 0) : null;
      result.explanation = explained ?? options.defaultExplanation ?? DEFAULT_EXPLANATION;
    }
    return result;
  } catch (error) {
    if (!(error instanceof Abort)) throw error;
    return {
      result: error.result,
      reason: render('en', error.problem),
      problem: error.problem,
      syntaxError: error.syntaxError,
      lookups: evaluation.lookups,
      voidLookups: evaluation.voidLookups,
      trace: evaluation.trace,
    };
  }
}

