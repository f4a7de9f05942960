// Reads a pasted bounce (or pasted mail headers) and says what Gmail rejected and why.
//
// The texts recognised are Gmail's authentication errors as listed in its SMTP error reference
// (support.google.com/a/answer/3726730, archived revisions in azumakuniyuki/feb-2024-no-auth-no-entry)
// and the older multi-line 550-5.7.26 wording seen in real bounces before 2024 (panels.md §3.2).
// Bounces reach users wrapped in many ways: SMTP continuation prefixes ("550-5.7.26 "), MTA line wrapping
// (Postfix's "said: 550-5.7.26 …" joined and re-wrapped), quoting ("> "), quoted-printable soft breaks,
// and the surrounding DSN and original headers. The parser normalises all of that before matching, and
// also reads Authentication-Results / Received-SPF headers (RFC 8601, RFC 7208 §9.1) when they are pasted.

import { type CatalogKey, type Message, message } from '../i18n';
import { ipVersion } from '../mail/ip';

export type BounceKind =
  /** 550 5.7.26: neither SPF nor DKIM passed (every sender must pass one). */
  | 'unauthenticated'
  /** 550 5.7.26: SPF failed against a record ending in -all. */
  | 'spf-hardfail'
  /** 550 5.7.26: DMARC failed and the domain's policy says reject. */
  | 'dmarc-policy'
  /** 451 4.7.26: DMARC could not be checked because of a temporary DNS failure. */
  | 'dmarc-tempfail'
  /** 550 5.7.27: a bulk sender's mail did not pass SPF. */
  | 'spf-bulk'
  /** 421 4.7.26: rate-limited because neither SPF nor DKIM passed. */
  | 'rate-limited'
  /** 421 4.7.27: rate-limited because SPF did not pass (bulk senders). */
  | 'rate-limited-spf'
  /** 5.7.30 / 4.7.30: a bulk sender's mail did not pass DKIM. */
  | 'dkim-bulk'
  /** 5.7.40 / 4.7.40: a bulk sender's domain has no DMARC record (or no policy). */
  | 'dmarc-missing'
  /** 5.7.32 / 4.7.32: From: is aligned with neither the SPF nor the DKIM domain. */
  | 'dmarc-alignment'
  /** 5.7.25 / 4.7.23: the sending IP has no matching PTR record. */
  | 'ptr-missing'
  /** 5.7.24 / 4.7.24: the SPF record has suspicious entries. */
  | 'spf-suspicious'
  /** No bounce text, but authentication headers were pasted. */
  | 'header-results'
  /** An SMTP error that is not about sender authentication. */
  | 'other'
  /** Nothing usable was found. */
  | 'unrecognized';

/** Every kind, for validating data that crosses contexts (a Record, so a new kind cannot be forgotten). */
const KINDS: Record<BounceKind, true> = {
  unauthenticated: true,
  'spf-hardfail': true,
  'dmarc-policy': true,
  'dmarc-tempfail': true,
  'spf-bulk': true,
  'rate-limited': true,
  'rate-limited-spf': true,
  'dkim-bulk': true,
  'dmarc-missing': true,
  'dmarc-alignment': true,
  'ptr-missing': true,
  'spf-suspicious': true,
  'header-results': true,
  other: true,
  unrecognized: true,
};
export const BOUNCE_KINDS = Object.keys(KINDS) as readonly BounceKind[];

/** What an Authentication-Results or Received-SPF header says. Results are lower-case ("pass", "fail"…). */
export interface AuthResults {
  spf?: string;
  /** One entry per dkim= result (a message can carry several signatures). */
  dkim: string[];
  dmarc?: string;
  /** smtp.mailfrom / envelope-from: the address or domain SPF was checked for. */
  mailFrom?: string;
  /** header.from: the From: domain DMARC was checked for. */
  headerFrom?: string;
  /** The connecting client's IP, from client-ip= or the receiver's comment. */
  clientIp?: string;
}

