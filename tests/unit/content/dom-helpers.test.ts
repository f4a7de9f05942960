// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findButtonByLabel } from '../../../lib/content/buttons';
import { toPanelFix } from '../../../lib/content/fix';
import { formatDuration } from '../../../lib/content/format';
import { applyHostAttributes } from '../../../lib/content/host';
import { wixNoSpf } from '../../fixtures/diagnoses/wix-seed';
import { wixSpfMerge } from '../../fixtures/diagnoses/wix-merge';
import { loadFixture } from '../../fixtures/load';
import type { LoadedFixture } from '../../fixtures/load';

describe('findButtonByLabel', () => {
  afterEach(() => document.body.replaceChildren());

  it('finds the visible button by its whitespace-normalised label, ignoring hidden ones and our UI', () => {
    document.body.innerHTML = `
      <div hidden><button id="hidden">Save</button></div>
      <div style="display:none"><button id="none">Save</button></div>
      <div data-spf-doctor><button id="ours">Save</button></div>
      <button id="other">Cancel</button>
      <button id="save">  Save
      </button>`;
    expect(findButtonByLabel(document, 'Save')?.id).toBe('save');
    expect(findButtonByLabel(document, '保存')).toBeNull();
    expect(findButtonByLabel(document, '')).toBeNull();
  });

  it('with several, picks the one nearest the row that was filled', () => {
    document.body.innerHTML = `
      <section id="a"><table><tr id="row-a"><td></td></tr></table><button id="save-a">Save</button></section>
      <section id="b"><table><tr id="row-b"><td></td></tr></table><button id="save-b">Save</button></section>`;
    expect(findButtonByLabel(document, 'Save', document.getElementById('row-b'))?.id).toBe('save-b');
    expect(findButtonByLabel(document, 'Save', document.getElementById('row-a'))?.id).toBe('save-a');
  });

  it('reads submit inputs by their value', () => {
    document.body.innerHTML = `<input type="submit" id="go" value="確認画面へ進む">`;
    expect(findButtonByLabel(document, '確認画面へ進む')?.id).toBe('go');
  });
});

describe('findButtonByLabel on the お名前.com fixture', () => {
  let fixture: LoadedFixture | undefined;
  afterEach(async () => fixture?.close());

  it('finds 確認画面へ進む, and 追加 only in the tab that is shown', async () => {
    fixture = await loadFixture('onamae');
    const doc = fixture.document;
    expect(findButtonByLabel(doc, '確認画面へ進む')?.getAttribute('type')).toBe('submit');
    // The 登録済レコード tab is shown first: both copies of the input row (and their 追加) are hidden.
    expect(findButtonByLabel(doc, '追加')).toBeNull();
    const tab = [...doc.querySelectorAll('a')].find((a) => a.textContent === 'レコード追加')!;
    (tab as HTMLElement).click();
    const add = findButtonByLabel(doc, '追加');
    expect(add?.tagName).toBe('BUTTON');
    expect(add!.closest('.nav-Tab-Content-Pane')!.id).toBe('tabId2-2');
  });
});

describe('toPanelFix', () => {
  it('turns the seed fix into an add of the apex TXT', () => {
    expect(toPanelFix(wixNoSpf.fixes[0]!)).toEqual({ action: 'add', type: 'TXT', name: 'example.jp', value: 'v=spf1 include:_spf.onamae.ne.jp ~all', ttl: 3600 });
  });

  it('keeps what an edit replaces', () => {
    expect(toPanelFix(wixSpfMerge.fixes[0]!)).toEqual({
      action: 'edit',
      type: 'TXT',
      name: 'example.jp',
      value: 'v=spf1 include:_spf.google.com include:_spf.onamae.ne.jp ~all',
      ttl: 3600,
      replaces: 'v=spf1 include:_spf.google.com ~all',
    });
  });
});

describe('formatDuration', () => {
  it.each([
    [30, 'en', '1 min'],
    [300, 'en', '5 min'],
    [3600, 'en', '60 min'],
    [7200, 'en', '2 h'],
    [5400 * 2, 'en', '3 h'],
  ] as const)('%i s in %s is %s', (seconds, lang, text) => {
    expect(formatDuration(lang, seconds)).toBe(text);
  });

  it('says so when the estimate is unknown', () => {
    expect(formatDuration('en', undefined)).toMatch(/72 h/);
    expect(formatDuration('ja', undefined)).not.toBe(formatDuration('en', undefined));
  });
});

describe('applyHostAttributes', () => {
  it('writes the test contract onto the shadow host', () => {
    const host = document.createElement('spf-doctor-overlay');
    applyHostAttributes(host, { state: 'checking', provider: 'onamae', domain: 'example.jp', recordCount: 8 });
    expect(host.getAttribute('data-state')).toBe('checking');
    expect(host.getAttribute('data-provider')).toBe('onamae');
    expect(host.getAttribute('data-domain')).toBe('example.jp');
    expect(host.getAttribute('data-record-count')).toBe('8');
    expect(host.hasAttribute('data-spf-doctor')).toBe(true);
    applyHostAttributes(host, { state: 'done', provider: 'onamae', domain: null, recordCount: 0 });
    expect(host.getAttribute('data-state')).toBe('done');
    expect(host.getAttribute('data-domain')).toBe('');
  });
});
