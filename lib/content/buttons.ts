// Finding the panel's own button by its label (e.g. Wix "Save", お名前.com 「追加」), so the overlay can
// point at it after a fill. We only point: the user presses it.
import { isOwnNode } from './watcher';

const CANDIDATES = 'button, [role="button"], input[type="submit"], input[type="button"], a';

export function labelOf(element: Element): string {
  // Tag names, not instanceof: the page, happy-dom and our isolated world are different realms.
  const raw = element.tagName === 'INPUT' ? (element as HTMLInputElement).value : (element.textContent ?? '');
  return raw.replace(/\s+/g, ' ').trim();
}

function isHidden(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  for (let el: Element | null = element; el; el = el.parentElement) {
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
    const style = view?.getComputedStyle(el);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  return false;
}

function depthOfCommonAncestor(a: Element, b: Element): number {
  let depth = 0;
  for (let el: Element | null = a; el; el = el.parentElement) {
    if (el.contains(b)) {
      for (let up: Element | null = el; up; up = up.parentElement) depth++;
      return depth;
    }
  }
  return 0;
}

/**
 * The visible button labelled `label` (whitespace-insensitive); with several, the one closest in the
 * document to `near` (e.g. the row just filled). Null when none is found.
 */
export function findButtonByLabel(doc: Document, label: string, near?: Element | null): Element | null {
  const wanted = label.replace(/\s+/g, ' ').trim();
  if (!wanted) return null;
  const matches = [...doc.querySelectorAll(CANDIDATES)].filter((el) => !isOwnNode(el) && labelOf(el) === wanted && !isHidden(el));
  if (matches.length <= 1 || !near) return matches[0] ?? null;
  return matches.reduce((best, el) => (depthOfCommonAncestor(el, near) > depthOfCommonAncestor(best, near) ? el : best));
}
