import { describe, expect, it } from 'vitest';
import { ZoneResolver } from '../../../lib/dns/memory';
import type { ZoneData, ZoneEntry } from '../../../lib/dns/memory';
import { diagnose } from '../../../lib/diagnosis/diagnose';
import type { Diagnosis, FindingCode, PanelSnapshot, SnapshotRecord } from '../../../lib/diagnosis/types';
import { FINDING_CODES } from '../../../lib/diagnosis/types';
import { CoolingDownError, RetryAfterError } from '../../../lib/dns/retry-after';
import { ONAMAE_NS, a, mx, onamaeRecords, seedZone, txt, wixSeedRecords } from '../../support/diagnosis-zones';

const SEED_FIX = 'v=spf1 include:_spf.onamae.ne.jp ~all';

async function run(zone: ZoneData, snapshot: Partial<PanelSnapshot> & { records?: SnapshotRecord[] }, views?: { label: string; zone: ZoneData }[]): Promise<Diagnosis> {
  const resolver = new ZoneResolver(zone, { label: 'primary' });
  return diagnose(
    { panel: 'wix', domain: 'example.jp', records: [], ...snapshot },
    { resolver, views: views?.map((v) => ({ label: v.label, resolver: new ZoneResolver(v.zone, { label: v.label }) })), now: () => 1_700_000_000_000 },
  );
}

const codes = (d: Diagnosis) => d.findings.map((f) => f.code).sort();
const spfRow = (value: string): SnapshotRecord => ({ host: 'example.jp', type: 'TXT', ttl: 3600, value });

/** An お名前.com-served domain with everything in order: the reference for "must not appear". */
function healthyZone(extra: ZoneEntry[] = [], spf = SEED_FIX): ZoneData {
  const zone = seedZone([txt(spf), ...extra], ONAMAE_NS);
  zone['_dmarc.example.jp'] = [txt('v=DMARC1; p=none; rua=mailto:dmarc@example.jp')];
  return zone;
}
function healthyPanel(spf = SEED_FIX): SnapshotRecord[] {
  const zone = healthyZone([], spf);
  const dkim = (zone['default._domainkey.example.jp']![0] as { value: string[] }).value.join('');
  return onamaeRecords([
    { host: '_dmarc.example.jp', type: 'TXT', ttl: 3600, value: 'v=DMARC1; p=none; rua=mailto:dmarc@example.jp', status: 'enabled' },
    { host: 'default._domainkey.example.jp', type: 'TXT', ttl: 3600, value: dkim, status: 'enabled' },
  ]).map((r) => (r.type === 'TXT' && r.value.startsWith('v=spf1') ? { ...r, value: spf } : r.type === 'A' ? { ...r, value: '185.230.63.107' } : r));
}
async function healthy(spf = SEED_FIX, extraZone: ZoneEntry[] = [], panelEdit?: (r: SnapshotRecord[]) => SnapshotRecord[]) {
  const zone = healthyZone(extraZone, spf);
  zone['example.jp'] = zone['example.jp']!.filter((e) => !('type' in e && e.type === 'A' && 'value' in e && e.value !== '185.230.63.107'));
  const records = (panelEdit ?? ((r) => r))(healthyPanel(spf));
  return run(zone, { panel: 'onamae', records, nsDnsvFlg: true });
}

