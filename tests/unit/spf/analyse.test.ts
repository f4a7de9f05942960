import { describe, expect, it } from 'vitest';
import { ZoneResolver } from '../../../lib/dns/memory';
import type { ZoneData } from '../../../lib/dns/memory';
import type { DnsResponse, RecordType, Resolver } from '../../../lib/dns/types';
import { analyseRecordText, analyseSpf } from '../../../lib/spf/analyse';
import { render } from '../../../lib/i18n';
import type { SpfAnalysis } from '../../../lib/spf/analyse';
import { realisticZone } from '../../support/spf-zones';

const txt = (...value: string[]) => ({ type: 'TXT' as const, value });
const codes = (analysis: SpfAnalysis) => analysis.issues.map((i) => i.code).sort();

/** Adds a macrotask of latency to each answer and records the largest number of questions in flight. */
class ConcurrencyProbe implements Resolver {
  inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly inner: Resolver) {}
  async query(name: string, type: RecordType): Promise<DnsResponse> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return await this.inner.query(name, type);
    } finally {
      this.inFlight--;
    }
  }
}

describe('analyseSpf', () => {
  it('walks a realistic tree and counts lookups per node and in total', async () => {
    const analysis = await analyseSpf('example.jp', { resolver: new ZoneResolver(realisticZone) });
    // 4 includes at the top, 3 under Google, 2 under Outlook, 1 under SendGrid: 10, right at the limit.
    expect(analysis.totalLookups).toBe(10);
    expect(analysis.root.ownLookups).toBe(4);
    expect(analysis.root.children.map((c) => [c.domain, c.totalLookups])).toEqual([
      ['_spf.google.com', 3],
      ['spf.protection.outlook.com', 2],
      ['sendgrid.net', 1],
      ['_spf.onamae.ne.jp', 0],
    ]);
    expect(analysis.issues).toEqual([]);
    expect(analysis.queries).toBe(11);
  });

  it('fetches sibling branches concurrently, and strictly one at a time when asked', async () => {
    const concurrent = new ConcurrencyProbe(new ZoneResolver(realisticZone));
    await analyseSpf('example.jp', { resolver: concurrent });
    expect(concurrent.maxInFlight).toBeGreaterThanOrEqual(4);
    const sequential = new ConcurrencyProbe(new ZoneResolver(realisticZone));
    const result = await analyseSpf('example.jp', { resolver: sequential, sequential: true });
    expect(sequential.maxInFlight).toBe(1);
    expect(result.totalLookups).toBe(10);
  });

  it('flags more than ten lookups even when an early term would match', async () => {
    const zone: ZoneData = {
      ...realisticZone,
      'example.jp': [txt('v=spf1 ip4:192.0.2.1 include:_spf.google.com include:spf.protection.outlook.com include:sendgrid.net a mx -all')],
      'mail.example.jp': [{ type: 'A', value: '192.0.2.25' }],
    };
    zone['example.jp']!.push({ type: 'A', value: '192.0.2.1' }, { type: 'MX', value: { preference: 10, exchange: 'mail.example.jp' } });
    const analysis = await analyseSpf('example.jp', { resolver: new ZoneResolver(zone) });
    expect(analysis.totalLookups).toBe(11);
    expect(codes(analysis)).toEqual(['lookup-limit']);
  });

  it('reports loops, missing include targets, void lookups, ptr, +all and terms after all', async () => {
    const zone: ZoneData = {
      'loop.jp': [txt('v=spf1 include:a.loop.jp -all')],
      'a.loop.jp': [txt('v=spf1 include:loop.jp')],
      'bad.jp': [txt('v=spf1 include:missing.example.net a:gone1.bad.jp a:gone2.bad.jp mx:gone3.bad.jp ptr +all ip4:192.0.2.1')],
    };
    const resolver = new ZoneResolver(zone);
    const loop = await analyseSpf('loop.jp', { resolver });
    expect(codes(loop)).toEqual(['loop']);
    expect(loop.issues[0]!.cycle).toEqual(['loop.jp', 'a.loop.jp', 'loop.jp']);
    const bad = await analyseSpf('bad.jp', { resolver });
    expect(codes(bad)).toEqual(['include-none', 'plus-all', 'ptr', 'terms-after-all', 'void-limit', 'void-lookup', 'void-lookup', 'void-lookup']);
    expect(bad.totalVoidLookups).toBe(3);
  });

  it('words every issue through the catalogs, in each language, with its data filled in', async () => {
    const zone: ZoneData = {
      'loop.jp': [txt('v=spf1 include:a.loop.jp -all')],
      'a.loop.jp': [txt('v=spf1 include:loop.jp')],
      'bad.jp': [txt('v=spf1 include:missing.example.net a:gone1.bad.jp a:gone2.bad.jp mx:gone3.bad.jp ptr include=x.bad.jp +all ip4:192.0.2.1')],
    };
    const resolver = new ZoneResolver(zone);
    const issues = [...(await analyseSpf('loop.jp', { resolver })).issues, ...(await analyseSpf('bad.jp', { resolver })).issues];
    expect(issues.length).toBeGreaterThan(8);
    for (const issue of issues) {
      const en = render('en', issue.text);
      const ja = render('ja', issue.text);
      expect(issue.text.key).toMatch(/^spf_issue_/);
      expect(en).not.toMatch(/\{[a-z]+\}/i);
      expect(ja).not.toMatch(/\{[a-z]+\}/i);
      expect(ja).toMatch(/[\u3040-\u30ff]/); // kana: the Japanese is Japanese, not the English again
    }
    const modifier = issues.find((i) => i.code === 'mechanism-as-modifier')!;
    expect(render('ja', modifier.text)).toBe('「include=x.bad.jp」は不明な設定として無視されます。「include:x.bad.jp」の書き間違いではありませんか');
    expect(render('en', issues.find((i) => i.code === 'loop')!.text)).toBe('loop.jp is reached again through loop.jp → a.loop.jp → loop.jp');
  });

  it('reports no record, two records, a located syntax error, and a DNS failure', async () => {
    const zone: ZoneData = {
      'none.jp': [txt('google-site-verification=abc')],
      'two.jp': [txt('v=spf1 -all'), txt('v=spf1 include:_spf.onamae.ne.jp ~all')],
      'syntax.jp': [txt('v=spf1 ip4:192.0.2.1/33 ~all')],
      'down.jp': [{ type: 'TXT', fail: 'servfail' }],
    };
    const resolver = new ZoneResolver(zone, { label: 'loopback' });
    expect(codes(await analyseSpf('none.jp', { resolver }))).toEqual(['no-record']);
    const two = await analyseSpf('two.jp', { resolver });
    expect(two.root.status).toBe('multiple');
    expect(two.root.records).toHaveLength(2);
    const syntax = await analyseSpf('syntax.jp', { resolver });
    expect(syntax.root.syntaxError).toMatchObject({ term: 'ip4:192.0.2.1/33', offset: 21 });
    const down = await analyseSpf('down.jp', { resolver });
    expect(down.issues[0]).toMatchObject({ code: 'dns-error' });
    expect(render('en', down.issues[0]!.text)).toMatch(/servfail from loopback/);
  });

  it('does not follow macro targets that depend on the message, and notes them', async () => {
    const zone: ZoneData = { 'm.jp': [txt('v=spf1 exists:%{i}.spf.m.jp include:%{d}.inc.example.net -all')], 'm.jp.inc.example.net': [txt('v=spf1 -all')] };
    const analysis = await analyseSpf('m.jp', { resolver: new ZoneResolver(zone) });
    expect(codes(analysis)).toEqual(['macro-target']);
    expect(analysis.root.children.map((c) => c.domain)).toEqual(['m.jp.inc.example.net']);
    expect(analysis.totalLookups).toBe(2);
  });

  it('analyses a record typed into a panel before it is published, including over-long strings', async () => {
    const long = 'v=spf1 ' + Array.from({ length: 20 }, (_, i) => `ip4:198.51.100.${i}`).join(' ') + ' include:_spf.onamae.ne.jp ~all';
    const analysis = await analyseRecordText('example.jp', long, { resolver: new ZoneResolver(realisticZone) });
    expect(codes(analysis)).toEqual(['string-too-long']);
    expect(analysis.totalLookups).toBe(1);
    const typo = await analyseRecordText('example.jp', 'v=spf1 include=_spf.onamae.ne.jp ~all', { resolver: new ZoneResolver(realisticZone) });
    expect(codes(typo)).toEqual(['mechanism-as-modifier']);
  });
});
