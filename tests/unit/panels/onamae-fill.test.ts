import { describe, expect, it } from 'vitest';
import { onamaeAdapter } from '../../../lib/panels/onamae';
import type { PanelFix } from '../../../lib/panels/types';
import type { LoadedFixture } from '../../fixtures/load';
import { each, plain, r, fixtureLoader } from './helpers';
import { render } from '../../../lib/i18n';
import { problemMessage } from '../../../lib/panels/problems';

const SPF_ONAMAE = 'v=spf1 include:_spf.onamae.ne.jp ~all';
const SPF_MERGED = 'v=spf1 include:_spf.onamae.ne.jp include:_spf.google.com ~all';
const ADD_SPF: PanelFix = { action: 'add', type: 'TXT', name: 'example.jp', value: SPF_ONAMAE };

interface AddModel {
  host: string;
  type: string;
  ttl: string;
  ip: string[];
  value: string;
  priority: string;
  status: string;
}
interface OnamaeFixtureState {
  addModel(): AddModel;
  registered: { type: string; value: string; ttl: string }[];
  queue: unknown[];
}

const load = fixtureLoader('onamae');

function state(fixture: LoadedFixture): OnamaeFixtureState {
  return (fixture.window as unknown as { __onamaeFixture: OnamaeFixtureState }).__onamaeFixture;
}

/** The add row of the visible pane, cell by cell. */
function addRowState(fixture: LoadedFixture): { pane: string; host: string; type: string; ttl: string; values: string[]; priority: string[]; status: string } {
  const pane = fixture.document.querySelector('.nav-Tab-Content-Pane.is-Show')!;
  const row = pane.querySelector('input[name="hostNameInput"]')!.closest('tr')!;
  const cells = Array.from(row.children);
  const inputs = (i: number): string[] => Array.from(cells[i]!.querySelectorAll('input')).map((el) => (el as HTMLInputElement).value);
  return {
    pane: pane.id,
    host: inputs(0)[0]!,
    type: (cells[1]!.querySelector('select') as HTMLSelectElement).value,
    ttl: inputs(2)[0]!,
    values: inputs(3),
    priority: inputs(4),
    status: (cells[5]!.querySelector('select') as HTMLSelectElement).value,
  };
}

