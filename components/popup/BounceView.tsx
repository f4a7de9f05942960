// An explained bounce: what the receiver saw, what SPF says now (check_host result, deciding terms,
// trace), and what to do, with a way into the domain check that produces the exact fix.
import type { BounceExplanation, BounceNextStep } from '../../lib/bounce/explain';
import { useText } from './text';

/** Where a user edits DNS records; SPF Doctor's overlay on these pages fills the fix in. */
export const PANEL_LINKS = [
  { key: 'popup_open_wix', url: 'https://manage.wix.com/account/domains' },
  { key: 'popup_open_onamae', url: 'https://navi.onamae.com/domain/setting/dns/manage' },
] as const;

/** Next steps for which checking the domain shows the record to enter. */
const CHECK_LEADS: ReadonlySet<BounceNextStep> = new Set<BounceNextStep>(['fix-spf', 'add-spf', 'repair-spf', 'check-dkim-dmarc']);

export function BounceView({ explanation, onCheckDomain }: { explanation: BounceExplanation; onCheckDomain: (domain: string) => void }) {
  const { t, pick } = useText();
  const { bounce, spf } = explanation;
  const code = [bounce.smtpStatus, bounce.enhancedCode].filter((part) => part !== undefined).join(' ');
  const domain = spf?.domain ?? bounce.domain;

  return (
    <div class="bounce-view" data-status={explanation.status} data-next={explanation.next}>
      <p class={`headline result-${spf?.result ?? 'unknown'}`}>{pick(explanation.headline)}</p>

      <dl class="facts">
        {code && (
          <>
            <dt>{t('popup_bounce_code')}</dt>
            <dd>{code}</dd>
          </>
        )}
        <dt>{t('popup_bounce_domain')}</dt>
        <dd>{bounce.domain ?? t('popup_bounce_not_found')}</dd>
        <dt>{t('popup_bounce_ip')}</dt>
        <dd>{bounce.ip ?? t('popup_bounce_not_found')}</dd>
        {spf && (
          <>
            <dt>{t('popup_bounce_spf_now')}</dt>
            <dd>
              <span class={`result-badge result-${spf.result}`} data-result={spf.result}>
                {spf.result}
              </span>
            </dd>
          </>
        )}
      </dl>

      {explanation.details.length > 0 && (
        <ul class="details">
          {explanation.details.map((detail, index) => (
            <li key={index}>{pick(detail)}</li>
          ))}
        </ul>
      )}

      <section aria-labelledby="bounce-todo-heading">
        <h2 id="bounce-todo-heading">{t('popup_bounce_todo')}</h2>
        <p class="advice">{pick(explanation.advice)}</p>
        {domain && CHECK_LEADS.has(explanation.next) && (
          <button type="button" class="primary" onClick={() => onCheckDomain(domain)}>
            {t('popup_bounce_check_domain', { domain })}
          </button>
        )}
        {CHECK_LEADS.has(explanation.next) && (
          <p class="panel-links">
            {PANEL_LINKS.map((link) => (
              <a key={link.key} href={link.url} target="_blank" rel="noreferrer">
                {t(link.key)}
              </a>
            ))}
          </p>
        )}
      </section>

      <section aria-labelledby="bounce-says-heading">
        <h2 id="bounce-says-heading">{t('popup_bounce_says')}</h2>
        <p class="bounce-says">{pick(bounce.explanation)}</p>
      </section>

      {spf && spf.traceText.length > 0 && (
        <details class="trace">
          <summary>{t('popup_bounce_trace', { n: spf.traceText.length })}</summary>
          <pre>{spf.traceText.join('\n')}</pre>
        </details>
      )}
    </div>
  );
}
