import { defineUnlistedScript } from '#imports';
import { runPanelOverlay } from '../components/overlay/runtime';
import { registerOverlay } from '../lib/content/overlay-module';
import { wixAdapter } from '../lib/panels/wix';

// The Wix overlay module, imported by the wix content script once the DNS page is detected.
export default defineUnlistedScript(() => {
  registerOverlay('wix', (ctx, handOver) => runPanelOverlay(ctx, wixAdapter, { ...handOver }));
});
