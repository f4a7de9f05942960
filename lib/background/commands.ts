// The background's side of the keyboard shortcut (lib/focus-command.ts): on the command, ask the active
// tab's top frame to focus the overlay. A tab without our content script (not a DNS panel) refuses the
// message; that is not an error worth reporting to anyone.
import { FOCUS_COMMAND, FOCUS_MESSAGE } from '../focus-command';
import type { FocusOverlayMessage } from '../focus-command';

export interface CommandTabs {
  query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: FocusOverlayMessage, options: { frameId: number }): Promise<unknown>;
}

/** Handles one `commands.onCommand`; resolves to the tab asked, or null when none was. */
export async function handleCommand(command: string, tabs: CommandTabs): Promise<number | null> {
  if (command !== FOCUS_COMMAND) return null;
  try {
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined || tab.id < 0) return null;
    await tabs.sendMessage(tab.id, FOCUS_MESSAGE, { frameId: 0 }).catch(() => undefined);
    return tab.id;
  } catch {
    return null;
  }
}
