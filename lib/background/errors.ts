// What the user reads when a diagnosis fails: which resolver did not answer, for which name, and why,
// in both languages (the content side picks one).
import type { LocalizedText } from '../diagnosis/types';
import { DohFailoverError } from '../dns/doh';
import { DnsError } from '../dns/types';
import type { DnsFailureKind } from '../dns/types';
import { localized, translate } from '../i18n';

const KINDS: readonly DnsFailureKind[] = ['timeout', 'servfail', 'refused', 'network', 'malformed', 'http', 'other'];

function kindOf(error: DnsError): DnsFailureKind {
  return KINDS.includes(error.kind) ? error.kind : 'other';
}

/** "Cloudflare: timeout; Google: network error" in one language. */
function attemptsText(lang: 'en' | 'ja', attempts: readonly DnsError[]): string {
  const separator = translate(lang, 'ui_error_all_resolvers_separator');
  return attempts.map((a) => `${a.resolver}: ${translate(lang, `ui_dns_failure_${kindOf(a)}`)}`).join(separator);
}

export function describeFailure(error: unknown): LocalizedText {
  if (error instanceof DohFailoverError && error.attempts.length > 0) {
    const name = `${error.qname} ${error.qtype}`;
    return {
      en: translate('en', 'ui_error_all_resolvers', { name, details: attemptsText('en', error.attempts) }),
      ja: translate('ja', 'ui_error_all_resolvers', { name, details: attemptsText('ja', error.attempts) }),
    };
  }
  if (error instanceof DnsError) {
    const name = `${error.qname} ${error.qtype}`;
    const key = `ui_dns_failure_${kindOf(error)}`;
    return {
      en: translate('en', 'ui_error_resolver', { resolver: error.resolver, name, reason: translate('en', key) }),
      ja: translate('ja', 'ui_error_resolver', { resolver: error.resolver, name, reason: translate('ja', key) }),
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return localized('ui_error_internal', { reason: reason.slice(0, 300) });
}
