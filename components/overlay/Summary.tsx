import type { Diagnosis, Lang, PanelId } from '../../lib/diagnosis/types';
import { formatClock } from '../../lib/content/format';
import type { T } from './text';
import { SeverityIcon } from './SeverityIcon';

export function countBySeverity(diagnosis: Diagnosis | null): { errors: number; warnings: number } {
  const findings = diagnosis?.findings ?? [];
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

interface SummaryProps {
  diagnosis: Diagnosis;
  provider: PanelId;
  domain: string;
  recordCount: number;
  pendingCount: number;
  cached: boolean;
  lang: Lang;
  t: T;
}

function DnsHost({ diagnosis, provider, t }: { diagnosis: Diagnosis; provider: PanelId; t: T }) {
  const { live } = diagnosis;
  const host = live.dnsHost ?? (live.delegation === 'this-panel' ? t(`ui_panel_${provider}`) : undefined);
  const label =
    live.delegation === 'unknown' || !host
      ? t('ui_dns_host_unknown')
      : live.delegation === 'this-panel'
        ? t('ui_dns_host_this_panel', { host })
        : t('ui_dns_host_elsewhere', { host });
  return (
    <>
      <dt>{t('ui_dns_host')}</dt>
      <dd class={live.delegation === 'elsewhere' ? 'dns-host-elsewhere' : undefined} data-delegation={live.delegation}>
        {label}
        {live.nameservers.length > 0 && <span class="nameservers">{live.nameservers.join(', ')}</span>}
      </dd>
    </>
  );
}

/** The verdict in one line: "Mail to Gmail will bounce" when an SPF error is why, else the verdict's own line. */
export function headlineKey(diagnosis: Diagnosis): string {
  const spfError = diagnosis.findings.some((f) => f.severity === 'error' && f.code.startsWith('SPF_'));
  return diagnosis.verdict === 'error' && spfError ? 'ui_headline_spf_error' : `ui_verdict_${diagnosis.verdict}`;
}

/** Where the fix is made: this screen, or the named DNS host's own panel. */
function WhereLine({ diagnosis, provider, t }: { diagnosis: Diagnosis; provider: PanelId; t: T }) {
  const { live } = diagnosis;
  const host = live.dnsHost ?? t(`ui_panel_${provider}`);
  const text =
    live.delegation === 'this-panel' ? t('ui_where_this_screen', { host }) : live.delegation === 'elsewhere' && live.dnsHost ? t('ui_where_elsewhere', { host: live.dnsHost }) : t('ui_where_unknown');
  return (
    <p class={live.delegation === 'elsewhere' ? 'where dns-host-elsewhere' : 'where'} data-where={live.delegation}>
      {text}
    </p>
  );
}

/** When the last pending record should be live, as a clock time (checked at + the longest estimate). */
export function expectedLiveAt(diagnosis: Diagnosis): number | null {
  const estimates = diagnosis.live.propagation.filter((item) => item.state === 'pending' && item.estimateSeconds !== undefined).map((item) => item.estimateSeconds!);
  return estimates.length > 0 ? diagnosis.checkedAt + Math.max(...estimates) * 1000 : null;
}

/** The first screen's top: the verdict, where to fix it, and when a pending record should be live. */
export function Summary({ diagnosis, provider, domain, t }: Pick<SummaryProps, 'diagnosis' | 'provider' | 'domain' | 't'>) {
  const severity = diagnosis.verdict === 'ok' ? 'info' : diagnosis.verdict;
  const liveAt = expectedLiveAt(diagnosis);
  return (
    <section class={`summary verdict-${diagnosis.verdict}`} aria-labelledby="spf-doctor-verdict">
      <p class="verdict" id="spf-doctor-verdict" data-headline={headlineKey(diagnosis)}>
        {diagnosis.verdict === 'ok' ? <span class="ok-mark" aria-hidden="true">✓</span> : <SeverityIcon severity={severity} t={t} />}
        <span>{t(headlineKey(diagnosis), { domain })}</span>
      </p>
      {diagnosis.verdict !== 'ok' && <WhereLine diagnosis={diagnosis} provider={provider} t={t} />}
      {liveAt !== null && (
        <p class="expected-live" data-expected-live={formatClock(liveAt, false)}>
          {t('ui_propagation_expected_at', { time: formatClock(liveAt, false) })}
        </p>
      )}
    </section>
  );
}

/** Domain facts for the collapsed "Domain and DNS host" section. */
export function Facts({ diagnosis, provider, domain, recordCount, pendingCount, cached, t }: SummaryProps) {
  return (
    <>
      <dl class="facts">
        <dt>{t('ui_domain')}</dt>
        <dd>{domain}</dd>
        <DnsHost diagnosis={diagnosis} provider={provider} t={t} />
        <dt>{t('ui_records_read')}</dt>
        <dd>{t('ui_records_count', { count: recordCount, pending: pendingCount })}</dd>
      </dl>
      <p class="checked-at">
        {t('ui_checked_at', { time: formatClock(diagnosis.checkedAt) })}
        {cached && <span class="cached"> {t('ui_cached')}</span>}
      </p>
    </>
  );
}
