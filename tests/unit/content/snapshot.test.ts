// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildSnapshot, recordCount, snapshotSignature } from '../../../lib/content/snapshot';
import type { PanelSnapshot } from '../../../lib/diagnosis/types';
import { parseRequest } from '../../../lib/messages';
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

  it('leaves nsDnsvFlg out when the adapter does not report it (Wix)', () => {
    const { nsDnsvFlg: _, ...read } = sampleRead();
    expect(buildSnapshot('wix', read)).not.toHaveProperty('nsDnsvFlg');
  });

  it('counts every row read, NS and pending included', () => {
    expect(recordCount(sampleRead())).toBe(4);
    expect(recordCount(null)).toBe(0);
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
