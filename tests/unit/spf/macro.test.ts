import { describe, expect, it } from 'vitest';
import { expandMacro, parseMacroString } from '../../../lib/spf/macro';
import type { MacroValues } from '../../../lib/spf/macro';
import { ipMacroForm, formatIp, parseIp } from '../../../lib/spf/ip';

function values(ip: string): MacroValues {
  const parsed = parseIp(ip)!;
  return {
    sender: 'strong-bad@email.example.com',
    localPart: 'strong-bad',
    senderDomain: 'email.example.com',
    domain: 'email.example.com',
    ipForm: ipMacroForm(parsed),
    ipReadable: formatIp(parsed),
    ipVersion: parsed.family === 4 ? 'in-addr' : 'ip6',
    helo: 'mx.example.org',
    receiver: 'mx.receiver.example',
    timestamp: 1_700_000_000,
    validatedName: async () => 'mx.example.org',
  };
}

async function expand(macro: string, ip = '192.0.2.3', explanation = false): Promise<string> {
  const parsed = parseMacroString(macro, explanation);
  if ('error' in parsed) throw new Error(parsed.error.reason);
  return expandMacro(parsed.parts, values(ip));
}

describe('macro expansion: the examples of RFC 7208 §7.4', () => {
  const examples: [string, string][] = [
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d3}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
    ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
    ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
  ];
  it.each(examples)('%s → %s', async (macro, expected) => {
    expect(await expand(macro)).toBe(expected);
  });

  it('expands the IPv6 example', async () => {
    expect(await expand('%{ir}.%{v}._spf.%{d2}', '2001:db8::cb01')).toBe(
      '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com',
    );
  });
});

describe('macro details', () => {
  it('escapes upper-case macros per RFC 3986 and handles %%, %_ and %-', async () => {
    expect(await expand('%{S}')).toBe('strong-bad%40email.example.com');
    expect(await expand('a%%b%_c%-d', '192.0.2.3', true)).toBe('a%b c%20d');
  });

  it('expands the explanation-only letters c, r and t inside explanations', async () => {
    expect(await expand('%{c} %{r} %{t}', '2001:db8::cb01', true)).toBe('2001:db8::cb01 mx.receiver.example 1700000000');
    expect(await expand('%{p} %{h}', '192.0.2.3', true)).toBe('mx.example.org mx.example.org');
  });

  it('rejects c, r and t outside explanations, zero digits, unknown letters and a lone %', () => {
    const errors = ['%{c}', '%{d0}', '%{x}', 'a%b', '%{d', '%{}'].map((m) => {
      const parsed = parseMacroString(m);
      return 'error' in parsed ? parsed.error : null;
    });
    expect(errors.map((e) => e?.offset)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(errors.map((e) => e?.problem.key)).toEqual([
      'spf_syntax_macro_explanation_only',
      'spf_syntax_macro_zero_digit',
      'spf_syntax_macro_unknown_letter',
      'spf_syntax_macro_bad_percent',
      'spf_syntax_macro_unclosed',
      'spf_syntax_macro_malformed',
    ]);
    expect(errors[0]?.reason).toMatch(/only in explanation/);
  });

  it('keeps all parts when the digit transformer exceeds their number, and splits on several delimiters', async () => {
    expect(await expand('%{d99}')).toBe('email.example.com');
    expect(await expand('%{l-.}')).toBe('strong.bad');
  });
});
