import { describe, expect, it } from 'vitest';
import { ZoneResolver } from '../../../lib/dns/memory';
import type { ZoneData } from '../../../lib/dns/memory';
import { checkHost } from '../../../lib/spf/check-host';
import { render } from '../../../lib/i18n';

const txt = (...value: string[]) => ({ type: 'TXT' as const, value });
const a = (value: string) => ({ type: 'A' as const, value });

function check(zone: ZoneData, ip: string, sender: string, extra: { helo?: string; receiver?: string } = {}) {
  return checkHost({ ip, sender, helo: extra.helo ?? 'mail.example.org' }, { resolver: new ZoneResolver(zone, { label: 'test-resolver' }), receiver: extra.receiver });
}

describe('checkHost', () => {
  const zone: ZoneData = {
    'example.jp': [txt('v=spf1 include:_spf.onamae.ne.jp ~all'), { type: 'MX', value: { preference: 10, exchange: 'mail1042.onamae.ne.jp' } }],
    '_spf.onamae.ne.jp': [txt('v=spf1 ip4:203.0.113.0/24 ip6:2001:db8:1::/48 ~all')],
  };

  it('passes a sender inside an included range, and says which term matched', async () => {
    const result = await check(zone, '203.0.113.9', 'info@example.jp');
    expect(result.result).toBe('pass');
    expect(result.matched).toEqual({ domain: 'example.jp', term: 'include:_spf.onamae.ne.jp' });
    expect(result.matchedChain).toEqual([
      { domain: 'example.jp', term: 'include:_spf.onamae.ne.jp' },
      { domain: '_spf.onamae.ne.jp', term: 'ip4:203.0.113.0/24' },
    ]);
    expect(result.lookups).toBe(1);
    expect(result.record).toBe('v=spf1 include:_spf.onamae.ne.jp ~all');
  });

  it('softfails an outside address through ~all, and treats IPv4-mapped IPv6 as IPv4', async () => {
    expect((await check(zone, '198.51.100.1', 'info@example.jp')).result).toBe('softfail');
    expect((await check(zone, '::ffff:203.0.113.9', 'info@example.jp')).result).toBe('pass');
    expect((await check(zone, '2001:db8:1::25', 'info@example.jp')).result).toBe('pass');
  });

  it('records every step with the lookup count and the DNS answers', async () => {
    const result = await check(zone, '198.51.100.1', 'info@example.jp');
    expect(result.trace.map((s) => [s.depth, s.domain, s.term, s.outcome])).toEqual([
      [0, 'example.jp', 'record', 'v=spf1 include:_spf.onamae.ne.jp ~all'],
      [0, 'example.jp', 'include:_spf.onamae.ne.jp', 'include _spf.onamae.ne.jp'],
      [1, '_spf.onamae.ne.jp', 'record', 'v=spf1 ip4:203.0.113.0/24 ip6:2001:db8:1::/48 ~all'],
      [1, '_spf.onamae.ne.jp', 'ip4:203.0.113.0/24', 'no match'],
      [1, '_spf.onamae.ne.jp', 'ip6:2001:db8:1::/48', 'no match'],
      [1, '_spf.onamae.ne.jp', '~all', 'match'],
      [0, 'example.jp', 'include:_spf.onamae.ne.jp', 'no match (included record gave softfail)'],
      [0, 'example.jp', '~all', 'match'],
    ]);
    expect(result.trace[0]!.queries).toEqual([
      { name: 'example.jp', type: 'TXT', outcome: 'answer', answers: ['v=spf1 include:_spf.onamae.ne.jp ~all'], resolver: 'test-resolver' },
    ]);
    expect(result.trace[2]!.lookups).toBe(1);
  });

  it('returns none without a record and permerror for two records', async () => {
    expect((await check({ 'example.jp': [a('192.0.2.1')] }, '192.0.2.1', 'a@example.jp')).result).toBe('none');
    expect((await check({}, '192.0.2.1', 'a@example.jp')).reason).toMatch(/does not exist/);
    const two = await check({ 'example.jp': [txt('v=spf1 -all'), txt('v=spf1 +all')] }, '192.0.2.1', 'a@example.jp');
    expect(two.result).toBe('permerror');
    expect(two.reason).toMatch(/2 SPF records/);
  });

  it('gives temperror naming the resolver when DNS fails', async () => {
    const result = await check({ 'example.jp': [{ type: 'TXT', fail: 'timeout' }] }, '192.0.2.1', 'a@example.jp');
    expect(result.result).toBe('temperror');
    expect(result.reason).toMatch(/timeout from test-resolver/);
    expect(result.trace[0]!.queries[0]).toMatchObject({ outcome: 'error', resolver: 'test-resolver' });
  });

  it('locates a syntax error in a nested record', async () => {
    const result = await check(
      { 'example.jp': [txt('v=spf1 include:bad.example.net -all')], 'bad.example.net': [txt('v=spf1 ip4:192.0.2.1/33 -all')] },
      '192.0.2.1',
      'a@example.jp',
    );
    expect(result.result).toBe('permerror');
    expect(result.syntaxError).toMatchObject({ domain: 'bad.example.net', term: 'ip4:192.0.2.1/33', offset: 21 });
  });

  it('stops at the 11th DNS-querying term and at the 3rd void lookup', async () => {
    const many = 'v=spf1 ' + Array.from({ length: 11 }, (_, i) => `a:h${i}.example.jp`).join(' ') + ' -all';
    const hosts = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`h${i}.example.jp`, [a('192.0.2.200')]]));
    const over = await check({ 'example.jp': [txt(many)], ...hosts }, '192.0.2.1', 'a@example.jp');
    expect(over.result).toBe('permerror');
    expect(over.lookups).toBe(11);
    const voids = await check({ 'example.jp': [txt('v=spf1 a:n1.example.jp a:n2.example.jp a:n3.example.jp -all')] }, '192.0.2.1', 'a@example.jp');
    expect(voids.result).toBe('permerror');
    expect(voids.voidLookups).toBe(3);
  });

  it('expands exp= with the explanation-only macros for a fail', async () => {
    const result = await check(
      {
        'example.jp': [txt('v=spf1 -all exp=why.example.jp')],
        'why.example.jp': [txt('%{c} is not allowed to send for %{o} (checked by %{r})')],
      },
      '2001:db8::1',
      'a@example.jp',
      { receiver: 'mx.gmail.example' },
    );
    expect(result.result).toBe('fail');
    expect(result.explanation).toBe('2001:db8::1 is not allowed to send for example.jp (checked by mx.gmail.example)');
  });

  it('checks postmaster@HELO for a null sender, and validates %{p} through PTR', async () => {
    const zone2: ZoneData = {
      'mail.example.org': [txt('v=spf1 exists:%{p}.allow.example.org -all'), a('192.0.2.10')],
      '10.2.0.192.in-addr.arpa': [{ type: 'PTR', value: 'mail.example.org' }],
      'mail.example.org.allow.example.org': [a('127.0.0.2')],
    };
    const result = await check(zone2, '192.0.2.10', '', { helo: 'mail.example.org' });
    expect(result.result).toBe('pass');
    const forged = await check({ ...zone2, '10.2.0.192.in-addr.arpa': [{ type: 'PTR', value: 'other.example.net' }] }, '192.0.2.10', '', { helo: 'mail.example.org' });
    expect(forged.result).toBe('fail');
  });

  it('reports a bad client address as permerror instead of throwing', async () => {
    const result = await check(zone, '999.1.1.1', 'a@example.jp');
    expect(result.result).toBe('permerror');
    expect(result.reason).toMatch(/not an IP address/);
  });
});

