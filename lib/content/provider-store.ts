// The user's provider choices per domain, backed by browser.storage.local (`provider:<domain>` →
// { providerId, providerServer? }). Loaded once when the content script starts, so a panel that opens
// is diagnosed with its domain's choice from the first request; writes go to memory at once and to
// storage in the background, and choices made in another tab arrive through storage.onChanged.
// A change notice is answered by reading the key again rather than trusting the notice's value: notices
// of this page's own quick successive writes arrive late, and the stored value is the last one written.
import { choicesFromStorage, normalizeProviderChoice, PROVIDER_CHOICE_PREFIX, providerChoiceKey, sameChoice } from '../mail/provider-choice';
import type { ProviderChoice } from '../mail/provider-choice';
import type { ProviderChoiceStore } from './session';

/** The part of browser.storage.local used here. */
export interface ChoiceStorageArea {
  get(keys: null | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface StoredChoices extends ProviderChoiceStore {
  /** Follows a storage.onChanged batch (area 'local'); true when some domain's choice changed. */
  applyChanges(changes: Record<string, unknown>): Promise<boolean>;
}

const domainKey = (domain: string): string => domain.toLowerCase().replace(/\.$/, '');

/**
 * Reads every stored choice. A storage that fails to read (the extension was reloaded under the page)
 * gives an empty store, and a failed write is passed to `onError`: the choice still holds for this page.
 */
export async function loadStoredChoices(area: ChoiceStorageArea, onError: (error: unknown) => void = () => {}): Promise<StoredChoices> {
  let choices = new Map<string, ProviderChoice>();
  try {
    choices = choicesFromStorage(await area.get(null));
  } catch (error) {
    onError(error);
  }
  return {
    get: (domain) => choices.get(domainKey(domain)) ?? null,
    set(domain, choice) {
      const key = providerChoiceKey(domain);
      let write: Promise<void>;
      try {
        if (choice) {
          choices.set(domainKey(domain), choice);
          write = area.set({ [key]: choice });
        } else {
          choices.delete(domainKey(domain));
          write = area.remove(key);
        }
      } catch (error) {
        onError(error);
        return;
      }
      write.catch(onError);
    },
    async applyChanges(changes) {
      const keys = Object.keys(changes).filter((key) => key.startsWith(PROVIDER_CHOICE_PREFIX));
      if (keys.length === 0) return false;
      let stored: Record<string, unknown>;
      try {
        stored = await area.get(keys);
      } catch (error) {
        onError(error);
        return false;
      }
      let changed = false;
      for (const key of keys) {
        const domain = key.slice(PROVIDER_CHOICE_PREFIX.length);
        const next = normalizeProviderChoice(stored[key]);
        if (sameChoice(choices.get(domain) ?? null, next)) continue;
        if (next) choices.set(domain, next);
        else choices.delete(domain);
        changed = true;
      }
      return changed;
    },
  };
}
