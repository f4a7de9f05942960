import '../../components/overlay/overlay.css';
import { defineContentScript } from '#imports';
import { startPanelContentScript } from '../../components/overlay/load';
import { isWixDnsPage } from '../../lib/panels/wix';

// Wix's DNS page URL is not known and the dashboard is an SPA: the script runs on every manage.wix.com
// page, checks the DOM cheaply, and loads the overlay module (wix-overlay.ts) only on the DNS page.
// The stylesheet is emitted here and loaded by the overlay into its shadow root ('manual').
export default defineContentScript({
  matches: ['https://manage.wix.com/*'],
  cssInjectionMode: 'manual',
  main(ctx) {
    startPanelContentScript(ctx, 'wix', isWixDnsPage);
  },
});
