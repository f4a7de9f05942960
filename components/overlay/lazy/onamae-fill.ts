// Stands for lib/panels/onamae-fill.ts inside the overlay module (see ../lazy-fill.ts).
import { lazyFill } from '../lazy-fill';

export const fillOnamae = lazyFill('onamae');
