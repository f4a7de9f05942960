// The keyboard shortcut: the background relays it to the active tab's top frame, and the content
// script accepts only the exact message from the extension itself.
import { describe, expect, it } from 'vitest';
import { handleCommand } from '../../../lib/background/commands';
import type { CommandTabs } from '../../../lib/background/commands';
import { FOCUS_COMMAND, FOCUS_MESSAGE, isFocusRequest } from '../../../lib/focus-command';

function fakeTabs(tabs: { id?: number }[], refuse = false): CommandTabs & { sent: unknown[][] } {
  const sent: unknown[][] = [];
  return {
    sent,
    query: async () => tabs,
    sendMessage: async (...args) => {
      sent.push(args);
      if (refuse) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    },
  };
}

describe('handleCommand', () => {
  it('sends the focus message to the active tab, top frame only', async () => {
    const tabs = fakeTabs([{ id: 7 }]);
    expect(await handleCommand(FOCUS_COMMAND, tabs)).toBe(7);
    expect(tabs.sent).toEqual([[7, { kind: 'focus-overlay' }, { frameId: 0 }]]);
  });

  it('ignores other commands', async () => {
    const tabs = fakeTabs([{ id: 7 }]);
    expect(await handleCommand('_execute_action', tabs)).toBeNull();
    expect(tabs.sent).toEqual([]);
  });

  it('does nothing without an active tab, and swallows a tab that has no content script', async () => {
    expect(await handleCommand(FOCUS_COMMAND, fakeTabs([]))).toBeNull();
    expect(await handleCommand(FOCUS_COMMAND, fakeTabs([{}]))).toBeNull();
    expect(await handleCommand(FOCUS_COMMAND, fakeTabs([{ id: 3 }], true))).toBe(3);
  });
});

describe('isFocusRequest', () => {
  const ours = { id: 'ext-id' };

  it('accepts the exact message from our background', () => {
    expect(isFocusRequest(FOCUS_MESSAGE, ours, 'ext-id')).toBe(true);
    expect(isFocusRequest(JSON.parse(JSON.stringify(FOCUS_MESSAGE)), ours, 'ext-id')).toBe(true);
  });

  it('refuses other shapes', () => {
    for (const raw of [null, undefined, 'focus-overlay', [], {}, { kind: 'focus' }, { kind: 'focus-overlay', extra: 1 }, { kind: 'page-kit', lang: 'en' }]) {
      expect(isFocusRequest(raw, ours, 'ext-id')).toBe(false);
    }
  });

  it('refuses another extension and a missing sender', () => {
    expect(isFocusRequest(FOCUS_MESSAGE, { id: 'other' }, 'ext-id')).toBe(false);
    expect(isFocusRequest(FOCUS_MESSAGE, {}, 'ext-id')).toBe(false);
    expect(isFocusRequest(FOCUS_MESSAGE, undefined, 'ext-id')).toBe(false);
  });
});
