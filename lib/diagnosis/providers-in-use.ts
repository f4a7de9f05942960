// Which mail providers the domain uses (from MX, or chosen by the user), and one address each of them
// sends from, so check_host can be asked whether the SPF record authorizes it.
import { detectProviders, providerById, spfTermsFor } from '../mail/providers';
import type { Provider, SenderProbe } from '../mail/providers';
import { analyseSpf } from '../spf/analyse';
import type { SpfNode } from '../spf/analyse';
import { formatIp } from '../spf/ip';
import type { IpAddress } from '../spf/ip';
import { parseRecord } from '../spf/parser';
import type { DiagnosisContext } from './context';

export interface ProviderInUse {
  provider: Provider;
  terms: string[];
  probes: SenderProbe[];
  mxHost?: string;
  source: 'mx' | 'user';
}

/**
 * The providers a diagnosis checks the SPF record against. A provider the user picked wins over MX
 * detection when its SPF terms can be filled in: from the server host the user typed (`server`), else
 * from an MX host of that provider. Otherwise (unknown id, a server host of another provider, a numbered
 * server nobody named) the MX-detected providers are used.
 */
export function providersInUse(providerId: string | undefined, mxHosts: string[], server?: string): ProviderInUse[] {
  if (providerId) {
    const provider = providerById(providerId);
    const mxHost = mxHosts.find((h) => provider?.mx.some((rule) => rule.pattern.test(h)));
    const fromServer = server ? spfTermsFor(providerId, server) : undefined;
    const terms = fromServer?.ok ? fromServer : spfTermsFor(providerId, mxHost);
    if (provider && terms.ok) return [{ provider, terms: terms.terms, probes: terms.probes, source: 'user' }];
  }
  return providersFromMx(mxHosts);
}

/** The providers recognised from the MX hosts alone. */
export function providersFromMx(mxHosts: string[]): ProviderInUse[] {
  return detectProviders(mxHosts).map((p) => ({ provider: p.provider, terms: p.spfTerms, probes: p.probes, mxHost: p.mxHost, source: 'mx' }));
}

/** One address a provider sends from: the first network its own SPF lists, or its server's address. */
export async function sampleAddress(ctx: DiagnosisContext, probes: SenderProbe[]): Promise<string | undefined> {
  for (const probe of probes) {
    if (probe.kind === 'host-addresses') {
      const answer = await ctx.query(probe.host, 'A');
      const address = answer.ok ? answer.response.answers.find((r) => r.type === 'A') : undefined;
      if (address) return String(address.data);
      continue;
    }
    const analysis = await analyseSpf(probe.domain, { resolver: ctx.resolver });
    const network = firstNetwork(analysis.root);
    if (network) return network;
  }
  return undefined;
}

/** The first host address of the first "+ip4" (else "+ip6") term in a tree, depth first. */
function firstNetwork(node: SpfNode): string | undefined {
  if (node.record) {
    const parsed = parseRecord(node.record);
    if (parsed.ok) {
      const nets = parsed.record.mechanisms.filter((m) => (m.name === 'ip4' || m.name === 'ip6') && m.qualifier === '+');
      const chosen = nets.find((m) => m.name === 'ip4') ?? nets[0];
      if (chosen?.network) return formatIp(firstHost(chosen.network, chosen.name === 'ip4' ? (chosen.prefix4 ?? 32) : (chosen.prefix6 ?? 128)));
    }
  }
  for (const child of node.children) {
    const found = firstNetwork(child);
    if (found) return found;
  }
  return undefined;
}

/** Network + 1, unless the prefix leaves no room (a single address or a /31, /127). */
function firstHost(network: IpAddress, prefix: number): IpAddress {
  const bits = network.family === 4 ? 32 : 128;
  if (prefix >= bits - 1) return network;
  const bytes = network.bytes.slice();
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! | 1;
  return { family: network.family, bytes };
}
