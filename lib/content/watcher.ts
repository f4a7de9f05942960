// The content script's one MutationObserver. It watches the narrowest stable container of the panel's
// records (the whole body only until the table appears), waits for a quiet moment (debounce) before
// asking for a re-read, and disconnects once the page has been quiet for a while: an idle panel costs
// nothing. The content script wakes it again on user interaction and on SPA navigation.

export interface Timers {
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const DEFAULT_DEBOUNCE_MS = 250;
/**
 * While the records are not on the page yet (the whole body is watched), settle much sooner: the first
 * read is what the user waits for, and a read that finds nothing costs well under a millisecond.
 */
export const DEFAULT_FIRST_READ_DEBOUNCE_MS = 30;
export const DEFAULT_IDLE_MS = 30_000;

/** Attribute changes that can change what a reader sees; class and style churn (hover, focus) is left out. */
const WATCHED_ATTRIBUTES = ['data-hook', 'hidden', 'value', 'checked', 'selected', 'disabled', 'aria-hidden'];

/** Our own UI carries this attribute; its changes never count as page changes. */
export const OWN_UI_ATTRIBUTE = 'data-spf-doctor';

export function isOwnNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(`[${OWN_UI_ATTRIBUTE}]`) != null;
}

export interface PanelWatcherOptions {
  doc: Document;
  /** The narrowest stable element holding the records, or null while they are not on the page. */
  findContainer(): Element | null;
  /** Called once per quiet period that followed relevant changes (and after `wake({ settle: true })`). */
  onSettled(): void;
  debounceMs?: number;
  firstReadDebounceMs?: number;
  idleMs?: number;
  timers?: Timers;
}

export type WatcherState = 'observing' | 'idle' | 'stopped';

export interface PanelWatcher {
  /** Re-arms the observer if it went idle; with `settle`, also schedules a re-read. */
  wake(options?: { settle?: boolean }): void;
  stop(): void;
  readonly state: WatcherState;
  /** The node observed now (null when idle or stopped). */
  readonly target: Node | null;
}

function relevantRecord(m: MutationRecord): boolean {
  if (isOwnNode(m.target)) return false;
  if (m.type !== 'childList') return true;
  // Our own host being added or removed under the page's body is our doing, not the page's.
  const changed = [...Array.from(m.addedNodes), ...Array.from(m.removedNodes)];
  return changed.length === 0 || changed.some((node) => !(node.nodeType === 1 && (node as Element).hasAttribute(OWN_UI_ATTRIBUTE)));
}

export function createPanelWatcher(options: PanelWatcherOptions): PanelWatcher {
  const { doc, findContainer, onSettled } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const firstReadDebounceMs = options.firstReadDebounceMs ?? Math.min(DEFAULT_FIRST_READ_DEBOUNCE_MS, debounceMs);
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const timers: Timers = options.timers ?? {
    setTimeout: (handler, ms) => globalThis.setTimeout(handler, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;

  let state: WatcherState = 'idle';
  let target: Node | null = null;
  /** The node observed last, kept while idle to tell on waking whether the page replaced it. */
  let lastObserved: Node | null = null;
  let debounceTimer: unknown;
  let idleTimer: unknown;

  const clear = (handle: unknown): undefined => {
    if (handle !== undefined) timers.clearTimeout(handle);
    return undefined;
  };

  const observer = new Observer((mutations) => {
    if (state !== 'observing') return;
    const watched = target;
    const hit = mutations.some((m) => {
      // A record from one of the container's ancestors (watched childList-only) matters only when that
      // change took the container itself off the page (a re-render replaced the whole panel).
      if (watched && m.target !== watched && !watched.contains(m.target)) return !watched.isConnected;
      return relevantRecord(m);
    });
    if (!hit) return;
    scheduleSettle();
    resetIdle();
  });

  function pickTarget(): Node | null {
    const container = findContainer();
    if (container?.isConnected) return container;
    return doc.body ?? doc.documentElement;
  }

  function observe(node: Node | null): void {
    observer.disconnect();
    target = node;
    if (!node) return;
    lastObserved = node;
    observer.observe(node, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    // The container's ancestors, direct children only: enough to notice the container being replaced.
    for (let up = node.parentNode; up && up !== doc; up = up.parentNode) observer.observe(up, { childList: true });
  }

  function resetIdle(): void {
    idleTimer = clear(idleTimer);
    idleTimer = timers.setTimeout(goIdle, idleMs);
  }

  function goIdle(): void {
    idleTimer = undefined;
    debounceTimer = clear(debounceTimer);
    observer.disconnect();
    target = null;
    if (state === 'observing') state = 'idle';
  }

  function scheduleSettle(): void {
    debounceTimer = clear(debounceTimer);
    const waitingForRecords = target === null || target === doc.body || target === doc.documentElement;
    debounceTimer = timers.setTimeout(settle, waitingForRecords ? firstReadDebounceMs : debounceMs);
  }

  function settle(): void {
    debounceTimer = undefined;
    if (state !== 'observing') return;
    try {
      onSettled();
    } finally {
      // The table may have appeared (narrow down from body) or been replaced (widen again).
      if (state === 'observing') {
        const next = pickTarget();
        if (next !== target) observe(next);
      }
    }
  }

  function wake(wakeOptions: { settle?: boolean } = {}): void {
    if (state === 'stopped') return;
    let settle = wakeOptions.settle === true;
    if (state === 'idle' || !target?.isConnected) {
      // A container that vanished while we were idle means the page re-rendered: read it again.
      if (lastObserved && !lastObserved.isConnected) settle = true;
      state = 'observing';
      observe(pickTarget());
    }
    resetIdle();
    if (settle) scheduleSettle();
  }

  wake();

  return {
    wake,
    stop(): void {
      state = 'stopped';
      debounceTimer = clear(debounceTimer);
      idleTimer = clear(idleTimer);
      observer.disconnect();
      target = null;
    },
    get state() {
      return state;
    },
    get target() {
      return target;
    },
  };
}

/** The deepest element containing every row (null for no rows), never above `limit`. */
export function commonAncestor(rows: readonly Element[], limit: Element | null): Element | null {
  const [first, ...rest] = rows;
  if (!first) return null;
  let candidate: Element | null = first.parentElement;
  while (candidate && !rest.every((row) => candidate!.contains(row))) candidate = candidate.parentElement;
  if (!candidate || (limit && !limit.contains(candidate))) return limit;
  return candidate;
}

/**
 * A container for the record rows that survives ordinary re-renders: their common ancestor, lifted a
 * couple of levels (frameworks often replace a table's body or a section, rarely the page's panel),
 * but never the body itself.
 */
export function stableContainer(rows: readonly Element[], body: Element | null, lift = 2): Element | null {
  let container = commonAncestor(rows, body);
  if (!container || container === body) return null;
  for (let i = 0; i < lift; i++) {
    const parent: Element | null = container.parentElement;
    if (!parent || parent === body || parent === body?.parentElement) break;
    container = parent;
  }
  return container;
}
