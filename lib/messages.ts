// Messages between extension contexts. Every message is validated on arrival: content scripts run next
// to untrusted pages, so the background accepts only well-formed requests and the UI only well-formed answers.
import type { BounceExplanation } from './bounce/explain';
import { parseBounceExplanation } from './bounce/validate';
import type { Diagnosis, LocalizedText, PanelId, PanelSnapshot, ProgressStep, SnapshotRecord } from './diagnosis/types';
import { isHostname } from './mail/provider-choice';

/** Name of the runtime port a content script or the popup opens to ask for a diagnosis with progress. */
export const DIAGNOSE_PORT = 'spf-doctor:diagnose';

export type BackgroundRequest =
  /** Diagnose a panel (or, with panel null, any domain). `force` skips the background's cache. */
  | { kind: 'diagnose'; snapshot: PanelSnapshot; force?: boolean }
  /** Explain a pasted bounce: parse it, then run check_host for the IP and domain found in it. */
  | { kind: 'explain-bounce'; text: string }
  /** The content script's panel went away (SPA navigation): the tab's verdict badge goes too. No answer. */
  | { kind: 'panel-left' };

/** What the background posts on a diagnose port: progress first, then exactly one result or error. */
export type PortMessage =
  | { kind: 'progress'; step: ProgressStep }
  | { kind: 'result'; diagnosis: Diagnosis; cached: boolean }
  | { kind: 'error'; message: LocalizedText };

const MAX_RECORDS = 5000;
const MAX_TEXT = 20_000;
/**
 * The longest record value a snapshot carries. The content script cuts longer values to this and
 * keeps their length (`truncatedFrom`), so one absurd row is a finding instead of a rejected snapshot.
 */
export const MAX_RECORD_VALUE = MAX_TEXT;
/** A page cannot hold more text than this in one row in any practical sense; larger claims are rejected. */
const MAX_CLAIMED_LENGTH = 1_000_000_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;

function parseRecord(value: unknown): SnapshotRecord | null {
  if (!isObject(value)) return null;
  const { host, type, ttl, value: text, priority, status, readOnly, pending, truncatedFrom } = value;
  if (!isString(host, 300) || !isString(type, 16) || !isString(text, MAX_RECORD_VALUE)) return null;
  if (truncatedFrom !== undefined && !(Number.isInteger(truncatedFrom) && (truncatedFrom as number) > text.length && (truncatedFrom as number) <= MAX_CLAIMED_LENGTH)) return null;
  if (ttl !== null && !(typeof ttl === 'number' && Number.isFinite(ttl) && ttl >= 0)) return null;
  if (priority !== undefined && !(typeof priority === 'number' && Number.isInteger(priority) && priority >= 0)) return null;
  if (status !== undefined && status !== 'enabled' && status !== 'disabled') return null;
  if (readOnly !== undefined && typeof readOnly !== 'boolean') return null;
  if (pending !== undefined && typeof pending !== 'boolean') return null;
  const record: SnapshotRecord = { host: host.toLowerCase(), type: type.toUpperCase(), ttl: ttl as number | null, value: text };
  if (priority !== undefined) record.priority = priority as number;
  if (status !== undefined) record.status = status as 'enabled' | 'disabled';
  if (readOnly !== undefined) record.readOnly = readOnly as boolean;
  if (pending !== undefined) record.pending = pending as boolean;
  if (truncatedFrom !== undefined) record.truncatedFrom = truncatedFrom as number;
  return record;
}

