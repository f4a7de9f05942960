// diagnose(): what is wrong with a domain's mail authentication, as seen from one DNS panel, with one
// concrete fix per problem. Pure and Node-runnable: the background, the popup and the CLI all call it.
//
// Which data is judged: when the panel's records are in effect (the live nameservers are the panel's),
// the panel's records are the truth being edited and live DNS is only compared with them (propagation).
// When they are not in effect, live DNS is judged and the fixes are marked for the DNS host instead.
import { DnsError, txtJoin } from '../dns/types';
import type { DnsResponse, RecordType, Resolver } from '../dns/types';
import { translate } from '../i18n';
import { parseDkimKey } from '../mail/dkim';
import { parseDmarc, selectDmarcRecord } from '../mail/dmarc';
import { gmailReadiness } from '../mail/gmail';
import type { GmailInputs } from '../mail/gmail';
import { detectProviders, providerById, spfTermsFor } from '../mail/providers';
import type { Provider, SenderProbe } from '../mail/providers';
import { analyseRecordText, analyseSpf, LOOKUP_LIMIT } from '../spf/analyse';
import type { SpfAnalysis, SpfIssue, SpfNode } from '../spf/analyse';
import { checkHost } from '../spf/check-host';
import { formatIp, parseIp } from '../spf/ip';
import type { IpAddress } from '../spf/ip';
import { isSpfRecord, parseRecord } from '../spf/parser';
import type { SpfResult } from '../spf/types';
import { delegationFor, dnsHostOf } from './dns-hosts';
import { durationParams, makeFinding } from './findings';
import { PanelTxtResolver } from './panel-resolver';
import { comparableValue, effectiveRecords, groupRecords, normaliseTarget, panelSpfRecords, txtStrings, txtValue } from './panel-records';
import { mergeSpf } from './spf-merge';
import type {
  DetectedProviderSummary,
  Diagnosis,
  Finding,
  Fix,
  LiveState,
  PanelSnapshot,
  ProgressStep,
  PropagationItem,
  RecordRef,
  ResolverView,
  SpfSummary,
} from './types';

export interface DiagnoseDeps {
  /** The resolver judged as "the world" (DoH with failover in the extension). */
  resolver: Resolver;
  /** One resolver per configured endpoint, compared with the panel for propagation. */
  views?: { label: string; resolver: Resolver }[];
  now?: () => number;
  onProgress?: (step: ProgressStep) => void;
}

/** Record types whose propagation is followed. */
const PROPAGATION_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT'] as const;
const MAX_PROPAGATION_GROUPS = 40;
const DEFAULT_TTL = 3600;
const DMARC_STARTER = 'v=DMARC1; p=none';

type Lookup = { ok: true; response: DnsResponse } | { ok: false; error: DnsError };

interface ProviderInUse {
  provider: Provider;
  terms: string[];
  probes: SenderProbe[];
  mxHost?: string;
  source: 'mx' | 'user';
}

class Diagnoser {
  readonly findings: Finding[] = [];
  readonly fixes: Fix[] = [];
  private readonly reportedErrors = new Set<string>();
  readonly domain: string;
  /** deps.resolver, reporting every failure as a TempError finding (also those inside SPF evaluation). */
  readonly resolver: Resolver;

  constructor(
    readonly snapshot: PanelSnapshot,
    readonly deps: DiagnoseDeps,
  ) {
    this.domain = normaliseTarget(snapshot.domain);
    this.resolver = {
      query: async (name, type, options) => {
        try {
          return await deps.resolver.query(name, type, options);
        } catch (error) {
          if (error instanceof DnsError) this.reportDnsError(error);
          throw error;
        }
      },
    };
  }

  async query(name: string, type: RecordType, resolver = this.resolver): Promise<Lookup> {
    try {
      return { ok: true, response: await resolver.query(name, type) };
    } catch (error) {
      const dnsError = error instanceof DnsError ? error : new DnsError('other', 'resolver', name, type, String(error));
      this.reportDnsError(dnsError);
      return { ok: false, error: dnsError };
    }
  }

  /** One TempError finding per resolver and name, naming the resolver that failed. */
  reportDnsError(error: DnsError): void {
    const key = `${error.resolver} ${error.qname}`;
    if (this.reportedErrors.has(key)) return;
    this.reportedErrors.add(key);
    this.findings.push(makeFinding('DNS_TEMPORARY_ERROR', { resolver: error.resolver, name: `${error.qname} ${error.qtype}`, reason: error.kind }));
  }

