// What the overlay and the badges must never cover, read from the page as viewport boxes: every visible
// interactive control, and the text of each record row (its cells' text, not the cells' empty width).
// Read once per viewport event or render (never polled); off-screen elements are skipped after one
// getBoundingClientRect each.
import type { Box } from './badges';

export const CONTROL_SELECTOR = 'button, input:not([type="hidden"]), select, textarea, a[href], [role="button"], [role="link"], [role="checkbox"], [role="combobox"], [contenteditable="true"]';

const onScreen = (r: Box, view: { innerWidth: number; innerHeight: number }): boolean => r.bottom > 0 && r.right > 0 && r.top < view.innerHeight && r.left < view.innerWidth;
export const hasArea = (r: DOMRect): boolean => r.width > 0 && r.height > 0;

/** A DOMRect as a plain viewport box (what the geometry in badges.ts and dock.ts takes). */
export function plain(r: DOMRect): Box {
  return { top: r.top, left: r.left, right: r.right, bottom: r.bottom };
}

function visible(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  return check ? check.call(element, { visibilityProperty: true, opacityProperty: true }) : true;
}

/** The visible controls on screen, outside `own` (our shadow host). */
export function controlBoxes(doc: Document, own: Element | null): Box[] {
  const view = doc.defaultView;
  if (!view) return [];
  const out: Box[] = [];
  for (const el of doc.querySelectorAll(CONTROL_SELECTOR)) {
    if (own && own.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (!hasArea(r) || !onScreen(r, view) || !visible(el)) continue;
    out.push(plain(r));
  }
  return out;
}

/** The box of an element's text (a Range over its contents), or null when it shows none. */
export function textBox(doc: Document, element: Element): Box | null {
  if (!element.textContent?.trim()) return null;
  const range = doc.createRange();
  range.selectNodeContents(element);
  const r = range.getBoundingClientRect();
  return hasArea(r) ? plain(r) : null;
}

/** The text of each record row on screen, one box per cell that shows text. */
export function recordTextBoxes(doc: Document, rows: Iterable<Element>): Box[] {
  const view = doc.defaultView;
  if (!view) return [];
  const out: Box[] = [];
  const seen = new Set<Element>();
  for (const row of rows) {
    if (seen.has(row) || !row.isConnected) continue;
    seen.add(row);
    if (!onScreen(plain(row.getBoundingClientRect()), view)) continue;
    const cells = row.children.length > 0 ? [...row.children] : [row];
    for (const cell of cells) {
      const box = textBox(doc, cell);
      if (box && onScreen(box, view)) out.push(box);
    }
  }
  return out;
}

/** Everything the overlay must keep clear of. */
export function pageObstacles(doc: Document, rows: Iterable<Element>, own: Element | null): Box[] {
  return [...controlBoxes(doc, own), ...recordTextBoxes(doc, rows)];
}
