import '../../components/overlay/overlay.css';
import { defineContentScript } from '#imports';
import { runPanelOverlay } from '../../components/overlay/runtime';
import { onamaeAdapter } from '../../lib/panels/onamae';

// Navi is an Angular SPA: the script runs on every navi.onamae.com page and shows itself only on the
// DNSレコード設定 input page. The ChatPlus widget floats at the bottom right, so the overlay sits above it.
export default defineContentScript({
  matches: ['https://navi.onamae.com/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    await runPanelOverlay(ctx, onamaeAdapter, { offset: { bottom: 96, right: 16 } });
  },
});
