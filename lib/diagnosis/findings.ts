// Building findings: stable code, severity, message key with parameters, and the text in both languages.
import { type MessageParam, render as renderMessage, translate } from '../i18n';
import type { Finding, FindingCode, Lang, RecordRef, Severity } from './types';

export const SEVERITY: Record<FindingCode, Severity> = {
  NS_NOT_AUTHORITATIVE: 'error',
  NS_DNSV_FLAG_RISK: 'error',
  SPF_MISSING: 'error',
  SPF_MULTIPLE: 'error',
  SPF_SYNTAX: 'error',
  SPF_LOOP: 'error',
  SPF_LOOKUP_LIMIT: 'error',
  SPF_VOID_LIMIT: 'error',
  SPF_PTR: 'warning',
  SPF_PLUS_ALL: 'error',
  SPF_NO_ALL: 'warning',
  SPF_STRING_TOO_LONG: 'error',
  SPF_SENDER_NOT_COVERED: 'error',
  DMARC_MISSING: 'warning',
  DMARC_INVALID: 'error',
  DKIM_MISSING: 'warning',
  MX_MISSING: 'warning',
  PROPAGATION_PENDING: 'warning',
  DNS_TEMPORARY_ERROR: 'warning',
  RECORD_TOO_LONG: 'error',
};

type Params = Record<string, MessageParam>;

/**
 * A finding whose parameters are the same in both languages, or differ (`byLang`) where a value is itself
 * worded (durations, result names). A parameter may be a message (a record's located error), rendered in
 * each language; `params` keeps its English text.
 */
export function makeFinding(code: FindingCode, params: Params, records: RecordRef[] = [], byLang: Partial<Record<Lang, Params>> = {}): Finding {
  const key = `finding_${code}`;
  const render = (lang: Lang) => translate(lang, key, { ...params, ...byLang[lang] });
  const flat = (value: MessageParam) => (typeof value === 'object' ? renderMessage('en', value) : String(value));
  const flatParams = Object.fromEntries(Object.entries({ ...params, ...byLang.en }).map(([k, v]) => [k, flat(v)]));
  return { code, severity: SEVERITY[code], key, params: flatParams, message: { en: render('en'), ja: render('ja') }, records };
}

/** "5 min" / "2 h" in each language, rounded up so an estimate is never too optimistic. */
export function durationParams(seconds: number | undefined): Record<Lang, Params> {
  if (seconds === undefined) {
    return { en: { estimate: translate('en', 'duration_unknown') }, ja: { estimate: translate('ja', 'duration_unknown') } };
  }
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const key = minutes >= 120 ? 'duration_hours' : 'duration_minutes';
  const n = minutes >= 120 ? Math.ceil(minutes / 60) : minutes;
  return { en: { estimate: translate('en', key, { n }) }, ja: { estimate: translate('ja', key, { n }) } };
}
