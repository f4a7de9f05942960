import { describe, expect, it } from 'vitest';
import { dockCandidates, findDock, overlaps, placeNote } from '../../../lib/content/dock';
import type { Box } from '../../../lib/content/badges';

const viewport = { width: 1280, height: 800 };
const panel = { width: 380, height: 500 };
const margins = { side: 16, bottom: 16, gap: 8 };
const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });

describe('docking in free space', () => {
  it('takes the bottom-right corner when nothing is there', () => {
    expect(findDock(viewport, [panel], [], margins)).toEqual({ box: box(884, 284, 380, 500), size: 0 });
  });

  it('tries the corners in order: bottom right, top right, bottom left, top left', () => {
    const corners = dockCandidates(viewport, panel, [], margins).slice(0, 4);
    expect(corners.map((b) => [b.left, b.top])).toEqual([
      [884, 284],
      [884, 8],
      [16, 284],
      [16, 8],
    ]);
  });

  it('leaves a corner whose rectangle covers a control, for the first free one', () => {
    const moreActions = box(1080, 600, 30, 24); // under the bottom-right corner only
    const dock = findDock(viewport, [panel], [moreActions], margins)!;
    expect(dock.box).toEqual(box(884, 8, 380, 500));
    expect(overlaps(dock.box, [moreActions])).toBe(false);
  });

  it('slides along a side to clear a row of controls when no corner is free', () => {
    // Controls at both sides' top and bottom: only a place between them is free.
    const obstacles = [box(0, 0, 1280, 200), box(0, 640, 1280, 160)];
    const short = { width: 380, height: 300 };
    const dock = findDock(viewport, [panel, short], obstacles, margins)!;
    expect(dock.size).toBe(1);
    expect(dock.box.top).toBeGreaterThanOrEqual(208);
    expect(dock.box.bottom).toBeLessThanOrEqual(632);
    expect(dock.box.left).toBe(884);
  });

  it('uses a gutter right of the content when both sides are taken', () => {
    // A table of text from 24 to 700 px across the whole height, plus controls at the right edge.
    const obstacles = [box(24, 0, 676, 800), box(1200, 0, 60, 800)];
    const dock = findDock(viewport, [{ width: 300, height: 400 }], obstacles, margins)!;
    expect(dock.box.left).toBe(708);
    expect(overlaps(dock.box, obstacles)).toBe(false);
  });

  it('answers null when there is no room at all (the overlay shrinks to its pill)', () => {
    expect(findDock(viewport, [panel, { width: 380, height: 300 }], [box(0, 0, 1280, 800)], margins)).toBeNull();
    // A panel larger than the viewport has no candidates at all.
    expect(dockCandidates({ width: 300, height: 200 }, panel, [], margins)).toEqual([]);
  });

  it('ignores what is scrolled out of the viewport', () => {
    expect(findDock(viewport, [panel], [box(900, 900, 100, 40), box(900, -200, 100, 40)], margins)!.box).toEqual(box(884, 284, 380, 500));
  });
});

describe('the "press Save" note', () => {
  const save = box(1000, 400, 60, 24);
  const note = { width: 150, height: 24 };
  const screen = box(0, 0, 1280, 800);

  it('sits left of the button when that is free', () => {
    expect(placeNote(save, note, screen, [save])).toEqual({ top: 400, left: 842, side: 'left' });
  });

  it('moves right, then below, when the form\'s own fields are on its left', () => {
    const ttl = box(880, 402, 100, 20);
    expect(placeNote(save, note, screen, [save, ttl])).toEqual({ top: 400, left: 1068, side: 'right' });
    const priority = box(1070, 402, 60, 20);
    expect(placeNote(save, note, screen, [save, ttl, priority])).toMatchObject({ top: 432, side: 'below' });
  });

  it('goes past a neighbour on the same line (Cancel next to Save) when the sides next to the button are taken', () => {
    const ttl = box(880, 402, 100, 20);
    const cancel = box(1064, 400, 40, 24);
    const below = box(900, 432, 380, 30);
    const above = box(900, 360, 380, 30);
    expect(placeNote(save, note, screen, [save, ttl, cancel, below, above])).toEqual({ top: 400, left: 1112, side: 'right' });
  });

  it('answers null when every side is taken', () => {
    expect(placeNote(save, note, screen, [box(0, 300, 1280, 300)])).toBeNull();
  });
});
