import { browser, defineBackground } from '#imports';
import { ActionBadge } from '../lib/background/action-badge';
import type { BadgeAction } from '../lib/background/action-badge';
import { installBackgroundCatalogs, packagedCatalog, pageKitSource } from '../lib/background/catalogs';
import { handleCommand } from '../lib/background/commands';
import { BackgroundService } from '../lib/background/service';
import { WatchService } from '../lib/background/watches';
import type { PortLike } from '../lib/content/port';
import { diagnose } from '../lib/diagnosis/diagnose';
import { pickLang } from '../lib/i18n';
import { DIAGNOSE_PORT } from '../lib/messages';
import { parsePageKitRequest } from '../lib/page-kit';
import { SETTINGS_KEY, normalizeSettings } from '../lib/settings';
import { WATCH_NOTIFICATION_ICON } from '../lib/watch/icon';

// Diagnoses for the content scripts (and the popup) over DIAGNOSE_PORT ports, and the propagation
// watches (alarms, storage.local `watches`). Everything is set up inside main, which must not be async;
// settings and the words (read from the package at start) load in the background, and requests wait
// for them.
export default defineBackground(() => {
  const readCatalog = packagedCatalog((path) => browser.runtime.getURL(path as '/_locales/en/messages.json'));
  const words = installBackgroundCatalogs(readCatalog);
  // Everything that renders words (diagnoses, bounce explanations, watch notices) asks for the settings first.
  const loadSettings = async () => {
    await words;
    return normalizeSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  };
  const service = new BackgroundService({ diagnose, loadSettings });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) service.applySettings(normalizeSettings(changes[SETTINGS_KEY]?.newValue));
  });

  const badge = new ActionBadge(browser.action as unknown as BadgeAction);
  // The overlay's words in the user's language (lib/page-kit.ts); anything else is not ours to answer.
  const pageKit = pageKitSource(readCatalog);
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const request = parsePageKitRequest(raw);
    return request ? pageKit(request.lang) : undefined;
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DIAGNOSE_PORT) return;
    // Only a content script's port has a tab (and a frame id 0: the panel is the top page, not a frame).
    const tabId = port.sender?.tab?.id;
    const fromPanel = tabId !== undefined && tabId >= 0 && port.sender?.frameId === 0;
    service.serve(
      port as unknown as PortLike,
      fromPanel ? { diagnosed: (diagnosis) => void badge.show(tabId, diagnosis.verdict), panelLeft: () => void badge.clear(tabId) } : undefined,
    );
  });

  const watches = new WatchService({
    diagnose,
    loadSettings,
    lang: (settings) => pickLang(settings.language, browser.i18n.getUILanguage()),
    api: {
      storage: {
        get: (key) => browser.storage.local.get(key),
        set: (items) => browser.storage.local.set(items),
      },
      alarms: {
        create: (name, info) => browser.alarms.create(name, info),
        clear: (name) => browser.alarms.clear(name),
      },
      setBadge: (text) => browser.action.setBadgeText({ text }),
      notify: async (id, title, message) => {
        // Optional permission: without it, the badge is all the user gets.
        if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return false;
        await browser.notifications.create(id, { type: 'basic', iconUrl: WATCH_NOTIFICATION_ICON, title, message });
        return true;
      },
    },
  });
  browser.alarms.onAlarm.addListener((alarm) => void watches.onAlarm(alarm.name));
  const ownPages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender) =>
    // Only the extension's own pages (popup, options) may list or stop watches; a content script's URL is the panel's.
    watches.handle(message, { fromExtensionPage: sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(ownPages) }),
  );
  void watches.restore();

  // The keyboard shortcut (manifest `commands`): the active tab's overlay takes focus.
  browser.commands.onCommand.addListener((command) => void handleCommand(command, browser.tabs));
});
