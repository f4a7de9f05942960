// DohResolver against the real loopback testbed: BIND answers through dnsdist's HTTP/1.1 DoH listener.
import { describe, expect, it } from 'vitest';
import { DohFailoverError, DohResolver } from '../../lib/dns/doh';
import type { DohEndpoint, DohResolverOptions } from '../../lib/dns/doh';
import { txtJoin } from '../../lib/dns/types';
import type { DnsRecord } from '../../lib/dns/types';
import { countingFetch, failure, testbed } from './helpers';

const bed = testbed();
const good: DohEndpoint = { label: 'testbed', url: bed.dohUrl };
const servfail: DohEndpoint = { label: 'servfail-resolver', url: bed.servfailUrl };
const blackhole: DohEndpoint = { label: 'blackhole', url: bed.blackholeUrl };

function resolver(options: DohResolverOptions = {}): DohResolver {
  return new DohResolver({ endpoints: [good], cache: false, timeoutMs: 2000, ...options });
}

const txt = (records: DnsRecord[]) => records.map(txtJoin).sort();

describe('DohResolver on the testbed: transport', () => {
  it('asks with GET by default and reads the seed domain (no SPF)', async () => {
    const counter = countingFetch();
    const answer = await resolver({ fetch: counter.fetch }).query('Example.JP.', 'TXT');
    expect(counter.calls).toHaveLength(1);
    expect(counter.calls[0]?.method).toBe('GET');
    expect(counter.calls[0]?.url).toMatch(/\?dns=[A-Za-z0-9_-]+$/);
    expect(answer).toMatchObject({ name: 'example.jp', type: 'TXT', rcode: 'NOERROR', cnameChain: [], ttl: 60, resolver: 'testbed' });
    expect(txt(answer.answers)).toEqual(['google-site-verification=Xq3v9TzJ0eK1mP4sR7uW2yB5nD8fH6gL0aC3vE1iO9']);
  });

  it('switches to POST when the GET URL would be longer than getMaxLength', async () => {
    const counter = countingFetch();
    const answer = await resolver({ fetch: counter.fetch, getMaxLength: 40 }).query('spf-double.jp', 'TXT');
    expect(counter.calls.map((call) => call.method)).toEqual(['POST']);
    expect(counter.calls[0]?.url).toBe(bed.dohUrl);
    expect(txt(answer.answers)).toEqual(['v=spf1 include:_spf.google.com ~all', 'v=spf1 include:_spf.onamae.ne.jp ~all']);
  });
});