export interface BounceAnalysis {
  kind: BounceKind;
  /** SMTP reply code (550, 421, 451…), when found. */
  smtpStatus?: number;
  /** Enhanced status code (RFC 3463), e.g. "5.7.26". */
  enhancedCode?: string;
  /** True for 4xx (the sender's server retries), false for 5xx (the mail is returned). */
  temporary?: boolean;
  /** The domain Gmail checked (the MAIL FROM / SPF domain, or the DMARC domain). */
  domain?: string;
  /** The sending server's IP address, validated. */
  ip?: string;
  ipVersion?: 4 | 6;
  /** Results from pasted Authentication-Results / Received-SPF headers, if any. */
  headers?: AuthResults;
  /** What the paste says, in words (a catalog message). */
  explanation: Message;
}

/** Analyses pasted text. Never throws; returns kind 'unrecognized' when nothing is found. */
export function parseBounce(text: string): BounceAnalysis {
  const cleaned = cleanPaste(text);
  const code = findReplyCode(cleaned);
  const body = normaliseBody(cleaned);
  const headers = readAuthHeaders(cleaned);

  let kind = classify(code, body);
  if (kind === 'unrecognized' && headers) kind = 'header-results';

  const result: BounceAnalysis = { kind, explanation: message('bounce_reading_unrecognized') };
  if (code?.status !== undefined) result.smtpStatus = code.status;
  if (code) {
    result.enhancedCode = code.enhanced;
    result.temporary = code.enhanced.startsWith('4');
  }
  const domain = findDomain(body) ?? domainOf(headers?.mailFrom);
  if (domain) result.domain = domain;
  const ip = findIp(body) ?? headers?.clientIp;
  const version = ip === undefined ? undefined : ipVersion(ip);
  if (ip !== undefined && version !== undefined) {
    result.ip = ip;
    result.ipVersion = version;
  }
  if (headers) result.headers = headers;
  result.explanation = explain(result);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Cleaning the paste

function cleanPaste(text: string): string {
  let cleaned = text.replace(/\r\n?/g, '\n');
  // Quoted-printable: soft line breaks ("=\n") and escapes, only when the text evidently uses it.
  if (/=\n/.test(cleaned) && /=(?:3D|20|09)/i.test(cleaned)) {
    cleaned = cleaned
      .replace(/=\n/g, '')
      .replace(/=([0-7][0-9A-Fa-f])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  // Reply quoting ("> " or ">> " at line starts).
  return cleaned
    .split('\n')
    .map((line) => line.replace(/^[ \t]*(?:>[ \t]?)+/, ''))
    .join('\n');
}

/** SMTP reply code + enhanced status code: "550-5.7.26", "421 4.7.27". */
const REPLY_CODE = /(?<![\w.])([245]\d\d)[ -]([245]\.\d{1,3}\.\d{1,3})(?![\w]|\.\d)/g;
/** A lone enhanced code of the security class, e.g. "Status: 5.7.26" in a delivery-status part. */
const LONE_CODE = /(?<![\w.])([45]\.7\.\d{1,3})(?![\w]|\.\d)/;

const GMAIL_AUTH_CODES = new Set([
  '5.7.26', '4.7.26', '5.7.27', '4.7.27', '5.7.30', '4.7.30', '5.7.28', '4.7.28',
  '5.7.40', '4.7.40', '5.7.32', '4.7.32', '5.7.25', '4.7.23', '5.7.24', '4.7.24',
]);

interface ReplyCode {
  status?: number;
  enhanced: string;
}

/** The first authentication-related code in the text, else the first code of any kind. */
function findReplyCode(text: string): ReplyCode | undefined {
  let first: ReplyCode | undefined;
  for (const match of text.matchAll(REPLY_CODE)) {
    const code = { status: Number(match[1]), enhanced: match[2] ?? '' };
    if (GMAIL_AUTH_CODES.has(code.enhanced)) return code;
    first ??= code;
  }
  if (first) return first;
  const lone = LONE_CODE.exec(text);
  return lone?.[1] ? { enhanced: lone[1] } : undefined;
}

/** One line of prose: reply-code prefixes removed, whitespace collapsed, brackets closed up. */
function normaliseBody(text: string): string {
  return text
    .replace(REPLY_CODE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\[([^\]]*)\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, '')}]`)
    .trim();
}

// ---------------------------------------------------------------------------------------------------
// Classification

function classify(code: ReplyCode | undefined, body: string): BounceKind {
  const dmarcPolicy = /due to (?:the )?domain'?s DMARC policy/i.test(body);
  const temporaryDns = /temporary DNS failure/i.test(body);
  const hardFail = /hard ?fail policy|\(-all\)/i.test(body);
  const dkimFailed = /didn'?t pass DKIM|DKIM authentication didn'?t pass|DKIM = did not pass/i.test(body);

  switch (code?.enhanced) {
    case '5.7.26':
      if (dmarcPolicy) return temporaryDns ? 'dmarc-tempfail' : 'dmarc-policy';
      return hardFail ? 'spf-hardfail' : 'unauthenticated';
    case '4.7.26':
      return code.status === 451 || dmarcPolicy || temporaryDns ? 'dmarc-tempfail' : 'rate-limited';
    case '5.7.27':
      return 'spf-bulk';
    case '4.7.27':
      return 'rate-limited-spf';
    case '5.7.30':
    case '4.7.30':
      return 'dkim-bulk';
    case '5.7.28':
    case '4.7.28':
      // Before May 2024 Gmail used x.7.28 for DKIM failures; now it means an unusual sending rate.
      return dkimFailed ? 'dkim-bulk' : 'other';
    case '5.7.40':
    case '4.7.40':
      // 504 5.7.40 is an SMTP AUTH error ("Unrecognized authentication type"), not DMARC.
      return code.status === 504 || /authentication type|XOAUTH/i.test(body) ? 'other' : 'dmarc-missing';
    case '5.7.32':
    case '4.7.32':
      return 'dmarc-alignment';
    case '5.7.25':
    case '4.7.23':
      return 'ptr-missing';
    case '5.7.24':
    case '4.7.24':
      return 'spf-suspicious';
    case undefined:
      return classifyByText(body, { dmarcPolicy, temporaryDns, hardFail, dkimFailed });
    default:
      return 'other';
  }
}

/** For pastes that lost the code (a sentence copied out of the bounce). */
function classifyByText(
  body: string,
  seen: { dmarcPolicy: boolean; temporaryDns: boolean; hardFail: boolean; dkimFailed: boolean },
): BounceKind {
  if (seen.dmarcPolicy) return seen.temporaryDns ? 'dmarc-tempfail' : 'dmarc-policy';
  if (seen.hardFail && /SPF/.test(body)) return 'spf-hardfail';
  if (/rate limited because it is unauthenticated/i.test(body)) return 'rate-limited';
  if (/rate limited because SPF authentication didn'?t pass/i.test(body)) return 'rate-limited-spf';
  if (/(?:mail|message|sender) is unauthenticated|authenticate with (?:either|at least one of) SPF or DKIM|SPF and DKIM both do not pass/i.test(body)) {
    return 'unauthenticated';
  }
  if (/didn'?t pass SPF authentication/i.test(body)) return 'spf-bulk';
  if (seen.dkimFailed) return 'dkim-bulk';
  if (/doesn'?t have a DMARC record/i.test(body)) return 'dmarc-missing';
  return 'unrecognized';
}

// ---------------------------------------------------------------------------------------------------
// Domain and IP

const DOMAIN_PATTERNS: readonly RegExp[] = [
  /SPF check for \[([^\]]+)\]/i,
  /SPF \[([^\]]+)\] with (?:ip|IP address)/i,
  /MAIL FROM domain \[([^\]]+)\]/i,
  /SPF ([A-Za-z0-9.-]+) with (?:ip|IP address)/i,
  /Unauthenticated email from \[?([^\s\]]+?)\]? is not accepted/i,
  /administrator of \[?([^\s\]]+?)\]? domain/i,
];

const HOST_NAME = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

function asDomain(candidate: string | undefined): string | undefined {
  if (!candidate) return undefined;
  const domain = candidate.toLowerCase().replace(/\.$/, '');
  return HOST_NAME.test(domain) ? domain : undefined;
}

function findDomain(body: string): string | undefined {
  for (const pattern of DOMAIN_PATTERNS) {
    const domain = asDomain(pattern.exec(body)?.[1]);
    if (domain) return domain;
  }
  return undefined;
}

function domainOf(mailFrom: string | undefined): string | undefined {
  if (!mailFrom) return undefined;
  return asDomain(mailFrom.slice(mailFrom.lastIndexOf('@') + 1));
}

const IP_TEXT = '[0-9A-Fa-f:.]+';
const IP_PATTERNS: readonly RegExp[] = [
  /\bip: ?\[([^\]]+)\]/i,
  new RegExp(`\\bip: ?(${IP_TEXT})`, 'i'),
  new RegExp(`with IP address:? \\[?(${IP_TEXT})\\]?`, 'i'),
  new RegExp(`SPF with \\[?(${IP_TEXT})\\]? ?=`, 'i'),
  new RegExp(`your IP address \\[?(${IP_TEXT})\\]?`, 'i'),
];

function findIp(body: string): string | undefined {
  for (const pattern of IP_PATTERNS) {
    const ip = asIp(pattern.exec(body)?.[1]);
    if (ip) return ip;
  }
  return undefined;
}

/** A validated IP, with sentence punctuation after an IPv4 address removed. */
function asIp(candidate: string | undefined): string | undefined {
  if (!candidate) return undefined;
  const trimmed = candidate.replace(/\.+$/, '');
  return ipVersion(trimmed) === undefined ? undefined : trimmed;
}

// ---------------------------------------------------------------------------------------------------
// Authentication-Results (RFC 8601) and Received-SPF (RFC 7208 §9.1)

/** Unfolded values of every `name:` header in the text (continuation lines start with whitespace). */
function headerValues(text: string, name: string): string[] {
  const pattern = new RegExp(`^[ \\t]*${name}:[ \\t]*(.*(?:\\n[ \\t]+(?![\\w-]+:[ \\t]).*)*)`, 'gim');
  return [...text.matchAll(pattern)].map((match) => (match[1] ?? '').replace(/\s+/g, ' ').trim());
}

function withoutComments(value: string): string {
  return value.replace(/\((?:[^()]|\([^()]*\))*\)/g, ' ');
}

function clientIpFrom(value: string): string | undefined {
  const patterns = [
    /\bdesignates? ([0-9A-Fa-f:.]+) as permitted sender/i,
    /\bsender IP is ([0-9A-Fa-f:.]+)/i,
    /\bclient-ip=([0-9A-Fa-f:.]+)/i,
    /\bsmtp\.remote-ip=\[?([0-9A-Fa-f:.]+)/i,
    /\bpolicy\.iprev=\[?([0-9A-Fa-f:.]+)/i,
  ];
  for (const pattern of patterns) {
    const ip = asIp(pattern.exec(value)?.[1]);
    if (ip) return ip;
  }
  return undefined;
}

function parseAuthenticationResults(value: string): AuthResults {
  const plain = withoutComments(value);
  const results: AuthResults = { dkim: [...plain.matchAll(/\bdkim=([a-z]+)/gi)].map((m) => (m[1] ?? '').toLowerCase()) };
  const spf = /\bspf=([a-z]+)/i.exec(plain)?.[1];
  if (spf) results.spf = spf.toLowerCase();
  const dmarc = /\bdmarc=([a-z]+)/i.exec(plain)?.[1];
  if (dmarc) results.dmarc = dmarc.toLowerCase();
  const mailFrom = /\bsmtp\.mailfrom="?([^\s;"]+)/i.exec(plain)?.[1];
  if (mailFrom) results.mailFrom = mailFrom.toLowerCase();
  const headerFrom = /\bheader\.from="?([^\s;"]+)/i.exec(plain)?.[1];
  if (headerFrom) results.headerFrom = headerFrom.toLowerCase();
  const ip = clientIpFrom(value);
  if (ip) results.clientIp = ip;
  return results;
}

function parseReceivedSpf(value: string): AuthResults {
  const results: AuthResults = { dkim: [] };
  const result = /^([a-z]+)\b/i.exec(value)?.[1];
  if (result) results.spf = result.toLowerCase();
  const envelopeFrom = /\benvelope-from="?([^\s;"]+)/i.exec(value)?.[1];
  const commentFrom = /\bdomain of (?:transitioning )?(\S+@\S+?|[A-Za-z0-9.-]+\.[A-Za-z]{2,})\s+(?:does not )?designates?/i.exec(value)?.[1];
  const mailFrom = envelopeFrom ?? commentFrom;
  if (mailFrom) results.mailFrom = mailFrom.toLowerCase();
  const ip = clientIpFrom(value);
  if (ip) results.clientIp = ip;
  return results;
}

/**
 * The receiving side's view: the first Authentication-Results with an spf= result (the topmost header is
 * the final receiver's), completed from Received-SPF and ARC-Authentication-Results when fields are missing.
 */
function readAuthHeaders(text: string): AuthResults | undefined {
  const authResults = headerValues(text, 'Authentication-Results').map(parseAuthenticationResults);
  const arcResults = headerValues(text, 'ARC-Authentication-Results').map(parseAuthenticationResults);
  const receivedSpf = headerValues(text, 'Received-SPF').map(parseReceivedSpf);
  const all = [...authResults, ...arcResults, ...receivedSpf];
  if (all.length === 0) return undefined;

  const primary = authResults.find((r) => r.spf) ?? authResults[0] ?? arcResults[0] ?? receivedSpf[0];
  if (!primary) return undefined;
  const merged: AuthResults = { ...primary, dkim: [...primary.dkim] };
  for (const other of all) {
    merged.spf ??= other.spf;
    merged.dmarc ??= other.dmarc;
    merged.mailFrom ??= other.mailFrom;
    merged.headerFrom ??= other.headerFrom;
    merged.clientIp ??= other.clientIp;
    if (merged.dkim.length === 0) merged.dkim = [...other.dkim];
  }
  for (const key of ['spf', 'dmarc', 'mailFrom', 'headerFrom', 'clientIp'] as const) {
    if (merged[key] === undefined) delete merged[key];
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------------
// The parser's reading, in words

const READINGS: Record<Exclude<BounceKind, 'header-results' | 'other'>, CatalogKey> = {
  unauthenticated: 'bounce_reading_unauthenticated',
  'spf-hardfail': 'bounce_reading_spf_hardfail',
  'dmarc-policy': 'bounce_reading_dmarc_policy',
  'dmarc-tempfail': 'bounce_reading_dmarc_tempfail',
  'spf-bulk': 'bounce_reading_spf_bulk',
  'rate-limited': 'bounce_reading_rate_limited',
  'rate-limited-spf': 'bounce_reading_rate_limited_spf',
  'dkim-bulk': 'bounce_reading_dkim_bulk',
  'dmarc-missing': 'bounce_reading_dmarc_missing',
  'dmarc-alignment': 'bounce_reading_dmarc_alignment',
  'ptr-missing': 'bounce_reading_ptr_missing',
  'spf-suspicious': 'bounce_reading_spf_suspicious',
  unrecognized: 'bounce_reading_unrecognized',
};

/** The parser's reading of the paste, as a catalog message (bounce_reading_<kind>) with what it found. */
function explain(result: BounceAnalysis): Message {
  let base: Message;
  if (result.kind === 'header-results') {
    const h = result.headers;
    const dkim = h?.dkim.length ? h.dkim.join(', ') : '—';
    base = message('bounce_reading_header_results', { spf: h?.spf ?? '—', dkim, dmarc: h?.dmarc ?? '—' });
  } else if (result.kind === 'other') {
    const code = [result.smtpStatus, result.enhancedCode].filter((part) => part !== undefined).join(' ');
    base = message('bounce_reading_other', { code });
  } else {
    base = message(READINGS[result.kind]);
  }
  const { domain, ip } = result;
  if (domain && ip) return message('bounce_reading_with_details', { text: base, details: message('bounce_reading_domain_ip', { domain, ip }) });
  if (domain) return message('bounce_reading_with_details', { text: base, details: message('bounce_reading_domain', { domain }) });
  if (ip) return message('bounce_reading_with_details', { text: base, details: message('bounce_reading_ip', { ip }) });
  return base;
}
