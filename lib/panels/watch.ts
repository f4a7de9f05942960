// Keeping up with a panel that renders late and re-renders: one MutationObserver (plus input/change
// and history events) schedules a debounced re-detect + re-read, and the callback runs only when
// what was read changed. Once the page is quiet nothing runs: no polling, no timers.

import { adapters as defaultAdapters } from './registry';
import type { PanelAdapter, PanelRead } from './types';

export interface WatchOptions {
  /** Quiet time after the last change before re-reading (ms). Default 150. */
  debounceMs?: number;
  /** Longest a stream of changes can put a re-read off (ms). Default 1000. */
  maxWaitMs?: number;
  /** The page URL now (SPA navigation changes it). Default: the document's URL. */
  getUrl?: () => string;
  /** Nodes of the extension's own UI, whose changes are ignored. Default: inside [data-spf-doctor]. */
  isOwnNode?: (node: Node) => boolean;
  adapters?: readonly PanelAdapter[];
}

export interface PanelSnapshot {
  url: string;
  adapter: PanelAdapter | null;
  read: PanelRead | null;
}

export interface PanelWatch {
  /** Detects and reads now (and calls back if that changed anything). */
  refresh(): PanelSnapshot;
  stop(): void;
  readonly current: PanelSnapshot;
  /** How many times the page has been read (for tests and diagnostics). */
  readonly reads: number;
}

const OWN_UI_ATTRIBUTE = 'data-spf-doctor';

function defaultIsOwnNode(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(`[${OWN_UI_ATTRIBUTE}]`) != null;
}

/** Row elements get stable ids so a re-render that replaces rows (badges lose their anchor) counts as a change. */
function signature(snapshot: PanelSnapshot, rowIds: WeakMap<Element, number>, nextId: () => number): string {
  const { adapter, read } = snapshot;
  if (!adapter || !read) return 'none';
  const idOf = (row: Element): number => {
    let id = rowIds.get(row);
    if (id === undefined) rowIds.set(row, (id = nextId()));
    return id;
  };
  const rows = [...read.records, ...read.pending].map((r) =>
    [idOf(r.row), r.host, r.type, r.ttl, r.value, r.priority, r.status, r.pending ? 1 : 0, r.readOnly ? 1 : 0].join('\u0001'),
  );
  return [adapter.id, read.domain, read.nsDnsvFlg, read.problems.map((p) => p.code).join(','), ...rows].join('\u0002');
}

export function watchPanel(doc: Document, onChange: (snapshot: PanelSnapshot) => void, options: WatchOptions = {}): PanelWatch {
  const view = doc.defaultView;
  const timers = view ?? globalThis;
  const debounceMs = options.debounceMs ?? 150;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  const getUrl = options.getUrl ?? (() => doc.URL);
  const isOwnNode = options.isOwnNode ?? defaultIsOwnNode;
  const adapters = options.adapters ?? defaultAdapters;

  const rowIds = new WeakMap<Element, number>();
  let lastId = 0;
  let reads = 0;
  let lastSignature = '';
  let current: PanelSnapshot = { url: getUrl(), adapter: null, read: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstQueuedAt = 0;
  let stopped = false;

  const refresh = (): PanelSnapshot => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    firstQueuedAt = 0;
    const url = getUrl();
    const adapter = adapters.find((a) => a.detect(url, doc)) ?? null;
    const read = adapter ? adapter.read(doc) : null;
    if (adapter) reads++;
    current = { url, adapter, read };
    const next = signature(current, rowIds, () => ++lastId);
    if (next !== lastSignature) {
      lastSignature = next;
      onChange(current);
    }
    return current;
  };

  const schedule = (): void => {
    if (stopped) return;
    const now = Date.now();
    if (firstQueuedAt === 0) firstQueuedAt = now;
    if (timer !== undefined) timers.clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstQueuedAt + maxWaitMs - now));
    timer = timers.setTimeout(refresh, wait);
  };

  const Observer = view?.MutationObserver ?? globalThis.MutationObserver;
  const observer = new Observer((mutations) => {
    const relevant = mutations.some((m) => {
      if (isOwnNode(m.target)) return false;
      if (m.type !== 'childList') return true;
      const changed = [...Array.from(m.addedNodes), ...Array.from(m.removedNodes)];
      // Our own nodes appearing or disappearing under a page node are still our own doing.
      return changed.length === 0 || changed.some((node) => !isOwnNode(node) && !(node.nodeType === 1 && (node as Element).hasAttribute(OWN_UI_ATTRIBUTE)));
    });
    if (relevant) schedule();
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-hook', 'hidden'] });

  const onEvent = (event: Event): void => {
    const target = event.target as Node | null;
    if (target && isOwnNode(target)) return;
    schedule();
  };
  doc.addEventListener('input', onEvent, true);
  doc.addEventListener('change', onEvent, true);
  view?.addEventListener('popstate', schedule);
  view?.addEventListener('hashchange', schedule);

  refresh();

  return {
    refresh,
    stop(): void {
      stopped = true;
      observer.disconnect();
      if (timer !== undefined) timers.clearTimeout(timer);
      doc.removeEventListener('input', onEvent, true);
      doc.removeEventListener('change', onEvent, true);
      view?.removeEventListener('popstate', schedule);
      view?.removeEventListener('hashchange', schedule);
    },
    get current() {
      return current;
    },
    get reads() {
      return reads;
    },
  };
}
