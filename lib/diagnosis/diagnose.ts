// diagnose(): what is wrong with a domain's mail authentication, as seen from one DNS panel, with one
// concrete fix per problem. Pure and Node-runnable: the background, the popup and the CLI all call it.
//
// Which data is judged: when the panel's records are in effect (the live nameservers are the panel's),
// the panel's records are the truth being edited and live DNS is only compared with them (propagation).
// When they are not in effect, live DNS is judged and the fixes are marked for the DNS host instead.
import { type MessageParam, message, renderBoth } from '../i18n';
import { gmailReadiness } from '../mail/gmail';
import { DiagnosisContext } from './context';
import type { DiagnoseDeps, Lookup } from './context';
import { delegationFor, dnsHostOf } from './dns-hosts';
import { makeFinding } from './findings';
import { checkDkim, checkDmarc } from './mail-auth-check';
import { normaliseTarget } from './panel-records';
import { checkPropagation } from './propagation';
import { checkRecordLengths } from './record-length';
import { providersFromMx, providersInUse } from './providers-in-use';
import type { ProviderInUse } from './providers-in-use';
import { checkSpf } from './spf-check';
import type { DetectedProviderSummary, Diagnosis, LiveState, PanelSnapshot } from './types';

export type { DiagnoseDeps } from './context';

export async function diagnose(snapshot: PanelSnapshot, deps: DiagnoseDeps): Promise<Diagnosis> {
  const ctx = new DiagnosisContext(snapshot, deps);
  const domain = ctx.domain;
  checkRecordLengths(ctx);

  // The independent live questions first, all at once.
  const [nsLookup, mxLookup, txtLookup, dmarcLookup] = await Promise.all([
    ctx.query(domain, 'NS').then((r) => (ctx.progress('nameservers'), r)),
    ctx.query(domain, 'MX').then((r) => (ctx.progress('mx'), r)),
    ctx.query(domain, 'TXT'),
    ctx.query(`_dmarc.${domain}`, 'TXT').then((r) => (ctx.progress('dmarc'), r)),
  ]);

  const { nameservers, dnsHost, delegation } = checkDelegation(ctx, nsLookup);
  const { liveMx, mxHosts } = checkMx(ctx, mxLookup);
  const providers = providersInUse(snapshot.providerId, mxHosts, snapshot.providerServer);
  ctx.progress('spf');
  const spf = await checkSpf(ctx, txtLookup, providers);
  const dmarc = checkDmarc(ctx, dmarcLookup);
  ctx.progress('dkim');
  const dkim = await checkDkim(ctx, providers);
  ctx.progress('propagation');
  const propagation = await checkPropagation(ctx);

  const gmail = gmailReadiness({ spf: spf.status, dkim: dkim.state, dmarc: dmarc.state, bulk: true }).map((item) => ({
    id: item.id,
    requirement: renderBoth(item.requirement),
    status: item.status,
    bounce: item.bounce,
  }));
  ctx.progress('done');

  const severityRank = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...ctx.findings].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  const live: LiveState = {
    nameservers,
    delegation,
    ...(dnsHost ? { dnsHost: dnsHost.name.en } : {}),
    spfRecords: spf.liveRecords,
    mx: liveMx,
    dmarc: dmarc.record,
    dmarcChain: dmarcLookup.ok ? dmarcLookup.response.cnameChain : [],
    dkim: dkim.keys,
    propagation,
  };
  return {
    domain,
    panel: snapshot.panel,
    verdict: findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok',
    findings,
    fixes: ctx.fixes,
    live,
    spf: spf.summary,
    providers: providers.map(providerSummary),
    mxProviders: providersFromMx(mxHosts).map(providerSummary),
    gmail,
    checkedAt: (deps.now ?? Date.now)(),
    resolvers: (deps.views ?? []).map((v) => v.label),
  };
}

function providerSummary(p: ProviderInUse): DetectedProviderSummary {
  return { id: p.provider.id, name: p.provider.name, source: p.source, ...(p.mxHost ? { mxHost: p.mxHost } : {}), spfTerms: p.terms };
}

/** " (Wix)" after the name servers, in the catalog's punctuation; nothing when the host is unknown. */
function hostSuffix(host: string | undefined): MessageParam {
  return host === undefined ? '' : message('finding_NS_NOT_AUTHORITATIVE_host', { host });
}

/** Who serves the zone; NS_NOT_AUTHORITATIVE (and お名前.com's nsDnsvFlg risk) when it is not this panel. */
function checkDelegation(ctx: DiagnosisContext, nsLookup: Lookup) {
  const { snapshot, domain } = ctx;
  const nameservers = nsLookup.ok ? nsLookup.response.answers.map((r) => normaliseTarget(String(r.data))).sort() : [];
  const dnsHost = dnsHostOf(nameservers);
  const delegation = snapshot.panel ? delegationFor(snapshot.panel, nameservers) : 'unknown';
  ctx.panelInEffect = snapshot.panel !== null && snapshot.records.length > 0 && delegation !== 'elsewhere';
  if (snapshot.panel && delegation === 'elsewhere') {
    ctx.fixTarget = { target: 'dns-host' };
    const nsRefs = ctx.panelRecords.filter((r) => r.type === 'NS').map((r) => ({ host: r.host, type: r.type, value: r.value }));
    const list = nameservers.join(', ');
    ctx.findings.push(
      makeFinding('NS_NOT_AUTHORITATIVE', { domain, nameservers: list, dnsHostSuffix: hostSuffix(dnsHost?.name.en) }, nsRefs, {
        ja: { dnsHostSuffix: hostSuffix(dnsHost?.name.ja) },
      }),
    );
    if (snapshot.panel === 'onamae' && snapshot.nsDnsvFlg === true) {
      ctx.findings.push(makeFinding('NS_DNSV_FLAG_RISK', { domain, nameservers: list }, nsRefs));
    }
  }
  return { nameservers, dnsHost, delegation };
}

/** The MX hosts in effect (the panel's when it is in effect and has some, else live), MX_MISSING if none. */
function checkMx(ctx: DiagnosisContext, mxLookup: Lookup) {
  const liveMx = mxLookup.ok
    ? mxLookup.response.answers.flatMap((r) => (r.type === 'MX' ? [{ preference: r.data.preference, exchange: normaliseTarget(r.data.exchange) }] : []))
    : [];
  const panelMx = ctx.panelRows('MX', ctx.domain).map((r) => ({ preference: r.priority ?? 0, exchange: normaliseTarget(r.value.replace(/^\d+\s+/, '')) }));
  const mx = (ctx.panelInEffect && panelMx.length > 0 ? panelMx : liveMx).sort((a, b) => a.preference - b.preference);
  if (mx.length === 0 && mxLookup.ok) ctx.findings.push(makeFinding('MX_MISSING', { domain: ctx.domain }));
  return { liveMx, mxHosts: mx.map((m) => m.exchange) };
}
