import { describe, expect, it } from 'vitest';
import { parseDomainInput } from '../../../components/popup/domain';

describe('parseDomainInput', () => {
  it('accepts plain names, lower-cased and without the trailing dot', () => {
    expect(parseDomainInput('example.jp')).toEqual({ ok: true, domain: 'example.jp' });
    expect(parseDomainInput('  Mail.Example.CO.JP.  ')).toEqual({ ok: true, domain: 'mail.example.co.jp' });
  });

  it('converts Japanese (IDN) names to punycode and keeps the Unicode spelling for display', () => {
    expect(parseDomainInput('日本語.jp')).toEqual({ ok: true, domain: 'xn--wgv71a119e.jp', unicode: '日本語.jp' });
    expect(parseDomainInput('例え。テスト')).toEqual({ ok: true, domain: 'xn--r8jz45g.xn--zckzah', unicode: '例え.テスト' });
  });

  it('maps full-width letters typed with a Japanese IME to ASCII', () => {
    expect(parseDomainInput('ｅｘａｍｐｌｅ．ｊｐ')).toEqual({ ok: true, domain: 'example.jp' });
  });

  it('takes the host out of a pasted URL or mail address', () => {
    expect(parseDomainInput('https://www.example.jp/contact?x=1')).toEqual({ ok: true, domain: 'www.example.jp' });
    expect(parseDomainInput('info@example.jp')).toEqual({ ok: true, domain: 'example.jp' });
    expect(parseDomainInput('example.jp:443')).toEqual({ ok: true, domain: 'example.jp' });
  });

  it('rejects what is not a domain name, saying why', () => {
    expect(parseDomainInput('')).toEqual({ ok: false, error: 'empty' });
    expect(parseDomainInput('   ')).toEqual({ ok: false, error: 'empty' });
    expect(parseDomainInput('localhost')).toEqual({ ok: false, error: 'single-label' });
    expect(parseDomainInput('203.0.113.9')).toEqual({ ok: false, error: 'ip' });
    expect(parseDomainInput('[2001:db8::1]')).toEqual({ ok: false, error: 'ip' });
    expect(parseDomainInput('exa mple.jp')).toEqual({ ok: false, error: 'invalid' });
    expect(parseDomainInput('*.example.jp')).toEqual({ ok: false, error: 'invalid' });
    expect(parseDomainInput('-bad.example.jp')).toEqual({ ok: false, error: 'invalid' });
    expect(parseDomainInput('a..example.jp')).toEqual({ ok: false, error: 'invalid' });
    expect(parseDomainInput('example.123')).toEqual({ ok: false, error: 'invalid' });
    expect(parseDomainInput(`${'a'.repeat(64)}.jp`)).toEqual({ ok: false, error: 'invalid' });
    expect(parseDomainInput(`${Array.from({ length: 6 }, () => 'a'.repeat(50)).join('.')}.jp`)).toEqual({ ok: false, error: 'too-long' });
  });
});
