// Who serves a zone, recognised from its nameservers, and which nameservers each panel's records need.
// Sources: panels.md §1.4 (Wix: nsN.wixdns.net pairs) and §2 (お名前.com record settings: 01–04.dnsv.jp);
// the others are the hosts' documented nameserver names.
import type { PanelId } from './types';

export interface DnsHost {
  id: string;
  name: { en: string; ja: string };
  /** Nameserver host suffixes (lower-case, no trailing dot). */
  suffixes: readonly string[];
}

export const DNS_HOSTS: readonly DnsHost[] = [
  { id: 'wix', name: { en: 'Wix', ja: 'Wix' }, suffixes: ['wixdns.net'] },
  { id: 'onamae', name: { en: 'お名前.com (DNS record settings)', ja: 'お名前.com（DNSレコード設定）' }, suffixes: ['dnsv.jp'] },
  { id: 'onamae-server', name: { en: 'お名前.com rental server', ja: 'お名前.com レンタルサーバー' }, suffixes: ['gmoserver.jp'] },
  { id: 'xserver', name: { en: 'Xserver', ja: 'エックスサーバー' }, suffixes: ['xserver.jp'] },
  { id: 'sakura', name: { en: 'Sakura Internet', ja: 'さくらインターネット' }, suffixes: ['dns.ne.jp'] },
  { id: 'lolipop', name: { en: 'Lolipop', ja: 'ロリポップ' }, suffixes: ['lolipop.jp'] },
  { id: 'conoha', name: { en: 'ConoHa', ja: 'ConoHa' }, suffixes: ['conoha.io', 'conoha.ne.jp'] },
  { id: 'kagoya', name: { en: 'KAGOYA', ja: 'カゴヤ' }, suffixes: ['kagoya.net'] },
  { id: 'cloudflare', name: { en: 'Cloudflare', ja: 'Cloudflare' }, suffixes: ['ns.cloudflare.com'] },
  { id: 'route53', name: { en: 'Amazon Route 53', ja: 'Amazon Route 53' }, suffixes: ['awsdns-00.com', 'awsdns-00.net', 'awsdns-00.org', 'awsdns-00.co.uk'] },
  { id: 'google-cloud-dns', name: { en: 'Google Cloud DNS', ja: 'Google Cloud DNS' }, suffixes: ['googledomains.com'] },
  { id: 'godaddy', name: { en: 'GoDaddy', ja: 'GoDaddy' }, suffixes: ['domaincontrol.com'] },
  { id: 'value-domain', name: { en: 'VALUE-DOMAIN', ja: 'バリュードメイン' }, suffixes: ['value-domain.com'] },
];

/** The nameserver suffix whose records a panel edits. */
export const PANEL_NAMESERVERS: Record<PanelId, readonly string[]> = {
  wix: ['wixdns.net'],
  onamae: ['dnsv.jp'],
};

function hasSuffix(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** Route 53 names its servers ns-NNN.awsdns-NN.tld: match the family, not one number. */
function matchesHost(ns: string, host: DnsHost): boolean {
  if (host.id === 'route53') return /\.awsdns-\d+\.(com|net|org|co\.uk)$/.test(ns);
  return host.suffixes.some((suffix) => hasSuffix(ns, suffix));
}

export function dnsHostOf(nameservers: readonly string[]): DnsHost | undefined {
  return DNS_HOSTS.find((host) => nameservers.length > 0 && nameservers.every((ns) => matchesHost(ns, host)));
}

/** 'this-panel' when every live nameserver belongs to the panel's DNS service. */
export function delegationFor(panel: PanelId, nameservers: readonly string[]): 'this-panel' | 'elsewhere' | 'unknown' {
  if (nameservers.length === 0) return 'unknown';
  const suffixes = PANEL_NAMESERVERS[panel];
  return nameservers.every((ns) => suffixes.some((suffix) => hasSuffix(ns, suffix))) ? 'this-panel' : 'elsewhere';
}
