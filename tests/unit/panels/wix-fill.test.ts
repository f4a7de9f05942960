import { describe, expect, it } from 'vitest';
import { setNativeValue } from '../../../lib/panels/dom';
import type { PanelFix } from '../../../lib/panels/types';
import { wixAdapter } from '../../../lib/panels/wix';
import type { LoadedFixture } from '../../fixtures/load';
import { each, plain, r, fixtureLoader } from './helpers';
import { render } from '../../../lib/i18n';
import { problemMessage } from '../../../lib/panels/problems';

const SPF_ONAMAE = 'v=spf1 include:_spf.onamae.ne.jp ~all';
const SPF_GOOGLE = 'v=spf1 include:_spf.google.com ~all';
const SPF_MERGED = 'v=spf1 include:_spf.google.com include:_spf.onamae.ne.jp ~all';
const ADD_SPF: PanelFix = { action: 'add', type: 'TXT', name: 'example.jp', value: SPF_ONAMAE };

interface Draft {
  host: string;
  value: string;
  priority: string;
  ttl: number;
}
interface WixFixtureState {
  editing(): { type: string; recordId: number | null; draft: Draft } | null;
}

const load = fixtureLoader('wix');

function state(fixture: LoadedFixture): WixFixtureState {
  return (fixture.window as unknown as { __wixFixture: WixFixtureState }).__wixFixture;
}

function editRow(fixture: LoadedFixture): HTMLTableRowElement {
  return fixture.document.querySelector('tr[data-table-row="edit"]') as HTMLTableRowElement;
}

/** What the user does after a fill: press the panel's own Save, then wait for the re-render. */
async function pressSave(fixture: LoadedFixture, label: string): Promise<void> {
  const save = Array.from(editRow(fixture).querySelectorAll('button')).find((b) => b.textContent === label)!;
  save.click();
  await fixture.settle();
}

