// Reads the real saved お名前.com Navi page (a third-party capture kept outside the repository).
// The capture is a serialized DOM: inputs carry Angular's dev-mode ng-reflect-model attribute, not
// their value. The test hydrates it as Angular would (value property from ng-reflect-model), then
// reads it exactly as the live page is read. Expected rows come from an independent parse of the
// raw HTML text, plus the counts and examples documented in the captures' README.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { onamaeAdapter } from '../../../lib/panels/onamae';
import type { PanelRecord } from '../../../lib/panels/types';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const captures = resolve(repoRoot, '../shared/captures/onamae');
const capturePath = resolve(captures, 'dns-control-input.whole-dom.html');
const URL_INPUT = 'https://navi.onamae.com/domain/setting/dns/control/input';

let windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
  windows = [];
});

/** The capture in a window (no scripts run), hydrated the way Angular sets its inputs. */
function loadCapture(): Document {
  const window = new Window({ url: URL_INPUT });
  windows.push(window);
  window.document.write(readFileSync(capturePath, 'utf8'));
  const doc = window.document as unknown as Document;
  for (const el of doc.querySelectorAll('input[ng-reflect-model], select[ng-reflect-model], textarea[ng-reflect-model]')) {
    const model = el.getAttribute('ng-reflect-model')!;
    if ((el as HTMLInputElement).type === 'checkbox') (el as HTMLInputElement).checked = model === 'true';
    else (el as HTMLInputElement).value = model;
  }
  return doc;
}

interface Row {
  host: string;
  type: string;
  ttl: number | null;
  value: string;
}

/** An independent reading of the raw text: the 登録済 pane's rows, by regular expressions. */
function rowsFromRawHtml(html: string): Row[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const pane = withoutComments.slice(withoutComments.indexOf('id="tabId2-1"'), withoutComments.indexOf('id="tabId2-2"'));
  const text = (cell: string): string => cell.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  const models = (cell: string): string[] => [...cell.matchAll(/ng-reflect-model="([^"]*)"/g)].map((m) => m[1]!);
  const rows: Row[] = [];
  for (const [, body] of pane.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
    const cells = [...body!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
    if (cells.length < 7) continue;
    const ttl = models(cells[2]!)[0] ?? text(cells[2]!);
    const value = models(cells[3]!);
    rows.push({ host: text(cells[0]!), type: text(cells[1]!), ttl: Number(ttl), value: value.length > 0 ? value.join('.') : text(cells[3]!) });
  }
  return rows;
}

function rowsOf(records: PanelRecord[]): Row[] {
  return records.map(({ host, type, ttl, value }) => ({ host, type, ttl, value }));
}

describe.skipIf(!existsSync(capturePath))('お名前.com: the real captured input page', () => {
  it('detects the page and reads the domain and all 56 rows of 登録済', () => {
    const doc = loadCapture();
    expect(onamaeAdapter.detect(URL_INPUT, doc)).toBe(true);
    const read = onamaeAdapter.read(doc);
    expect(read.domain).toBe('moukaeritai.work');
    expect(read.problems).toEqual([]);
    expect(read.pending).toEqual([]);
    expect(read.nsDnsvFlg).toBe(true);

    const expected = rowsFromRawHtml(readFileSync(capturePath, 'utf8'));
    expect(expected).toHaveLength(56);
    expect(rowsOf(read.records)).toEqual(expected);

    const counts: Record<string, number> = {};
    for (const record of read.records) counts[record.type] = (counts[record.type] ?? 0) + 1;
    expect(counts).toEqual({ NS: 4, A: 24, CNAME: 17, MX: 5, TXT: 4, AAAA: 2 });
  });

  it('reads the details the README describes', () => {
    const records = onamaeAdapter.read(loadCapture()).records;
    const find = (type: string, value: string): PanelRecord | undefined => records.find((x) => x.type === type && x.value === value);
    expect(records.filter((x) => x.type === 'NS').map((x) => [x.host, x.ttl, x.value, x.readOnly])).toEqual(
      ['01', '02', '03', '04'].map((n) => ['moukaeritai.work', 86400, `${n}.dnsv.jp`, true]),
    );
    expect(find('A', '66.241.124.171')).toMatchObject({ host: 'moukaeritai.work', ttl: 600, status: 'enabled' });
    expect(find('AAAA', '2a09:8280:1::bc:8ef5:0')).toMatchObject({ host: 'moukaeritai.work' });
    expect(find('CNAME', 'takashisasaki.github.io')).toMatchObject({ host: '*.moukaeritai.work' });
    expect(find('MX', 'alt1.aspmx.l.google.com.')).toMatchObject({ host: 'moukaeritai.work', priority: 5 });
    // ng-reflect-model is cut at 30 characters, so the hydrated value is too.
    expect(find('TXT', 'openai-domain-verification=dv-')).toMatchObject({ host: 'moukaeritai.work' });
    for (const record of records) {
      expect(record.row.tagName).toBe('TR');
      if (record.type === 'A') expect(record.value).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
      if (record.type === 'MX') expect(record.priority).toEqual(expect.any(Number));
    }
  });

  it('fills the real add row, given a minimal stand-in for Angular\'s tab switch and TYPE re-render', async () => {
    const doc = loadCapture();
    // What Angular would do on the page: show the clicked tab's pane; re-render VALUE for TXT.
    const tabs = Array.from(doc.querySelectorAll('.nav-Tab-List a'));
    const panes = Array.from(doc.querySelectorAll('.nav-Tab-Content-Pane'));
    tabs.forEach((tab, i) =>
      tab.addEventListener('click', () => panes.forEach((pane, k) => pane.classList.toggle('is-Show', k === i))),
    );
    for (const select of doc.querySelectorAll('select[name="dnsTypeInput"]')) {
      select.addEventListener('change', () => {
        const valueCell = select.closest('tr')!.children[3]!;
        const input = doc.createElement('input');
        input.type = 'text';
        input.className = 'form-Text is-FullWidth';
        valueCell.replaceChildren(input);
      });
    }

    const spf = 'v=spf1 include:_spf.onamae.ne.jp ~all';
    const result = await onamaeAdapter.fill(doc, { action: 'add', type: 'TXT', name: 'moukaeritai.work', value: spf }, { timeoutMs: 500 });
    expect(result).toEqual({
      ok: true,
      filled: { host: '', type: 'TXT', value: spf, ttl: '3600' },
      problems: [],
      nextStep: 'add-then-confirm',
      saveLabel: '追加',
      confirmLabel: '確認画面へ進む',
    });
    // The visible pane's copy was filled, not the hidden one in 外部サービス連携.
    const shown = doc.querySelector('#tabId2-2')!;
    expect(shown.classList.contains('is-Show')).toBe(true);
    expect((shown.querySelector('select[name="dnsTypeInput"]') as HTMLSelectElement).value).toBe('50');
    expect((doc.querySelector('#tabId2-3 select[name="dnsTypeInput"]') as HTMLSelectElement).value).toBe('20');
    expect((doc.querySelector('input[name="nsDnsvFlg"]') as HTMLInputElement).checked).toBe(true);
  });
});
