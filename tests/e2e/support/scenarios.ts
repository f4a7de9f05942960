// What each scenario expects, shared by the Chromium and Firefox suites, plus the panel-side facts the
// assertions compare the overlay with (rows on the page, the Wix form's model).
import { SEVERITY } from '../../../lib/diagnosis/findings';
import type { FindingCode } from '../../../lib/diagnosis/types';
import type { Settings } from '../../../lib/settings';
import { expect } from 'vitest';
import { OPEN_SECTIONS, scriptedClickInOverlay } from './closed-root';
import type { OverlayPage } from './closed-root';
import type { EvaluatingPage, OverlaySnapshot } from './overlay';

/** The scenario zones of tests/dns-testbed and the one SPF finding each must produce (null: healthy). */
export const ZONE_SCENARIOS: readonly { zone: string; code: FindingCode | null }[] = [
  { zone: 'spf-double.jp', code: 'SPF_MULTIPLE' },
  { zone: 'spf-toomany.jp', code: 'SPF_LOOKUP_LIMIT' },
  { zone: 'spf-syntax.jp', code: 'SPF_SYNTAX' },
  { zone: 'spf-strict.jp', code: 'SPF_SENDER_NOT_COVERED' },
  { zone: 'dmarc-wix.jp', code: null },
];

/** The fix the seed needs (tests/dns-testbed/README.md): お名前メール's include, soft fail. */
export const SEED_SPF = 'v=spf1 include:_spf.onamae.ne.jp ~all';
export const WIX_NAMESERVERS = ['ns0.wixdns.net', 'ns1.wixdns.net'];

export function settingsWith(resolvers: { label: string; url: string }[], recheckSeconds = 10, language: Settings['language'] = 'en'): Settings {
  return { resolvers, language, recheckSeconds };
}

export const isKnownCode = (code: string | null): code is FindingCode => code !== null && code in SEVERITY;

/** Codes of the overlay's findings whose severity (lib/diagnosis/findings.ts) is "error". */
export function errorCodes(overlay: OverlaySnapshot): string[] {
  return overlay.findings.flatMap((f) => (isKnownCode(f.code) && SEVERITY[f.code] === 'error' ? [f.code] : []));
}

/**
 * Record rows the panel shows, counted from the page itself: Wix's rows (tr[data-table-row], an open
 * editor row excluded), お名前.com's 登録済 table plus its 「追加」 queue (one of the two identical copies).
 */
export async function panelRowCount(page: EvaluatingPage, panel: 'wix' | 'onamae'): Promise<number> {
  const expression = panel === 'wix'
    ? `document.querySelectorAll('tr[data-table-row]:not([data-table-row="edit"])').length`
    : `document.querySelectorAll('#tabId2-1 tbody tr').length + document.querySelectorAll('#tabId2-2 .box-Error-ConfirmAddNewTab tbody tr').length`;
  return (await page.evaluate(expression)) as number;
}

export interface WixEditing {
  type: string;
  recordId: number | null;
  draft: { host: string; value: string; ttl: number };
}

/** The Wix fixture's editor model: what its Save would store (null when no editor is open). */
export async function wixEditing(page: EvaluatingPage): Promise<WixEditing | null> {
  return (await page.evaluate('window.__wixFixture && window.__wixFixture.editing() ? JSON.parse(JSON.stringify(window.__wixFixture.editing())) : null')) as WixEditing | null;
}

/** The apex TXT values the Wix fixture's model holds. */
export async function wixApexTxt(page: EvaluatingPage): Promise<string[]> {
  return (await page.evaluate(`window.__wixFixture.records.filter(function (r) { return r.type === 'TXT' && (r.host === '' || r.host === '@'); }).map(function (r) { return r.value; })`)) as string[];
}

/** Scrolls the overlay so the fix card holding `value` (or the findings list) is in view, for screenshots. */
export async function scrollOverlayTo(page: OverlayPage, what: { fixValue?: string; finding?: string }): Promise<boolean> {
  // Opens the section holding it first (everything but the primary fix is collapsed).
  return page.inOverlay<boolean>(
    `function (root, what) {
      if (!root) return false;
      var target = null;
      if (what.fixValue) {
        root.querySelectorAll('[data-fix]').forEach(function (card) { if (!target && card.textContent.indexOf(what.fixValue) >= 0) target = card; });
      } else if (what.finding) {
        target = root.querySelector('[data-finding="' + what.finding + '"]');
      }
      if (!target) return false;
      (${OPEN_SECTIONS})(target);
      target.scrollIntoView({ block: 'center' });
      return true;
    }`,
    what,
  );
}

/**
 * Which of the overlay's [data-action=<action>] buttons belongs to the fix card showing `value`, using only
 * the contract: a button's card is its largest ancestor holding no other button of that action. Returns the
 * button's index among all of them (document order), or -1.
 */
export function fixActionIndex(page: OverlayPage, value: string, action: 'apply' | 'copy'): Promise<number> {
  return page.inOverlay<number>(
    `function (root, value, action) {
      if (!root) return -1;
      var buttons = Array.prototype.slice.call(root.querySelectorAll('[data-action="' + action + '"]'));
      for (var i = 0; i < buttons.length; i++) {
        var card = buttons[i];
        while (card.parentNode && card.parentNode !== root && card.parentNode.querySelectorAll('[data-action="' + action + '"]').length === 1) card = card.parentNode;
        if ((card.textContent || '').indexOf(value) >= 0) return i;
      }
      return -1;
    }`,
    value,
    action,
  );
}

/**
 * The security audit's attack, as the page would run it: `host.shadowRoot` is null for the closed root,
 * so the exploit line itself throws; and even with the Apply button in hand (the test channel gives it to
 * a main-world script, as a leaked reference would) its scripted `click()` fills nothing. A real click on
 * the same button then does fill the Wix form.
 */
export async function expectForgedApplyIgnored(page: OverlayPage, applyIndex: number, value: string): Promise<void> {
  const exploit = (await page.evaluate(`(function () {
    var host = document.querySelector('spf-doctor-overlay');
    try {
      host.shadowRoot.querySelector('[data-action="apply"]').click();
      return 'clicked';
    } catch (error) {
      return 'threw: ' + (host ? String(host.shadowRoot) : 'no host');
    }
  })()`)) as string;
  expect(exploit).toBe('threw: null');

  const logBefore = (await page.evaluate('window.__wixFixture.log.slice()')) as string[];
  expect(await scriptedClickInOverlay(page, '[data-action="apply"]', applyIndex), 'the scripted click reached the Apply button').toBe(true);
  // Had the click counted, the card would be "busy" (button disabled) or show its fill result by the
  // next frames, before any panel work; two frames plus a pause leave room for that render.
  await page.evaluate('new Promise(function (resolve) { requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(resolve, 300); }); }); })');
  const card = await page.inOverlay<{ disabled: boolean; results: number }>(
    `function (root, index) {
      var button = root.querySelectorAll('[data-action="apply"]')[index];
      return { disabled: !!button.disabled, results: root.querySelectorAll('[data-fill-ok]').length };
    }`,
    applyIndex,
  );
  expect(card, 'no fill started by the scripted click').toEqual({ disabled: false, results: 0 });
  expect(await wixEditing(page), 'no Wix editor opened by the scripted click').toBeNull();
  expect(await page.evaluate('window.__wixFixture.log.slice()')).toEqual(logBefore);

  await page.click('[data-action="apply"]', applyIndex);
  await expect.poll(() => wixEditing(page), { timeout: 10_000 }).toMatchObject({ type: 'TXT', recordId: null, draft: { host: '', value } });
}
