// interpretAnswer: CNAME chains inside one reply, when to ask again, loops, and RFC 2308 negative TTLs.
import { describe, expect, it } from 'vitest';
import { NEGATIVE_TTL_FALLBACK, interpretAnswer, negativeTtl } from '../../lib/dns/answer';
import type { DnsRecord } from '../../lib/dns/types';
import type { DecodedMessage } from '../../lib/dns/wire';

function message(rcode: string, answers: DnsRecord[], authority: DnsRecord[] = []): DecodedMessage {
  return { id: 0, isResponse: true, truncated: false, rcode, question: undefined, answers, authority };
}
const cname = (name: string, target: string, ttl = 300): DnsRecord => ({ name, ttl, type: 'CNAME', data: target });
const a = (name: string, address: string, ttl = 300): DnsRecord => ({ name, ttl, type: 'A', data: address });
const soa = (zone: string, ttl: number, minimum: number): DnsRecord => ({
  name: zone,
  ttl,
  type: 'SOA',
  data: { mname: `ns.${zone}`, rname: `hostmaster.${zone}`, serial: 1, refresh: 1, retry: 1, expire: 1, minimum },
});

describe('interpretAnswer', () => {
  it('returns the records of the asked type with the smallest TTL', () => {
    const result = interpretAnswer(message('NOERROR', [a('example.jp', '192.0.2.1', 300), a('example.jp', '192.0.2.2', 120)]), 'example.jp', 'A');
    expect(result).toEqual({
      kind: 'answer',
      rcode: 'NOERROR',
      answers: [a('example.jp', '192.0.2.1', 300), a('example.jp', '192.0.2.2', 120)],
      chain: [],
      ttl: 120,
    });
  });

  it('follows a chain inside the reply, counting the CNAME TTLs', () => {
    const reply = message('NOERROR', [cname('www.example.jp', 'cdn1.wixdns.net', 50), a('cdn1.wixdns.net', '203.0.113.202', 3600)]);
    expect(interpretAnswer(reply, 'www.example.jp', 'A')).toMatchObject({
      kind: 'answer',
      answers: [a('cdn1.wixdns.net', '203.0.113.202', 3600)],
      chain: ['cdn1.wixdns.net'],
      ttl: 50,
    });
  });

  it('ignores records of the asked type that belong to other names', () => {
    const reply = message('NOERROR', [cname('www.example.jp', 'cdn1.wixdns.net'), a('other.example.jp', '192.0.2.9')]);
    expect(interpretAnswer(reply, 'www.example.jp', 'A')).toMatchObject({ kind: 'follow', next: 'cdn1.wixdns.net' });
  });

  it('asks again when the chain leaves the reply without the target zone SOA (authoritative server)', () => {
    const reply = message('NOERROR', [cname('_dmarc.dmarc-wix.jp', '_dmarc.wixemails.com', 300)]);
    expect(interpretAnswer(reply, '_dmarc.dmarc-wix.jp', 'TXT')).toEqual({
      kind: 'follow',
      next: '_dmarc.wixemails.com',
      chain: ['_dmarc.wixemails.com'],
      ttl: 300,
    });
  });

  it('treats a chased chain ending in the target zone SOA as NODATA (recursive resolver)', () => {
    const reply = message('NOERROR', [cname('a.example.jp', 'b.other.jp', 300)], [soa('other.jp', 900, 60)]);
    expect(interpretAnswer(reply, 'a.example.jp', 'TXT')).toEqual({
      kind: 'answer',
      rcode: 'NOERROR',
      answers: [],
      chain: ['b.other.jp'],
      ttl: 60,
    });
  });

  it('does not take an unrelated zone SOA as covering the target', () => {
    const reply = message('NOERROR', [cname('a.example.jp', 'b.other.jp')], [soa('example.jp', 900, 60)]);
    expect(interpretAnswer(reply, 'a.example.jp', 'TXT')).toMatchObject({ kind: 'follow', next: 'b.other.jp' });
  });

  it('reports NXDOMAIN at the end of a chain as NXDOMAIN', () => {
    const reply = message('NXDOMAIN', [cname('a.example.jp', 'gone.example.jp', 300)], [soa('example.jp', 3600, 60)]);
    expect(interpretAnswer(reply, 'a.example.jp', 'A')).toMatchObject({ kind: 'answer', rcode: 'NXDOMAIN', chain: ['gone.example.jp'], ttl: 60 });
  });

  it('returns the CNAME itself when CNAME is asked', () => {
    const reply = message('NOERROR', [cname('www.example.jp', 'cdn1.wixdns.net')]);
    expect(interpretAnswer(reply, 'www.example.jp', 'CNAME')).toMatchObject({
      kind: 'answer',
      answers: [cname('www.example.jp', 'cdn1.wixdns.net')],
      chain: [],
    });
  });

  it('detects a loop inside one reply', () => {
    const reply = message('NOERROR', [cname('x.example.jp', 'y.example.jp'), cname('y.example.jp', 'x.example.jp')]);
    expect(interpretAnswer(reply, 'x.example.jp', 'A')).toEqual({ kind: 'loop', chain: ['y.example.jp', 'x.example.jp'] });
  });

  it('detects a loop back to a name visited in an earlier reply', () => {
    const reply = message('NOERROR', [cname('loop-b.cname-hop.jp', 'loop-a.cname-spf.jp')]);
    expect(interpretAnswer(reply, 'loop-b.cname-hop.jp', 'A', ['loop-a.cname-spf.jp', 'loop-b.cname-hop.jp'])).toMatchObject({ kind: 'loop' });
  });
});

describe('negativeTtl', () => {
  it('is the smaller of the SOA TTL and its MINIMUM (RFC 2308)', () => {
    expect(negativeTtl([soa('example.jp', 3600, 60)])).toBe(60);
    expect(negativeTtl([soa('example.jp', 30, 900)])).toBe(30);
  });

  it('falls back when there is no SOA', () => {
    expect(negativeTtl([])).toBe(NEGATIVE_TTL_FALLBACK);
  });
});
