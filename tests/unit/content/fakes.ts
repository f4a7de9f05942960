// Test doubles for the content side: a port whose other end the test plays, and an adapter over a
// list of records the test edits.
import type { PortLike } from '../../../lib/content/port';
import type { FillResult, PanelAdapter, PanelFix, PanelRead, PanelRecord } from '../../../lib/panels/types';

export class FakePort implements PortLike {
  readonly name: string;
  readonly posted: unknown[] = [];
  /** postMessage calls, including those that threw on a closed port. */
  attempts = 0;
  disconnected = false;
  private messageListeners: ((message: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];

  constructor(name = 'spf-doctor:diagnose') {
    this.name = name;
  }

  postMessage(message: unknown): void {
    this.attempts++;
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    // Structured clone, as the real port does: nothing shared by reference.
    this.posted.push(JSON.parse(JSON.stringify(message)));
  }

  disconnect(): void {
    this.disconnected = true;
  }

  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };

  /** The other side posts. */
  receive(message: unknown): void {
    for (const listener of this.messageListeners) listener(JSON.parse(JSON.stringify(message)));
  }

  /** The other side goes away. */
  drop(): void {
    this.disconnected = true;
    for (const listener of this.disconnectListeners) listener();
  }
}

export interface FakePanel {
  adapter: PanelAdapter;
  read: PanelRead;
  detected: boolean;
  fills: PanelFix[];
  fillResult: FillResult;
  throwOnRead: boolean;
}

export function fakePanel(id: 'wix' | 'onamae', records: Omit<PanelRecord, 'row'>[], doc: Document): FakePanel {
  const panel: FakePanel = {
    detected: true,
    read: { domain: 'example.jp', records: records.map((r) => ({ ...r, row: doc.createElement('tr') })), pending: [], problems: [] },
    fills: [],
    fillResult: { ok: true, filled: { host: '', type: 'TXT', value: '' }, problems: [], nextStep: 'save', saveLabel: 'Save' },
    throwOnRead: false,
    adapter: {
      id,
      detect: () => panel.detected,
      read: () => {
        if (panel.throwOnRead) throw new Error('table exploded');
        return panel.read;
      },
      fill: async (_doc, fix) => {
        panel.fills.push(fix);
        return panel.fillResult;
      },
      hostLabel: (fqdn, domain) => (fqdn === domain ? '' : fqdn.slice(0, -domain.length - 1)),
    },
  };
  return panel;
}
