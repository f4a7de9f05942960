// Mail providers that small Japanese businesses use: how to recognise them from MX hosts, which SPF terms
// they need, which DKIM selectors they publish, and which sending servers a diagnosis should test.
//
// Facts come from the project's research notes (panels.md §4 and §2.6) and the sources named in each
// entry. A comment marked [I] is an inference that no source states; `spfConfidence: 'inferred'` says the
// UI should ask the user to confirm the suggestion.
//
// Templates: an MX pattern may capture the server number in a named group `n` (mailNNNN, svNNNN,
// wwwNNNN). SPF term templates may use `{n}` (that number) and `{host}` (the whole matched MX host).

import type { Message } from '../i18n';
import { PROVIDER_TABLE } from './provider-table';

/** A provider's name as each language writes it (data: the brand names are what they are). */
export interface ProviderName {
  readonly en: string;
  readonly ja: string;
}

export type ProviderId =
  | 'onamae-mail'
  | 'gmo-server'
  | 'conoha-wing'
  | 'xserver'
  | 'sakura'
  | 'lolipop'
  | 'kagoya'
  | 'heteml'
  | 'google-workspace'
  | 'microsoft-365'
  | 'zoho-jp'
  | 'zoho'
  | 'sendgrid'
  | 'amazon-ses'
  | 'mailchimp'
  | 'mailerlite'
  | 'haihai-mail'
  | 'wix-ascend';

/** 'mailbox': receives and sends the domain's mail (seen in MX). 'sending': a service that only sends. */
export type ProviderCategory = 'mailbox' | 'sending';

export interface MxRule {
  /** Matched against the whole MX host (lower-case, no trailing dot). Group `n` = server number. */
  pattern: RegExp;
  /** SPF terms for this kind of host, as templates; defaults to the provider's `spf`. */
  spf?: readonly string[];
}

export interface Provider {
  id: ProviderId;
  name: ProviderName;
  category: ProviderCategory;
  mx: readonly MxRule[];
  /** SPF terms (templates) to add to the domain's SPF record. Empty: the service needs none. */
  spf: readonly string[];
  /** 'inferred' when the SPF value comes from reasoning, not from a source: ask the user to confirm. */
  spfConfidence: 'confirmed' | 'inferred';
  /** Selectors the provider publishes DKIM keys under, where a source says so; empty when unknown or random. */
  dkimSelectors: readonly string[];
  /** Where the facts come from. */
  source: readonly string[];
  /** A short note for the UI, when the provider has a quirk worth knowing. */
  note?: Message;
}

/**
 * Every provider. A live binding: the overlay module is built with an empty table and installs the one
 * its page kit brings (installProviders); everywhere else it is the table as written.
 */
// The in-page bundles (built with an empty table) share the installed table through their content-script
// world: the details module, loaded after the page kit, finds what the overlay module installed.
const PROVIDER_SLOT = '__spfDoctorProviders';
const world = globalThis as Record<string, unknown>;
const inPage = PROVIDER_TABLE.length === 0;
export let allProviders: readonly Provider[] = inPage ? ((world[PROVIDER_SLOT] as readonly Provider[] | undefined) ?? []) : PROVIDER_TABLE;
let byId = new Map<ProviderId, Provider>(allProviders.map((provider) => [provider.id, provider]));

export function installProviders(providers: readonly Provider[]): void {
  allProviders = providers;
  if (inPage) world[PROVIDER_SLOT] = providers;
  byId = new Map(providers.map((provider) => [provider.id, provider]));
}


export function providerById(id: string): Provider | undefined {
  return byId.get(id as ProviderId);
}

/** A provider recognised from one host name, with what the pattern captured. */
export interface ProviderMatch {
  provider: Provider;
  /** The host as matched (lower-case, without trailing dot). */
  host: string;
  /** The captured server number (mailNNNN, svNNNN, wwwNNNN), if the pattern has one. */
  serverNumber?: string;
  /** SPF term templates of the rule that matched. */
  rule: MxRule;
}

/**
 * A test the diagnosis should run to see whether the domain's SPF covers a provider's sending servers:
 * - `include-coverage`: take sample addresses from the ip4/ip6 terms that `domain`'s own SPF record
 *   authorizes (following its includes), and check that the user's SPF passes for each of them.
 * - `host-addresses`: resolve the A and AAAA records of `host` and check that the user's SPF passes for
 *   each address.
 * A probe that fails means mail sent through that provider will not pass SPF.
 */
export type SenderProbe =
  | { kind: 'include-coverage'; domain: string }
  | { kind: 'host-addresses'; host: string };

export interface DetectedProvider {
  provider: Provider;
  /** The first MX host (in the order given) that matched. */
  mxHost: string;
  /** Every MX host that matched this provider with the same SPF terms. */
  mxHosts: string[];
  serverNumber?: string;
  /** The concrete SPF terms, templates filled in. */
  spfTerms: string[];
  probes: SenderProbe[];
}

/** Lower-cases a host and removes a trailing dot and any priority written before it ("10 mx.example."). */
export function normalizeHost(host: string): string {
  return host.trim().replace(/^\d+\s+/, '').replace(/\.$/, '').toLowerCase();
}

