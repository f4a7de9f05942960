// Wix layouts the fixture does not have, built here in a few lines each: the adapter must not be
// tuned to one page. A single table with a Type column and an "Add Record" dialog asking for the
// type; a section whose add form is an inline block of divs; FQDN host names; a pencil Edit button.

import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { wixAdapter } from '../../../lib/panels/wix';
import { plain, r } from './helpers';

const URL_WIX = 'https://manage.wix.com/account/domains/example.jp/dns';
let windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
  windows = [];
});

function page(html: string): Document {
  const window = new Window({ url: URL_WIX });
  windows.push(window);
  window.document.write(`<!DOCTYPE html><html lang="en"><body>${html}</body></html>`);
  return window.document as unknown as Document;
}

/** Stands in for the app: `trigger` clicked → `render()` appended to the body (a portal). */
function onClick(doc: Document, selector: string, render: () => string): void {
  doc.querySelector(selector)!.addEventListener('click', () => {
    const holder = doc.createElement('div');
    holder.innerHTML = render();
    doc.body.appendChild(holder);
  });
}

describe('Wix layouts beyond the fixture', () => {
  it('one table with a Type column, FQDN hosts; Add Record opens a dialog that asks for the type', async () => {
    const doc = page(`
      <h1>DNS Records</h1>
      <table><thead><tr><th>Type</th><th>Host</th><th>Value</th><th>TTL</th><th></th></tr></thead><tbody>
        <tr><td>A</td><td>example.jp</td><td>185.230.63.107</td><td>1 Hour</td><td><button aria-label="Edit">✎</button></td></tr>
        <tr><td>CNAME</td><td>www.example.jp</td><td>cdn1.wixdns.net</td><td>1 Hour</td><td><button aria-label="Edit">✎</button></td></tr>
        <tr><td>MX</td><td>example.jp</td><td>10 mail1042.onamae.ne.jp</td><td>1 Hour</td><td><button aria-label="Edit">✎</button></td></tr>
      </tbody></table>
      <button id="add">Add Record</button>`);
    onClick(doc, '#add', () => `
      <div role="dialog" aria-modal="true"><h2>Add DNS Record</h2>
        <label>Record Type <select><option value="A">A</option><option value="TXT">TXT</option></select></label>
        <label>Host Name <input type="text"></label>
        <label>Value <textarea></textarea></label>
        <label>TTL <select><option value="3600">1 Hour</option><option value="86400">1 Day</option></select></label>
        <button>Cancel</button><button>Save</button></div>`);

    expect(wixAdapter.detect(URL_WIX, doc)).toBe(true);
    const read = wixAdapter.read(doc);
    expect(read.domain).toBe('example.jp');
    expect(plain(read.records)).toEqual([
      r('example.jp', 'A', 3600, '185.230.63.107'),
      r('www.example.jp', 'CNAME', 3600, 'cdn1.wixdns.net'),
      r('example.jp', 'MX', 3600, 'mail1042.onamae.ne.jp', { priority: 10 }),
    ]);

    const result = await wixAdapter.fill(doc, { action: 'add', type: 'TXT', name: 'example.jp', value: 'v=spf1 include:_spf.onamae.ne.jp ~all', ttl: 86400 });
    expect(result).toEqual({
      ok: true,
      filled: { host: '', type: 'TXT', value: 'v=spf1 include:_spf.onamae.ne.jp ~all', ttl: '1 Day' },
      problems: [],
      nextStep: 'save',
      saveLabel: 'Save',
    });
    const dialog = doc.querySelector('[role="dialog"]')!;
    expect((dialog.querySelectorAll('select')[0] as HTMLSelectElement).value).toBe('TXT');
    expect(plain(wixAdapter.read(doc).pending)).toEqual([r('example.jp', 'TXT', 86400, 'v=spf1 include:_spf.onamae.ne.jp ~all', { pending: true })]);
  });

  it('an inline add form of divs under the TXT section, and a pencil Edit on a row', async () => {
    const doc = page(`
      <div data-hook="dns-records--page"><h2>example.jp</h2>
      <div class="section"><h3>TXT (Text)</h3>
        <table><thead><tr><th>Host Name</th><th>Value</th><th>TTL</th><th></th></tr></thead><tbody>
          <tr data-table-row="1"><td>@</td><td>v=spf1 include:_spf.google.com ~all</td><td>1 Hour</td><td><button data-hook="edit-button">Edit</button></td></tr>
        </tbody></table>
        <div id="inline"></div>
        <button data-hook="add-record">+ Add Record</button>
      </div></div>`);
    const inlineForm = `<div class="form"><div><span>Host Name</span><input type="text"></div>
      <div><span>Value</span><input type="text"></div><div><button>Save</button></div></div>`;
    doc.querySelector('[data-hook="add-record"]')!.addEventListener('click', () => {
      doc.getElementById('inline')!.innerHTML = inlineForm;
    });
    doc.querySelector('[data-hook="edit-button"]')!.addEventListener('click', () => {
      doc.getElementById('inline')!.innerHTML = inlineForm;
      (doc.querySelectorAll('#inline input')[0] as HTMLInputElement).value = '@';
      (doc.querySelectorAll('#inline input')[1] as HTMLInputElement).value = 'v=spf1 include:_spf.google.com ~all';
    });

    expect(plain(wixAdapter.read(doc).records)).toEqual([r('example.jp', 'TXT', 3600, 'v=spf1 include:_spf.google.com ~all')]);
    // Adding a second SPF is refused; the merge goes through the row's Edit.
    expect((await wixAdapter.fill(doc, { action: 'add', type: 'TXT', name: 'example.jp', value: 'v=spf1 -all' })).problems.map((p) => p.code)).toEqual([
      'SPF_ALREADY_PRESENT',
    ]);
    const merged = 'v=spf1 include:_spf.google.com include:_spf.onamae.ne.jp ~all';
    const result = await wixAdapter.fill(doc, { action: 'edit', type: 'TXT', name: 'example.jp', value: merged });
    expect(result).toEqual({ ok: true, filled: { host: '@', type: 'TXT', value: merged }, problems: [], nextStep: 'save', saveLabel: 'Save' });
    expect(plain(wixAdapter.read(doc).pending)).toEqual([r('example.jp', 'TXT', null, merged, { pending: true })]);
  });

  it('a flat page (headings, tables and add buttons as siblings): the add button after the TXT heading', async () => {
    const doc = page(`<main data-hook="dns-records--page"><h1>Manage DNS Records</h1><p data-hook="dns-records--header--domain-name">example.jp</p>
      <h3>A (Host)</h3><table><thead><tr><th>Host Name</th><th>Points to</th><th>TTL</th></tr></thead><tbody>
        <tr data-table-row><td></td><td>185.230.63.107</td><td>1 Hour</td></tr></tbody></table>
      <button class="add">+ Add Record</button>
      <h3>TXT (Text)</h3><table id="txt"><thead><tr><th>Host Name</th><th>Value</th><th>TTL</th></tr></thead><tbody></tbody></table>
      <button class="add">+ Add Record</button></main>`);
    const buttons = doc.querySelectorAll('button.add');
    buttons.forEach((button, i) =>
      button.addEventListener('click', () => {
        const row = doc.createElement('tr');
        row.innerHTML = '<td><input aria-label="Host Name"></td><td><input aria-label="Value"></td><td><select aria-label="TTL"><option value="3600">1 Hour</option></select></td><td><button>Save</button></td>';
        doc.querySelectorAll('tbody')[i]!.appendChild(row);
      }),
    );
    const result = await wixAdapter.fill(doc, { action: 'add', type: 'TXT', name: 'example.jp', value: 'v=spf1 include:_spf.onamae.ne.jp ~all' });
    expect(result.ok).toBe(true);
    expect(doc.querySelector('#txt input[aria-label="Value"]')).not.toBeNull();
    expect(doc.querySelectorAll('tbody')[0]!.querySelector('input')).toBeNull();
  });

  it('several add buttons and no way to tell the TXT one: a report, no click', async () => {
    const doc = page(`<h1>Manage DNS Records</h1><p>example.jp</p>
      <table><thead><tr><th>Host Name</th><th>Value</th><th>TTL</th></tr></thead><tbody>
        <tr data-table-row><td>@</td><td>185.230.63.107</td><td>1 Hour</td></tr></tbody></table>
      <button class="add">Add Record</button><button class="add">Add Record</button>`);
    let clicks = 0;
    doc.querySelectorAll('button.add').forEach((b) => b.addEventListener('click', () => clicks++));
    const result = await wixAdapter.fill(doc, { action: 'add', type: 'TXT', name: 'example.jp', value: 'v=spf1 -all' }, { timeoutMs: 100 });
    expect(result.problems.map((p) => p.code)).toEqual(['ADD_FORM_NOT_FOUND']);
    expect(clicks).toBe(0);
  });
});
