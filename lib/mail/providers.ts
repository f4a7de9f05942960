// Mail providers that small Japanese businesses use: how to recognise them from MX hosts, which SPF terms
// they need, which DKIM selectors they publish, and which sending servers a diagnosis should test.
//
// Facts come from the project's research notes (panels.md §4 and §2.6) and the sources named in each
// entry. A comment marked [I] is an inference that no source states; `spfConfidence: 'inferred'` says the
// UI should ask the user to confirm the suggestion.
//
// Templates: an MX pattern may capture the server number in a named group `n` (mailNNNN, svNNNN,
// wwwNNNN). SPF term templates may use `{n}` (that number) and `{host}` (the whole matched MX host).

import { type Message, message } from '../i18n';

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

export const allProviders: readonly Provider[] = [
  {
    id: 'onamae-mail',
    name: { en: 'Onamae Mail (お名前メール)', ja: 'お名前メール' },
    category: 'mailbox',
    mx: [{ pattern: /^mail(?<n>\d+)\.onamae\.ne\.jp$/ }],
    spf: ['include:_spf.onamae.ne.jp'],
    spfConfidence: 'confirmed',
    // default._domainkey appears in the same record dumps as the MX and SPF.
    dkimSelectors: ['default'],
    source: ['panels.md §2.6: six or more public record dumps (mail50/89/1016/1042/1044.onamae.ne.jp)'],
  },
  {
    id: 'gmo-server',
    name: { en: 'GMO rental server (RS / shared SD)', ja: 'お名前.com レンタルサーバー（RS・共用サーバーSD）' },
    category: 'mailbox',
    mx: [{ pattern: /^mx(?<n>\d+)\.gmoserver\.jp$/ }],
    // [I] An SPF-vendor dictionary lists spf.gmoserver.jp and numbered spfNN.gmoserver.jp; which one a given
    // server needs is not confirmed, so the unnumbered one is suggested and the UI asks to confirm.
    spf: ['include:spf.gmoserver.jp'],
    spfConfidence: 'inferred',
    dkimSelectors: [],
    source: ['panels.md §2.6: MX mxN.gmoserver.jp in four public notes; spf(NN).gmoserver.jp in an SPF-vendor dictionary'],
    note: message('provider_note_gmo_server'),
  },
  {
    id: 'conoha-wing',
    name: { en: 'ConoHa WING', ja: 'ConoHa WING' },
    category: 'mailbox',
    mx: [{ pattern: /^mail(?<n>\d+)\.conoha\.ne\.jp$/ }],
    spf: ['include:_spf.conoha.ne.jp'],
    spfConfidence: 'confirmed',
    dkimSelectors: ['default'],
    source: ['panels.md §2.6: four public notes (MX mailNNNN.conoha.ne.jp, default._domainkey)'],
  },
  {
    id: 'xserver',
    name: { en: 'Xserver', ja: 'エックスサーバー' },
    category: 'mailbox',
    // The MX is often the domain itself (priority 0); then only the SPF record reveals the server name.
    mx: [{ pattern: /^sv(?<n>\d+)\.xserver\.jp$/ }],
    // Published value: "+a:svNNNN.xserver.jp +a:<domain> +mx include:spf.sender.xserver.jp". The +a:<domain>
    // and +mx terms point at the same server when the MX is the domain itself, so the two terms below
    // cover the server; the diagnosis keeps the user's own +a/+mx terms if they exist.
    spf: ['a:sv{n}.xserver.jp', 'include:spf.sender.xserver.jp'],
    spfConfidence: 'confirmed',
    // default._domainkey appears next to the Xserver SPF in several public record dumps.
    dkimSelectors: ['default'],
    source: ['panels.md §4: four public notes', 'public record dumps with default._domainkey next to the Xserver SPF'],
  },
  {
    id: 'sakura',
    name: { en: 'Sakura Internet rental server', ja: 'さくらのレンタルサーバ' },
    category: 'mailbox',
    mx: [
      { pattern: /^www(?<n>\d+)\.sakura\.ne\.jp$/ },
      // [I] The account's initial domain (<account>.sakura.ne.jp) names the same server.
      { pattern: /^(?!www\d+\.)[a-z0-9-]+\.sakura\.ne\.jp$/, spf: ['a:{host}'] },
    ],
    spf: ['a:www{n}.sakura.ne.jp'],
    spfConfidence: 'confirmed',
    dkimSelectors: [],
    source: [
      'https://blog.scaredeer.com/2023/01/sakura-muumuu-mail-spf.html',
      'service.jcity.com SPF guide',
      'a test in a public SPF-vendor dictionary',
    ],
  },
  {
    id: 'lolipop',
    name: { en: 'Lolipop!', ja: 'ロリポップ！' },
    category: 'mailbox',
    mx: [{ pattern: /^mx(?<n>\d+)\.lolipop\.jp$/ }],
    spf: ['include:_spf.lolipop.jp'],
    spfConfidence: 'confirmed',
    dkimSelectors: [],
    source: ['panels.md §4: three public notes (MX mx01.lolipop.jp)'],
  },
  {
    id: 'kagoya',
    name: { en: 'KAGOYA MAIL', ja: 'KAGOYA MAIL' },
    category: 'mailbox',
    mx: [{ pattern: /^(?:[a-z0-9-]+\.)*kagoya\.net$/ }],
    spf: ['include:kagoya.net'],
    spfConfidence: 'confirmed',
    // The selector is chosen by the user in the control panel (support.kagoya.jp uses "sample" as an example).
    dkimSelectors: [],
    source: ['panels.md §4: a public migration doc; support.kagoya.jp', 'https://support.kagoya.jp/kir/manual/add_maildomain/dkim.html'],
  },
  {
    id: 'heteml',
    name: { en: 'heteml', ja: 'ヘテムル' },
    category: 'mailbox',
    // [I] No source gives heteml's MX host; any host under heteml.jp is taken as heteml.
    mx: [{ pattern: /^(?:[a-z0-9-]+\.)*heteml\.jp$/ }],
    spf: ['include:_spf.heteml.jp'],
    spfConfidence: 'confirmed',
    dkimSelectors: [],
    source: ['https://support.heteml.jp/hc/ja/articles/360041679414'],
  },
  {
    id: 'google-workspace',
    name: { en: 'Google Workspace', ja: 'Google Workspace' },
    category: 'mailbox',
    mx: [
      { pattern: /^(?:alt\d\.)?aspmx\.l\.google\.com$/ },
      { pattern: /^aspmx\d*\.googlemail\.com$/ },
      { pattern: /^smtp\.google\.com$/ },
      // [I] Any other Google-operated MX still means Google receives (and usually sends) the mail.
      { pattern: /^(?:[a-z0-9-]+\.)+(?:google|googlemail)\.com$/ },
    ],
    spf: ['include:_spf.google.com'],
    spfConfidence: 'confirmed',
    dkimSelectors: ['google'],
    source: [
      'panels.md §4: captured Onamae DOM (MX list); a public note; dmarcbeacon.com',
      'https://support.google.com/a/answer/11611356 (default DKIM prefix selector "google")',
    ],
  },
  {
    id: 'microsoft-365',
    name: { en: 'Microsoft 365', ja: 'Microsoft 365' },
    category: 'mailbox',
    mx: [
      { pattern: /^[a-z0-9-]+\.mail\.protection\.outlook\.com$/ },
      // [I] Exchange Online's newer DNSSEC-signed MX form, <domain-key>.<tag>.mx.microsoft.
      { pattern: /^[a-z0-9-]+\.[a-z0-9-]+\.mx\.microsoft$/ },
    ],
    spf: ['include:spf.protection.outlook.com'],
    spfConfidence: 'confirmed',
    dkimSelectors: ['selector1', 'selector2'],
    source: [
      'MicrosoftDocs create-dns-records-at-wix.md (panels.md §4)',
      'Microsoft Get-DkimSigningConfig docs (Selector1CNAME / Selector2CNAME)',
    ],
  },
  {
    id: 'zoho-jp',
    name: { en: 'Zoho Mail (Japan)', ja: 'Zoho Mail（日本データセンター）' },
    category: 'mailbox',
    mx: [{ pattern: /^mx\d*\.zoho\.jp$/ }],
    spf: ['include:zoho.jp'],
    spfConfidence: 'confirmed',
    // Zoho lets the admin name the selector, so there is no fixed one.
    dkimSelectors: [],
    source: ['panels.md §4: a public note (migration doc)'],
  },
  {
    id: 'zoho',
    name: { en: 'Zoho Mail', ja: 'Zoho Mail' },
    category: 'mailbox',
    mx: [{ pattern: /^mx\d*\.zoho\.com$/ }],
    spf: ['include:zoho.com'],
    spfConfidence: 'confirmed',
    dkimSelectors: [],
    source: ['panels.md §4: a public note (migration doc, global data centre)'],
  },
  {
    id: 'sendgrid',
    name: { en: 'SendGrid', ja: 'SendGrid' },
    category: 'sending',
    mx: [],
    spf: ['include:sendgrid.net'],
    spfConfidence: 'confirmed',
    // s1/s2._domainkey CNAMEs to sendgrid.net in public record dumps (automated security setup).
    dkimSelectors: ['s1', 's2'],
    source: ['panels.md §4: dmarcbeacon.com; 138data/datagate-poc handover', 'public record dumps (s1/s2._domainkey → …sendgrid.net)'],
    note: message('provider_note_sendgrid'),
  },
  {
    id: 'amazon-ses',
    name: { en: 'Amazon SES', ja: 'Amazon SES' },
    category: 'sending',
    // The MX of a custom MAIL FROM subdomain, e.g. bounce.example.com → feedback-smtp.<region>.amazonses.com.
    mx: [{ pattern: /^feedback-smtp\.[a-z0-9-]+\.amazonses\.com$/ }],
    spf: ['include:amazonses.com'],
    spfConfidence: 'confirmed',
    // Easy DKIM uses three random tokens as selectors, so none can be listed.
    dkimSelectors: [],
    source: ['panels.md §4: dmarcbeacon.com; a public note'],
    note: message('provider_note_amazon_ses'),
  },
  {
    id: 'mailchimp',
    name: { en: 'Mailchimp', ja: 'Mailchimp' },
    category: 'sending',
    mx: [],
    spf: ['include:servers.mcsv.net'],
    spfConfidence: 'confirmed',
    // Public guides disagree (k1 alone; k1+k2; k2+k3), so all three are probed.
    dkimSelectors: ['k1', 'k2', 'k3'],
    source: ['panels.md §4: dmarcbeacon.com', 'netdig.tools and phishfence.io Mailchimp DKIM guides (k1/k2 CNAMEs)'],
  },
  {
    id: 'mailerlite',
    name: { en: 'MailerLite', ja: 'MailerLite' },
    category: 'sending',
    mx: [],
    spf: ['include:_spf.mlsend.com'],
    spfConfidence: 'confirmed',
    dkimSelectors: ['litesrv'],
    source: ['https://help.mailerlite.com/article/show/126617', 'help.ex2.com MailerLite guide (litesrv._domainkey CNAME)'],
  },
  {
    id: 'haihai-mail',
    name: { en: 'HaiHai Mail (配配メール)', ja: '配配メール' },
    category: 'sending',
    mx: [],
    spf: ['include:spf.haihaimail.jp'],
    spfConfidence: 'confirmed',
    dkimSelectors: [],
    source: ['https://support.haihaimail.jp/arrivalimprovement/spfset/'],
  },
  {
    id: 'wix-ascend',
    name: { en: 'Wix email marketing (Ascend)', ja: 'Wix メールマーケティング（Ascend）' },
    category: 'sending',
    mx: [],
    // The return path sg.<domain> carries its own SPF, so the main SPF record needs nothing.
    spf: [],
    spfConfidence: 'confirmed',
    // CNAMEs s1/s2/sel1._domainkey → …ascendbywix.com in five public notes.
    dkimSelectors: ['s1', 's2', 'sel1'],
    source: ['panels.md §1.4: five public notes; support.wix.com domain authentication article'],
    note: message('provider_note_wix_ascend'),
  },
];

const byId = new Map<ProviderId, Provider>(allProviders.map((provider) => [provider.id, provider]));

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
