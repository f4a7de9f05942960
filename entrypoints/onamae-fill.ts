import { defineUnlistedScript } from '#imports';
import { registerFill } from '../lib/content/overlay-module';
import { fillOnamae } from '../lib/panels/onamae-fill';

// The お名前.com fill code, loaded by the overlay module on the first Fill (components/overlay/lazy-fill.ts).
export default defineUnlistedScript(() => {
  registerFill('onamae', fillOnamae);
});
