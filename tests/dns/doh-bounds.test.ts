// The DoH client's bounds (issue #11), against the loopback fault server: replies over one DNS message
// (65,535 octets) are dropped unread past the limit, replies without the question asked are refused,
// and a resolver answering 429/503 with Retry-After is left alone for that long while the next answers.
import { describe, expect, it } from 'vitest';
import { DohFailoverError, DohResolver } from '../../lib/dns/doh';
import type { DohEndpoint, DohResolverOptions } from '../../lib/dns/doh';
import { MAX_DNS_MESSAGE_OCTETS, OversizeReplyError, readCappedBody } from '../../lib/dns/reply-bounds';
import { CoolingDownError, MAX_RETRY_AFTER_MS, RetryAfterError, parseRetryAfter } from '../../lib/dns/retry-after';
import { txtJoin } from '../../lib/dns/types';
import { faultStats, faultUrl } from '../dns-testbed/testbed';
import type { FaultMode } from '../dns-testbed/fault-server';
import { describeFailure } from '../../lib/background/errors';
import { countingFetch, failure, testbed } from './helpers';

const bed = testbed();
const good: DohEndpoint = { label: 'testbed', url: bed.dohUrl };
const fault = (mode: FaultMode, label: string = mode): DohEndpoint => ({ label, url: faultUrl(bed, mode) });

function resolver(options: DohResolverOptions = {}): DohResolver {
  return new DohResolver({ endpoints: [good], cache: false, timeoutMs: 5000, ...options });
}

/** A clock the test moves by hand. */
function clock(start = Date.parse('2026-12-03T12:00:00Z')): { now: () => number; advance(ms: number): void } {
  let at = start;
  return { now: () => at, advance: (ms) => void (at += ms) };
}

describe('reply size', () => {
  for (const mode of ['oversize', 'oversize-declared'] as const) {
    it(`rejects a reply over ${MAX_DNS_MESSAGE_OCTETS} octets (${mode}) and stops reading it`, async () => {
      const before = await faultStats(bed, mode);
      const error = await failure(resolver({ endpoints: [fault(mode)] }).query('example.jp', 'TXT'));
      expect(error).toMatchObject({ kind: 'oversize', resolver: mode });
      expect(error.message).toContain('65535-octet DNS message limit');
      // The server meant to send 8 MiB; the client hung up long before, so the body was never sent whole.
      await expect.poll(async () => (await faultStats(bed, mode)).aborted, { timeout: 5000 }).toBe(before.aborted + 1);
      expect((await faultStats(bed, mode)).completed).toBe(before.completed);
    });
  }

  it('fails over to the next resolver after an oversize reply', async () => {
    const answer = await resolver({ endpoints: [fault('oversize', 'huge'), good] }).query('example.jp', 'TXT');
    expect(answer.resolver).toBe('testbed');
  });

  it('reads a stream of exactly the limit, and refuses one octet more without reading further', async () => {
    const chunks = (sizes: number[]) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const size of sizes) controller.enqueue(new Uint8Array(size));
          controller.close();
        },
      });
    expect((await readCappedBody(new Response(chunks([40_000, 25_535])))).length).toBe(65_535);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(30_000));
      },
    });
    const error = await readCappedBody(new Response(endless)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OversizeReplyError);
    expect((error as OversizeReplyError).seen).toBe(90_000);
    expect(pulled).toBeLessThanOrEqual(4);
    await expect(readCappedBody(new Response(chunks([65_536])))).rejects.toBeInstanceOf(OversizeReplyError);
  });
});

describe('the question section', () => {
  it('rejects a reply with no question section', async () => {
    const error = await failure(resolver({ endpoints: [fault('no-question')] }).query('example.jp', 'TXT'));
    expect(error).toMatchObject({ kind: 'question', resolver: 'no-question' });
    expect(error.message).toContain('reply has no question section');
  });

  it('rejects a reply to another question, and the next resolver answers', async () => {
    const error = await failure(resolver({ endpoints: [fault('wrong-question')] }).query('example.jp', 'TXT'));
    expect(error).toMatchObject({ kind: 'question' });
    expect(error.message).toContain('reply is for other.invalid TXT');
    const answer = await resolver({ endpoints: [fault('wrong-question'), good] }).query('example.jp', 'TXT');
    expect(answer.resolver).toBe('testbed');
    expect(answer.answers.map(txtJoin)).not.toContain('v=spf1 -all');
  });
});

