// Explains a pasted bounce: what the receiver said (parse.ts reads the text), and what SPF
// says right now for the sending server and domain found in it (check_host with the configured resolver).
// Pure and serializable: the background runs it and posts the result to the popup as JSON.
import type { LocalizedText } from '../diagnosis/types';
import type { Resolver } from '../dns/types';
import { DnsError } from '../dns/types';
import { type Message, localized, renderBoth } from '../i18n';
import { parseBounce } from './parse';
import type { BounceAnalysis, BounceKind } from './parse';
import { checkHost } from '../spf/check-host';
import { formatTrace } from '../spf/format';
import type { CheckHostResult, SpfResult, TraceStep } from '../spf/types';

/** What the user should do next; the popup turns 'fix-spf', 'add-spf' and 'repair-spf' into a check of the domain. */
export type BounceNextStep =
  | 'fix-spf'
  | 'add-spf'
  | 'repair-spf'
  | 'retry'
  | 'resend'
  | 'check-dkim-dmarc'
  | 'contact-provider'
  | 'paste-more';

/** What the parser found, as the popup receives it (the reading rendered in both languages). */
export interface BounceFacts extends Pick<BounceAnalysis, 'kind' | 'smtpStatus' | 'enhancedCode' | 'temporary' | 'domain' | 'ip'> {
  /** The SPF result the receiver wrote into pasted Authentication-Results / Received-SPF headers. */
  receiverSpf?: string;
  /** The parser's reading of the bounce text. */
  explanation: LocalizedText;
}

export interface BounceSpfCheck {
  domain: string;
  ip: string;
  sender: string;
  result: SpfResult;
  /** check_host's own reason (English, technical). */
  reason: string;
  /** For permerror and temperror: the same as a catalog message, shown in the reader's language. */
  problem?: Message;
  /** The domain's own exp= text for a fail, when it publishes one. */
  explanation?: string;
  record?: string;
  /** From the deciding term down through includes to the term that matched. */
  matchedChain: { domain: string; term: string }[];
  lookups: number;
  voidLookups: number;
  trace: TraceStep[];
  /** The trace as text lines, indented by include depth. */
  traceText: string[];
  /** For temperror: the resolver that did not answer, and for what. */
  failure?: { resolver: string; name: string; type: string; detail: string };
}

export interface BounceExplanation {
  /** 'checked': SPF was evaluated; 'incomplete': the paste lacks the domain or the IP. */
  status: 'checked' | 'incomplete';
  bounce: BounceFacts;
  missing: ('domain' | 'ip')[];
  /** One sentence: what the receiver saw. */
  headline: LocalizedText;
  details: LocalizedText[];
  advice: LocalizedText;
  next: BounceNextStep;
  spf?: BounceSpfCheck;
  /** Milliseconds since the epoch. */
  checkedAt: number;
}

export interface ExplainDeps {
  resolver: Resolver;
  /** Milliseconds since the epoch (Date.now by default). */
  now?: () => number;
}

/** Bounce kinds where SPF not passing is (part of) why the receiver refused the mail. */
const SPF_CAUSED: ReadonlySet<BounceKind> = new Set<BounceKind>([
  'unauthenticated',
  'spf-hardfail',
  'spf-bulk',
  'rate-limited',
  'rate-limited-spf',
  'dmarc-policy',
  'header-results',
  'unrecognized',
]);

/** Kinds that are Gmail's own sender-authentication errors (the receiver is then named "Gmail"). */
const NOT_GMAIL: ReadonlySet<BounceKind> = new Set<BounceKind>(['header-results', 'other', 'unrecognized']);

/** Parses the bounce and, when it names a domain and an IP, evaluates SPF for them now. Never throws. */
export async function explainBounce(text: string, deps: ExplainDeps): Promise<BounceExplanation> {
  const now = deps.now ?? Date.now;
  const analysis = parseBounce(text);
  const bounce = factsOf(analysis);
  const missing: ('domain' | 'ip')[] = [];
  if (!analysis.domain) missing.push('domain');
  if (!analysis.ip) missing.push('ip');

  if (!analysis.domain || !analysis.ip) {
    return { status: 'incomplete', bounce, missing, ...incompleteText(text, analysis), next: 'paste-more', details: [], checkedAt: now() };
  }

  const spf = await runCheck(analysis.domain, analysis.ip, deps.resolver, now);
  return { status: 'checked', bounce, missing, ...explainCheck(bounce, spf), spf, checkedAt: now() };
}

