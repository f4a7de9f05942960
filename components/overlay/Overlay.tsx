// The overlay: a region at the bottom right with the verdict, findings, fixes and details, collapsible
// to a small pill so it never hides the panel's own controls; plus the badges beside the panel's rows.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Finding, Fix, Lang, PanelId, PropagationItem } from '../../lib/diagnosis/types';
import { badgeTargets, intersect } from '../../lib/content/badges';
import type { SessionView } from '../../lib/content/session';
import { render } from '../../lib/i18n';
import { problemMessage } from '../../lib/panels/problems';
import type { PanelProblem } from '../../lib/panels/types';
import type { ProviderChoice } from '../../lib/mail/provider-choice';
import { BadgeLayer } from './Badges';
import type { PointerTarget, Subscribe } from './Badges';
import { Details } from './Details';
import { Findings, findingElementId } from './Findings';
import { FixCard } from '../shared/FixCard';
import type { ApplyFix, CopyFix } from '../shared/FixCard';
import { Progress } from './Progress';
import { ProviderPicker } from './ProviderPicker';
import { Summary, countBySeverity } from './Summary';
import { textFor } from './text';
import { trusted } from './trusted';
import type { T } from './text';

export interface OverlayActions {
  /** Puts a fix into the panel's own form (never saves). */
  apply: ApplyFix;
  /** Copies text to the clipboard; false when no way worked. */
  copy: CopyFix;
  /** A fresh check that bypasses every cache. */
  recheck(): void;
  /** The user picked the mail provider their mail is sent through (null: detect it from MX again). */
  chooseProvider(choice: ProviderChoice | null): void;
  /** Starts a background watch of a pending record (the background follows it after the tab closes). */
  watch?(item: PropagationItem): void;
}

/** What became of the last watch this page started (after the panel's Save, or "Watch this domain"). */
export type WatchNotice = { status: 'started'; domain: string } | { status: 'failed'; reason: WatchFailure; detail?: string };
/** Why a watch did not start: the background's refusal, or no usable answer (`detail` says what the browser said). */
export type WatchFailure = 'bad-request' | 'not-allowed' | 'failed' | 'no-answer';

