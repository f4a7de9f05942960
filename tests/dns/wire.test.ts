// The wire format without any server: query encoding, base64url, request building, reply decoding.
import * as dnsPacket from '@dnsquery/dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDohRequest, parseAge } from '../../lib/dns/exchange';
import { decodeMessage, encodeQuery, isValidQueryName, toBase64Url } from '../../lib/dns/wire';

interface OptLike {
  type: string;
  udpPayloadSize: number;
  options: Array<{ code: number; data: Uint8Array; sourcePrefixLength?: number }>;
}

describe('encodeQuery', () => {
  it('builds a recursive query with message ID 0 and the question', () => {
    const packet = dnsPacket.decode(encodeQuery('_spf.onamae.ne.jp', 'TXT'));
    expect(packet.id).toBe(0);
    expect(packet.flag_rd).toBe(true);
    expect(packet.flag_qr).toBe(false);
    expect(packet.questions).toEqual([{ name: '_spf.onamae.ne.jp', type: 'TXT', class: 'IN' }]);
  });

  it('carries EDNS with a zero-prefix client-subnet option and pads to a multiple of 128 octets', () => {
    for (const name of ['a.jp', 'example.jp', 'default._domainkey.dmarc-wix.jp', `${'x'.repeat(63)}.${'y'.repeat(63)}.jp`]) {
      const bytes = encodeQuery(name, 'TXT');
      expect(bytes.length % 128).toBe(0);
      const opt = dnsPacket.decode(bytes).additionals?.[0] as unknown as OptLike;
      expect(opt.type).toBe('OPT');
      expect(opt.udpPayloadSize).toBe(4096);
      const ecs = opt.options.find((option) => option.code === 8);
      expect(ecs?.sourcePrefixLength).toBe(0);
      expect(opt.options.some((option) => option.code === 12)).toBe(true);
    }
  });
});

describe('toBase64Url', () => {
  it('matches base64url without padding for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = toBase64Url(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
        expect(encoded).not.toMatch(/[=+/]/);
      }),
    );
  });

  it('encodes the known example.jp SOA query used by start.sh', () => {
    const query = new Uint8Array(Buffer.from('AAABAAABAAAAAAAAB2V4YW1wbGUCanAAAAYAAQ', 'base64url'));
    expect(toBase64Url(query)).toBe('AAABAAABAAAAAAAAB2V4YW1wbGUCanAAAAYAAQ');
  });
});

describe('buildDohRequest', () => {
  const query = encodeQuery('example.jp', 'TXT');

  it('uses GET with ?dns= and Accept when the URL fits', () => {
    const { url, init } = buildDohRequest('https://dns.example/dns-query', query, 2048);
    expect(init.method).toBe('GET');
    expect(url).toBe(`https://dns.example/dns-query?dns=${toBase64Url(query)}`);
    expect(init.headers).toEqual({ accept: 'application/dns-message' });
    expect(init.body).toBeUndefined();
  });

  it('appends with & when the endpoint already has a query string', () => {
    const { url } = buildDohRequest('https://dns.example/q?profile=1', query, 2048);
    expect(url.startsWith('https://dns.example/q?profile=1&dns=')).toBe(true);
  });

  it('switches to POST with the raw message once the GET URL would exceed the limit', () => {
    const getLength = buildDohRequest('https://dns.example/dns-query', query, 10_000).url.length;
    expect(buildDohRequest('https://dns.example/dns-query', query, getLength).init.method).toBe('GET');
    const { url, init } = buildDohRequest('https://dns.example/dns-query', query, getLength - 1);
    expect(init.method).toBe('POST');
    expect(url).toBe('https://dns.example/dns-query');
    expect(init.headers).toEqual({ accept: 'application/dns-message', 'content-type': 'application/dns-message' });
    expect(init.body).toEqual(query);
  });
});

describe('parseAge', () => {
  it('reads whole seconds and ignores anything else', () => {
    expect(parseAge('42')).toBe(42);
    expect(parseAge(null)).toBe(0);
    expect(parseAge('-3')).toBe(0);
    expect(parseAge('soon')).toBe(0);
  });
});

describe('isValidQueryName', () => {
  it('accepts ordinary names and rejects empty labels and oversized names', () => {
    expect(isValidQueryName('_spf.google.com')).toBe(true);
    expect(isValidQueryName('')).toBe(false);
    expect(isValidQueryName('a..jp')).toBe(false);
    expect(isValidQueryName(`${'a'.repeat(64)}.jp`)).toBe(false);
    expect(isValidQueryName(Array.from({ length: 64 }, () => 'abc').join('.'))).toBe(false);
  });
});

