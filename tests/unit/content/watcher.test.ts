// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OWN_UI_ATTRIBUTE, commonAncestor, createPanelWatcher, stableContainer } from '../../../lib/content/watcher';
import type { PanelWatcher } from '../../../lib/content/watcher';

/** Lets MutationObserver callbacks (microtasks) run, then moves the fake clock. */
async function advance(ms: number): Promise<void> {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

function table(rows = 2): HTMLElement {
  const section = document.createElement('section');
  section.innerHTML = `<div class="panel"><div class="card"><table><tbody>${'<tr><td>row</td></tr>'.repeat(rows)}</tbody></table></div></div>`;
  return section;
}

describe('createPanelWatcher', () => {
  let watcher: PanelWatcher | undefined;
  let container: Element | null;
  let settled: number;

  const start = (options: { idleMs?: number } = {}): PanelWatcher =>
    (watcher = createPanelWatcher({
      doc: document,
      findContainer: () => container,
      onSettled: () => settled++,
      ...options,
    }));

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    container = null;
    settled = 0;
  });

  afterEach(() => {
    watcher?.stop();
    watcher = undefined;
    vi.useRealTimers();
  });

  it('debounces a burst of changes to the records into one re-read 250 ms after the last', async () => {
    const section = table();
    document.body.append(section);
    container = section.querySelector('.card');
    start();
    expect(watcher!.target).toBe(container);
    const tbody = container!.querySelector('tbody')!;
    for (let i = 0; i < 5; i++) {
      tbody.append(document.createElement('tr'));
      await advance(100);
    }
    // 100 ms have passed since the last mutation.
    expect(settled).toBe(0);
    await advance(149);
    expect(settled).toBe(0);
    await advance(1);
    expect(settled).toBe(1);
    await advance(1000);
    expect(settled).toBe(1);
  });

  it('reads within 30 ms of the page going quiet while the records are not on the page yet', async () => {
    start();
    expect(watcher!.target).toBe(document.body);
    for (let i = 0; i < 3; i++) {
      document.body.append(document.createElement('div'));
      await advance(20);
    }
    expect(settled).toBe(0);
    await advance(10);
    expect(settled).toBe(1);
  });

  it('watches the body only until the records appear, then their container', async () => {
    start();
    expect(watcher!.target).toBe(document.body);
    const section = table();
    document.body.append(section);
    container = section.querySelector('.card');
    await advance(30);
    expect(settled).toBe(1);
    expect(watcher!.target).toBe(container);
    // Changes outside the container are no longer seen.
    document.body.append(document.createElement('aside'));
    await advance(300);
    expect(settled).toBe(1);
    container!.querySelector('tbody')!.append(document.createElement('tr'));
    await advance(250);
    expect(settled).toBe(2);
  });

  it('ignores changes inside our own UI and our own host coming and going', async () => {
    start();
    const host = document.createElement('spf-doctor-overlay');
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    document.body.append(host);
    await advance(300);
    host.append(document.createElement('div'));
    host.setAttribute('data-hook', 'x');
    await advance(300);
    host.remove();
    await advance(300);
    expect(settled).toBe(0);
  });

  it('counts a watched attribute change but not class churn', async () => {
    const section = table();
    document.body.append(section);
    container = section.querySelector('.card');
    start();
    container!.querySelector('td')!.className = 'hover';
    await advance(300);
    expect(settled).toBe(0);
    container!.querySelector('td')!.setAttribute('data-hook', 'dns-records--table-content--value--view');
    await advance(250);
    expect(settled).toBe(1);
  });

  it('disconnects after 30 s without relevant mutations and stays quiet until woken', async () => {
    start();
    await advance(29_999);
    expect(watcher!.state).toBe('observing');
    await advance(1);
    expect(watcher!.state).toBe('idle');
    expect(watcher!.target).toBeNull();
    document.body.append(document.createElement('div'));
    await advance(1000);
    expect(settled).toBe(0);

    watcher!.wake();
    expect(watcher!.state).toBe('observing');
    document.body.append(document.createElement('div'));
    await advance(250);
    expect(settled).toBe(1);
  });

  it('keeps observing while mutations keep coming (each resets the idle clock)', async () => {
    start({ idleMs: 1000 });
    for (let i = 0; i < 5; i++) {
      await advance(800);
      document.body.append(document.createElement('div'));
    }
    await advance(0);
    expect(watcher!.state).toBe('observing');
    await advance(1000);
    expect(watcher!.state).toBe('idle');
  });

  it('wake({ settle: true }) re-reads once even without a mutation (typed input values)', async () => {
    start();
    watcher!.wake({ settle: true });
    watcher!.wake({ settle: true });
    await advance(250);
    expect(settled).toBe(1);
  });

  it('falls back to the body when the watched container is replaced by a re-render', async () => {
    const section = table();
    document.body.append(section);
    container = section.querySelector('.card');
    start();
    expect(watcher!.target).toBe(container);
    section.remove();
    const fresh = table();
    document.body.append(fresh);
    container = null;
    watcher!.wake();
    expect(watcher!.target).toBe(document.body);
  });

  it('does nothing after stop()', async () => {
    start();
    watcher!.stop();
    document.body.append(document.createElement('div'));
    watcher!.wake({ settle: true });
    await advance(1000);
    expect(settled).toBe(0);
    expect(watcher!.state).toBe('stopped');
  });
});

