// Property tests of the SPF fix: the merged record keeps every existing mechanism, adds what the provider
// needs, stays one v=spf1 record, and a fix over 10 lookups always carries a warning.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZoneResolver } from '../../../lib/dns/memory';
import { diagnose } from '../../../lib/diagnosis/diagnose';
import { mergeSpf } from '../../../lib/diagnosis/spf-merge';
import { parseRecord } from '../../../lib/spf/parser';
import { ONAMAE_NS, seedZone, txt } from '../../support/diagnosis-zones';

const INCLUDES = ['_spf.google.com', 'spf.protection.outlook.com', 'sendgrid.net', '_spf.onamae.ne.jp', 'ab.sendgrid.net', '_netblocks.google.com'];
const mechanism = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom('', '+', '-', '~', '?'), fc.constantFrom(...INCLUDES)).map(([q, d]) => `${q}include:${d}`), weight: 3 },
  { arbitrary: fc.tuple(fc.nat(255), fc.integer({ min: 8, max: 32 })).map(([n, p]) => `ip4:198.51.100.${n}/${p}`), weight: 1 },
  { arbitrary: fc.constantFrom('a', 'mx', '-a:mail.example.jp', 'ip6:2001:db8::/32', 'exists:%{i}.spf.example.jp'), weight: 1 },
);
const allTerm = fc.constantFrom('', '~all', '-all', '?all', '+all');
const record = fc.tuple(fc.array(mechanism, { maxLength: 8 }), allTerm).map(([terms, all]) => ['v=spf1', ...terms, ...(all ? [all] : [])].join(' '));
const key = (t: string) => t.toLowerCase().replace(/^\+/, '');

describe('property: mergeSpf', () => {
  it('keeps every existing mechanism, adds the required terms, and yields one valid record (10,000 cases)', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 3 }), fc.subarray(['include:_spf.onamae.ne.jp', 'include:_spf.google.com', 'a:sv1234.xserver.jp']), (records, required) => {
        const merged = mergeSpf(records, required);
        const parsed = parseRecord(merged.value);
        expect(parsed.ok).toBe(true);
        const out = new Set(merged.value.split(' ').slice(1).map(key));
        for (const existing of records) {
          for (const term of existing.split(' ').slice(1)) {
            if (/all$/i.test(term)) continue;
            expect(out.has(key(term))).toBe(true);
          }
        }
        for (const term of required) expect(out.has(key(term))).toBe(true);
        expect(merged.value.split(' ').filter((t) => /^[+\-~?]?all$/i.test(t)).length).toBeLessThanOrEqual(1);
        const firstAll = records[0]!.split(' ').find((t) => /^[+\-~?]?all$/i.test(t));
        if (firstAll && records.length === 1) expect(merged.value.endsWith(` ${firstAll}`)).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('property: the SPF fix of diagnose', () => {
  it('never exceeds 10 lookups without a warning, and never drops a mechanism (300 generated domains)', async () => {
    const seen = { fixes: 0, overLimit: 0 };
    await fc.assert(
      fc.asyncProperty(record, async (spf) => {
        const zone = seedZone([txt(spf)], ONAMAE_NS);
        const d = await diagnose({ panel: null, domain: 'example.jp', records: [] }, { resolver: new ZoneResolver(zone) });
        for (const fix of d.fixes.filter((f) => f.value.startsWith('v=spf1'))) {
          seen.fixes++;
          if ((fix.lookups ?? 0) > 10) {
            seen.overLimit++;
            expect(fix.warning).toBeDefined();
          }
          const out = new Set(fix.value.split(' ').slice(1).map(key));
          for (const term of spf.split(' ').slice(1)) if (!/all$/i.test(term)) expect(out.has(key(term))).toBe(true);
          expect(fix.value.match(/v=spf1/g)).toHaveLength(1);
          expect(fix.action).toBe('edit');
        }
      }),
      { numRuns: 300 },
    );
    // The generator must exercise the interesting cases, or the property proves nothing.
    expect(seen.fixes).toBeGreaterThan(100);
    expect(seen.overLimit).toBeGreaterThan(5);
  }, 60_000);
});
