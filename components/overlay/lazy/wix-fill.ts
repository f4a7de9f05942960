// Stands for lib/panels/wix-fill.ts inside the overlay module (see ../lazy-fill.ts).
import { lazyFill } from '../lazy-fill';

export const fillWix = lazyFill('wix');
