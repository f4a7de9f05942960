// Where the overlay docks: the first place in the viewport whose rectangle covers none of the page's
// visible controls or record text. Pure geometry: the boxes come in as numbers (components/overlay/
// obstacles.ts reads them from the page), so the choice is unit-tested without a browser.
import { intersect } from './badges';
import type { Box } from './badges';

export interface Size {
  width: number;
  height: number;
}

export interface DockMargins {
  /** Distance kept from the viewport's right and left edges. */
  side: number;
  /** Distance kept from the viewport's bottom (a panel's own floating widgets live there). */
  bottom: number;
  /** Distance kept from the top and from each obstacle. */
  gap: number;
}

export const DEFAULT_MARGINS: DockMargins = { side: 16, bottom: 16, gap: 8 };

const boxAt = (left: number, top: number, size: Size): Box => ({ left, top, right: left + size.width, bottom: top + size.height });

/**
 * Candidate rectangles of `size`, most expected first: the bottom-right corner (where users look for
 * us), the top-right, then the left corners, then slid up or down the same two sides to just clear an
 * obstacle, then beside an obstacle's right edge (a gutter right of the page's content).
 */
export function dockCandidates(viewport: Size, size: Size, obstacles: readonly Box[], margins: DockMargins = DEFAULT_MARGINS): Box[] {
  const right = viewport.width - margins.side - size.width;
  const left = margins.side;
  const bottom = viewport.height - margins.bottom - size.height;
  const top = margins.gap;
  if (right < left - 0.5 || bottom < top - 0.5) return [];
  const tops = new Set<number>([bottom, top]);
  for (const o of obstacles) {
    tops.add(o.bottom + margins.gap);
    tops.add(o.top - margins.gap - size.height);
  }
  const fits = (y: number): boolean => y >= top && y <= bottom;
  // Lower first: the overlay stays nearest its usual bottom corner.
  const slides = [...tops].filter(fits).sort((a, b) => b - a);
  const lefts = [right, left];
  for (const o of obstacles) {
    const x = o.right + margins.gap;
    if (x >= left && x <= right && !lefts.includes(x)) lefts.push(x);
  }
  const out: Box[] = [boxAt(right, bottom, size), boxAt(right, top, size), boxAt(left, bottom, size), boxAt(left, top, size)];
  for (const x of lefts.slice(0, 2)) for (const y of slides) out.push(boxAt(x, y, size));
  for (const x of lefts.slice(2)) for (const y of slides) out.push(boxAt(x, y, size));
  return out;
}

export const overlaps = (box: Box, obstacles: readonly Box[]): boolean => obstacles.some((o) => intersect(box, o) !== null);

/**
 * The first free rectangle for the first size that has one (sizes: preferred first, e.g. the full panel,
 * then a shorter one); null when none fits anywhere, and the caller shrinks to its pill.
 */
export function findDock(viewport: Size, sizes: readonly Size[], obstacles: readonly Box[], margins: DockMargins = DEFAULT_MARGINS): { box: Box; size: number } | null {
  // Only what is on screen can be covered.
  const screen = { left: 0, top: 0, right: viewport.width, bottom: viewport.height };
  const visible = obstacles.filter((o) => intersect(o, screen) !== null);
  for (let i = 0; i < sizes.length; i++) {
    for (const box of dockCandidates(viewport, sizes[i]!, visible, margins)) if (!overlaps(box, visible)) return { box, size: i };
  }
  return null;
}

export type NoteSide = 'left' | 'right' | 'below' | 'above';

/**
 * Where a note of `size` pointing at `target` goes (the "press Save" pointer): left of it, else right,
 * below, above, then past its neighbours; the first that stays in `clip` (the viewport: the note is
 * ours, drawn fixed) and covers none of `obstacles`; null when all are taken
 * (the overlay's own "next step" line still says which button to press).
 */
export function placeNote(target: Box, size: Size, clip: Box, obstacles: readonly Box[], gap = 8): { top: number; left: number; side: NoteSide } | null {
  const middle = (target.top + target.bottom) / 2 - size.height / 2;
  const candidates: { left: number; top: number; side: NoteSide }[] = [
    { left: target.left - gap - size.width, top: middle, side: 'left' },
    { left: target.right + gap, top: middle, side: 'right' },
    { left: target.right - size.width, top: target.bottom + gap, side: 'below' },
    { left: target.left, top: target.bottom + gap, side: 'below' },
    { left: target.right - size.width, top: target.top - gap - size.height, side: 'above' },
    { left: target.left, top: target.top - gap - size.height, side: 'above' },
  ];
  // Then further out on the same line, past a neighbour (a Cancel next to Save), or below the next row of controls.
  const near = obstacles.filter((o) => Math.abs(o.top - target.top) < 80 && o !== target);
  for (const x of near.map((o) => o.right + gap).filter((x) => x > target.right).sort((a, b) => a - b)) candidates.push({ left: x, top: middle, side: 'right' });
  for (const y of near.map((o) => o.bottom + gap).filter((y) => y > target.bottom).sort((a, b) => a - b)) {
    candidates.push({ left: target.right - size.width, top: y, side: 'below' }, { left: target.left, top: y, side: 'below' });
  }
  for (const c of candidates) {
    const box = boxAt(c.left, c.top, size);
    if (box.left < clip.left || box.top < clip.top || box.right > clip.right || box.bottom > clip.bottom) continue;
    if (!overlaps(box, obstacles)) return { top: Math.round(c.top), left: Math.round(c.left), side: c.side };
  }
  return null;
}
