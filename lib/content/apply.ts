// Apply: put a fix into the panel's own form through its adapter, then find the panel's button the
// user presses next (we point at it; we never press it).
import type { Fix } from '../diagnosis/types';
import type { FillResult, PanelAdapter, PanelRecord } from '../panels/types';
import { findButtonByLabel } from './buttons';
import { toPanelFix } from './fix';

export interface Applied {
  result: FillResult;
  /** The panel's own button named by `result.saveLabel`, when it is on the page. */
  button: Element | null;
}

export async function applyFix(adapter: PanelAdapter, doc: Document, fix: Fix): Promise<Applied> {
  const result = await adapter.fill(doc, toPanelFix(fix));
  // A pending row (Wix's open edit row, お名前.com's queue) tells which of several same-named buttons is meant.
  const read = adapter.read(doc);
  const near: PanelRecord | undefined = read.pending[read.pending.length - 1];
  return { result, button: findButtonByLabel(doc, result.saveLabel, near?.row ?? null) };
}
