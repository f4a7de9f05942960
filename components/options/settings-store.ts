// Reading and writing the settings in extension storage (browser.storage.local under SETTINGS_KEY).
// Takes the storage area as a parameter, so tests pass fakeBrowser's or a plain double.
import { normalizeSettings, SETTINGS_KEY } from '../../lib/settings';
import type { Settings } from '../../lib/settings';

/** The part of browser.storage.local used here. */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Stored settings merged over the defaults; anything malformed is dropped, never thrown. */
export async function loadSettings(area: StorageAreaLike): Promise<Settings> {
  const stored = await area.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

/** Saves what normalizeSettings keeps (so what is read back is what was saved) and returns it. */
export async function saveSettings(area: StorageAreaLike, settings: Settings): Promise<Settings> {
  const normalized = normalizeSettings(settings);
  await area.set({ [SETTINGS_KEY]: normalized });
  return normalized;
}
