// One resolver failure in words, in each language: "timed out", "asked to wait 120 s (HTTP 429)".
// Used by the TempError finding and by the error shown when a whole diagnosis could not run.
import { waitSeconds } from '../dns/retry-after';
import type { DnsError, DnsFailureKind } from '../dns/types';
import { translate } from '../i18n';
import type { Lang } from './types';

const KINDS: readonly DnsFailureKind[] = ['timeout', 'servfail', 'refused', 'network', 'malformed', 'http', 'oversize', 'question', 'retry_after', 'cooling_down', 'other'];

function kindOf(error: DnsError): DnsFailureKind {
  return KINDS.includes(error.kind) ? error.kind : 'other';
}

/** Why `error`'s resolver failed, in `lang` (the wait in seconds for Retry-After and cooldowns). */
export function failureReason(lang: Lang, error: DnsError): string {
  const seconds = waitSeconds(error);
  return translate(lang, `ui_dns_failure_${kindOf(error)}`, seconds === null ? {} : { seconds });
}

/** "Cloudflare: timed out; Google: server failure", or only the reason when one resolver was asked. */
export function attemptsReason(lang: Lang, attempts: readonly DnsError[]): string {
  if (attempts.length === 1 && attempts[0]) return failureReason(lang, attempts[0]);
  const separator = translate(lang, 'ui_error_all_resolvers_separator');
  return attempts.map((a) => `${a.resolver}: ${failureReason(lang, a)}`).join(separator);
}

/** A resolver that asked us to wait (Retry-After) and is being left alone: one notice is enough. */
export function isWaiting(attempts: readonly DnsError[]): boolean {
  return attempts.length > 0 && attempts.every((a) => a.kind === 'retry_after' || a.kind === 'cooling_down');
}