export function parseSnapshot(value: unknown): PanelSnapshot | null {
  if (!isObject(value)) return null;
  const { panel, domain, records, nsDnsvFlg, providerId, providerServer } = value;
  if (panel !== null && panel !== 'wix' && panel !== 'onamae') return null;
  if (!isString(domain, 253) || domain.length === 0) return null;
  if (!Array.isArray(records) || records.length > MAX_RECORDS) return null;
  const parsedRecords: SnapshotRecord[] = [];
  for (const record of records) {
    const parsed = parseRecord(record);
    if (!parsed) return null;
    parsedRecords.push(parsed);
  }
  if (nsDnsvFlg !== undefined && nsDnsvFlg !== null && typeof nsDnsvFlg !== 'boolean') return null;
  if (providerId !== undefined && !isString(providerId, 64)) return null;
  // A server host only makes sense for a picked provider, and must be a host name (it ends up in a DNS query).
  if (providerServer !== undefined && (providerId === undefined || !isString(providerServer, 253) || !isHostname(providerServer))) return null;
  const snapshot: PanelSnapshot = { panel: panel as PanelId | null, domain: domain.toLowerCase().replace(/\.$/, ''), records: parsedRecords };
  if (nsDnsvFlg !== undefined) snapshot.nsDnsvFlg = nsDnsvFlg as boolean | null;
  if (providerId !== undefined) snapshot.providerId = providerId as string;
  if (providerServer !== undefined) snapshot.providerServer = (providerServer as string).toLowerCase().replace(/\.$/, '');
  return snapshot;
}

/** Returns the request when it is well formed, else null (the background then answers with an error). */
export function parseRequest(value: unknown): BackgroundRequest | null {
  if (!isObject(value)) return null;
  if (value.kind === 'diagnose') {
    const snapshot = parseSnapshot(value.snapshot);
    if (!snapshot) return null;
    if (value.force !== undefined && typeof value.force !== 'boolean') return null;
    return { kind: 'diagnose', snapshot, force: value.force === true };
  }
  if (value.kind === 'explain-bounce') {
    return isString(value.text) ? { kind: 'explain-bounce', text: value.text } : null;
  }
  if (value.kind === 'panel-left') return Object.keys(value).length === 1 ? { kind: 'panel-left' } : null;
  return null;
}

const PROGRESS_STEPS: readonly ProgressStep[] = ['nameservers', 'spf', 'mx', 'dmarc', 'dkim', 'propagation', 'done'];

/** Checks the shape of what the background posts back (the UI trusts nothing it did not check). */
export function parsePortMessage(value: unknown): PortMessage | null {
  if (!isObject(value)) return null;
  if (value.kind === 'progress') {
    return PROGRESS_STEPS.includes(value.step as ProgressStep) ? { kind: 'progress', step: value.step as ProgressStep } : null;
  }
  if (value.kind === 'error') {
    const message = value.message;
    return isObject(message) && isString(message.en) && isString(message.ja) ? { kind: 'error', message: { en: message.en, ja: message.ja } } : null;
  }
  if (value.kind === 'result') {
    const d = value.diagnosis;
    if (!isObject(d) || !isString(d.domain) || !Array.isArray(d.findings) || !Array.isArray(d.fixes) || !isObject(d.live)) return null;
    if (d.verdict !== 'ok' && d.verdict !== 'warning' && d.verdict !== 'error') return null;
    return { kind: 'result', diagnosis: d as unknown as Diagnosis, cached: value.cached === true };
  }
  return null;
}

/**
 * What the background posts on a port whose request was 'explain-bounce': exactly one bounce-result
 * (lib/bounce/explain.ts) or error. Kept apart from PortMessage so diagnose ports never see it.
 */
export type BouncePortMessage =
  | { kind: 'bounce-result'; explanation: BounceExplanation }
  | { kind: 'error'; message: LocalizedText };

export function parseBouncePortMessage(value: unknown): BouncePortMessage | null {
  if (!isObject(value)) return null;
  if (value.kind === 'bounce-result') {
    const explanation = parseBounceExplanation(value.explanation);
    return explanation ? { kind: 'bounce-result', explanation } : null;
  }
  const message = value.kind === 'error' ? parsePortMessage(value) : null;
  return message?.kind === 'error' ? message : null;
}

// The watch messages (watch-start from content scripts and pages; watch-list / watch-stop from extension
// pages only) are defined and validated in lib/watch/request.ts, beside the watch they describe.
export { parseWatchReply, parseWatchRequest } from './watch/request';
export type { WatchReply, WatchRequest } from './watch/request';