export interface OverlayProps {
  provider: PanelId;
  lang: Lang;
  view: SessionView;
  recheckSeconds: number;
  actions: OverlayActions;
  /** Viewport changes (scroll, resize, page re-render) for the badges. */
  subscribe: Subscribe;
  /** The panel's own button to point at after a fill. */
  pointer?: PointerTarget | null;
  /** Distance from the viewport's bottom-right corner (px), to clear a panel's own floating widgets. */
  offset?: { bottom: number; right: number };
  initiallyCollapsed?: boolean;
  watchNotice?: WatchNotice | null;
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

const noSubscribe: Subscribe = () => () => {};

function Problems({ problems, lang, t }: { problems: readonly PanelProblem[]; lang: Lang; t: T }) {
  if (problems.length === 0) return null;
  return (
    <div class="panel-problems">
      <p>{t('ui_panel_problems')}</p>
      <ul>
        {problems.map((problem, i) => (
          <li key={i} data-problem={problem.code}>
            {render(lang, problemMessage(problem))}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Body({ props, t }: { props: OverlayProps; t: T }) {
  const { view, lang, provider, actions } = props;
  const { diagnosis } = view;
  const pendingCount = view.records.filter((r) => r.pending).length;
  const problems = <Problems problems={view.problems} lang={lang} t={t} />;

  if (view.state === 'error') {
    return (
      <>
        <div class="error-box" role="alert">
          <p class="error-title">{t('ui_error')}</p>
          <p>{view.error?.[lang] ?? ''}</p>
        </div>
        {problems}
      </>
    );
  }
  if (view.state === 'reading' || (view.state === 'checking' && !diagnosis)) {
    return (
      <>
        <p class="state-line" role="status">
          {t(view.state === 'reading' ? 'ui_state_reading' : 'ui_state_checking')}
        </p>
        {view.state === 'checking' && <Progress done={view.progress} t={t} />}
        {problems}
      </>
    );
  }
  if (!diagnosis) return problems;
  const needsProvider = diagnosis.findings.some((f) => f.code === 'SPF_MISSING' && f.fixId === undefined);
  return (
    <>
      {view.state === 'checking' && (
        <div class="rechecking">
          <p class="state-line">{t('ui_state_rechecking')}</p>
          <Progress done={view.progress} t={t} />
        </div>
      )}
      {props.watchNotice && <WatchLine notice={props.watchNotice} t={t} />}
      <Summary diagnosis={diagnosis} provider={provider} domain={view.domain ?? diagnosis.domain} recordCount={view.recordCount} pendingCount={pendingCount} cached={view.cached} lang={lang} t={t} />
      <Findings diagnosis={diagnosis} nowLive={view.nowLive} recheckAt={view.recheckAt} recheckSeconds={props.recheckSeconds} lang={lang} t={t} onWatch={actions.watch} />
      <ProviderPicker diagnosis={diagnosis} choice={view.providerChoice} onChoose={(choice) => actions.chooseProvider(choice)} lang={lang} t={t} />
      {(diagnosis.fixes.length > 0 || needsProvider) && (
        <section class="fixes" aria-labelledby="spf-doctor-fixes">
          <h3 id="spf-doctor-fixes">{t('ui_fixes')}</h3>
          {/* No provider is known, so the SPF record to add cannot be written out: say what unlocks it. */}
          {needsProvider && (
            <p class="fix-needs-provider" data-hint="choose-provider">
              {t('ui_fix_choose_provider')}
            </p>
          )}
          {diagnosis.fixes.map((fix: Fix) => (
            <FixCard key={`${fix.id}:${fix.value}`} fix={fix} dnsHost={diagnosis.live.dnsHost} copyFix={actions.copy} applyFix={actions.apply} lang={lang} t={t} />
          ))}
        </section>
      )}
      <Details diagnosis={diagnosis} lang={lang} t={t} />
      {problems}
    </>
  );
}

export function Overlay(props: OverlayProps) {
  const { view, lang, provider } = props;
  const t = useMemo(() => textFor(lang), [lang]);
  const [collapsed, setCollapsed] = useState(props.initiallyCollapsed ?? false);
  const [focusFinding, setFocusFinding] = useState<number | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const collapseButton = useRef<HTMLButtonElement>(null);
  const pill = useRef<HTMLButtonElement>(null);
  const lastToggle = useRef<'collapse' | 'expand' | null>(null);
  const panel = useRef<HTMLElement>(null);
  // Docked left while the panel would hide the button we point at (the user must be able to press it).
  const [dockLeft, setDockLeft] = useState(false);
  const pointerElement = props.pointer?.element ?? null;

  const targets = useMemo(() => badgeTargets(view.diagnosis?.findings ?? [], view.records), [view.diagnosis, view.records]);
  const { errors, warnings } = countBySeverity(view.diagnosis);
  const domain = view.domain ?? view.diagnosis?.domain ?? '';

  const toggle = (next: boolean): void => {
    lastToggle.current = next ? 'collapse' : 'expand';
    setCollapsed(next);
  };

  // Keep keyboard focus where the user is: on the pill after collapsing, on the header after expanding.
  useEffect(() => {
    if (lastToggle.current === 'collapse') pill.current?.focus();
    if (lastToggle.current === 'expand') collapseButton.current?.focus();
    lastToggle.current = null;
  }, [collapsed]);

  useEffect(() => {
    if (focusFinding === null || collapsed) return;
    const element = root.current?.querySelector<HTMLElement>(`#${findingElementId(focusFinding)}`);
    element?.focus();
    element?.scrollIntoView?.({ block: 'nearest' });
    setFocusFinding(null);
  }, [focusFinding, collapsed]);

  useLayoutEffect(() => {
    if (!pointerElement) {
      setDockLeft(false);
      return;
    }
    const check = (): void => {
      if (!panel.current || collapsed) return;
      const box = panel.current.getBoundingClientRect();
      const width = box.right - box.left;
      const viewportWidth = panel.current.ownerDocument.defaultView?.innerWidth ?? box.right;
      const margin = props.offset?.right ?? 16;
      const right = { top: box.top, bottom: box.bottom, left: viewportWidth - margin - width, right: viewportWidth - margin };
      const left = { top: box.top, bottom: box.bottom, left: margin, right: margin + width };
      const target = pointerElement.getBoundingClientRect();
      // Left only when that frees the button; when both sides would hide it, stay where users expect us.
      setDockLeft(intersect(right, target) !== null && intersect(left, target) === null);
    };
    check();
    return props.subscribe(check);
  }, [pointerElement, collapsed, props.subscribe, props.offset?.right]);

  // A record that just went live is news: bring the notice into view inside our panel.
  const nowLiveKey = view.nowLive.map((item) => `${item.type} ${item.name}`).join('|');
  useEffect(() => {
    if (!nowLiveKey || collapsed) return;
    root.current?.querySelector('.now-live')?.scrollIntoView?.({ block: 'nearest' });
  }, [nowLiveKey, collapsed]);

  const onSelectFinding = (finding: Finding): void => {
    const index = view.diagnosis?.findings.indexOf(finding) ?? -1;
    if (index < 0) return;
    setCollapsed(false);
    setFocusFinding(index);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !collapsed) {
      event.preventDefault();
      toggle(true);
    }
  };

  const offset = props.offset ?? { bottom: 16, right: 16 };
  const position = dockLeft ? { bottom: `${offset.bottom}px`, left: `${offset.right}px` } : { bottom: `${offset.bottom}px`, right: `${offset.right}px` };
  const issueCount = errors + warnings;

  return (
    <div class="spf-doctor" ref={root} lang={lang} data-lang={lang}>
      {collapsed && (
        <button
          type="button"
          ref={pill}
          class={`pill verdict-${view.diagnosis?.verdict ?? 'none'}`}
          style={position}
          data-action="expand"
          aria-expanded="false"
          aria-controls="spf-doctor-panel"
          aria-label={view.diagnosis ? t('ui_expand', { errors, warnings }) : t('ui_expand_plain')}
          onClick={trusted(() => toggle(false))}
        >
          <span class="pill-name">{t('ui_title')}</span>
          {view.state === 'checking' || view.state === 'reading' ? (
            <span class="pill-count pill-busy" aria-hidden="true">
              …
            </span>
          ) : view.state === 'error' ? (
            <span class="pill-count pill-error" aria-hidden="true">
              !
            </span>
          ) : (
            view.diagnosis && (
              <span class="pill-count" aria-hidden="true">
                {issueCount === 0 ? '✓' : issueCount}
              </span>
            )
          )}
        </button>
      )}
      <section id="spf-doctor-panel" ref={panel} class="panel" role="region" aria-label={t('ui_region_label', { domain })} hidden={collapsed} style={position} onKeyDown={trusted(onKeyDown)}>
        <header class="panel-head">
          <h2>{t('ui_title')}</h2>
          <span class="provider">{t(`ui_panel_${provider}`)}</span>
          <span class="spacer" />
          <button type="button" data-action="recheck" disabled={view.state === 'checking' || view.state === 'reading'} onClick={trusted(() => props.actions.recheck())}>
            {t('ui_recheck')}
          </button>
          <button type="button" ref={collapseButton} data-action="collapse" aria-expanded={!collapsed} aria-controls="spf-doctor-panel" aria-label={t('ui_collapse')} title={t('ui_collapse')} onClick={trusted(() => toggle(true))}>
            <span aria-hidden="true">—</span>
          </button>
        </header>
        <div class="panel-body">
          <Body props={props} t={t} />
        </div>
      </section>
      <BadgeLayer targets={targets} pointer={props.pointer ?? null} subscribe={props.subscribe ?? noSubscribe} lang={lang} t={t} onSelect={onSelectFinding} />
    </div>
  );
}
