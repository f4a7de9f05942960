// A diagnosis as the background would post it, built from a real SPF analysis of in-memory zones shaped
// like the providers' trees (tests/support/spf-zones.ts), with findings rendered from the catalogs.
import type { Diagnosis, FindingCode, Severity } from '../../../lib/diagnosis/types';
import { ZoneResolver } from '../../../lib/dns/memory';
import { localized } from '../../../lib/i18n';
import { analyseSpf } from '../../../lib/spf/analyse';
import { REALISTIC_RECORD, realisticZone } from '../../support/spf-zones';

function finding(code: FindingCode, severity: Severity, params: Record<string, string>, fixId?: string) {
  const key = `finding_${code}`;
  return { code, severity, key, params, message: localized(key, params), records: [], ...(fixId ? { fixId } : {}) };
}

export async function sampleDiagnosis(): Promise<Diagnosis> {
  const analysis = await analyseSpf('example.jp', { resolver: new ZoneResolver(realisticZone) });
  return {
    domain: 'example.jp',
    panel: null,
    verdict: 'error',
    findings: [
      finding('SPF_SENDER_NOT_COVERED', 'error', { domain: 'example.jp', provider: 'Xserver', ip: '192.0.2.200', result: 'softfail' }, 'spf-merge'),
      finding('DMARC_MISSING', 'warning', { domain: 'example.jp' }, 'dmarc-add'),
    ],
    fixes: [
      {
        id: 'spf-merge',
        resolves: ['SPF_SENDER_NOT_COVERED'],
        action: 'edit',
        type: 'TXT',
        name: 'example.jp',
        host: '',
        value: 'v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:sendgrid.net ip4:192.0.2.200 ~all',
        ttl: 3600,
        replaces: REALISTIC_RECORD,
        lookups: 9,
        note: localized('fix_spf_merge'),
      },
      {
        id: 'dmarc-add',
        resolves: ['DMARC_MISSING'],
        action: 'add',
        type: 'TXT',
        name: '_dmarc.example.jp',
        host: '_dmarc',
        value: 'v=DMARC1; p=none',
        ttl: 3600,
        note: localized('fix_dmarc_add'),
      },
    ],
    live: {
      nameservers: ['01.dnsv.jp', '02.dnsv.jp'],
      delegation: 'elsewhere',
      spfRecords: [REALISTIC_RECORD],
      mx: [{ preference: 10, exchange: 'mail1042.onamae.ne.jp' }],
      dmarc: null,
      dmarcChain: [],
      dkim: [],
      propagation: [],
    },
    spf: { record: REALISTIC_RECORD, lookups: analysis.totalLookups, voidLookups: analysis.totalVoidLookups, tree: analysis.root },
    providers: [],
    gmail: [
      { id: 'spf-or-dkim', requirement: { en: 'Every sender: the mail must pass SPF or DKIM.', ja: 'すべての送信者: SPFかDKIMのどちらかに合格すること' }, status: 'ok' },
      { id: 'dmarc', requirement: { en: 'Bulk senders: DMARC record.', ja: '大量送信者: DMARCレコード' }, status: 'missing' },
    ],
    checkedAt: Date.UTC(2026, 0, 15, 3, 4, 0),
    resolvers: ['Cloudflare', 'Google'],
  };
}