// RFC 7208 §4.6.4: "the check_host() function SHOULD count the number of "void" lookups ... DNS queries
// return either a positive answer (RCODE 0) with an answer count of 0, or a "Name Error" (RCODE 3)".
// The count is per query, so the address queries an mx or ptr term makes count as well.
describe('checkHost void lookups (RFC 7208 §4.6.4)', () => {
  const mx = (exchange: string, preference = 10) => ({ type: 'MX' as const, value: { preference, exchange } });
  const ptr = (value: string) => ({ type: 'PTR' as const, value });
  const voidSteps = (result: Awaited<ReturnType<typeof check>>) =>
    result.trace.flatMap((s) => (s.voidLookup ? [`${s.voidLookup.name} ${s.voidLookup.type} ${s.voidLookup.outcome}`] : []));

  it('counts an MX host without an address: the issue\'s mx + a:v2 + a:v3 example is permerror', async () => {
    const zone: ZoneData = {
      'example.jp': [txt('v=spf1 mx a:v2.example a:v3.example a -all'), mx('mx.example.jp'), a('192.0.2.9')],
      'mx.example.jp': [txt('no address here')],
    };
    const result = await check(zone, '192.0.2.1', 'a@example.jp');
    expect(result.result).toBe('permerror');
    expect(result.reason).toMatch(/void lookup limit/);
    expect(result.problem).toEqual({ key: 'spf_error_void_limit', params: { max: 2, name: 'v3.example', type: 'A' } });
    expect(render('ja', result.problem!)).toBe('何も見つからないDNSの問い合わせが上限の2回を超えました（最後はv3.exampleのA）');
    expect(result.voidLookups).toBe(3);
    expect(voidSteps(result)).toEqual(['mx.example.jp A nodata', 'v2.example A nxdomain', 'v3.example A nxdomain']);
    // Two voids stay within the limit: the final "a" is still evaluated.
    const two = await check({ ...zone, 'example.jp': [txt('v=spf1 mx a:v2.example a -all'), mx('mx.example.jp'), a('192.0.2.1')] }, '192.0.2.1', 'a@example.jp');
    expect(two.result).toBe('pass');
    expect(two.voidLookups).toBe(2);
  });

  it('counts each void MX host separately, and the MX query itself when it is empty', async () => {
    const zone: ZoneData = {
      'example.jp': [txt('v=spf1 mx mx:nomx.example.jp -all'), mx('h1.example.jp', 10), mx('h2.example.jp', 20)],
      'nomx.example.jp': [a('192.0.2.50')],
    };
    const result = await check(zone, '192.0.2.1', 'a@example.jp');
    expect(result.result).toBe('permerror');
    expect(voidSteps(result)).toEqual(['h1.example.jp A nxdomain', 'h2.example.jp A nxdomain', 'nomx.example.jp MX nodata']);
    // An IPv6 client asks AAAA of the same hosts: v4-only MX hosts are void for it too.
    const v6 = await check({ 'example.jp': zone['example.jp']!, 'h1.example.jp': [a('192.0.2.1')], 'h2.example.jp': [a('192.0.2.2')], 'nomx.example.jp': [a('192.0.2.3')] }, '2001:db8::1', 'a@example.jp');
    expect(v6.result).toBe('permerror');
    expect(voidSteps(v6)).toEqual(['h1.example.jp AAAA nodata', 'h2.example.jp AAAA nodata', 'nomx.example.jp MX nodata']);
  });

  it('counts the address queries of PTR names, but a DNS error on them only skips the name (§5.5)', async () => {
    const reverse = '1.2.0.192.in-addr.arpa';
    const zone: ZoneData = {
      'example.jp': [txt('v=spf1 ptr a:gone.example.jp -all')],
      [reverse]: [ptr('p1.example.jp'), ptr('p2.example.jp')],
    };
    const result = await check(zone, '192.0.2.1', 'a@example.jp');
    expect(result.result).toBe('permerror');
    expect(voidSteps(result)).toEqual(['p1.example.jp A nxdomain', 'p2.example.jp A nxdomain', 'gone.example.jp A nxdomain']);

    const erring: ZoneData = {
      'example.jp': [txt('v=spf1 ptr a:gone.example.jp -all')],
      [reverse]: [ptr('p1.example.jp'), ptr('p2.example.jp')],
      'p1.example.jp': [{ type: 'A', fail: 'timeout' }],
      'p2.example.jp': [{ type: 'A', fail: 'servfail' }],
    };
    const skipped = await check(erring, '192.0.2.1', 'a@example.jp');
    expect(skipped.result).toBe('fail');
    expect(skipped.voidLookups).toBe(1);
    expect(voidSteps(skipped)).toEqual(['gone.example.jp A nxdomain']);
  });

  it('a PTR lookup error makes ptr not match (§5.5), and an empty PTR answer is one void lookup', async () => {
    const zone: ZoneData = {
      'example.jp': [txt('v=spf1 ptr ~all')],
      '1.2.0.192.in-addr.arpa': [{ type: 'PTR', fail: 'servfail' }],
    };
    expect((await check(zone, '192.0.2.1', 'a@example.jp')).result).toBe('softfail');
    const empty = await check({ 'example.jp': [txt('v=spf1 ptr ~all')] }, '192.0.2.1', 'a@example.jp');
    expect(empty.result).toBe('softfail');
    expect(voidSteps(empty)).toEqual(['1.2.0.192.in-addr.arpa PTR nxdomain']);
  });

  it('looks up every MX host (§5.4), so an empty one after the matching host still counts', async () => {
    const zone: ZoneData = {
      'example.jp': [txt('v=spf1 a:n1.example.jp a:n2.example.jp mx -all'), mx('good.example.jp', 10), mx('empty.example.jp', 20)],
      'good.example.jp': [a('192.0.2.1')],
    };
    const result = await check(zone, '192.0.2.1', 'a@example.jp');
    expect(result.result).toBe('permerror');
    expect(voidSteps(result)).toEqual(['n1.example.jp A nxdomain', 'n2.example.jp A nxdomain', 'empty.example.jp A nxdomain']);
  });

  it('counts the PTR validation behind %{p}, but not the lookups of the explanation (§4.6.4)', async () => {
    const reverse = '1.2.0.192.in-addr.arpa';
    const zone: ZoneData = {
      'example.jp': [txt('v=spf1 a:n1.example.jp exists:%{p}.ok.example.jp -all')],
      [reverse]: [ptr('gone.example.jp')],
    };
    const result = await check(zone, '192.0.2.1', 'a@example.jp');
    expect(result.result).toBe('permerror');
    expect(voidSteps(result)).toEqual(['n1.example.jp A nxdomain', 'gone.example.jp A nxdomain', 'unknown.ok.example.jp A nxdomain']);

    const explained = await check(
      { 'example.jp': [txt('v=spf1 a:n1.example.jp a:n2.example.jp -all exp=why.example.jp')], 'why.example.jp': [txt('%{p} may not send')], [reverse]: [ptr('gone.example.jp')] },
      '192.0.2.1',
      'a@example.jp',
    );
    expect(explained.result).toBe('fail');
    expect(explained.explanation).toBe('unknown may not send');
    expect(explained.voidLookups).toBe(2);
  });

  it('%{p} prefers a validated name in the current domain (§7.3)', async () => {
    const reverse = '1.2.0.192.in-addr.arpa';
    const zone: ZoneData = {
      'example.jp': [txt('v=spf1 exists:%{p}.a.example.jp include:other.example.net -all')],
      'other.example.net': [txt('v=spf1 exists:%{p}.b.example.jp')],
      [reverse]: [ptr('mail.example.net'), ptr('mail.example.jp')],
      'mail.example.net': [a('192.0.2.1')],
      'mail.example.jp': [a('192.0.2.1')],
      'mail.example.net.b.example.jp': [a('127.0.0.2')],
    };
    const result = await check(zone, '192.0.2.1', 'a@example.jp');
    expect(result.result).toBe('pass');
    const asked = result.trace.flatMap((s) => s.queries.map((q) => q.name)).filter((n) => n.endsWith('.a.example.jp') || n.endsWith('.b.example.jp'));
    expect(asked).toEqual(['mail.example.jp.a.example.jp', 'mail.example.net.b.example.jp']);
  });

  it('counts exists queries, and stops at the first query over the limit', async () => {
    const zone: ZoneData = { 'example.jp': [txt('v=spf1 exists:x1.example.jp exists:x2.example.jp exists:x3.example.jp exists:x4.example.jp -all')] };
    const result = await check(zone, '192.0.2.1', 'a@example.jp');
    expect(result.result).toBe('permerror');
    expect(result.voidLookups).toBe(3);
    expect(result.trace.at(-1)!.outcome).toMatch(/x3\.example\.jp A/);
  });
});
