import { describe, expect, it } from 'vitest';
import { ZoneResolver } from '../../../lib/dns/memory';
import type { ZoneData } from '../../../lib/dns/memory';
import { checkHost } from '../../../lib/spf/check-host';

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
