// The two DNS panels at their real URLs, answered from the fixture pages (tests/fixtures/) by request
// routing, so the extension's shipped manifest (which matches only the real hosts) is exercised unchanged.
// Browser-neutral: the Chromium harness (Playwright routes) and the Firefox harness (Puppeteer request
// interception) both ask `panelResponse()` what to answer and `isLoopback()` what to let through.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameworkPage } from '../../fixtures/frameworks';
import { FIXTURE_FILES, fixtureUrl } from '../../fixtures/load';
import type { FixtureName, FixtureOptions } from '../../fixtures/load';
import { E2E_FIXTURES_DIR } from './paths';
import { wixRowsForZone, zoneRecords } from './zone-records';

export type { FixtureName };

export const PANEL_HOSTS: Record<string, FixtureName> = {
  'manage.wix.com': 'wix',
  'navi.onamae.com': 'onamae',
};

/** Query parameter (harness only; the fixtures ignore it) asking the Wix page to list the zone's records. */
export const ZONE_RECORDS_PARAM = 'e2e-records';
/** Query parameter (harness only) asking for the page rendered by the panel's real framework (tests/fixtures/frameworks.ts). */
export const FRAMEWORK_PARAM = 'e2e-framework';

export interface PanelOptions extends FixtureOptions {
  /** Wix only: list the testbed zone named by `domain` instead of the fixture's seed records. */
  zoneRecords?: boolean;
  /** The fixture built with the panel's real framework: Wix → React + @wix/design-system, お名前.com → Angular. */
  framework?: boolean;
}

/** The panel page's URL (the real host and path) for a fixture, its variant and domain. */
export function panelUrl(name: FixtureName, options: PanelOptions = {}): string {
  const { zoneRecords: fromZone, framework, ...fixtureOptions } = options;
  const url = new URL(fixtureUrl(name, fixtureOptions));
  if (framework) url.searchParams.set(FRAMEWORK_PARAM, '1');
  if (fromZone) {
    if (name !== 'wix') throw new Error('zoneRecords is for the Wix panel (お名前.com is not the DNS host of the testbed zones)');
    url.searchParams.set(ZONE_RECORDS_PARAM, 'zone');
  }
  return url.href;
}

export interface PanelResponse {
  status: number;
  contentType: string;
  body: string;
}

const NOT_FOUND: PanelResponse = { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not part of the fixture panel' };

function scriptText(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1');
}

function wixPage(url: URL): string {
  const html = readFileSync(FIXTURE_FILES.wix, 'utf8');
  if (url.searchParams.get(ZONE_RECORDS_PARAM) !== 'zone') return html;
  const zone = (url.searchParams.get('domain') ?? 'example.jp').toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(zone)) throw new Error(`not a zone name: ${zone}`);
  const rows = wixRowsForZone(zone, zoneRecords(zone));
  const companion = readFileSync(join(E2E_FIXTURES_DIR, 'wix-zone-records.js'), 'utf8');
  const injected = `<script>window.__e2ePanelRecords = ${scriptText(JSON.stringify({ zone, rows }))};</script>\n<script>${scriptText(companion)}</script>\n`;
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error('the Wix fixture has no </body>');
  return html.slice(0, at) + injected + html.slice(at);
}

/**
 * What the fixture server answers for a URL on a panel host, or null when the host is not a panel.
 * Wix is a single-page app, so every page path gets the same document; お名前.com answers the DNS
 * record pages (input, and the confirm/done steps the fixture pushes itself).
 */
export function panelResponse(href: string): PanelResponse | null {
  const url = new URL(href);
  const panel = url.protocol === 'https:' ? PANEL_HOSTS[url.hostname] : undefined;
  if (!panel) return null;
  if (/\.(ico|png|svg|css|js|json|woff2?)$/i.test(url.pathname)) return NOT_FOUND;
  if (url.searchParams.get(FRAMEWORK_PARAM) === '1') {
    if (panel === 'onamae' && !url.pathname.startsWith('/domain/setting/dns/control/')) return NOT_FOUND;
    return { status: 200, contentType: 'text/html; charset=utf-8', body: frameworkPage(panel === 'wix' ? 'wix-wds' : 'onamae-angular') };
  }
  if (panel === 'wix') return { status: 200, contentType: 'text/html; charset=utf-8', body: wixPage(url) };
  if (!url.pathname.startsWith('/domain/setting/dns/control/')) return NOT_FOUND;
  return { status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(FIXTURE_FILES.onamae, 'utf8') };
}

/** Requests that may really go out: the loopback testbed (http/https/ws on 127.0.0.1, ::1, localhost). */
export function isLoopback(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return false;
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/** Extension and browser-internal URLs, which never touch the network. */
export function isLocalScheme(href: string): boolean {
  return /^(chrome-extension|moz-extension|data|blob|about|chrome):/i.test(href);
}
