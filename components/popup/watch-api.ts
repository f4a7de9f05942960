// The popup's line to the watches in the background (runtime messages, every reply checked) and to the
// optional notifications permission, which may only be asked for from a user's click.
import { parseWatchReply } from '../../lib/messages';
import type { WatchReply, WatchRequest } from '../../lib/messages';

export interface WatchApi {
  send(request: WatchRequest): Promise<WatchReply | null>;
  /** Whether notifications may be shown now. */
  notificationsGranted(): Promise<boolean>;
  /**
   * Asks for the permission. Must be called synchronously inside the click handler (Firefox refuses a
   * request made after an await).
   */
  requestNotifications(): Promise<boolean>;
}

/** Sends one watch request; null when the reply is missing or malformed. */
export async function sendWatch(sendMessage: (message: unknown) => Promise<unknown>, request: WatchRequest): Promise<WatchReply | null> {
  try {
    return parseWatchReply(await sendMessage(request));
  } catch {
    return null;
  }
}