describe('container choice', () => {
  it('commonAncestor is the deepest element holding every row', () => {
    const section = table(3);
    document.body.replaceChildren(section);
    const rows = [...section.querySelectorAll('tr')];
    expect(commonAncestor(rows, document.body)).toBe(section.querySelector('tbody'));
    expect(commonAncestor(rows.slice(0, 1), document.body)).toBe(section.querySelector('tbody'));
    expect(commonAncestor([], document.body)).toBeNull();
  });

  it('stableContainer lifts the common ancestor two levels but never to the body', () => {
    const section = table(2);
    document.body.replaceChildren(section);
    const rows = [...section.querySelectorAll('tr')];
    expect(stableContainer(rows, document.body)).toBe(section.querySelector('.card'));
    expect(stableContainer(rows, document.body, 10)).toBe(section);
    expect(stableContainer([], document.body)).toBeNull();
  });
});

describe('re-renders that replace the whole panel', () => {
  let watcher: PanelWatcher | undefined;
  afterEach(() => {
    watcher?.stop();
    vi.useRealTimers();
  });

  it('notices the watched container being replaced (from its ancestors) and moves to the new one', async () => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    const app = document.createElement('div');
    document.body.append(app);
    const first = table();
    app.append(first);
    let container: Element | null = first.querySelector('.card');
    let settled = 0;
    watcher = createPanelWatcher({ doc: document, findContainer: () => container, onSettled: () => settled++ });
    expect(watcher.target).toBe(container);

    // Unrelated changes next to the panel do not count…
    app.append(document.createElement('div'));
    await advance(300);
    expect(settled).toBe(0);

    // …but the framework swapping the panel out does.
    const second = table();
    app.replaceChildren(second);
    container = second.querySelector('.card');
    await advance(250);
    expect(settled).toBe(1);
    expect(watcher.target).toBe(container);
  });

  it('re-reads on waking when the container vanished while idle', async () => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    const first = table();
    document.body.append(first);
    let container: Element | null = first.querySelector('.card');
    let settled = 0;
    watcher = createPanelWatcher({ doc: document, findContainer: () => container, onSettled: () => settled++, idleMs: 1000 });
    await advance(1000);
    expect(watcher.state).toBe('idle');
    first.remove();
    container = null;
    watcher.wake();
    await advance(250);
    expect(settled).toBe(1);
    expect(watcher.target).toBe(document.body);
  });
});
