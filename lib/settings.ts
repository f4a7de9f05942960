// User settings (options page), stored in browser.storage.local under one key. Pure: reading and
// validating happen here; the extension's storage calls live in the entrypoints.
import { DEFAULT_DOH_ENDPOINTS } from './dns/endpoints';
import type { DohEndpoint } from './dns/endpoints';

export interface Settings {
  /** DoH resolvers in order of preference; the first answers, the others take over on failure. */
  resolvers: DohEndpoint[];
  language: 'auto' | 'en' | 'ja';
  /** Seconds between automatic re-checks while a propagation is pending. */
  recheckSeconds: number;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  resolvers: DEFAULT_DOH_ENDPOINTS.map((e) => ({ ...e })),
  language: 'auto',
  recheckSeconds: 60,
};

export const MIN_RECHECK_SECONDS = 10;
export const MAX_RECHECK_SECONDS = 3600;

/** A DoH URL the extension may use: https (or http on loopback, for tests and local resolvers). */
export function isAcceptableResolverUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname === '[::1]');
}

/** Merges stored data over the defaults, dropping anything malformed (never throws). */
export function normalizeSettings(stored: unknown): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, resolvers: [...DEFAULT_SETTINGS.resolvers] };
  if (typeof stored !== 'object' || stored === null) return settings;
  const s = stored as Record<string, unknown>;
  if (Array.isArray(s.resolvers)) {
    const resolvers = s.resolvers.flatMap((r): DohEndpoint[] => {
      if (typeof r !== 'object' || r === null) return [];
      const { label, url } = r as Record<string, unknown>;
      return typeof url === 'string' && isAcceptableResolverUrl(url) ? [{ label: typeof label === 'string' && label ? label.slice(0, 60) : new URL(url).host, url }] : [];
    });
    if (resolvers.length > 0) settings.resolvers = resolvers.slice(0, 8);
  }
  if (s.language === 'en' || s.language === 'ja' || s.language === 'auto') settings.language = s.language;
  if (typeof s.recheckSeconds === 'number' && Number.isFinite(s.recheckSeconds)) {
    settings.recheckSeconds = Math.min(MAX_RECHECK_SECONDS, Math.max(MIN_RECHECK_SECONDS, Math.round(s.recheckSeconds)));
  }
  return settings;
}