  progress(step: ProgressStep): void {
    try {
      this.deps.onProgress?.(step);
    } catch {
      // A failing progress listener must not break the diagnosis.
    }
  }

  hostLabel(name: string): string {
    if (name === this.domain) return '';
    return name.endsWith(`.${this.domain}`) ? name.slice(0, -(this.domain.length + 1)) : name;
  }

  addFix(fix: Omit<Fix, 'id'>, resolvedFindings: Finding[]): Fix {
    const full: Fix = { id: `fix-${this.fixes.length + 1}`, ...fix };
    this.fixes.push(full);
    for (const finding of resolvedFindings) finding.fixId = full.id;
    return full;
  }
}

export async function diagnose(snapshot: PanelSnapshot, deps: DiagnoseDeps): Promise<Diagnosis> {
  const d = new Diagnoser(snapshot, deps);
  const domain = d.domain;
  const panelRecords = effectiveRecords(snapshot.records);
  const panelWasRead = snapshot.panel !== null && snapshot.records.length > 0;

  // Phase 1: the independent live questions.
  const [nsLookup, mxLookup, txtLookup, dmarcLookup] = await Promise.all([
    d.query(domain, 'NS').then((r) => (d.progress('nameservers'), r)),
    d.query(domain, 'MX').then((r) => (d.progress('mx'), r)),
    d.query(domain, 'TXT'),
    d.query(`_dmarc.${domain}`, 'TXT').then((r) => (d.progress('dmarc'), r)),
  ]);
  const nameservers = nsLookup.ok ? nsLookup.response.answers.map((r) => normaliseTarget(String(r.data))).sort() : [];
  const dnsHost = dnsHostOf(nameservers);
  const delegation = snapshot.panel ? delegationFor(snapshot.panel, nameservers) : 'unknown';
  const panelInEffect = panelWasRead && delegation !== 'elsewhere';
  const fixTarget = snapshot.panel && delegation === 'elsewhere' ? ({ target: 'dns-host' } as const) : {};

  if (snapshot.panel && delegation === 'elsewhere') {
    const nsRefs = panelRecords.filter((r) => r.type === 'NS').map((r) => ({ host: r.host, type: r.type, value: r.value }));
    const params = { domain, nameservers: nameservers.join(', '), dnsHostSuffix: dnsHost ? ` (${dnsHost.name.en})` : '' };
    d.findings.push(
      makeFinding('NS_NOT_AUTHORITATIVE', params, nsRefs, { ja: { dnsHostSuffix: dnsHost ? `（${dnsHost.name.ja}）` : '' } }),
    );
    if (snapshot.panel === 'onamae' && snapshot.nsDnsvFlg === true) {
      d.findings.push(makeFinding('NS_DNSV_FLAG_RISK', { domain, nameservers: nameservers.join(', ') }, nsRefs));
    }
  }

  // MX and mail providers.
  const liveMx = mxLookup.ok
    ? mxLookup.response.answers.flatMap((r) => (r.type === 'MX' ? [{ preference: r.data.preference, exchange: normaliseTarget(r.data.exchange) }] : []))
    : [];
  const panelMx = panelRecords
    .filter((r) => r.type === 'MX' && normaliseTarget(r.host) === domain)
    .map((r) => ({ preference: r.priority ?? 0, exchange: normaliseTarget(r.value.replace(/^\d+\s+/, '')) }));
  const mx = (panelInEffect && panelMx.length > 0 ? panelMx : liveMx).sort((a, b) => a.preference - b.preference);
  if (mx.length === 0 && mxLookup.ok) d.findings.push(makeFinding('MX_MISSING', { domain }));
  const providers = providersInUse(snapshot.providerId, mx.map((m) => m.exchange));
  const spfProviders = providers.filter((p) => p.terms.length > 0);

  // SPF: the panel's record(s) when in effect, else live DNS.
  d.progress('spf');
  const liveSpf = txtLookup.ok ? txtLookup.response.answers.map(txtJoin).filter(isSpfRecord) : [];
  const panelSpf = panelSpfRecords(snapshot.records, domain);
  const spfShown = panelInEffect ? panelSpf.map((r) => r.value) : liveSpf;
  const spfTexts = panelInEffect ? panelSpf.map((r) => txtValue(r.value)) : liveSpf;
  const spfRefs: RecordRef[] = panelInEffect ? panelSpf.map((r) => ({ host: r.host, type: 'TXT', value: r.value })) : [];
  let analysis: SpfAnalysis | null = null;
  if (spfTexts.length === 1) {
    analysis = panelInEffect
      ? await analyseRecordText(domain, spfTexts[0]!, { resolver: d.resolver }, txtStrings(panelSpf[0]!.value))
      : await analyseSpf(domain, { resolver: d.resolver });
  }
  const spfFindings = spfTexts.length === 0
    ? (panelInEffect || txtLookup.ok ? [makeFinding('SPF_MISSING', { domain }, [])] : [])
    : spfTexts.length > 1
      ? [makeFinding('SPF_MULTIPLE', { domain, count: spfTexts.length }, spfRefs)]
      : spfIssueFindings(analysis!, domain, spfRefs);
  d.findings.push(...spfFindings);

  // Does the SPF authorize each provider's servers? check_host answers, exactly as a receiver would.
  const spfResolver = panelInEffect && panelSpf.length > 0 ? new PanelTxtResolver(d.resolver, domain, panelSpf.map((r) => txtStrings(r.value))) : d.resolver;
  let providerCheck: SpfSummary['providerCheck'];
  const uncovered: ProviderInUse[] = [];
  if (spfTexts.length === 1 && analysis && analysis.root.status === 'ok') {
    for (const provider of spfProviders) {
      const ip = await sampleAddress(d, provider.probes);
      if (!ip) continue;
      const result = await checkHost({ ip, sender: `postmaster@${domain}`, helo: domain, domain }, { resolver: spfResolver });
      providerCheck ??= { provider: provider.provider.name.en, ip, result: result.result, trace: result.trace };
      if (['fail', 'softfail', 'neutral', 'none'].includes(result.result)) {
        uncovered.push(provider);
        providerCheck = { provider: provider.provider.name.en, ip, result: result.result, trace: result.trace };
        const finding = makeFinding(
          'SPF_SENDER_NOT_COVERED',
          { domain, provider: provider.provider.name.en, ip, result: result.result },
          spfRefs,
          { ja: { provider: provider.provider.name.ja } },
        );
        d.findings.push(finding);
        spfFindings.push(finding);
      }
    }
  }

  // The one SPF record to publish.
  const fixable = spfFindings.filter((f) => ['SPF_MISSING', 'SPF_MULTIPLE', 'SPF_SENDER_NOT_COVERED', 'SPF_PLUS_ALL', 'SPF_NO_ALL'].includes(f.code));
  const missingTerms = (spfTexts.length === 0 || spfTexts.length > 1 ? spfProviders : uncovered).flatMap((p) => p.terms);
  if (fixable.length > 0 && (spfTexts.length > 0 || missingTerms.length > 0)) {
    const merged = mergeSpf(spfTexts, missingTerms, { neutralisePlusAll: fixable.some((f) => f.code === 'SPF_PLUS_ALL') });
    if (merged.changed) {
      const lookups = (await analyseRecordText(domain, merged.value, { resolver: d.resolver })).totalLookups;
      const overLimit = lookups > LOOKUP_LIMIT;
      const providerName = spfProviders.map((p) => p.provider.name.en).join(', ');
      d.addFix(
        {
          resolves: fixable.map((f) => f.code),
          action: spfTexts.length === 0 ? 'add' : 'edit',
          type: 'TXT',
          name: domain,
          host: d.hostLabel(domain),
          value: merged.value,
          ttl: DEFAULT_TTL,
          ...(spfTexts.length > 0 ? { replaces: spfShown[0]! } : {}),
          lookups,
          note: {
            en: translate('en', spfTexts.length === 0 ? 'fix_spf_add' : 'fix_spf_merge'),
            ja: translate('ja', spfTexts.length === 0 ? 'fix_spf_add' : 'fix_spf_merge'),
          },
          ...(overLimit
            ? { warning: { en: translate('en', 'fix_lookup_over', { lookups, provider: providerName }), ja: translate('ja', 'fix_lookup_over', { lookups, provider: providerName }) } }
            : {}),
          ...fixTarget,
        },
        fixable,
      );
    }
  }

  // DMARC (RFC 7489): the panel's _dmarc TXT when in effect, else live (CNAMEs followed by the resolver).
  const dmarcName = `_dmarc.${domain}`;
  const panelDmarc = panelRecords.filter((r) => r.type === 'TXT' && normaliseTarget(r.host) === dmarcName);
  const dmarcTexts = panelInEffect && panelDmarc.length > 0 ? panelDmarc.map((r) => txtValue(r.value)) : dmarcLookup.ok ? dmarcLookup.response.answers.map(txtJoin) : null;
  const dmarcRefs = panelDmarc.map((r) => ({ host: r.host, type: r.type, value: r.value }));
  let dmarcState: GmailInputs['dmarc'] = 'missing';
  let dmarcRecord: string | null = null;
  if (dmarcTexts) {
    const selection = selectDmarcRecord(dmarcTexts);
    if (selection.kind === 'none') {
      const finding = makeFinding('DMARC_MISSING', { domain });
      d.findings.push(finding);
      const panelHasCname = panelRecords.some((r) => r.type === 'CNAME' && normaliseTarget(r.host) === dmarcName);
      if (!panelHasCname) {
        d.addFix(
          {
            resolves: ['DMARC_MISSING'],
            action: 'add',
            type: 'TXT',
            name: dmarcName,
            host: d.hostLabel(dmarcName),
            value: DMARC_STARTER,
            ttl: DEFAULT_TTL,
            note: { en: translate('en', 'fix_dmarc_add'), ja: translate('ja', 'fix_dmarc_add') },
            ...fixTarget,
          },
          [finding],
        );
      }
    } else if (selection.kind === 'multiple') {
      dmarcState = 'invalid';
      d.findings.push(makeFinding('DMARC_INVALID', { domain, reason: selection.explanation.en }, dmarcRefs, { ja: { reason: selection.explanation.ja } }));
    } else {
      const parsed = parseDmarc(selection.record);
      dmarcRecord = selection.record;
      if (parsed.ok) dmarcState = 'present';
      else {
        dmarcState = 'invalid';
        d.findings.push(makeFinding('DMARC_INVALID', { domain, reason: parsed.error.message }, dmarcRefs, { ja: { reason: parsed.error.messageJa } }));
      }
    }
  }

  // DKIM at the selectors the detected providers are known to use.
  d.progress('dkim');
  const dkim: LiveState['dkim'] = [];
  let dkimState: GmailInputs['dkim'] = 'unknown';
  for (const provider of providers) {
    const selectors = provider.provider.dkimSelectors;
    if (selectors.length === 0) continue;
    const found = await Promise.all(selectors.map((selector) => hasDkimKey(d, selector, panelInEffect ? panelRecords : null)));
    selectors.forEach((selector, i) => dkim.push({ selector, found: found[i]! }));
    if (found.some(Boolean)) dkimState = 'present';
    else {
      if (dkimState === 'unknown') dkimState = 'missing';
      d.findings.push(
        makeFinding('DKIM_MISSING', { domain, provider: provider.provider.name.en, selectors: selectors.join(', ') }, [], {
          ja: { provider: provider.provider.name.ja },
        }),
      );
    }
  }

  // Propagation: does every resolver already return what the panel holds?
  d.progress('propagation');
  const propagation = panelInEffect ? await comparePropagation(d, panelRecords) : [];
  for (const item of propagation.filter((p) => p.state === 'pending')) {
    const stale = item.views.filter((v) => v.values !== null && !sameSet(v.values, item.panel)).map((v) => v.resolver);
    d.findings.push(
      makeFinding(
        'PROPAGATION_PENDING',
        { type: item.type, name: item.name, resolvers: stale.join(', ') },
        [{ host: item.name, type: item.type }],
        durationParams(item.estimateSeconds),
      ),
    );
  }

  const spfStatus: GmailInputs['spf'] = providerCheck
    ? providerCheck.result === 'pass'
      ? 'pass'
      : providerCheck.result === 'temperror'
        ? 'error'
        : 'fail'
    : spfTexts.length === 0
      ? 'none'
      : 'error';
  const gmail = gmailReadiness({ spf: spfStatus, dkim: dkimState, dmarc: dmarcState, bulk: true }).map((item) => ({
    id: item.id,
    requirement: item.requirement,
    status: item.status,
    bounce: item.bounce,
  }));

  d.progress('done');
  const severityRank = { error: 0, warning: 1, info: 2 } as const;
  d.findings.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  return {
    domain,
    panel: snapshot.panel,
    verdict: d.findings.some((f) => f.severity === 'error') ? 'error' : d.findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok',
    findings: d.findings,
    fixes: d.fixes,
    live: {
      nameservers,
      delegation,
      ...(dnsHost ? { dnsHost: dnsHost.name.en } : {}),
      spfRecords: liveSpf,
      mx: liveMx,
      dmarc: dmarcRecord,
      dmarcChain: dmarcLookup.ok ? dmarcLookup.response.cnameChain : [],
      dkim,
      propagation,
    },
    spf: {
      record: spfTexts.length === 1 ? spfTexts[0]! : null,
      lookups: analysis?.totalLookups ?? 0,
      voidLookups: analysis?.totalVoidLookups ?? 0,
      tree: analysis?.root ?? null,
      ...(providerCheck ? { providerCheck } : {}),
    },
    providers: providers.map((p): DetectedProviderSummary => ({
      id: p.provider.id,
      name: p.provider.name,
      source: p.source,
      ...(p.mxHost ? { mxHost: p.mxHost } : {}),
      spfTerms: p.terms,
    })),
    gmail,
    checkedAt: (deps.now ?? Date.now)(),
    resolvers: (deps.views ?? []).map((v) => v.label),
  };
}

