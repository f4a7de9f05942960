// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { PopupDeps } from '../../../components/popup/PopupApp';
import { explainBounce } from '../../../lib/bounce/explain';
import type { Lang } from '../../../lib/diagnosis/types';
import { ZoneResolver } from '../../../lib/dns/memory';
import { gmailUnauthenticated } from '../bounce/samples';
import { sampleDiagnosis } from './fixtures';
import { $, answer, changeTo, click, drop, fakeConnect, mount, settle, submit, textOf, typeInto } from './harness';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function setup(lang: Lang = 'en') {
  const ports = fakeConnect();
  const copyText = vi.fn(async (_text: string) => {});
  const openOptions = vi.fn();
  const deps: PopupDeps = { lang, connect: ports.connect, copyText, openOptions };
  const view = mount(<PopupApp deps={deps} />);
  cleanup = view.unmount;
  return { ...view, ports, copyText, openOptions };
}

function checkDomain(container: HTMLElement, value: string) {
  typeInto($(container, '#domain-input') as HTMLInputElement, value);
  submit($(container, '.check-form'));
}

describe('popup: check any domain', () => {
  it('labels the domain box and explains an invalid entry without asking the background', () => {
    const { container, ports } = setup();
    expect($(container, 'label[for="domain-input"]').textContent).toBe('Domain name');
    checkDomain(container, 'not a domain');
    expect(textOf(container, '#domain-error')).toBe('“not a domain” is not a valid domain name.');
    expect($(container, '#domain-input').getAttribute('aria-invalid')).toBe('true');
    expect($(container, '#domain-input').getAttribute('aria-describedby')).toBe('domain-error');
    checkDomain(container, '203.0.113.9');
    expect(textOf(container, '#domain-error')).toBe('Enter a domain name, not an IP address.');
    checkDomain(container, '');
    expect(textOf(container, '#domain-error')).toBe('Enter a domain name such as example.jp.');
    expect(ports.ports).toHaveLength(0);
  });

  it('asks for the punycode name of a Japanese domain and shows both spellings', () => {
    const { container, ports } = setup();
    checkDomain(container, '日本語.jp');
    expect(ports.last().posted).toEqual([{ kind: 'diagnose', snapshot: { panel: null, domain: 'xn--wgv71a119e.jp', records: [] }, force: false }]);
    expect(textOf(container, '[data-testid="check-status"]')).toBe('Checking 日本語.jp (xn--wgv71a119e.jp): starting…');
  });

  it('announces progress in a live region, then renders verdict, findings, fixes and the include tree', async () => {
    const { container, ports } = setup();
    checkDomain(container, 'example.jp');
    const status = $(container, '[data-testid="check-status"]');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(($(container, 'button[type="submit"]') as HTMLButtonElement).disabled).toBe(true);

    const port = ports.last();
    // The first lookups run in parallel, so steps may arrive out of the displayed order.
    await answer(port, { kind: 'progress', step: 'dmarc' });
    await answer(port, { kind: 'progress', step: 'nameservers' });
    await answer(port, { kind: 'progress', step: 'spf' });
    expect(status.textContent).toBe('Checking example.jp: SPF record…');
    expect($(container, '[data-step="nameservers"]').className).toBe('step done');
    expect($(container, '[data-step="dmarc"]').className).toBe('step done');
    expect($(container, '[data-step="spf"]').className).toBe('step current');
    expect($(container, '[data-step="mx"]').className).toBe('step');
    expect($(container, '[data-step="dkim"]').className).toBe('step');

    const diagnosis = await sampleDiagnosis();
    await answer(port, { kind: 'result', diagnosis, cached: false });
    expect(status.textContent).toBe('Check of example.jp finished.');
    expect(container.querySelector('.steps')).toBeNull();
    expect(textOf(container, '.verdict')).toBe('example.jp: problems that stop mail from being delivered.');
    expect(textOf(container, '.meta')).toContain('Cloudflare, Google');

    const findings = [...container.querySelectorAll('[data-finding]')];
    expect(findings.map((f) => f.getAttribute('data-finding'))).toEqual(['SPF_SENDER_NOT_COVERED', 'DMARC_MISSING']);
    expect(findings[0]?.textContent).toContain('does not authorize Xserver');
    expect(findings[0]?.querySelector('.severity')?.textContent).toBe('Problem');

    const fixes = [...container.querySelectorAll<HTMLElement>('[data-fix]')];
    expect(fixes).toHaveLength(2);
    expect(fixes[0]?.querySelector('h3')?.textContent).toBe(diagnosis.fixes[0]?.note?.en ?? 'Change the existing TXT record to this');
    expect(fixes[0]?.querySelector('[data-fix-value]')?.textContent).toBe(diagnosis.fixes[0]?.value);
    expect(fixes[0]?.querySelector('.apex')?.textContent).not.toBe('');
    expect(fixes[0]?.querySelector('.old-value')?.textContent).toBe(diagnosis.fixes[0]?.replaces);
    expect(fixes[1]?.querySelector('.record')?.textContent).toContain('_dmarc');
    // The popup is not a panel: nothing to fill, only Copy.
    expect(container.querySelectorAll('[data-action="apply"]')).toHaveLength(0);
    expect(fixes.every((fix) => fix.querySelector('[data-action="copy"]'))).toBe(true);

    expect($(container, '.tree-total').getAttribute('data-lookups')).toBe('10');
    expect(textOf(container, '.tree-total')).toBe('10 of 10 DNS lookups used.');
    const google = $(container, '.tree-node[data-domain="_spf.google.com"]');
    expect(google.querySelector('.tree-term')?.textContent).toBe('include:_spf.google.com');
    expect(google.querySelector('.tree-lookups')?.textContent).toBe('4 lookups');
    expect(google.querySelectorAll('.tree-node')).toHaveLength(3);
    expect(google.querySelector('.tree-children .tree-lookups')?.textContent).toBe('1 lookup');
    expect($(container, '.tree-root > .tree-node > .tree-line .tree-domain').textContent).toBe('example.jp');
    expect(container.querySelectorAll('[data-gmail]')).toHaveLength(2);
    // No message key is missing from the catalogs.
    expect(container.textContent).not.toMatch(/popup_|finding_|fix_|\{[a-zA-Z]+\}/);
  });

  it('does not claim "no SPF record" when DNS failed to answer', async () => {
    const { container, ports } = setup();
    checkDomain(container, 'example.jp');
    const base = await sampleDiagnosis();
    const tempError = { ...base.findings[1]!, code: 'DNS_TEMPORARY_ERROR', key: 'finding_DNS_TEMPORARY_ERROR', message: { en: 'TempError', ja: '一時エラー' } };
    await answer(ports.last(), { kind: 'result', diagnosis: { ...base, spf: { ...base.spf, record: null, tree: null }, findings: [tempError] }, cached: false });
    expect(textOf(container, '.spf-record')).toBe('The SPF record could not be read because DNS did not answer.');

    checkDomain(container, 'example.jp');
    const missing = { ...base.findings[1]!, code: 'SPF_MISSING', key: 'finding_SPF_MISSING', message: { en: 'No SPF', ja: 'SPFなし' } };
    await answer(ports.last(), { kind: 'result', diagnosis: { ...base, spf: { ...base.spf, record: null, tree: null }, findings: [missing, tempError] }, cached: false });
    expect(textOf(container, '.spf-record')).toBe('No SPF record is published.');
  });

  it('copies the exact record value and confirms it', async () => {
    const { container, ports, copyText } = setup();
    checkDomain(container, 'example.jp');
    const diagnosis = await sampleDiagnosis();
    await answer(ports.last(), { kind: 'result', diagnosis, cached: false });
    click($(container, '[data-fix="dmarc-add"] [data-action="copy"]'));
    await settle();
    expect(copyText).toHaveBeenCalledWith('v=DMARC1; p=none');
    expect(textOf(container, '[data-fix="dmarc-add"] .copied')).toBe('Copied to the clipboard.');
  });

  it('tells the user when the clipboard refuses', async () => {
    const { container, ports, copyText } = setup();
    copyText.mockRejectedValueOnce(new Error('Document is not focused.'));
    checkDomain(container, 'example.jp');
    await answer(ports.last(), { kind: 'result', diagnosis: await sampleDiagnosis(), cached: false });
    click($(container, '[data-fix="dmarc-add"] [data-action="copy"]'));
    await settle();
    expect(textOf(container, '[data-fix="dmarc-add"] .copy-failed')).toBe('Could not copy: select the value above and copy it by hand.');
  });

  it('shows the background\'s error, and an error when the background goes away', async () => {
    const { container, ports } = setup();
    checkDomain(container, 'example.jp');
    await answer(ports.last(), { kind: 'error', message: { en: 'TempError: Cloudflare did not answer', ja: 'TempError: Cloudflare が応答しません' } });
    expect(textOf(container, '[role="alert"]')).toBe('TempError: Cloudflare did not answer');
    checkDomain(container, 'example.jp');
    await drop(ports.last());
    expect(textOf(container, '[role="alert"]')).toBe("SPF Doctor's background stopped before answering. Try again.");
    expect(($(container, 'button[type="submit"]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('re-checks with force, skipping the background cache', async () => {
    const { container, ports } = setup();
    checkDomain(container, 'example.jp');
    await answer(ports.last(), { kind: 'result', diagnosis: await sampleDiagnosis(), cached: true });
    expect(textOf(container, '.meta')).toContain('(saved result from a moment ago)');
    click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Check again'));
    expect(ports.last().posted).toEqual([{ kind: 'diagnose', snapshot: { panel: null, domain: 'example.jp', records: [] }, force: true }]);
  });

  it('speaks Japanese when asked to', async () => {
    const { container, ports } = setup('ja');
    expect(textOf(container, '#tab-check')).toBe('ドメインをチェック');
    checkDomain(container, 'example.jp');
    await answer(ports.last(), { kind: 'result', diagnosis: await sampleDiagnosis(), cached: false });
    expect(textOf(container, '.verdict')).toBe('example.jp：メールが届かなくなる問題があります。');
    expect(textOf(container, '[data-finding="DMARC_MISSING"] .finding-text')).toBe((await sampleDiagnosis()).findings[1]?.message.ja);
    expect(textOf(container, '.tree-total')).toBe('DNSの問い合わせ：上限10回のうち10回');
  });
});

describe('popup: the mail provider (optional)', () => {
  it('offers "Detect from MX" by default, then mailbox providers and sending services, labelled', () => {
    const { container } = setup();
    const select = $(container, '#provider-select') as HTMLSelectElement;
    expect(textOf(container, 'label[for="provider-select"]')).toBe('Mail is sent through (optional)');
    expect(select.value).toBe('');
    expect(select.options[0]!.textContent).toBe('Detect from MX');
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Mail services (send and receive)', 'Sending-only services']);
    expect([...select.options].map((o) => o.value)).toContain('google-workspace');
    expect([...select.options].map((o) => o.value)).not.toContain('wix-ascend');
  });

  it('sends no provider unless one is chosen, and the chosen one otherwise', () => {
    const { container, ports } = setup();
    checkDomain(container, 'example.jp');
    expect((ports.last().posted[0] as { snapshot: object }).snapshot).toEqual({ panel: null, domain: 'example.jp', records: [] });
    changeTo($(container, '#provider-select') as HTMLSelectElement, 'google-workspace');
    checkDomain(container, 'example.jp');
    expect(ports.last().posted).toEqual([{ kind: 'diagnose', snapshot: { panel: null, domain: 'example.jp', records: [], providerId: 'google-workspace' }, force: false }]);
  });

  it('asks Xserver users for their server name and checks it before asking the background', () => {
    const { container, ports } = setup();
    changeTo($(container, '#provider-select') as HTMLSelectElement, 'xserver');
    const server = $(container, '#provider-server') as HTMLInputElement;
    expect(textOf(container, 'label[for="provider-server"]')).toBe('Your server name');
    expect(server.placeholder).toBe('sv1234.xserver.jp');
    checkDomain(container, 'example.jp');
    expect(ports.ports).toHaveLength(0);
    expect(textOf(container, '#provider-server-error')).toBe('Enter your server name, for example sv1234.xserver.jp.');
    expect(server.getAttribute('aria-invalid')).toBe('true');
    expect(server.getAttribute('aria-describedby')).toBe('provider-server-error');
    expect(document.activeElement).toBe(server);

    typeInto(server, 'mail1042.onamae.ne.jp');
    checkDomain(container, 'example.jp');
    expect(ports.ports).toHaveLength(0);
    expect(textOf(container, '#provider-server-error')).toBe('This is not a server name of this service. Enter it like sv1234.xserver.jp.');

    typeInto(server, 'SV1234.xserver.jp');
    checkDomain(container, 'example.jp');
    expect(ports.last().posted).toEqual([
      { kind: 'diagnose', snapshot: { panel: null, domain: 'example.jp', records: [], providerId: 'xserver', providerServer: 'sv1234.xserver.jp' }, force: false },
    ]);
    expect(container.querySelector('#provider-server-error')).toBeNull();
  });

  it('speaks Japanese', () => {
    const { container } = setup('ja');
    expect(textOf(container, 'label[for="provider-select"]')).toBe('メールの送信に使っているサービス（任意）');
    const select = $(container, '#provider-select') as HTMLSelectElement;
    expect(select.options[0]!.textContent).toBe('MXから自動判別');
    expect([...select.options].map((o) => o.textContent)).toContain('エックスサーバー');
  });
});

describe('popup: tabs and bounce', () => {
  it('switches tabs with the arrow keys and keeps both panels labelled', () => {
    const { container, openOptions } = setup();
    const tabs = [...container.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    tabs[0]?.focus();
    tabs[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    return settle().then(() => {
      expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true']);
      expect(document.activeElement).toBe(tabs[1]);
      expect(($(container, '#panel-check') as HTMLElement).hidden).toBe(true);
      expect($(container, '#panel-bounce').getAttribute('aria-labelledby')).toBe('tab-bounce');
      expect(tabs[1]?.getAttribute('tabindex')).toBe('0');
      expect(tabs[0]?.getAttribute('tabindex')).toBe('-1');
      click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Settings'));
      expect(openOptions).toHaveBeenCalledOnce();
    });
  });

  it('explains a pasted bounce with the check_host result and trace, then checks the domain for the fix', async () => {
    const { container, ports } = setup();
    click($(container, '#tab-bounce'));
    const text = gmailUnauthenticated('example.jp', '198.51.100.7');
    typeInto($(container, '#bounce-text') as HTMLTextAreaElement, text);
    expect($(container, 'label[for="bounce-text"]').textContent).toBe('Paste the returned mail (bounce) here');
    click([...container.querySelectorAll('#panel-bounce button')].find((b) => b.textContent === 'Explain'));
    const port = ports.last();
    expect(port.posted).toEqual([{ kind: 'explain-bounce', text }]);
    expect(textOf(container, '[data-testid="bounce-status"]')).toBe('Reading the bounce and checking SPF…');

    const resolver = new ZoneResolver({
      'example.jp': [{ type: 'TXT', value: ['v=spf1 include:_spf.onamae.ne.jp ~all'] }],
      '_spf.onamae.ne.jp': [{ type: 'TXT', value: ['v=spf1 ip4:203.0.113.0/24 ~all'] }],
    });
    const explanation = await explainBounce(text, { resolver });
    await answer(port, { kind: 'bounce-result', explanation });
    expect(textOf(container, '.headline')).toBe(
      'Gmail rejected the message because SPF for example.jp gives “softfail” for 198.51.100.7: the record does not list that server.',
    );
    expect($(container, '.result-badge').getAttribute('data-result')).toBe('softfail');
    expect(textOf(container, '.facts')).toContain('550 5.7.26');
    expect(textOf(container, '.trace pre')).toContain('include:_spf.onamae.ne.jp');
    expect(textOf(container, '.bounce-says')).toBe(explanation.bounce.explanation.en);
    expect([...container.querySelectorAll('.panel-links a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://manage.wix.com/account/domains',
      'https://navi.onamae.com/domain/setting/dns/manage',
    ]);

    click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Check example.jp and show the fix'));
    await settle();
    expect($(container, '#tab-check').getAttribute('aria-selected')).toBe('true');
    expect(($(container, '#domain-input') as HTMLInputElement).value).toBe('example.jp');
    expect(ports.last().posted).toEqual([{ kind: 'diagnose', snapshot: { panel: null, domain: 'example.jp', records: [] }, force: false }]);
  });

  it('asks for a paste before explaining nothing, and shows what is missing from an incomplete bounce', async () => {
    const { container, ports } = setup('ja');
    click($(container, '#tab-bounce'));
    submit($(container, '#panel-bounce form'));
    expect(ports.ports).toHaveLength(0);
    expect(textOf(container, '[role="alert"]')).toContain('エラーメール');

    const text = "550 5.7.26 Unauthenticated email from example.jp is not accepted due to domain's DMARC policy.";
    typeInto($(container, '#bounce-text') as HTMLTextAreaElement, text);
    submit($(container, '#panel-bounce form'));
    const explanation = await explainBounce(text, { resolver: new ZoneResolver({}) });
    await answer(ports.last(), { kind: 'bounce-result', explanation });
    expect($(container, '.bounce-view').getAttribute('data-status')).toBe('incomplete');
    expect(textOf(container, '.headline')).toBe(explanation.headline.ja);
    expect(textOf(container, '.facts')).toContain('見つかりません');
    expect(container.querySelector('.trace')).toBeNull();
    expect(container.textContent).not.toMatch(/popup_|bounce_/);
  });
});
