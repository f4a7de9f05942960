// What the content script itself does on every page of the panel's host: a cheap DOM check, and only
// when it says "DNS records page" does it load the overlay module (the panel adapter, the watcher, the
// UI). The panels are SPAs that render after load and after each navigation, so a negative check is
// repeated a few times at growing gaps after load and after each URL change, then nothing runs: no
// observer, no timer, until the next navigation.

import type { Timers } from './watcher';

/**
 * Gaps (ms) between the checks that follow a negative one: dense while the page is most likely still
 * rendering (each check costs well under a millisecond, and the gap is latency the user sees), then
 * sparser; about 21 s of checks in all, then none.
 */
export const RECHECK_GAPS_MS: readonly number[] = [...Array<number>(10).fill(50), ...Array<number>(5).fill(100), 250, 500, 1000, 2000, 3000, 5000, 8000];

export interface PanelLoaderDeps {
  doc: Document;
  /** The cheap check: is this the panel's DNS records page? Reads the DOM, never forces a layout. */
  detect(doc: Document): boolean;
  /** Loads and starts the overlay; called at most once. */
  load(): void;
  timers: Timers;
  /** Subscribes to the SPA's URL changes. */
  onNavigate(listener: () => void): void;
}

export interface PanelLoader {
  /** The checks made so far (for tests and the host-page bench). */
  readonly checks: number;
  readonly loaded: boolean;
}

export function startPanelLoader(deps: PanelLoaderDeps): PanelLoader {
  let checks = 0;
  let loaded = false;
  let step = 0;
  let timer: unknown;

  const detected = (): boolean => {
    checks++;
    try {
      return deps.detect(deps.doc);
    } catch {
      return false;
    }
  };

  function check(): void {
    timer = undefined;
    if (loaded) return;
    if (detected()) {
      loaded = true;
      deps.load();
      return;
    }
    const gap = RECHECK_GAPS_MS[step++];
    if (gap !== undefined) timer = deps.timers.setTimeout(check, gap);
  }

  deps.onNavigate(() => {
    if (loaded) return;
    if (timer !== undefined) deps.timers.clearTimeout(timer);
    step = 0;
    check();
  });
  check();

  return {
    get checks() {
      return checks;
    },
    get loaded() {
      return loaded;
    },
  };
}
