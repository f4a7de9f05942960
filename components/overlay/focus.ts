// Keyboard entry into the overlay (issue #10): where focus lands when the shortcut or the skip control
// brings the user in, and where it goes back to on Escape.

/** What the keyboard can stop at (tabindex -1 and disabled controls are skipped, hidden ones too). */
const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]';

function reachable(element: HTMLElement): boolean {
  if (element.matches(':disabled') || element.getAttribute('tabindex') === '-1') return false;
  return element.closest('[hidden]') === null;
}

/**
 * The first stop inside the panel, in this order: the primary fix card's Fill (`data-primary-action`,
 * the layout's contract), the first fix card's first control (its Apply, or Copy where the fix belongs
 * to another provider), the panel's first focusable control.
 */
export function entryTarget(panel: ParentNode): HTMLElement | null {
  for (const selector of ['[data-primary-action]', `.fixes :is(${FOCUSABLE})`, FOCUSABLE]) {
    const found = [...panel.querySelectorAll<HTMLElement>(selector)].find(reachable);
    if (found) return found;
  }
  return null;
}

/**
 * Remembers where the user was before focus entered the overlay, so Escape can send them back there.
 * Only elements outside the overlay count; a later entry replaces an earlier one.
 */
export class FocusReturn {
  private origin: HTMLElement | null = null;

  constructor(private readonly isInside: (node: Node) => boolean) {}

  /** A focusin inside the overlay: `from` is the element that lost focus (the event's relatedTarget). */
  entered(from: EventTarget | null): void {
    if (isFocusable(from) && !this.isInside(from)) this.origin = from;
  }

  /** Focus was requested from outside (shortcut): what the document had focused then. */
  requested(active: Element | null): void {
    this.origin = isFocusable(active) && !this.isInside(active) && active !== active.ownerDocument.body ? active : null;
  }

  /** Moves focus back where it was; false when that element is gone (the caller picks a fallback). */
  restore(): boolean {
    const origin = this.origin;
    this.origin = null;
    if (!origin?.isConnected) return false;
    origin.focus();
    return true;
  }
}

function isFocusable(target: EventTarget | null): target is HTMLElement {
  return target !== null && typeof (target as HTMLElement).focus === 'function' && (target as Node).nodeType === 1;
}
