// Shared by the watch scenarios in both browsers: the seed zone with a short TTL (so the watch's
// TTL-driven schedule runs in seconds), the test-only fast schedule, and reading the watches back.
import { zoneText } from '../../dns-testbed/testbed';
import type { DnsTestbed } from '../../dns-testbed/testbed';
import { WATCH_TUNING_KEY } from '../../../lib/watch/tuning';
import type { Watch } from '../../../lib/watch/types';
import type { EvaluatingPage } from './overlay';
import { wixSeedApexTxt } from './seed';
import { withApexTxt } from './zone-records';

/** Apex TXT TTL for the watch scenarios: a cached answer "expires" within seconds. */
export const WATCH_TTL = 2;
/** A value the zone answers that is neither the old data nor the record saved: verdict "different". */
export const OTHER_SPF = 'v=spf1 include:_spf.google.com ~all';

/** example.jp publishing the Wix seed's apex TXT plus `extra`, every apex TXT with TTL WATCH_TTL. */
export async function publishWatchZone(bed: Pick<DnsTestbed, 'reloadZone'>, extra: readonly string[] = []): Promise<void> {
  const text = withApexTxt('example.jp', zoneText('example.jp.zone'), [...(await wixSeedApexTxt()), ...extra]);
  await bed.reloadZone('example.jp', text.replace(/^@ 60 IN TXT /gm, `@ ${WATCH_TTL} IN TXT `));
}

/** Two labels for the one loopback DoH server, so a watch follows (and names) two resolvers. */
export function watchResolvers(dohUrl: string): { label: string; url: string }[] {
  return [
    { label: 'Loopback A', url: dohUrl },
    { label: 'Loopback B', url: dohUrl.replace('127.0.0.1', 'localhost') },
  ];
}

/** In an extension page: the test-only one-second floor for the watch schedule. */
export const SET_FAST_SCHEDULE = `(async () => { const api = globalThis.browser ?? globalThis.chrome; await api.storage.local.set({ ${JSON.stringify(WATCH_TUNING_KEY)}: { floorSeconds: 1 } }); return true; })()`;

/** In an extension page: the stored watches and the action badge's text. */
export const READ_WATCHES = `(async () => { const api = globalThis.browser ?? globalThis.chrome; return { watches: (await api.storage.local.get('watches')).watches ?? [], badge: await api.action.getBadgeText({}) }; })()`;

export interface WatchState {
  watches: Watch[];
  badge: string;
}

export async function readWatches(page: EvaluatingPage): Promise<WatchState> {
  return (await page.evaluate(READ_WATCHES)) as WatchState;
}

/** Polls an extension page until `condition` holds for the stored watches; the error shows the last state. */
export async function waitForWatches(page: EvaluatingPage, condition: (state: WatchState) => boolean, description: string, timeoutMs = 30_000): Promise<WatchState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await readWatches(page);
    if (condition(state)) return state;
    if (Date.now() > deadline) throw new Error(`watch: ${description} not reached within ${timeoutMs} ms; last: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** In the overlay (closed root, through support/closed-root.ts): the watch notice, "started" / "failed" / null. */
export const OVERLAY_WATCH_STATUS = `function (root) { var el = root && root.querySelector('[data-watch-status]'); return el ? el.getAttribute('data-watch-status') : null; }`;

/** In the overlay: the label of the panel button it points at after a Fill, or null. */
export const POINTER_LABEL = `function (root) { var el = root && root.querySelector('[data-pointer]'); return el ? el.getAttribute('data-pointer') : null; }`;

/** In the popup: each resolver row of the first watch as "label verdict history-count observations". */
export const POPUP_WATCH_ROWS = `(() => [...document.querySelectorAll('[data-watch] [data-resolver]')].map((row) => ({
  resolver: row.getAttribute('data-resolver'),
  verdict: row.getAttribute('data-verdict'),
  observations: [...row.querySelectorAll('[data-observation]')].map((o) => o.getAttribute('data-observation')),
  text: row.querySelector('.watch-verdict')?.textContent ?? '',
})))()`;

export interface PopupWatchRow {
  resolver: string;
  verdict: string;
  observations: string[];
  text: string;
}
