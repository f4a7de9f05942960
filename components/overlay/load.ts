// The content script's side of the hand-over (lib/content/overlay-module.ts): on a detected DNS page it
// loads the overlay module and its stylesheet in parallel and starts the overlay. Everything here is
// small on purpose: this file and the detector are all a non-DNS page of the panel ever parses.
import { browser } from '#imports';
import type { ContentScriptContext } from '#imports';
import { startPanelLoader } from '../../lib/content/loader';
import type { PanelLoader } from '../../lib/content/loader';
import { overlayFiles, takeOverlay } from '../../lib/content/overlay-module';
import type { OverlayHandOver } from '../../lib/content/overlay-module';
import { pickLang } from '../../lib/i18n';
import type { PageKitRequest } from '../../lib/page-kit';
import type { PanelId } from '../../lib/panels/types';

/** The page kit for the browser's language, asked for while the module loads (the overlay checks it). */
function askForKit(): OverlayHandOver['kit'] {
  try {
    const lang = pickLang('auto', browser.i18n.getUILanguage());
    const request: PageKitRequest = { kind: 'page-kit', lang };
    return { lang, answer: browser.runtime.sendMessage(request).catch(() => null) };
  } catch {
    return null;
  }
}

async function loadOverlay(ctx: ContentScriptContext, panel: PanelId): Promise<void> {
  const files = overlayFiles(panel);
  // WXT types getURL with the entrypoints it knows; the overlay files are named in overlay-module.ts.
  const url = browser.runtime.getURL as (path: string) => string;
  // Stylesheet, words and module in parallel: the module is the largest, the kit a round trip.
  const css = fetch(url(files.css))
    .then((response) => response.text())
    .catch(() => '');
  const kit = askForKit();
  await import(/* @vite-ignore */ url(files.module));
  const start = takeOverlay(panel);
  if (!start || ctx.isInvalid) return;
  await start(ctx, { css: await css, kit });
}

export function startPanelContentScript(ctx: ContentScriptContext, panel: PanelId, detect: (doc: Document) => boolean): PanelLoader {
  return startPanelLoader({
    doc: document,
    detect,
    load: () => {
      loadOverlay(ctx, panel).catch(() => {
        // The module could not load (extension updated or removed under the page): stay silent.
      });
    },
    timers: { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
    onNavigate: (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
  });
}
