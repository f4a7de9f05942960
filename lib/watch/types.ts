// The data of a propagation watch: what was saved in a panel, which resolvers are followed, and what each
// of them answered over time. Plain JSON: it lives in storage.local (`watches`) and crosses to the popup.
import type { PanelId } from '../diagnosis/types';

export type WatchRecordType = 'TXT' | 'MX' | 'CNAME' | 'A';

export interface WatchExpectation {
  type: WatchRecordType;
  /** FQDN, lower-case, no trailing dot. */
  name: string;
  /** The value saved, in comparable form (TXT unquoted and joined, MX "10 host", targets without the dot). */
  value: string;
  /** What the record held before the save (same form); [] when it did not exist (a negative answer). */
  previous: string[];
}

/**
 * One resolver's state for a watch:
 * - waiting: not asked yet;
 * - live: answers the expected record (and for SPF, check_host passes for the provider's sample address);
 * - wrong: answers the expected record, but SPF still fails: the record is wrong, waiting will not help;
 * - cached: answers the old data, which it may keep until `expiresAt`;
 * - different: answers a third value (`reason` says whether the panel changed or other servers answer);
 * - error: the query failed (`error` names the failure).
 */
export type Verdict = 'waiting' | 'live' | 'wrong' | 'cached' | 'different' | 'error';
export type DifferentReason = 'panel-changed' | 'other-authority';

export interface Observation {
  at: number;
  verdict: Verdict;
  /** Values answered (comparable form); null when the query failed. */
  values: string[] | null;
  /** Seconds the resolver said the answer may be cached. */
  ttl?: number;
  /** A negative answer: the zone whose SOA minimum bounds how long it may be cached (RFC 2308). */
  negativeSoa?: { zone: string; minimum: number };
  error?: string;
}

export interface ResolverWatch {
  label: string;
  url: string;
  verdict: Verdict;
  checkedAt?: number;
  /** For `cached`: when the cached answer must have expired (epoch ms). */
  expiresAt?: number;
  reason?: DifferentReason;
  /** For `different`/other-authority: the nameservers that answer now. */
  nameservers?: string[];
  error?: string;
  /** For `wrong`: check_host's result for the provider's sample address. */
  spfResult?: string;
  /** Newest last, bounded. */
  history: Observation[];
}

export type WatchStatus = 'pending' | 'done' | 'expired';

export interface Watch {
  id: string;
  domain: string;
  panel: PanelId | null;
  expected: WatchExpectation;
  providerId?: string;
  providerServer?: string;
  /** The zone's nameservers when the watch started (to tell "another server answers" from "the panel changed"). */
  nameservers: string[];
  startedAt: number;
  nextCheckAt: number;
  /** Checks in a row that brought no change (drives the backoff). */
  attempts: number;
  status: WatchStatus;
  endedAt?: number;
  /** The user has seen how it ended (the popup listed it). */
  seen: boolean;
  /** A "wrong record" notification went out already. */
  wrongNotified?: boolean;
  resolvers: ResolverWatch[];
}
