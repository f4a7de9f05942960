// The overlay's own shadow host (what WXT's createShadowRootUi did for us, without its four helper
// packages in the overlay module): a custom element at the end of <body>, a shadow root holding the
// stylesheet and one container, the page's styles reset at the host, keystrokes kept inside, and the
// whole thing removed when the extension context goes away.
import type { ContentScriptContext } from '#imports';

export interface ShadowHostUi {
  shadowHost: HTMLElement;
  shadow: ShadowRoot;
  uiContainer: HTMLElement;
  mount(): void;
  remove(): void;
}

export interface ShadowHostOptions {
  name: string;
  mode: ShadowRootMode;
  /** The overlay's stylesheet (its :root rules apply to the host). */
  css: string;
  onRemove(container: HTMLElement): void;
}

/** Keys typed in our UI must not reach the page's shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * A stylesheet for one of our shadow roots: the page's styles reset at the host, the host out of the
 * page's flow (fixed, 0×0), :root rules on the host.
 */
export function hostCss(css: string): string {
  return `:host{all:initial !important;position:fixed !important;top:0 !important;left:0 !important;width:0 !important;height:0 !important;}\n${css.replaceAll(':root', ':host')}`;
}

export function createShadowHost(ctx: ContentScriptContext, options: ShadowHostOptions): ShadowHostUi {
  const shadowHost = document.createElement(options.name);
  const shadow = shadowHost.attachShadow({ mode: options.mode });
  const style = document.createElement('style');
  // Out of the page's flow, 0×0 at the viewport's corner: joining <body> then costs the page no relayout
  // of its own content (a 1000-row panel re-laid out in a 60–700 ms task otherwise). The panel and pill
  // inside are position: fixed against the viewport, as before.
  style.textContent = hostCss(options.css);
  const uiContainer = document.createElement('div');
  shadow.append(style, uiContainer);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());

  const ui: ShadowHostUi = {
    shadowHost,
    shadow,
    uiContainer,
    mount() {
      document.body.append(shadowHost);
    },
    remove() {
      options.onRemove(uiContainer);
      shadowHost.remove();
    },
  };
  ctx.onInvalidated(() => ui.remove());
  return ui;
}
