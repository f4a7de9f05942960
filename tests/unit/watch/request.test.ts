// The watch messages as the background receives them from pages and content scripts, and the requests
// the overlay builds from a fix or a pending record.
import { describe, expect, it } from 'vitest';
import type { Diagnosis, PropagationItem } from '../../../lib/diagnosis/types';
import { parseWatchReply, parseWatchRequest, parseWatchStartReply, watchRequestFor, watchRequestForPending } from '../../../lib/watch/request';
import { comparable, matchAnswer } from '../../../lib/watch/verdict';

const SPF = 'v=spf1 include:_spf.onamae.ne.jp ~all';
const page = { fromExtensionPage: true };
const content = { fromExtensionPage: false };
const start = { kind: 'watch-start', domain: 'Example.JP.', panel: 'wix', record: { type: 'TXT', name: 'example.jp', value: SPF } };

describe('parseWatchRequest', () => {
  it('accepts a watch-start from a content script, canonicalizing the names', () => {
    expect(parseWatchRequest({ ...start, nameservers: ['NS0.wixdns.net.'] }, content)).toEqual({
      kind: 'watch-start',
      domain: 'example.jp',
      panel: 'wix',
      record: { type: 'TXT', name: 'example.jp', value: SPF },
      nameservers: ['ns0.wixdns.net'],
    });
  });

  it('takes names with underscores (_dmarc, DKIM selectors)', () => {
    const dmarc = { ...start, record: { type: 'TXT', name: '_dmarc.example.jp', value: 'v=DMARC1; p=none' } };
    expect(parseWatchRequest(dmarc, content)).toMatchObject({ record: { name: '_dmarc.example.jp' } });
    expect(parseWatchRequest({ ...dmarc, record: { ...dmarc.record, name: 'a b.example.jp' } }, content)).toEqual({ refused: 'bad-request' });
  });

  it('lists and stops only for extension pages, never for a content script', () => {
    expect(parseWatchRequest({ kind: 'watch-list' }, page)).toEqual({ kind: 'watch-list' });
    expect(parseWatchRequest({ kind: 'watch-list' }, content)).toEqual({ refused: 'not-allowed' });
    expect(parseWatchRequest({ kind: 'watch-stop', id: 'x' }, content)).toEqual({ refused: 'not-allowed' });
    expect(parseWatchRequest({ kind: 'watch-stop', id: 'x' }, page)).toEqual({ kind: 'watch-stop', id: 'x' });
  });

  it('refuses malformed requests and records outside the domain', () => {
    const bad = [
      { ...start, domain: '' },
      { ...start, panel: 'cpanel' },
      { ...start, record: { ...start.record, type: 'SRV' } },
      { ...start, record: { ...start.record, value: '' } },
      { ...start, record: { ...start.record, name: 'victim.example' } },
      { ...start, record: { ...start.record, priority: -1 } },
      { ...start, nameservers: 'ns0.wixdns.net' },
      { ...start, providerServer: 'not a host' },
    ];
    for (const request of bad) expect(parseWatchRequest(request, content), JSON.stringify(request)).toEqual({ refused: 'bad-request' });
    expect(parseWatchRequest({ kind: 'diagnose' }, content)).toBeNull();
    expect(parseWatchRequest('watch-list', page)).toBeNull();
  });
});

describe('watch requests from the overlay', () => {
  const diagnosis = { domain: 'example.jp', panel: 'wix', live: { nameservers: ['ns0.wixdns.net', 'ns1.wixdns.net'] } } as unknown as Diagnosis;

  it('from a filled fix: the record, the nameservers seen and the provider picked', () => {
    const request = watchRequestFor({ type: 'TXT', name: 'example.jp', value: SPF, replaces: '"v=spf1 -all"' }, diagnosis, { providerId: 'google-workspace' });
    expect(request).toEqual({
      kind: 'watch-start',
      domain: 'example.jp',
      panel: 'wix',
      record: { type: 'TXT', name: 'example.jp', value: SPF, replaces: '"v=spf1 -all"' },
      providerId: 'google-workspace',
      nameservers: ['ns0.wixdns.net', 'ns1.wixdns.net'],
    });
    expect(parseWatchRequest(request, content)).toEqual(request);
  });

  it('from a pending record: the panel SPF value is expected, the stale SPF answer is what it replaces', () => {
    const item: PropagationItem = {
      name: 'example.jp',
      type: 'TXT',
      panel: ['google-site-verification=x', SPF],
      views: [{ resolver: 'Google', values: ['google-site-verification=x', 'v=spf1 -all'], ttl: 60 }],
      state: 'pending',
    };
    expect(watchRequestForPending(item, diagnosis)?.record).toEqual({ type: 'TXT', name: 'example.jp', value: SPF, replaces: 'v=spf1 -all' });
  });
});

describe('matching answers', () => {
  const expected = { type: 'TXT' as const, name: 'example.jp', value: SPF, previous: [] };
  it('SPF: only the SPF records count, and exactly the saved one is live', () => {
    expect(matchAnswer(expected, ['google-site-verification=x', SPF])).toBe('expected');
    expect(matchAnswer(expected, ['google-site-verification=x'])).toBe('previous');
    expect(matchAnswer(expected, [SPF, 'v=spf1 -all'])).toBe('other');
  });

  it('comparable forms: quoted TXT, MX with its preference, a CNAME target with its dot', () => {
    expect(comparable('TXT', `"${SPF}"`)).toBe(SPF);
    expect(comparable('MX', 'mx.Example.jp.', 10)).toBe('10 mx.example.jp');
    expect(comparable('CNAME', 'cdn1.wixdns.net.')).toBe('cdn1.wixdns.net');
  });
});

describe('parseWatchReply', () => {
  it('rejects a list with a watch of the wrong shape', () => {
    expect(parseWatchReply({ kind: 'watch-list', watches: [{ id: 1 }] })).toBeNull();
    expect(parseWatchReply({ kind: 'watch-error', code: 'not-allowed' })).toEqual({ kind: 'watch-error', code: 'not-allowed' });
    expect(parseWatchReply({ kind: 'watch-error', code: '<b>' })).toBeNull();
  });
});

describe('parseWatchStartReply (the overlay: only the fields it shows)', () => {
  it('gives the watched domain or the error code, and nothing for anything else', () => {
    expect(parseWatchStartReply({ kind: 'watch-started', watch: { domain: 'example.jp', id: 'x' } })).toEqual({ kind: 'watch-started', domain: 'example.jp' });
    expect(parseWatchStartReply({ kind: 'watch-error', code: 'not-allowed' })).toEqual({ kind: 'watch-error', code: 'not-allowed' });
    expect(parseWatchStartReply({ kind: 'watch-error', code: '<b>' })).toBeNull();
    expect(parseWatchStartReply({ kind: 'watch-started', watch: { domain: 7 } })).toBeNull();
    expect(parseWatchStartReply({ kind: 'watch-started', watch: { domain: 'x'.repeat(254) } })).toBeNull();
    expect(parseWatchStartReply({ kind: 'watch-list', watches: [] })).toBeNull();
    expect(parseWatchStartReply(null)).toBeNull();
  });
});
