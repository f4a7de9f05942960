// Issue #10's layout acceptance, the same in both browsers: at 1280×800 the primary fix's button is on
// screen without scrolling, the overlay (panel or pill, the "press Save" note) and every row badge cover
// no visible control of the panel nor a record's text, before and after Fill; after Fill the keyboard is
// on the panel's own Save / 追加. Read in the page with getBoundingClientRect over all of the panel's
// controls (the overlay's root reached through support/closed-root.ts).
import { expect } from 'vitest';
import type { OverlayPage } from './closed-root';
import type { EvaluatingPage } from './overlay';

export const LAYOUT_VIEWPORT = { width: 1280, height: 800 };

/** The record text cells of each panel fixture (what the adapters read, named here independently). */
export const RECORD_CELLS: Record<'wix' | 'onamae', string> = {
  wix: 'tr[data-table-row]:not([data-table-row="edit"]) td',
  onamae: '#tabId2-1 tbody tr td, #tabId2-2 .box-Error-ConfirmAddNewTab tbody tr td',
};

/** The button the user presses after Fill. */
export const SAVE_BUTTON: Record<'wix' | 'onamae', { hook?: string; text: string }> = {
  wix: { hook: 'dns-records--table-content--save-button', text: 'Save' },
  onamae: { text: '追加' },
};

export interface LayoutReport {
  /** "<ours> covers <theirs>" for every overlap found. */
  hits: string[];
  /** Our rectangles checked (panel or pill, badges, pointer) and the page's boxes checked against them. */
  ours: { what: string; box: { left: number; top: number; right: number; bottom: number } }[];
  theirs: number;
  primary: { action: string | null; inViewport: boolean; uncovered: boolean } | null;
  /** document.activeElement: its data-hook and its text. */
  active: { hook: string | null; text: string; tag: string } | null;
}

const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, a[href], [role="button"], [role="link"], [role="checkbox"], [role="combobox"], [contenteditable="true"]';

const REPORT = `function (root, cells, controls) {
  var W = window.innerWidth, H = window.innerHeight;
  function plain(r) { return { left: Math.round(r.left), top: Math.round(r.top), right: Math.round(r.right), bottom: Math.round(r.bottom) }; }
  function onScreen(r) { return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < H && r.left < W; }
  function shown(el) { return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : true; }
  function name(el) {
    var text = (el.value !== undefined && el.tagName !== 'BUTTON' ? el.value : el.textContent) || '';
    return el.tagName.toLowerCase() + (el.getAttribute('data-hook') ? '[' + el.getAttribute('data-hook') + ']' : '') + ' "' + text.replace(/\\s+/g, ' ').trim().slice(0, 40) + '"';
  }
  var ours = [];
  function ourBox(what, el) { if (el) { var r = el.getBoundingClientRect(); if (onScreen(r)) ours.push({ what: what, box: plain(r) }); } }
  if (root) {
    var panel = root.querySelector('#spf-doctor-panel');
    if (panel && !panel.hidden) ourBox('panel', panel);
    ourBox('pill', root.querySelector('[data-action="expand"]'));
    ourBox('pointer', root.querySelector('[data-pointer]'));
    root.querySelectorAll('[data-badge]').forEach(function (b) { ourBox('badge ' + b.getAttribute('data-badge'), b); });
  }
  var theirs = [];
  document.querySelectorAll(controls).forEach(function (el) {
    if (el.closest('spf-doctor-overlay')) return;
    var r = el.getBoundingClientRect();
    if (onScreen(r) && shown(el)) theirs.push({ what: name(el), box: plain(r) });
  });
  document.querySelectorAll(cells).forEach(function (cell) {
    if (!cell.textContent.trim()) return;
    var range = document.createRange();
    range.selectNodeContents(cell);
    var r = range.getBoundingClientRect();
    if (onScreen(r)) theirs.push({ what: 'record text ' + name(cell), box: plain(r) });
  });
  var hits = [];
  ours.forEach(function (o) {
    theirs.forEach(function (t) {
      if (o.box.left < t.box.right && t.box.left < o.box.right && o.box.top < t.box.bottom && t.box.top < o.box.bottom) hits.push(o.what + ' ' + JSON.stringify(o.box) + ' covers ' + t.what + ' ' + JSON.stringify(t.box));
    });
  });
  var primary = null;
  var p = root && root.querySelector('[data-primary-action]');
  if (p) {
    var r = p.getBoundingClientRect();
    var hit = r.width > 0 ? root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
    primary = { action: p.getAttribute('data-primary-action'), inViewport: r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= H && r.right <= W, uncovered: !!hit && (hit === p || p.contains(hit)) };
  }
  var a = document.activeElement;
  var active = a ? { hook: a.getAttribute('data-hook'), text: ((a.tagName === 'INPUT' ? a.value : a.textContent) || '').trim(), tag: a.tagName.toLowerCase() } : null;
  return { hits: hits, ours: ours, theirs: theirs.length, primary: primary, active: active };
}`;

