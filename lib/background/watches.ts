// The background's side of the watches: the engine bound to storage.local, alarms, the action badge and
// notifications, plus the runtime-message handler for watch-start / watch-list / watch-stop. The browser
// APIs come in as a small interface (the entrypoint passes `browser`), so this runs under Vitest too.
import type { DiagnoseFn } from './service';
import type { DohEndpoint } from '../dns/doh';
import { DohResolver } from '../dns/doh';
import type { FetchLike } from '../dns/doh';
import type { Resolver } from '../dns/types';
import type { Lang } from '../diagnosis/types';
import { WatchEngine } from '../watch/engine';
import type { WatchEvent } from '../watch/engine';
import { badgeText, notificationFor } from '../watch/notify';
import { parseWatchRequest } from '../watch/request';
import type { SenderFacts, WatchReply, WatchRequest } from '../watch/request';
import { normalizeTuning, WATCH_TUNING_KEY } from '../watch/tuning';
import type { Watch } from '../watch/types';
import { comparable } from '../watch/verdict';
import type { Settings } from '../settings';

export const WATCHES_KEY = 'watches';
export const WATCH_ALARM_PREFIX = 'spf-doctor:watch:';

/** The few browser APIs the watches use. */
export interface WatchBrowser {
  storage: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  alarms: { create(name: string, info: { when: number }): void | Promise<void>; clear(name: string): unknown };
  /** Sets the global badge text (not per tab: the package helper's per-tab verdict badge overrides it per tab). */
  setBadge(text: string): void | Promise<void>;
  /** Shows a notification when the optional permission is granted; false when it is not. */
  notify(id: string, title: string, message: string): Promise<boolean>;
}

export interface WatchServiceOptions {
  api: WatchBrowser;
  diagnose: DiagnoseFn;
  loadSettings(): Promise<Settings>;
  lang(settings: Settings): Lang;
  now?: () => number;
  fetch?: FetchLike;
}

/** Keeps the badge's text in one place (the lead may merge it with a per-tab verdict badge). */
export function showWatchBadge(api: Pick<WatchBrowser, 'setBadge'>, watches: readonly Watch[]): void {
  try {
    void Promise.resolve(api.setBadge(badgeText(watches))).catch(() => {});
  } catch {
    // No action API (should not happen in MV3): the popup still lists the watches.
  }
}

export class WatchService {
  readonly engine: WatchEngine;

  constructor(private readonly options: WatchServiceOptions) {
    const { api } = options;
    const common = options.fetch ? { fetch: options.fetch } : {};
    this.engine = new WatchEngine({
      now: options.now ?? Date.now,
      store: {
        load: async () => {
          const stored = (await api.storage.get(WATCHES_KEY))[WATCHES_KEY];
          return Array.isArray(stored) ? (stored as Watch[]) : [];
        },
        save: (watches) => api.storage.set({ [WATCHES_KEY]: watches }),
      },
      scheduler: {
        set: (id, at) => api.alarms.create(`${WATCH_ALARM_PREFIX}${id}`, { when: at }),
        clear: async (id) => void (await api.alarms.clear(`${WATCH_ALARM_PREFIX}${id}`)),
      },
      // Uncached: each check must see what that resolver answers now.
      resolverFor: (endpoint: DohEndpoint) => new DohResolver({ ...common, endpoints: [endpoint], cache: false }),
      spfCheck: (watch, resolver) => this.spfCheck(watch, resolver),
      nameservers: async (domain, resolver) => {
        const response = await resolver.query(domain, 'NS');
        return response.answers.flatMap((r) => (r.type === 'NS' ? [r.data] : []));
      },
      notify: (event) => this.notify(event),
      changed: (watches) => showWatchBadge(api, watches),
      tuning: async () => normalizeTuning((await api.storage.get(WATCH_TUNING_KEY))[WATCH_TUNING_KEY]),
    });
  }

  /** The worker started: alarms back, overdue checks now, badge up to date. */
  restore(): Promise<void> {
    return this.engine.restore();
  }

  /** chrome.alarms.onAlarm: only our alarms. */
  onAlarm(name: string): Promise<void> | undefined {
    if (!name.startsWith(WATCH_ALARM_PREFIX)) return undefined;
    return this.engine.alarm(name.slice(WATCH_ALARM_PREFIX.length));
  }

  /** runtime.onMessage: a reply for watch-* messages, undefined for anything else (other listeners answer). */
  handle(raw: unknown, sender: SenderFacts): Promise<WatchReply> | undefined {
    const request = parseWatchRequest(raw, sender);
    if (request === null) return undefined;
    if ('refused' in request) return Promise.resolve({ kind: 'watch-error', code: request.refused });
    return this.run(request).catch((): WatchReply => ({ kind: 'watch-error', code: 'failed' }));
  }

  private async run(request: WatchRequest): Promise<WatchReply> {
    if (request.kind === 'watch-list') return { kind: 'watch-list', watches: await this.engine.list(true) };
    if (request.kind === 'watch-stop') {
      await this.engine.stop(request.id);
      return { kind: 'watch-stopped', id: request.id };
    }
    const settings = await this.options.loadSettings();
    const { record } = request;
    const watch = await this.engine.start({
      domain: request.domain,
      panel: request.panel,
      expected: {
        type: record.type,
        name: record.name,
        value: comparable(record.type, record.value, record.priority),
        previous: record.replaces !== undefined ? [comparable(record.type, record.replaces, record.priority)] : [],
      },
      // The configured resolvers, as they are now: a watch follows the ones the user chose.
      resolvers: settings.resolvers.map((endpoint) => ({ label: endpoint.label, url: endpoint.url })),
      ...(request.providerId ? { providerId: request.providerId } : {}),
      ...(request.providerServer ? { providerServer: request.providerServer } : {}),
      ...(request.nameservers ? { nameservers: request.nameservers } : {}),
    });
    return { kind: 'watch-started', watch };
  }

  /** check_host as a receiver would, through this one resolver, for the provider the diagnosis found. */
  private async spfCheck(watch: Watch, resolver: Resolver): Promise<{ result: string }> {
    const diagnosis = await this.options.diagnose(
      {
        panel: null,
        domain: watch.domain,
        records: [],
        ...(watch.providerId ? { providerId: watch.providerId } : {}),
        ...(watch.providerId && watch.providerServer ? { providerServer: watch.providerServer } : {}),
      },
      { resolver, ...(this.options.now ? { now: this.options.now } : {}) },
    );
    const check = diagnosis.spf.providerCheck;
    if (check) return { result: check.result };
    // No provider to test with: the record itself must at least be valid and alone.
    const broken = diagnosis.findings.find((f) => ['SPF_SYNTAX', 'SPF_MULTIPLE', 'SPF_LOOKUP_LIMIT', 'SPF_VOID_LIMIT'].includes(f.code));
    return { result: broken ? 'permerror' : 'pass' };
  }

  private async notify(event: WatchEvent): Promise<void> {
    const settings = await this.options.loadSettings();
    const text = notificationFor(this.options.lang(settings), event);
    try {
      await this.options.api.notify(`${WATCH_ALARM_PREFIX}${event.kind}:${event.watch.id}`, text.title, text.message);
    } catch {
      // No permission or no notification service: the badge says it.
    }
  }
}
