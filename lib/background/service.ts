// The background's state: settings → resolvers (one failover resolver for the diagnosis, one per
// endpoint for the propagation views), the diagnosis cache, and the port handler bound to both.
import { explainBounce } from '../bounce/explain';
import type { BounceExplanation } from '../bounce/explain';
import type { Diagnosis, PanelSnapshot, ProgressStep } from '../diagnosis/types';
import { DohResolver } from '../dns/doh';
import type { FetchLike } from '../dns/doh';
import type { Resolver } from '../dns/types';
import type { PortLike } from '../content/port';
import { DEFAULT_SETTINGS } from '../settings';
import type { Settings } from '../settings';
import { DiagnosisCache } from './cache';
import { servePort } from './handler';
import type { HandlerDeps, TabEvents } from './handler';

/** The shape of lib/diagnosis/diagnose.ts's `diagnose`. */
export type DiagnoseFn = (
  snapshot: PanelSnapshot,
  deps: { resolver: Resolver; views?: { label: string; resolver: Resolver }[]; now?: () => number; onProgress?: (step: ProgressStep) => void },
) => Promise<Diagnosis>;

export interface ResolverSet {
  /** Failover over every configured endpoint, with a TTL cache. */
  resolver: DohResolver;
  /** One uncached resolver per endpoint: what each of them returns right now. */
  views: { label: string; resolver: DohResolver }[];
}

export function buildResolvers(settings: Settings, fetch?: FetchLike): ResolverSet {
  const endpoints = settings.resolvers.length > 0 ? settings.resolvers : DEFAULT_SETTINGS.resolvers;
  const common = fetch ? { fetch } : {};
  return {
    resolver: new DohResolver({ ...common, endpoints, cache: true }),
    views: endpoints.map((endpoint) => ({ label: endpoint.label, resolver: new DohResolver({ ...common, endpoints: [endpoint], cache: false }) })),
  };
}

export interface BackgroundServiceOptions {
  diagnose: DiagnoseFn;
  loadSettings(): Promise<Settings>;
  fetch?: FetchLike;
  cache?: DiagnosisCache;
  now?: () => number;
}

/** What the resolvers are built from; other settings (language, interval) do not concern the background. */
function resolverSignature(settings: Settings): string {
  return JSON.stringify(settings.resolvers);
}

export class BackgroundService {
  private resolvers: ResolverSet;
  private signature = resolverSignature(DEFAULT_SETTINGS);
  private readonly cache: DiagnosisCache;
  private readonly ready: Promise<void>;
  private readonly handler: HandlerDeps;

  constructor(private readonly options: BackgroundServiceOptions) {
    this.cache = options.cache ?? new DiagnosisCache(options.now ? { now: options.now } : {});
    this.resolvers = buildResolvers(DEFAULT_SETTINGS, options.fetch);
    this.ready = options
      .loadSettings()
      .then((settings) => this.applySettings(settings))
      .catch(() => {
        // Unreadable settings: the defaults built above stay in use.
      });
    this.handler = {
      prepare: () => this.refreshSettings(),
      cache: this.cache,
      run: (snapshot, run) => this.run(snapshot, run.force, run.onProgress),
      explainBounce: (text) => this.explain(text),
    };
  }

  /** New resolvers for new settings; cached diagnoses came from the old ones, so they go. */
  applySettings(settings: Settings): void {
    this.signature = resolverSignature(settings);
    this.resolvers = buildResolvers(settings, this.options.fetch);
    this.cache.clear();
  }

  /**
   * Re-reads the stored settings before each request: storage.onChanged can arrive after a page that was
   * opened right after the options were saved has already asked, and a stale resolver list would answer.
   */
  private async refreshSettings(): Promise<void> {
    await this.ready;
    const settings = await this.options.loadSettings();
    if (resolverSignature(settings) !== this.signature) this.applySettings(settings);
  }

  /** `tab`: the events of a port opened by a content script (absent for the popup). */
  serve(port: PortLike, tab?: TabEvents): void {
    servePort(port, this.handler, tab);
  }

  get currentResolvers(): ResolverSet {
    return this.resolvers;
  }

  private async explain(text: string): Promise<BounceExplanation> {
    await this.ready;
    return explainBounce(text, { resolver: this.resolvers.resolver, ...(this.options.now ? { now: this.options.now } : {}) });
  }

  private async run(snapshot: PanelSnapshot, force: boolean, onProgress: (step: ProgressStep) => void): Promise<Diagnosis> {
    await this.ready;
    const { resolver, views } = this.resolvers;
    // A forced check wants what the resolvers say now, not what we cached from them a minute ago.
    if (force) resolver.cache?.clear();
    return this.options.diagnose(snapshot, { resolver, views, onProgress, ...(this.options.now ? { now: this.options.now } : {}) });
  }
}
