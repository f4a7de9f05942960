// What every check of a diagnosis shares: the snapshot, the resolver (which turns each failure into one
// TempError finding naming the resolver), the findings and fixes collected so far, and whether the panel's
// records are the ones in effect.
import { DohFailoverError } from '../dns/doh';
import { DnsError } from '../dns/types';
import type { DnsResponse, RecordType, Resolver } from '../dns/types';
import { attemptsReason, isWaiting } from './dns-failure';
import { makeFinding } from './findings';
import { effectiveRecords, normaliseTarget } from './panel-records';
import type { Finding, Fix, PanelSnapshot, ProgressStep, SnapshotRecord } from './types';

export interface DiagnoseDeps {
  /** The resolver judged as "the world" (DoH with failover in the extension). */
  resolver: Resolver;
  /** One resolver per configured endpoint, compared with the panel for propagation. */
  views?: { label: string; resolver: Resolver }[];
  now?: () => number;
  onProgress?: (step: ProgressStep) => void;
}

export type Lookup = { ok: true; response: DnsResponse } | { ok: false; error: DnsError };

export const DEFAULT_TTL = 3600;

export class DiagnosisContext {
  readonly findings: Finding[] = [];
  readonly fixes: Fix[] = [];
  readonly domain: string;
  /** deps.resolver, reporting every failure as a TempError finding (also those inside SPF evaluation). */
  readonly resolver: Resolver;
  /** Saved, enabled panel rows: what the panel would serve. */
  readonly panelRecords: SnapshotRecord[];
  /**
   * True when the panel's records are the zone's truth (read from a panel whose nameservers are live, or
   * not known to be elsewhere); set once the delegation is known.
   */
  panelInEffect = false;
  /** Fixes go to the DNS host instead of this panel when the panel is not in effect. */
  fixTarget: { target?: 'dns-host' } = {};
  private readonly reportedErrors = new Set<string>();

  constructor(
    readonly snapshot: PanelSnapshot,
    readonly deps: DiagnoseDeps,
  ) {
    this.domain = normaliseTarget(snapshot.domain);
    this.panelRecords = effectiveRecords(snapshot.records);
    this.resolver = {
      query: async (name, type, options) => {
        try {
          return await deps.resolver.query(name, type, options);
        } catch (error) {
          if (error instanceof DnsError) this.reportDnsError(error);
          throw error;
        }
      },
    };
  }

  /** A question whose failure is a value (already reported as a finding), not an exception. */
  async query(name: string, type: RecordType, resolver = this.resolver): Promise<Lookup> {
    try {
      return { ok: true, response: await resolver.query(name, type) };
    } catch (error) {
      const dnsError = error instanceof DnsError ? error : new DnsError('other', 'resolver', name, type, String(error));
      this.reportDnsError(dnsError);
      return { ok: false, error: dnsError };
    }
  }

  /** One TempError finding per resolver and name, naming every resolver that failed (after failover). */
  reportDnsError(error: DnsError): void {
    const attempts = error instanceof DohFailoverError ? error.attempts : [error];
    const resolver = [...new Set(attempts.map((a) => a.resolver))].join(', ');
    // One finding per resolver and name; a resolver we are leaving alone after Retry-After gets only one.
    const key = isWaiting(attempts) ? `${resolver} (waiting)` : `${resolver} ${error.qname}`;
    if (this.reportedErrors.has(key)) return;
    this.reportedErrors.add(key);
    // The reason in words of each language ("asked to wait 120 s (HTTP 429/503)", not a code).
    const reason = (lang: 'en' | 'ja') => ({ reason: attemptsReason(lang, attempts) });
    this.findings.push(makeFinding('DNS_TEMPORARY_ERROR', { resolver, name: `${error.qname} ${error.qtype}` }, [], { en: reason('en'), ja: reason('ja') }));
  }

  progress(step: ProgressStep): void {
    try {
      this.deps.onProgress?.(step);
    } catch {
      // A failing progress listener must not break the diagnosis.
    }
  }

  /** The panels' host convention: relative to the domain, '' for the apex. */
  hostLabel(name: string): string {
    if (name === this.domain) return '';
    return name.endsWith(`.${this.domain}`) ? name.slice(0, -(this.domain.length + 1)) : name;
  }

  addFix(fix: Omit<Fix, 'id'>, resolvedFindings: Finding[]): Fix {
    const full: Fix = { id: `fix-${this.fixes.length + 1}`, ...fix, ...this.fixTarget };
    this.fixes.push(full);
    for (const finding of resolvedFindings) finding.fixId = full.id;
    return full;
  }

  /** Panel rows of one type at one name. */
  panelRows(type: string, name: string): SnapshotRecord[] {
    return this.panelRecords.filter((r) => r.type === type && normaliseTarget(r.host) === name);
  }
}
