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

export function Summary({ diagnosis, provider, domain, recordCount, pendingCount, cached, t }: SummaryProps) {
  const { errors, warnings } = countBySeverity(diagnosis);
  const severity = diagnosis.verdict === 'ok' ? 'info' : diagnosis.verdict;
  return (
    <section class={`summary verdict-${diagnosis.verdict}`} aria-labelledby="spf-doctor-verdict">
      <p class="verdict" id="spf-doctor-verdict">
        {diagnosis.verdict === 'ok' ? <span class="ok-mark" aria-hidden="true">✓</span> : <SeverityIcon severity={severity} t={t} />}
        <span>{t(`ui_verdict_${diagnosis.verdict}`, { domain })}</span>
      </p>
      <p class="counts">{t('ui_counts', { errors, warnings })}</p>
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
    </section>
  );
}
