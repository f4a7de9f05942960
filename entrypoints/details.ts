import { defineUnlistedScript } from '#imports';
import { DetailsBody } from '../components/overlay/DetailsBody';
import { computeDocking, rowObstacles } from '../components/overlay/dock-layout';
import { VerdictBody } from '../components/overlay/Verdict';
import { registerDetails, registerLayout, registerVerdict } from '../lib/content/overlay-module';

// The second half of the overlay, asked for when the overlay starts (components/overlay/lazy/): the
// verdict (headline, primary fix, the collapsed sections: components/overlay/Verdict.tsx), awaited before
// the first verdict is painted; the Details section (include tree, trace, checklist); the placement code
// (components/overlay/dock-layout.ts). Its JSX and hooks run on the overlay's Preact (wxt.config.ts).
export default defineUnlistedScript(() => {
  registerDetails(DetailsBody);
  registerVerdict(VerdictBody);
  registerLayout({ computeDocking, rowObstacles });
});
