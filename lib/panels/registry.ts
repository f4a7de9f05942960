// The adapters, in the order detection tries them.

import { onamaeAdapter } from './onamae';
import type { PanelAdapter } from './types';
import { wixAdapter } from './wix';

export const adapters: readonly PanelAdapter[] = [wixAdapter, onamaeAdapter];

/** The adapter whose panel this page is (URL host and DOM), or null. Never throws. */
export function detectPanel(url: string, doc: Document): PanelAdapter | null {
  return adapters.find((adapter) => adapter.detect(url, doc)) ?? null;
}