function providersInUse(providerId: string | undefined, mxHosts: string[]): ProviderInUse[] {
  if (providerId) {
    const provider = providerById(providerId);
    const terms = spfTermsFor(providerId, mxHosts.find((h) => provider?.mx.some((rule) => rule.pattern.test(h))));
    if (provider && terms.ok) return [{ provider, terms: terms.terms, probes: terms.probes, source: 'user' }];
  }
  return detectProviders(mxHosts).map((p) => ({ provider: p.provider, terms: p.spfTerms, probes: p.probes, mxHost: p.mxHost, source: 'mx' }));
}

/** Maps the analyser's issues to findings; `refs` are the panel rows holding the record. */
function spfIssueFindings(analysis: SpfAnalysis, domain: string, refs: RecordRef[]): Finding[] {
  const findings: Finding[] = [];
  const once = new Set<string>();
  const push = (finding: Finding) => {
    if (once.has(finding.code)) return;
    once.add(finding.code);
    findings.push(finding);
  };
  for (const issue of analysis.issues) {
    switch (issue.code) {
      case 'syntax-error': {
        const error = findSyntaxError(analysis.root, issue);
        push(
          makeFinding('SPF_SYNTAX', {
            domain: issue.domain,
            term: error?.term ?? issue.term ?? '',
            position: (error?.offset ?? 0) + 1,
            reason: error?.reason ?? issue.message,
          }, refs),
        );
        break;
      }
      case 'mechanism-as-modifier':
      case 'include-none':
      case 'invalid-target':
      case 'loop':
        push(makeFinding('SPF_SYNTAX', { domain: issue.domain, term: issue.term ?? issue.domain, position: termPosition(analysis.root, issue.term), reason: issue.message }, refs));
        break;
      case 'lookup-limit':
        push(makeFinding('SPF_LOOKUP_LIMIT', { domain, lookups: analysis.totalLookups }, refs));
        break;
      case 'void-limit':
        push(makeFinding('SPF_VOID_LIMIT', { domain, count: analysis.totalVoidLookups }, refs));
        break;
      case 'ptr':
        push(makeFinding('SPF_PTR', { domain: issue.domain }, refs));
        break;
      case 'plus-all':
        if (issue.domain === domain) push(makeFinding('SPF_PLUS_ALL', { domain }, refs));
        break;
      case 'no-all':
        if (issue.domain === domain) push(makeFinding('SPF_NO_ALL', { domain }, refs));
        break;
      case 'string-too-long':
        push(makeFinding('SPF_STRING_TOO_LONG', { domain, length: analysis.root.record?.length ?? 0 }, refs));
        break;
      default:
        break; // informational issues stay in the tree view
    }
  }
  return findings;
}

