// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { applyFix } from '../../../lib/content/apply';
import { formatClock } from '../../../lib/content/format';
import type { Diagnosis } from '../../../lib/diagnosis/types';
import { onamaeNsElsewhere } from '../../fixtures/diagnoses/onamae-ns';
import { wixPropagationLive } from '../../fixtures/diagnoses/wix-live';
import { wixSpfMerge } from '../../fixtures/diagnoses/wix-merge';
import { wixPropagationPending } from '../../fixtures/diagnoses/wix-pending';
import { wixNoSpf } from '../../fixtures/diagnoses/wix-seed';
import { fakePanel } from '../content/fakes';
import { click, doneView, fakeActions, key, mountPerTest, rowAt } from './render';
import { userClickEvent } from './user-event';

const SEED_SPF = 'v=spf1 include:_spf.onamae.ne.jp ~all';
const show = mountPerTest();

describe('the seed: example.jp on Wix without SPF', () => {
  it('shows the verdict, where to fix it, counts, domain and the live DNS host', () => {
    const m = show({ view: doneView(wixNoSpf) });
    expect(m.q('[role="region"]').getAttribute('aria-label')).toBe('SPF Doctor: mail settings check for example.jp');
    // An SPF error: the headline says what it means for the owner's mail.
    expect(m.q('.verdict').textContent).toContain('Mail to Gmail will bounce');
    expect(m.q('.where').textContent).toBe('Fix it here, on this screen (Wix).');
    expect(m.q('[data-section="findings"] .more-summary').textContent).toBe('Errors: 1 · Warnings: 0');
    const facts = m.q('.facts').textContent!;
    expect(facts).toContain('example.jp');
    expect(facts).toContain('Wix: this panel (in effect)');
    expect(facts).toContain('ns0.wixdns.net, ns1.wixdns.net');
  });

  it('lists each finding in an element carrying its code', () => {
    const m = show({ view: doneView(wixNoSpf) });
    const finding = m.q('[data-finding="SPF_MISSING"]');
    expect(finding.textContent).toContain('example.jp has no SPF record');
    expect(finding.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('Error');
    expect(m.qa('[data-finding]')).toHaveLength(1);
  });

  it('shows the exact record: TXT, blank host for the apex, the value in a box, the TTL', () => {
    const m = show({ view: doneView(wixNoSpf) });
    const card = m.q('[data-fix="fix-1"]');
    expect(card.querySelector('h4')!.textContent).toBe('Add this TXT record');
    const record = card.querySelector('dl')!.textContent!;
    expect(record).toContain('TXT');
    expect(card.querySelector('.apex')!.textContent).toBe('(leave it blank: the same as @)');
    expect(card.querySelector('[data-fix-value]')!.textContent).toBe(SEED_SPF);
    expect(record).toContain('3600 s (60 min)');
    expect(card.querySelector('.lookups')!.textContent).toBe('DNS lookups: 1 of 10');
  });

  it('Apply fills the panel through the adapter with the right PanelFix, then points at Save', async () => {
    const panel = fakePanel('wix', [], document);
    panel.fillResult = { ok: true, filled: { host: '', type: 'TXT', value: SEED_SPF, ttl: '1 Hour' }, problems: [], nextStep: 'save', saveLabel: 'Save' };
    const actions = fakeActions();
    actions.apply = async (fix) => (await applyFix(panel.adapter, document, fix)).result;
    const m = show({ view: doneView(wixNoSpf), actions });
    await click(m.q('[data-action="apply"]'));
    expect(panel.fills).toEqual([{ action: 'add', type: 'TXT', name: 'example.jp', value: SEED_SPF, ttl: 3600 }]);
    const outcome = m.q('.fill-result');
    expect(outcome.textContent).toContain('The panel’s form now holds:');
    expect(outcome.querySelector('.value-box')!.textContent).toBe(SEED_SPF);
    expect(outcome.textContent).toContain('1 Hour');
    const hint = m.q('[data-next-step="save"]');
    expect(hint.textContent).toBe('Now press “Save” in the panel. SPF Doctor never saves for you.');
    expect(hint.querySelector('strong')!.textContent).toBe('Save');
  });

  it('Copy copies the value and says so; when copying fails it says what to do', async () => {
    const actions = fakeActions();
    const m = show({ view: doneView(wixNoSpf), actions });
    await click(m.q('[data-action="copy"]'));
    expect(actions.copied).toEqual([SEED_SPF]);
    expect(m.q('.copied').textContent).toBe('Copied to the clipboard.');
    actions.copyWorks = false;
    await click(m.q('[data-action="copy"]'));
    expect(m.q('.copy-failed').textContent).toMatch(/copy it by hand/);
  });

  it('a fill that could not finish says so, with the adapter’s problem in the UI language', async () => {
    const actions = fakeActions({
      ok: false,
      filled: { host: '', type: 'TXT', value: '' },
      problems: [{ code: 'ADD_FORM_NOT_FOUND', params: { type: 'TXT' } }],
    });
    const m = show({ view: doneView(wixNoSpf), actions, lang: 'ja' });
    await click(m.q('[data-action="apply"]'));
    expect(m.q('[data-fill-ok="false"]').textContent).toContain('フォームに入力しきれませんでした');
    expect(m.q('[data-problem="ADD_FORM_NOT_FOUND"]').textContent).toBe('TXTレコードの追加フォームが見つかりません');
    expect(m.qa('[data-next-step]')).toHaveLength(0);
  });

  it('never interprets record text as HTML', () => {
    const hostile: Diagnosis = {
      ...wixNoSpf,
      fixes: [{ ...wixNoSpf.fixes[0]!, value: '<img src=x onerror="alert(1)">' }],
      findings: [{ ...wixNoSpf.findings[0]!, message: { en: '<b>bold</b>', ja: '<b>太字</b>' } }],
    };
    const m = show({ view: doneView(hostile) });
    expect(m.container.querySelector('img, b')).toBeNull();
    expect(m.q('[data-fix-value]').textContent).toBe('<img src=x onerror="alert(1)">');
    expect(m.q('[data-finding="SPF_MISSING"]').textContent).toContain('<b>bold</b>');
  });
});

describe('お名前.com while Wix serves the zone', () => {
  it('shows both nameserver findings and that DNS is served elsewhere', () => {
    const m = show({ view: doneView(onamaeNsElsewhere), provider: 'onamae' });
    expect(m.qa('[data-finding]').map((el) => el.getAttribute('data-finding'))).toEqual(['NS_NOT_AUTHORITATIVE', 'NS_DNSV_FLAG_RISK', 'SPF_MISSING']);
    const host = m.q('[data-delegation]');
    expect(host.getAttribute('data-delegation')).toBe('elsewhere');
    expect(host.textContent).toContain('Wix: not this panel');
    expect(m.q('.provider').textContent).toBe('お名前.com');
  });

  it('offers the fix for the DNS host without an Apply button', () => {
    const m = show({ view: doneView(onamaeNsElsewhere), provider: 'onamae' });
    const card = m.q('[data-fix="fix-1"]');
    expect(card.querySelector('[data-action="apply"]')).toBeNull();
    expect(card.querySelector('[data-action="copy"]')).not.toBeNull();
    expect(card.querySelector('.fix-elsewhere')!.textContent).toContain('(Wix)');
  });

  it('Apply on お名前.com says to press 追加 and then 確認画面へ進む (Japanese)', async () => {
    const own: Diagnosis = { ...onamaeNsElsewhere, fixes: onamaeNsElsewhere.fixes.map(({ target: _, ...fix }) => fix) };
    const actions = fakeActions({ nextStep: 'add-then-confirm', saveLabel: '追加', confirmLabel: '確認画面へ進む' });
    const m = show({ view: doneView(own), provider: 'onamae', lang: 'ja', actions });
    await click(m.q('[data-action="apply"]'));
    expect(actions.applied.map((f) => f.id)).toEqual(['fix-1']);
    const hint = m.q('[data-next-step="add-then-confirm"]');
    expect(hint.textContent).toBe('この画面の「追加」を押し、続けて「確認画面へ進む」を押してください。SPF Doctorが代わりに保存することはありません。');
    expect([...hint.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(['追加', '確認画面へ進む']);
  });

  it('puts badges beside the NS rows the findings name, and a badge opens its finding', () => {
    const records = ['01', '02', '03', '04'].map((n, i) =>
      rowAt({ host: 'example.jp', type: 'NS', ttl: 86400, value: `${n}.dnsv.jp`, readOnly: true }, { top: 200 + i * 40, left: 100, width: 700, height: 36 }),
    );
    const other = rowAt({ host: 'example.jp', type: 'A', ttl: 3600, value: '203.0.113.80' }, { top: 360, left: 100, width: 700, height: 36 });
    const m = show({ view: doneView(onamaeNsElsewhere, { records: [...records, other] }), provider: 'onamae', initiallyCollapsed: true });
    const badges = m.qa('.badge');
    expect(badges).toHaveLength(4);
    expect(badges[0]!.getAttribute('data-badge')).toBe('NS_NOT_AUTHORITATIVE NS_DNSV_FLAG_RISK');
    expect(badges[0]!.style.top).toBe('208px');
    expect(badges[0]!.style.left).toBe('74px');
    expect(badges[0]!.getAttribute('aria-label')).toMatch(/^SPF Doctor: The records on this page are not used/);

    expect(m.q('#spf-doctor-panel').hidden).toBe(true);
    userClickEvent(badges[1]!);
    m.update({});
    expect(m.q('#spf-doctor-panel').hidden).toBe(false);
    expect(document.activeElement?.getAttribute('data-finding')).toBe('NS_NOT_AUTHORITATIVE');
  });

  it('hides a badge whose row is scrolled out of view', () => {
    const row = rowAt({ host: 'example.jp', type: 'NS', ttl: 86400, value: '01.dnsv.jp' }, { top: 5000, left: 100, width: 700, height: 36 });
    const m = show({ view: doneView(onamaeNsElsewhere, { records: [row] }), provider: 'onamae' });
    expect(m.qa('.badge')).toHaveLength(0);
  });
});

describe('propagation', () => {
  it('shows what each resolver still returns, the estimate, and the automatic re-check', () => {
    const recheckAt = new Date(2025, 10, 27, 9, 30, 0).getTime();
    const m = show({ view: doneView(wixPropagationPending, { recheckAt }), recheckSeconds: 60 });
    const finding = m.q('[data-finding="PROPAGATION_PENDING"]');
    const detail = finding.querySelector('[data-propagation="TXT example.jp"]')!;
    expect(detail.querySelector('.values')!.textContent).toContain(SEED_SPF);
    const cloudflare = detail.querySelector('[data-resolver="Cloudflare"]')!.textContent!;
    const google = detail.querySelector('[data-resolver="Google"]')!.textContent!;
    expect(cloudflare).toContain('google-site-verification=abc123');
    expect(cloudflare).not.toContain('v=spf1');
    expect(google).toContain(SEED_SPF);
    expect(detail.querySelector('.estimate')!.textContent).toBe('Expected within 5 min.');
    expect(finding.querySelector('.recheck-note')!.textContent).toBe('Checking again automatically every 60 s until it is live (next at 09:30:00).');
  });

  it('says so once the record is live everywhere', () => {
    const m = show({ view: doneView(wixPropagationLive, { nowLive: [{ type: 'TXT', name: 'example.jp' }] }) });
    expect(m.q('[data-now-live="TXT example.jp"]').textContent).toContain('TXT example.jp is now live on every resolver checked.');
    expect(m.qa('[data-finding]')).toHaveLength(0);
    expect(m.q('.no-findings').textContent).toBe('No problems found.');
    expect(m.q('.verdict').textContent).toBe('✓Mail settings look right');
  });
});

describe('states', () => {
  it('reading: says so, with any problems the adapter reported', () => {
    const m = show({
      view: { ...doneView(wixNoSpf), state: 'reading', diagnosis: null, problems: [{ code: 'TABLE_NOT_FOUND', params: {} }] },
    });
    expect(m.q('.state-line').textContent).toBe('Reading the records on this page…');
    expect(m.q('[data-problem="TABLE_NOT_FOUND"]').textContent).toBe('records table not found');
    expect(m.q<HTMLButtonElement>('[data-action="recheck"]').disabled).toBe(true);
  });

  it('checking: shows the DNS steps done, the current one and those to come', () => {
    const m = show({ view: { ...doneView(wixNoSpf), state: 'checking', diagnosis: null, progress: ['nameservers', 'spf'] } });
    const states = Object.fromEntries(m.qa('[data-step]').map((el) => [el.getAttribute('data-step'), el.getAttribute('data-step-state')]));
    expect(states).toEqual({ nameservers: 'done', spf: 'done', mx: 'current', dmarc: 'todo', dkim: 'todo', propagation: 'todo' });
    expect(m.q('[role="status"]').textContent).toContain('Checking live DNS');
  });

  it('re-checking keeps the last result visible under the progress', () => {
    const m = show({ view: { ...doneView(wixNoSpf), state: 'checking', progress: [] } });
    expect(m.q('.rechecking').textContent).toContain('Checking again…');
    expect(m.qa('[data-finding="SPF_MISSING"]')).toHaveLength(1);
  });

  it('error: shows the localized message in place', () => {
    const error = { en: 'The DNS resolver Cloudflare did not answer for example.jp TXT (timed out).', ja: 'DNSリゾルバー Cloudflare が example.jp TXT に応答しませんでした（タイムアウト）。' };
    const m = show({ view: { ...doneView(wixNoSpf), state: 'error', error }, lang: 'ja' });
    const alert = m.q('[role="alert"]');
    expect(alert.textContent).toContain('確認を完了できませんでした');
    expect(alert.textContent).toContain(error.ja);
  });

  it('the re-check button asks for a fresh check', async () => {
    const actions = fakeActions();
    const m = show({ view: doneView(wixNoSpf), actions });
    await click(m.q('[data-action="recheck"]'));
    expect(actions.rechecks).toBe(1);
  });
});

describe('collapsing', () => {
  it('collapses to a pill and back, keeping focus where the user is', () => {
    const m = show({ view: doneView(wixNoSpf) });
    const collapse = m.q<HTMLButtonElement>('[data-action="collapse"]');
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
    collapse.focus();
    userClickEvent(collapse);
    m.update({});
    expect(m.q('#spf-doctor-panel').hidden).toBe(true);
    const pill = m.q<HTMLButtonElement>('[data-action="expand"]');
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    expect(pill.getAttribute('aria-label')).toBe('Open SPF Doctor (1 error, 0 warnings)');
    expect(pill.textContent).toContain('1');
    expect(document.activeElement).toBe(pill);

    userClickEvent(pill);
    m.update({});
    expect(m.q('#spf-doctor-panel').hidden).toBe(false);
    expect(m.qa('[data-action="expand"]')).toHaveLength(0);
    expect(document.activeElement).toBe(m.q('[data-action="collapse"]'));
  });

  it('Escape inside the panel collapses it', () => {
    const m = show({ view: doneView(wixNoSpf) });
    key(m.q('[data-action="copy"]'), 'Escape');
    expect(m.q('#spf-doctor-panel').hidden).toBe(true);
    expect(document.activeElement).toBe(m.q('[data-action="expand"]'));
  });

  it('every control is a real button (reachable by Tab, activated by Enter and Space)', () => {
    const m = show({ view: doneView(wixSpfMerge) });
    for (const action of ['recheck', 'collapse', 'apply', 'copy', 'details']) {
      expect(m.q(`[data-action="${action}"]`).tagName).toBe('BUTTON');
    }
  });

  it('keeps a fill result across collapse and expand', async () => {
    const m = show({ view: doneView(wixNoSpf) });
    await click(m.q('[data-action="apply"]'));
    userClickEvent(m.q('[data-action="collapse"]'));
    m.update({});
    userClickEvent(m.q('[data-action="expand"]'));
    m.update({});
    expect(m.qa('[data-next-step]')).toHaveLength(1);
  });
});

describe('details', () => {
  it('opens with aria-expanded and shows the include tree, the check_host trace and the Gmail checklist', () => {
    const m = show({ view: doneView(wixSpfMerge) });
    const toggle = m.q('[data-action="details"]');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(m.q('#spf-doctor-details').hidden).toBe(true);
    userClickEvent(toggle);
    m.update({});
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(m.q('#spf-doctor-details').hidden).toBe(false);
    expect(m.q('.spf-total').textContent).toBe('4 of 10 DNS lookups, 0 void lookups');
    const root = m.q('[data-spf-domain="example.jp"]');
    expect(root.querySelector('.node-lookups')!.textContent).toBe('4 lookups (1 here)');
    expect(m.q('[data-spf-domain="_spf.google.com"]').textContent).toContain('include:');
    const trace = m.qa('.trace tbody tr');
    expect(trace.length).toBe(wixSpfMerge.spf.providerCheck!.trace.length);
    const check = wixSpfMerge.spf.providerCheck!;
    expect(check).toMatchObject({ provider: 'Onamae Mail (お名前メール)', result: 'softfail' });
    expect(m.q('#spf-doctor-trace').textContent).toBe(`Test for Onamae Mail (お名前メール) (server ${check.ip}): softfail`);
    expect(m.qa('[data-gmail]').map((el) => el.getAttribute('data-gmail'))).toEqual(wixSpfMerge.gmail.map((g) => g.id));
  });

  it('shows an edit fix with the value it replaces', () => {
    const m = show({ view: doneView(wixSpfMerge) });
    const card = m.q('[data-fix="fix-1"]');
    expect(card.querySelector('h4')!.textContent).toBe('Change the existing SPF record to this one (never add a second v=spf1 record)');
    expect(card.querySelector('.old-value')!.textContent).toBe('v=spf1 include:_spf.google.com ~all');
  });
});

describe('the first screen: what the user must do', () => {
  it('shows the verdict, where to fix it and the one primary fix card, everything else collapsed below', () => {
    const m = show({ view: doneView(wixSpfMerge) });
    const parts = [...m.q('.panel-body').children].map((el) => el.getAttribute('data-section') ?? el.className);
    expect(parts.slice(0, 2)).toEqual([`summary verdict-${wixSpfMerge.verdict}`, 'fixes primary-fix']);
    expect(parts.slice(2).every((part) => ['findings', 'fixes', 'provider', 'facts', 'details'].includes(part) || part.startsWith('panel-problems'))).toBe(true);
    // One primary action: the Fill of the first fix; other fixes wait in their collapsed section.
    const primary = m.qa('[data-primary-action]');
    expect(primary.map((el) => el.getAttribute('data-primary-action'))).toEqual(['fill']);
    expect(primary[0]!.closest('[data-fix]')!.getAttribute('data-fix')).toBe(wixSpfMerge.fixes[0]!.id);
    expect(m.qa('.primary-fix [data-fix]')).toHaveLength(1);
    expect(m.qa('details[data-section="fixes"] [data-fix]')).toHaveLength(wixSpfMerge.fixes.length - 1);
    for (const section of m.qa<HTMLDetailsElement>('details.more')) expect(section.open).toBe(false);
    // Collapsed, still in the DOM (tests and screen readers find the findings), each under a one-line summary.
    expect(m.q('[data-finding]').closest('details[data-section="findings"]')).not.toBeNull();
    for (const summary of m.qa('details.more > summary')) expect(summary.textContent!.trim()).not.toBe('');
  });

  it('says when a pending record should be live, as a clock time', () => {
    const m = show({ view: doneView(wixPropagationPending) });
    const pending = wixPropagationPending.live.propagation.filter((item) => item.state === 'pending' && item.estimateSeconds !== undefined);
    expect(pending.length).toBeGreaterThan(0);
    const at = formatClock(wixPropagationPending.checkedAt + Math.max(...pending.map((item) => item.estimateSeconds!)) * 1000, false);
    expect(at).toMatch(/^\d\d:\d\d$/);
    expect(m.q('.expected-live').textContent).toBe(`Expected live around ${at}.`);
    m.update({ lang: 'ja' });
    expect(m.q('.expected-live').textContent).toBe(`${at}ごろに反映される見込みです。`);
  });
});

describe('language', () => {
  it('follows the chosen language for every part, from the catalogs', () => {
    const m = show({ view: doneView(wixNoSpf), lang: 'ja' });
    expect(m.q('[role="region"]').getAttribute('aria-label')).toBe('SPF Doctor：example.jpのメール設定チェック');
    expect(m.q('[data-section="findings"] .more-title').textContent).toBe('すべての問題');
    expect(m.q('.verdict').textContent).toContain('Gmail宛てのメールが届かない原因があります');
    expect(m.q('[data-finding="SPF_MISSING"]').textContent).toContain('example.jpにSPFレコードがありません');
    expect(m.q('[data-action="apply"]').textContent).toBe('フォームに入力');
    expect(m.q('[data-action="copy"]').textContent).toBe('値をコピー');
    expect(m.q('[data-section="findings"] .more-summary').textContent).toBe('問題1件・注意0件');
    expect(m.q('.apex').textContent).toBe('（空欄のままにしてください。@と同じ意味です）');
    expect(m.q('[data-fix="fix-1"] h4').textContent).toBe('このTXTレコードを追加してください');
    expect(m.text()).not.toMatch(/Findings|Copy value|Fill in the form/);

    m.update({ lang: 'en' });
    expect(m.q('[data-section="findings"] .more-title').textContent).toBe('All findings');
    expect(m.q('[data-finding="SPF_MISSING"]').textContent).toContain('example.jp has no SPF record');
    expect(m.text()).not.toMatch(/診断結果|値をコピー/);
  });
});

describe('pointing at the panel’s button', () => {
  const realRect = HTMLElement.prototype.getBoundingClientRect;
  afterEach(() => {
    HTMLElement.prototype.getBoundingClientRect = realRect;
    delete (HTMLElement.prototype as { scrollHeight?: number }).scrollHeight;
  });

  /** Our panel sits at the bottom right of a 1280 × 860 viewport, 380 px wide. */
  function layout(): void {
    (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width: 1280, height: 860 });
    // The panel's body would like 500 px (happy-dom lays nothing out).
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get(this: HTMLElement) { return this.classList.contains('panel-body') ? 500 : 0; } });
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      if (this.id === 'spf-doctor-panel') return { top: 300, bottom: 844, left: 884, right: 1264, width: 380, height: 544, x: 884, y: 300, toJSON: () => ({}) } as DOMRect;
      return realRect.call(this);
    };
  }

  function button(label: string, box: { top: number; left: number; width: number; height: number }): HTMLButtonElement {
    const element = document.createElement('button');
    element.textContent = label;
    document.body.append(element);
    element.getBoundingClientRect = () =>
      ({ top: box.top, left: box.left, right: box.left + box.width, bottom: box.top + box.height, width: box.width, height: box.height, x: box.left, y: box.top, toJSON: () => ({}) }) as DOMRect;
    return element;
  }

  it('shows a marker beside the button, and docks the panel where it hides neither', () => {
    layout();
    const save = button('Save', { top: 420, left: 1007, width: 50, height: 22 });
    const m = show({ view: doneView(wixNoSpf), pointer: { element: save, label: 'Save' } });
    const pointer = m.q('[data-pointer="Save"]');
    expect(pointer.textContent).toContain('Press “Save”');
    // Left of the button (measured 200 px wide until drawn), vertically centred on it.
    expect(pointer.style.left).toBe(`${1007 - 8 - 200}px`);
    expect(pointer.style.top).toBe('419px');
    expect(pointer.dataset.side).toBe('left');
    // Bottom right and top right would cover Save (1007–1057 × 420–442): bottom left is the first free corner.
    const panel = m.q('#spf-doctor-panel');
    expect(panel.style.left).toBe('16px');
    expect(panel.style.top).toBe(`${860 - 16 - 502}px`);
    expect(panel.dataset.docked).toBe('free');
  });

  it('stays at the bottom right when nothing is there; shortens itself to fit under a control row', () => {
    layout();
    const m = show({ view: doneView(wixNoSpf) });
    expect(m.q('#spf-doctor-panel').style.left).toBe('884px');
    expect(m.q('#spf-doctor-panel').style.top).toBe('342px');
    // A control across the whole width at 420–442 px: no full-height panel fits above or below it, a 320 px one does below.
    const wide = button('追加', { top: 420, left: 100, width: 1100, height: 22 });
    m.update({ pointer: { element: wide, label: '追加' } });
    const panel = m.q('#spf-doctor-panel');
    expect([panel.style.left, panel.style.top, panel.style.maxHeight]).toEqual(['884px', '524px', '320px']);
  });

  it('shrinks to the pill when no free room is left, and opens anyway when the user asks', async () => {
    layout();
    button('Everywhere', { top: 0, left: 0, width: 1280, height: 860 });
    const m = show({ view: doneView(wixNoSpf) });
    expect(m.q('#spf-doctor-panel').hidden).toBe(true);
    const pill = m.q('[data-action="expand"]');
    expect(pill.dataset.squeezed).toBe('true');
    await click(pill);
    expect(m.q('#spf-doctor-panel').hidden).toBe(false);
    expect(m.q('#spf-doctor-panel').dataset.docked).toBe('corner');
  });
});
