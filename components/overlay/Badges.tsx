// Markers beside the panel's rows, drawn in our own shadow root with position:fixed: the page's layout
// is never touched. They follow the rows through window and inner-container scrolling (the content
// script calls `subscribe`'s listener on scroll, resize and re-render).
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Finding, Lang } from '../../lib/diagnosis/types';
import { intersect, placeBadge } from '../../lib/content/badges';
import type { BadgeTarget, Box } from '../../lib/content/badges';
import type { NoteSide } from '../../lib/content/dock';
import { layoutReady, rowObstacles } from './dock-layout';
import type { T } from './text';
import { trusted } from './trusted';

export type Subscribe = (listener: () => void) => () => void;

export interface PointerTarget {
  element: Element;
  label: string;
}

const BADGE = { width: 20, height: 20 };

function boxOf(element: Element): Box {
  const r = element.getBoundingClientRect();
  return { top: r.top, left: r.left, right: r.right, bottom: r.bottom };
}

/** The viewport cut by every ancestor that clips its content (inner scroll containers). */
export function clipOf(element: Element): Box | null {
  const view = element.ownerDocument.defaultView;
  let clip: Box | null = { top: 0, left: 0, right: view?.innerWidth ?? 0, bottom: view?.innerHeight ?? 0 };
  for (let el = element.parentElement; el && clip; el = el.parentElement) {
    if (el === element.ownerDocument.body || el === element.ownerDocument.documentElement) break;
    const style = view?.getComputedStyle(el);
    if (style && /(auto|scroll|hidden|clip)/.test(`${style.overflowX} ${style.overflowY} ${style.overflow}`)) clip = intersect(clip, boxOf(el));
  }
  return clip;
}

function place(element: Element, size: { width: number; height: number }, gap: number, obstacles: readonly Box[] = []): { top: number; left: number } | null {
  if (!element.isConnected) return null;
  const clip = clipOf(element);
  return clip ? placeBadge(boxOf(element), clip, size, gap, obstacles) : null;
}


interface BadgeLayerProps {
  targets: readonly BadgeTarget[];
  pointer: PointerTarget | null;
  /** Where the overlay placed the "press Save" note (lib/content/dock.ts placeNote), null: not shown. */
  pointerAt: { top: number; left: number; side: NoteSide } | null;
  subscribe: Subscribe;
  lang: Lang;
  t: T;
  onSelect(finding: Finding): void;
}

const ARROW: Record<NoteSide, string> = { left: '▶', right: '◀', below: '▲', above: '▼' };

export function BadgeLayer({ targets, pointer, pointerAt, subscribe, lang, t, onSelect }: BadgeLayerProps) {
  const [positions, setPositions] = useState<({ top: number; left: number } | null)[]>([]);

  useLayoutEffect(() => {
    const update = (): void => {
      // Without the placement code yet (it follows the first render), badges sit as the row allows; then again.
      layoutReady(update);
      setPositions(targets.map((target) => place(target.row, BADGE, 6, rowObstacles(target.row))));
    };
    update();
    return subscribe(update);
  }, [targets, subscribe]);

  return (
    <div class="badge-layer">
      {targets.map((target, i) => {
        const at = positions[i];
        if (!at) return null;
        const first = target.findings[0];
        const message = target.findings.map((f) => f.message?.[lang] ?? f.code).join(' / ');
        return (
          <button
            key={i}
            type="button"
            class={`badge badge-${target.severity}`}
            style={{ top: `${at.top}px`, left: `${at.left}px` }}
            data-badge={target.findings.map((f) => f.code).join(' ')}
            aria-label={t('ui_badge', { message })}
            title={t('ui_badge', { message })}
            onClick={trusted(() => first && onSelect(first))}
          >
            <span aria-hidden="true">{target.severity === 'info' ? 'i' : '!'}</span>
          </button>
        );
      })}
      {pointer && pointerAt && (
        <div class="pointer" role="note" style={{ top: `${pointerAt.top}px`, left: `${pointerAt.left}px` }} data-pointer={pointer.label} data-side={pointerAt.side}>
          {pointerAt.side === 'right' || pointerAt.side === 'below' ? <span aria-hidden="true">{ARROW[pointerAt.side]}</span> : null} {t('ui_press_here', { label: pointer.label })}{' '}
          {pointerAt.side === 'left' || pointerAt.side === 'above' ? <span aria-hidden="true">{ARROW[pointerAt.side]}</span> : null}
        </div>
      )}
    </div>
  );
}
