// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildSnapshot, recordCount, snapshotSignature, withProviderChoice } from '../../../lib/content/snapshot';
import type { PanelSnapshot } from '../../../lib/diagnosis/types';
import { MAX_RECORD_VALUE, parseRequest, parseSnapshot } from '../../../lib/messages';
import { onamaeAdapter, wixAdapter } from '../../../lib/panels';
import type { PanelRead, PanelRecord } from '../../../lib/panels/types';
import { loadFixture } from '../../fixtures/load';
import type { LoadedFixture } from '../../fixtures/load';

const row = (): Element => document.createElement('tr');
const rec = (fields: Omit<PanelRecord, 'row'>): PanelRecord => ({ ...fields, row: row() });

function sampleRead(): PanelRead {
  return {
    domain: 'example.jp',
    records: [
      rec({ host: 'example.jp', type: 'NS', ttl: 86400, value: '01.dnsv.jp', readOnly: true, status: 'enabled' }),
      rec({ host: 'example.jp', type: 'MX', ttl: 3600, value: 'mail1042.onamae.ne.jp.', priority: 10, status: 'enabled' }),
      rec({ host: 'example.jp', type: 'TXT', ttl: 3600, value: 'google-site-verification=abc123', status: 'disabled' }),
    ],
    pending: [rec({ host: 'example.jp', type: 'TXT', ttl: 3600, value: 'v=spf1 include:_spf.onamae.ne.jp ~all', pending: true })],
    problems: [],
    nsDnsvFlg: true,
  };
}

describe('buildSnapshot', () => {
  it('keeps every field but the element, saved rows first, pending rows flagged', () => {
    const snapshot = buildSnapshot('onamae', sampleRead())!;
    expect(snapshot).toEqual({
      panel: 'onamae',
      domain: 'example.jp',
      nsDnsvFlg: true,
      records: [
        { host: 'example.jp', type: 'NS', ttl: 86400, value: '01.dnsv.jp', readOnly: true, status: 'enabled' },
        { host: 'example.jp', type: 'MX', ttl: 3600, value: 'mail1042.onamae.ne.jp.', priority: 10, status: 'enabled' },
        { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'google-site-verification=abc123', status: 'disabled' },
        { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'v=spf1 include:_spf.onamae.ne.jp ~all', pending: true },
      ],
    });
    expect(JSON.stringify(snapshot)).not.toContain('row');
  });

  it('flags rows from the pending list even when the adapter did not', () => {
    const read = sampleRead();
    read.pending = [rec({ host: 'www.example.jp', type: 'CNAME', ttl: null, value: 'cdn1.wixdns.net' })];
    expect(buildSnapshot('wix', read)!.records.at(-1)).toEqual({ host: 'www.example.jp', type: 'CNAME', ttl: null, value: 'cdn1.wixdns.net', pending: true });
  });

  it('has nothing to diagnose without a domain', () => {
    expect(buildSnapshot('wix', { ...sampleRead(), domain: null })).toBeNull();
  });

  it('has nothing to diagnose while the records are still rendering (header shown, no record table yet)', () => {
    const empty: PanelRead = { domain: 'example.jp', records: [], pending: [], problems: [{ code: 'TABLE_NOT_FOUND', params: {} }] };
    expect(buildSnapshot('wix', empty)).toBeNull();
    // A table with no rows, or rows without a table problem, is something to diagnose.
    expect(buildSnapshot('wix', { ...empty, problems: [] })).not.toBeNull();
    expect(buildSnapshot('wix', { ...empty, records: sampleRead().records })).not.toBeNull();
  });

  it('leaves nsDnsvFlg out when the adapter does not report it (Wix)', () => {
    const { nsDnsvFlg: _, ...read } = sampleRead();
    expect(buildSnapshot('wix', read)).not.toHaveProperty('nsDnsvFlg');
  });

  it('counts every row read, NS and pending included', () => {
    expect(recordCount(sampleRead())).toBe(4);
    expect(recordCount(null)).toBe(0);
  });
});

describe('a record value over the message cap', () => {
  const huge = 'v=spf1 ' + 'a'.repeat(30_000);
  const read = (): PanelRead => ({ ...sampleRead(), records: [...sampleRead().records, rec({ host: 'example.jp', type: 'TXT', ttl: 3600, value: huge, status: 'enabled' })] });

  it('is cut to MAX_RECORD_VALUE with its length kept, and the snapshot passes validation', () => {
    const snapshot = buildSnapshot('onamae', read())!;
    const cut = snapshot.records.find((r) => r.truncatedFrom !== undefined)!;
    expect(cut.value).toBe(huge.slice(0, MAX_RECORD_VALUE));
    expect(cut.truncatedFrom).toBe(huge.length);
    expect(snapshot.records.filter((r) => r.truncatedFrom === undefined)).toHaveLength(4);
    expect(parseRequest(JSON.parse(JSON.stringify({ kind: 'diagnose', snapshot })))).toEqual({ kind: 'diagnose', snapshot, force: false });
  });

  it('changes the signature when only the length past the cut changes', () => {
    const longer = { ...read(), records: read().records.map((r) => (r.value === huge ? { ...r, value: `${huge}b` } : r)) };
    expect(snapshotSignature(buildSnapshot('onamae', longer))).not.toBe(snapshotSignature(buildSnapshot('onamae', read())));
  });

  it.each([
    ['an uncut value over the cap', { value: 'x'.repeat(MAX_RECORD_VALUE + 1) }],
    ['a length not longer than the value', { value: 'abc', truncatedFrom: 3 }],
    ['a fractional length', { value: 'abc', truncatedFrom: 30_000.5 }],
    ['a length as text', { value: 'abc', truncatedFrom: '30000' }],
  ])('the background refuses %s', (_, fields) => {
    const record = { host: 'example.jp', type: 'TXT', ttl: 3600, ...fields };
    expect(parseSnapshot({ panel: 'wix', domain: 'example.jp', records: [record] })).toBeNull();
  });
});

