// In-memory zones shaped like the real provider SPF trees (documentation-range addresses), shared by
// the analyser tests and the benchmark.
import type { ZoneData } from '../../lib/dns/memory';

const txt = (...value: string[]) => ({ type: 'TXT' as const, value });

export const providerZones: ZoneData = {
  '_spf.google.com': [txt('v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all')],
  '_netblocks.google.com': [txt('v=spf1 ip4:192.0.2.0/26 ip4:192.0.2.64/26 ip4:198.51.100.0/25 ~all')],
  '_netblocks2.google.com': [txt('v=spf1 ip6:2001:db8:4860::/48 ip6:2001:db8:4864::/48 ~all')],
  '_netblocks3.google.com': [txt('v=spf1 ip4:203.0.113.0/27 ip4:203.0.113.32/27 ~all')],
  'spf.protection.outlook.com': [txt('v=spf1 include:spfa.protection.outlook.com include:spfb.protection.outlook.com -all')],
  'spfa.protection.outlook.com': [txt('v=spf1 ip4:198.51.100.128/26 ip6:2001:db8:a000::/40 -all')],
  'spfb.protection.outlook.com': [txt('v=spf1 ip4:198.51.100.192/26 ip6:2001:db8:b000::/40 -all')],
  'sendgrid.net': [txt('v=spf1 ip4:203.0.113.64/27 ip4:203.0.113.96/27 include:ab.sendgrid.net ~all')],
  'ab.sendgrid.net': [txt('v=spf1 ip4:203.0.113.128/26 ~all')],
  '_spf.onamae.ne.jp': [txt('v=spf1 ip4:203.0.113.192/27 ip4:203.0.113.224/28 ~all')],
};

export const REALISTIC_RECORD =
  'v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:sendgrid.net include:_spf.onamae.ne.jp ~all';

export const realisticZone: ZoneData = {
  ...providerZones,
  'example.jp': [txt(REALISTIC_RECORD), { type: 'MX', value: { preference: 10, exchange: 'mail1042.onamae.ne.jp' } }],
  'mail1042.onamae.ne.jp': [{ type: 'A', value: '203.0.113.200' }],
};
