// In the overlay module, a panel's fill function stands for its fill module (entrypoints/*-fill.ts),
// loaded from the extension on the first Fill: the fill code is the largest part of an adapter and most
// visits never use it. The build puts this in place of lib/panels/<panel>-fill.ts (wxt.config.ts).
import { browser } from '#imports';
import { overlayFiles, takeFill } from '../../lib/content/overlay-module';
import type { FillFunction } from '../../lib/content/overlay-module';
import type { PanelId } from '../../lib/panels/types';

export function lazyFill(panel: PanelId): FillFunction {
  let loading: Promise<FillFunction> | null = null;
  const load = async (): Promise<FillFunction> => {
    const url = browser.runtime.getURL as (path: string) => string;
    await import(/* @vite-ignore */ url(overlayFiles(panel).fill));
    const fill = takeFill(panel);
    if (!fill) throw new Error(`the ${panel} fill module did not load`);
    return fill;
  };
  return async (doc, fix, options) => {
    // A failed load is tried again on the next press (the adapter turns the error into a problem).
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return (await loading)(doc, fix, options);
  };
}