describe('diagnose: the seed scenario', () => {
  it('on Wix: no SPF, the お名前メール fix for the apex, nothing else wrong', async () => {
    const d = await run(seedZone(), { panel: 'wix', records: wixSeedRecords() });
    expect(codes(d)).toEqual(['SPF_MISSING']);
    expect(d.verdict).toBe('error');
    expect(d.fixes).toEqual([
      expect.objectContaining({ action: 'add', type: 'TXT', name: 'example.jp', host: '', value: SEED_FIX, resolves: ['SPF_MISSING'], lookups: 1 }),
    ]);
    expect(d.findings[0]!.fixId).toBe(d.fixes[0]!.id);
    expect(d.findings[0]!.message.ja).toContain('SPFレコードがありません');
    expect(d.live).toMatchObject({ delegation: 'this-panel', dnsHost: 'Wix', nameservers: ['ns0.wixdns.net', 'ns1.wixdns.net'], dmarcChain: ['_dmarc.wixemails.com'] });
    expect(d.providers.map((p) => [p.id, p.mxHost])).toEqual([['onamae-mail', 'mail1042.onamae.ne.jp']]);
  });

  it('after Save on Wix: propagation pending with a TTL estimate, then live once DNS has it', async () => {
    const records = wixSeedRecords([spfRow(SEED_FIX)]);
    const before = await run(seedZone(), { panel: 'wix', records }, [
      { label: 'Cloudflare', zone: seedZone() },
      { label: 'Google', zone: seedZone([txt(SEED_FIX)]) },
    ]);
    expect(codes(before)).toEqual(['PROPAGATION_PENDING']);
    const pending = before.live.propagation.find((p) => p.state === 'pending')!;
    expect(pending).toMatchObject({ name: 'example.jp', type: 'TXT', estimateSeconds: 300 });
    expect(pending.views.map((v) => v.resolver)).toEqual(['Cloudflare', 'Google']);
    expect(before.findings[0]!.params).toMatchObject({ resolvers: 'Cloudflare', estimate: '5 min' });
    expect(before.fixes).toEqual([]);
    const after = await run(seedZone([txt(SEED_FIX)]), { panel: 'wix', records }, [{ label: 'Cloudflare', zone: seedZone([txt(SEED_FIX)]) }]);
    expect(codes(after)).toEqual([]);
    expect(after.verdict).toBe('ok');
    expect(after.live.propagation.every((p) => p.state === 'live')).toBe(true);
  });

  it('on お名前.com while Wix serves the zone: not authoritative, names Wix, warns about nsDnsvFlg', async () => {
    const d = await run(seedZone(), { panel: 'onamae', records: onamaeRecords(), nsDnsvFlg: true });
    expect(codes(d)).toEqual(['NS_DNSV_FLAG_RISK', 'NS_NOT_AUTHORITATIVE', 'SPF_MISSING']);
    const ns = d.findings.find((f) => f.code === 'NS_NOT_AUTHORITATIVE')!;
    expect(ns.message.en).toContain('ns0.wixdns.net, ns1.wixdns.net (Wix)');
    expect(ns.message.ja).toContain('（Wix）');
    expect(ns.records.map((r) => r.value)).toEqual(['01.dnsv.jp', '02.dnsv.jp', '03.dnsv.jp', '04.dnsv.jp']);
    // The SPF on this page is not in effect: the fix is for the DNS host, not for Apply here.
    expect(d.fixes).toEqual([expect.objectContaining({ value: SEED_FIX, target: 'dns-host', action: 'add' })]);
    expect(d.live.propagation).toEqual([]);
    const unticked = await run(seedZone(), { panel: 'onamae', records: onamaeRecords(), nsDnsvFlg: false });
    expect(codes(unticked)).toEqual(['NS_NOT_AUTHORITATIVE', 'SPF_MISSING']);
  });
});

