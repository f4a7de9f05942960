// Rendering the overlay into a happy-dom container, with fake actions the tests can inspect.
import { render } from 'preact';
import { afterEach } from 'vitest';
import { act } from 'preact/test-utils';
import { Overlay } from '../../../components/overlay/Overlay';
import type { OverlayActions, OverlayProps } from '../../../components/overlay/Overlay';
import type { SessionView } from '../../../lib/content/session';
import type { Diagnosis, Fix } from '../../../lib/diagnosis/types';
import type { FillResult, PanelRecord } from '../../../lib/panels/types';
import type { ProviderChoice } from '../../../lib/mail/provider-choice';
import { userClickEvent, userKeyEvent } from './user-event';

export function doneView(diagnosis: Diagnosis, patch: Partial<SessionView> = {}): SessionView {
  return {
    detected: true,
    state: 'done',
    domain: diagnosis.domain,
    recordCount: 8,
    records: [],
    problems: [],
    progress: ['nameservers', 'spf', 'mx', 'dmarc', 'dkim', 'propagation', 'done'],
    diagnosis,
    cached: false,
    error: null,
    nowLive: [],
    recheckAt: null,
    providerChoice: null,
    ...patch,
  };
}

export interface FakeActions extends OverlayActions {
  applied: Fix[];
  copied: string[];
  rechecks: number;
  /** Every chooseProvider call, in order. */
  chosen: (ProviderChoice | null)[];
  fillResult: FillResult;
  copyWorks: boolean;
}

export function fakeActions(fillResult?: Partial<FillResult>): FakeActions {
  const actions: FakeActions = {
    applied: [],
    copied: [],
    rechecks: 0,
    chosen: [],
    copyWorks: true,
    fillResult: {
      ok: true,
      filled: { host: '', type: 'TXT', value: 'v=spf1 include:_spf.onamae.ne.jp ~all', ttl: '1 Hour' },
      problems: [],
      nextStep: 'save',
      saveLabel: 'Save',
      ...fillResult,
    },
    async apply(fix) {
      actions.applied.push(fix);
      return actions.fillResult;
    },
    async copy(text) {
      actions.copied.push(text);
      return actions.copyWorks;
    },
    recheck() {
      actions.rechecks++;
    },
    chooseProvider(choice) {
      actions.chosen.push(choice);
    },
  };
  return actions;
}

export interface Mounted {
  container: HTMLElement;
  /** Re-renders with changed props (as the content script does on every session update). */
  update(patch: Partial<OverlayProps>): void;
  q<E extends Element = HTMLElement>(selector: string): E;
  qa<E extends Element = HTMLElement>(selector: string): E[];
  text(): string;
  unmount(): void;
}

/**
 * `mount` for a test file: each test's overlay is unmounted and the page emptied after it. Call at the
 * file's top level (it registers the afterEach there).
 */
export function mountPerTest(): typeof mount {
  let mounted: Mounted | undefined;
  afterEach(() => {
    mounted?.unmount();
    mounted = undefined;
    document.body.replaceChildren();
  });
  return (props) => (mounted = mount(props));
}

export function mount(props: Partial<OverlayProps> & Pick<OverlayProps, 'view'>): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  let current: OverlayProps = { provider: 'wix', lang: 'en', recheckSeconds: 60, actions: fakeActions(), subscribe: () => () => {}, ...props };
  const draw = () => act(() => render(<Overlay {...current} />, container));
  draw();
  return {
    container,
    update(patch) {
      current = { ...current, ...patch };
      draw();
    },
    q: <E extends Element = HTMLElement>(selector: string) => {
      const el = container.querySelector<E>(selector);
      if (!el) throw new Error(`no ${selector}`);
      return el;
    },
    qa: <E extends Element = HTMLElement>(selector: string) => [...container.querySelectorAll<E>(selector)],
    text: () => container.textContent ?? '',
    unmount() {
      act(() => render(null, container));
      container.remove();
    },
  };
}

/** A user's click, waiting for the handlers' promises (apply/copy are async). */
export async function click(element: Element): Promise<void> {
  await act(async () => {
    userClickEvent(element);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export function key(element: Element, keyName: string): void {
  act(() => {
    userKeyEvent(element, keyName);
  });
}

/** A panel row with a box, for the badges. */
export function rowAt(fields: Omit<PanelRecord, 'row'>, box: { top: number; left: number; width: number; height: number }): PanelRecord {
  const row = document.createElement('tr');
  document.body.append(row);
  row.getBoundingClientRect = () =>
    ({ top: box.top, left: box.left, right: box.left + box.width, bottom: box.top + box.height, width: box.width, height: box.height, x: box.left, y: box.top, toJSON: () => ({}) }) as DOMRect;
  return { ...fields, row };
}