describe('Retry-After', () => {
  it('parses delta-seconds and HTTP-dates, bounded to 10 minutes', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 03 Dec 2026 12:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 04 Dec 2026 12:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
    for (const bad of [null, '', '-5', '1.5', 'soon', '12 34']) expect(parseRetryAfter(bad, now), String(bad)).toBeNull();
  });

  it('429 with Retry-After: the next resolver answers, and the busy one is not asked again until the time is up', async () => {
    const time = clock();
    const counter = countingFetch();
    const busy = fault('retry-429', 'busy');
    const r = resolver({ endpoints: [busy, good], fetch: counter.fetch, now: time.now });
    const first = await r.query('example.jp', 'TXT');
    expect(first.resolver).toBe('testbed');
    expect(r.coolingDownFor(busy)).toBe(120_000);

    // Still inside the 120 s: the busy resolver is skipped without a request.
    time.advance(119_000);
    counter.calls.length = 0;
    expect((await r.query('example.jp', 'MX')).resolver).toBe('testbed');
    expect(counter.calls.map((c) => new URL(c.url).pathname)).toEqual(['/dns-query']);

    // Time is up: it is asked again (and, still busy, cools down again).
    time.advance(1_000);
    counter.calls.length = 0;
    expect((await r.query('example.jp', 'NS')).resolver).toBe('testbed');
    expect(counter.calls.map((c) => new URL(c.url).pathname)).toEqual(['/retry-429/dns-query', '/dns-query']);
  });

  it('503 with an HTTP-date: cooldown until that date', async () => {
    const r = resolver({ endpoints: [fault('retry-503-date', 'overloaded'), good] });
    expect((await r.query('example.jp', 'TXT')).resolver).toBe('testbed');
    const left = r.coolingDownFor(fault('retry-503-date', 'overloaded'));
    // The date is whole seconds, 90 s ahead of the server's clock when it answered.
    expect(left).toBeGreaterThan(80_000);
    expect(left).toBeLessThanOrEqual(90_000);
  });

  it('bounds an absurd Retry-After to 10 minutes', async () => {
    const time = clock();
    const long = fault('retry-429-long', 'sleepy');
    const r = resolver({ endpoints: [long, good], now: time.now });
    await r.query('example.jp', 'TXT');
    expect(r.coolingDownFor(long)).toBe(MAX_RETRY_AFTER_MS);
    time.advance(MAX_RETRY_AFTER_MS);
    expect(r.coolingDownFor(long)).toBe(0);
  });

  it('names the resolver and the wait when no resolver is left to ask', async () => {
    const time = clock();
    const busy = fault('retry-429', 'busy');
    const r = resolver({ endpoints: [busy], now: time.now });
    const first = await failure(r.query('example.jp', 'TXT'));
    expect(first).toBeInstanceOf(RetryAfterError);
    expect(first).toMatchObject({ kind: 'retry_after', resolver: 'busy', status: 429, retryAfterMs: 120_000 });
    expect(describeFailure(first).en).toContain('The DNS resolver busy did not answer for example.jp TXT (busy, asked to wait 120 s');
    expect(describeFailure(first).ja).toContain('120秒待つよう指示されました');

    time.advance(30_000);
    const second = await failure(r.query('example.jp', 'TXT'));
    expect(second).toBeInstanceOf(CoolingDownError);
    expect(second).toMatchObject({ kind: 'cooling_down', resolver: 'busy', remainingMs: 90_000 });
    expect(describeFailure(second).en).toContain('not asked: it asked to wait, 90 s left');

    const both = resolver({ endpoints: [busy, fault('retry-503-date', 'overloaded')], now: time.now });
    const all = await failure(both.query('example.jp', 'TXT'));
    expect(all).toBeInstanceOf(DohFailoverError);
    expect(describeFailure(all).en).toMatch(/busy: busy, asked to wait 120 s .*; overloaded: busy, asked to wait/);
  });

  it('503 without Retry-After stays a plain HTTP error (tried last for a while, not skipped)', async () => {
    const error = await failure(resolver({ endpoints: [{ label: 'down', url: bed.httpErrorUrl }] }).query('example.jp', 'TXT'));
    expect(error.kind).toBe('http');
  });
});
