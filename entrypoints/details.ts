import { defineUnlistedScript } from '#imports';
import { DetailsBody } from '../components/overlay/DetailsBody';
import { computeDocking, rowObstacles } from '../components/overlay/dock-layout';
import { registerDetails, registerLayout } from '../lib/content/overlay-module';

// The overlay's Details section (include tree, trace, checklist), loaded on its first open, and the
// overlay's placement code (components/overlay/dock-layout.ts), loaded right after its first render
// (components/overlay/lazy/DetailsBody.tsx). Its JSX runs on the overlay's Preact (wxt.config.ts).
export default defineUnlistedScript(() => {
  registerDetails(DetailsBody);
  registerLayout({ computeDocking, rowObstacles });
});