function findSyntaxError(node: SpfNode, issue: SpfIssue): { term: string; offset: number; reason: string } | undefined {
  if (node.domain === issue.domain && node.syntaxError) return node.syntaxError;
  for (const child of node.children) {
    const found = findSyntaxError(child, issue);
    if (found) return found;
  }
  return undefined;
}

/** 1-based character position of a term in the root record, for the message. */
function termPosition(root: SpfNode, term: string | undefined): number {
  const index = term && root.record ? root.record.indexOf(term) : -1;
  return index < 0 ? 1 : index + 1;
}

/** One address a provider sends from: the first network its own SPF lists, or its server's address. */
async function sampleAddress(d: Diagnoser, probes: SenderProbe[]): Promise<string | undefined> {
  for (const probe of probes) {
    if (probe.kind === 'host-addresses') {
      const answer = await d.query(probe.host, 'A');
      const address = answer.ok ? answer.response.answers.find((r) => r.type === 'A') : undefined;
      if (address) return String(address.data);
      continue;
    }
    const analysis = await analyseSpf(probe.domain, { resolver: d.resolver });
    const network = firstNetwork(analysis.root);
    if (network) return network;
  }
  return undefined;
}

/** The first host address (network + 1 unless it is a single address) of the first "+ip4" (else "+ip6") term. */
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

