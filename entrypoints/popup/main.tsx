// Popup entry: reads the language setting, then renders the popup wired to the real extension APIs.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import type { PopupDeps } from '../../components/popup/PopupApp';
import type { PortLike } from '../../components/popup/port';
import { sendWatch } from '../../components/popup/watch-api';
import { loadSettings } from '../../components/options/settings-store';
import { pickLang } from '../../lib/i18n';
import { DIAGNOSE_PORT } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import '../../components/popup/popup.css';

async function main(): Promise<void> {
  const settings = await loadSettings(browser.storage.local).catch(() => DEFAULT_SETTINGS);
  const lang = pickLang(settings.language, browser.i18n.getUILanguage());
  document.documentElement.lang = lang;
  const deps: PopupDeps = {
    lang,
    connect: () => browser.runtime.connect({ name: DIAGNOSE_PORT }) as PortLike,
    copyText: (text) => navigator.clipboard.writeText(text),
    openOptions: () => void browser.runtime.openOptionsPage(),
    watches: {
      send: (request) => sendWatch((message) => browser.runtime.sendMessage(message), request),
      notificationsGranted: () => browser.permissions.contains({ permissions: ['notifications'] }),
      requestNotifications: () => browser.permissions.request({ permissions: ['notifications'] }),
    },
  };
  render(<PopupApp deps={deps} />, document.getElementById('app')!);
}

void main();
