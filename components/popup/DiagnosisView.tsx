// A finished diagnosis: the verdict, every finding (data-finding="CODE"), the fixes with the exact record,
// the SPF include tree with its lookup counts, and Gmail's sender checklist.
import { useState } from 'preact/hooks';
import type { Diagnosis, Fix } from '../../lib/diagnosis/types';
import { watchRequestFor } from '../../lib/watch/request';
import type { WatchApi } from './watch-api';
import { trusted } from '../overlay/trusted';
import { FixCard } from '../shared/FixCard';
import { SpfTree } from './SpfTree';
import { useText } from './text';

/** Writes to the clipboard; rejects when the browser refuses (no focus, policy). */
export type CopyText = (text: string) => Promise<void>;

/**
 * "Watch this domain" under a fix: the user publishes the record (in whichever panel serves the zone),
 * and the background follows it until every resolver has it. The first watch asks for notifications.
 */
function WatchButton({ fix, diagnosis, watches }: { fix: Fix; diagnosis: Diagnosis; watches: WatchApi }) {
  const { t } = useText();
  const [result, setResult] = useState<'started' | 'bad-request' | 'not-allowed' | 'failed' | 'no-answer' | null>(null);
  const onClick = trusted(() => {
    // Asked synchronously inside the click (Firefox refuses a request after an await); never twice.
    if (!notificationsAsked) {
      notificationsAsked = true;
      void watches.requestNotifications().catch(() => false);
    }
    void watches.send(watchRequestFor(fix, diagnosis)).then((reply) => setResult(reply?.kind === 'watch-started' ? 'started' : reply?.kind === 'watch-error' ? reply.code : 'no-answer'));
  });
  return (
    <p class="watch-start">
      <button type="button" class="secondary" data-action="watch" onClick={onClick}>
        {t('popup_watch_start')}
      </button>{' '}
      {result && (
        <span role="status" data-watch-status={result === 'started' ? 'started' : 'failed'}>
          {result === 'started' ? t('popup_watch_started', { domain: diagnosis.domain }) : t('popup_watch_failed', { reason: t(`popup_watch_reason_${result.replace('-', '_')}`) })}
        </span>
      )}
    </p>
  );
}

/** Once per popup: the notifications permission is asked at the first watch started from it. */
let notificationsAsked = false;

export function DiagnosisView({ diagnosis, cached, copyText, watches }: { diagnosis: Diagnosis; cached: boolean; copyText: CopyText; watches?: WatchApi }) {
  const { t, pick, lang } = useText();
  // Clipboard access can be refused; the card then says so and the value stays selectable by hand.
  const copyFix = (text: string) => copyText(text).then(() => true, () => false);
  // No record and a DNS failure without SPF_MISSING: the record could not be read, which is not "none".
  const codes = new Set(diagnosis.findings.map((finding) => finding.code));
  const spfUnreadable = !codes.has('SPF_MISSING') && codes.has('DNS_TEMPORARY_ERROR');
  const time = new Date(diagnosis.checkedAt).toLocaleTimeString(lang === 'ja' ? 'ja-JP' : 'en-US', { hour: '2-digit', minute: '2-digit' });

  return (
    <div class="diagnosis" data-verdict={diagnosis.verdict}>
      <p class={`verdict verdict-${diagnosis.verdict}`}>{t(`popup_verdict_${diagnosis.verdict}`, { domain: diagnosis.domain })}</p>
      <p class="meta">
        {t('popup_checked_at', { time, resolvers: diagnosis.resolvers.join(', ') || '—' })}
        {cached && ` ${t('popup_cached')}`}
      </p>

      {diagnosis.findings.length > 0 && (
        <section aria-labelledby="findings-heading">
          <h2 id="findings-heading">{t('popup_findings_heading', { n: diagnosis.findings.length })}</h2>
          <ul class="findings">
            {diagnosis.findings.map((finding, index) => (
              <li key={`${finding.code}-${index}`} class={`finding severity-${finding.severity}`} data-finding={finding.code}>
                <span class="severity">{t(`popup_severity_${finding.severity}`)}</span>
                <span class="finding-text">{pick(finding.message)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {diagnosis.fixes.length > 0 && (
        <section aria-labelledby="fixes-heading">
          <h2 id="fixes-heading">{t('popup_fixes_heading')}</h2>
          {/* Name the DNS host when the nameservers told us; the generic sentence only when they did not. */}
          <p class="hint" data-dns-host={diagnosis.live.dnsHost ?? ''}>
            {diagnosis.live.dnsHost ? t('popup_fixes_hint_host', { host: diagnosis.live.dnsHost }) : t('popup_fixes_hint')}
          </p>
          <ul class="fixes">
            {diagnosis.fixes.map((fix) => (
              <li key={fix.id}>
                <FixCard fix={fix} dnsHost={diagnosis.live.dnsHost} copyFix={copyFix} lang={lang} t={t} headingLevel={3} />
                {watches && <WatchButton fix={fix} diagnosis={diagnosis} watches={watches} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="spf-heading">
        <h2 id="spf-heading">{t('popup_spf_heading')}</h2>
        {diagnosis.spf.record !== null ? (
          <p class="spf-record">
            <code>{diagnosis.spf.record}</code>
          </p>
        ) : (
          <p class="spf-record missing">{t(spfUnreadable ? 'popup_spf_unknown' : 'popup_spf_none')}</p>
        )}
        {diagnosis.spf.tree && <SpfTree root={diagnosis.spf.tree} />}
      </section>

      {diagnosis.gmail.length > 0 && (
        <section aria-labelledby="gmail-heading">
          <h2 id="gmail-heading">{t('popup_gmail_heading')}</h2>
          <ul class="gmail">
            {diagnosis.gmail.map((item) => (
              <li key={item.id} class={`gmail-item status-${item.status}`} data-gmail={item.id}>
                <span class="status">{t(`popup_gmail_${item.status}`)}</span>
                <span>{pick(item.requirement)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
