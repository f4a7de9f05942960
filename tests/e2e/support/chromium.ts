// Debian Chromium with the built extension loaded (extension-stack.md §2.2): a persistent context with
// both --disable-extensions-except and --load-extension, the panels answered from the fixtures by request
// routing, and nothing but loopback reaching the network.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Route } from 'playwright-core';
import type { Settings } from '../../../lib/settings';
import { SETTINGS_KEY } from '../../../lib/settings';
import { isLocalScheme, isLoopback, panelResponse, panelUrl } from './panels';
import type { FixtureName, PanelOptions } from './panels';
import { CHROME_EXTENSION_DIR, CHROMIUM_PATH } from './paths';
import { PAGE_PROBE } from './timing';

export interface ChromiumHarness {
  context: BrowserContext;
  extensionId: string;
  /** Requests the harness refused (anything not loopback and not a panel page). */
  blocked: string[];
  /** Writes the extension's settings (browser.storage.local[SETTINGS_KEY]) and reads them back. */
  setSettings(settings: Settings): Promise<void>;
  /** Opens a panel page at its real URL (fixture answered by routing). */
  openPanel(name: FixtureName, options?: PanelOptions): Promise<Page>;
  close(): Promise<void>;
}

export type BrowserLang = 'en' | 'ja';
/** Chromium's locale (navigator.language, Accept-Language, chrome.i18n.getUILanguage) per harness language. */
const BROWSER_LOCALE: Record<BrowserLang, string> = { en: 'en-US', ja: 'ja' };

export interface ChromiumOptions {
  headless?: boolean;
  extensionDir?: string;
  settings?: Settings;
  /** Let Playwright close the browser on SIGINT/SIGTERM/SIGHUP itself (default); off when the caller handles them. */
  handleSignals?: boolean;
  /** Written to the new profile's Default/Preferences before launch (e.g. pinning the toolbar button). */
  preferences?: (extensionId: string) => Record<string, unknown>;
  /** More command-line switches (e.g. window placement for a headed run). */
  args?: string[];
  /** The browser's UI language (what the extension follows when its setting is 'auto'); default en. */
  lang?: BrowserLang;
}

/**
 * Routes one page: the panel hosts are answered from the fixtures, loopback and extension URLs go through,
 * everything else is aborted (and noted in `blocked`). Routes are per page on purpose: a context-wide
 * route also intercepts the extension service worker's fetches, and every DoH query would then take a
 * round trip through the test runner (about 7 ms instead of 1.5 ms, measured), which distorts the timings.
 * The service worker's own non-loopback traffic is stopped by the dead proxy set at launch.
 * Also injects the page probe (timing and overlay reader) before the page's scripts.
 */
export async function preparePanelPage(page: Page, blocked: string[] = []): Promise<void> {
  await page.route(
    (url) => !isLoopback(url.href) && !isLocalScheme(url.href),
    async (route: Route) => {
      const href = route.request().url();
      const response = panelResponse(href);
      if (response) {
        await route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
        return;
      }
      blocked.push(href);
      await route.abort('blockedbyclient');
    },
  );
  await page.addInitScript({ content: PAGE_PROBE });
}

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, first 32 hex digits mapped to a–p. */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/** A page of the extension that has the extension APIs: its options page, else its popup. */
function extensionPagePath(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { options_ui?: { page?: string }; options_page?: string; action?: { default_popup?: string } };
  const page = manifest.options_ui?.page ?? manifest.options_page ?? manifest.action?.default_popup;
  if (!page) throw new Error(`${extensionDir}/manifest.json names no options page or popup to write settings from`);
  return page;
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumHarness> {
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION_DIR;
  const userDataDir = mkdtempSync(join(tmpdir(), 'spf-doctor-e2e-chromium-'));
  if (options.preferences) {
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(options.preferences(unpackedExtensionId(extensionDir))));
  }
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      handleSIGHUP: options.handleSignals ?? true,
      viewport: { width: 1280, height: 900 },
      locale: BROWSER_LOCALE[options.lang ?? 'en'],
      args: [
        `--lang=${BROWSER_LOCALE[options.lang ?? 'en']}`,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--disable-gpu',
        '--no-first-run',
        '--disable-component-update',
        '--disable-background-networking',
        '--disable-sync',
        // A backstop under the per-page routing, for requests no route sees (the browser's own, the extension
        // service worker's): every non-loopback connection goes to a proxy port nobody listens on.
        '--proxy-server=http://127.0.0.1:9',
        '--proxy-bypass-list=127.0.0.1;localhost;[::1]',
        ...(options.args ?? []),
      ],
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const blocked: string[] = [];
  const extensionId = unpackedExtensionId(extensionDir);
  const extensionPage = extensionPagePath(extensionDir);

  const harness: ChromiumHarness = {
    context,
    extensionId,
    blocked,
    async setSettings(settings) {
      // Through one of the extension's own pages rather than its service worker: Playwright sometimes
      // misses an extension worker that started before it attached, while a page is always reachable.
      const page = await context.newPage();
      try {
        const response = await page.goto(`chrome-extension://${extensionId}/${extensionPage}`);
        if (!response?.ok()) throw new Error(`chrome-extension://${extensionId}/${extensionPage} did not load: is the extension in ${extensionDir} loaded?`);
        const stored = await page.evaluate(
          `(async (key, value) => { await chrome.storage.local.set({ [key]: value }); return (await chrome.storage.local.get(key))[key]; })(${JSON.stringify(SETTINGS_KEY)}, ${JSON.stringify(settings)})`,
        );
        if (!isDeepStrictEqual(stored, settings)) throw new Error(`settings did not stick: ${JSON.stringify(stored)}`);
      } finally {
        await page.close();
      }
    },
    async openPanel(name, panelOptions = {}) {
      const page = await context.newPage();
      await preparePanelPage(page, blocked);
      await page.goto(panelUrl(name, panelOptions));
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  if (options.settings) await harness.setSettings(options.settings);
  return harness;
}
