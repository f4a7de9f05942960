// DMARC (RFC 7489) and DKIM key checks of a diagnosis: the panel's records when they are in effect, else
// live DNS (the resolver follows a _dmarc CNAME such as Wix's _dmarc.wixemails.com).
import { txtJoin } from '../dns/types';
import { translate } from '../i18n';
import { parseDkimKey } from '../mail/dkim';
import { parseDmarc, selectDmarcRecord } from '../mail/dmarc';
import { DEFAULT_TTL } from './context';
import type { DiagnosisContext, Lookup } from './context';
import { makeFinding } from './findings';
import { txtValue } from './panel-records';
import type { ProviderInUse } from './providers-in-use';
import type { LiveState } from './types';

export const DMARC_STARTER = 'v=DMARC1; p=none';

export interface DmarcOutcome {
  record: string | null;
  state: 'present' | 'missing' | 'invalid';
}

export function checkDmarc(ctx: DiagnosisContext, dmarcLookup: Lookup): DmarcOutcome {
  const name = `_dmarc.${ctx.domain}`;
  const panelDmarc = ctx.panelRows('TXT', name);
  const texts = ctx.panelInEffect && panelDmarc.length > 0 ? panelDmarc.map((r) => txtValue(r.value)) : dmarcLookup.ok ? dmarcLookup.response.answers.map(txtJoin) : null;
  if (!texts) return { record: null, state: 'missing' };
  const refs = panelDmarc.map((r) => ({ host: r.host, type: r.type, value: r.value }));
  const selection = selectDmarcRecord(texts);
  if (selection.kind === 'none') {
    const finding = makeFinding('DMARC_MISSING', { domain: ctx.domain });
    ctx.findings.push(finding);
    // A TXT beside a CNAME at the same name is not allowed: with a _dmarc CNAME the target must change.
    if (ctx.panelRows('CNAME', name).length === 0) {
      ctx.addFix(
        {
          resolves: ['DMARC_MISSING'],
          action: 'add',
          type: 'TXT',
          name,
          host: ctx.hostLabel(name),
          value: DMARC_STARTER,
          ttl: DEFAULT_TTL,
          note: { en: translate('en', 'fix_dmarc_add'), ja: translate('ja', 'fix_dmarc_add') },
        },
        [finding],
      );
    }
    return { record: null, state: 'missing' };
  }
  if (selection.kind === 'multiple') {
    ctx.findings.push(makeFinding('DMARC_INVALID', { domain: ctx.domain, reason: selection.explanation }, refs));
    return { record: null, state: 'invalid' };
  }
  const parsed = parseDmarc(selection.record);
  if (parsed.ok) return { record: selection.record, state: 'present' };
  ctx.findings.push(makeFinding('DMARC_INVALID', { domain: ctx.domain, reason: parsed.error }, refs));
  return { record: selection.record, state: 'invalid' };
}

export interface DkimOutcome {
  keys: LiveState['dkim'];
  state: 'present' | 'missing' | 'unknown';
}

/** DKIM keys at the selectors the providers are known to use; 'unknown' when no selector is known. */
export async function checkDkim(ctx: DiagnosisContext, providers: ProviderInUse[]): Promise<DkimOutcome> {
  const keys: LiveState['dkim'] = [];
  let state: DkimOutcome['state'] = 'unknown';
  for (const { provider } of providers) {
    const selectors = provider.dkimSelectors;
    if (selectors.length === 0) continue;
    const found = await Promise.all(selectors.map((selector) => hasDkimKey(ctx, `${selector}._domainkey.${ctx.domain}`)));
    selectors.forEach((selector, i) => keys.push({ selector, found: found[i]! }));
    if (found.some(Boolean)) {
      state = 'present';
      continue;
    }
    if (state === 'unknown') state = 'missing';
    ctx.findings.push(
      makeFinding('DKIM_MISSING', { domain: ctx.domain, provider: provider.name.en, selectors: selectors.join(', ') }, [], { ja: { provider: provider.name.ja } }),
    );
  }
  return { keys, state };
}

async function hasDkimKey(ctx: DiagnosisContext, name: string): Promise<boolean> {
  if (ctx.panelInEffect) {
    // The panel is the truth: a key only in live DNS is about to disappear.
    if (ctx.panelRows('CNAME', name).length > 0) return true;
    return ctx.panelRows('TXT', name).some((r) => parseDkimKey(txtValue(r.value)).ok);
  }
  const live = await ctx.query(name, 'TXT');
  return live.ok && live.response.answers.some((r) => parseDkimKey(txtJoin(r)).ok);
}
