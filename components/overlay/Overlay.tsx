// The overlay: a region at the bottom right with the verdict, findings, fixes and details, collapsible
// to a small pill so it never hides the panel's own controls; plus the badges beside the panel's rows.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Finding, Fix, Lang, PanelId, PropagationItem } from '../../lib/diagnosis/types';
import { badgeTargets } from '../../lib/content/badges';
import type { Size } from '../../lib/content/dock';
import { computeDocking, layoutReady } from './dock-layout';
import type { Docking } from './dock-layout';
import type { SessionView } from '../../lib/content/session';
import { render } from '../../lib/i18n';
import { problemMessage } from '../../lib/panels/problems';
import type { PanelProblem } from '../../lib/panels/types';
import type { ProviderChoice } from '../../lib/mail/provider-choice';
import { BadgeLayer, clipOf } from './Badges';
import type { PointerTarget, Subscribe } from './Badges';
import { findingElementId } from './Findings';
import { FocusReturn, entryTarget } from './focus';
import type { ApplyFix, CopyFix } from '../shared/FixCard';
import { Progress } from './Progress';
import { countBySeverity } from './Summary';
import { VerdictBody } from './Verdict';
import type { VerdictProps } from './Verdict';
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
  /** Bumped to bring keyboard focus in (shortcut, skip control): expands, focuses the primary action. */
  focusRequest?: number;
}

/** Inside our UI, or our shadow host itself (what the page's document sees as focused while we have focus). */
function insideOverlay(root: HTMLElement | null, node: Node): boolean {
  return root !== null && (root.contains(node) || (root.getRootNode() as ShadowRoot).host === node);
}

const noSubscribe: Subscribe = () => () => {};

/** The pill's size until it is drawn and measured. */
const PILL_SIZE: Size = { width: 150, height: 40 };
/** The "press Save" note's size until it is drawn and measured. */
const POINTER_SIZE: Size = { width: 200, height: 24 };

const sameBox = (a: { top: number; left: number; height?: number } | null, b: { top: number; left: number; height?: number } | null): boolean =>
  a === b || (a !== null && b !== null && Math.round(a.top) === Math.round(b.top) && Math.round(a.left) === Math.round(b.left) && Math.round(a.height ?? 0) === Math.round(b.height ?? 0));
