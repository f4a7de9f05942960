import { describe, expect, it } from 'vitest';
import { DiagnosisCache } from '../../../lib/background/cache';
import { canonicalJson, hash53, snapshotKey } from '../../../lib/background/snapshot-key';
import type { PanelSnapshot } from '../../../lib/diagnosis/types';
import { onamaeNsElsewhere } from '../../fixtures/diagnoses/onamae-ns';
import { wixNoSpf } from '../../fixtures/diagnoses/wix-seed';

const snapshot = (): PanelSnapshot => ({
  panel: 'onamae',
  domain: 'example.jp',
  nsDnsvFlg: true,
  records: [
    { host: 'example.jp', type: 'NS', ttl: 86400, value: '01.dnsv.jp', readOnly: true, status: 'enabled' },
    { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'google-site-verification=abc123', status: 'enabled' },
  ],
});

describe('snapshotKey', () => {
  it('does not depend on key order or record order', () => {
    const reordered: PanelSnapshot = {
      records: [
        { value: 'google-site-verification=abc123', status: 'enabled', ttl: 3600, type: 'TXT', host: 'example.jp' },
        { status: 'enabled', readOnly: true, value: '01.dnsv.jp', type: 'NS', host: 'example.jp', ttl: 86400 },
      ],
      nsDnsvFlg: true,
      domain: 'example.jp',
      panel: 'onamae',
    };
    expect(snapshotKey(reordered)).toEqual(snapshotKey(snapshot()));
  });

  it('changes with any field', () => {
    const base = snapshotKey(snapshot()).key;
    const flag = snapshot();
    flag.nsDnsvFlg = false;
    const value = snapshot();
    value.records[1]!.value = 'google-site-verification=abc124';
    const panel = { ...snapshot(), panel: 'wix' as const };
    expect(new Set([base, snapshotKey(flag).key, snapshotKey(value).key, snapshotKey(panel).key]).size).toBe(4);
  });

  it('canonicalJson sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"x":0,"y":1}]},"b":1}');
  });

  it('hash53 is stable and spreads', () => {
    expect(hash53('example.jp')).toBe(hash53('example.jp'));
    expect(hash53('example.jp')).toMatch(/^[0-9a-f]{14}$/);
    expect(hash53('example.jp')).not.toBe(hash53('example.jq'));
  });
});

describe('DiagnosisCache', () => {
  it('answers within the TTL and forgets after it', () => {
    let now = 1000;
    const cache = new DiagnosisCache({ ttlMs: 60_000, now: () => now });
    cache.set(snapshot(), onamaeNsElsewhere);
    now += 60_000;
    expect(cache.get(snapshot())).toBe(onamaeNsElsewhere);
    now += 1;
    expect(cache.get(snapshot())).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('keeps only the newest entries', () => {
    const cache = new DiagnosisCache({ maxEntries: 2 });
    const snaps = ['a.jp', 'b.jp', 'c.jp'].map((domain) => ({ ...snapshot(), domain }));
    for (const s of snaps) cache.set(s, wixNoSpf);
    expect(cache.get(snaps[0]!)).toBeNull();
    expect(cache.get(snaps[1]!)).toBe(wixNoSpf);
    expect(cache.get(snaps[2]!)).toBe(wixNoSpf);
  });

  it('clear() empties it', () => {
    const cache = new DiagnosisCache();
    cache.set(snapshot(), wixNoSpf);
    cache.clear();
    expect(cache.get(snapshot())).toBeNull();
  });
});
