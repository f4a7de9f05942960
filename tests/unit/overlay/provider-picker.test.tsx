// @vitest-environment happy-dom
// "Mail is sent through: [select]" in the overlay, and the note where the SPF fix would be when no
// provider is known.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadStoredChoices } from '../../../lib/content/provider-store';
import type { ChoiceStorageArea } from '../../../lib/content/provider-store';
import { PanelSession } from '../../../lib/content/session';
import type { Diagnosis, Finding } from '../../../lib/diagnosis/types';
import { wixNoSpf } from '../../fixtures/diagnoses/wix-seed';
import { FakePort, fakePanel } from '../content/fakes';
import { click, doneView, fakeActions, mountPerTest } from './render';
import type { Mounted } from './render';
import { userSelectEvent } from './user-event';

const show = mountPerTest();

function choose(select: HTMLSelectElement, value: string): void {
  act(() => {
    userSelectEvent(select, value);
  });
}

function typeInto(input: HTMLInputElement, value: string): void {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The seed when nothing tells which provider sends the mail: no SPF, no fix. */
const noProvider: Diagnosis = {
  ...wixNoSpf,
  providers: [],
  mxProviders: [],
  fixes: [],
  findings: wixNoSpf.findings.map(({ fixId: _fixId, ...finding }): Finding => finding),
};

describe('the provider control', () => {
  it('is a labelled select: MX detection first, then mailbox providers, then sending services, by their names', () => {
    const m = show({ view: doneView(wixNoSpf) });
    const select = m.q<HTMLSelectElement>('select[data-action="provider"]');
    expect(m.q(`label[for="${select.id}"]`).textContent).toBe('Mail is sent through');
    expect(select.value).toBe('');
    expect(select.options[0]!.textContent).toBe('Detected from MX: Onamae Mail (お名前メール)');
    expect(m.q('.provider-choice .provider-hint').textContent).toBe('If your mail is sent through a different service than the one that receives it, choose it here.');
    const groups = [...select.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.label)).toEqual(['Mail services (send and receive)', 'Sending-only services']);
    const mailbox = [...groups[0]!.querySelectorAll('option')].map((o) => o.textContent);
    expect(mailbox.slice(0, 4)).toEqual(['Onamae Mail (お名前メール)', 'GMO rental server (RS / shared SD)', 'ConoHa WING', 'Xserver']);
    expect(mailbox).toContain('Google Workspace');
    expect([...groups[1]!.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['SendGrid', 'Amazon SES', 'Mailchimp', 'MailerLite', 'HaiHai Mail (配配メール)']);
    // A provider is known (MX): the choice waits in its collapsed section, below the primary fix.
    const section = m.q('.provider-choice');
    expect(section.closest('details[data-section="provider"]')).not.toBeNull();
    expect(select.hasAttribute('data-primary-action')).toBe(false);
  });

  it('names the providers in Japanese, and says when MX names none', () => {
    const m = show({ view: doneView(noProvider), lang: 'ja' });
    const select = m.q<HTMLSelectElement>('select[data-action="provider"]');
    expect(m.q(`label[for="${select.id}"]`).textContent).toBe('メールの送信に使っているサービス');
    expect(select.options[0]!.textContent).toBe('MXからは判別できません');
    expect(m.q('.provider-choice .provider-hint').textContent).toBe('MXからはexample.jpのメールを送信しているサービスを判別できません。ここで選んでください。');
    expect([...select.options].map((o) => o.textContent)).toContain('エックスサーバー');
    expect([...select.options].map((o) => o.textContent)).toContain('お名前メール');
  });

  it('choosing a provider asks for a new diagnosis with it', () => {
    const actions = fakeActions();
    const m = show({ view: doneView(wixNoSpf), actions });
    choose(m.q<HTMLSelectElement>('[data-action="provider"]'), 'google-workspace');
    expect(actions.chosen).toEqual([{ providerId: 'google-workspace' }]);
  });

  it('Xserver asks for the server name first, checks it, then asks for the diagnosis with it', async () => {
    const actions = fakeActions();
    const m = show({ view: doneView(wixNoSpf), actions });
    choose(m.q<HTMLSelectElement>('[data-action="provider"]'), 'xserver');
    expect(actions.chosen).toEqual([]);
    const input = m.q<HTMLInputElement>('input[data-action="provider-server"]');
    expect(m.q(`label[for="${input.id}"]`).textContent).toBe('Your server name');
    expect(input.placeholder).toBe('sv1234.xserver.jp');
    expect(m.q('.provider-server .provider-hint').textContent).toContain('sv1234.xserver.jp');

    await click(m.q('[data-action="provider-server-use"]'));
    expect(actions.chosen).toEqual([]);
    expect(m.q('.field-error').textContent).toBe('Enter your server name, for example sv1234.xserver.jp.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(m.q('.field-error').id);

    typeInto(input, 'www1234.sakura.ne.jp');
    await click(m.q('[data-action="provider-server-use"]'));
    expect(m.q('.field-error').textContent).toBe('This is not a server name of this service. Enter it like sv1234.xserver.jp.');
    expect(actions.chosen).toEqual([]);

    typeInto(input, ' SV1234.xserver.jp ');
    await click(m.q('[data-action="provider-server-use"]'));
    expect(actions.chosen).toEqual([{ providerId: 'xserver', providerServer: 'sv1234.xserver.jp' }]);
    expect(m.qa('.field-error')).toHaveLength(0);
  });

  it('shows a restored choice, says it is remembered, and "Detected from MX" clears it', () => {
    const actions = fakeActions();
    const m = show({ view: doneView(wixNoSpf, { providerChoice: { providerId: 'xserver', providerServer: 'sv1234.xserver.jp' } }), actions });
    const select = m.q<HTMLSelectElement>('[data-action="provider"]');
    expect(select.value).toBe('xserver');
    expect(m.q<HTMLInputElement>('[data-action="provider-server"]').value).toBe('sv1234.xserver.jp');
    // The default option still names what MX detection found.
    expect(select.options[0]!.textContent).toBe('Detected from MX: Onamae Mail (お名前メール)');

    m.update({ view: doneView(wixNoSpf, { providerChoice: { providerId: 'google-workspace' } }) });
    expect(select.value).toBe('google-workspace');
    expect(m.q('.provider-choice .provider-hint').textContent).toBe('Remembered for example.jp. To go back to detecting it from MX, choose the first option.');

    choose(select, '');
    expect(actions.chosen).toEqual([null]);
  });

  it('starts the server name from the MX host when MX already names a server of that provider', () => {
    const xserverMx: Diagnosis = {
      ...wixNoSpf,
      mxProviders: [{ id: 'xserver', name: { en: 'Xserver', ja: 'エックスサーバー' }, source: 'mx', mxHost: 'sv777.xserver.jp', spfTerms: ['a:sv777.xserver.jp', 'include:spf.sender.xserver.jp'] }],
    };
    const m = show({ view: doneView(xserverMx) });
    choose(m.q<HTMLSelectElement>('[data-action="provider"]'), 'xserver');
    expect(m.q<HTMLInputElement>('[data-action="provider-server"]').value).toBe('sv777.xserver.jp');
  });

  it('going back to MX detection before a server was given asks for nothing', () => {
    const actions = fakeActions();
    const m = show({ view: doneView(wixNoSpf), actions });
    const select = m.q<HTMLSelectElement>('[data-action="provider"]');
    choose(select, 'sakura');
    expect(m.qa('[data-action="provider-server"]')).toHaveLength(1);
    choose(select, '');
    expect(m.qa('[data-action="provider-server"]')).toHaveLength(0);
    expect(actions.chosen).toEqual([]);
  });

  it('stays usable while the re-check runs, with the last result on screen', () => {
    const m = show({ view: doneView(wixNoSpf, { state: 'checking', progress: ['nameservers'], providerChoice: { providerId: 'google-workspace' } }) });
    const select = m.q<HTMLSelectElement>('[data-action="provider"]');
    expect(select.disabled).toBe(false);
    expect(select.value).toBe('google-workspace');
    expect(m.qa('.rechecking')).toHaveLength(1);
  });
});

describe('no SPF and no provider known', () => {
  it('says where the fix would be that choosing the provider gives the exact record', () => {
    const m = show({ view: doneView(noProvider) });
    const fixes = m.q('.fixes');
    expect(fixes.querySelector('h3')!.textContent).toBe('How to fix it');
    expect(fixes.querySelector('[data-hint="choose-provider"]')!.textContent).toBe('Choose your mail provider above to get the exact record.');
    expect(m.qa('[data-fix]')).toHaveLength(0);
  });

  it('makes the provider select the one primary action, on the first screen', () => {
    const m = show({ view: doneView(noProvider) });
    const primary = m.qa('[data-primary-action]');
    expect(primary.map((el) => el.getAttribute('data-primary-action'))).toEqual(['choose-provider']);
    expect(primary[0]!.closest('details')).toBeNull();
    expect(primary[0]!.closest('.primary-fix')).not.toBeNull();
  });

  it('in Japanese too', () => {
    const m = show({ view: doneView(noProvider), lang: 'ja' });
    expect(m.q('[data-hint="choose-provider"]').textContent).toBe('正確なレコードを表示するには、上でメールの送信に使っているサービスを選んでください。');
  });

  it('is not shown when there is a fix', () => {
    const m = show({ view: doneView(wixNoSpf) });
    expect(m.qa('[data-hint="choose-provider"]')).toHaveLength(0);
    expect(m.qa('[data-fix]')).toHaveLength(1);
  });
});

describe('the control wired to a panel session, as the content script does', () => {
  it('restores the stored choice, and choosing another one re-diagnoses with it and remembers it', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ 'provider:example.jp': { providerId: 'xserver', providerServer: 'sv1234.xserver.jp' } });
    const ports: FakePort[] = [];
    const panel = fakePanel('wix', [{ host: 'example.jp', type: 'MX', ttl: 3600, value: 'mail1042.onamae.ne.jp', priority: 10 }], document);
    const actions = fakeActions();
    // The session re-renders the overlay it feeds, once that is mounted below.
    let m: Mounted | undefined;
    const session = new PanelSession({
      adapter: panel.adapter,
      doc: document,
      getUrl: () => 'https://manage.wix.com/dashboard/x/domains/dns-records',
      connect: () => {
        const port = new FakePort();
        ports.push(port);
        return port;
      },
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      now: () => Date.now(),
      recheckSeconds: () => 60,
      onUpdate: (view) => m?.update({ view }),
      choices: await loadStoredChoices(fakeBrowser.storage.local as unknown as ChoiceStorageArea),
    });
    actions.chooseProvider = (choice) => session.chooseProvider(choice);
    try {
      session.refresh();
      const request = (port: FakePort) => port.posted[0] as { force: boolean; snapshot: { providerId?: string; providerServer?: string } };
      expect(request(ports[0]!).snapshot).toMatchObject({ providerId: 'xserver', providerServer: 'sv1234.xserver.jp' });
      m = show({ view: session.view, actions });
      act(() => ports[0]!.receive({ kind: 'result', diagnosis: wixNoSpf, cached: false }));
      const select = m.q<HTMLSelectElement>('[data-action="provider"]');
      expect(select.value).toBe('xserver');
      expect(m.q<HTMLInputElement>('[data-action="provider-server"]').value).toBe('sv1234.xserver.jp');

      choose(select, 'google-workspace');
      expect(ports).toHaveLength(2);
      expect(request(ports[1]!)).toMatchObject({ force: true, snapshot: { providerId: 'google-workspace' } });
      expect(request(ports[1]!).snapshot.providerServer).toBeUndefined();
      expect(m.qa('.rechecking')).toHaveLength(1);
      await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('provider:example.jp'))['provider:example.jp']).toEqual({ providerId: 'google-workspace' }));
    } finally {
      session.dispose();
    }
  });
});
