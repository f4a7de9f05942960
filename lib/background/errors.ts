// What the user reads when a diagnosis fails: which resolver did not answer, for which name, and why,
// in both languages (the content side picks one).
import type { LocalizedText } from '../diagnosis/types';
import { attemptsReason, failureReason } from '../diagnosis/dns-failure';
import { DohFailoverError } from '../dns/doh';
import { DnsError } from '../dns/types';
import { localized, translate } from '../i18n';

export function describeFailure(error: unknown): LocalizedText {
  if (error instanceof DohFailoverError && error.attempts.length > 0) {
    const name = `${error.qname} ${error.qtype}`;
    return {
      en: translate('en', 'ui_error_all_resolvers', { name, details: attemptsReason('en', error.attempts) }),
      ja: translate('ja', 'ui_error_all_resolvers', { name, details: attemptsReason('ja', error.attempts) }),
    };
  }
  if (error instanceof DnsError) {
    const name = `${error.qname} ${error.qtype}`;
    return {
      en: translate('en', 'ui_error_resolver', { resolver: error.resolver, name, reason: failureReason('en', error) }),
      ja: translate('ja', 'ui_error_resolver', { resolver: error.resolver, name, reason: failureReason('ja', error) }),
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return localized('ui_error_internal', { reason: reason.slice(0, 300) });
}
