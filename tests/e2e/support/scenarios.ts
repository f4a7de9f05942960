// What each scenario expects, shared by the Chromium and Firefox suites, plus the panel-side facts the
// assertions compare the overlay with (rows on the page, the Wix form's model).
import { SEVERITY } from '../../../lib/diagnosis/findings';
import type { FindingCode } from '../../../lib/diagnosis/types';
import type { Settings } from '../../../lib/settings';
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

export function settingsWith(resolvers: { label: string; url: string }[], recheckSeconds = 10): Settings {
  return { resolvers, language: 'en', recheckSeconds };
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
export async function scrollOverlayTo(page: EvaluatingPage, what: { fixValue?: string; finding?: string }): Promise<boolean> {
  const arg = JSON.stringify(what);
  return (await page.evaluate(`(function (what) {
    var host = document.querySelector('spf-doctor-overlay');
    var root = host && host.shadowRoot;
    if (!root) return false;
    var target = null;
    if (what.fixValue) {
      root.querySelectorAll('[data-fix]').forEach(function (card) { if (!target && card.textContent.indexOf(what.fixValue) >= 0) target = card; });
    } else if (what.finding) {
      target = root.querySelector('[data-finding="' + what.finding + '"]');
    }
    if (!target) return false;
    target.scrollIntoView({ block: 'center' });
    return true;
  })(${arg})`)) as boolean;
}

/**
 * Which of the overlay's [data-action=<action>] buttons belongs to the fix card showing `value`, using only
 * the contract: a button's card is its largest ancestor holding no other button of that action. Returns the
 * button's index among all of them (document order), or -1.
 */
export async function fixActionIndex(page: EvaluatingPage, value: string, action: 'apply' | 'copy'): Promise<number> {
  return (await page.evaluate(`(function (value, action) {
    var host = document.querySelector('spf-doctor-overlay');
    var root = host && host.shadowRoot;
    if (!root) return -1;
    var buttons = Array.prototype.slice.call(root.querySelectorAll('[data-action="' + action + '"]'));
    for (var i = 0; i < buttons.length; i++) {
      var card = buttons[i];
      while (card.parentNode && card.parentNode !== root && card.parentNode.querySelectorAll('[data-action="' + action + '"]').length === 1) card = card.parentNode;
      if ((card.textContent || '').indexOf(value) >= 0) return i;
    }
    return -1;
  })(${JSON.stringify(value)}, ${JSON.stringify(action)})`)) as number;
}
