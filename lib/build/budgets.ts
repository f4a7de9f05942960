// Size budgets of the built extension (issue 8), gzip -9 of each built file, in bytes. Checked on the
// build output by tests/e2e/bundle-size.e2e.test.ts and reported by `npm run bench`.
export const BUNDLE_BUDGETS = {
  /** Each content script: runs on every page of the panel's host. */
  contentScript: 25 * 1024,
  background: 60 * 1024,
  /**
   * Each overlay module, loaded only on a detected DNS page, held to the content scripts' 25 KB: it runs
   * in the same world. The verdict's half of the UI is in the details module (loaded with it).
   */
  overlayModule: 25 * 1024,
  /** Each fill module, loaded on the first Fill. */
  fillModule: 25 * 1024,
  /** The verdict, the Details body (tree, trace, checklist) and the placement code, loaded with the overlay. */
  detailsModule: 25 * 1024,
} as const;

export const BUDGET_BY_KIND = {
  'content-script': BUNDLE_BUDGETS.contentScript,
  background: BUNDLE_BUDGETS.background,
  'overlay-module': BUNDLE_BUDGETS.overlayModule,
  'fill-module': BUNDLE_BUDGETS.fillModule,
  'details-module': BUNDLE_BUDGETS.detailsModule,
} as const;
