// The watch messages: what a content script or the popup sends to start, list and stop watches, how the
// background checks them (content scripts run next to untrusted pages), and how a fix becomes a request.
import type { Diagnosis, PanelId, PropagationItem } from '../diagnosis/types';
import { isSpfRecord } from '../spf/parser';
import type { Watch, WatchRecordType } from './types';

export interface WatchRecord {
  type: WatchRecordType;
  name: string;
  /** As shown in the panel or the fix. */
  value: string;
  priority?: number;
  /** The value this record replaces (an edit); absent: the record is new. */
  replaces?: string;
}

export type WatchRequest =
  | {
      kind: 'watch-start';
      domain: string;
      panel: PanelId | null;
      record: WatchRecord;
      providerId?: string;
      providerServer?: string;
      /** The zone's nameservers the diagnosis saw. */
      nameservers?: string[];
    }
  /** Extension pages only. */
  | { kind: 'watch-list' }
  /** Extension pages only. */
  | { kind: 'watch-stop'; id: string };

export type WatchStartRequest = Extract<WatchRequest, { kind: 'watch-start' }>;

export type WatchReply = { kind: 'watch-started'; watch: Watch } | { kind: 'watch-list'; watches: Watch[] } | { kind: 'watch-stopped'; id: string } | { kind: 'watch-error'; code: 'bad-request' | 'not-allowed' | 'failed' };

