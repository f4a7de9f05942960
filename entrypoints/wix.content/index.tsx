import '../../components/overlay/overlay.css';
import { defineContentScript } from '#imports';
import { runPanelOverlay } from '../../components/overlay/runtime';
import { wixAdapter } from '../../lib/panels/wix';

// Wix's DNS page URL is not known and the dashboard is an SPA: the script runs on every manage.wix.com
// page, and the adapter's DOM check decides (again after every navigation and re-render).
export default defineContentScript({
  matches: ['https://manage.wix.com/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    await runPanelOverlay(ctx, wixAdapter);
  },
});
