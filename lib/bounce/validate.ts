// Checks a BounceExplanation that arrived over a port before the popup renders it: the shape must be
// exactly what explainBounce produces (strings where text is shown, arrays where lists are drawn).
import type { LocalizedText } from '../diagnosis/types';
import { isMessage } from '../i18n';
import { BOUNCE_KINDS } from './parse';
import type { BounceKind } from './parse';
import { SPF_RESULTS } from '../spf/types';
import type { SpfResult, TraceQuery, TraceStep } from '../spf/types';
import type { BounceExplanation, BounceFacts, BounceNextStep, BounceSpfCheck } from './explain';

const MAX_TEXT = 20_000;
const MAX_ITEMS = 2_000;

const NEXT_STEPS: readonly BounceNextStep[] = [
  'fix-spf', 'add-spf', 'repair-spf', 'retry', 'resend', 'check-dkim-dmarc', 'contact-provider', 'paste-more',
];

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isOptionalText = (v: unknown) => v === undefined || isText(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isList = (v: unknown): v is unknown[] => Array.isArray(v) && v.length <= MAX_ITEMS;

function isLocalized(v: unknown): v is LocalizedText {
  return isObject(v) && isText(v.en) && isText(v.ja);
}

function isFacts(v: unknown): v is BounceFacts {
  if (!isObject(v) || !BOUNCE_KINDS.includes(v.kind as BounceKind) || !isLocalized(v.explanation)) return false;
  if (v.smtpStatus !== undefined && !isCount(v.smtpStatus)) return false;
  if (v.temporary !== undefined && typeof v.temporary !== 'boolean') return false;
  return isOptionalText(v.enhancedCode) && isOptionalText(v.domain) && isOptionalText(v.ip) && isOptionalText(v.receiverSpf);
}

function isQuery(v: unknown): v is TraceQuery {
  return (
    isObject(v) && isText(v.name) && isText(v.type) && ['answer', 'nodata', 'nxdomain', 'error'].includes(v.outcome as string) &&
    isList(v.answers) && v.answers.every(isText) && isOptionalText(v.error) && isOptionalText(v.resolver)
  );
}

function isVoidLookup(v: unknown): boolean {
  return isObject(v) && isText(v.name) && isText(v.type) && (v.outcome === 'nodata' || v.outcome === 'nxdomain');
}

function isStep(v: unknown): v is TraceStep {
  return (
    isObject(v) && isCount(v.depth) && isText(v.domain) && isText(v.term) && isText(v.outcome) &&
    isCount(v.lookups) && isCount(v.voidLookups) && isList(v.queries) && v.queries.every(isQuery) &&
    (v.voidLookup === undefined || isVoidLookup(v.voidLookup))
  );
}

function isLink(v: unknown): v is { domain: string; term: string } {
  return isObject(v) && isText(v.domain) && isText(v.term);
}

function isFailure(v: unknown): boolean {
  return isObject(v) && isText(v.resolver) && isText(v.name) && isText(v.type) && isText(v.detail);
}

function isSpfCheck(v: unknown): v is BounceSpfCheck {
  if (!isObject(v) || !SPF_RESULTS.includes(v.result as SpfResult)) return false;
  if (!isText(v.domain) || !isText(v.ip) || !isText(v.sender) || !isText(v.reason)) return false;
  if (!isOptionalText(v.explanation) || !isOptionalText(v.record)) return false;
  if (v.problem !== undefined && !isMessage(v.problem)) return false;
  if (!isCount(v.lookups) || !isCount(v.voidLookups)) return false;
  if (!isList(v.matchedChain) || !v.matchedChain.every(isLink)) return false;
  if (!isList(v.trace) || !v.trace.every(isStep)) return false;
  if (!isList(v.traceText) || !v.traceText.every(isText)) return false;
  return v.failure === undefined || isFailure(v.failure);
}

/** The explanation when it is well formed, else null. */
export function parseBounceExplanation(value: unknown): BounceExplanation | null {
  if (!isObject(value)) return null;
  if (value.status !== 'checked' && value.status !== 'incomplete') return null;
  if (!isFacts(value.bounce) || !isLocalized(value.headline) || !isLocalized(value.advice)) return null;
  if (!NEXT_STEPS.includes(value.next as BounceNextStep)) return null;
  if (!isList(value.missing) || !value.missing.every((m) => m === 'domain' || m === 'ip')) return null;
  if (!isList(value.details) || !value.details.every(isLocalized)) return null;
  if (typeof value.checkedAt !== 'number' || !Number.isFinite(value.checkedAt)) return null;
  if (value.status === 'checked' ? !isSpfCheck(value.spf) : value.spf !== undefined) return null;
  return value as unknown as BounceExplanation;
}
