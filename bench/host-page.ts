// Benchmark: what the extension costs the page it sits in. Debian Chromium, a 1000-record panel page
// (Wix and お名前.com, static markup from tests/fixtures/large-panels.ts), loaded with the built
// extension and without it, in the same run:
//   - long tasks: a PerformanceObserver('longtask') registered before the page's own scripts, from load
//     until the overlay shows its answer (or the same wait without the extension). Budget: no long task
//     over 50 ms that the page without the extension does not have.
//   - idle: with the overlay shown and nobody touching the page, 10 s of Chromium's own timeline trace
//     (CDP Tracing, devtools.timeline) for the page's frame: timer fires, animation frames, idle
//     callbacks and JS entered from the browser (observer callbacks, listeners). Budget: none of ours.
// The DoH resolvers are unreachable here (the harness's dead proxy): the diagnosis fails fast, which
// leaves the page work (detect, read 1000 rows, render) to measure; the e2e suite times verdicts.
//   npx tsx bench/host-page.ts     (builds the extension first when .output/chrome-mv3 is missing)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { buildExtension } from '../tests/e2e/support/build';
import { CHROME_EXTENSION_DIR, CHROMIUM_PATH } from '../tests/e2e/support/paths';
import { LARGE_PANEL_URLS, largeOnamaeHtml, largeWixHtml } from '../tests/fixtures/large-panels';

const RECORDS = 1000;
const RUNS = 3;
const IDLE_MS = 10_000;
const LONG_TASK_MS = 50;
/** Without the extension there is no overlay to wait for: the same time is given to the page. */
const SETTLE_MS = 1500;

export interface HostPageResult {
  panel: 'wix' | 'onamae';
  with: Measured;
  without: Measured;
}

const LONG_TASK_PROBE = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'spf-doctor-host-page-'));
  const extensionArgs = withExtension ? [`--disable-extensions-except=${CHROME_EXTENSION_DIR}`, `--load-extension=${CHROME_EXTENSION_DIR}`] : [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...extensionArgs, '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-background-networking', '--proxy-server=http://127.0.0.1:9'],
  });
  return { context, close: async () => (await context.close().catch(() => {}), rmSync(userDataDir, { recursive: true, force: true })) };
}

async function openPanel(page: Page, panel: 'wix' | 'onamae'): Promise<void> {
  const html = panel === 'wix' ? largeWixHtml(RECORDS) : largeOnamaeHtml(RECORDS);
  await page.route(LARGE_PANEL_URLS[panel], (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  // Nothing else reaches the network; the extension's own files (chrome-extension:) must go through.
  await page.route((url) => /^https?:/.test(url.protocol) && !url.href.startsWith(LARGE_PANEL_URLS[panel]), (route) => route.abort('blockedbyclient'));
  await page.addInitScript({ content: LONG_TASK_PROBE });
  await page.goto(LARGE_PANEL_URLS[panel]);
}

/** Until the overlay has an answer (done or error), or the same settle time without the extension. */
async function settle(page: Page, withExtension: boolean): Promise<void> {
  if (withExtension) {
    await page.waitForFunction(() => /^(done|error)$/.test(document.querySelector('spf-doctor-overlay')?.getAttribute('data-state') ?? ''), undefined, { timeout: 30_000 });
  }
  await page.waitForTimeout(SETTLE_MS);
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  args?: { data?: { frame?: string; url?: string }; beginData?: { dirtyObjects?: number; totalObjects?: number } };
}

/** A layout that touched at least this many layout objects re-laid out the panel, not a few boxes. */
const WHOLE_PAGE_LAYOUT_OBJECTS = 1000;

/**
 * Layouts of (nearly) the whole page during load, from the trace: a count, so the load of the machine
 * does not change it the way it changes milliseconds. What the extension adds is the with/without difference.
 */
function wholePageLayouts(events: TraceEvent[]): number {
  return events.filter((e) => e.name === 'Layout' && e.ph !== 'E' && (e.args?.beginData?.dirtyObjects ?? 0) >= WHOLE_PAGE_LAYOUT_OBJECTS).length;
}

async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (payload) => void events.push(...(payload.value as unknown as TraceEvent[])));
  await session.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute'] }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await complete;
    await session.detach();
    return events;
  };
}