describe('Wix: adding a TXT record', () => {
  it('opens the TXT section\'s add row and fills it; the page model follows; nothing is saved', async () => {
    const fixture = await load();
    const result = await wixAdapter.fill(fixture.document, ADD_SPF);
    expect(result).toEqual({
      ok: true,
      filled: { host: '', type: 'TXT', value: SPF_ONAMAE, ttl: '1 Hour' },
      problems: [],
      nextStep: 'save',
      saveLabel: 'Save',
    });
    // The exact form state: in the TXT section, host empty (apex), the value, TTL left at 1 Hour.
    const row = editRow(fixture);
    expect(row.closest('section')!.querySelector('h3')!.textContent).toBe('TXT (Text)');
    expect((row.querySelector('input[aria-label="Host Name"]') as HTMLInputElement).value).toBe('');
    expect((row.querySelector('textarea') as HTMLTextAreaElement).value).toBe(SPF_ONAMAE);
    expect((row.querySelector('select') as HTMLSelectElement).value).toBe('3600');
    // React's state saw the change (a plain value assignment would not reach it).
    expect(state(fixture).editing()).toMatchObject({ type: 'TXT', recordId: null, draft: { host: '', value: SPF_ONAMAE, ttl: 3600 } });
    expect(fixture.log()).toEqual(['add-row:TXT']);
    // The open row is pending, not a record yet.
    const read = wixAdapter.read(fixture.document);
    expect(plain(read.pending)).toEqual([r('example.jp', 'TXT', 3600, SPF_ONAMAE, { pending: true })]);
    expect(read.records.filter((x) => x.value === SPF_ONAMAE)).toEqual([]);
  });

  it('what the user then saves is what was filled', async () => {
    const fixture = await load();
    await wixAdapter.fill(fixture.document, ADD_SPF);
    await pressSave(fixture, 'Save');
    expect(fixture.log()).toEqual(['add-row:TXT', 'save']);
    const txt = plain(wixAdapter.read(fixture.document).records).filter((x) => x.type === 'TXT');
    expect(txt.map((x) => x.value)).toEqual([expect.stringMatching(/^google-site-verification=/), SPF_ONAMAE]);
    expect(wixAdapter.read(fixture.document).pending).toEqual([]);
  });

  it('works in the Japanese UI, with a chosen TTL', async () => {
    const fixture = await load({ lang: 'ja' });
    const result = await wixAdapter.fill(fixture.document, { ...ADD_SPF, ttl: 1800 });
    expect(result).toEqual({
      ok: true,
      filled: { host: '', type: 'TXT', value: SPF_ONAMAE, ttl: '30分' },
      problems: [],
      nextStep: 'save',
      saveLabel: '保存',
    });
    expect((editRow(fixture).querySelector('select') as HTMLSelectElement).value).toBe('1800');
    expect(state(fixture).editing()?.draft.ttl).toBe(1800);
  });

  it('fills a subdomain TXT with its relative host name', async () => {
    const fixture = await load();
    const result = await wixAdapter.fill(fixture.document, { action: 'add', type: 'TXT', name: '_dmarc.example.jp', value: 'v=DMARC1; p=none' });
    expect(result.ok).toBe(true);
    expect(result.filled.host).toBe('_dmarc');
    expect(state(fixture).editing()?.draft).toMatchObject({ host: '_dmarc', value: 'v=DMARC1; p=none' });
  });

  it('works without data-hooks (labels) and with a custom TTL dropdown', async () => {
    const fixture = await load({ variant: ['no-hooks', 'wds-dropdown'] });
    const result = await wixAdapter.fill(fixture.document, { ...ADD_SPF, ttl: 86400 });
    expect(result).toMatchObject({ ok: true, filled: { host: '', value: SPF_ONAMAE, ttl: '1 Day' }, problems: [] });
    expect(state(fixture).editing()?.draft).toMatchObject({ value: SPF_ONAMAE, ttl: 86400 });
    expect((editRow(fixture).querySelector('[role="combobox"]') as HTMLInputElement).value).toBe('1 Day');
  });

  it('adds an MX with its priority', async () => {
    const fixture = await load({ variant: 'no-mx' });
    const result = await wixAdapter.fill(fixture.document, { action: 'add', type: 'MX', name: 'example.jp', value: 'mail1042.onamae.ne.jp', priority: 10 });
    expect(result).toEqual({
      ok: true,
      filled: { host: '', type: 'MX', value: 'mail1042.onamae.ne.jp', ttl: '1 Hour', priority: '10' },
      problems: [],
      nextStep: 'save',
      saveLabel: 'Save',
    });
    await pressSave(fixture, 'Save');
    expect(plain(wixAdapter.read(fixture.document).records).filter((x) => x.type === 'MX')).toEqual([
      r('example.jp', 'MX', 3600, 'mail1042.onamae.ne.jp', { priority: 10 }),
    ]);
  });

  it('refuses a second v=spf1 record: a merge must edit', async () => {
    const fixture = await load({ variant: 'spf-no-provider' });
    const result = await wixAdapter.fill(fixture.document, ADD_SPF);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['SPF_ALREADY_PRESENT']);
    expect(fixture.log()).toEqual([]);
    expect(editRow(fixture)).toBeNull();
  });

  it('refuses a name outside the panel\'s domain', async () => {
    const fixture = await load();
    const result = await wixAdapter.fill(fixture.document, { ...ADD_SPF, name: 'example.com' });
    expect(result.problems.map((p) => p.code)).toEqual(['NAME_OUTSIDE_DOMAIN']);
    expect(fixture.log()).toEqual([]);
  });
});

