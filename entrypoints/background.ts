import { browser, defineBackground } from '#imports';
import { BackgroundService } from '../lib/background/service';
import type { PortLike } from '../lib/content/port';
import { diagnose } from '../lib/diagnosis/diagnose';
import { DIAGNOSE_PORT } from '../lib/messages';
import { SETTINGS_KEY, normalizeSettings } from '../lib/settings';

// Diagnoses for the content scripts (and the popup) over DIAGNOSE_PORT ports. Everything is set up
// inside main, which must not be async; settings load in the background and requests wait for them.
export default defineBackground(() => {
  const service = new BackgroundService({
    diagnose,
    loadSettings: async () => normalizeSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) service.applySettings(normalizeSettings(changes[SETTINGS_KEY]?.newValue));
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DIAGNOSE_PORT) return;
    service.serve(port as unknown as PortLike);
  });
});
