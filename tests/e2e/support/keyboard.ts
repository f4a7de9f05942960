// Keyboard entry into the overlay, the same in Chromium and Firefox (issue #10 item 3): real Tab, Enter
// and Escape presses through the protocol's input commands (trusted, like a user's), with
// document.activeElement and the closed overlay root's activeElement read after each one.
import { expect } from 'vitest';
import type { OverlayPage } from './closed-root';
import { fixActionIndex, SEED_SPF } from './scenarios';

export const SKIP_HOST = 'spf-doctor-skip';
/** Further than any sample page's tab order, so "not reached" is a clear failure, not a hang. */
const MAX_TABS = 120;

export interface KeyboardDriver {
  overlay: OverlayPage;
  /** A real key press on the page (Playwright / Puppeteer keyboard). */
  press(key: 'Tab' | 'Enter' | 'Escape'): Promise<void>;
  /** What the shortcut's command does in the background: the focus message to the panel's tab. */
  sendFocusCommand(): Promise<void>;
}

/** The control keyboard entry must land on: the primary action, else the seed's fix card Apply (Wix) or Copy (お名前.com). */
export interface Target {
  selector: string;
  index: number;
}

export async function primaryTarget(overlay: OverlayPage): Promise<Target> {
  const marked = await overlay.inOverlay<number>(`function (root) { return root ? root.querySelectorAll('[data-primary-action]').length : 0; }`);
  if (marked > 0) return { selector: '[data-primary-action]', index: 0 };
  const apply = await fixActionIndex(overlay, SEED_SPF, 'apply');
  if (apply >= 0) return { selector: '[data-action="apply"]', index: apply };
  const copy = await fixActionIndex(overlay, SEED_SPF, 'copy');
  expect(copy, `a fix card showing ${SEED_SPF}`).toBeGreaterThanOrEqual(0);
  return { selector: '[data-action="copy"]', index: copy };
}

/** 'skip' (our skip control), 'target', 'overlay:<control>' or 'page:<tag>[#id]'. */
export function where(overlay: OverlayPage, target: Target): Promise<string> {
  return overlay.inOverlay<string>(
    `function (root, selector, index) {
      var active = document.activeElement;
      if (active && active.tagName.toLowerCase() === '${SKIP_HOST}') return 'skip';
      if (root && active === root.host) {
        var inner = root.activeElement;
        if (inner && inner === root.querySelectorAll(selector)[index]) return 'target';
        return 'overlay:' + (inner ? inner.getAttribute('data-action') || inner.tagName.toLowerCase() : 'none');
      }
      if (active && active.hasAttribute('data-e2e-origin')) return 'origin';
      return 'page:' + (active ? active.tagName.toLowerCase() + (active.id ? '#' + active.id : '') : 'none');
    }`,
    target.selector,
    target.index,
  );
}

export function panelCollapsed(overlay: OverlayPage): Promise<boolean> {
  return overlay.inOverlay<boolean>(`function (root) { return !!root && root.querySelector('#spf-doctor-panel').hidden === true; }`);
}

/**
 * Tabs from page load until focus is on the target. With `useSkip`, Enter on the skip control (not a
 * Tab) moves focus into the overlay; without, Enter opens the pill when the overlay shrank to it.
 * Returns the Tab count and the stops on the way.
 */
export async function tabsToTarget(driver: KeyboardDriver, target: Target, useSkip: boolean): Promise<{ tabs: number; path: string[] }> {
  const path: string[] = [];
  for (let tabs = 1; tabs <= MAX_TABS; tabs++) {
    await driver.press('Tab');
    let stop = await where(driver.overlay, target);
    path.push(stop);
    if (stop === 'skip' && useSkip) {
      await driver.press('Enter');
      await expect.poll(() => where(driver.overlay, target), { timeout: 5_000 }).toBe('target');
      stop = 'target';
      path.push('enter→target');
    }
    if (stop === 'overlay:expand' && !useSkip) {
      // The overlay shrank to its pill for lack of room: a keyboard user opens it with Enter, then tabs on.
      await driver.press('Enter');
      path.push('enter→open');
    }
    if (stop === 'target') return { tabs, path };
  }
  throw new Error(`the target was not reached in ${MAX_TABS} Tabs: ${path.join(' → ')}`);
}

