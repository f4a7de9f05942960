// npm run check -- DOMAIN [--panel wix|onamae] [--provider ID [--provider-server HOST]] [--ip IP] [--sender ADDR] [--helo NAME]
//                         [--resolver URL …] [--timeout MS] [--json]
// The same diagnosis the extension shows, from the command line: the SPF record and its include tree with
// lookup counts, the findings with their fixes, the live state, and check_host for --ip.
import { diagnose } from '../lib/diagnosis/diagnose';
import type { Diagnosis } from '../lib/diagnosis/types';
import { DEFAULT_DOH_ENDPOINTS, DohResolver } from '../lib/dns/doh';
import type { DohEndpoint } from '../lib/dns/doh';
import { DnsError } from '../lib/dns/types';
import { allProviders, providerById } from '../lib/mail/providers';
import { checkHost } from '../lib/spf/check-host';
import { canonicalDomain, isQueryableDomain } from '../lib/spf/domain';
import { formatTrace, formatTree } from '../lib/spf/format';
import { parseIp } from '../lib/spf/ip';
import type { CheckHostResult } from '../lib/spf/types';
import { UsageError, parseArgs } from './args';

const USAGE =
  'usage: npm run check -- DOMAIN [--panel wix|onamae] [--provider ID [--provider-server HOST]] [--ip IP] [--sender ADDR] [--helo NAME] [--resolver URL …] [--timeout MS] [--json] [--lang en|ja]';

export function endpointsFrom(urls: string[]): DohEndpoint[] {
  return urls.map((url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`--resolver "${url}" is not a URL`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new UsageError(`--resolver "${url}" must be an http(s) URL`);
    return { label: parsed.host, url };
  });
}

function printText(diagnosis: Diagnosis, check: CheckHostResult | undefined, lang: 'en' | 'ja', checkLabel: string): void {
  const { spf, live } = diagnosis;
  console.log(`${diagnosis.domain}: ${diagnosis.verdict.toUpperCase()}`);
  console.log(`  nameservers: ${live.nameservers.join(', ') || '(unknown)'}${live.dnsHost ? ` (${live.dnsHost})` : ''}`);
  console.log(`  MX:          ${live.mx.map((m) => `${m.preference} ${m.exchange}`).join(', ') || '(none)'}`);
  console.log(`  SPF:         ${spf.record ?? (live.spfRecords.length ? live.spfRecords.join('  |  ') : '(none)')}`);
  console.log(`  lookups:     ${spf.lookups} of 10, void lookups: ${spf.voidLookups} of 2`);
  console.log(`  DMARC:       ${live.dmarc ?? '(none)'}${live.dmarcChain.length ? ` (via ${live.dmarcChain.join(' → ')})` : ''}`);
  if (spf.tree) {
    console.log('\nSPF tree');
    for (const line of formatTree(spf.tree)) console.log(`  ${line}`);
  }
  console.log('\nFindings');
  if (diagnosis.findings.length === 0) console.log('  none: everything checked is in order');
  for (const f of diagnosis.findings) console.log(`  ${f.severity.padEnd(7)} ${f.code}: ${f.message[lang]}`);
  if (diagnosis.fixes.length > 0) console.log('\nFixes');
  for (const fix of diagnosis.fixes) {
    console.log(`  ${fix.action} ${fix.type} host "${fix.host}" (${fix.name})${fix.target === 'dns-host' ? ' — at the DNS host, not in this panel' : ''}`);
    console.log(`    value: ${fix.value}${fix.lookups !== undefined ? `   [${fix.lookups} lookups]` : ''}`);
    if (fix.replaces) console.log(`    replaces: ${fix.replaces}`);
    if (fix.warning) console.log(`    warning: ${fix.warning[lang]}`);
  }
  if (check) {
    console.log(`\n${checkLabel} = ${check.result}`);
    console.log(`  ${check.reason}`);
    if (check.explanation) console.log(`  explanation: ${check.explanation}`);
    for (const line of formatTrace(check)) console.log(`  ${line}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: { ip: {}, sender: {}, helo: {}, resolver: { repeat: true }, timeout: {}, panel: {}, provider: {}, 'provider-server': {}, lang: {} },
    booleans: ['json', 'help'],
  });
  if (args.booleans.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.positional.length !== 1) throw new UsageError(args.positional.length ? `one domain expected, got ${args.positional.length}` : 'a domain is required');
  const domain = canonicalDomain(args.positional[0]!);
  if (!isQueryableDomain(domain)) throw new UsageError(`"${args.positional[0]}" is not a valid domain name`);
  const panel = args.values.panel?.[0];
  if (panel !== undefined && panel !== 'wix' && panel !== 'onamae') throw new UsageError('--panel must be wix or onamae');
  const providerId = args.values.provider?.[0];
  if (providerId !== undefined && !providerById(providerId)) {
    throw new UsageError(`--provider "${providerId}" is not a known provider (one of: ${allProviders.map((p) => p.id).join(', ')})`);
  }
  const providerServer = args.values['provider-server']?.[0]?.toLowerCase().replace(/\.$/, '');
  if (providerServer !== undefined && (!providerId || !isQueryableDomain(providerServer))) {
    throw new UsageError('--provider-server needs --provider and a host name such as sv1234.xserver.jp');
  }
  const lang = args.values.lang?.[0] ?? 'en';
  if (lang !== 'en' && lang !== 'ja') throw new UsageError('--lang must be en or ja');
  const ip = args.values.ip?.[0];
  if (ip !== undefined && !parseIp(ip)) throw new UsageError(`--ip "${ip}" is not an IPv4 or IPv6 address`);
  const timeout = args.values.timeout ? Number(args.values.timeout[0]) : undefined;
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) throw new UsageError('--timeout must be a positive number of milliseconds');
  const endpoints = args.values.resolver ? endpointsFrom(args.values.resolver) : [...DEFAULT_DOH_ENDPOINTS];

  const resolver = new DohResolver({ endpoints, timeoutMs: timeout });
  // One question first, so unreachable resolvers give one clear line instead of a page of TempErrors.
  try {
    await resolver.query(domain, 'NS');
  } catch (error) {
    if (!(error instanceof DnsError)) throw error;
    console.error(`error: no resolver answered for ${domain}: ${error.message}`);
    return 1;
  }
  const views = endpoints.map((endpoint) => ({ label: endpoint.label, resolver: new DohResolver({ endpoints: [endpoint], timeoutMs: timeout, cache: false }) }));
  const diagnosis = await diagnose({ panel: (panel as 'wix' | 'onamae' | undefined) ?? null, domain, records: [], ...(providerId ? { providerId } : {}), ...(providerServer ? { providerServer } : {}) }, { resolver, views });

  const sender = args.values.sender?.[0] ?? `postmaster@${domain}`;
  const helo = args.values.helo?.[0] ?? domain;
  const check = ip ? await checkHost({ ip, sender, helo, domain }, { resolver }) : undefined;

  if (args.booleans.has('json')) {
    console.log(JSON.stringify({ ...diagnosis, checkHost: check ? { ip, sender, helo, ...check } : undefined }, null, 2));
    return 0;
  }
  printText(diagnosis, check, lang, `check_host(${ip}, ${sender}, helo ${helo})`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n${USAGE}`);
      process.exit(2);
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