/** The provider whose MX rules match `host`, if any (rules are tried in table order). */
export function matchMxHost(host: string): ProviderMatch | undefined {
  const normalized = normalizeHost(host);
  if (normalized === '') return undefined;
  for (const provider of allProviders) {
    for (const rule of provider.mx) {
      const match = rule.pattern.exec(normalized);
      if (!match) continue;
      const result: ProviderMatch = { provider, host: normalized, rule };
      const serverNumber = match.groups?.['n'];
      if (serverNumber !== undefined) result.serverNumber = serverNumber;
      return result;
    }
  }
  return undefined;
}

/**
 * Recognises providers from a domain's MX hosts (pass them in preference order). Hosts of one provider
 * that lead to the same SPF terms are grouped (Google's five MX hosts give one entry); numbered hosts of
 * different servers (sv1.xserver.jp, sv2.xserver.jp) give one entry each. Unknown hosts are skipped:
 * use `matchMxHost` to list them.
 */
export function detectProviders(mxHosts: string[]): DetectedProvider[] {
  const detected: DetectedProvider[] = [];
  for (const host of mxHosts) {
    const match = matchMxHost(host);
    if (!match) continue;
    const spfTerms = fillTemplates(match.rule.spf ?? match.provider.spf, match);
    if (!spfTerms) continue;
    const key = `${match.provider.id} ${spfTerms.join(' ')}`;
    const existing = detected.find((entry) => `${entry.provider.id} ${entry.spfTerms.join(' ')}` === key);
    if (existing) {
      if (!existing.mxHosts.includes(match.host)) existing.mxHosts.push(match.host);
      continue;
    }
    const entry: DetectedProvider = {
      provider: match.provider,
      mxHost: match.host,
      mxHosts: [match.host],
      spfTerms,
      probes: senderProbes(spfTerms),
    };
    if (match.serverNumber !== undefined) entry.serverNumber = match.serverNumber;
    detected.push(entry);
  }
  return detected;
}

/** Fills `{n}` and `{host}`; undefined when a template needs a value the match does not have. */
function fillTemplates(templates: readonly string[], match?: ProviderMatch): string[] | undefined {
  const terms: string[] = [];
  for (const template of templates) {
    if (template.includes('{n}') && match?.serverNumber === undefined) return undefined;
    if (template.includes('{host}') && match === undefined) return undefined;
    terms.push(template.replaceAll('{n}', match?.serverNumber ?? '').replaceAll('{host}', match?.host ?? ''));
  }
  return terms;
}

export type SpfTermsResult =
  | { ok: true; terms: string[]; probes: SenderProbe[] }
  /**
   * The provider's SPF needs the user's server name (e.g. Xserver's svNNNN.xserver.jp). `terms` holds the
   * terms that do not depend on it; `needs` the templates still to fill.
   */
  | { ok: false; reason: 'needs-server-host'; terms: string[]; needs: string[]; example: string }
  | { ok: false; reason: 'unknown-provider' | 'host-mismatch' };

/**
 * SPF terms for a provider the user picked by hand. `server` is the server host the user typed (e.g.
 * "sv1234.xserver.jp"), or a match from `matchMxHost`; it is needed only for numbered-server providers.
 */
export function spfTermsFor(providerId: string, server?: string | ProviderMatch): SpfTermsResult {
  const provider = providerById(providerId);
  if (!provider) return { ok: false, reason: 'unknown-provider' };

  let match: ProviderMatch | undefined;
  if (typeof server === 'string' && normalizeHost(server) !== '') {
    match = matchMxHost(server);
    if (!match || match.provider.id !== provider.id) return { ok: false, reason: 'host-mismatch' };
  } else if (typeof server === 'object') {
    if (server.provider.id !== provider.id) return { ok: false, reason: 'host-mismatch' };
    match = server;
  }

  const templates = match?.rule.spf ?? provider.spf;
  const filled = fillTemplates(templates, match);
  if (filled) return { ok: true, terms: filled, probes: senderProbes(filled) };

  const needs = templates.filter((template) => template.includes('{'));
  const terms = templates.filter((template) => !template.includes('{'));
  return { ok: false, reason: 'needs-server-host', terms, needs, example: exampleHost(provider) };
}

/** An example server host for the UI ("sv1234.xserver.jp"), derived from the provider's first SPF template. */
function exampleHost(provider: Provider): string {
  const template = provider.spf.find((term) => term.includes('{n}')) ?? '';
  return template.replace(/^a:/, '').replace('{n}', '1234');
}

/**
 * What to test for a list of concrete SPF terms: every `include:D` becomes an include-coverage probe of D,
 * every `a:H` a host-addresses probe of H. Other terms (mx, ip4, …) need no probe from the provider table.
 */
export function senderProbes(spfTerms: readonly string[]): SenderProbe[] {
  const probes: SenderProbe[] = [];
  for (const term of spfTerms) {
    const include = /^[+]?include:(.+)$/i.exec(term);
    if (include?.[1]) {
      probes.push({ kind: 'include-coverage', domain: include[1].toLowerCase() });
      continue;
    }
    const a = /^[+]?a:([^/]+)$/i.exec(term);
    if (a?.[1]) probes.push({ kind: 'host-addresses', host: a[1].toLowerCase() });
  }
  return probes;
}
