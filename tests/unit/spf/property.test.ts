// Property tests: whatever record text arrives (generated from the grammar, or real records mutated), the
// parser and checkHost never throw, never hang, and checkHost always gives one of the seven results.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZoneResolver } from '../../../lib/dns/memory';
import type { ZoneData } from '../../../lib/dns/memory';
import { analyseRecordText } from '../../../lib/spf/analyse';
import { checkHost } from '../../../lib/spf/check-host';
import { parseRecord } from '../../../lib/spf/parser';
import { SPF_RESULTS } from '../../../lib/spf/types';

const REAL_RECORDS = [
  'v=spf1 include:_spf.onamae.ne.jp ~all',
  'v=spf1 include:_spf.google.com ~all',
  'v=spf1 +a:sv1234.xserver.jp +a:example.jp +mx include:spf.sender.xserver.jp ~all',
  'v=spf1 a:www1234.sakura.ne.jp mx ~all',
  'v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx include:_spf.example.test ptr -all',
  'v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all exp=explain._spf.%{d}',
  'v=spf1 mx/24//64 a:mail.example.jp/28 redirect=_spf.example.net',
  'v=spf1 include:spf.protection.outlook.com include:sendgrid.net -all',
];

const host = fc.constantFrom('example.jp', 'inc.example.jp', 'loop.example.jp', 'missing.example.jp', '%{d}', '%{i}.x.example.jp', '%{l}.%{o}', 'a.b', '%{p}.example.jp');
const cidr = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 140 }).map((n) => `/${n}`), fc.constant('//64'), fc.constant('/24//48'));
const qualifier = fc.constantFrom('', '+', '-', '~', '?');
const ip4 = fc.tuple(fc.nat(300), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const ip6 = fc.constantFrom('2001:db8::', '::ffff:192.0.2.1', '2001:db8::1:2:3:4', 'fe80::1%', '::', '1::2::3');
const term = fc.oneof(
  fc.tuple(qualifier, fc.constantFrom('all', 'ptr', 'a', 'mx')).map(([q, m]) => q + m),
  fc.tuple(qualifier, fc.constantFrom('a', 'mx', 'ptr', 'include', 'exists'), host, cidr).map(([q, m, h, c]) => `${q}${m}:${h}${c}`),
  fc.tuple(qualifier, ip4, cidr).map(([q, a, c]) => `${q}ip4:${a}${c}`),
  fc.tuple(qualifier, ip6, cidr).map(([q, a, c]) => `${q}ip6:${a}${c}`),
  fc.tuple(fc.constantFrom('redirect', 'exp', 'ra', 'include'), host).map(([m, h]) => `${m}=${h}`),
  fc.string({ maxLength: 12 }),
);
const generatedRecord = fc.array(term, { maxLength: 12 }).map((terms) => ['v=spf1', ...terms].join(' '));

/** Inserts, deletes or replaces characters of a real record. */
const mutatedRecord = fc
  .tuple(fc.constantFrom(...REAL_RECORDS), fc.array(fc.tuple(fc.nat(200), fc.nat(2), fc.string({ minLength: 1, maxLength: 3 })), { maxLength: 4 }))
  .map(([record, edits]) => {
    let text = record;
    for (const [position, kind, chars] of edits) {
      const at = position % (text.length + 1);
      if (kind === 0) text = text.slice(0, at) + chars + text.slice(at);
      else if (kind === 1) text = text.slice(0, at) + text.slice(at + chars.length);
      else text = text.slice(0, at) + chars + text.slice(at + chars.length);
    }
    return text;
  });

const anyRecord = fc.oneof(generatedRecord, mutatedRecord);

function zoneWith(record: string): ZoneData {
  return {
    'example.jp': [{ type: 'TXT', value: [record] }, { type: 'A', value: '192.0.2.1' }, { type: 'MX', value: { preference: 10, exchange: 'mx.example.jp' } }],
    'inc.example.jp': [{ type: 'TXT', value: [record] }],
    'loop.example.jp': [{ type: 'TXT', value: ['v=spf1 include:example.jp -all'] }],
    'mx.example.jp': [{ type: 'A', value: '192.0.2.25' }, { type: 'AAAA', value: '2001:db8::25' }],
    '1.2.0.192.in-addr.arpa': [{ type: 'PTR', value: 'example.jp' }],
    'explain._spf.example.jp': [{ type: 'TXT', value: ['%{i} is not allowed'] }],
  };
}

describe('property: parser and checkHost are total', () => {
  it('parses 100,000 generated and mutated records without throwing', () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        const parsed = parseRecord(record);
        if (!parsed.ok) {
          expect(parsed.error.offset).toBeGreaterThanOrEqual(0);
          expect(parsed.error.offset).toBeLessThanOrEqual(record.length);
        }
      }),
      { numRuns: 100_000 },
    );
  });

  it('gives one of the seven results for 100,000 generated and mutated records', async () => {
    await fc.assert(
      fc.asyncProperty(anyRecord, fc.constantFrom('192.0.2.1', '192.0.2.25', '2001:db8::25', '::ffff:192.0.2.1', '203.0.113.7'), async (record, ip) => {
        const result = await checkHost({ ip, sender: 'user@example.jp', helo: 'mx.example.jp' }, { resolver: new ZoneResolver(zoneWith(record)) });
        expect(SPF_RESULTS).toContain(result.result);
        expect(result.lookups).toBeLessThanOrEqual(11);
      }),
      { numRuns: 100_000 },
    );
  }, 300_000);

  it('analyses 5,000 generated records without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(anyRecord, async (record) => {
        const analysis = await analyseRecordText('example.jp', record, { resolver: new ZoneResolver(zoneWith(record)) });
        expect(analysis.totalLookups).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 5_000 },
    );
  }, 120_000);
});
