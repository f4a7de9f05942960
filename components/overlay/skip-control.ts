// The skip control (issue #10): the first stop in the page's tab order on a detected panel, taking the
// keyboard user straight into the overlay. Its own tiny closed shadow host is the first child of <body>,
// position fixed (it never takes space, so the page does not move), visually hidden until it has focus.
// The host carries the watcher's own-UI attribute before it enters the page, so adding or removing it
// is never taken for a page change.
import { OWN_UI_ATTRIBUTE } from '../../lib/content/watcher';
import { trusted } from './trusted';

export const SKIP_HOST_NAME = 'spf-doctor-skip';

// Off-screen clip until focused, then a plain button at the top left, above the page (px units only).
const CSS = `:host{all:initial !important;position:fixed !important;top:0;left:0;z-index:2147483647;}
button{position:fixed;top:8px;left:8px;width:1px;height:1px;padding:0;margin:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0;
font:600 14px/20px system-ui,sans-serif;color:#fff;background:#1f4fbf;border-radius:6px;cursor:pointer;}
button:focus{width:auto;height:auto;padding:8px 12px;clip-path:none;outline:3px solid #ffbf47;outline-offset:2px;}`;

export interface SkipControl {
  readonly host: HTMLElement;
  setLabel(label: string): void;
  remove(): void;
}

/** Creates the control and puts it first in <body>; `onActivate` runs on the user's click, Enter or Space. */
export function createSkipControl(doc: Document, label: string, onActivate: () => void): SkipControl {
  const host = doc.createElement(SKIP_HOST_NAME);
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  // delegatesFocus: focusing the host (Escape sending the user back here) focuses the button inside.
  const shadow = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = doc.createElement('button');
  button.type = 'button';
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
