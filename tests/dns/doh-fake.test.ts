// DohResolver against an in-memory DoH server, for behaviour the loopback testbed cannot produce on
// demand: HTTP Age headers, TTL expiry on a fake clock, fetches that ignore abort, odd replies.
import type { Answer } from '@dnsquery/dns-packet';
import { describe, expect, it } from 'vitest';
import { DohResolver } from '../../lib/dns/doh';
import type { DohResolverOptions, FetchLike } from '../../lib/dns/doh';
import { encodeQuery, toBase64Url } from '../../lib/dns/wire';
import { countingFetch, failure, fakeDoh, queryOf, soa } from './helpers';
import type { FakeReply } from './helpers';

const ENDPOINT = { label: 'fake', url: 'https://fake.test/dns-query' };
const txtAnswer = (name: string, ttl: number, text: string): Answer => ({ name, type: 'TXT', ttl, data: [text] });

function clock(): { now: () => number; advance: (ms: number) => void } {
  let time = 5_000_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

function resolver(fetch: FetchLike, options: DohResolverOptions = {}): DohResolver {
  return new DohResolver({ endpoints: [ENDPOINT], fetch, timeoutMs: 500, ...options });
}

describe('TTLs, Age and expiry', () => {
  it('takes the HTTP Age header off the TTLs and off the cache lifetime', async () => {
    const time = clock();
    const counter = countingFetch(
      fakeDoh((name): FakeReply => ({ answers: [txtAnswer(name, 300, 'v=spf1 -all')], headers: { age: '250' } })),
    );
    const r = resolver(counter.fetch, { now: time.now });
    const answer = await r.query('aged.jp', 'TXT');
    expect(answer.ttl).toBe(50);
    expect(answer.answers[0]?.ttl).toBe(50);
    time.advance(49_000);
    expect((await r.query('aged.jp', 'TXT')).cached).toBe(true);
    time.advance(1_000);
    expect((await r.query('aged.jp', 'TXT')).cached).toBeFalsy();
    expect(counter.calls).toHaveLength(2);
  });

  it('expires positive and negative answers by their own TTLs on the injected clock', async () => {
    const time = clock();
    const counter = countingFetch(
      fakeDoh((name): FakeReply =>
        name === 'gone.jp'
          ? { rcode: 'NXDOMAIN', authorities: [soa('jp', 900, 30)] }
          : { answers: [txtAnswer(name, 120, 'v=spf1 ~all')] },
      ),
    );
    const r = resolver(counter.fetch, { now: time.now });
    expect((await r.query('gone.jp', 'TXT')).ttl).toBe(30);
    await r.query('here.jp', 'TXT');
    time.advance(30_000);
    await r.query('gone.jp', 'TXT'); // negative TTL over: asked again
    const here = await r.query('here.jp', 'TXT');
    expect(here).toMatchObject({ cached: true, ttl: 90 });
    expect(counter.calls.length).toBe(3);
  });
});

describe('timeouts and cancellation', () => {
  it('times out even when the fetch ignores the abort signal', async () => {
    const neverSettles: FetchLike = () => new Promise<Response>(() => undefined);
    const error = await failure(resolver(neverSettles, { timeoutMs: 50 }).query('slow.jp', 'TXT'));
    expect(error).toMatchObject({ kind: 'timeout', resolver: 'fake' });
  });

  it('times out while the body is still arriving', async () => {
    const slowBody: FetchLike = async (_url, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/dns-message' } });
    };
    const error = await failure(resolver(slowBody, { timeoutMs: 50 }).query('slow.jp', 'TXT'));
    expect(error.kind).toBe('timeout');
  });

  it('stops at once when the caller aborts, without failing over', async () => {
    const counter = countingFetch(() => new Promise<Response>(() => undefined));
    const r = new DohResolver({ endpoints: [ENDPOINT, { label: 'second', url: 'https://second.test/dns-query' }], fetch: counter.fetch, cache: false, timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = failure(r.query('slow.jp', 'TXT', { signal: controller.signal }));
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ kind: 'other' });
    expect(error.message).toContain('aborted');
    expect(counter.calls).toHaveLength(1);
  });

  it('lets one caller stop waiting on a shared query while another still gets the answer', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetch = fakeDoh(async (name): Promise<FakeReply> => {
      await gate;
      return { answers: [txtAnswer(name, 60, 'v=spf1 -all')] };
    });
    const r = resolver(fetch);
    const controller = new AbortController();
    const impatient = failure(r.query('shared.jp', 'TXT', { signal: controller.signal }));
    const patient = r.query('shared.jp', 'TXT');
    controller.abort();
    expect((await impatient).message).toContain('aborted');
    release();
    expect((await patient).answers).toHaveLength(1);
  });
});