function factsOf(analysis: BounceAnalysis): BounceFacts {
  const facts: BounceFacts = { kind: analysis.kind, explanation: renderBoth(analysis.explanation) };
  if (analysis.smtpStatus !== undefined) facts.smtpStatus = analysis.smtpStatus;
  if (analysis.enhancedCode !== undefined) facts.enhancedCode = analysis.enhancedCode;
  if (analysis.temporary !== undefined) facts.temporary = analysis.temporary;
  if (analysis.domain !== undefined) facts.domain = analysis.domain;
  if (analysis.ip !== undefined) facts.ip = analysis.ip;
  if (analysis.headers?.spf !== undefined) facts.receiverSpf = analysis.headers.spf;
  return facts;
}

function incompleteText(text: string, analysis: BounceAnalysis): Pick<BounceExplanation, 'headline' | 'advice'> {
  const advice = localized('bounce_advice_paste_more');
  if (text.trim() === '') return { headline: localized('bounce_missing_text'), advice };
  if (analysis.domain) return { headline: localized('bounce_missing_ip', { domain: analysis.domain }), advice };
  if (analysis.ip) return { headline: localized('bounce_missing_domain', { ip: analysis.ip }), advice };
  return { headline: localized('bounce_missing_both'), advice };
}

async function runCheck(domain: string, ip: string, resolver: Resolver, now: () => number): Promise<BounceSpfCheck> {
  const sender = `postmaster@${domain}`;
  let outcome: CheckHostResult;
  try {
    // An empty default explanation tells the domain's own exp= text apart from the engine's fallback.
    outcome = await checkHost({ ip, sender, domain }, { resolver, now: () => now() / 1000, defaultExplanation: '' });
  } catch (error) {
    // checkHost turns DNS failures into temperror itself; this is for a resolver that throws something else.
    const resolverName = error instanceof DnsError ? error.resolver : 'resolver';
    outcome = { result: 'temperror', reason: String(error instanceof Error ? error.message : error), lookups: 0, voidLookups: 0, trace: [] };
    const check = toCheck(domain, ip, sender, outcome);
    check.failure = { resolver: resolverName, name: domain, type: 'TXT', detail: outcome.reason };
    return check;
  }
  return toCheck(domain, ip, sender, outcome);
}

function toCheck(domain: string, ip: string, sender: string, outcome: CheckHostResult): BounceSpfCheck {
  const check: BounceSpfCheck = {
    domain,
    ip,
    sender,
    result: outcome.result,
    reason: outcome.reason,
    matchedChain: outcome.matchedChain ?? [],
    lookups: outcome.lookups,
    voidLookups: outcome.voidLookups,
    trace: outcome.trace,
    traceText: formatTrace(outcome),
  };
  if (outcome.explanation) check.explanation = outcome.explanation;
  if (outcome.problem) check.problem = outcome.problem;
  if (outcome.record !== undefined) check.record = outcome.record;
  if (outcome.result === 'temperror') {
    const failed = outcome.trace.flatMap((step) => step.queries).find((query) => query.outcome === 'error');
    if (failed) {
      check.failure = { resolver: failed.resolver ?? 'resolver', name: failed.name, type: failed.type, detail: failed.error ?? '' };
    }
  }
  return check;
}

function receiverOf(bounce: BounceFacts): LocalizedText {
  return localized(NOT_GMAIL.has(bounce.kind) ? 'bounce_receiver_other' : 'bounce_receiver_gmail');
}

/** Renders a message whose parameters are themselves localized (the receiver's name, a meaning). */
function withLocalizedParams(key: string, params: Record<string, string | number>, texts: Record<string, LocalizedText>): LocalizedText {
  const pick = (lang: 'en' | 'ja') => Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, text[lang]]));
  return { en: localized(key, { ...params, ...pick('en') }).en, ja: localized(key, { ...params, ...pick('ja') }).ja };
}

