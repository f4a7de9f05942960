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
