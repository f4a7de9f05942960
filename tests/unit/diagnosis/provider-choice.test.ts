// A mail provider picked by hand (PanelSnapshot.providerId, and providerServer for the providers whose
// SPF names the user's own server): it replaces MX detection in the SPF check and the fix.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib/diagnosis/diagnose';
import { providersInUse } from '../../../lib/diagnosis/providers-in-use';
import type { Diagnosis, PanelSnapshot } from '../../../lib/diagnosis/types';
import type { ZoneData } from '../../../lib/dns/memory';
import { ZoneResolver } from '../../../lib/dns/memory';
import { a, mx, seedZone, txt, wixSeedRecords } from '../../support/diagnosis-zones';

const summary = (providers: ReturnType<typeof providersInUse>) => providers.map((p) => ({ id: p.provider.id, terms: p.terms, source: p.source, mxHost: p.mxHost }));

describe('providersInUse', () => {
  it('Xserver with the server host the user typed: its a: term and the sender include', () => {
    const providers = providersInUse('xserver', ['mail1042.onamae.ne.jp'], 'sv1234.xserver.jp');
    expect(summary(providers)).toEqual([{ id: 'xserver', terms: ['a:sv1234.xserver.jp', 'include:spf.sender.xserver.jp'], source: 'user', mxHost: undefined }]);
    expect(providers[0]!.probes).toEqual([
      { kind: 'host-addresses', host: 'sv1234.xserver.jp' },
      { kind: 'include-coverage', domain: 'spf.sender.xserver.jp' },
    ]);
  });

  it('Sakura from the account’s initial domain', () => {
    expect(summary(providersInUse('sakura', [], 'myshop.sakura.ne.jp'))).toEqual([{ id: 'sakura', terms: ['a:myshop.sakura.ne.jp'], source: 'user', mxHost: undefined }]);
  });

  it('takes the server from the MX when none was typed, or when the typed one belongs to another provider', () => {
    const expected = [{ id: 'xserver', terms: ['a:sv77.xserver.jp', 'include:spf.sender.xserver.jp'], source: 'user', mxHost: undefined }];
    expect(summary(providersInUse('xserver', ['sv77.xserver.jp']))).toEqual(expected);
    expect(summary(providersInUse('xserver', ['sv77.xserver.jp'], 'www1.sakura.ne.jp'))).toEqual(expected);
  });

  it('falls back to MX detection when a numbered server is needed and nobody named it', () => {
    expect(summary(providersInUse('xserver', ['mail1042.onamae.ne.jp']))).toEqual([
      { id: 'onamae-mail', terms: ['include:_spf.onamae.ne.jp'], source: 'mx', mxHost: 'mail1042.onamae.ne.jp' },
    ]);
  });

  it('a provider that needs no server ignores a server host', () => {
    expect(summary(providersInUse('google-workspace', ['mail1042.onamae.ne.jp'], 'sv1.xserver.jp'))).toEqual([
      { id: 'google-workspace', terms: ['include:_spf.google.com'], source: 'user', mxHost: undefined },
    ]);
  });
});

describe('diagnose with a provider picked by hand (the seed on Wix: no SPF, MX at お名前メール)', () => {
  const zone = (): ZoneData => ({
    ...seedZone(),
    'spf.sender.xserver.jp': [txt('v=spf1 ip4:192.0.2.128/25 ~all')],
    'sv1234.xserver.jp': [a('192.0.2.44')],
  });

  async function run(snapshot: Partial<PanelSnapshot>, data: ZoneData = zone()): Promise<Diagnosis> {
    return diagnose(
      { panel: 'wix', domain: 'example.jp', records: wixSeedRecords(), ...snapshot },
      { resolver: new ZoneResolver(data, { label: 'primary' }), now: () => 1_700_000_000_000 },
    );
  }

  it('Google Workspace: the fix is Google’s include, and MX detection is still reported', async () => {
    const d = await run({ providerId: 'google-workspace' });
    expect(d.fixes.map((f) => f.value)).toEqual(['v=spf1 include:_spf.google.com ~all']);
    expect(d.providers).toEqual([{ id: 'google-workspace', name: { en: 'Google Workspace', ja: 'Google Workspace' }, source: 'user', spfTerms: ['include:_spf.google.com'] }]);
    expect(d.mxProviders?.map((p) => [p.id, p.source, p.mxHost])).toEqual([['onamae-mail', 'mx', 'mail1042.onamae.ne.jp']]);
  });

  it('Xserver with its server host: the fix holds a:sv1234.xserver.jp and include:spf.sender.xserver.jp', async () => {
    const d = await run({ providerId: 'xserver', providerServer: 'sv1234.xserver.jp' });
    const fix = d.fixes.find((f) => f.resolves.includes('SPF_MISSING'));
    expect(fix?.value).toBe('v=spf1 a:sv1234.xserver.jp include:spf.sender.xserver.jp ~all');
    expect(fix?.value).toContain('a:sv1234.xserver.jp');
    expect(fix?.value).toContain('include:spf.sender.xserver.jp');
    expect(fix?.lookups).toBe(2);
    expect(d.providers.map((p) => [p.id, p.source])).toEqual([['xserver', 'user']]);
  });

  it('an existing SPF that lacks the picked provider: SPF_SENDER_NOT_COVERED and a merged record', async () => {
    const data = zone();
    data['example.jp'] = [...data['example.jp']!, txt('v=spf1 include:_spf.onamae.ne.jp ~all')];
    const d = await run({ providerId: 'xserver', providerServer: 'sv1234.xserver.jp', records: wixSeedRecords([{ host: 'example.jp', type: 'TXT', ttl: 3600, value: 'v=spf1 include:_spf.onamae.ne.jp ~all' }]) }, data);
    expect(d.findings.map((f) => f.code)).toContain('SPF_SENDER_NOT_COVERED');
    expect(d.fixes[0]?.value).toBe('v=spf1 include:_spf.onamae.ne.jp a:sv1234.xserver.jp include:spf.sender.xserver.jp ~all');
  });

  it('no SPF and no provider known (an MX nobody recognises): SPF_MISSING without a fix', async () => {
    const data = zone();
    data['example.jp'] = data['example.jp']!.map((entry) => ('type' in entry && entry.type === 'MX' ? mx(10, 'mx.unknown-host.example') : entry));
    const records = wixSeedRecords().map((r) => (r.type === 'MX' ? { ...r, value: 'mx.unknown-host.example' } : r));
    const d = await run({ records }, data);
    const missing = d.findings.find((f) => f.code === 'SPF_MISSING');
    expect(missing).toBeDefined();
    expect(missing!.fixId).toBeUndefined();
    expect(d.fixes).toEqual([]);
    expect(d.providers).toEqual([]);
    expect(d.mxProviders).toEqual([]);
  });
});
