// @vitest-environment happy-dom
// The skip control: first in <body>, takes no space, only the user's activation counts, its keys stay
// away from the page, and the panel watcher never sees it as a page change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SKIP_HOST_NAME, createSkipControl } from '../../../components/overlay/skip-control';
import { OWN_UI_ATTRIBUTE, createPanelWatcher, isOwnNode } from '../../../lib/content/watcher';
import { userClickEvent, userKeyEvent } from '../overlay/user-event';

const OVERLAY_CSS = readFileSync(path.resolve(__dirname, '../../../components/overlay/overlay.css'), 'utf8');

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

/** The control's button: the test keeps a handle on the closed root by wrapping attachShadow. */
function withRoot(run: () => void): ShadowRoot {
  const original = HTMLElement.prototype.attachShadow;
  let root: ShadowRoot | null = null;
  const spy = vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    root = original.call(this, init);
    return root;
  });
  run();
  spy.mockRestore();
  if (!root) throw new Error('no shadow root');
  return root;
}

describe('createSkipControl', () => {
  it('is the first child of <body>, marked as our own UI, with the label given', () => {
    document.body.innerHTML = '<header><a href="#a">page link</a></header>';
    const root = withRoot(() => createSkipControl(document, 'Skip to SPF Doctor', OVERLAY_CSS, () => {}));
    const host = document.body.firstElementChild!;
    expect(host.tagName.toLowerCase()).toBe(SKIP_HOST_NAME);
    expect(host.hasAttribute(OWN_UI_ATTRIBUTE)).toBe(true);
    expect(isOwnNode(host)).toBe(true);
    expect(root.querySelector('button')!.textContent).toBe('Skip to SPF Doctor');
  });

  it('is fixed and clipped until focused, in px (it never takes space in the page)', () => {
    const root = withRoot(() => createSkipControl(document, 'Skip', OVERLAY_CSS, () => {}));
    expect(root.querySelector('button')!.className).toBe('skip');
    const css = root.querySelector('style')!.textContent!;
    expect(css).toMatch(/:host\{position:fixed !important/);
    const rule = (selector: string) => new RegExp(`\\n${selector.replace('.', '\\.')} \\{([^}]*)\\}`).exec(css)?.[1] ?? '';
    expect(rule('.skip')).toMatch(/position: fixed;[\s\S]*width: 1px;[\s\S]*clip-path: inset\(50%\)/);
    expect(rule('.skip:focus')).toMatch(/clip-path: none/);
    expect(rule('.skip') + rule('.skip:focus')).not.toMatch(/\d(rem|em|vh|vw)\b/);
  });

  it('runs the action on the user’s click only, not on a page script’s', () => {
    const onActivate = vi.fn();
    const root = withRoot(() => createSkipControl(document, 'Skip', OVERLAY_CSS, onActivate));
    const button = root.querySelector('button')!;
    button.click();
    expect(onActivate).not.toHaveBeenCalled();
    userClickEvent(button);
    expect(onActivate).toHaveBeenCalledTimes(1);
  });

  it('keeps its keys from the page’s listeners', () => {
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    const root = withRoot(() => createSkipControl(document, 'Skip', OVERLAY_CSS, () => {}));
    userKeyEvent(root.querySelector('button')!, 'Enter');
    document.removeEventListener('keydown', pageKeys);
    expect(pageKeys).not.toHaveBeenCalled();
  });

  it('updates its label and removes itself', () => {
    let control: ReturnType<typeof createSkipControl> | undefined;
    const root = withRoot(() => (control = createSkipControl(document, 'Skip', OVERLAY_CSS, () => {})));
    control!.setLabel('SPF Doctorの診断へ移動');
    expect(root.querySelector('button')!.textContent).toBe('SPF Doctorの診断へ移動');
    control!.remove();
    expect(document.querySelector(SKIP_HOST_NAME)).toBeNull();
  });

  it('adding and removing it is not a page change for the panel watcher', async () => {
    vi.useFakeTimers();
    let settled = 0;
    const watcher = createPanelWatcher({ doc: document, findContainer: () => null, onSettled: () => settled++ });
    const control = createSkipControl(document, 'Skip', OVERLAY_CSS, () => {});
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(1000);
    control.remove();
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).toBe(0);
    // The same watcher does see a page element arriving (the check above could fail).
    document.body.prepend(document.createElement('div'));
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).toBe(1);
    watcher.stop();
  });
});
