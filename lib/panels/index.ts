// Panel adapters: which DNS control panel a page is, and the adapter that reads and fills it.
// See types.ts for the interface; the content script's watcher (lib/content/watcher.ts) follows late renders.

export { adapters, detectPanel } from './registry';
export { onamaeAdapter } from './onamae';
export { wixAdapter } from './wix';
export { setNativeValue } from './dom';
export { parseTtl } from './ttl';
export type * from './types';