function firstHost(network: IpAddress, prefix: number): IpAddress {
  const bits = network.family === 4 ? 32 : 128;
  if (prefix >= bits - 1) return network;
  const bytes = network.bytes.slice();
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! | 1;
  return { family: network.family, bytes };
}

async function hasDkimKey(d: Diagnoser, selector: string, panelRecords: PanelSnapshot['records'] | null): Promise<boolean> {
  const name = `${selector}._domainkey.${d.domain}`;
  if (panelRecords) {
    // The panel is in effect: judge what it holds (a key only in live DNS is about to disappear).
    const fromPanel = panelRecords.filter((r) => normaliseTarget(r.host) === name);
    return fromPanel.some((r) => r.type === 'CNAME' || (r.type === 'TXT' && parseDkimKey(txtValue(r.value)).ok));
  }
  const live = await d.query(name, 'TXT');
  return live.ok && live.response.answers.some((r) => parseDkimKey(txtJoin(r)).ok);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((v, i) => v === right[i]);
}

function liveValues(response: DnsResponse, type: string): string[] {
  return response.answers.flatMap((r) => {
    if (r.type !== type) return [];
    if (r.type === 'TXT') return [txtJoin(r)];
    if (r.type === 'MX') return [`${r.data.preference} ${normaliseTarget(r.data.exchange)}`];
    if (r.type === 'AAAA') {
      const ip = parseIp(String(r.data));
      return [ip ? formatIp(ip) : String(r.data)];
    }
    return [typeof r.data === 'string' ? (r.type === 'CNAME' ? normaliseTarget(r.data) : r.data) : ''];
  });
}