describe('odd replies', () => {
  it('rejects a reply for another question (kind question)', async () => {
    // The fake server answers whatever question the URL holds, so swap in a query for other.jp.
    const answerAnything = fakeDoh(() => ({ answers: [] }));
    const lying: FetchLike = (url, init) => answerAnything(url.replace(/dns=[^&]+/, `dns=${toBase64Url(encodeQuery('other.jp', 'TXT'))}`), init);
    const error = await failure(resolver(lying).query('asked.jp', 'TXT'));
    expect(error.kind).toBe('question');
    expect(error.message).toContain('reply is for other.jp TXT');
  });

  it('rejects a wrong content type as malformed', async () => {
    const html: FetchLike = async () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } });
    const error = await failure(resolver(html).query('x.jp', 'TXT'));
    expect(error.kind).toBe('malformed');
  });

  it('maps other rcodes to kind other and fails over', async () => {
    const notimp = fakeDoh(() => ({ rcode: 'NOTIMP' }));
    const error = await failure(resolver(notimp).query('x.jp', 'TXT'));
    expect(error).toMatchObject({ kind: 'other' });
    expect(error.message).toContain('NOTIMP');
  });

  it('rejects a name that cannot go on the wire without fetching', async () => {
    const counter = countingFetch(fakeDoh(() => ({})));
    const error = await failure(resolver(counter.fetch).query(`${'a'.repeat(64)}.jp`, 'TXT'));
    expect(error.kind).toBe('other');
    expect(counter.calls).toHaveLength(0);
  });

  it('needs at least one endpoint', () => {
    expect(() => new DohResolver({ endpoints: [] })).toThrow();
  });
});

describe('CNAME limits', () => {
  it('gives up on a chain longer than maxCnameChain', async () => {
    // hop0.jp -> hop1.jp -> hop2.jp -> ... each in its own "zone", so every hop is another query.
    const chain = fakeDoh((name): FakeReply => {
      const hop = Number(/^hop(\d+)\.jp$/.exec(name)?.[1]);
      return { answers: [{ name, type: 'CNAME', ttl: 60, data: `hop${hop + 1}.jp` }] };
    });
    const counter = countingFetch(chain);
    const error = await failure(resolver(counter.fetch, { maxCnameChain: 4 }).query('hop0.jp', 'A'));
    expect(error.kind).toBe('servfail');
    expect(error.message).toContain('CNAME chain longer than 4');
    expect(counter.calls).toHaveLength(5);
  });

  it('follows a chain of exactly maxCnameChain hops', async () => {
    const chain = fakeDoh((name): FakeReply => {
      const hop = Number(/^hop(\d+)\.jp$/.exec(name)?.[1]);
      if (hop === 4) return { answers: [{ name, type: 'A', ttl: 60, data: '192.0.2.4' }] };
      return { answers: [{ name, type: 'CNAME', ttl: 60, data: `hop${hop + 1}.jp` }] };
    });
    const answer = await resolver(chain, { maxCnameChain: 4 }).query('hop0.jp', 'A');
    expect(answer.cnameChain).toEqual(['hop1.jp', 'hop2.jp', 'hop3.jp', 'hop4.jp']);
    expect(answer.answers).toEqual([{ name: 'hop4.jp', ttl: 60, type: 'A', data: '192.0.2.4' }]);
  });
});

describe('failover cooldown', () => {
  it('tries the primary first again once the cooldown is over, and SERVFAIL does not demote it', async () => {
    const time = clock();
    let primaryDown = true;
    const hosts: string[] = [];
    const answerOk = fakeDoh((name): FakeReply => ({ answers: [txtAnswer(name, 60, 'ok')] }));
    const answerServfail = fakeDoh((): FakeReply => ({ rcode: 'SERVFAIL' }));
    const fetch: FetchLike = async (url, init) => {
      const host = new URL(url).host;
      hosts.push(host);
      if (host === 'primary.test') {
        if (primaryDown) throw new TypeError('fetch failed');
        if (queryOf(url, init).questions?.[0]?.name === 'broken.jp') return answerServfail(url, init);
      }
      return answerOk(url, init);
    };
    const r = new DohResolver({
      endpoints: [
        { label: 'primary', url: 'https://primary.test/dns-query' },
        { label: 'secondary', url: 'https://secondary.test/dns-query' },
      ],
      fetch,
      cache: false,
      now: time.now,
      failoverCooldownMs: 10_000,
    });
    expect((await r.query('a.jp', 'TXT')).resolver).toBe('secondary'); // primary: network error
    await r.query('b.jp', 'TXT'); // primary cooling down: tried last, not needed
    time.advance(10_000);
    primaryDown = false;
    expect((await r.query('c.jp', 'TXT')).resolver).toBe('primary'); // cooldown over
    expect((await r.query('broken.jp', 'TXT')).resolver).toBe('secondary'); // SERVFAIL from primary
    expect((await r.query('d.jp', 'TXT')).resolver).toBe('primary'); // SERVFAIL did not demote it
    expect(hosts).toEqual(['primary.test', 'secondary.test', 'secondary.test', 'primary.test', 'primary.test', 'secondary.test', 'primary.test']);
  });
});
