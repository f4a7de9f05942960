// HTTP 429 (Too Many Requests, RFC 6585 §4) and 503 (Service Unavailable, RFC 9110 §15.6.4) may carry
// Retry-After: how long the resolver asks us to stay away, in seconds or as an HTTP-date (RFC 9110
// §10.2.3). We honour it, bounded so one bad header cannot switch a resolver off for good.
import { DnsError } from './types';
import type { RecordType } from './types';

/** The longest cooldown a Retry-After can impose. */
export const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

/** Statuses whose Retry-After means "this resolver is overloaded, come back later". */
export const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * Milliseconds to wait from `nowMs`, clamped to [0, MAX_RETRY_AFTER_MS]; null when the header is absent or
 * is neither delta-seconds nor an HTTP-date.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(MAX_RETRY_AFTER_MS, Number.parseInt(value, 10) * 1000);
  // HTTP-date (IMF-fixdate, or the obsolete forms Date.parse also reads); a bare number was handled above.
  if (!/[a-z]/i.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - nowMs));
}

/** A resolver answered 429/503 with Retry-After: it is left alone for `retryAfterMs`. */
export class RetryAfterError extends DnsError {
  constructor(
    resolver: string,
    qname: string,
    qtype: RecordType,
    readonly status: number,
    readonly retryAfterMs: number,
  ) {
    super('retry_after', resolver, qname, qtype, `HTTP ${status}, Retry-After ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/** A resolver still in the cooldown a Retry-After asked for: not asked at all, `remainingMs` to go. */
export class CoolingDownError extends DnsError {
  constructor(
    resolver: string,
    qname: string,
    qtype: RecordType,
    readonly remainingMs: number,
  ) {
    super('cooling_down', resolver, qname, qtype, `asked us to wait, ${Math.ceil(remainingMs / 1000)} s left`);
  }
}

/** Seconds to show for a Retry-After or cooldown error (whole seconds, rounded up), or null for others. */
export function waitSeconds(error: DnsError): number | null {
  if (error instanceof RetryAfterError) return Math.ceil(error.retryAfterMs / 1000);
  if (error instanceof CoolingDownError) return Math.ceil(error.remainingMs / 1000);
  return null;
}
