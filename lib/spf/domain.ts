// Domain-name checks shared by the parser and the evaluator (RFC 7208 §4.3, §7.3, §12).

const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

/** Strips one trailing dot and lower-cases: the canonical form for queries and comparisons. */
export function canonicalDomain(name: string): string {
  const lower = hasUpperCase(name) ? name.toLowerCase() : name;
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function hasUpperCase(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return true;
  }
  return false;
}

/**
 * A name SPF may query: multi-label, no empty label, labels of at most 63 octets, at most 253 in all
 * (RFC 7208 §4.3). Characters beyond that are left to DNS, as the RFC does.
 */
export function isQueryableDomain(name: string): boolean {
  // One pass over the characters: no label list is built (this runs for every queried name).
  const length = name.endsWith('.') ? name.length - 1 : name.length;
  if (length === 0 || length > MAX_NAME_LENGTH) return false;
  let labels = 1;
  let labelLength = 0;
  for (let i = 0; i < length; i++) {
    if (name.charCodeAt(i) === 46 /* . */) {
      if (labelLength === 0) return false;
      labels++;
      labelLength = 0;
    } else if (++labelLength > MAX_LABEL_LENGTH) {
      return false;
    }
  }
  return labels >= 2 && labelLength > 0;
}

/** RFC 7208 §7.3: an over-long expanded name loses labels from the left until it fits in 253. */
export function truncateToFit(name: string): string {
  let result = name;
  while (result.length > MAX_NAME_LENGTH) {
    const dot = result.indexOf('.');
    if (dot < 0) return result;
    result = result.slice(dot + 1);
  }
  return result;
}

/** ABNF `toplabel`: alphanumerics with at least one letter, or hyphenated with alphanumeric ends. */
export function isTopLabel(label: string): boolean {
  if (/^[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*$/.test(label)) return true;
  return /^[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9]$/.test(label);
}

/** True when `name` equals `parent` or lies beneath it (both canonical). */
export function isSubdomainOrSame(name: string, parent: string): boolean {
  return name === parent || name.endsWith(`.${parent}`);
}
