// One fix, for the overlay and the popup alike: the exact record to enter, laid out as the panel asks
// for it, with Copy, and Fill (into the panel's own form, never saving) only where a panel is present.
import { useState } from 'preact/hooks';
import type { Fix, Lang } from '../../lib/diagnosis/types';
import { formatDuration } from '../../lib/content/format';
import { render } from '../../lib/i18n';
import { problemMessage } from '../../lib/panels/problems';
import type { FillResult, PanelProblem } from '../../lib/panels/types';
import { trusted } from '../overlay/trusted';

/** The catalog renderer of the page the card is on (overlay or popup). */
type T = (key: string, params?: Record<string, string | number>) => string;

/** Copies text to the clipboard; false when no way worked. */
export type CopyFix = (text: string) => Promise<boolean>;
/** Puts the fix into the panel's own form (never saves). */
export type ApplyFix = (fix: Fix) => Promise<FillResult>;

type ApplyState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; result: FillResult } | { status: 'failed'; reason: string };
type CopyState = 'idle' | 'copied' | 'failed';

const MARK = '\u0000';

/** A catalog sentence with its button labels in bold, built as nodes (never as HTML). */
function Emphasised({ text }: { text: string }) {
  const parts = text.split(MARK);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : part))}</>;
}

function problemText(problem: PanelProblem, lang: Lang): string {
  return render(lang, problemMessage(problem));
}

function HostValue({ host, t }: { host: string; t: T }) {
  if (host === '' || host === '@') return <span class="apex">{t('ui_fix_host_apex')}</span>;
  return <code class="mono">{host}</code>;
}

function NextStep({ result, t }: { result: FillResult; t: T }) {
  const label = `${MARK}${result.saveLabel}${MARK}`;
  const text =
    result.nextStep === 'add-then-confirm'
      ? t('ui_next_add_then_confirm', { label, confirm: `${MARK}${result.confirmLabel ?? ''}${MARK}` })
      : t('ui_next_save', { label });
  return (
    <p class="next-step" data-next-step={result.nextStep}>
      <Emphasised text={text} />
    </p>
  );
}

function FillOutcome({ result, lang, t }: { result: FillResult; lang: Lang; t: T }) {
  const { filled } = result;
  return (
    <div class={result.ok ? 'fill-result fill-ok' : 'fill-result fill-partial'} data-fill-ok={String(result.ok)}>
      {!result.ok && <p class="fill-failed">{t('ui_fill_failed')}</p>}
      <p>{t('ui_filled')}</p>
      <dl class="record">
        <dt>{t('ui_fix_type')}</dt>
        <dd>{filled.type}</dd>
        <dt>{t('ui_fix_host')}</dt>
        <dd>
          <HostValue host={filled.host} t={t} />
        </dd>
        <dt>{t('ui_fix_value')}</dt>
        <dd>
          <code class="value-box">{filled.value}</code>
        </dd>
        {filled.ttl !== undefined && (
          <>
            <dt>{t('ui_fix_ttl')}</dt>
            <dd>{filled.ttl}</dd>
          </>
        )}
        {filled.priority !== undefined && (
          <>
            <dt>{t('ui_fix_priority')}</dt>
            <dd>{filled.priority}</dd>
          </>
        )}
      </dl>
      {result.problems.length > 0 && (
        <ul class="problems">
          {result.problems.map((problem, i) => (
            <li key={i} data-problem={problem.code}>
              {problemText(problem, lang)}
            </li>
          ))}
        </ul>
      )}
      {(result.ok || filled.value !== '') && <NextStep result={result} t={t} />}
    </div>
  );
}

interface FixCardProps {
  fix: Fix;
  /** Display name of the DNS host serving the zone, for fixes that belong there. */
  dnsHost?: string;
  copyFix: CopyFix;
  /** Only where a panel is present (the overlay): without it the card has no Fill button. */
  applyFix?: ApplyFix;
  lang: Lang;
  t: T;
  /** The one card the user should act on first: its Fill (or, where it cannot fill, Copy) is marked `data-primary-action`. */
  primary?: boolean;
  /** The card title's heading level: one below the section heading it sits under (overlay h3, popup h2). */
  headingLevel?: 3 | 4;
}