describe('お名前.com: adding a TXT record', () => {
  it('opens レコード追加, selects TXT first, fills the 入力 row; the page model follows; nothing is pressed', async () => {
    const fixture = await load();
    const result = await onamaeAdapter.fill(fixture.document, ADD_SPF);
    expect(result).toEqual({
      ok: true,
      filled: { host: '', type: 'TXT', value: SPF_ONAMAE, ttl: '3600' },
      problems: [],
      nextStep: 'add-then-confirm',
      saveLabel: '追加',
      confirmLabel: '確認画面へ進む',
    });
    expect(addRowState(fixture)).toEqual({ pane: 'tabId2-2', host: '', type: '50', ttl: '3600', values: [SPF_ONAMAE], priority: [], status: '1' });
    expect(state(fixture).addModel()).toMatchObject({ host: '', type: '50', ttl: '3600', value: SPF_ONAMAE, status: '1' });
    expect(fixture.log()).toEqual(['tab:1']);
    expect((fixture.document.querySelector('input[name="nsDnsvFlg"]') as HTMLInputElement).checked).toBe(true);
    expect(onamaeAdapter.read(fixture.document).pending).toEqual([]);
  });

  it('with queue: presses 追加 (which only queues), and the row shows in the 追加 list', async () => {
    const fixture = await load();
    const result = await onamaeAdapter.fill(fixture.document, ADD_SPF, { queue: true });
    expect(result).toEqual({
      ok: true,
      filled: { host: '', type: 'TXT', value: SPF_ONAMAE, ttl: '3600' },
      problems: [],
      nextStep: 'save',
      saveLabel: '確認画面へ進む',
    });
    expect(fixture.log()).toEqual(['tab:1', 'add']);
    const read = onamaeAdapter.read(fixture.document);
    expect(plain(read.pending)).toEqual([r('example.jp', 'TXT', 3600, SPF_ONAMAE, { status: 'enabled', pending: true })]);
    expect(read.pending[0]!.row.closest('#tabId2-2')).not.toBeNull();
    // The form was reset by the page, as after a real 追加.
    expect(addRowState(fixture)).toMatchObject({ type: '20', values: ['', '', '', ''] });
  });

  it('uses the already visible pane with TXT selected, and a chosen TTL', async () => {
    const fixture = await load({ variant: ['tab-add', 'txt-selected', 'ng-reflect'] });
    const result = await onamaeAdapter.fill(fixture.document, { ...ADD_SPF, name: 'mail.example.jp', ttl: 600 });
    expect(result).toMatchObject({ ok: true, filled: { host: 'mail', value: SPF_ONAMAE, ttl: '600' } });
    expect(fixture.log()).toEqual([]);
    expect(state(fixture).addModel()).toMatchObject({ host: 'mail', type: '50', ttl: '600', value: SPF_ONAMAE });
  });

  it('adds an A record into the four octet boxes', async () => {
    const fixture = await load();
    const result = await onamaeAdapter.fill(fixture.document, { action: 'add', type: 'A', name: 'www.example.jp', value: '192.0.2.10' }, { queue: true });
    expect(result).toMatchObject({ ok: true, filled: { host: 'www', type: 'A', value: '192.0.2.10' } });
    expect(plain(onamaeAdapter.read(fixture.document).pending)).toEqual([r('www.example.jp', 'A', 3600, '192.0.2.10', { status: 'enabled', pending: true })]);
  });

  it('adds an MX with 優先 once the row has re-rendered for MX', async () => {
    const fixture = await load();
    const fix: PanelFix = { action: 'add', type: 'MX', name: 'example.jp', value: 'mail1042.onamae.ne.jp', priority: 10 };
    const result = await onamaeAdapter.fill(fixture.document, fix);
    expect(result).toEqual({
      ok: true,
      filled: { host: '', type: 'MX', value: 'mail1042.onamae.ne.jp', ttl: '3600', priority: '10' },
      problems: [],
      nextStep: 'add-then-confirm',
      saveLabel: '追加',
      confirmLabel: '確認画面へ進む',
    });
    expect(addRowState(fixture)).toMatchObject({ type: '40', values: ['mail1042.onamae.ne.jp'], priority: ['10'] });
  });

  it('reports the panel\'s own error when 追加 refuses the row', async () => {
    const fixture = await load();
    const result = await onamaeAdapter.fill(fixture.document, { action: 'add', type: 'MX', name: 'example.jp', value: 'mx.example.net' }, { queue: true });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, render('en', problemMessage(p))])).toEqual([['PANEL_ERROR', 'the panel showed an error: 優先を入力してください。']]);
    expect(fixture.log()).toEqual(['tab:1', 'add-rejected']);
  });

  it('refuses a second v=spf1, saved or queued', async () => {
    const saved = await load({ variant: 'spf' });
    expect((await onamaeAdapter.fill(saved.document, ADD_SPF)).problems.map((p) => p.code)).toEqual(['SPF_ALREADY_PRESENT']);
    expect(saved.log()).toEqual([]);

    const queued = await load();
    await onamaeAdapter.fill(queued.document, ADD_SPF, { queue: true });
    expect((await onamaeAdapter.fill(queued.document, ADD_SPF)).problems.map((p) => p.code)).toEqual(['SPF_ALREADY_PRESENT']);
  });

  it('refuses a TXT value over 255 characters, touching nothing', async () => {
    const fixture = await load();
    const result = await onamaeAdapter.fill(fixture.document, { ...ADD_SPF, value: `v=spf1 ${'include:a.example '.repeat(15)}~all` });
    expect(result.problems.map((p) => p.code)).toEqual(['VALUE_TOO_LONG']);
    expect(fixture.log()).toEqual([]);
    expect(state(fixture).addModel().type).toBe('20');
  });

  it('never touches nsDnsvFlg, ticked or not', async () => {
    const fixture = await load({ variant: 'ns-unchecked' });
    await onamaeAdapter.fill(fixture.document, ADD_SPF, { queue: true });
    expect((fixture.document.querySelector('input[name="nsDnsvFlg"]') as HTMLInputElement).checked).toBe(false);
    expect(onamaeAdapter.read(fixture.document).nsDnsvFlg).toBe(false);
    expect(fixture.log().some((entry) => entry.startsWith('nsDnsvFlg'))).toBe(false);
  });
});