const sameDocking = (a: Docking | null, b: Docking): boolean =>
  a !== null && sameBox(a.panel, b.panel) && sameBox(a.pill, b.pill) && sameBox(a.note, b.note) && a.note?.side === b.note?.side;

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
  // The verdict itself comes with the details module in the overlay modules (lazy/Verdict.tsx).
  return (
    <VerdictBody props={props as VerdictProps['props']} t={t}>
      {problems}
    </VerdictBody>
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
  // Where the user was before focus came in; Escape goes back there.
  const focusReturn = useMemo(() => new FocusReturn((node) => insideOverlay(root.current, node)), []);
  const focusPending = useRef(false);
  const panel = useRef<HTMLElement>(null);
  // Where the panel and the pill go (null: not measured yet, the CSS corner); panel null: no free room.
  const [docking, setDocking] = useState<Docking | null>(null);
  const natural = useRef<Size>({ width: 380, height: 520 });
  const sizesUsed = useRef({ note: 0, pill: 0 });
  const placeAgain = useRef<() => void>(() => {});
  // The user opened the pill we shrank to for lack of room: show the panel anyway, at its corner.
  const [forcedOpen, setForcedOpen] = useState(false);
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
    if (lastToggle.current === 'collapse' && !focusReturn.restore()) pill.current?.focus();
    if (lastToggle.current === 'expand') collapseButton.current?.focus();
    lastToggle.current = null;
  }, [collapsed]);

  // A focus request: remember where the user is, open the panel, then focus its first stop.
  useEffect(() => {
    if (!props.focusRequest) return;
    focusReturn.requested(root.current?.ownerDocument.activeElement ?? null);
    focusPending.current = true;
    // Shrunk to the pill for lack of room: the user asked for the panel, as with a click on the pill.
    if (squeezed) setForcedOpen(true);
    setCollapsed(false);
  }, [props.focusRequest]);
  useEffect(() => {
    if (!focusPending.current || showPill || !panel.current) return;
    focusPending.current = false;
    entryTarget(panel.current)?.focus();
  });

  useEffect(() => {
    if (focusFinding === null || collapsed) return;
    const element = root.current?.querySelector<HTMLElement>(`#${findingElementId(focusFinding)}`);
    // The findings list is collapsed by default: open it to show the one the badge is about.
    const section = element?.closest('details');
    if (section) section.open = true;
    element?.focus();
    element?.scrollIntoView?.({ block: 'nearest' });
    setFocusFinding(null);
  }, [focusFinding, collapsed]);

  // Dock where nothing of the page is covered: after each render and on every viewport event (the
  // runtime's one rAF-throttled subscribe), never on a timer. No room for the panel: the pill.
  const rows = useMemo(() => view.records.map((record) => record.row), [view.records]);
  useLayoutEffect(() => {
    const place = (): void => {
      const element = panel.current;
      const view = element?.ownerDocument.defaultView;
      if (!element || !view) return;
      if (!element.hidden) {
        const box = element.getBoundingClientRect();
        const head = element.firstElementChild as HTMLElement | null;
        const body = element.lastElementChild as HTMLElement | null;
        // The height the panel would like: its header plus all of its body (the body scrolls when cut).
        if (box.width > 0) natural.current = { width: box.width, height: (head?.offsetHeight ?? 0) + (body?.scrollHeight ?? 0) + 2 };
      }
      // The placement code may still be on its way (overlay modules): place again once it is here.
      if (!layoutReady(place)) return;
      const drawn = root.current?.querySelector('[data-pointer]')?.getBoundingClientRect();
      const note = drawn && drawn.width > 0 ? { width: drawn.width, height: drawn.height } : POINTER_SIZE;
      const pillBox = pill.current?.getBoundingClientRect();
      const pillSize = pillBox && pillBox.width > 0 ? { width: pillBox.width, height: pillBox.height } : PILL_SIZE;
      sizesUsed.current = { note: note.width, pill: pillSize.width };
      const next = computeDocking({
        doc: element.ownerDocument,
        rows,
        own: (root.current?.getRootNode() as ShadowRoot | null)?.host ?? null,
        natural: natural.current,
        pill: pillSize,
        pointer: pointerElement ? { element: pointerElement, clip: clipOf(pointerElement), size: note } : null,
        margins: { side: props.offset?.right ?? 16, bottom: props.offset?.bottom ?? 16, gap: 8 },
      });
      setDocking((last) => (sameDocking(last, next) ? last : next));
    };
    placeAgain.current = place;
    place();
    return props.subscribe(place);
  }, [rows, pointerElement, collapsed, props.subscribe, props.offset?.right, props.offset?.bottom, view.diagnosis, view.state]);

  // The note and the pill were placed at a guessed size until drawn: once drawn at another width, place again.
  useLayoutEffect(() => {
    const width = (selector: string): number => root.current?.querySelector(selector)?.getBoundingClientRect().width ?? 0;
    const note = width('[data-pointer]');
    const pillWidth = width('[data-action="expand"]');
    if ((note > 0 && Math.abs(note - sizesUsed.current.note) > 1) || (pillWidth > 0 && Math.abs(pillWidth - sizesUsed.current.pill) > 1)) placeAgain.current();
  }, [docking]);

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
  const corner = { bottom: `${offset.bottom}px`, right: `${offset.right}px` };
  const squeezed = docking !== null && docking.panel === null && !forcedOpen;
  const showPill = collapsed || squeezed;
  const panelAt = docking?.panel;
  const position = panelAt && !forcedOpen ? { top: `${panelAt.top}px`, left: `${panelAt.left}px`, maxHeight: `${panelAt.height}px` } : corner;
  const pillPosition = docking?.pill ? { top: `${docking.pill.top}px`, left: `${docking.pill.left}px` } : corner;
  const issueCount = errors + warnings;

  return (
    <div class="spf-doctor" ref={root} lang={lang} data-lang={lang} onFocusIn={(event: FocusEvent) => focusReturn.entered(event.relatedTarget)}>
      {showPill && (
        <button
          type="button"
          ref={pill}
          class={`pill verdict-${view.diagnosis?.verdict ?? 'none'}`}
          style={pillPosition}
          data-squeezed={squeezed && !collapsed ? 'true' : undefined}
          data-action="expand"
          aria-expanded="false"
          aria-controls="spf-doctor-panel"
          aria-label={view.diagnosis ? t('ui_expand', { errors, warnings }) : t('ui_expand_plain')}
          onClick={trusted(() => {
            if (squeezed) setForcedOpen(true);
            toggle(false);
          })}
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
      <section id="spf-doctor-panel" ref={panel} class="panel" role="region" aria-label={t('ui_region_label', { domain })} hidden={showPill} style={position} data-docked={panelAt && !forcedOpen ? 'free' : 'corner'} onKeyDown={trusted(onKeyDown)}>
        <header class="panel-head">
          <h2>{t('ui_title')}</h2>
          <span class="provider">{t(`ui_panel_${provider}`)}</span>
          <span class="spacer" />
          <button type="button" data-action="recheck" disabled={view.state === 'checking' || view.state === 'reading'} onClick={trusted(() => props.actions.recheck())}>
            {t('ui_recheck')}
          </button>
          <button type="button" ref={collapseButton} data-action="collapse" aria-expanded={!collapsed} aria-controls="spf-doctor-panel" aria-label={t('ui_collapse')} title={t('ui_collapse')} onClick={trusted(() => {
              setForcedOpen(false);
              toggle(true);
            })}>
            <span aria-hidden="true">—</span>
          </button>
        </header>
        <div class="panel-body">
          <Body props={props} t={t} />
        </div>
      </section>
      <BadgeLayer targets={targets} pointer={props.pointer ?? null} pointerAt={docking?.note ?? null} subscribe={props.subscribe ?? noSubscribe} lang={lang} t={t} onSelect={onSelectFinding} />
    </div>
  );
}