describe('Wix: editing the SPF row (merge)', () => {
  it('opens the row\'s Edit action and changes only its value', async () => {
    const fixture = await load({ variant: 'spf-no-provider' });
    const result = await wixAdapter.fill(fixture.document, { action: 'edit', type: 'TXT', name: 'example.jp', value: SPF_MERGED, replaces: SPF_GOOGLE });
    expect(result).toEqual({
      ok: true,
      filled: { host: '@', type: 'TXT', value: SPF_MERGED, ttl: '1 Hour' },
      problems: [],
      nextStep: 'save',
      saveLabel: 'Save',
    });
    const editing = state(fixture).editing()!;
    expect(editing.recordId).not.toBeNull();
    expect(editing.draft).toMatchObject({ host: '@', value: SPF_MERGED });
    expect(fixture.log()).toEqual([expect.stringMatching(/^edit:\d+$/)]);

    await pressSave(fixture, 'Save');
    const spf = plain(wixAdapter.read(fixture.document).records).filter((x) => x.value.startsWith('v=spf1'));
    expect(spf).toEqual([r('example.jp', 'TXT', 3600, SPF_MERGED)]);
  });

  it('with two v=spf1 rows, asks which one unless told', async () => {
    const fixture = await load({ variant: 'spf-double' });
    const ambiguous = await wixAdapter.fill(fixture.document, { action: 'edit', type: 'TXT', name: 'example.jp', value: SPF_MERGED });
    expect(ambiguous.problems.map((p) => p.code)).toEqual(['ROW_AMBIGUOUS']);
    expect(fixture.log()).toEqual([]);

    const chosen = await wixAdapter.fill(fixture.document, { action: 'edit', type: 'TXT', name: 'example.jp', value: SPF_MERGED, replaces: SPF_ONAMAE });
    expect(chosen.ok).toBe(true);
    expect(plain(wixAdapter.read(fixture.document).pending)).toEqual([r('example.jp', 'TXT', 3600, SPF_MERGED, { pending: true })]);
  });

  it('reports a row that is not there', async () => {
    const fixture = await load();
    const result = await wixAdapter.fill(fixture.document, { action: 'edit', type: 'TXT', name: 'example.jp', value: SPF_MERGED, replaces: SPF_GOOGLE });
    expect(result.problems.map((p) => p.code)).toEqual(['ROW_NOT_FOUND']);
  });

  it('edits in the Japanese UI without hooks', async () => {
    const fixture = await load({ variant: ['spf-no-provider', 'no-hooks'], lang: 'ja' });
    const result = await wixAdapter.fill(fixture.document, { action: 'edit', type: 'TXT', name: 'example.jp', value: SPF_MERGED, replaces: SPF_GOOGLE });
    expect(result).toMatchObject({ ok: true, filled: { value: SPF_MERGED, ttl: '1時間' }, saveLabel: '保存' });
  });
});

describe('Wix: the fixture behaves like React, so the native setter matters', () => {
  it('ignores a plain value assignment but takes the native setter', async () => {
    const fixture = await load();
    (fixture.document.querySelector('[data-hook="dns-records--section-txt"] [data-hook="dns-records--add-record-button"]') as HTMLElement).click();
    await fixture.settle();
    const textarea = editRow(fixture).querySelector('textarea')!;

    textarea.value = 'typed the naive way';
    textarea.dispatchEvent(new fixture.window.Event('input', { bubbles: true }) as unknown as Event);
    expect(state(fixture).editing()?.draft.value).toBe('');

    setNativeValue(textarea, SPF_ONAMAE);
    expect(state(fixture).editing()?.draft.value).toBe(SPF_ONAMAE);
  });
});

describe('Wix: a changed page yields a report, never an exception', () => {
  it('no tables: the add form does not appear', async () => {
    const fixture = await load();
    each(fixture.document, 'table', (t) => t.remove());
    const result = await wixAdapter.fill(fixture.document, ADD_SPF, { timeoutMs: 200 });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['ADD_FORM_NOT_FOUND']);
    expect(render('en', problemMessage(result.problems[0]!))).toBe('TXT add form not found');
  });

  it('no add buttons anywhere', async () => {
    const fixture = await load();
    each(fixture.document, '[data-hook="dns-records--add-record-button"]', (b) => b.remove());
    const result = await wixAdapter.fill(fixture.document, ADD_SPF, { timeoutMs: 200 });
    expect(result.problems.map((p) => p.code)).toEqual(['ADD_FORM_NOT_FOUND']);
    expect(fixture.log()).toEqual([]);
  });
});