describe('diagnose: each finding appears when it should', () => {
  const cases: [FindingCode, () => Promise<Diagnosis>, (d: Diagnosis) => void][] = [
    ['SPF_MULTIPLE', () => healthy(SEED_FIX, [txt('v=spf1 include:_spf.google.com ~all')], (r) => [...r, spfRow('v=spf1 include:_spf.google.com ~all')]), (d) => {
      expect(d.fixes[0]).toMatchObject({ action: 'edit', value: 'v=spf1 include:_spf.onamae.ne.jp include:_spf.google.com ~all', replaces: SEED_FIX });
      expect(d.fixes[0]!.note?.en).toBe('Change one SPF record to this value, then delete the other one (there must be exactly one SPF record)');
    }],
    ['SPF_SYNTAX', () => healthy('v=spf1 ip4:192.0.2.1/33 include:_spf.onamae.ne.jp ~all'), (d) => {
      expect(d.findings.find((f) => f.code === 'SPF_SYNTAX')!.params).toMatchObject({ term: 'ip4:192.0.2.1/33', position: '22' });
      // The reason is the catalog's, in the reader's language, not the parser's English inside Japanese.
      const syntax = d.findings.find((f) => f.code === 'SPF_SYNTAX')!;
      expect(syntax.message.ja).toContain('範囲の長さ「/33」が上限の32を超えています');
      expect(syntax.message.ja).not.toMatch(/larger than/);
      expect(syntax.message.en).toContain('the prefix length /33 is larger than 32');
    }],
    ['SPF_LOOP', () => healthy('v=spf1 include:example.jp include:_spf.onamae.ne.jp ~all'), (d) => {
      const loop = d.findings.find((f) => f.code === 'SPF_LOOP')!;
      expect(loop.params).toEqual({ domain: 'example.jp', cycle: 'example.jp → example.jp' });
      expect(loop.message.ja).toContain('example.jp → example.jp');
      expect(codes(d)).not.toContain('SPF_SYNTAX');
    }],
    ['SPF_LOOKUP_LIMIT', () => healthy('v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:sendgrid.net include:_spf.onamae.ne.jp a ~all'), (d) => {
      expect(d.findings.find((f) => f.code === 'SPF_LOOKUP_LIMIT')!.params.lookups).toBe('11');
    }],
    ['SPF_VOID_LIMIT', () => healthy('v=spf1 a:n1.example.jp a:n2.example.jp a:n3.example.jp include:_spf.onamae.ne.jp ~all'), () => {}],
    ['SPF_PTR', () => healthy('v=spf1 ptr include:_spf.onamae.ne.jp ~all'), () => {}],
    ['SPF_PLUS_ALL', () => healthy('v=spf1 include:_spf.onamae.ne.jp +all'), (d) => {
      expect(d.fixes[0]).toMatchObject({ action: 'edit', value: SEED_FIX, replaces: 'v=spf1 include:_spf.onamae.ne.jp +all' });
    }],
    ['SPF_NO_ALL', () => healthy('v=spf1 include:_spf.onamae.ne.jp'), (d) => {
      expect(d.fixes[0]).toMatchObject({ action: 'edit', value: SEED_FIX });
    }],
    ['SPF_STRING_TOO_LONG', () => healthy('v=spf1 ' + Array.from({ length: 20 }, (_, i) => `ip4:198.51.100.${i}`).join(' ') + ' include:_spf.onamae.ne.jp ~all'), () => {}],
    ['SPF_SENDER_NOT_COVERED', () => healthy('v=spf1 include:_spf.google.com -all'), (d) => {
      const finding = d.findings.find((f) => f.code === 'SPF_SENDER_NOT_COVERED')!;
      expect(finding.params).toMatchObject({ provider: 'Onamae Mail (お名前メール)', result: 'fail' });
      expect(finding.message.ja).toContain('お名前メールの送信サーバー');
      expect(d.fixes[0]).toMatchObject({ action: 'edit', value: 'v=spf1 include:_spf.google.com include:_spf.onamae.ne.jp -all', lookups: 5 });
      expect(d.spf.providerCheck).toMatchObject({ result: 'fail' });
    }],
    ['DMARC_MISSING', async () => {
      const zone = healthyZone();
      delete zone['_dmarc.example.jp'];
      return run(zone, { panel: 'onamae', records: healthyPanel().filter((r) => !r.host.startsWith('_dmarc')) });
    }, (d) => {
      expect(d.fixes.find((f) => f.resolves.includes('DMARC_MISSING'))).toMatchObject({ host: '_dmarc', value: 'v=DMARC1; p=none', action: 'add' });
    }],
    ['DMARC_INVALID', () => healthy(SEED_FIX, [], (r) => r.map((x) => (x.host.startsWith('_dmarc') ? { ...x, value: 'v=DMARC1; p=bogus' } : x))), () => {}],
    ['DKIM_MISSING', () => healthy(SEED_FIX, [], (r) => r.filter((x) => !x.host.includes('_domainkey'))), (d) => {
      // The panel no longer has the key and live DNS still does: DKIM is judged from the panel in effect.
      expect(d.findings.find((f) => f.code === 'DKIM_MISSING')!.params.selectors).toBe('default');
    }],
    ['MX_MISSING', async () => {
      const zone = healthyZone();
      zone['example.jp'] = zone['example.jp']!.filter((e) => !('type' in e && e.type === 'MX'));
      return run(zone, { panel: null });
    }, () => {}],
    ['DNS_TEMPORARY_ERROR', async () => {
      const zone = healthyZone();
      zone['_dmarc.example.jp'] = [{ type: 'TXT', fail: 'timeout' }];
      return run(zone, { panel: null });
    }, (d) => {
      expect(d.findings.find((f) => f.code === 'DNS_TEMPORARY_ERROR')!.message.en).toBe('TempError: primary did not answer for _dmarc.example.jp TXT (timed out). Results may be incomplete.');
    }],
    ['RECORD_TOO_LONG', () => healthy(SEED_FIX, [], (r) => [...r, { host: 'junk.example.jp', type: 'TXT', ttl: 3600, value: 'x'.repeat(20_000), truncatedFrom: 250_000, status: 'enabled' }]), (d) => {
      const finding = d.findings.find((f) => f.code === 'RECORD_TOO_LONG')!;
      expect(finding.severity).toBe('error');
      expect(finding.records).toEqual([{ host: 'junk.example.jp', type: 'TXT', value: 'x'.repeat(20_000), truncatedFrom: 250_000 }]);
      expect(finding.message.en).toBe(
        `The TXT record at junk.example.jp is 250000 characters long, more than SPF Doctor reads (20000), so it was left out of the checks. No DNS record is that long in practice: check that row for a paste mistake. It starts with: ${'x'.repeat(40)}…`,
      );
      expect(finding.message.ja).toContain('junk.example.jpのTXTレコードは250000文字あり');
      // The rest of the (healthy) panel is still judged, and the cut row adds nothing else.
      expect(codes(d)).toEqual(['RECORD_TOO_LONG']);
      expect(d.spf.providerCheck).toMatchObject({ result: 'pass' });
    }],
  ];

  it.each(cases)('%s', async (code, scenario, extra) => {
    const d = await scenario();
    expect(codes(d)).toContain(code);
    extra(d);
  });

  it('covers every finding code in this file', () => {
    const covered = new Set<string>([...cases.map((c) => c[0]), 'SPF_MISSING', 'PROPAGATION_PENDING', 'NS_NOT_AUTHORITATIVE', 'NS_DNSV_FLAG_RISK']);
    expect(FINDING_CODES.filter((c) => !covered.has(c))).toEqual([]);
  });
});