describe('decodeMessage', () => {
  function reply(answers: dnsPacket.Answer[], authorities: dnsPacket.Answer[] = [], flags = 0): Uint8Array {
    return dnsPacket.encode({
      type: 'response',
      id: 0,
      flags,
      questions: [{ name: 'Example.JP', type: 'TXT', class: 'IN' }],
      answers,
      authorities,
    });
  }

  it('lower-cases names, strips trailing dots and keeps TXT character-strings apart', () => {
    const message = decodeMessage(
      reply([{ name: 'Example.JP.', type: 'TXT', ttl: 60, data: ['v=spf1 ip4:192.0.2.1 ', '-all'] }]),
    );
    expect(message.question).toEqual({ name: 'example.jp', type: 'TXT' });
    expect(message.answers).toEqual([{ name: 'example.jp', ttl: 60, type: 'TXT', data: ['v=spf1 ip4:192.0.2.1 ', '-all'] }]);
  });

  it('decodes invalid UTF-8 in TXT without throwing', () => {
    const message = decodeMessage(reply([{ name: 'example.jp', type: 'TXT', ttl: 1, data: [new Uint8Array([0x61, 0xff, 0x62])] }]));
    expect(message.answers[0]).toMatchObject({ data: ['a\uFFFDb'] });
  });

  it('converts MX, SOA and CNAME data and drops types it does not model', () => {
    const message = decodeMessage(
      reply(
        [
          { name: 'example.jp', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'Mail1042.Onamae.NE.JP' } },
          { name: 'www.example.jp', type: 'CNAME', ttl: 300, data: 'CDN1.wixdns.net' },
          { name: 'example.jp', type: 'HINFO', ttl: 300, data: { cpu: 'x', os: 'y' } },
        ],
        [soaAnswer()],
      ),
    );
    expect(message.answers).toEqual([
      { name: 'example.jp', ttl: 300, type: 'MX', data: { preference: 10, exchange: 'mail1042.onamae.ne.jp' } },
      { name: 'www.example.jp', ttl: 300, type: 'CNAME', data: 'cdn1.wixdns.net' },
    ]);
    expect(message.authority).toEqual([
      {
        name: 'example.jp',
        ttl: 3600,
        type: 'SOA',
        data: { mname: 'ns0.wixdns.net', rname: 'support.wix.com', serial: 7, refresh: 3600, retry: 600, expire: 604800, minimum: 60 },
      },
    ]);
  });

  it('reports the rcode and the truncation bit', () => {
    const message = decodeMessage(reply([], [], dnsPacket.TRUNCATED_RESPONSE | 3));
    expect(message.rcode).toBe('NXDOMAIN');
    expect(message.truncated).toBe(true);
    expect(message.isResponse).toBe(true);
  });

  it('throws on bytes that are not a DNS message', () => {
    expect(() => decodeMessage(new Uint8Array([0, 0, 0x81]))).toThrow();
  });
});

function soaAnswer(): dnsPacket.Answer {
  return {
    name: 'example.jp',
    type: 'SOA',
    ttl: 3600,
    data: { mname: 'ns0.wixdns.net', rname: 'support.wix.com', serial: 7, refresh: 3600, retry: 600, expire: 604800, minimum: 60 },
  };
}

describe('without Node Buffer (as in an MV3 service worker)', () => {
  it('encodes queries and decodes replies', () => {
    const reply = dnsPacket.encode({
      type: 'response',
      id: 0,
      questions: [{ name: 'example.jp', type: 'TXT', class: 'IN' }],
      answers: [{ name: 'example.jp', type: 'TXT', ttl: 60, data: ['v=spf1 ', 'include:_spf.onamae.ne.jp ~all'] }],
    });
    const saved = globalThis.Buffer;
    // Synchronous from here to the restore, so nothing else can run while Buffer is missing.
    Reflect.deleteProperty(globalThis, 'Buffer');
    let encoded: string;
    let decoded: ReturnType<typeof decodeMessage>;
    try {
      encoded = toBase64Url(encodeQuery('_spf.google.com', 'TXT'));
      decoded = decodeMessage(reply);
    } finally {
      globalThis.Buffer = saved;
    }
    expect(encoded).toHaveLength(171); // 128 octets
    expect(decoded.answers).toEqual([{ name: 'example.jp', ttl: 60, type: 'TXT', data: ['v=spf1 ', 'include:_spf.onamae.ne.jp ~all'] }]);
  });
});
