// Small DOM helpers for the Preact component tests (happy-dom): mount, type, click, wait for updates,
// and a runtime-port double that records what was posted and lets a test answer.
import { render } from 'preact';
import type { ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import type { PortLike } from '../../../components/popup/port';
import { userClickEvent } from '../overlay/user-event';

export function mount(vnode: ComponentChild): { container: HTMLElement; unmount(): void } {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(vnode, container));
  return {
    container,
    unmount: () => {
      act(() => render(null, container));
      container.remove();
    },
  };
}

/** Lets pending promises and Preact's batched renders run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export function typeInto(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Sets a value and fires `change` (what a select, or a number box on blur, sends). */
export function changeTo(element: HTMLInputElement | HTMLSelectElement, value: string): void {
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(element: Element | null | undefined): void {
  if (!element) throw new Error('nothing to click');
  // As a user clicks (isTrusted): the shared fix card's Copy acts only on that.
  act(() => userClickEvent(element));
}

export function submit(form: Element | null | undefined): void {
  if (!form) throw new Error('no form');
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

export function $(root: ParentNode, selector: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no element matches ${selector}`);
  return found;
}

export function textOf(root: ParentNode, selector: string): string {
  return $(root, selector).textContent ?? '';
}

/** The popup's side of a runtime port; `receive`/`close` play the background. */
export class FakePort implements PortLike {
  readonly posted: unknown[] = [];
  disconnected = false;
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];

  readonly onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  readonly onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };

  postMessage(message: unknown): void {
    this.posted.push(message);
  }

  disconnect(): void {
    this.disconnected = true;
  }

  /** The background posts a message (as structured data: a copy, never the test's object). */
  receive(message: unknown): void {
    for (const listener of this.messageListeners) listener(JSON.parse(JSON.stringify(message)));
  }

  /** The background side goes away. */
  close(): void {
    for (const listener of this.disconnectListeners) listener();
  }
}

/** The background answers on `port`, and the UI re-renders. */
export async function answer(port: FakePort, message: unknown): Promise<void> {
  act(() => port.receive(message));
  await settle();
}

/** The background disconnects, and the UI re-renders. */
export async function drop(port: FakePort): Promise<void> {
  act(() => port.close());
  await settle();
}

/** A connect() double that hands out a fresh FakePort per request. */
export function fakeConnect(): { connect: () => FakePort; ports: FakePort[]; last(): FakePort } {
  const ports: FakePort[] = [];
  return {
    ports,
    connect: () => {
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    last: () => {
      const port = ports[ports.length - 1];
      if (!port) throw new Error('no port was opened');
      return port;
    },
  };
}
