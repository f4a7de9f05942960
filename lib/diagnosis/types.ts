// The diagnosis contract: what a panel hands in (a serializable snapshot of its records) and what comes
// back (findings with stable codes, one fix per problem, the live DNS state). The background computes it,
// the overlay, popup and CLI render it. Plain data only: it crosses extension contexts as JSON.
import type { PanelId, PanelRecord } from '../panels/types';
import type { SpfNode } from '../spf/analyse';
import type { SpfResult, TraceStep } from '../spf/types';

export type { PanelId } from '../panels/types';
export type Lang = 'en' | 'ja';
export type LocalizedText = Record<Lang, string>;

/** A panel record without its DOM element (what crosses from the content script to the background). */
export type SnapshotRecord = Omit<PanelRecord, 'row'> & {
  /**
   * Set when the row's value was longer than a message may carry (MAX_RECORD_VALUE): `value` then holds
   * only its beginning, and this is the full length. Such a row is reported (RECORD_TOO_LONG), not judged.
   */
  truncatedFrom?: number;
};

export interface PanelSnapshot {
  /** null when the check does not come from a panel (popup, command line). */
  panel: PanelId | null;
  domain: string;
  /** Every record row the panel shows (saved rows first, then pending ones). */
  records: SnapshotRecord[];
  /** お名前.com: the 「DNSレコード設定用のネームサーバーに変更する」 checkbox, when present. */
  nsDnsvFlg?: boolean | null;
  /** A mail provider the user picked by hand (overrides MX detection). */
  providerId?: string;
  /**
   * The user's own server for a provider whose SPF names it (Xserver svNNNN.xserver.jp, Sakura
   * wwwNNNN.sakura.ne.jp); only meaningful with `providerId`.
   */
  providerServer?: string;
}

export const FINDING_CODES = [
  'NS_NOT_AUTHORITATIVE',
  'NS_DNSV_FLAG_RISK',
  'SPF_MISSING',
  'SPF_MULTIPLE',
  'SPF_SYNTAX',
  'SPF_LOOP',
  'SPF_LOOKUP_LIMIT',
  'SPF_VOID_LIMIT',
  'SPF_PTR',
  'SPF_PLUS_ALL',
  'SPF_NO_ALL',
  'SPF_STRING_TOO_LONG',
  'SPF_SENDER_NOT_COVERED',
  'DMARC_MISSING',
  'DMARC_INVALID',
  'DKIM_MISSING',
  'MX_MISSING',
  'PROPAGATION_PENDING',
  'DNS_TEMPORARY_ERROR',
  'RECORD_TOO_LONG',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = 'error' | 'warning' | 'info';

/** Which record a finding is about, so the overlay can badge the panel row showing it. */
export interface RecordRef {
  host: string;
  type: string;
  value?: string;
  /** `value` is only the beginning of a row this many characters long (a truncated snapshot record). */
  truncatedFrom?: number;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Message key in public/_locales/<lang>/messages.json and its named parameters. */
  key: string;
  params: Record<string, string>;
  /** The same message rendered in both languages (CLI, tests, and a UI without its own i18n). */
  message: LocalizedText;
  records: RecordRef[];
  /** The fix that resolves it, when there is one. */
  fixId?: string;
}

/** One record to add or change, in the panel's own host convention. */
export interface Fix {
  id: string;
  /** The findings this fix resolves. */
  resolves: FindingCode[];
  action: 'add' | 'edit';
  type: 'TXT' | 'MX' | 'CNAME';
  /** FQDN the record lives at. */
  name: string;
  /** As the panel wants it typed: Wix and お名前.com both take it relative, '' for the apex. */
  host: string;
  value: string;
  ttl?: number;
  priority?: number;
  /** For 'edit': the value currently published/shown that this replaces. */
  replaces?: string;
  /** For SPF fixes: the DNS lookups the new record needs (≤ 10 unless `warning` says why not). */
  lookups?: number;
  note?: LocalizedText;
  warning?: LocalizedText;
  /**
   * 'dns-host': the record belongs in the panel of whoever serves the zone now (this panel's records are
   * not in effect), so the overlay shows it without Apply. Absent: apply it in this panel.
   */
  target?: 'dns-host';
}

/** What one resolver currently returns for a record the panel shows. */
export interface ResolverView {
  resolver: string;
  /** Values as returned (TXT joined), or null when the query failed. */
  values: string[] | null;
  error?: string;
  /** Seconds the answer may still be cached. */
  ttl?: number;
}

export interface PropagationItem {
  name: string;
  type: string;
  /** Values the panel shows for this name/type. */
  panel: string[];
  views: ResolverView[];
  state: 'live' | 'pending' | 'unknown';
  /** Seconds until every resolver should have the panel's data, from the TTLs seen (upper bound). */
  estimateSeconds?: number;
}

export interface LiveState {
  /** Live NS of the zone (lower-case, sorted); empty when unknown. */
  nameservers: string[];
  /** Who serves DNS: 'this-panel' when the NS match the panel, 'elsewhere' otherwise. */
  delegation: 'this-panel' | 'elsewhere' | 'unknown';
  /** Display name of the DNS host the NS belong to, e.g. 'Wix', 'お名前.com'. */
  dnsHost?: string;
  spfRecords: string[];
  mx: { preference: number; exchange: string }[];
  dmarc: string | null;
  /** Names the _dmarc lookup went through (e.g. a CNAME to _dmarc.wixemails.com). */
  dmarcChain: string[];
  dkim: { selector: string; found: boolean }[];
  propagation: PropagationItem[];
}

export interface SpfSummary {
  record: string | null;
  lookups: number;
  voidLookups: number;
  tree: SpfNode | null;
  /** check_host for a sample address of the mail provider, when one was tested. */
  providerCheck?: { provider: string; ip: string; result: SpfResult; trace: TraceStep[] };
}

export interface GmailItem {
  id: string;
  requirement: LocalizedText;
  status: 'ok' | 'missing' | 'unknown';
  bounce?: string;
}

export interface DetectedProviderSummary {
  id: string;
  name: LocalizedText;
  source: 'mx' | 'user';
  /** The MX host that identified it. */
  mxHost?: string;
  /** SPF terms it needs, e.g. ['include:_spf.onamae.ne.jp']. */
  spfTerms: string[];
}

export interface Diagnosis {
  domain: string;
  panel: PanelId | null;
  verdict: 'ok' | 'warning' | 'error';
  findings: Finding[];
  fixes: Fix[];
  live: LiveState;
  spf: SpfSummary;
  providers: DetectedProviderSummary[];
  /**
   * What MX detection found, also when a provider the user picked overrode it (then `providers` holds
   * only the picked one): the UI names it as the default choice.
   */
  mxProviders?: DetectedProviderSummary[];
  gmail: GmailItem[];
  /** Milliseconds since the epoch. */
  checkedAt: number;
  /** Resolvers asked, in order (labels). */
  resolvers: string[];
}

/** Steps reported while the DNS work runs, for the progress display. */
export type ProgressStep = 'nameservers' | 'spf' | 'mx' | 'dmarc' | 'dkim' | 'propagation' | 'done';
