// The skip control (issue #10): the first stop in the page's tab order on a detected panel, taking the
// keyboard user straight into the overlay. Its own tiny closed shadow host is the first child of <body>,
// position fixed (it never takes space, so the page does not move), visually hidden until it has focus.
// The host carries the watcher's own-UI attribute before it enters the page, so adding or removing it
// is never taken for a page change.
import { OWN_UI_ATTRIBUTE } from '../../lib/content/watcher';
import { hostCss } from './shadow-host';
import { trusted } from './trusted';

export const SKIP_HOST_NAME = 'spf-doctor-skip';

/** The host takes no space in the page; the button's own rules are `.skip` in overlay.css. */
const HOST_CSS = ':host{position:fixed !important;top:0;left:0;z-index:2147483647;}';

export interface SkipControl {
  readonly host: HTMLElement;
  setLabel(label: string): void;
  remove(): void;
}

/**
 * Creates the control and puts it first in <body>; `css` is the overlay's stylesheet (shared, so the
 * control adds no stylesheet of its own to the module); `onActivate` runs on the user's click, Enter or Space.
 */
export function createSkipControl(doc: Document, label: string, css: string, onActivate: () => void): SkipControl {
  const host = doc.createElement(SKIP_HOST_NAME);
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  // delegatesFocus: focusing the host (Escape sending the user back here) focuses the button inside.
  const shadow = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  const style = doc.createElement('style');
  style.textContent = hostCss(css) + HOST_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'skip';
  button.textContent = label;
  // Enter and Space on a focused button are trusted clicks; a page's scripted click is not.
  button.addEventListener('click', trusted(onActivate));
  shadow.append(style, button);
  // Keys pressed on our button must not reach the page's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress'] as const) shadow.addEventListener(type, (event) => event.stopPropagation());
  doc.body.prepend(host);
  return {
    host,
    setLabel: (text) => {
      if (button.textContent !== text) button.textContent = text;
    },
    remove: () => host.remove(),
  };
}
