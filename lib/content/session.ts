// The content script's state machine for one panel page: detect, read, snapshot, ask the background for
// a diagnosis over a port (progress, then one result or error), and re-check on its own while DNS is
// still catching up with the panel. No browser globals: the page, the port and the timers come in.
import type { Diagnosis, LocalizedText, PanelSnapshot, ProgressStep, PropagationItem } from '../diagnosis/types';
import { localized } from '../i18n';
import { parsePortMessage } from '../messages';
import type { BackgroundRequest } from '../messages';
import type { PanelAdapter, PanelProblem, PanelRecord } from '../panels/types';
import type { ProviderChoice } from '../mail/provider-choice';
import type { PortLike } from './port';
import { buildSnapshot, recordCount, snapshotSignature, withProviderChoice } from './snapshot';
import type { Timers } from './watcher';

export type OverlayState = 'reading' | 'checking' | 'done' | 'error';

export interface LiveNow {
  name: string;
  type: string;
}

export interface SessionView {
  /** The adapter recognises this page as its DNS record page. */
  detected: boolean;
  state: OverlayState;
  domain: string | null;
  recordCount: number;
  /** Every row read (saved, then pending), with their elements for badges. */
  records: PanelRecord[];
  problems: PanelProblem[];
  /** Steps reported so far for the running check. */
  progress: ProgressStep[];
  /** The latest result; kept while a re-check runs so the overlay does not flicker. */
  diagnosis: Diagnosis | null;
  cached: boolean;
  error: LocalizedText | null;
  /** Records that were pending propagation and are now live everywhere. */
  nowLive: LiveNow[];
  /** When the automatic re-check runs (epoch ms), while a propagation is pending. */
  recheckAt: number | null;
  /** The mail provider the user picked for this domain (null: detected from MX). */
  providerChoice: ProviderChoice | null;
}

/** Where the user's provider choice per domain is kept (the runtime backs it with storage.local). */
export interface ProviderChoiceStore {
  get(domain: string): ProviderChoice | null;
  set(domain: string, choice: ProviderChoice | null): void;
}

export interface SessionDeps {
  adapter: PanelAdapter;
  doc: Document;
  getUrl(): string;
  /** Opens a port to the background (DIAGNOSE_PORT). May throw when the extension was reloaded. */
  connect(): PortLike;
  timers: Timers;
  now(): number;
  recheckSeconds(): number;
  onUpdate(view: SessionView): void;
  /** Give up waiting for the background after this long (ms). */
  responseTimeoutMs?: number;
  /** The provider choices; without it, choices last as long as the session. */
  choices?: ProviderChoiceStore;
}

export const DEFAULT_RESPONSE_TIMEOUT_MS = 90_000;

/** A store that keeps choices in memory only. */
export function memoryChoiceStore(): ProviderChoiceStore {
  const choices = new Map<string, ProviderChoice>();
  return {
    get: (domain) => choices.get(domain) ?? null,
    set: (domain, choice) => void (choice ? choices.set(domain, choice) : choices.delete(domain)),
  };
}

function emptyView(): SessionView {
  return { detected: false, state: 'reading', domain: null, recordCount: 0, records: [], problems: [], progress: [], diagnosis: null, cached: false, error: null, nowLive: [], recheckAt: null, providerChoice: null };
}

