import { describe, expect, it } from 'vitest';
import { isSpfRecord, parseRecord } from '../../../lib/spf/parser';
import { type CatalogKey, render } from '../../../lib/i18n';

function errorOf(record: string) {
  const parsed = parseRecord(record);
  if (parsed.ok) throw new Error(`expected a syntax error in ${record}`);
  return parsed.error;
}

describe('record selection', () => {
  it.each([
    ['v=spf1', true],
    ['v=spf1 -all', true],
    ['V=SPF1 -all', true],
    ['v=spf10 -all', false],
    ['v=spf1-all', false],
    ['v=spf1\t-all', false],
    [' v=spf1 -all', false],
    ['spf2.0/pra -all', false],
  ])('%j is SPF: %s', (text, expected) => {
    expect(isSpfRecord(text)).toBe(expected);
  });
});

describe('parsing valid records', () => {
  it('reads mechanisms, qualifiers, CIDR lengths and modifiers', () => {
    const parsed = parseRecord('v=spf1 +a/24//64 -mx:mail.example.com/28 ~ip4:192.0.2.0/24 ?ip6:2001:db8::/32 include:_spf.example.net exists:%{i}._spf.%{d} ptr redirect=_spf.example.org exp=explain.%{d} ra=postmaster');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { record } = parsed;
    expect(record.mechanisms.map((m) => `${m.qualifier}${m.name}`)).toEqual(['+a', '-mx', '~ip4', '?ip6', '+include', '+exists', '+ptr']);
    expect(record.mechanisms[0]).toMatchObject({ prefix4: 24, prefix6: 64, explicitQualifier: true, offset: 7 });
    expect(record.mechanisms[1]).toMatchObject({ domainSpec: 'mail.example.com', prefix4: 28 });
    expect(record.mechanisms[3]).toMatchObject({ prefix6: 32 });
    expect(record.redirect?.value).toBe('_spf.example.org');
    expect(record.exp?.value).toBe('explain.%{d}');
    expect(record.unknownModifiers.map((m) => m.name)).toEqual(['ra']);
  });

  it('accepts extra spaces between terms and at the end, and case-insensitive names', () => {
    const parsed = parseRecord('v=spf1  IP4:192.0.2.1   INCLUDE:example.com  -ALL  ');
    expect(parsed.ok && parsed.record.mechanisms.map((m) => m.name)).toEqual(['ip4', 'include', 'all']);
  });

  it('reads "include=" as the unknown modifier the ABNF makes it (the analyser warns about it)', () => {
    const parsed = parseRecord('v=spf1 include=foo.example.com ~all');
    expect(parsed.ok && parsed.record.unknownModifiers.map((m) => [m.name, m.value])).toEqual([['include', 'foo.example.com']]);
  });

  it('accepts a trailing dot and macro-terminated domains', () => {
    for (const record of ['v=spf1 a:example.com.', 'v=spf1 exists:%{l}.%{d}', 'v=spf1 include:foo.123-a']) {
      expect(parseRecord(record).ok, record).toBe(true);
    }
  });
});

describe('located syntax errors', () => {
  const cases: [string, string, number, CatalogKey][] = [
    // record, faulty term, offset of the fault, the catalog message that says what is wrong
    ['v=spf1 ip4:192.0.2.1/33 -all', 'ip4:192.0.2.1/33', 21, 'spf_syntax_cidr_too_large'],
    ['v=spf1 ip4:192.0.2.256 -all', 'ip4:192.0.2.256', 11, 'spf_syntax_bad_ip4'],
    ['v=spf1 ip4:192.0.2.1~all', 'ip4:192.0.2.1~all', 11, 'spf_syntax_bad_ip4'],
    ['v=spf1 include _spf.example.com ~all', 'include', 14, 'spf_syntax_needs_domain_after_colon'],
    ['v=spf1 a:example.123 -all', 'a:example.123', 17, 'spf_syntax_bad_top_label'],
    ['v=spf1 mx:localhost -all', 'mx:localhost', 10, 'spf_syntax_not_fqdn'],
    ['v=spf1 redirect=a.example.com redirect=b.example.com', 'redirect=b.example.com', 30, 'spf_syntax_duplicate_modifier'],
    ['v=spf1 exp=a.example.com exp=b.example.com -all', 'exp=b.example.com', 25, 'spf_syntax_duplicate_modifier'],
    ['v=spf1 exists:%{x}.example.com', 'exists:%{x}.example.com', 14, 'spf_syntax_macro_unknown_letter'],
    ['v=spf1 -all foo', 'foo', 12, 'spf_syntax_unknown_mechanism'],
    ['v=spf1 ip6:2001:db8::/129', 'ip6:2001:db8::/129', 22, 'spf_syntax_cidr_too_large'],
    ['v=spf1 a/08', 'a/08', 9, 'spf_syntax_cidr_invalid'],
    ['v=spf1 all:foo.com', 'all:foo.com', 10, 'spf_syntax_all_argument'],
    ['v=spf1 +redirect=foo.com', '+redirect=foo.com', 8, 'spf_syntax_unknown_mechanism'],
    ['v=spf1 a:ex\u00e9mple.com', 'a:ex\u00e9mple.com', 11, 'spf_syntax_bad_character'],
    ['v=spf1 ra=%', 'ra=%', 10, 'spf_syntax_macro_bad_percent'],
  ];
  it.each(cases)('%s → error in %j at offset %d', (record, term, offset, problem) => {
    const error = errorOf(record);
    expect(error.term).toBe(term);
    expect(error.offset).toBe(offset);
    expect(error.problem.key).toBe(problem);
    expect(error.reason).toBe(render('en', error.problem));
    expect(record.slice(error.termOffset, error.termOffset + term.length)).toBe(term);
  });

  it('says what is wrong in both languages, with the faulty text in it', () => {
    const error = errorOf('v=spf1 ip4:192.0.2.256 -all');
    expect(render('en', error.problem)).toBe('"192.0.2.256" is not a valid IPv4 address');
    expect(render('ja', error.problem)).toBe('「192.0.2.256」はIPv4アドレスとして正しくありません');
    expect(render('ja', errorOf('v=spf1 a:ex\u00e9mple.com').problem)).toContain('U+00E9');
  });

  it('reports the index of the faulty term', () => {
    expect(errorOf('v=spf1 a mx ip4:1.2.3.4/40 -all').termIndex).toBe(2);
  });
});
