import { defineUnlistedScript } from '#imports';
import { registerFill } from '../lib/content/overlay-module';
import { fillWix } from '../lib/panels/wix-fill';

// The Wix fill code, loaded by the overlay module on the first Fill (components/overlay/lazy-fill.ts).
export default defineUnlistedScript(() => {
  registerFill('wix', fillWix);
});
