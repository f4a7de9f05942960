import type { Diagnosis, Finding, Lang, PropagationItem } from '../../lib/diagnosis/types';
import { formatClock, formatDuration } from '../../lib/content/format';
import type { LiveNow } from '../../lib/content/session';
import { hasMessage } from '../../lib/i18n';
import type { T } from './text';
import { SeverityIcon } from './SeverityIcon';
import { trusted } from './trusted';

export const findingElementId = (index: number): string => `spf-doctor-finding-${index}`;

/** The finding in the UI language: the diagnosis renders both from the catalogs; re-render only as a fallback. */
function findingText(finding: Finding, lang: Lang, t: T): string {
  const text = finding.message?.[lang];
  if (text) return text;
  return hasMessage(finding.key) ? t(finding.key, finding.params) : finding.code;
}

function PropagationDetail({ item, lang, t, onWatch }: { item: PropagationItem; lang: Lang; t: T; onWatch?: ((item: PropagationItem) => void) | undefined }) {
  return (
    <div class="propagation" data-propagation={`${item.type} ${item.name}`}>
      <p class="propagation-record">
        <span class="mono">{item.type}</span> <span class="mono">{item.name}</span>
      </p>
      <p class="propagation-label">{t('ui_propagation_panel')}:</p>
      <ul class="values">
        {item.panel.map((value, i) => (
          <li key={i} class="mono">
            {value}
          </li>
        ))}
      </ul>
      <p class="propagation-label">{t('ui_propagation_views')}</p>
      <ul class="views">
        {item.views.map((view) => (
          <li key={view.resolver} data-resolver={view.resolver}>
            <strong>{view.resolver}</strong>:{' '}
            {view.values === null ? (
              <span class="view-error">{t('ui_propagation_failed', { error: view.error ?? '' })}</span>
            ) : view.values.length === 0 ? (
              <span class="view-empty">{t('ui_propagation_nothing')}</span>
            ) : (
              view.values.map((value, i) => (
                <span key={i} class="mono view-value">
                  {value}
                </span>
              ))
            )}
          </li>
        ))}
      </ul>
      <p class="estimate">{t('ui_propagation_estimate', { estimate: formatDuration(lang, item.estimateSeconds) })}</p>
      {onWatch && (
        <button
          type="button"
          data-action="watch"
          onClick={trusted(() => onWatch(item))}
        >
          {t('ui_watch_start')}
        </button>
      )}
    </div>
  );
}

/** Records that just went live: news, so it stays on the first screen (the findings list is collapsed). */
export function NowLive({ nowLive, t }: { nowLive: readonly LiveNow[]; t: T }) {
  if (nowLive.length === 0) return null;
  return (
    <ul class="now-live" role="status">
      {nowLive.map((item) => (
        <li key={`${item.type} ${item.name}`} data-now-live={`${item.type} ${item.name}`}>
          <span class="ok-mark" aria-hidden="true">
            ✓
          </span>{' '}
          {t('ui_propagation_live', { type: item.type, name: item.name })}
        </li>
      ))}
    </ul>
  );
}

interface FindingsProps {
  diagnosis: Diagnosis;
  recheckAt: number | null;
  recheckSeconds: number;
  lang: Lang;
  t: T;
  /** Starts a background watch of a pending record ("Watch this domain"); absent: no button. */
  onWatch?: ((item: PropagationItem) => void) | undefined;
}

export function Findings({ diagnosis, recheckAt, recheckSeconds, lang, t, onWatch }: FindingsProps) {
  const pending = diagnosis.live.propagation.filter((item) => item.state === 'pending');
  return (
    <section class="findings" aria-label={t('ui_findings')}>
      {diagnosis.findings.length === 0 ? (
        <p class="no-findings">{t('ui_no_findings')}</p>
      ) : (
        <ul class="finding-list">
          {diagnosis.findings.map((finding, index) => (
            <li key={`${finding.code}-${index}`} id={findingElementId(index)} class={`finding finding-${finding.severity}`} data-finding={finding.code} tabIndex={-1}>
              <SeverityIcon severity={finding.severity} t={t} />
              <div class="finding-body">
                <p>{findingText(finding, lang, t)}</p>
                {finding.code === 'PROPAGATION_PENDING' &&
                  pending
                    .filter((item) => finding.records.length === 0 || finding.records.some((r) => r.host === item.name && r.type === item.type))
                    .map((item) => <PropagationDetail key={`${item.type} ${item.name}`} item={item} lang={lang} t={t} onWatch={onWatch} />)}
                {finding.code === 'PROPAGATION_PENDING' && recheckAt !== null && (
                  <p class="recheck-note">{t('ui_recheck_auto', { seconds: recheckSeconds, time: formatClock(recheckAt) })}</p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
