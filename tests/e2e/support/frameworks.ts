// Panel-side facts of the framework fixtures (tests/fixtures/wix-wds, tests/fixtures/onamae-angular), read
// from the frameworks' own state, shared by the Chromium and Firefox suites.
import { expect, it } from 'vitest';
import { zoneText } from '../../dns-testbed/testbed';
import { screenshotPath } from './artifacts';
import type { OverlayPage } from './closed-root';
import type { EvaluatingPage, OverlaySnapshot } from './overlay';
import { fixActionIndex, scrollOverlayTo } from './scenarios';

export interface WdsSaved {
  type: string;
  host: string;
  value: string;
  ttl: number;
  recordId: number | null;
}

/** What the WDS fixture's Save stored: its React state at the moment of the click. */
export async function wdsSaved(page: EvaluatingPage): Promise<WdsSaved[]> {
  return (await page.evaluate('JSON.parse(JSON.stringify(window.__saved || []))')) as WdsSaved[];
}

/** The WDS editor's React state (null when no editor is open). */
export async function wdsDraft(page: EvaluatingPage): Promise<{ type: string; host: string; value: string; ttl: number } | null> {
  return (await page.evaluate('window.__wdsFixture && window.__wdsFixture.draft() ? JSON.parse(JSON.stringify(window.__wdsFixture.draft())) : null')) as {
    type: string;
    host: string;
    value: string;
    ttl: number;
  } | null;
}

/** Record rows the WDS table shows (a row being edited inline has inputs and is left out). */
export async function wdsRowCount(page: EvaluatingPage): Promise<number> {
  return (await page.evaluate(`Array.prototype.filter.call(document.querySelectorAll('tr[data-table-row]'), function (row) { return !row.querySelector('input'); }).length`)) as number;
}

export interface OnamaeAdded {
  host: string;
  type: string;
  ttl: string;
  value: string;
  status: string;
}

/** What the Angular fixture's 「追加」 queued: its ngModel at the moment of the click. */
export async function onamaeAdded(page: EvaluatingPage): Promise<OnamaeAdded[]> {
  return (await page.evaluate('JSON.parse(JSON.stringify(window.__added || []))')) as OnamaeAdded[];
}

/** The Angular add row's model right now. */
export async function onamaeModel(page: EvaluatingPage): Promise<{ host: string; type: string; value: string; ttl: string }> {
  return (await page.evaluate('JSON.parse(JSON.stringify(window.__onamaeAngular.model()))')) as { host: string; type: string; value: string; ttl: string };
}

/** example.jp with DNS at お名前.com (NS 01–04.dnsv.jp) and no SPF yet: the panel where Fill belongs. */
export function onamaeHostedWithoutSpf(): string {
  const text = zoneText('variants/example.jp.onamae.zone');
  const withoutSpf = text.split('\n').filter((line) => !line.includes('v=spf1')).join('\n');
  if (withoutSpf === text) throw new Error('variants/example.jp.onamae.zone has no SPF line to take out');
  return withoutSpf;
}

/** What both browsers' pages offer a scenario's cleanup (Playwright's and Puppeteer's Page alike). */
interface ScreenshotPage {
  isClosed(): boolean;
  screenshot(options: { path: string }): Promise<unknown>;
  close(): Promise<unknown>;
}

/** A test whose page is screenshotted (pass or fail) and closed at the end. */
export function frameworkScenario<P extends ScreenshotPage>(
  browser: 'chromium' | 'firefox',
  name: string,
  body: (run: { page?: P }) => Promise<void>,
  timeoutMs = 60_000,
): void {
  it(name, async () => {
    const run: { page?: P } = {};
    try {
      await body(run);
    } finally {
      if (run.page && !run.page.isClosed()) {
        await run.page.screenshot({ path: screenshotPath(browser, name) }).catch(() => {});
        await run.page.close().catch(() => {});
      }
    }
  }, timeoutMs);
}

/** Presses the overlay's Apply on the fix card showing `value` (the one place that clicks the overlay). */
export async function applyFixShowing(overlay: OverlayPage, value: string): Promise<void> {
  const index = await fixActionIndex(overlay, value, 'apply');
  expect(index, `an Apply button on the fix card showing ${value}`).toBeGreaterThanOrEqual(0);
  await scrollOverlayTo(overlay, { fixValue: value });
  await overlay.click('[data-action="apply"]', index);
}

/** The overlay's header on a framework page: one host, done, this panel, example.jp, the rows rendered. */
export function expectFrameworkHeader(overlay: OverlaySnapshot, panel: 'wix' | 'onamae', rows: number): void {
  expect(overlay.hosts).toBe(1);
  expect(overlay.state).toBe('done');
  expect(overlay.provider).toBe(panel);
  expect(overlay.domain).toBe('example.jp');
  expect(overlay.recordCount, 'data-record-count = record rows the framework rendered').toBe(String(rows));
}
