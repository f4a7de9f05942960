// npm run check -- DOMAIN [--ip IP] [--sender ADDR] [--helo NAME] [--resolver URL …] [--timeout MS] [--json]
// Shows a domain's SPF record, its include tree with lookup counts, the problems found, and check_host
// for --ip. Everything runs through the same lib/ the extension uses, over DNS-over-HTTPS.
import { DEFAULT_DOH_ENDPOINTS, DohResolver } from '../lib/dns/doh';
import type { DohEndpoint } from '../lib/dns/doh';
import { analyseSpf } from '../lib/spf/analyse';
import { checkHost } from '../lib/spf/check-host';
import { canonicalDomain, isQueryableDomain } from '../lib/spf/domain';
import { formatTrace, formatTree } from '../lib/spf/format';
import { parseIp } from '../lib/spf/ip';
import { UsageError, parseArgs } from './args';

const USAGE = 'usage: npm run check -- DOMAIN [--ip IP] [--sender ADDR] [--helo NAME] [--resolver URL …] [--timeout MS] [--json]';

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

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: { ip: {}, sender: {}, helo: {}, resolver: { repeat: true }, timeout: {} },
    booleans: ['json', 'help'],
  });
  if (args.booleans.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.positional.length !== 1) throw new UsageError(args.positional.length ? `one domain expected, got ${args.positional.length}` : 'a domain is required');
  const domain = canonicalDomain(args.positional[0]!);
  if (!isQueryableDomain(domain)) throw new UsageError(`"${args.positional[0]}" is not a valid domain name`);
  const ip = args.values.ip?.[0];
  if (ip !== undefined && !parseIp(ip)) throw new UsageError(`--ip "${ip}" is not an IPv4 or IPv6 address`);
  const timeout = args.values.timeout ? Number(args.values.timeout[0]) : undefined;
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) throw new UsageError('--timeout must be a positive number of milliseconds');
  const endpoints = args.values.resolver ? endpointsFrom(args.values.resolver) : [...DEFAULT_DOH_ENDPOINTS];
  const resolver = new DohResolver({ endpoints, timeoutMs: timeout });

  const analysis = await analyseSpf(domain, { resolver });
  if (analysis.root.status === 'dns-error') {
    console.error(`error: could not read the SPF record of ${domain}: ${analysis.root.error} (resolvers: ${endpoints.map((e) => e.url).join(', ')})`);
    return 1;
  }
  const sender = args.values.sender?.[0] ?? `postmaster@${domain}`;
  const helo = args.values.helo?.[0] ?? domain;
  const check = ip ? await checkHost({ ip, sender, helo, domain }, { resolver }) : undefined;

  if (args.booleans.has('json')) {
    console.log(
      JSON.stringify(
        {
          domain,
          record: analysis.root.record ?? null,
          lookups: analysis.totalLookups,
          voidLookups: analysis.totalVoidLookups,
          tree: analysis.root,
          issues: analysis.issues,
          checkHost: check ? { ip, sender, helo, ...check } : undefined,
        },
        null,
        2,
      ),
    );
    return 0;
  }

  console.log(`SPF of ${domain}`);
  console.log(`  record:  ${analysis.root.record ?? (analysis.root.records ? analysis.root.records.join('  |  ') : '(none)')}`);
  console.log(`  lookups: ${analysis.totalLookups} of 10, void lookups: ${analysis.totalVoidLookups} of 2, DNS questions asked: ${analysis.queries}`);
  console.log('\nTree');
  for (const line of formatTree(analysis)) console.log(`  ${line}`);
  console.log('\nProblems');
  if (analysis.issues.length === 0) console.log('  none found');
  for (const issue of analysis.issues) console.log(`  ${issue.severity.padEnd(7)} ${issue.domain}: ${issue.message}`);
  if (check) {
    console.log(`\ncheck_host(${ip}, ${sender}, helo ${helo}) = ${check.result}`);
    console.log(`  ${check.reason}`);
    if (check.explanation) console.log(`  explanation: ${check.explanation}`);
    for (const line of formatTrace(check)) console.log(`  ${line}`);
  }
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
