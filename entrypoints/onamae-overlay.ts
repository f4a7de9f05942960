import { defineUnlistedScript } from '#imports';
import { runPanelOverlay } from '../components/overlay/runtime';
import { registerOverlay } from '../lib/content/overlay-module';
import { onamaeAdapter } from '../lib/panels/onamae';

// The お名前.com overlay module, imported by the onamae content script on the DNSレコード設定 page.
// The ChatPlus widget floats at the bottom right, so the overlay sits above it.
export default defineUnlistedScript(() => {
  registerOverlay('onamae', (ctx, handOver) => runPanelOverlay(ctx, onamaeAdapter, { ...handOver, offset: { bottom: 96, right: 16 } }));
});
