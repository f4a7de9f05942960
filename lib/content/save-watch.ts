// After a Fill, the panel's own Save button is what the user presses next: when they press it (a real
// click, not one a page script made up), the record they saved is worth watching until it is live.
import { labelOf } from './buttons';

const CLICKABLE = 'button, [role="button"], input[type="submit"], input[type="button"], a';

export interface SaveWatchOptions {
  /** Whether an event comes from the user (default: event.isTrusted). */
  trusted?: (event: Event) => boolean;
}

/**
 * Calls `onSave` once, on the first trusted click on `button` or on another button with the same label
 * (the panel may re-render its Save button between the fill and the click). Returns the disarm function.
 */
export function armSaveWatch(doc: Document, button: Element, label: string, onSave: () => void, options: SaveWatchOptions = {}): () => void {
  const trusted = options.trusted ?? ((event: Event) => event.isTrusted);
  const wanted = label.replace(/\s+/g, ' ').trim();
  const listener = (event: Event): void => {
    try {
      if (!trusted(event)) return;
      const target = event.target as Node | null;
      const element = target && (target.nodeType === 1 ? (target as Element) : target.parentElement);
      const clicked = element?.closest(CLICKABLE);
      if (!clicked || !(clicked === button || button.contains(clicked) || (wanted !== '' && labelOf(clicked) === wanted))) return;
      disarm();
      onSave();
    } catch {
      // Never break the page's own click handling.
    }
  };
  const disarm = (): void => doc.removeEventListener('click', listener, true);
  // Capture: the panel's handler may re-render (and detach) the button before a bubbling listener runs.
  doc.addEventListener('click', listener, true);
  return disarm;
}