describe('お名前.com: editing the SPF row (merge)', () => {
  it('changes the 登録済 row\'s VALUE in place and points at 確認画面へ進む', async () => {
    const fixture = await load({ variant: ['spf', 'tab-add'] });
    const result = await onamaeAdapter.fill(fixture.document, { action: 'edit', type: 'TXT', name: 'example.jp', value: SPF_MERGED, replaces: SPF_ONAMAE });
    expect(result).toEqual({
      ok: true,
      filled: { host: '', type: 'TXT', value: SPF_MERGED, ttl: '3600' },
      problems: [],
      nextStep: 'save',
      saveLabel: '確認画面へ進む',
    });
    // The 登録済 tab was brought forward so the user sees the change.
    expect(fixture.document.querySelector('#tabId2-1')!.classList.contains('is-Show')).toBe(true);
    expect(state(fixture).registered.filter((x) => x.type === 'TXT').map((x) => x.value)).toEqual([
      expect.stringMatching(/^google-site-verification=/),
      SPF_MERGED,
    ]);
    const spf = plain(onamaeAdapter.read(fixture.document).records).filter((x) => x.value.startsWith('v=spf1'));
    expect(spf).toEqual([r('example.jp', 'TXT', 3600, SPF_MERGED, { status: 'enabled' })]);
    expect(fixture.log()).toEqual(['tab:0']);
  });

  it('does not edit read-only NS rows', async () => {
    const fixture = await load();
    const result = await onamaeAdapter.fill(fixture.document, { action: 'edit', type: 'A', name: 'example.jp', value: '192.0.2.1', replaces: '185.230.63.107' });
    expect(result.ok).toBe(true);
    const ns = await onamaeAdapter.fill(fixture.document, { action: 'edit', type: 'A', name: 'example.jp', value: '192.0.2.1', replaces: '01.dnsv.jp' });
    expect(ns.problems.map((p) => p.code)).toEqual(['ROW_NOT_FOUND']);
  });
});

describe('お名前.com: a changed page', () => {
  it('add row without name= attributes: TYPE, ホスト名, TTL and VALUE by column position', async () => {
    const fixture = await load({ variant: 'tab-add' });
    each(fixture.document, '#tabId2-2 [name], #tabId2-3 [name]', (el) => el.removeAttribute('name'));
    const result = await onamaeAdapter.fill(fixture.document, { ...ADD_SPF, name: 'www.example.jp' });
    expect(result).toMatchObject({ ok: true, filled: { host: 'www', type: 'TXT', value: SPF_ONAMAE } });
    expect(state(fixture).addModel()).toMatchObject({ host: 'www', type: '50', value: SPF_ONAMAE });
  });

  it('no add form: a clear report', async () => {
    const fixture = await load();
    each(fixture.document, '#tabId2-2 table, #tabId2-3 table', (t) => t.remove());
    const result = await onamaeAdapter.fill(fixture.document, ADD_SPF, { timeoutMs: 200 });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, render('ja', problemMessage(p))])).toEqual([['ADD_FORM_NOT_FOUND', 'TXTレコードの追加フォームが見つかりません']]);
  });
});
