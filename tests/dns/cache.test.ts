// DnsCache on its own: TTL expiry on an injected clock, countdown, negative answers, de-duplication.
import { describe, expect, it } from 'vitest';
import { DnsCache } from '../../lib/dns/cache';
import type { DnsResponse } from '../../lib/dns/types';

function response(name: string, ttl: number, rcode: DnsResponse['rcode'] = 'NOERROR'): DnsResponse {
  return {
    name,
    type: 'TXT',
    rcode,
    answers: rcode === 'NOERROR' ? [{ name, ttl, type: 'TXT', data: ['v=spf1 -all'] }] : [],
    cnameChain: [],
    ttl,
    resolver: 'test',
  };
}

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('DnsCache', () => {
  it('serves a stored answer until its TTL runs out, counting the TTL down', () => {
    const time = clock();
    const cache = new DnsCache({ now: time.now });
    cache.set(response('example.jp', 60));
    time.advance(15_000);
    const hit = cache.get('example.jp', 'TXT');
    expect(hit?.cached).toBe(true);
    expect(hit?.ttl).toBe(45);
    expect(hit?.answers[0]?.ttl).toBe(45);
    time.advance(44_999);
    expect(cache.get('example.jp', 'TXT')).toBeDefined();
    time.advance(1);
    expect(cache.get('example.jp', 'TXT')).toBeUndefined();
  });

  it('keeps negative answers for their negative TTL', () => {
    const time = clock();
    const cache = new DnsCache({ now: time.now });
    cache.set(response('nope.example.jp', 60, 'NXDOMAIN'));
    time.advance(59_000);
    expect(cache.get('nope.example.jp', 'TXT')?.rcode).toBe('NXDOMAIN');
    time.advance(1_000);
    expect(cache.get('nope.example.jp', 'TXT')).toBeUndefined();
  });

  it('does not store answers with TTL 0 and caps long TTLs', () => {
    const time = clock();
    const cache = new DnsCache({ now: time.now, maxTtl: 100 });
    cache.set(response('zero.jp', 0));
    expect(cache.get('zero.jp', 'TXT')).toBeUndefined();
    cache.set(response('long.jp', 86_400));
    time.advance(100_000);
    expect(cache.get('long.jp', 'TXT')).toBeUndefined();
  });

  it('evicts the oldest entries beyond maxEntries', () => {
    const cache = new DnsCache({ maxEntries: 2 });
    cache.set(response('a.jp', 60));
    cache.set(response('b.jp', 60));
    cache.set(response('c.jp', 60));
    expect(cache.size).toBe(2);
    expect(cache.get('a.jp', 'TXT')).toBeUndefined();
    expect(cache.get('c.jp', 'TXT')).toBeDefined();
  });

  it('runs one load for concurrent identical requests and caches its result', async () => {
    const cache = new DnsCache();
    let loads = 0;
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const load = async () => {
      loads++;
      await gate;
      return response('example.jp', 60);
    };
    const first = cache.getOrLoad('example.jp', 'TXT', load);
    const second = cache.getOrLoad('example.jp', 'TXT', load);
    open();
    const [a, b] = await Promise.all([first, second]);
    expect(loads).toBe(1);
    expect(a.cached).toBeFalsy();
    expect(b).toEqual(a);
    expect(a).not.toBe(b);
    const third = await cache.getOrLoad('example.jp', 'TXT', load);
    expect(loads).toBe(1);
    expect(third.cached).toBe(true);
  });

  it('does not cache failures', async () => {
    const cache = new DnsCache();
    let loads = 0;
    const failing = () => {
      loads++;
      return Promise.reject(new Error('boom'));
    };
    await expect(cache.getOrLoad('x.jp', 'TXT', failing)).rejects.toThrow('boom');
    await expect(cache.getOrLoad('x.jp', 'TXT', failing)).rejects.toThrow('boom');
    expect(loads).toBe(2);
  });

  it('clear() forgets answers, including one still loading', async () => {
    const cache = new DnsCache();
    cache.set(response('a.jp', 60));
    let release: (value: DnsResponse) => void = () => undefined;
    const pending = cache.getOrLoad('b.jp', 'TXT', () => new Promise<DnsResponse>((resolve) => (release = resolve)));
    cache.clear();
    expect(cache.get('a.jp', 'TXT')).toBeUndefined();
    let reloaded = 0;
    const fresh = cache.getOrLoad('b.jp', 'TXT', () => {
      reloaded++;
      return Promise.resolve(response('b.jp', 60));
    });
    release(response('b.jp', 60));
    await Promise.all([pending, fresh]);
    expect(reloaded).toBe(1);
  });
});
