import { defineUnlistedScript } from '#imports';
import { DetailsBody } from '../components/overlay/DetailsBody';
import { registerDetails } from '../lib/content/overlay-module';

// The overlay's Details section (include tree, trace, checklist), loaded on its first open
// (components/overlay/lazy/DetailsBody.tsx). Its JSX runs on the overlay's Preact (wxt.config.ts).
export default defineUnlistedScript(() => {
  registerDetails(DetailsBody);
});
