import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBounce } from '../../../lib/bounce/parse';
import { decodeBase64 } from '../../../lib/mail/der';
import { parseDkimKey } from '../../../lib/mail/dkim';
import { parseDmarc } from '../../../lib/mail/dmarc';
import { RSA_2048_SPKI } from './keys';
import { render } from '../../../lib/i18n';

// Text that looks like the inputs: tag soup and bounce fragments mixed with arbitrary characters.
const fragments = fc.constantFrom(
  'v=DMARC1', 'v=DKIM1', 'p=', 'p=none', 'sp=', 'rua=mailto:a@example.com!10m', ';', ';;', '=', ',', ':', '!', ' ', '\t', '\r\n',
  '"', 'k=rsa', 'k=ed25519', 'h=sha256', `p=${RSA_2048_SPKI.slice(0, 64)}`, 'MIIB', '==', '550-5.7.26 ', '421 4.7.27 ',
  'SPF [example.jp] with ip: [', ']', 'ip: ', '2001:db8::', '192.0.2.', 'Authentication-Results: ', 'spf=fail (',
  ')', 'Received-SPF: ', 'client-ip=', '\n ', '> ', '=\n', '=3D', "domain's DMARC policy", '(-all)',
);
const soup = fc.array(fc.oneof(fragments, fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 400 }), soup);

describe('parsers never throw', () => {
  it('parseDmarc', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseDmarc(text);
        if (!result.ok) expect(result.error.offset).toBeGreaterThanOrEqual(0);
        if (!result.ok) expect(result.error.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseDkimKey', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseDkimKey(text);
        if (!result.ok) expect(result.error.offset).toBeGreaterThanOrEqual(0);
        if (!result.ok) expect(result.error.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseBounce', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const analysis = parseBounce(text);
        expect(render('en', analysis.explanation)).not.toBe('');
        expect(render('ja', analysis.explanation)).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('round trips', () => {
  it('a DMARC record built from valid choices parses back to those choices', () => {
    const policy = fc.constantFrom('none', 'quarantine', 'reject');
    const space = fc.constantFrom('', ' ', '\t', '  ');
    fc.assert(
      fc.property(
        policy, fc.option(policy), fc.integer({ min: 0, max: 100 }), fc.constantFrom('r', 's'), fc.constantFrom('r', 's'),
        fc.integer({ min: 0, max: 4294967295 }), space, fc.boolean(),
        (p, sp, pct, adkim, aspf, ri, ws, finalSemicolon) => {
          const tags = [`v${ws}=${ws}DMARC1`, `p=${ws}${p}`];
          if (sp !== null) tags.push(`sp=${sp}`);
          tags.push(`pct=${pct}`, `adkim=${adkim}`, `aspf${ws}=${aspf}`, `ri=${ri}`, `rua=mailto:dmarc@example.com`);
          const text = tags.join(`${ws};${ws}`) + (finalSemicolon ? ';' : '');
          const result = parseDmarc(text);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.warnings).toEqual([]);
          expect(result.record).toMatchObject({ p, pct, adkim, aspf, ri });
          expect(result.record.sp).toBe(sp ?? undefined);
        },
      ),
    );
  });

  it('decodeBase64 inverts base64 encoding of any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, keepPadding) => {
        let encoded = Buffer.from(bytes).toString('base64');
        if (!keepPadding) encoded = encoded.replace(/=+$/, '');
        expect([...(decodeBase64(encoded) ?? [-1])]).toEqual([...bytes]);
      }),
    );
  });
});