/** Script entered from the browser: the content script's first run, timers, frames, listeners, observers. */
const ENTRY_EVENTS = new Set(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback', 'EventDispatch']);

/** Our pieces of work: script of the extension entered from the browser (the page's own never counts). */
function ours(events: TraceEvent[]): TraceEvent[] {
  return events.filter((e) => e.ph === 'X' && ENTRY_EVENTS.has(e.name) && /^chrome-extension:/.test(e.args?.data?.url ?? ''));
}

/** Longest piece of our work, wall clock and thread (CPU) time, in ms; layout we force inside it counts. */
function longestOfOurs(events: TraceEvent[]): { wallMs: number; threadMs: number; count: number } {
  const mine = ours(events);
  return {
    wallMs: Math.max(0, ...mine.map((e) => (e.dur ?? 0) / 1000)),
    threadMs: Math.max(0, ...mine.map((e) => (e.tdur ?? e.dur ?? 0) / 1000)),
    count: mine.length,
  };
}

/** 10 s of an idle page; first a short trace with one timer, so a trace that sees nothing fails. */
async function idleTrace(page: Page): Promise<number> {
  const stopCalibration = await startTrace(page);
  await page.evaluate('setTimeout(() => {}, 10)');
  await page.waitForTimeout(300);
  if (!(await stopCalibration()).some((e) => e.name === 'TimerFire')) throw new Error('the timeline trace saw no timer fire: wrong categories');
  const stop = await startTrace(page);
  await page.waitForTimeout(IDLE_MS);
  return ours(await stop()).length;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Measured {
  /** PerformanceObserver long tasks: longest (median over runs) and the most over 50 ms in a run. */
  longTaskMs: number;
  longTasksOver: number;
  /** Layouts of the whole page during load (the most in a run). */
  wholeLayouts: number;
  /** Our longest piece of work during load (median over runs), from the timeline trace. */
  oursWallMs: number;
  oursThreadMs: number;
  /** Pieces of our work during 10 s of the idle page. */
  idleOurs: number;
}

async function measure(panel: 'wix' | 'onamae', withExtension: boolean): Promise<Measured> {
  const browser = await launch(withExtension);
  try {
    const longest: number[] = [];
    const wall: number[] = [];
    const thread: number[] = [];
    let over = 0;
    let wholeLayouts = 0;
    let idleOurs = 0;
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.context.newPage();
      const stop = await startTrace(page);
      await openPanel(page, panel);
      await settle(page, withExtension);
      const events = await stop();
      const mine = longestOfOurs(events);
      wholeLayouts = Math.max(wholeLayouts, wholePageLayouts(events));
      if (withExtension && mine.count === 0) throw new Error('the trace shows no work of the extension: is it loaded?');
      wall.push(mine.wallMs);
      thread.push(mine.threadMs);
      const tasks = (await page.evaluate('window.__longTasks')) as number[];
      longest.push(Math.max(0, ...tasks));
      over = Math.max(over, tasks.filter((ms) => ms > LONG_TASK_MS).length);
      // The idle trace once, on the last page.
      if (run === RUNS - 1) idleOurs = await idleTrace(page);
      await page.close();
    }
    return { longTaskMs: median(longest), longTasksOver: over, wholeLayouts, oursWallMs: median(wall), oursThreadMs: median(thread), idleOurs };
  } finally {
    await browser.close();
  }
}

export async function benchHostPage(): Promise<HostPageResult[]> {
  if (!existsSync(CHROMIUM_PATH)) return [];
  if (!existsSync(join(CHROME_EXTENSION_DIR, 'manifest.json'))) await buildExtension({ quiet: true });
  const results: HostPageResult[] = [];
  for (const panel of ['wix', 'onamae'] as const) {
    const without = await measure(panel, false);
    results.push({ panel, without, with: await measure(panel, true) });
  }
  return results;
}

export const HOST_PAGE_BUDGET = { longestOfOursMs: LONG_TASK_MS, idleOurs: 0, idleSeconds: IDLE_MS / 1000 };

export function describeHostPage(r: HostPageResult): string {
  return (
    `longest piece of our work ${r.with.oursThreadMs.toFixed(1)} ms thread time (${r.with.oursWallMs.toFixed(1)} ms wall); ` +
    `page long tasks: longest ${r.with.longTaskMs.toFixed(0)} ms with the extension vs ${r.without.longTaskMs.toFixed(0)} ms without, ` +
    `over ${LONG_TASK_MS} ms ${r.with.longTasksOver} vs ${r.without.longTasksOver}; ` +
    `whole-page layouts ${r.with.wholeLayouts} vs ${r.without.wholeLayouts}; idle ${IDLE_MS / 1000} s: ${r.with.idleOurs} pieces of our work`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchHostPage()) console.log(`${r.panel}: ${describeHostPage(r)}`);
}
