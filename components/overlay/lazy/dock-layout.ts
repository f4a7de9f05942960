// Stands for ../dock-layout.ts inside the overlay modules (wxt.config.ts, lazyDetails): the placement code
// comes with the details module, loaded right after the overlay's first render (a local file: a few
// milliseconds, during which the panel sits at its CSS corner and badges beside their rows' left edge).
import type { Box } from '../../../lib/content/badges';
import { takeLayout } from '../../../lib/content/overlay-module';
import type * as Real from '../dock-layout';
import { loadDetails } from './DetailsBody';

export type { Docking, DockInput } from '../dock-layout';

type Layout = Pick<typeof Real, 'computeDocking' | 'rowObstacles'>;
let layout: Layout | null = null;
const waiting = new Set<() => void>();

/** True once the placement code is here; else starts loading it and calls `onLoad` when it is. */
export function layoutReady(onLoad: () => void): boolean {
  if (layout) return true;
  waiting.add(onLoad);
  if (waiting.size === 1)
    loadDetails().then(
      () => {
        layout = takeLayout() as Layout | null;
        const listeners = [...waiting];
        waiting.clear();
        if (layout) for (const listener of listeners) listener();
      },
      () => waiting.clear(),
    );
  return false;
}

export const computeDocking: Layout['computeDocking'] = (input) => layout!.computeDocking(input);
export const rowObstacles = (row: Element): Box[] => (layout ? layout.rowObstacles(row) : []);