describe('DohResolver on the testbed: answers', () => {
  it('keeps the character-strings of a long SPF record and txtJoin joins them exactly', async () => {
    const answer = await resolver().query('multistring.jp', 'TXT');
    const spf = answer.answers.find((record) => txtJoin(record).startsWith('v=spf1'));
    expect(spf?.type === 'TXT' && spf.data.map((part) => part.length)).toEqual([231, 224, 78]);
    const joined = spf ? txtJoin(spf) : '';
    expect(joined).toHaveLength(533);
    expect(joined).toContain('ip4:192.0.2.114 ip4:192.0.2.115'); // the boundary between strings 1 and 2
    expect(joined.endsWith('ip4:192.0.2.131 include:_spf.onamae.ne.jp ~all')).toBe(true);
  });

  it('returns NXDOMAIN with the SOA negative TTL', async () => {
    const answer = await resolver().query('nope.example.jp', 'TXT');
    expect(answer).toMatchObject({ rcode: 'NXDOMAIN', answers: [], ttl: 60 });
    // The zone's SOA, for a watch of a record that did not exist (RFC 2308: its MINIMUM bounds the caching).
    expect(answer.negativeSoa).toEqual({ zone: 'example.jp', ttl: 60, minimum: 60 }); // BIND sends the SOA with the negative TTL itself
  });

  it('returns NODATA as NOERROR without records', async () => {
    const answer = await resolver().query('example.jp', 'AAAA');
    expect(answer).toMatchObject({ rcode: 'NOERROR', answers: [], ttl: 60 });
    expect(answer.negativeSoa).toMatchObject({ zone: 'example.jp', minimum: 60 });
    expect((await resolver().query('example.jp', 'MX')).negativeSoa, 'a positive answer has none').toBeUndefined();
  });

  it('decodes A, AAAA, MX, NS and SOA', async () => {
    const r = resolver();
    const [a, aaaa, mx, ns, soa] = await Promise.all([
      r.query('example.jp', 'A'),
      r.query('mx.nested.jp', 'AAAA'),
      r.query('example.jp', 'MX'),
      r.query('example.jp', 'NS'),
      r.query('example.jp', 'SOA'),
    ]);
    expect(a.answers.map((record) => record.data).sort()).toEqual(['185.230.63.107', '185.230.63.171', '185.230.63.186']);
    expect(a.ttl).toBe(3600);
    expect(aaaa.answers).toEqual([{ name: 'mx.nested.jp', ttl: 300, type: 'AAAA', data: '2001:db8:10::25' }]);
    expect(mx.answers).toEqual([{ name: 'example.jp', ttl: 3600, type: 'MX', data: { preference: 10, exchange: 'mail1042.onamae.ne.jp' } }]);
    expect(ns.answers.map((record) => record.data).sort()).toEqual(['ns0.wixdns.net', 'ns1.wixdns.net']);
    expect(soa.answers).toEqual([
      {
        name: 'example.jp',
        ttl: 3600,
        type: 'SOA',
        data: { mname: 'ns0.wixdns.net', rname: 'support.wix.com', serial: 2024060101, refresh: 3600, retry: 600, expire: 604800, minimum: 60 },
      },
    ]);
  });

  it('reads the DKIM key split over two strings', async () => {
    const answer = await resolver().query('default._domainkey.dmarc-wix.jp', 'TXT');
    const key = txtJoin(answer.answers[0] ?? { name: '', ttl: 0, type: 'TXT', data: [] });
    expect(key).toMatch(/^v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA[A-Za-z0-9+/]+IDAQAB$/);
  });
});

describe('DohResolver on the testbed: CNAME', () => {
  it('follows a chain across three zones with further queries', async () => {
    const counter = countingFetch();
    const answer = await resolver({ fetch: counter.fetch }).query('_spf.cname-spf.jp', 'TXT');
    expect(answer.cnameChain).toEqual(['spf.cname-hop.jp', '_spf.onamae.ne.jp']);
    expect(txt(answer.answers)).toEqual(['v=spf1 ip4:203.0.113.0/25 ip4:203.0.113.128/26 ~all']);
    expect(answer.answers[0]?.name).toBe('_spf.onamae.ne.jp');
    expect(answer.ttl).toBe(60); // the first CNAME's TTL is the smallest on the chain
    expect(counter.calls).toHaveLength(3); // BIND does not chase CNAMEs into other zones
  });

  it('follows _dmarc to the Wix DMARC record and www to the Wix CDN', async () => {
    const r = resolver();
    const dmarc = await r.query('_dmarc.dmarc-wix.jp', 'TXT');
    expect(dmarc.cnameChain).toEqual(['_dmarc.wixemails.com']);
    expect(txt(dmarc.answers)).toEqual(['v=DMARC1; p=none; rua=mailto:dmarc-reports@wixemails.com']);
    const www = await r.query('www.example.jp', 'A');
    expect(www).toMatchObject({ cnameChain: ['cdn1.wixdns.net'], answers: [{ name: 'cdn1.wixdns.net', type: 'A', data: '203.0.113.202' }] });
  });

  it('returns the CNAME record itself when asked for CNAME', async () => {
    const answer = await resolver().query('www.example.jp', 'CNAME');
    expect(answer).toMatchObject({ cnameChain: [], answers: [{ name: 'www.example.jp', type: 'CNAME', data: 'cdn1.wixdns.net' }] });
  });

  it('fails on a CNAME loop across zones', async () => {
    const error = await failure(resolver().query('loop-a.cname-spf.jp', 'A'));
    expect(error.kind).toBe('servfail');
    expect(error.message).toContain('CNAME loop: loop-a.cname-spf.jp → loop-b.cname-hop.jp → loop-a.cname-spf.jp');
  });
});

