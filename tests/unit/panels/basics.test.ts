import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonApex, domainFromUrl, domainInText, relativeLabel, toFqdn } from '../../../lib/panels/names';
import { isSpfValue, sameValue, typeFromHeading, typeFromValue } from '../../../lib/panels/records';
import { labelIs, labelKey, labelStartsWith } from '../../../lib/panels/text';
import { parseTtl } from '../../../lib/panels/ttl';

describe('parseTtl', () => {
  it.each([
    ['3600', 3600],
    ['1 Hour', 3600],
    ['2 Hours', 7200],
    ['30 Minutes', 1800],
    ['1 Minute', 60],
    ['1 Day', 86400],
    ['1 Week', 604800],
    ['1 Hour 30 Minutes', 5400],
    ['1 Hour (Recommended)', 3600],
    ['1時間', 3600],
    ['30分', 1800],
    ['1日', 86400],
    ['12時間', 43200],
    ['1週間', 604800],
    ['1時間30分', 5400],
    ['３０分', 1800],
    [' 86400 ', 86400],
  ])('%s → %i s', (text, seconds) => {
    expect(parseTtl(text)).toBe(seconds);
  });

  it.each(['', '-', 'Auto', 'soon', '1 fortnight', 'Hour'])('%j → null', (text) => {
    expect(parseTtl(text)).toBeNull();
  });

  it('reads any "<n> <unit>" the panels print', () => {
    const units: [string, number][] = [['Minutes', 60], ['Hours', 3600], ['Days', 86400], ['分', 60], ['時間', 3600], ['日', 86400]];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom(...units), fc.boolean(), (n, [unit, factor], spaced) => {
        expect(parseTtl(`${n}${spaced ? ' ' : ''}${unit}`)).toBe(n * factor);
      }),
    );
  });
});

describe('host names', () => {
  it('turns panel host labels into FQDNs', () => {
    expect(toFqdn('', 'example.jp')).toBe('example.jp');
    expect(toFqdn('@', 'example.jp')).toBe('example.jp');
    expect(toFqdn('www', 'example.jp')).toBe('www.example.jp');
    expect(toFqdn('WWW.Example.JP.', 'example.jp')).toBe('www.example.jp');
    expect(toFqdn('example.jp', 'example.jp')).toBe('example.jp');
    expect(toFqdn('_dmarc', 'example.jp')).toBe('_dmarc.example.jp');
    expect(toFqdn('www', null)).toBe('www');
  });

  it('turns FQDNs back into labels, and refuses names outside the domain', () => {
    expect(relativeLabel('example.jp', 'example.jp')).toBe('');
    expect(relativeLabel('www.example.jp.', 'example.jp')).toBe('www');
    expect(relativeLabel('a.b.example.jp', 'example.jp')).toBe('a.b');
    expect(relativeLabel('example.com', 'example.jp')).toBeNull();
    expect(relativeLabel('badexample.jp', 'example.jp')).toBeNull();
  });

  it('round-trips every label', () => {
    const label = fc.stringMatching(/^[a-z0-9_]([a-z0-9-]{0,8}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.array(label, { maxLength: 3 }), (labels) => {
        const host = labels.join('.');
        expect(relativeLabel(toFqdn(host, 'example.jp'), 'example.jp')).toBe(host);
      }),
    );
  });

  it('finds a domain in text, also when Japanese runs into it', () => {
    expect(domainInText('example.jp')).toBe('example.jp');
    expect(domainInText('ドメインexample.jpのDNSレコード')).toBe('example.jp');
    expect(domainInText('Manage DNS Records example.jp Changes take 48 hours.')).toBe('example.jp');
    expect(domainInText('ns0.wixdns.net example.jp', ['wixdns.net'])).toBe('example.jp');
    expect(domainInText('例え.jp')).toBe('xn--r8jz45g.jp');
    expect(domainInText('no domain here.')).toBeNull();
    expect(domainInText('185.230.63.107')).toBeNull();
  });

  it('finds a domain in a URL path or query, not in the host', () => {
    expect(domainFromUrl('https://manage.wix.com/account/domains/example.jp/dns', ['wix.com'])).toBe('example.jp');
    expect(domainFromUrl('https://manage.wix.com/dns?domainName=shop.example.co.jp', ['wix.com'])).toBe('shop.example.co.jp');
    expect(domainFromUrl('https://manage.wix.com/dashboard/0b6c/domains', ['wix.com'])).toBeNull();
    expect(domainFromUrl('not a url')).toBeNull();
  });

  it('takes the apex of a zone listing', () => {
    expect(commonApex(['www.example.jp', 'example.jp', '_dmarc.example.jp', '*.example.jp'])).toBe('example.jp');
    expect(commonApex(['www.example.jp', 'mail.example.jp'])).toBeNull();
    expect(commonApex([])).toBeNull();
  });
});

describe('labels and record helpers', () => {
  it('compares labels across width, case, spacing and decoration', () => {
    expect(labelKey('＋ Add Record')).toBe('add record');
    expect(labelIs('DNSレコードを管理', ['DNS レコードを管理'])).toBe(true);
    expect(labelStartsWith('TTL ⓘ', ['TTL'])).toBe(true);
    expect(labelStartsWith('Save changes', ['Save'])).toBe(true);
    expect(labelStartsWith('Hostname', ['Host'])).toBe(false);
    expect(labelIs('', ['', 'x'])).toBe(false);
  });

  it('reads record types from section headings only when the heading names one', () => {
    expect(typeFromHeading('TXT (Text)')).toBe('TXT');
    expect(typeFromHeading('A (Host)')).toBe('A');
    expect(typeFromHeading('CNAME (Aliases)')).toBe('CNAME');
    expect(typeFromHeading('TXT (テキスト)')).toBe('TXT');
    expect(typeFromHeading('MX')).toBe('MX');
    expect(typeFromHeading('MX Records')).toBe('MX');
    expect(typeFromHeading('AAAA (IPv6 Host)')).toBe('AAAA');
    expect(typeFromHeading('Manage DNS Records')).toBeNull();
    expect(typeFromHeading('A new way to manage')).toBeNull();
  });

  it('guesses a type from a value only when it is unmistakable', () => {
    expect(typeFromValue('185.230.63.107')).toBe('A');
    expect(typeFromValue('2a09:8280:1::bc:8ef5:0')).toBe('AAAA');
    expect(typeFromValue('cdn1.wixdns.net')).toBeNull();
    expect(typeFromValue('999.1.1.1')).toBeNull();
  });

  it('recognises SPF values and compares values as a user would', () => {
    expect(isSpfValue('v=spf1 include:_spf.onamae.ne.jp ~all')).toBe(true);
    expect(isSpfValue('"v=spf1 -all"')).toBe(true);
    expect(isSpfValue('v=spf10 -all')).toBe(false);
    expect(isSpfValue('google-site-verification=abc')).toBe(false);
    expect(sameValue('MX', 'mail1042.onamae.ne.jp.', 'MAIL1042.onamae.ne.jp')).toBe(true);
    expect(sameValue('TXT', '"v=spf1 -all"', 'v=spf1 -all')).toBe(true);
    expect(sameValue('TXT', 'V=spf1 -all', 'v=spf1 -all')).toBe(false);
  });
});
