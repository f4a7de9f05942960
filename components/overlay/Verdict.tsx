// The verdict part of the overlay: the headline, where to fix it, the primary fix and the collapsed
// sections under it. In the overlay modules it comes from the details module (wxt.config.ts, lazyDetails,
// components/overlay/lazy/Verdict.tsx), which the runtime loads while the first DNS answers are on their
// way: the overlay module itself carries only what the page shows before there is a verdict.
import type { ComponentChildren } from 'preact';
import type { Diagnosis, Fix } from '../../lib/diagnosis/types';
import { Details } from './Details';
import { Findings, NowLive } from './Findings';
import { FixCard } from '../shared/FixCard';
import type { OverlayProps, WatchNotice } from './Overlay';
import { Progress } from './Progress';
import { ProviderPicker } from './ProviderPicker';
import { Facts, Summary, countBySeverity } from './Summary';
import type { T } from './text';

export interface VerdictProps {
  props: OverlayProps & { view: OverlayProps['view'] & { diagnosis: Diagnosis } };
  t: T;
  /** What the panel reader could not read (shown last). */
  children?: ComponentChildren;
}

export function VerdictBody({ props, t, children }: VerdictProps) {
  const { view, lang, provider, actions } = props;
  const { diagnosis } = view;
  const pendingCount = view.records.filter((r) => r.pending).length;
  const needsProvider = diagnosis.findings.some((f) => f.code === 'SPF_MISSING' && f.fixId === undefined);
  // The one thing to do first: the provider to choose when the SPF record cannot be written without it,
  // else the first fix. Everything else follows, collapsed, each under a one-line summary.
  const primaryFix: Fix | undefined = needsProvider ? undefined : diagnosis.fixes[0];
  const otherFixes = needsProvider ? diagnosis.fixes : diagnosis.fixes.slice(1);
  const fixCard = (fix: Fix, primary: boolean) => (
    <FixCard key={`${fix.id}:${fix.value}`} fix={fix} dnsHost={diagnosis.live.dnsHost} copyFix={actions.copy} applyFix={actions.apply} lang={lang} t={t} primary={primary} />
  );
  const picker = (primary: boolean) => (
    <ProviderPicker diagnosis={diagnosis} choice={view.providerChoice} onChoose={(choice) => actions.chooseProvider(choice)} lang={lang} t={t} primary={primary} />
  );
  const { errors, warnings } = countBySeverity(diagnosis);
  const domain = view.domain ?? diagnosis.domain;
  return (
    <>
      {view.state === 'checking' && (
        <div class="rechecking">
          <p class="state-line">{t('ui_state_rechecking')}</p>
          <Progress done={view.progress} t={t} />
        </div>
      )}
      {props.watchNotice && <WatchLine notice={props.watchNotice} t={t} />}
      <NowLive nowLive={view.nowLive} t={t} />
      <Summary diagnosis={diagnosis} provider={provider} domain={domain} t={t} />
      {(primaryFix || needsProvider) && (
        <section class="fixes primary-fix" aria-labelledby="spf-doctor-fixes">
          <h3 id="spf-doctor-fixes">{t('ui_fixes')}</h3>
          {needsProvider ? picker(true) : primaryFix && fixCard(primaryFix, true)}
          {/* No provider is known, so the SPF record to add cannot be written out: say what unlocks it (the picker above). */}
          {needsProvider && (
            <p class="fix-needs-provider" data-hint="choose-provider">
              {t('ui_fix_choose_provider')}
            </p>
          )}
        </section>
      )}
      <More name="findings" title={t('ui_more_findings')} summary={t('ui_counts', { errors, warnings })}>
        <Findings diagnosis={diagnosis} recheckAt={view.recheckAt} recheckSeconds={props.recheckSeconds} lang={lang} t={t} onWatch={actions.watch} />
      </More>
      {otherFixes.length > 0 && (
        <More name="fixes" title={t('ui_more_fixes')} summary={otherFixes.map((fix) => fix.type).join(' · ')}>
          <section class="fixes">{otherFixes.map((fix) => fixCard(fix, false))}</section>
        </More>
      )}
      {!needsProvider && (
        <More name="provider" title={t('ui_more_provider')}>
          {picker(false)}
        </More>
      )}
      <More name="facts" title={t('ui_more_facts')} summary={domain}>
        <Facts diagnosis={diagnosis} provider={provider} domain={domain} recordCount={view.recordCount} pendingCount={pendingCount} cached={view.cached} lang={lang} t={t} />
      </More>
      <Details diagnosis={diagnosis} lang={lang} t={t} />
      {children}
    </>
  );
}

/** A collapsed section under a one-line summary (native <details>: keyboard and screen readers know it). */
function More({ name, title, summary, children }: { name: string; title: string; summary?: string; children: ComponentChildren }) {
  return (
    <details class="more" data-section={name}>
      <summary>
        <span class="more-title">{title}</span>
        {summary && <span class="more-summary">{summary}</span>}
      </summary>
      <div class="more-body">{children}</div>
    </details>
  );
}

function WatchLine({ notice, t }: { notice: WatchNotice; t: T }) {
  return (
    <p class={`watch-notice watch-${notice.status}`} role="status" data-watch-status={notice.status}>
      {notice.status === 'started'
        ? t('ui_watch_started', { domain: notice.domain })
        : t('ui_watch_failed', { reason: notice.detail ? `${t(`ui_watch_reason_${notice.reason.replace('-', '_')}`)}: ${notice.detail}` : t(`ui_watch_reason_${notice.reason.replace('-', '_')}`) })}
    </p>
  );
}
/** Here the verdict is built in (tests, and any bundle without the stand-in): nothing to wait for. */
export function verdictReady(): Promise<void> {
  return Promise.resolve();
}
