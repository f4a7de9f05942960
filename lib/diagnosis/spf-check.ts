// The SPF part of a diagnosis: which record is judged (the panel's when it is in effect, else live DNS),
// what is wrong with it, whether it authorizes the mail providers' servers (check_host, exactly as a
// receiver would), and the one merged record that fixes it.
import { txtJoin } from '../dns/types';
import { translate } from '../i18n';
import { analyseRecordText, analyseSpf, LOOKUP_LIMIT } from '../spf/analyse';
import type { SpfAnalysis, SpfIssue, SpfNode } from '../spf/analyse';
import type { SpfSyntaxError } from '../spf/types';
import { checkHost } from '../spf/check-host';
import { isSpfRecord } from '../spf/parser';
import { DEFAULT_TTL } from './context';
import type { DiagnosisContext, Lookup } from './context';
import { makeFinding } from './findings';
import { PanelTxtResolver } from './panel-resolver';
import { panelSpfRecords, txtStrings, txtValue } from './panel-records';
import { sampleAddress } from './providers-in-use';
import type { ProviderInUse } from './providers-in-use';
import { mergeSpf } from './spf-merge';
import type { Finding, FindingCode, RecordRef, SpfSummary } from './types';

/** Findings an SPF fix can resolve by publishing one merged record. */
const FIXABLE: readonly FindingCode[] = ['SPF_MISSING', 'SPF_MULTIPLE', 'SPF_SENDER_NOT_COVERED', 'SPF_PLUS_ALL', 'SPF_NO_ALL'];
/** check_host results that mean "this sender is not authorized" (errors are reported on their own). */
const NOT_AUTHORIZED = ['fail', 'softfail', 'neutral', 'none'];

export interface SpfOutcome {
  summary: SpfSummary;
  /** SPF records live DNS returns now. */
  liveRecords: string[];
  /** For Gmail's checklist. */
  status: 'pass' | 'fail' | 'none' | 'error';
}