describe('DohResolver on the testbed: failures', () => {
  it('reports SERVFAIL for a zone that failed to load', async () => {
    const error = await failure(resolver().query('broken.jp', 'TXT'));
    expect(error).toMatchObject({ kind: 'servfail', resolver: 'testbed', qname: 'broken.jp', qtype: 'TXT' });
  });

  it('reports SERVFAIL from the SERVFAIL endpoint', async () => {
    const error = await failure(resolver({ endpoints: [servfail] }).query('example.jp', 'TXT'));
    expect(error).toMatchObject({ kind: 'servfail', resolver: 'servfail-resolver' });
  });

  it('reports REFUSED for a name outside the testbed zones', async () => {
    const error = await failure(resolver().query('example.com', 'A'));
    expect(error.kind).toBe('refused');
  });

  it('times out against the black hole', async () => {
    const started = performance.now();
    const error = await failure(resolver({ endpoints: [blackhole], timeoutMs: 300 }).query('example.jp', 'TXT'));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: 'timeout', resolver: 'blackhole' });
    expect(error.message).toContain('no reply within 300 ms');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
  });

  it('reports an HTTP error status as kind http', async () => {
    const error = await failure(resolver({ endpoints: [{ label: 'down', url: bed.httpErrorUrl }] }).query('example.jp', 'TXT'));
    expect(error).toMatchObject({ kind: 'http', resolver: 'down' });
    expect(error.message).toContain('HTTP 503');
  });

  it('reports an HTTP 404 from a wrong path as kind http', async () => {
    const wrongPath = bed.dohUrl.replace('/dns-query', '/resolve');
    const error = await failure(resolver({ endpoints: [{ label: 'wrong', url: wrongPath }] }).query('example.jp', 'TXT'));
    expect(error).toMatchObject({ kind: 'http' });
    expect(error.message).toContain('HTTP 404');
  });

  it('reports undecodable bytes as kind malformed', async () => {
    const error = await failure(resolver({ endpoints: [{ label: 'garbage', url: bed.garbageUrl }] }).query('example.jp', 'TXT'));
    expect(error).toMatchObject({ kind: 'malformed', resolver: 'garbage' });
  });

  it('reports a closed port as kind network', async () => {
    // The fault server's port with a path nobody serves is still open, so use the rndc port: it speaks
    // rndc, not HTTP, and closes the connection on an HTTP request.
    const error = await failure(resolver({ endpoints: [{ label: 'not-http', url: `http://127.0.0.1:${bed.rndcPort}/dns-query` }] }).query('example.jp', 'TXT'));
    expect(error.kind).toBe('network');
  });
});