export function FixCard({ fix, dnsHost, copyFix, applyFix, lang, t, primary = false, headingLevel = 4 }: FixCardProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const [apply, setApply] = useState<ApplyState>({ status: 'idle' });
  const [copy, setCopy] = useState<CopyState>('idle');
  const elsewhere = fix.target === 'dns-host';
  const canApply = applyFix !== undefined && !elsewhere;
  const title = fix.note?.[lang] || t(fix.action === 'add' ? 'ui_fix_add' : 'ui_fix_edit', { type: fix.type });

  const onApply = async (): Promise<void> => {
    if (!applyFix) return;
    setApply({ status: 'busy' });
    try {
      setApply({ status: 'done', result: await applyFix(fix) });
    } catch (error) {
      setApply({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };
  const onCopy = async (): Promise<void> => {
    let ok = false;
    try {
      ok = await copyFix(fix.value);
    } catch {
      ok = false;
    }
    setCopy(ok ? 'copied' : 'failed');
  };

  return (
    <article class="fix" data-fix={fix.id} aria-labelledby={`spf-doctor-fix-${fix.id}`}>
      <Heading id={`spf-doctor-fix-${fix.id}`}>{title}</Heading>
      {elsewhere && <p class="fix-elsewhere">{t('ui_fix_elsewhere', { host: dnsHost ?? t('ui_dns_host_unknown') })}</p>}
      {fix.warning && <p class="fix-warning">{fix.warning[lang]}</p>}
      <dl class="record">
        <dt>{t('ui_fix_type')}</dt>
        <dd>{fix.type}</dd>
        <dt>{t('ui_fix_host')}</dt>
        <dd>
          <HostValue host={fix.host} t={t} />
        </dd>
        {fix.priority !== undefined && (
          <>
            <dt>{t('ui_fix_priority')}</dt>
            <dd>{fix.priority}</dd>
          </>
        )}
        <dt>{t('ui_fix_value')}</dt>
        <dd>
          <code class="value-box" data-fix-value>
            {fix.value}
          </code>
        </dd>
        <dt>{t('ui_fix_ttl')}</dt>
        <dd>{fix.ttl !== undefined ? t('ui_fix_ttl_seconds', { seconds: fix.ttl, duration: formatDuration(lang, fix.ttl) }) : t('ui_fix_ttl_default')}</dd>
        {fix.replaces !== undefined && (
          <>
            <dt>{t('ui_fix_replaces')}</dt>
            <dd>
              <code class="value-box old-value">{fix.replaces}</code>
            </dd>
          </>
        )}
      </dl>
      {fix.lookups !== undefined && <p class="lookups">{t('ui_fix_lookups', { lookups: fix.lookups })}</p>}
      <div class="buttons">
        {canApply && (
          <button type="button" class="primary" data-action="apply" data-primary-action={primary ? 'fill' : undefined} disabled={apply.status === 'busy'} onClick={trusted(() => void onApply())}>
            {apply.status === 'busy' ? t('ui_applying') : t('ui_apply')}
          </button>
        )}
        <button type="button" data-action="copy" data-primary-action={primary && !canApply ? 'copy' : undefined} onClick={trusted(() => void onCopy())}>
          {t('ui_copy')}
        </button>
      </div>
      <div class="fix-status" aria-live="polite">
        {copy === 'copied' && <p class="copied">{t('ui_copied')}</p>}
        {copy === 'failed' && <p class="copy-failed">{t('ui_copy_failed')}</p>}
        {apply.status === 'done' && <FillOutcome result={apply.result} lang={lang} t={t} />}
        {apply.status === 'failed' && (
          <p class="fill-failed">
            {t('ui_fill_failed')} ({apply.reason})
          </p>
        )}
      </div>
    </article>
  );
}