async function comparePropagation(d: Diagnoser, panelRecords: PanelSnapshot['records']): Promise<PropagationItem[]> {
  const views = d.deps.views && d.deps.views.length > 0 ? d.deps.views : [{ label: 'resolver', resolver: d.resolver }];
  const groups = groupRecords(panelRecords, PROPAGATION_TYPES).slice(0, MAX_PROPAGATION_GROUPS);
  return Promise.all(
    groups.map(async (group): Promise<PropagationItem> => {
      const panelValues = group.type === 'AAAA' ? group.values.map((v) => { const ip = parseIp(v); return ip ? formatIp(ip) : v; }) : group.values;
      const viewResults: ResolverView[] = await Promise.all(
        views.map(async (view) => {
          const answer = await d.query(group.name, group.type as RecordType, view.resolver);
          if (!answer.ok) return { resolver: view.label, values: null, error: answer.error.kind };
          return { resolver: view.label, values: liveValues(answer.response, group.type), ttl: answer.response.ttl };
        }),
      );
      const answered = viewResults.filter((v) => v.values !== null);
      const stale = answered.filter((v) => !sameSet(v.values!, panelValues));
      const state = answered.length === 0 ? 'unknown' : stale.length > 0 ? 'pending' : 'live';
      const item: PropagationItem = { name: group.name, type: group.type, panel: panelValues, views: viewResults, state };
      if (state === 'pending') item.estimateSeconds = Math.max(...stale.map((v) => v.ttl ?? 0));
      return item;
    }),
  );
}

export { comparableValue };
