// What a user does, for the happy-dom component tests. The overlay acts only on events with
// `isTrusted` true (components/overlay/trusted.ts); happy-dom never sets it, and a page cannot set it in
// a real browser (it is an unforgeable own property there). Here, and only here, the tests mark their
// events as the browser would mark real input, so the same tests can also show that unmarked
// (scripted) events do nothing.

function asUser<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A user's click (mouse, or Enter/Space on the focused control): nothing happens on a disabled control. */
export function userClickEvent(element: Element): void {
  if ((element as HTMLButtonElement).disabled) return;
  element.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
}

/** A key the user presses on a focused element. */
export function userKeyEvent(element: Element, key: string): void {
  element.dispatchEvent(asUser(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true })));
}

/** The user picks an option of a select (the browser fires input, then change). */
export function userSelectEvent(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(asUser(new Event('input', { bubbles: true })));
  select.dispatchEvent(asUser(new Event('change', { bubbles: true })));
}

/** What a page script can do: a scripted click, `isTrusted` false. */
export function scriptedClick(element: Element): void {
  (element as HTMLElement).click();
}
