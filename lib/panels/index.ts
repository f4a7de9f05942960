// Panel adapters: which DNS control panel a page is, and the adapter that reads and fills it.
// See types.ts for the interface and watch.ts for following a page that renders late.

export { adapters, detectPanel } from './registry';
export { onamaeAdapter } from './onamae';
export { wixAdapter } from './wix';
export { setNativeValue } from './dom';
export { parseTtl } from './ttl';
export { watchPanel } from './watch';
export type { PanelWatch, PanelSnapshot, WatchOptions } from './watch';
export type * from './types';
