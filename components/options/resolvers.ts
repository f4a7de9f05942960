// The resolver list's rules, apart from the UI: validating a new entry, reordering, and which host
// permission a custom resolver needs.
import { DEFAULT_DOH_ENDPOINTS } from '../../lib/dns/endpoints';
import type { DohEndpoint } from '../../lib/dns/endpoints';
import { isAcceptableResolverUrl } from '../../lib/settings';

/** normalizeSettings keeps at most this many resolvers. */
export const MAX_RESOLVERS = 8;
export const MAX_LABEL_LENGTH = 60;

export type NewResolverError = 'url-invalid' | 'duplicate' | 'full';

export function validateNewResolver(
  list: readonly DohEndpoint[],
  label: string,
  url: string,
): { ok: true; resolver: DohEndpoint } | { ok: false; error: NewResolverError } {
  if (list.length >= MAX_RESOLVERS) return { ok: false, error: 'full' };
  const trimmed = url.trim();
  if (!isAcceptableResolverUrl(trimmed)) return { ok: false, error: 'url-invalid' };
  const href = new URL(trimmed).href;
  if (list.some((resolver) => new URL(resolver.url).href === href)) return { ok: false, error: 'duplicate' };
  const name = label.trim().slice(0, MAX_LABEL_LENGTH) || new URL(trimmed).host;
  return { ok: true, resolver: { label: name, url: trimmed } };
}

/**
 * The host permission pattern for a resolver URL. Without a port: Firefox rejects ports in match
 * patterns, and in Chrome a pattern without a port matches every port of that host.
 */
export function permissionPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The built-in resolvers send CORS headers, so they need no host permission. */
export function needsPermission(url: string): boolean {
  return !DEFAULT_DOH_ENDPOINTS.some((endpoint) => endpoint.url === url);
}

/** The list with the entry at `index` moved by `delta` places (unchanged when that leaves the list). */
export function moveResolver<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved!);
  return next;
}
