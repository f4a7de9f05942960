import { describe, expect, it } from 'vitest';
import { type DmarcRecord, isDmarcCandidate, parseDmarc, parseDmarcUri, selectDmarcRecord } from '../../../lib/mail/dmarc';
import { render } from '../../../lib/i18n';

type Expectation =
  | { ok: true; record?: Partial<DmarcRecord>; absent?: (keyof DmarcRecord)[]; warnings?: string[] }
  | { ok: false; code: string; offset?: number; tag?: string; warnings?: string[] };

const DEFAULTS = { adkim: 'r', aspf: 'r', pct: 100, fo: ['0'], rf: ['afrf'], ri: 86400 };

// Each case: the record text, and what the parser must say about it.
const corpus: [string, string, Expectation][] = [
  // RFC 7489 Appendix B examples
  [
    'RFC 7489 B.2.1 (monitoring, aggregate reports)',
    'v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com',
    {
      ok: true,
      record: {
        p: 'none',
        rua: [{ uri: 'mailto:dmarc-feedback@example.com', scheme: 'mailto', address: 'dmarc-feedback@example.com' }],
        ruf: [],
        ...DEFAULTS,
        present: ['v', 'p', 'rua'],
      } as Partial<DmarcRecord>,
      warnings: [],
    },
  ],
  [
    'RFC 7489 B.2.2 (failure reports to a third party)',
    'v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com; ruf=mailto:auth-reports@thirdparty.example.net',
    {
      ok: true,
      record: {
        ruf: [{ uri: 'mailto:auth-reports@thirdparty.example.net', scheme: 'mailto', address: 'auth-reports@thirdparty.example.net' }],
      },
      warnings: [],
    },
  ],
  [
    'RFC 7489 B.2.4 (two rua URIs, a size limit, pct)',
    'v=DMARC1; p=quarantine; rua=mailto:dmarc-feedback@example.com,mailto:tld-test@thirdparty.example.net!10m; pct=25',
    {
      ok: true,
      record: {
        p: 'quarantine',
        pct: 25,
        rua: [
          { uri: 'mailto:dmarc-feedback@example.com', scheme: 'mailto', address: 'dmarc-feedback@example.com' },
          {
            uri: 'mailto:tld-test@thirdparty.example.net',
            scheme: 'mailto',
            address: 'tld-test@thirdparty.example.net',
            maxBytes: 10 * 2 ** 20,
          },
        ],
      },
      warnings: [],
    },
  ],
  [
    'RFC 7489 B.3.1 (reject, relaxed SPF alignment)',
    'v=DMARC1; p=reject; aspf=r; rua=mailto:dmarc-feedback@example.com',
    { ok: true, record: { p: 'reject', aspf: 'r' }, warnings: [] },
  ],
  // Well-formed variations
  ['minimal record gets the §6.3 defaults', 'v=DMARC1; p=none', { ok: true, record: { p: 'none', rua: [], ...DEFAULTS } as Partial<DmarcRecord>, absent: ['sp', 'policyFallback'], warnings: [] }],
  ['no spaces at all', 'v=DMARC1;p=reject', { ok: true, record: { p: 'reject' }, warnings: [] }],
  ['a final ";" is allowed', 'v=DMARC1; p=none;', { ok: true, record: { p: 'none' }, warnings: [] }],
  ['a final "; " is allowed', 'v=DMARC1; p=none; ', { ok: true, warnings: [] }],
  ['tabs and spaces around "=" and ";"', 'v\t=\tDMARC1\t;\tp = quarantine ;sp= reject', { ok: true, record: { p: 'quarantine', sp: 'reject' }, warnings: [] }],
  ['tag names and keywords are case-insensitive', 'V=DMARC1; P=Reject; ADKIM=S; Aspf=s', { ok: true, record: { p: 'reject', adkim: 's', aspf: 's' }, warnings: [] }],
  ['pct=0 is allowed', 'v=DMARC1; p=quarantine; pct=0', { ok: true, record: { pct: 0 }, warnings: [] }],
  ['pct with leading zero (1*3DIGIT)', 'v=DMARC1; p=quarantine; pct=050', { ok: true, record: { pct: 50 }, warnings: [] }],
  ['fo with several options and spaces', 'v=DMARC1; p=none; fo = 1 : d:s', { ok: true, record: { fo: ['1', 'd', 's'] }, warnings: [] }],
  ['ri', 'v=DMARC1; p=none; ri=3600', { ok: true, record: { ri: 3600 }, warnings: [] }],
  [
    'every tag at once',
    'v=DMARC1; p=quarantine; sp=none; pct=100; rua=mailto:a@b.example; ruf=mailto:c@b.example; fo=1; adkim=s; aspf=s; rf=afrf; ri=86400',
    {
      ok: true,
      record: { p: 'quarantine', sp: 'none', adkim: 's', aspf: 's', fo: ['1'], present: ['v', 'p', 'sp', 'pct', 'rua', 'ruf', 'fo', 'adkim', 'aspf', 'rf', 'ri'] },
      warnings: [],
    },
  ],
  [
    'URIs separated by comma with spaces, and a gigabyte limit',
    'v=DMARC1; p=reject; rua=mailto:a@example.com!10m , mailto:b@example.org!1g',
    { ok: true, record: { rua: [
      { uri: 'mailto:a@example.com', scheme: 'mailto', address: 'a@example.com', maxBytes: 10 * 2 ** 20 },
      { uri: 'mailto:b@example.org', scheme: 'mailto', address: 'b@example.org', maxBytes: 2 ** 30 },
    ] }, warnings: [] },
  ],
  [
    'a mailto query is not part of the address',
    'v=DMARC1; p=reject; rua=mailto:a@example.com?subject=dmarc',
    { ok: true, record: { rua: [{ uri: 'mailto:a@example.com?subject=dmarc', scheme: 'mailto', address: 'a@example.com' }] }, warnings: [] },
  ],
  // Version tag
  ['lower-case dmarc1 (the version is case-sensitive)', 'v=dmarc1; p=none', { ok: false, code: 'bad-version', offset: 2, tag: 'v' }],
  ['unknown version', 'v=DMARC2; p=none', { ok: false, code: 'bad-version', offset: 2, tag: 'v' }],
  ['missing ";" after the version', 'v=DMARC1 p=none', { ok: false, code: 'bad-version', offset: 2, tag: 'v' }],
  ['v=DMARC1 not first', 'p=none; v=DMARC1', { ok: false, code: 'version-not-first', offset: 8, tag: 'v' }],
  ['no version at all', 'p=none; rua=mailto:a@example.com', { ok: false, code: 'missing-version', offset: 0 }],
  ['an SPF record is not DMARC', 'v=spf1 include:_spf.google.com ~all', { ok: false, code: 'bad-version', offset: 2, tag: 'v' }],
  // Policy and the §6.6.3 fallback
  ['v=DMARC1 alone (no policy, no rua)', 'v=DMARC1', { ok: false, code: 'missing-p', offset: 8, tag: 'p' }],
  [
    'missing p with a valid rua → p=none',
    'v=DMARC1; rua=mailto:a@example.com',
    { ok: true, record: { p: 'none', policyFallback: { reason: 'missing-p' } }, warnings: ['policy-fallback'] },
  ],
  [
    'invalid p with a valid rua → p=none',
    'v=DMARC1; p=bogus; rua=mailto:a@example.com',
    { ok: true, record: { p: 'none', policyFallback: { reason: 'invalid-p', written: 'bogus' } }, warnings: ['policy-fallback'] },
  ],
  [
    'invalid p with a valid sp and rua → the fallback record is p=none alone (sp dropped)',
    'v=DMARC1; p=bogus; sp=reject; rua=mailto:a@example.com',
    { ok: true, record: { p: 'none', policyFallback: { reason: 'invalid-p', written: 'bogus' } }, absent: ['sp'], warnings: ['policy-fallback'] },
  ],
  ['invalid p without rua', 'v=DMARC1; p=bogus', { ok: false, code: 'bad-p', offset: 12, tag: 'p' }],
  [
    'missing p with only an invalid rua',
    'v=DMARC1; rua=dmarc@example.com',
    { ok: false, code: 'missing-p', tag: 'p', warnings: ['bad-uri'] },
  ],
  ['invalid sp without rua', 'v=DMARC1; p=reject; sp=maybe', { ok: false, code: 'bad-sp', offset: 23, tag: 'sp' }],
  [
    'invalid sp with a valid rua → the whole policy falls back to none',
    'v=DMARC1; p=reject; sp=maybe; rua=mailto:a@example.com',
    { ok: true, record: { p: 'none', policyFallback: { reason: 'invalid-sp', written: 'maybe' } }, absent: ['sp'], warnings: ['policy-fallback'] },
  ],
  ['p after another tag is accepted with a warning', 'v=DMARC1; rua=mailto:a@example.com; p=reject', { ok: true, record: { p: 'reject' }, warnings: ['p-not-second'] }],
  ['a trailing newline makes p invalid', 'v=DMARC1; p=none\n', { ok: false, code: 'bad-p', offset: 12, tag: 'p' }],
  // Duplicates and malformed tags
  ['duplicate p', 'v=DMARC1; p=none; p=reject', { ok: false, code: 'duplicate-tag', offset: 18, tag: 'p' }],
  ['duplicate with different case', 'v=DMARC1; p=none; rua=mailto:a@example.com; RUA=mailto:b@example.com', { ok: false, code: 'duplicate-tag', tag: 'rua' }],
  ['a bare word instead of tag=value', 'v=DMARC1; reject', { ok: false, code: 'malformed-tag', offset: 10 }],
  ['a tag name starting with a digit', 'v=DMARC1; 1p=none', { ok: false, code: 'bad-tag-name', offset: 10 }],
  // Values
  ['pct over 100', 'v=DMARC1; p=none; pct=150', { ok: false, code: 'bad-pct', offset: 22, tag: 'pct' }],
  ['pct=101, just over the limit', 'v=DMARC1; p=none; pct=101', { ok: false, code: 'bad-pct', tag: 'pct' }],
  ['pct=100, the limit', 'v=DMARC1; p=none; pct=100', { ok: true, record: { pct: 100 }, warnings: [] }],
  ['negative pct', 'v=DMARC1; p=none; pct=-1', { ok: false, code: 'bad-pct', tag: 'pct' }],
  ['fractional pct', 'v=DMARC1; p=none; pct=50.5', { ok: false, code: 'bad-pct', tag: 'pct' }],
  ['empty pct', 'v=DMARC1; p=none; pct=', { ok: false, code: 'bad-pct', tag: 'pct' }],
  ['pct with four digits', 'v=DMARC1; p=none; pct=0100', { ok: false, code: 'bad-pct', tag: 'pct' }],
  ['adkim=x', 'v=DMARC1; p=none; adkim=x', { ok: false, code: 'bad-adkim', offset: 24, tag: 'adkim' }],
  ['aspf=relaxed', 'v=DMARC1; p=none; aspf=relaxed', { ok: false, code: 'bad-aspf', tag: 'aspf' }],
  ['ri not a number', 'v=DMARC1; p=none; ri=daily', { ok: false, code: 'bad-ri', tag: 'ri' }],
  ['ri beyond 32 bits', 'v=DMARC1; p=none; ri=4294967296', { ok: false, code: 'bad-ri', tag: 'ri' }],
  ['fo=2', 'v=DMARC1; p=none; fo=2', { ok: false, code: 'bad-fo', tag: 'fo' }],
  ['fo with commas', 'v=DMARC1; p=none; fo=1,d', { ok: false, code: 'bad-fo', tag: 'fo' }],
  ['rf with a space inside', 'v=DMARC1; p=none; rf=a f', { ok: false, code: 'bad-rf', tag: 'rf' }],
  ['rf=iodef is not registered', 'v=DMARC1; p=none; rf=iodef', { ok: true, record: { rf: ['iodef'] }, warnings: ['unregistered-rf'] }],
  // Reporting URIs are ignored, not fatal (§6.3)
  ['rua without mailto:', 'v=DMARC1; p=none; rua=dmarc@example.com', { ok: true, record: { rua: [] }, warnings: ['bad-uri'] }],
  ['rua with a bad size suffix', 'v=DMARC1; p=none; rua=mailto:a@example.com!5x', { ok: true, record: { rua: [] }, warnings: ['bad-uri'] }],
  ['rua with an https URI', 'v=DMARC1; p=none; rua=https://example.com/report', { ok: true, warnings: ['non-mailto-uri'] }],
  ['ruf with a broken address', 'v=DMARC1; p=none; ruf=mailto:nobody', { ok: true, record: { ruf: [] }, warnings: ['bad-uri'] }],
  // Unknown and draft tags are ignored
  ['unknown tag', 'v=DMARC1; p=none; foo=bar', { ok: true, warnings: ['unknown-tag'] }],
  ['DMARCbis np tag', 'v=DMARC1; p=none; np=reject', { ok: true, warnings: ['draft-tag'] }],
  // Whitespace and punctuation
  ['";;" in the middle', 'v=DMARC1; p=none;; rua=mailto:a@example.com', { ok: true, warnings: ['empty-tag'] }],
  ['leading space', ' v=DMARC1; p=none', { ok: true, warnings: ['surrounding-whitespace'] }],
  ['trailing space without a final ";"', 'v=DMARC1; p=none ', { ok: true, record: { p: 'none' }, warnings: ['surrounding-whitespace'] }],
  ['wrapped in quotes', '"v=DMARC1; p=none"', { ok: false, code: 'quoted', offset: 0 }],
  ['empty text', '', { ok: false, code: 'empty', offset: 0 }],
  ['only spaces', '   ', { ok: false, code: 'empty', offset: 0 }],
];

