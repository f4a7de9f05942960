// The mail provider a user picks by hand ("Mail is sent through: …"), shared by the overlay and the popup:
// which providers can be picked, checking the server host some of them need, and how a choice is kept
// per domain in browser.storage.local. Pure: callers pass the storage contents in and write them back.
import { allProviders, providerById, spfTermsFor } from './providers';
import type { Provider } from './providers';

export interface ProviderChoice {
  providerId: string;
  /** The user's own server (Xserver svNNNN.xserver.jp, Sakura wwwNNNN.sakura.ne.jp), for providers that need it. */
  providerServer?: string;
}

/** storage.local key of a domain's choice: `provider:<domain>`. */
export const PROVIDER_CHOICE_PREFIX = 'provider:';

export function providerChoiceKey(domain: string): string {
  return `${PROVIDER_CHOICE_PREFIX}${domain.toLowerCase().replace(/\.$/, '')}`;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host name of at least two labels (letters, digits, inner hyphens), at most 253 characters; a trailing dot is allowed. */
export function isHostname(value: string): boolean {
  const host = value.toLowerCase().replace(/\.$/, '');
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

/** Whether the provider's SPF terms name the user's own server, so the UI has to ask for it. */
export function needsServerHost(providerId: string): boolean {
  const terms = spfTermsFor(providerId);
  return !terms.ok && terms.reason === 'needs-server-host';
}

/** The example server host the UI shows for a provider that needs one ("sv1234.xserver.jp"), else ''. */
export function serverHostExample(providerId: string): string {
  const terms = spfTermsFor(providerId);
  return !terms.ok && terms.reason === 'needs-server-host' ? terms.example : '';
}

/**
 * Providers a user can pick: those whose SPF needs terms (a provider that needs none, such as Wix's
 * marketing mail, changes nothing in the record). Mailbox providers first, then sending-only services,
 * each in table order.
 */
export function selectableProviders(): { mailbox: Provider[]; sending: Provider[] } {
  const pickable = allProviders.filter((provider) => provider.spf.length > 0 || needsServerHost(provider.id));
  return {
    mailbox: pickable.filter((provider) => provider.category === 'mailbox'),
    sending: pickable.filter((provider) => provider.category === 'sending'),
  };
}

export type ServerHostCheck = { ok: true; host: string } | { ok: false; reason: 'empty' | 'invalid' };

/** Reads the server host typed for `providerId`: a host name the provider's own pattern recognises. */
export function checkServerHost(providerId: string, typed: string): ServerHostCheck {
  const host = typed.trim().toLowerCase().replace(/\.$/, '');
  if (host === '') return { ok: false, reason: 'empty' };
  if (!isHostname(host) || !spfTermsFor(providerId, host).ok) return { ok: false, reason: 'invalid' };
  return { ok: true, host };
}

/** A choice as stored or received, or null when it is malformed or names nothing the UI can offer. */
export function normalizeProviderChoice(value: unknown): ProviderChoice | null {
  if (typeof value !== 'object' || value === null) return null;
  const { providerId, providerServer } = value as Record<string, unknown>;
  if (typeof providerId !== 'string' || !providerById(providerId)) return null;
  const { mailbox, sending } = selectableProviders();
  if (![...mailbox, ...sending].some((provider) => provider.id === providerId)) return null;
  if (needsServerHost(providerId)) {
    if (typeof providerServer !== 'string') return null;
    const server = checkServerHost(providerId, providerServer);
    return server.ok ? { providerId, providerServer: server.host } : null;
  }
  return { providerId };
}

/** Every domain's choice found in storage.local's contents (malformed entries are skipped). */
export function choicesFromStorage(items: Record<string, unknown>): Map<string, ProviderChoice> {
  const choices = new Map<string, ProviderChoice>();
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(PROVIDER_CHOICE_PREFIX)) continue;
    const choice = normalizeProviderChoice(value);
    if (choice) choices.set(key.slice(PROVIDER_CHOICE_PREFIX.length), choice);
  }
  return choices;
}

export function sameChoice(a: ProviderChoice | null, b: ProviderChoice | null): boolean {
  return (a?.providerId ?? '') === (b?.providerId ?? '') && (a?.providerServer ?? '') === (b?.providerServer ?? '');
}
