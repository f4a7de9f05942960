// The keyboard shortcut (manifest `commands`, wxt.config.ts) and the one message it sends: the background
// tells the active tab's content script to bring focus into the overlay. The content script accepts it
// only in this exact shape and only from the extension itself (never from the page, never another tab).

/** The command's name in the manifest. */
export const FOCUS_COMMAND = 'focus-overlay';

export interface FocusOverlayMessage {
  kind: 'focus-overlay';
}

export const FOCUS_MESSAGE: FocusOverlayMessage = { kind: 'focus-overlay' };

/** The sender as the content script sees it. */
export interface MessageSender {
  id?: string;
}

/**
 * True only for `{ kind: 'focus-overlay' }` (no other keys) sent by this extension. Only extension
 * contexts (the background, our own pages) can message a content script (tabs.sendMessage); the page
 * cannot, and the sender's id says it was not another extension.
 */
export function isFocusRequest(raw: unknown, sender: MessageSender | undefined, extensionId: string): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const keys = Object.keys(raw);
  if (keys.length !== 1 || (raw as Record<string, unknown>).kind !== FOCUS_MESSAGE.kind) return false;
  return sender?.id === extensionId;
}