describe('parseDmarc corpus', () => {
  it.each(corpus)('%s', (_name, text, expected) => {
    const result = parseDmarc(text);
    expect(result.ok).toBe(expected.ok);
    if (result.ok && expected.ok) {
      if (expected.record) expect(result.record).toMatchObject(expected.record);
      for (const key of expected.absent ?? []) expect(result.record).not.toHaveProperty(key);
    }
    if (!result.ok && !expected.ok) {
      expect(result.error.code).toBe(expected.code);
      if (expected.offset !== undefined) expect(result.error.offset).toBe(expected.offset);
      if (expected.tag !== undefined) expect(result.error.tag).toBe(expected.tag);
      expect(render('en', result.error).length).toBeGreaterThan(10);
      expect(render('ja', result.error)).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
    if (expected.warnings) expect(result.warnings.map((w) => w.code)).toEqual(expected.warnings);
  });

  it('has at least 30 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });
});

describe('parseDmarc messages', () => {
  it('explains a missing semicolon after the version in both languages', () => {
    const result = parseDmarc('v=DMARC1 p=none');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(render('en', result.error)).toContain('semicolon');
    expect(render('ja', result.error)).toContain('セミコロン');
  });

  it('tells the user the version must be upper case', () => {
    const result = parseDmarc('v=Dmarc1; p=none');
    if (result.ok) throw new Error('expected an error');
    expect(render('en', result.error)).toContain('capital');
    expect(render('ja', result.error)).toContain('大文字');
  });

  it('shows invisible characters escaped', () => {
    const result = parseDmarc('v=DMARC1; p=none\n');
    if (result.ok) throw new Error('expected an error');
    expect(render('en', result.error)).toContain('"none\\n"');
  });

  it('suggests the mailto: form for a bare address', () => {
    const result = parseDmarc('v=DMARC1; p=none; rua=dmarc@example.com');
    expect(render('en', result.warnings[0]!)).toContain('mailto:dmarc@example.com');
    expect(render('ja', result.warnings[0]!)).toContain('mailto:dmarc@example.com');
    expect(result.warnings[0]?.offset).toBe(22);
  });

  it('says what the fallback means: reports but no blocking', () => {
    const result = parseDmarc('v=DMARC1; rua=mailto:a@example.com');
    expect(render('en', result.warnings[0]!)).toContain('p=none');
    expect(render('ja', result.warnings[0]!)).toContain('p=none');
  });
});

describe('parseDmarcUri', () => {
  it('reads size suffixes as powers of two', () => {
    const sizes: [string, number][] = [
      ['mailto:a@example.com!100', 100],
      ['mailto:a@example.com!2k', 2048],
      ['mailto:a@example.com!3M', 3 * 2 ** 20],
      ['mailto:a@example.com!1t', 2 ** 40],
    ];
    for (const [text, bytes] of sizes) {
      const parsed = parseDmarcUri(text);
      expect(parsed.ok && parsed.uri.maxBytes).toBe(bytes);
    }
  });

  it('rejects an address without a domain dot, and an unencoded "!"', () => {
    expect(parseDmarcUri('mailto:root@localhost').ok).toBe(false);
    expect(parseDmarcUri('mailto:a!b@example.com').ok).toBe(false);
  });
});

describe('selectDmarcRecord (RFC 7489 §6.6.3)', () => {
  it('finds nothing in an empty answer', () => {
    expect(selectDmarcRecord([])).toMatchObject({ kind: 'none', ignored: [] });
  });

  it('discards records that do not start with v=DMARC1', () => {
    const selection = selectDmarcRecord(['v=spf1 -all', 'google-site-verification=abc', 'v=DMARC10; p=none', 'v=dmarc1; p=none']);
    expect(selection.kind).toBe('none');
    expect(selection.ignored).toHaveLength(4);
    expect(render('ja', selection.explanation)).toBe('DMARCレコードがありません（v=DMARC1で始まるTXTレコードが見つかりません）。');
  });

  it('picks the single DMARC record among other TXT records', () => {
    expect(selectDmarcRecord(['hello', 'v=DMARC1; p=none'])).toMatchObject({
      kind: 'one',
      record: 'v=DMARC1; p=none',
      index: 1,
      ignored: ['hello'],
    });
  });

  it('reports several DMARC records as "multiple": DMARC is then not applied', () => {
    const selection = selectDmarcRecord(['v=DMARC1; p=none', 'v=DMARC1; p=reject']);
    expect(selection.kind).toBe('multiple');
    if (selection.kind !== 'multiple') return;
    expect(selection.records).toEqual(['v=DMARC1; p=none', 'v=DMARC1; p=reject']);
    expect(render('en', selection.explanation)).toContain('§6.6.3');
    expect(render('ja', selection.explanation)).toContain('2つ');
  });

  it('accepts spacing around the version tag', () => {
    expect(isDmarcCandidate(' v=DMARC1; p=none')).toBe(true);
    expect(isDmarcCandidate('v = DMARC1 ; p=none')).toBe(true);
    expect(isDmarcCandidate('v=DMARC1')).toBe(true);
    expect(isDmarcCandidate('p=none; v=DMARC1')).toBe(false);
  });
});