describe('diagnose: a record too long for a snapshot', () => {
  it('reports the cut SPF row by name and still diagnoses the rest of the Wix panel', async () => {
    const long: SnapshotRecord = { host: 'example.jp', type: 'TXT', ttl: 3600, value: `v=spf1 ${'ip4:192.0.2.1 '.repeat(2000)}`.slice(0, 20_000), truncatedFrom: 31_000 };
    const d = await run(seedZone(), { panel: 'wix', records: wixSeedRecords([long]) });
    // The cut row is not taken for the domain's SPF: the seed's SPF_MISSING and its fix are still there.
    expect(codes(d)).toEqual(['RECORD_TOO_LONG', 'SPF_MISSING']);
    expect(d.fixes.map((f) => f.value)).toContain(SEED_FIX);
    expect(d.findings.find((f) => f.code === 'RECORD_TOO_LONG')!.params).toMatchObject({ type: 'TXT', name: 'example.jp', length: '31000', limit: '20000' });
  });
});

describe('diagnose: findings that must not appear', () => {
  it('a healthy お名前.com-served domain has no finding at all, and its checks pass', async () => {
    const d = await healthy();
    expect(d.findings.map((f) => f.message.en)).toEqual([]);
    expect(d.findings).toEqual([]);
    expect(d.verdict).toBe('ok');
    expect(d.fixes).toEqual([]);
    expect(d.spf.providerCheck).toMatchObject({ result: 'pass' });
    expect(d.gmail.every((g) => g.status === 'ok')).toBe(true);
    expect(d.live.dkim).toEqual([{ selector: 'default', found: true }]);
  });

  it('the popup/CLI (no panel) never reports panel-only findings', async () => {
    const d = await run(seedZone(), { panel: null, records: [] });
    expect(codes(d)).toEqual(['SPF_MISSING']);
    expect(d.fixes[0]).not.toHaveProperty('target');
  });

  it('an include= typo is reported as an SPF error at its position, not silently ignored', async () => {
    const d = await healthy('v=spf1 include=_spf.onamae.ne.jp ~all');
    const syntax = d.findings.find((f) => f.code === 'SPF_SYNTAX')!;
    expect(syntax.params).toMatchObject({ term: 'include=_spf.onamae.ne.jp', position: '8' });
  });

  it('a fix that would exceed 10 lookups says so instead of passing silently', async () => {
    // 10 lookups already (Google 4, Outlook 3, SendGrid 2, a 1): adding お名前メール makes 11.
    const spf = 'v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:sendgrid.net a -all';
    const d = await healthy(spf);
    const fix = d.fixes.find((f) => f.resolves.includes('SPF_SENDER_NOT_COVERED'))!;
    expect(fix.lookups).toBe(11);
    expect(fix.warning?.en).toMatch(/11 lookups/);
    expect(d.findings.map((f) => f.code)).not.toContain('SPF_LOOKUP_LIMIT');
  });
});