const TYPES: readonly WatchRecordType[] = ['TXT', 'MX', 'CNAME', 'A'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
/** A DNS name of letters, digits, hyphens and underscores (_dmarc, selector._domainkey): it goes into a DNS query. */
const NAME = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/i;
const isName = (v: unknown): v is string => isText(v, 254) && NAME.test(v.replace(/\.$/, ''));
const canonical = (name: string): string => name.toLowerCase().replace(/\.$/, '');

function parseRecord(value: unknown): WatchRecord | null {
  if (!isObject(value)) return null;
  const { type, name, value: text, priority, replaces } = value;
  if (!TYPES.includes(type as WatchRecordType) || !isName(name) || !isText(text, 4000) || text.trim() === '') return null;
  if (priority !== undefined && !(typeof priority === 'number' && Number.isInteger(priority) && priority >= 0 && priority <= 65535)) return null;
  if (replaces !== undefined && !isText(replaces, 4000)) return null;
  const record: WatchRecord = { type: type as WatchRecordType, name: canonical(name), value: text };
  if (priority !== undefined) record.priority = priority as number;
  if (replaces !== undefined) record.replaces = replaces as string;
  return record;
}

/** Whether the sender is one of the extension's own pages (popup, options), not a content script. */
export interface SenderFacts {
  fromExtensionPage: boolean;
}

/** The request when it is well formed and allowed for this sender, else the reason it is refused. */
export function parseWatchRequest(value: unknown, sender: SenderFacts): WatchRequest | { refused: 'bad-request' | 'not-allowed' } | null {
  if (!isObject(value) || typeof value.kind !== 'string' || !value.kind.startsWith('watch-')) return null;
  if (value.kind === 'watch-list' || value.kind === 'watch-stop') {
    if (!sender.fromExtensionPage) return { refused: 'not-allowed' };
    if (value.kind === 'watch-list') return { kind: 'watch-list' };
    return isText(value.id, 600) ? { kind: 'watch-stop', id: value.id } : { refused: 'bad-request' };
  }
  if (value.kind !== 'watch-start') return { refused: 'bad-request' };
  const { domain, panel, record, providerId, providerServer, nameservers } = value;
  if (!isName(domain) || (panel !== null && panel !== 'wix' && panel !== 'onamae')) return { refused: 'bad-request' };
  const parsed = parseRecord(record);
  if (!parsed) return { refused: 'bad-request' };
  const zone = canonical(domain);
  // Only records of the domain itself: a page cannot make us watch (and query) unrelated names.
  if (parsed.name !== zone && !parsed.name.endsWith(`.${zone}`)) return { refused: 'bad-request' };
  if (providerId !== undefined && !isText(providerId, 64)) return { refused: 'bad-request' };
  if (providerServer !== undefined && !isName(providerServer)) return { refused: 'bad-request' };
  if (nameservers !== undefined && !(Array.isArray(nameservers) && nameservers.length <= 16 && nameservers.every(isName))) return { refused: 'bad-request' };
  const request: WatchRequest = { kind: 'watch-start', domain: zone, panel: panel as PanelId | null, record: parsed };
  if (providerId !== undefined) request.providerId = providerId as string;
  if (providerServer !== undefined) request.providerServer = canonical(providerServer as string);
  if (nameservers !== undefined) request.nameservers = (nameservers as string[]).map(canonical);
  return request;
}

/** A watch-start for a fix the user filled into the panel (or a pending record), with what the diagnosis knew. */
export function watchRequestFor(fix: { type: WatchRecordType; name: string; value: string; priority?: number; replaces?: string }, diagnosis: Diagnosis | null, extra: { providerId?: string; providerServer?: string } = {}): WatchStartRequest {
  const record: WatchRecord = { type: fix.type, name: fix.name, value: fix.value };
  if (fix.priority !== undefined) record.priority = fix.priority;
  if (fix.replaces !== undefined) record.replaces = fix.replaces;
  const domain = diagnosis?.domain ?? fix.name;
  const request: WatchStartRequest = { kind: 'watch-start', domain, panel: diagnosis?.panel ?? null, record };
  if (extra.providerId) request.providerId = extra.providerId;
  if (extra.providerServer) request.providerServer = extra.providerServer;
  if (diagnosis && diagnosis.live.nameservers.length > 0) request.nameservers = [...diagnosis.live.nameservers];
  return request;
}

const VERDICTS = ['waiting', 'live', 'wrong', 'cached', 'different', 'error'];

/** The popup checks what it renders: a list of watches of the expected shape. */
export function parseWatchReply(value: unknown): WatchReply | null {
  if (!isObject(value) || typeof value.kind !== 'string') return null;
  if (value.kind === 'watch-error') return ['bad-request', 'not-allowed', 'failed'].includes(value.code as string) ? (value as WatchReply) : null;
  if (value.kind === 'watch-stopped') return isText(value.id, 600) ? { kind: 'watch-stopped', id: value.id } : null;
  if (value.kind === 'watch-started') return isWatch(value.watch) ? { kind: 'watch-started', watch: value.watch } : null;
  if (value.kind === 'watch-list') return Array.isArray(value.watches) && value.watches.every(isWatch) ? { kind: 'watch-list', watches: value.watches } : null;
  return null;
}

const WATCH_ERRORS = ['bad-request', 'not-allowed', 'failed'];

/** What the overlay shows after asking for a watch: the watched domain, or why not (it checks only what it uses). */
export type WatchStartOutcome = { kind: 'watch-started'; domain: string } | { kind: 'watch-error'; code: 'bad-request' | 'not-allowed' | 'failed' };

export function parseWatchStartReply(value: unknown): WatchStartOutcome | null {
  if (!isObject(value)) return null;
  if (value.kind === 'watch-error') return WATCH_ERRORS.includes(value.code as string) ? { kind: 'watch-error', code: value.code as 'bad-request' | 'not-allowed' | 'failed' } : null;
  if (value.kind === 'watch-started' && isObject(value.watch) && isText(value.watch.domain, 253)) return { kind: 'watch-started', domain: value.watch.domain };
  return null;
}

function isWatch(value: unknown): value is Watch {
  if (!isObject(value) || !isText(value.id, 600) || !isText(value.domain, 253) || !isObject(value.expected) || !Array.isArray(value.resolvers)) return false;
  if (!['pending', 'done', 'expired'].includes(value.status as string) || typeof value.nextCheckAt !== 'number') return false;
  const expected = value.expected;
  if (!isText(expected.name, 253) || !isText(expected.value, 4000) || !TYPES.includes(expected.type as WatchRecordType)) return false;
  return value.resolvers.every((r) => isObject(r) && isText(r.label, 100) && VERDICTS.includes(r.verdict as string) && Array.isArray(r.history));
}

/**
 * A watch-start for a record the overlay or popup shows as pending: the panel's value (for SPF, its SPF
 * record) is expected, and what the stale resolvers return instead is what it replaces.
 */
export function watchRequestForPending(item: PropagationItem, diagnosis: Diagnosis, extra: { providerId?: string; providerServer?: string } = {}): WatchStartRequest | null {
  if (!TYPES.includes(item.type as WatchRecordType) || item.panel.length === 0) return null;
  const type = item.type as WatchRecordType;
  const spf = type === 'TXT' ? item.panel.find(isSpfRecord) : undefined;
  const stale = item.views.flatMap((view) => view.values ?? []).filter((value) => !item.panel.includes(value));
  const value = spf ?? item.panel.find((v) => !item.views.every((view) => view.values?.includes(v))) ?? item.panel[0]!;
  const replaces = spf ? stale.find(isSpfRecord) : stale[0];
  const fix = { type, name: item.name, value, ...(replaces !== undefined ? { replaces } : {}) };
  return watchRequestFor(fix, diagnosis, extra);
}