describe('DohResolver on the testbed: failover', () => {
  it('answers from the second endpoint when the first is a black hole', async () => {
    const answer = await resolver({ endpoints: [blackhole, good], timeoutMs: 300 }).query('spf-strict.jp', 'TXT');
    expect(answer.resolver).toBe('testbed');
    expect(txt(answer.answers)).toEqual(['v=spf1 include:_spf.google.com -all']);
  });

  it('answers from the second endpoint when the first says SERVFAIL', async () => {
    const answer = await resolver({ endpoints: [servfail, good] }).query('nested.jp', 'MX');
    expect(answer).toMatchObject({ resolver: 'testbed', answers: [{ data: { preference: 10, exchange: 'mx.nested.jp' } }] });
  });

  it('does not fail over on NXDOMAIN', async () => {
    const counter = countingFetch();
    const answer = await resolver({ endpoints: [good, servfail], fetch: counter.fetch }).query('nope.example.jp', 'A');
    expect(answer.rcode).toBe('NXDOMAIN');
    expect(counter.calls).toHaveLength(1);
  });

  it('tries a black-holed endpoint last while it is cooling down', async () => {
    const counter = countingFetch();
    const r = resolver({ endpoints: [blackhole, good], timeoutMs: 300, fetch: counter.fetch });
    await r.query('example.jp', 'MX');
    await r.query('example.jp', 'NS');
    expect(counter.calls.map((call) => call.url.split('?')[0])).toEqual([bed.blackholeUrl, bed.dohUrl, bed.dohUrl]);
  });

  it('names every endpoint when all fail', async () => {
    const error = await failure(resolver({ endpoints: [blackhole, servfail], timeoutMs: 300 }).query('example.jp', 'TXT'));
    expect(error).toBeInstanceOf(DohFailoverError);
    expect(error).toMatchObject({ kind: 'servfail', resolver: 'servfail-resolver', qname: 'example.jp', qtype: 'TXT' });
    expect(error.message).toContain('blackhole: timeout (no reply within 300 ms)');
    expect(error.message).toContain('servfail-resolver: servfail (SERVFAIL)');
    expect((error as DohFailoverError).attempts.map((attempt) => attempt.kind)).toEqual(['timeout', 'servfail']);
  });
});

describe('DohResolver on the testbed: cache', () => {
  it('answers a repeated question from the cache without fetching', async () => {
    const counter = countingFetch();
    const r = resolver({ fetch: counter.fetch, cache: true });
    const first = await r.query('nested.jp', 'TXT');
    const second = await r.query('NESTED.jp.', 'TXT');
    expect(counter.calls).toHaveLength(1);
    expect(first.cached).toBeFalsy();
    expect(second.cached).toBe(true);
    expect(second.answers).toEqual(first.answers);
    r.cache?.clear();
    await r.query('nested.jp', 'TXT');
    expect(counter.calls).toHaveLength(2);
  });

  it('caches NXDOMAIN answers', async () => {
    const counter = countingFetch();
    const r = resolver({ fetch: counter.fetch, cache: true });
    await r.query('missing.nested.jp', 'TXT');
    const again = await r.query('missing.nested.jp', 'TXT');
    expect(again).toMatchObject({ rcode: 'NXDOMAIN', cached: true });
    expect(counter.calls).toHaveLength(1);
  });

  it('sends one request for concurrent identical questions', async () => {
    const counter = countingFetch();
    const r = resolver({ fetch: counter.fetch, cache: true });
    const answers = await Promise.all(Array.from({ length: 5 }, () => r.query('spf-toomany.jp', 'TXT')));
    expect(counter.calls).toHaveLength(1);
    expect(new Set(answers.map((answer) => txtJoin(answer.answers[0] ?? { name: '', ttl: 0, type: 'TXT', data: [] }))).size).toBe(1);
  });

  it('caches a followed CNAME chain as one answer for the original name', async () => {
    const counter = countingFetch();
    const r = resolver({ fetch: counter.fetch, cache: true });
    await r.query('mail.cname-spf.jp', 'A');
    const again = await r.query('mail.cname-spf.jp', 'A');
    expect(again).toMatchObject({ cached: true, cnameChain: ['relay.cname-hop.jp', 'mail1042.onamae.ne.jp'] });
    expect(again.answers).toEqual([{ name: 'mail1042.onamae.ne.jp', ttl: expect.any(Number), type: 'A', data: '203.0.113.42' }]);
    expect(counter.calls).toHaveLength(3);
  });

  it('does not cache failures', async () => {
    const counter = countingFetch();
    const r = resolver({ fetch: counter.fetch, cache: true });
    await failure(r.query('broken.jp', 'TXT'));
    await failure(r.query('broken.jp', 'TXT'));
    expect(counter.calls).toHaveLength(2);
  });
});
