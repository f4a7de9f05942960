// In-memory DNS for diagnosis tests: the seed domain and provider zones (documentation addresses),
// mirroring the loopback testbed's scenarios.
import type { ZoneData, ZoneEntry } from '../../lib/dns/memory';
import type { SnapshotRecord } from '../../lib/diagnosis/types';
import { providerZones } from './spf-zones';

export const txt = (...value: string[]): ZoneEntry => ({ type: 'TXT', value });
export const ns = (value: string): ZoneEntry => ({ type: 'NS', value });
export const mx = (preference: number, exchange: string): ZoneEntry => ({ type: 'MX', value: { preference, exchange } });
export const a = (value: string): ZoneEntry => ({ type: 'A', value });

export const WIX_NS = [ns('ns0.wixdns.net'), ns('ns1.wixdns.net')];
export const ONAMAE_NS = ['01', '02', '03', '04'].map((n) => ns(`${n}.dnsv.jp`));

/** The seed: Wix nameservers, Wix web records, MX at お名前メール, no SPF. */
export function seedZone(extra: ZoneEntry[] = [], nameservers = WIX_NS): ZoneData {
  return {
    ...providerZones,
    'example.jp': [...nameservers, a('185.230.63.107'), a('185.230.63.171'), a('185.230.63.186'), mx(10, 'mail1042.onamae.ne.jp'), txt('google-site-verification=abc123'), ...extra],
    'www.example.jp': [{ type: 'CNAME', value: 'cdn1.wixdns.net' }],
    'cdn1.wixdns.net': [a('185.230.63.171')],
    'mail1042.onamae.ne.jp': [a('203.0.113.200')],
    '_dmarc.example.jp': [{ type: 'CNAME', value: '_dmarc.wixemails.com' }],
    '_dmarc.wixemails.com': [txt('v=DMARC1; p=none; rua=mailto:dmarc@wixemails.com')],
    'default._domainkey.example.jp': [txt('v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAriNjpCMrsaB8Qcx2SRF3YWZxEkkF3lkVjhQJn8oG9x4XVL3xAVTM7Ynq8brF2Z55H9X0XxHpGUMl/bOgdsQUYQNjKd3A6A0QDYFjd6YjzOJ0p6S1viWywMCC5nQiwYiUuyiFImIrtyeL9XN2hI4XqSxsqR3M/6FUqUEvrV0dNvb74GNdie9GnVRf15cs6cpc6wBeAqjxQsE6Dg5CQpxJ8AIDG84pSy1SCW6uJ7ygd3azdkpXJIn9qUEk6nU+D4ere/c2NLNQLI0HYGgeTAiEgik9EWd8I/jgN8w0d9WHEIDLWIlmU+9eVEl2NQ+NiQHmoVvT7NFEXn4la8Wn9THZbwIDAQAB')],
  };
}

/** What the Wix panel shows for the seed (NS rows are not shown on Wix's records page). */
export function wixSeedRecords(extra: SnapshotRecord[] = []): SnapshotRecord[] {
  return [
    { host: 'example.jp', type: 'A', ttl: 3600, value: '185.230.63.107' },
    { host: 'example.jp', type: 'A', ttl: 3600, value: '185.230.63.171' },
    { host: 'example.jp', type: 'A', ttl: 3600, value: '185.230.63.186' },
    { host: 'www.example.jp', type: 'CNAME', ttl: 3600, value: 'cdn1.wixdns.net' },
    { host: 'example.jp', type: 'MX', ttl: 3600, value: 'mail1042.onamae.ne.jp', priority: 10 },
    { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'google-site-verification=abc123' },
    { host: '_dmarc.example.jp', type: 'CNAME', ttl: 3600, value: '_dmarc.wixemails.com' },
    { host: 'default._domainkey.example.jp', type: 'TXT', ttl: 3600, value: String((seedZone()['default._domainkey.example.jp']![0] as { value: string[] }).value[0]) },
    ...extra,
  ];
}

/** What お名前.com's record page shows: its own NS rows (01–04.dnsv.jp) and the old records. */
export function onamaeRecords(extra: SnapshotRecord[] = []): SnapshotRecord[] {
  return [
    ...['01', '02', '03', '04'].map((n) => ({ host: 'example.jp', type: 'NS', ttl: 86400, value: `${n}.dnsv.jp`, readOnly: true, status: 'enabled' as const })),
    { host: 'example.jp', type: 'A', ttl: 3600, value: '203.0.113.80', status: 'enabled' },
    { host: 'example.jp', type: 'MX', ttl: 3600, value: 'mail1042.onamae.ne.jp.', priority: 10, status: 'enabled' },
    { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'google-site-verification=abc123', status: 'enabled' },
    { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'v=spf1 include:_spf.onamae.ne.jp ~all', status: 'enabled' },
    ...extra,
  ];
}
