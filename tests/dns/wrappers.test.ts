// DelayResolver and CountingResolver around a trivial inner resolver.
import { describe, expect, it } from 'vitest';
import { DnsError } from '../../lib/dns/types';
import type { DnsResponse, RecordType, Resolver } from '../../lib/dns/types';
import { CountingResolver, DelayResolver } from '../../lib/dns/wrappers';

const instant: Resolver = {
  query: async (name: string, type: RecordType): Promise<DnsResponse> => ({
    name,
    type,
    rcode: 'NOERROR',
    answers: [],
    cnameChain: [],
    ttl: 60,
    resolver: 'instant',
  }),
};

describe('DelayResolver', () => {
  it('adds its latency to every answer', async () => {
    const delayed = new DelayResolver(instant, 40);
    const started = performance.now();
    const answers = await Promise.all([delayed.query('a.jp', 'A'), delayed.query('b.jp', 'TXT')]);
    const elapsed = performance.now() - started;
    expect(answers.map((answer) => answer.name)).toEqual(['a.jp', 'b.jp']);
    expect(elapsed).toBeGreaterThanOrEqual(39);
  });

  it('stops waiting when the caller aborts', async () => {
    const delayed = new DelayResolver(instant, 60_000);
    const controller = new AbortController();
    const pending = delayed.query('a.jp', 'A', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(DnsError);
  });
});

describe('CountingResolver', () => {
  it('counts queries by name and type, ignoring case and the trailing dot', async () => {
    const counting = new CountingResolver(instant);
    await counting.query('Example.JP.', 'TXT');
    await counting.query('example.jp', 'TXT');
    await counting.query('example.jp', 'MX');
    await counting.query('_spf.onamae.ne.jp', 'TXT');
    expect(counting.total).toBe(4);
    expect(counting.count('example.jp')).toBe(3);
    expect(counting.count('example.jp', 'TXT')).toBe(2);
    expect(counting.count(undefined, 'TXT')).toBe(3);
    expect(counting.byKey()).toEqual({ 'example.jp TXT': 2, 'example.jp MX': 1, '_spf.onamae.ne.jp TXT': 1 });
    counting.reset();
    expect(counting.total).toBe(0);
  });

  it('passes failures through and still counts them', async () => {
    const failing: Resolver = { query: (name, type) => Promise.reject(new DnsError('servfail', 'x', name, type)) };
    const counting = new CountingResolver(failing);
    await expect(counting.query('broken.jp', 'TXT')).rejects.toMatchObject({ kind: 'servfail' });
    expect(counting.count('broken.jp', 'TXT')).toBe(1);
  });
});