export async function checkSpf(ctx: DiagnosisContext, txtLookup: Lookup, providers: ProviderInUse[]): Promise<SpfOutcome> {
  const domain = ctx.domain;
  const liveRecords = txtLookup.ok ? txtLookup.response.answers.map(txtJoin).filter(isSpfRecord) : [];
  const panelSpf = ctx.panelInEffect ? panelSpfRecords(ctx.snapshot.records, domain) : [];
  const shown = ctx.panelInEffect ? panelSpf.map((r) => r.value) : liveRecords;
  const texts = ctx.panelInEffect ? panelSpf.map((r) => txtValue(r.value)) : liveRecords;
  const refs: RecordRef[] = panelSpf.map((r) => ({ host: r.host, type: 'TXT', value: r.value }));
  const spfProviders = providers.filter((p) => p.terms.length > 0);

  let analysis: SpfAnalysis | null = null;
  if (texts.length === 1) {
    analysis = ctx.panelInEffect
      ? await analyseRecordText(domain, texts[0]!, { resolver: ctx.resolver }, txtStrings(panelSpf[0]!.value))
      : await analyseSpf(domain, { resolver: ctx.resolver });
  }
  const findings: Finding[] =
    texts.length === 0
      ? ctx.panelInEffect || txtLookup.ok
        ? [makeFinding('SPF_MISSING', { domain })]
        : []
      : texts.length > 1
        ? [makeFinding('SPF_MULTIPLE', { domain, count: texts.length }, refs)]
        : issueFindings(analysis!, domain, refs);

  // Does the record authorize each provider's servers?
  const resolver = panelSpf.length > 0 ? new PanelTxtResolver(ctx.resolver, domain, panelSpf.map((r) => txtStrings(r.value))) : ctx.resolver;
  let providerCheck: SpfSummary['providerCheck'];
  const uncovered: ProviderInUse[] = [];
  if (analysis?.root.status === 'ok') {
    for (const provider of spfProviders) {
      const ip = await sampleAddress(ctx, provider.probes);
      if (!ip) continue;
      const result = await checkHost({ ip, sender: `postmaster@${domain}`, helo: domain, domain }, { resolver });
      const check = { provider: provider.provider.name.en, ip, result: result.result, trace: result.trace };
      providerCheck ??= check;
      if (!NOT_AUTHORIZED.includes(result.result)) continue;
      providerCheck = check;
      uncovered.push(provider);
      findings.push(
        makeFinding('SPF_SENDER_NOT_COVERED', { domain, provider: provider.provider.name.en, ip, result: result.result }, refs, {
          ja: { provider: provider.provider.name.ja },
        }),
      );
    }
  }
  ctx.findings.push(...findings);

  // The one record to publish: existing mechanisms kept, the missing provider terms added.
  const fixable = findings.filter((f) => FIXABLE.includes(f.code));
  const missingTerms = (texts.length === 1 ? uncovered : spfProviders).flatMap((p) => p.terms);
  if (fixable.length > 0 && (texts.length > 0 || missingTerms.length > 0)) {
    const merged = mergeSpf(texts, missingTerms, { neutralisePlusAll: fixable.some((f) => f.code === 'SPF_PLUS_ALL') });
    if (merged.changed) {
      const lookups = (await analyseRecordText(domain, merged.value, { resolver: ctx.resolver })).totalLookups;
      const provider = spfProviders.map((p) => p.provider.name.en).join(', ');
      const noteKey = texts.length === 0 ? 'fix_spf_add' : texts.length === 1 ? 'fix_spf_merge' : 'fix_spf_merge_multiple';
      const others = (lang: 'en' | 'ja') =>
        texts.length === 2 ? translate(lang, 'fix_others_one') : translate(lang, 'fix_others_many', { n: texts.length - 1 });
      ctx.addFix(
        {
          resolves: fixable.map((f) => f.code),
          action: texts.length === 0 ? 'add' : 'edit',
          type: 'TXT',
          name: domain,
          host: ctx.hostLabel(domain),
          value: merged.value,
          ttl: DEFAULT_TTL,
          ...(texts.length > 0 ? { replaces: shown[0]! } : {}),
          lookups,
          note: { en: translate('en', noteKey, { others: others('en') }), ja: translate('ja', noteKey, { others: others('ja') }) },
          ...(lookups > LOOKUP_LIMIT
            ? { warning: { en: translate('en', 'fix_lookup_over', { lookups, provider }), ja: translate('ja', 'fix_lookup_over', { lookups, provider }) } }
            : {}),
        },
        fixable,
      );
    }
  }

  const status: SpfOutcome['status'] = providerCheck
    ? providerCheck.result === 'pass'
      ? 'pass'
      : providerCheck.result === 'temperror'
        ? 'error'
        : 'fail'
    : texts.length === 0
      ? 'none'
      : 'error';
  return {
    liveRecords,
    status,
    summary: {
      record: texts.length === 1 ? texts[0]! : null,
      lookups: analysis?.totalLookups ?? 0,
      voidLookups: analysis?.totalVoidLookups ?? 0,
      tree: analysis?.root ?? null,
      ...(providerCheck ? { providerCheck } : {}),
    },
  };
}

/** Maps the analyser's issues to findings; `refs` are the panel rows holding the record. */
function issueFindings(analysis: SpfAnalysis, domain: string, refs: RecordRef[]): Finding[] {
  const findings: Finding[] = [];
  const push = (finding: Finding) => {
    if (!findings.some((f) => f.code === finding.code)) findings.push(finding);
  };
  for (const issue of analysis.issues) {
    switch (issue.code) {
      case 'syntax-error': {
        const error = findSyntaxError(analysis.root, issue);
        push(makeFinding('SPF_SYNTAX', { domain: issue.domain, term: error?.term ?? issue.term ?? '', position: (error?.offset ?? 0) + 1, reason: error?.problem ?? issue.text }, refs));
        break;
      }
      // Not syntax errors to RFC 7208, but each breaks the record the way its author did not mean.
      case 'mechanism-as-modifier':
      case 'include-none':
      case 'invalid-target':
        push(makeFinding('SPF_SYNTAX', { domain: issue.domain, term: issue.term ?? issue.domain, position: termPosition(analysis.root, issue.term), reason: issue.text }, refs));
        break;
      // An include/redirect cycle: receivers loop until the lookup limit, so the finding names the cycle.
      case 'loop':
        push(makeFinding('SPF_LOOP', { domain, cycle: (issue.cycle ?? [issue.domain]).join(' → ') }, refs));
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
        break; // DNS errors are reported by the resolver; informational issues stay in the tree view
    }
  }
  return findings;
}

function findSyntaxError(node: SpfNode, issue: SpfIssue): SpfSyntaxError | undefined {
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
