// Debian firefox-esr with the built Firefox MV3 extension, driven by puppeteer-core over WebDriver BiDi
// (extension-stack.md §2.4). What had to be found out for this harness (Firefox ESR 153, puppeteer 24):
// - Panel hosts: Puppeteer's request interception works over BiDi (network.addIntercept +
//   provideResponse), so the panel pages are answered from the fixtures per page, like in Chromium;
//   no proxy is needed for that. Firefox's own traffic and the extension's background (which page
//   interception does not see) go to a dead proxy port, loopback excepted.
// - Settings: BiDi refuses to navigate to moz-extension:// URLs ("not allowed in this context") unless
//   Firefox runs with --remote-allow-system-access. With it, the harness opens the extension's own
//   options page and writes browser.storage.local there. The extension's internal UUID is pinned with
//   the extensions.webextensions.uuids pref so the URL is known. (The navigation completes, but
//   Puppeteer's load wait does not notice a switch to the extension process, so the harness waits for
//   the page's `browser` global instead.)
import { isDeepStrictEqual } from 'node:util';
import puppeteer from 'puppeteer-core';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import type { Settings } from '../../../lib/settings';
import { SETTINGS_KEY } from '../../../lib/settings';
import { isLocalScheme, isLoopback, panelResponse, panelUrl } from './panels';
import type { FixtureName, PanelOptions } from './panels';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from './paths';
import { PAGE_PROBE } from './timing';

export const GECKO_ID = 'spf-doctor@spf-doctor.dev';
/** Pinned moz-extension UUID (any fixed v4 UUID). */
export const EXTENSION_UUID = '5e7d0c4a-9b1f-4c2e-8d3a-6f0b1e2c3d4a';

export interface FirefoxHarness {
  browser: Browser;
  blocked: string[];
  setSettings(settings: Settings): Promise<void>;
  /** Evaluates an expression in an extension page (the options page, opened and closed for it). */
  inExtension(expression: string): Promise<unknown>;
  openPanel(name: FixtureName, options?: PanelOptions): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  headless?: boolean;
  extensionDir?: string;
  settings?: Settings;
  /** More prefs for the profile (e.g. where the toolbar button goes). */
  prefs?: Record<string, unknown>;
  /** The browser's language (what the extension follows when its setting is 'auto'); default en. */
  lang?: 'en' | 'ja';
}

/** Answers panel hosts from the fixtures, lets loopback and local schemes through, aborts the rest. */
export async function preparePanelPageFirefox(page: Page, blocked: string[] = []): Promise<void> {
  await page.evaluateOnNewDocument(PAGE_PROBE);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const href = request.url();
    const answer = (): Promise<void> => {
      if (isLoopback(href) || isLocalScheme(href)) return request.continue();
      const response = panelResponse(href);
      if (response) return request.respond({ status: response.status, contentType: response.contentType, body: response.body });
      blocked.push(href);
      return request.abort('blockedbyclient');
    };
    // A request whose page went away meanwhile cannot be answered any more; nothing to do then.
    answer().catch(() => {});
  });
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxHarness> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.accept_languages': options.lang === 'ja' ? 'ja, en-US, en' : 'en-US, en',
      // The UI locale browser.i18n.getUILanguage() reports (falls back to en when no ja langpack is installed).
      'intl.locale.requested': options.lang === 'ja' ? 'ja,en-US' : 'en-US',
      // Nothing but loopback leaves the browser: everything else goes to a proxy port nobody listens on.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '127.0.0.1,localhost,[::1]',
      'network.proxy.allow_hijacking_localhost': false,
      'network.trr.mode': 5,
      ...options.prefs,
    },
  });
  try {
    const id = await browser.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`installed extension id ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
  const blocked: string[] = [];

  const harness: FirefoxHarness = {
    browser,
    blocked,
    async inExtension(expression) {
      const page = await browser.newPage();
      try {
        const url = `moz-extension://${EXTENSION_UUID}/options.html`;
        void page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 }).catch(() => {});
        const deadline = Date.now() + 15_000;
        for (;;) {
          const ready = await page.evaluate(`location.href.startsWith(${JSON.stringify(url)}) && typeof browser === 'object' && !!browser.storage`).catch(() => false);
          if (ready === true) break;
          if (Date.now() > deadline) throw new Error(`the extension's options page (${url}) did not open`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        return await page.evaluate(expression);
      } finally {
        await page.close().catch(() => {});
      }
    },
    async setSettings(settings) {
      const stored = await harness.inExtension(
        `(async (key, value) => { await browser.storage.local.set({ [key]: value }); return (await browser.storage.local.get(key))[key]; })(${JSON.stringify(SETTINGS_KEY)}, ${JSON.stringify(settings)})`,
      );
      if (!isDeepStrictEqual(stored, settings)) throw new Error(`settings did not stick: ${JSON.stringify(stored)}`);
    },
    async openPanel(name, panelOptions = {}) {
      const page = await browser.newPage();
      await preparePanelPageFirefox(page, blocked);
      await page.goto(panelUrl(name, panelOptions), { waitUntil: 'load' });
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
  if (options.settings) await harness.setSettings(options.settings);
  return harness;
}