export function layoutReport(page: OverlayPage, panel: 'wix' | 'onamae'): Promise<LayoutReport> {
  return page.inOverlay<LayoutReport>(REPORT, RECORD_CELLS[panel], CONTROLS);
}

/** The report once our rectangles stopped moving (a scroll and the re-dock after it take a frame or two). */
export async function settledLayout(page: OverlayPage, panel: 'wix' | 'onamae', timeoutMs = 5000): Promise<LayoutReport> {
  const deadline = Date.now() + timeoutMs;
  let last = await layoutReport(page, panel);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = await layoutReport(page, panel);
    if (JSON.stringify(now.ours) === JSON.stringify(last.ours) && JSON.stringify(now.active) === JSON.stringify(last.active)) return now;
    if (Date.now() > deadline) return now;
    last = now;
  }
}

export function expectNothingCovered(report: LayoutReport, when: string): void {
  expect(report.ours.length, `${when}: our overlay is on screen`).toBeGreaterThan(0);
  expect(report.theirs, `${when}: the panel's controls and record text were found`).toBeGreaterThan(0);
  expect(report.hits, `${when}: the overlay and the badges cover none of the panel's controls or record text`).toEqual([]);
}

export const HEADLINE = { en: 'Mail to Gmail will bounce', ja: 'Gmail宛てのメールが届かない原因があります' } as const;

/**
 * The whole acceptance on one open panel page with a fixable SPF finding: first screen, Fill (a real
 * click on the primary action), then the page after Fill.
 */
export async function expectLayoutAcceptance(overlay: OverlayPage, page: EvaluatingPage, panel: 'wix' | 'onamae', lang: 'en' | 'ja'): Promise<void> {
  const viewport = (await page.evaluate('({ width: window.innerWidth, height: window.innerHeight })')) as { width: number; height: number };
  expect(viewport).toEqual(LAYOUT_VIEWPORT);
  expect(await overlay.inOverlay<string>('function (root) { return root.querySelector(".verdict").textContent; }')).toContain(HEADLINE[lang]);

  const before = await settledLayout(overlay, panel);
  expect(before.primary, 'a primary action').toMatchObject({ action: 'fill' });
  expect(before.primary!.inViewport && before.primary!.uncovered, `the primary Fill is on screen and uncovered without scrolling: ${JSON.stringify(before)}`).toBe(true);
  expect(await page.evaluate('window.scrollY'), 'nothing scrolled yet').toBe(0);
  expectNothingCovered(before, 'before Fill');

  await overlay.click('[data-primary-action="fill"]');
  const deadline = Date.now() + 10_000;
  while (!(await overlay.inOverlay<boolean>('function (root) { return !!root.querySelector("[data-pointer]"); }'))) {
    if (Date.now() > deadline) throw new Error('no "press Save" pointer after Fill');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const after = await settledLayout(overlay, panel);
  const save = SAVE_BUTTON[panel];
  expect(after.active, 'after Fill the keyboard is on the panel’s own button').toMatchObject(save.hook ? { hook: save.hook } : { text: save.text });
  expect(after.ours.some((o) => o.what === 'pointer'), 'the "press Save" pointer is on screen beside it').toBe(true);
  expectNothingCovered(after, 'after Fill');
}
