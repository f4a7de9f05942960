// The overlay's placement: where the panel, the pill and the "press Save" note go, and the free spots for
// the row badges, from the page's boxes (lib/content/obstacles.ts) and the pure geometry (lib/content/
// dock.ts). In the overlay modules this file is a stand-in (lazy/dock-layout.ts, wxt.config.ts) and the
// code comes with the details module right after the first render, which keeps the overlay module small.
import type { Box } from '../../lib/content/badges';
import { findDock, placeNote } from '../../lib/content/dock';
import type { NoteSide, Size } from '../../lib/content/dock';
import { CONTROL_SELECTOR, hasArea, pageObstacles, plain, recordTextBoxes } from '../../lib/content/obstacles';

export interface Docking {
  panel: { top: number; left: number; height: number } | null;
  pill: { top: number; left: number } | null;
  /** The "press Save" note (null: no free side, or nothing to point at). */
  note: { top: number; left: number; side: NoteSide } | null;
}

export interface DockInput {
  doc: Document;
  rows: readonly Element[];
  /** Our shadow host (never an obstacle). */
  own: Element | null;
  /** The panel's preferred size (its header and whole body). */
  natural: Size;
  pill: Size;
  /** The button the note points at, its clip (null: scrolled away), and the note's drawn size. */
  pointer: { element: Element; clip: Box | null; size: Size } | null;
  margins: { side: number; bottom: number; gap: number };
}

/** Shorter panels tried when the full one finds no free room (the first screen fits in about 300 px). */
const SHORTER_HEIGHTS = [420, 320];

export function computeDocking(input: DockInput): Docking {
  const view = input.doc.defaultView!;
  const viewport = { width: view.innerWidth, height: view.innerHeight };
  const obstacles = pageObstacles(input.doc, input.rows, input.own);
  // The note goes beside the button in free space first; the panel then keeps clear of it too.
  let note: Docking['note'] = null;
  const pointer = input.pointer;
  if (pointer?.element.isConnected && pointer.clip) {
    const r = pointer.element.getBoundingClientRect();
    const middle = (r.top + r.bottom) / 2;
    if (middle >= pointer.clip.top && middle <= pointer.clip.bottom) {
      note = placeNote(plain(r), pointer.size, { top: 0, left: 0, right: viewport.width, bottom: viewport.height }, obstacles);
      if (note) obstacles.push({ top: note.top, left: note.left, right: note.left + pointer.size.width, bottom: note.top + pointer.size.height });
    }
  }
  const { margins } = input;
  const full = Math.min(input.natural.height, viewport.height * 0.64, 600);
  const width = Math.min(input.natural.width, viewport.width - 2 * margins.side);
  const found = findDock(viewport, [full, ...SHORTER_HEIGHTS.filter((h) => h < full)].map((height) => ({ width, height })), obstacles, margins);
  const pill = findDock(viewport, [input.pill], obstacles, margins);
  return {
    panel: found ? { top: found.box.top, left: found.box.left, height: found.box.bottom - found.box.top } : null,
    pill: pill ? { top: pill.box.top, left: pill.box.left } : null,
    note,
  };
}

/** What a row's badge must leave visible: the row's text (cell by cell) and its controls. */
export function rowObstacles(row: Element): Box[] {
  const controls = [...row.querySelectorAll(CONTROL_SELECTOR)].map((el) => el.getBoundingClientRect()).filter(hasArea);
  return [...controls.map(plain), ...recordTextBoxes(row.ownerDocument, [row])];
}

/** Always here outside the overlay modules (tests, and the details module itself). */
export const layoutReady = (_onLoad: () => void): boolean => true;
