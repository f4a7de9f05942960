// Host and domain names as panels show them: relative labels ('', '@', 'www'), FQDNs with or
// without a trailing dot, Unicode or punycode.

const DOMAIN_RE = /^(?=.{3,253}$)(?:(?!-)[a-z0-9_-]{1,63}(?<!-)\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Lower-case, trimmed, no trailing dot; Unicode labels converted to punycode where possible. */
export function normalizeHost(text: string): string {
  let host = text.trim().toLowerCase().replace(/\.+$/, '');
  if (/[^\x00-\x7f]/.test(host)) host = toAscii(host);
  return host;
}

function toAscii(host: string): string {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host;
  }
}

/** A registrable-looking domain name such as example.jp (not an IP, not a single label). */
export function looksLikeDomain(text: string): boolean {
  return DOMAIN_RE.test(normalizeHost(text));
}

const DOMAIN_IN_TEXT_RE = /(?<![a-z0-9_.-])(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})(?![a-z0-9-])/g;

/**
 * The domain a piece of text names, skipping any in `exclude` (by suffix): the whole text when it
 * is one (Unicode allowed), else the first ASCII domain inside it. Japanese text often runs
 * straight into the name (「example.jpのDNS」), so tokens are found by pattern, not by spaces.
 */
export function domainInText(text: string, exclude: readonly string[] = []): string | null {
  const excluded = (name: string): boolean => exclude.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
  const trimmed = text.replace(/[\s\u3000]+/g, ' ').trim();
  if (isWholeName(trimmed)) {
    const whole = normalizeHost(trimmed);
    if (looksLikeDomain(whole) && !excluded(whole)) return whole;
  }
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(DOMAIN_IN_TEXT_RE)) {
    const candidate = normalizeHost(match[0]);
    if (looksLikeDomain(candidate) && !excluded(candidate)) return candidate;
  }
  return null;
}

/** One name and nothing else: no spaces, and no label mixing Japanese with Latin letters (「ドメインexample」). */
function isWholeName(text: string): boolean {
  if (text === '' || text.includes(' ')) return false;
  return text.split('.').every((label) => !/[^\x00-\x7f]/.test(label) || !/[a-z]/i.test(label));
}

/** A panel's relative host ('' or '@' for the apex) or FQDN, as an FQDN under `domain`. */
export function toFqdn(label: string, domain: string | null): string {
  const host = normalizeHost(label);
  if (domain === null) return host === '@' ? '' : host;
  if (host === '' || host === '@') return domain;
  if (host === domain || host.endsWith(`.${domain}`)) return host;
  return `${host}.${domain}`;
}

/** An FQDN as a label relative to `domain` ('' for the apex); null when it lies outside. */
export function relativeLabel(fqdn: string, domain: string): string | null {
  const host = normalizeHost(fqdn);
  const zone = normalizeHost(domain);
  if (host === zone || host === '@' || host === '') return '';
  if (host.endsWith(`.${zone}`)) return host.slice(0, -zone.length - 1);
  return null;
}

/** Domain-looking values in a URL's path segments and query values (e.g. /domains/example.jp/dns). */
export function domainFromUrl(url: string, exclude: readonly string[] = []): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // forEach, not the values() iterator: in a Firefox content script that iterator is "not iterable".
  const queryValues: string[] = [];
  parsed.searchParams.forEach((value) => queryValues.push(value));
  const pieces = [...parsed.pathname.split('/').map((part) => safeDecode(part)), ...queryValues, safeDecode(parsed.hash.replace(/^#/, ''))];
  for (const piece of pieces) {
    const found = domainInText(piece, exclude);
    if (found) return found;
  }
  return null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The shortest host among the names that every other one ends with, e.g. the apex of a zone listing. */
export function commonApex(hosts: readonly string[]): string | null {
  const names = [...new Set(hosts.map(normalizeHost).filter(looksLikeDomain))];
  if (names.length === 0) return null;
  names.sort((a, b) => a.length - b.length);
  for (const candidate of names) {
    if (names.every((name) => name === candidate || name.endsWith(`.${candidate}`))) return candidate;
  }
  return null;
}