describe('snapshotSignature', () => {
  const base = (): PanelSnapshot => buildSnapshot('onamae', sampleRead())!;

  it('ignores row order (a re-sorted table is the same record set)', () => {
    const reversed = { ...base(), records: [...base().records].reverse() };
    expect(snapshotSignature(reversed)).toBe(snapshotSignature(base()));
  });

  it.each([
    ['a value', (s: PanelSnapshot) => (s.records[2]!.value = 'google-site-verification=other')],
    ['a TTL', (s: PanelSnapshot) => (s.records[1]!.ttl = 600)],
    ['a priority', (s: PanelSnapshot) => (s.records[1]!.priority = 20)],
    ['the status', (s: PanelSnapshot) => (s.records[2]!.status = 'enabled')],
    ['the pending flag', (s: PanelSnapshot) => delete s.records[3]!.pending],
    ['a duplicated row', (s: PanelSnapshot) => s.records.push({ ...s.records[3]! })],
    ['the nsDnsvFlg checkbox', (s: PanelSnapshot) => (s.nsDnsvFlg = false)],
    ['the domain', (s: PanelSnapshot) => (s.domain = 'example.com')],
    ['a provider picked by hand', (s: PanelSnapshot) => (s.providerId = 'google-workspace')],
    ['the server host of a picked provider', (s: PanelSnapshot) => Object.assign(s, { providerId: 'xserver', providerServer: 'sv2.xserver.jp' })],
  ])('changes with %s', (_, change) => {
    const changed = base();
    change(changed);
    expect(snapshotSignature(changed)).not.toBe(snapshotSignature(base()));
  });

  it('is "none" without a snapshot', () => {
    expect(snapshotSignature(null)).toBe('none');
  });
});

describe('snapshots of the fixture panels pass the background’s validation unchanged', () => {
  let fixture: LoadedFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it.each([
    ['wix', wixAdapter] as const,
    ['onamae', onamaeAdapter] as const,
  ])('%s', async (name, adapter) => {
    fixture = await loadFixture(name);
    const read = adapter.read(fixture.document);
    const snapshot = buildSnapshot(adapter.id, read)!;
    expect(snapshot.domain).toBe('example.jp');
    expect(snapshot.records.length).toBe(recordCount(read));
    expect(snapshot.records.length).toBeGreaterThan(3);
    const request = parseRequest(JSON.parse(JSON.stringify({ kind: 'diagnose', snapshot })));
    expect(request).toEqual({ kind: 'diagnose', snapshot, force: false });
  });
});

describe('the user’s provider choice in the snapshot', () => {
  it('buildSnapshot carries the choice, and withProviderChoice replaces or removes it', () => {
    const xserver = buildSnapshot('wix', sampleRead(), { providerId: 'xserver', providerServer: 'sv1234.xserver.jp' })!;
    expect(xserver).toMatchObject({ providerId: 'xserver', providerServer: 'sv1234.xserver.jp' });
    const google = withProviderChoice(xserver, { providerId: 'google-workspace' });
    expect(google.providerId).toBe('google-workspace');
    expect('providerServer' in google).toBe(false);
    const detected = withProviderChoice(xserver, null);
    expect('providerId' in detected || 'providerServer' in detected).toBe(false);
    expect(detected).toEqual(buildSnapshot('wix', sampleRead()));
    expect(snapshotSignature(xserver)).not.toBe(snapshotSignature(withProviderChoice(xserver, { providerId: 'xserver', providerServer: 'sv9.xserver.jp' })));
  });

  const base = { panel: null, domain: 'example.jp', records: [] };

  it('parseSnapshot keeps a picked provider and its server host (lower-cased, no trailing dot)', () => {
    expect(parseSnapshot({ ...base, providerId: 'xserver', providerServer: 'SV1234.Xserver.JP.' })).toEqual({ ...base, providerId: 'xserver', providerServer: 'sv1234.xserver.jp' });
    expect(parseSnapshot({ ...base, providerId: 'google-workspace' })).toEqual({ ...base, providerId: 'google-workspace' });
    const request = { kind: 'diagnose', snapshot: { ...base, providerId: 'sakura', providerServer: 'www1234.sakura.ne.jp' }, force: true };
    expect(parseRequest(JSON.parse(JSON.stringify(request)))).toEqual(request);
  });

  it.each([
    ['a server host without a provider', { providerServer: 'sv1234.xserver.jp' }],
    ['a server host that is not a string', { providerId: 'xserver', providerServer: 1234 }],
    ['a server host with a path', { providerId: 'xserver', providerServer: 'sv1234.xserver.jp/x' }],
    ['a server host with a space', { providerId: 'xserver', providerServer: 'sv1234 .xserver.jp' }],
    ['a single-label server host', { providerId: 'xserver', providerServer: 'sv1234' }],
    ['an empty server host', { providerId: 'xserver', providerServer: '' }],
    ['a server host over 253 characters', { providerId: 'xserver', providerServer: `${'a.'.repeat(126)}jp` }],
    ['a provider id over 64 characters', { providerId: 'x'.repeat(65) }],
    ['a provider id that is not a string', { providerId: ['xserver'] }],
  ])('parseSnapshot refuses %s', (_, fields) => {
    expect(parseSnapshot({ ...base, ...fields })).toBeNull();
  });
});