/** Marks the page's first visible button as where the user is, and focuses it (a page script may). */
export async function focusPageControl(overlay: OverlayPage): Promise<string> {
  return (await overlay.evaluate(`(function () {
    var el = Array.prototype.find.call(document.querySelectorAll('button, a[href], input'), function (e) { var b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0 && !e.disabled; });
    el.setAttribute('data-e2e-origin', '');
    el.focus();
    return el.tagName.toLowerCase() + ':' + (el.textContent || el.value || '').trim().slice(0, 40);
  })()`)) as string;
}

export interface KeyboardFigures {
  /** Tabs from load to the target through the skip control (the acceptance: ≤ 3). */
  withSkip: number;
  /** Tabs from load to the target through the page's own tab order (what users had before). */
  withoutSkip: number;
  /** Tabs for the shortcut (0: it focuses the target itself). */
  shortcut: number;
}

/**
 * The whole check on one freshly loaded panel page: the skip control is the first stop and gets to the
 * target in ≤ 3 Tabs; Escape collapses and returns to the skip control; plain Tabs reach the overlay
 * too and Escape returns to the page control the Tab came from; the shortcut's message focuses the
 * target in 0 Tabs and Escape returns to the focused page control.
 */
export async function checkKeyboardEntry(fresh: () => Promise<KeyboardDriver>): Promise<KeyboardFigures> {
  // 1. Through the skip control.
  let driver = await fresh();
  let target = await primaryTarget(driver.overlay);
  const skip = await tabsToTarget(driver, target, true);
  expect(skip.path[0], `the first Tab stop (${skip.path.join(' → ')})`).toBe('skip');
  expect(skip.tabs, `Tabs to the primary action with the skip control (${skip.path.join(' → ')})`).toBeLessThanOrEqual(3);
  await driver.press('Escape');
  await expect.poll(() => panelCollapsed(driver.overlay)).toBe(true);
  expect(await where(driver.overlay, target), 'Escape returns focus to the skip control it came from').toBe('skip');

  // 2. Through the page's own tab order (the skip control passed over with Tab).
  driver = await fresh();
  target = await primaryTarget(driver.overlay);
  const plain = await tabsToTarget(driver, target, false);
  const beforeOverlay = plain.path[plain.path.findIndex((stop) => stop === 'target' || stop.startsWith('overlay:')) - 1];
  await driver.press('Escape');
  await expect.poll(() => panelCollapsed(driver.overlay)).toBe(true);
  expect(await where(driver.overlay, target), 'Escape returns focus to the page control Tab came from').toBe(beforeOverlay);

  // 3. The shortcut, from a focused page control.
  driver = await fresh();
  target = await primaryTarget(driver.overlay);
  await focusPageControl(driver.overlay);
  expect(await where(driver.overlay, target)).toBe('origin');
  await driver.sendFocusCommand();
  await expect.poll(() => where(driver.overlay, target), { timeout: 5_000 }).toBe('target');
  await driver.press('Escape');
  await expect.poll(() => panelCollapsed(driver.overlay)).toBe(true);
  expect(await where(driver.overlay, target), 'Escape returns focus to the page control the shortcut was pressed on').toBe('origin');
  // Once collapsed, the shortcut opens it again and focuses the target.
  await driver.sendFocusCommand();
  await expect.poll(() => where(driver.overlay, target), { timeout: 5_000 }).toBe('target');
  expect(await panelCollapsed(driver.overlay)).toBe(false);

  return { withSkip: skip.tabs, withoutSkip: plain.tabs, shortcut: 0 };
}

/**
 * Run in one of the extension's own pages: the message the background's command handler sends
 * (lib/background/commands.ts), to every other tab (an extension page cannot read tab URLs without
 * the tabs permission; tabs without our content script refuse it). Headless browsers do not turn
 * synthetic key events into extension commands, so this is the part of the shortcut a test can drive.
 */
export const SEND_FOCUS_MESSAGE = `(async () => {
  var api = typeof browser !== 'undefined' ? browser : chrome;
  var me = await api.tabs.getCurrent();
  var tabs = await api.tabs.query({});
  var sent = await Promise.allSettled(tabs.filter(function (t) { return !me || t.id !== me.id; }).map(function (t) { return api.tabs.sendMessage(t.id, { kind: 'focus-overlay' }, { frameId: 0 }); }));
  return sent.filter(function (r) { return r.status === 'fulfilled'; }).length;
})()`;

/** Run in an extension page: the commands the browser registered, with the shortcut it accepted. */
export const LIST_COMMANDS = `(async () => {
  var api = typeof browser !== 'undefined' ? browser : chrome;
  return (await api.commands.getAll()).map(function (c) { return { name: c.name, shortcut: c.shortcut, description: c.description }; });
})()`;