describe('diagnose: resolver failures', () => {
  it('a resolver that asked to wait (Retry-After) is named once, with its wait in both languages', async () => {
    let asked = 0;
    const busy = {
      query: async (name: string, type: 'TXT') => {
        asked++;
        throw asked === 1 ? new RetryAfterError('busy', name, type, 429, 120_000) : new CoolingDownError('busy', name, type, 110_000);
      },
    };
    const d = await diagnose({ panel: 'wix', domain: 'example.jp', records: wixSeedRecords() }, { resolver: new ZoneResolver(seedZone(), { label: 'primary' }), views: [{ label: 'busy', resolver: busy as never }] });
    expect(asked).toBeGreaterThan(1);
    const temp = d.findings.filter((f) => f.code === 'DNS_TEMPORARY_ERROR');
    expect(temp).toHaveLength(1);
    expect(temp[0]!.message.en).toMatch(/^TempError: busy did not answer for .* \(busy, asked to wait 120 s \(HTTP 429\/503 Retry-After\); not asked again until then\)/);
    expect(temp[0]!.message.ja).toContain('120秒待つよう指示されました');
    expect(codes(d)).toContain('SPF_MISSING');
  });

  it('names every resolver that failed when failover ran out', async () => {
    const { DohFailoverError } = await import('../../../lib/dns/doh');
    const { DnsError } = await import('../../../lib/dns/types');
    const failing = {
      query: async (name: string, type: 'TXT') => {
        throw new DohFailoverError([new DnsError('timeout', 'Cloudflare', name, type), new DnsError('servfail', 'Google', name, type)], name, type);
      },
    };
    const d = await diagnose({ panel: null, domain: 'example.jp', records: [] }, { resolver: failing as never });
    const temp = d.findings.filter((f) => f.code === 'DNS_TEMPORARY_ERROR');
    expect(temp.length).toBeGreaterThan(0);
    expect(temp[0]!.params).toMatchObject({ resolver: 'Cloudflare, Google', reason: 'Cloudflare: timed out; Google: server failure' });
    expect(d.findings.map((f) => f.code)).not.toContain('SPF_MISSING');
  });
});
