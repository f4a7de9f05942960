import { describe, expect, it } from 'vitest';
import { ipVersion, isIPv4, isIPv6 } from '../../../lib/mail/ip';
import { isFws, isWsp, splitTagList } from '../../../lib/mail/taglist';

describe('IP validation', () => {
  it.each(['0.0.0.0', '192.0.2.1', '255.255.255.255', '10.0.0.10'])('IPv4 %s is valid', (ip) => {
    expect(isIPv4(ip)).toBe(true);
    expect(ipVersion(ip)).toBe(4);
  });

  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', '1..2.3', ' 1.2.3.4', 'a.b.c.d', ''])('IPv4 %j is invalid', (ip) => {
    expect(isIPv4(ip)).toBe(false);
  });

  it.each(['::', '::1', '2001:db8::1', '2001:db8:0:0:0:0:0:1', 'fe80::1:2:3:4', '::ffff:192.0.2.1', '2001:DB8::A', '1:2:3:4:5:6:7::'])(
    'IPv6 %s is valid',
    (ip) => {
      expect(isIPv6(ip)).toBe(true);
      expect(ipVersion(ip)).toBe(6);
    },
  );

  it.each(['2001:db8::1::2', '1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', 'fe80::1%eth0', '2001:db8::/32', '::ffff:999.0.2.1', ':1', '1:', 'g::1', ''])(
    'IPv6 %j is invalid',
    (ip) => {
      expect(isIPv6(ip)).toBe(false);
      expect(ipVersion(ip)).toBeUndefined();
    },
  );
});

describe('splitTagList', () => {
  it('locates names and values and drops one final ";"', () => {
    expect(splitTagList('v=DMARC1; p = none ;', isWsp)).toEqual([
      { kind: 'tag', name: 'v', value: 'DMARC1', offset: 0, valueOffset: 2 },
      { kind: 'tag', name: 'p', value: 'none', offset: 10, valueOffset: 14 },
    ]);
  });

  it('reports empty segments and segments without "="', () => {
    expect(splitTagList(';a=1;;b;', isWsp)).toEqual([
      { kind: 'empty', offset: 0 },
      { kind: 'tag', name: 'a', value: '1', offset: 1, valueOffset: 3 },
      { kind: 'empty', offset: 5 },
      { kind: 'no-equals', text: 'b', offset: 6 },
    ]);
  });

  it('keeps whitespace inside values and treats newlines per the grammar', () => {
    expect(splitTagList('n=two words', isWsp)).toEqual([{ kind: 'tag', name: 'n', value: 'two words', offset: 0, valueOffset: 2 }]);
    expect(splitTagList('p=ab\r\n\tcd\r\n', isFws)[0]).toMatchObject({ value: 'ab\r\n\tcd' });
    expect(splitTagList('p=ab\n', isWsp)[0]).toMatchObject({ value: 'ab\n' });
  });

  it('an empty value is a tag with value ""', () => {
    expect(splitTagList('p=', isWsp)).toEqual([{ kind: 'tag', name: 'p', value: '', offset: 0, valueOffset: 2 }]);
  });
});
