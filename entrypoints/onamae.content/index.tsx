import '../../components/overlay/overlay.css';
import { defineContentScript } from '#imports';
import { startPanelContentScript } from '../../components/overlay/load';
import { isOnamaeDnsPage } from '../../lib/panels/onamae';

// Navi is an Angular SPA: the script runs on every navi.onamae.com page, checks the DOM cheaply, and
// loads the overlay module (onamae-overlay.ts) only on the DNSレコード設定 input page.
export default defineContentScript({
  matches: ['https://navi.onamae.com/*'],
  cssInjectionMode: 'manual',
  main(ctx) {
    startPanelContentScript(ctx, 'onamae', isOnamaeDnsPage);
  },
});