function explainCheck(bounce: BounceFacts, spf: BounceSpfCheck): Pick<BounceExplanation, 'headline' | 'details' | 'advice' | 'next'> {
  const params = { domain: spf.domain, ip: spf.ip, result: spf.result };
  const details: LocalizedText[] = [];

  if (bounce.receiverSpf && bounce.receiverSpf !== spf.result) {
    details.push(localized('bounce_detail_receiver_saw', { receiverSpf: bounce.receiverSpf, result: spf.result }));
  }
  if (spf.matchedChain.length > 0) {
    const chain = spf.matchedChain.map((link) => `“${link.term}” (${link.domain})`).join(' → ');
    details.push(localized('bounce_detail_matched', { chain }));
  }
  if (spf.record !== undefined) details.push(localized('bounce_detail_record', { domain: spf.domain, record: spf.record }));
  if (spf.explanation) details.push(localized('bounce_detail_exp', { text: spf.explanation }));
  if (spf.result === 'permerror') details.push(localized('bounce_detail_error', { reason: spf.problem ?? spf.reason }));
  if (spf.result !== 'temperror' && spf.result !== 'none') {
    details.push(localized('bounce_detail_lookups', { lookups: spf.lookups, voidLookups: spf.voidLookups }));
  }

  if (spf.result === 'temperror') {
    const failure = spf.failure ?? { resolver: 'resolver', name: spf.domain, type: 'TXT', detail: spf.reason };
    if (failure.detail) details.push(localized('bounce_detail_dns_error', { detail: failure.detail }));
    return {
      headline: localized('bounce_headline_temperror', { ...params, resolver: failure.resolver, name: failure.name, type: failure.type }),
      details,
      advice: localized('bounce_advice_retry', { ...params, resolver: failure.resolver }),
      next: 'retry',
    };
  }

  if (spf.result === 'pass') {
    return {
      headline: localized('bounce_headline_pass', params),
      details,
      ...adviceWhenSpfPasses(bounce, spf.domain),
    };
  }

  const causedBySpf = SPF_CAUSED.has(bounce.kind) && bounce.temporary !== undefined;
  const headlineKey = !causedBySpf ? 'bounce_headline_result' : bounce.temporary ? 'bounce_headline_deferred_spf' : 'bounce_headline_rejected_spf';
  const headline = withLocalizedParams(headlineKey, params, { receiver: receiverOf(bounce), meaning: localized(`bounce_meaning_${spf.result}`) });

  if (spf.result === 'none') return { headline, details, advice: localized('bounce_advice_add_spf', params), next: 'add-spf' };
  if (spf.result === 'permerror') {
    return { headline, details, advice: localized('bounce_advice_repair_spf', params), next: 'repair-spf' };
  }
  return { headline, details, advice: localized('bounce_advice_fix_spf', params), next: 'fix-spf' };
}

/** SPF is fine now: either it was fixed since the bounce, or the bounce is about something else. */
function adviceWhenSpfPasses(bounce: BounceFacts, domain: string): Pick<BounceExplanation, 'advice' | 'next'> {
  switch (bounce.kind) {
    case 'ptr-missing':
      return { advice: localized('bounce_advice_contact_provider', { domain }), next: 'contact-provider' };
    case 'spf-suspicious':
      return { advice: localized('bounce_advice_review_spf', { domain }), next: 'fix-spf' };
    case 'dkim-bulk':
    case 'dmarc-missing':
    case 'dmarc-alignment':
    case 'dmarc-policy':
    case 'dmarc-tempfail':
    case 'other':
      return { advice: localized('bounce_advice_check_dkim_dmarc', { domain }), next: 'check-dkim-dmarc' };
    case 'header-results':
      // The receiver's own header said pass too: SPF was never the problem.
      if (bounce.receiverSpf === 'pass') return { advice: localized('bounce_advice_check_dkim_dmarc', { domain }), next: 'check-dkim-dmarc' };
      return { advice: localized('bounce_advice_resend', { domain }), next: 'resend' };
    default:
      return { advice: localized('bounce_advice_resend', { domain }), next: 'resend' };
  }
}