const itemKey = (item: { type: string; name: string }): string => `${item.type.toUpperCase()} ${item.name.toLowerCase()}`;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class PanelSession {
  private current: SessionView = emptyView();
  private snapshot: PanelSnapshot | null = null;
  private signature = 'none';
  private port: PortLike | null = null;
  private responseTimer: unknown;
  private recheckTimer: unknown;
  /** `TYPE name` of records the last results said were still propagating. */
  private awaiting = new Set<string>();
  private disposed = false;
  private readonly choices: ProviderChoiceStore;
  /** The domain the last read of this URL found (a re-render may stop showing it; see ReadContext). */
  private known: { url: string; domain: string } | null = null;

  constructor(private readonly deps: SessionDeps) {
    this.choices = deps.choices ?? memoryChoiceStore();
  }

  get view(): SessionView {
    return this.current;
  }

  /** Detects and reads the page; asks for a diagnosis when the record set changed. Never throws. */
  refresh(): void {
    if (this.disposed) return;
    try {
      this.refreshUnsafe();
    } catch (error) {
      this.fail(localized('ui_error_unexpected', { reason: errorText(error) }));
    }
  }

  /** The user asked for a fresh check: bypasses the background's cache. */
  recheck(): void {
    if (this.disposed) return;
    if (!this.snapshot) {
      this.refresh();
      return;
    }
    this.request(this.snapshot, true);
  }

  /**
   * The user picked the provider their mail goes through (null: back to MX detection): remember it for
   * this domain and diagnose again, bypassing the cache.
   */
  chooseProvider(choice: ProviderChoice | null): void {
    if (this.disposed || !this.snapshot) return;
    this.choices.set(this.snapshot.domain, choice);
    const snapshot = withProviderChoice(this.snapshot, choice);
    this.snapshot = snapshot;
    this.signature = snapshotSignature(snapshot);
    this.update({ providerChoice: choice, nowLive: [] });
    this.request(snapshot, true);
  }

  dispose(): void {
    this.disposed = true;
    this.closePort();
    this.recheckTimer = this.clear(this.recheckTimer);
  }

  private refreshUnsafe(): void {
    const { adapter, doc } = this.deps;
    if (!adapter.detect(this.deps.getUrl(), doc)) {
      if (this.current.detected || this.port) this.reset();
      return;
    }
    const url = this.deps.getUrl();
    const read = adapter.read(doc, this.known?.url === url ? { knownDomain: this.known.domain } : {});
    if (read.domain) this.known = { url, domain: read.domain };
    const choice = read.domain ? this.choices.get(read.domain) : null;
    const snapshot = buildSnapshot(adapter.id, read, choice);
    this.update({
      detected: true,
      domain: read.domain,
      recordCount: recordCount(read),
      records: [...read.records, ...read.pending],
      problems: read.problems,
      providerChoice: choice,
    });
    const signature = snapshotSignature(snapshot);
    if (signature === this.signature) return;
    this.signature = signature;
    this.snapshot = snapshot;
    this.awaiting.clear();
    this.recheckTimer = this.clear(this.recheckTimer);
    if (!snapshot) {
      // No domain yet: the panel is still rendering (or changed; its problems are shown).
      this.closePort();
      this.update({ state: 'reading', diagnosis: null, progress: [], error: null, nowLive: [], recheckAt: null });
      return;
    }
    this.update({ nowLive: [] });
    this.request(snapshot, false);
  }

  private reset(): void {
    if (this.current.detected) this.notifyPanelLeft();
    this.known = null;
    this.closePort();
    this.recheckTimer = this.clear(this.recheckTimer);
    this.snapshot = null;
    this.signature = 'none';
    this.awaiting.clear();
    this.current = emptyView();
    this.deps.onUpdate(this.current);
  }

  /** Tells the background the panel went away (its tab badge goes); the background closes the port. */
  private notifyPanelLeft(): void {
    try {
      const message: BackgroundRequest = { kind: 'panel-left' };
      this.deps.connect().postMessage(message);
    } catch {
      // The extension was reloaded: there is no badge to clear either.
    }
  }

  private request(snapshot: PanelSnapshot, force: boolean): void {
    this.closePort();
    this.recheckTimer = this.clear(this.recheckTimer);
    this.update({ state: 'checking', progress: [], error: null, recheckAt: null });
    let port: PortLike;
    try {
      port = this.deps.connect();
    } catch (error) {
      this.fail(localized('ui_error_disconnected', { reason: errorText(error) }));
      return;
    }
    this.port = port;
    port.onMessage.addListener((raw) => {
      if (this.port === port) this.onPortMessage(raw);
    });
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      this.fail(localized('ui_error_disconnected', { reason: 'port closed' }));
    });
    const timeoutMs = this.deps.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS;
    this.responseTimer = this.deps.timers.setTimeout(() => {
      if (this.port !== port) return;
      this.closePort();
      this.fail(localized('ui_error_timeout', { seconds: Math.round(timeoutMs / 1000) }));
    }, timeoutMs);
    const request: BackgroundRequest = { kind: 'diagnose', snapshot, force };
    try {
      port.postMessage(request);
    } catch (error) {
      this.closePort();
      this.fail(localized('ui_error_disconnected', { reason: errorText(error) }));
    }
  }

  private onPortMessage(raw: unknown): void {
    const message = parsePortMessage(raw);
    if (!message) {
      this.closePort();
      this.fail(localized('ui_error_bad_answer'));
      return;
    }
    if (message.kind === 'progress') {
      if (!this.current.progress.includes(message.step)) this.update({ progress: [...this.current.progress, message.step] });
      return;
    }
    this.closePort();
    if (message.kind === 'error') {
      this.fail(message.message);
      return;
    }
    this.onResult(message.diagnosis, message.cached);
  }

  private onResult(diagnosis: Diagnosis, cached: boolean): void {
    const propagation: PropagationItem[] = Array.isArray(diagnosis.live?.propagation) ? diagnosis.live.propagation : [];
    const pendingNow = diagnosis.findings.some((f) => f.code === 'PROPAGATION_PENDING');
    const stillPending = new Set(propagation.filter((item) => item.state === 'pending').map(itemKey));
    // Records we were waiting for that every resolver now returns as the panel shows them.
    const nowLive = propagation.filter((item) => item.state === 'live' && this.awaiting.has(itemKey(item))).map(({ name, type }) => ({ name, type }));
    for (const key of stillPending) this.awaiting.add(key);
    for (const item of nowLive) this.awaiting.delete(itemKey(item));
    let recheckAt: number | null = null;
    if (pendingNow && this.snapshot) {
      const delayMs = Math.max(1, this.deps.recheckSeconds()) * 1000;
      recheckAt = this.deps.now() + delayMs;
      const snapshot = this.snapshot;
      this.recheckTimer = this.deps.timers.setTimeout(() => {
        this.recheckTimer = undefined;
        if (!this.disposed && this.snapshot === snapshot) this.request(snapshot, true);
      }, delayMs);
    }
    this.update({
      state: 'done',
      diagnosis,
      cached,
      error: null,
      nowLive: [...this.current.nowLive.filter((old) => !nowLive.some((n) => itemKey(n) === itemKey(old))), ...nowLive],
      recheckAt,
    });
  }

  private fail(message: LocalizedText): void {
    this.update({ state: 'error', error: message, recheckAt: null });
  }

  private closePort(): void {
    this.responseTimer = this.clear(this.responseTimer);
    const port = this.port;
    this.port = null;
    if (port) {
      try {
        port.disconnect();
      } catch {
        // Already gone (background restarted): nothing to close.
      }
    }
  }

  private clear(handle: unknown): undefined {
    if (handle !== undefined) this.deps.timers.clearTimeout(handle);
    return undefined;
  }

  private update(patch: Partial<SessionView>): void {
    if (this.disposed) return;
    this.current = { ...this.current, ...patch };
    this.deps.onUpdate(this.current);
  }
}
