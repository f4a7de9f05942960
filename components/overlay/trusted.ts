// The page around the overlay runs its own scripts. Whatever it dispatches at our controls (a scripted
// `element.click()`, a forged KeyboardEvent) arrives with `isTrusted` false; what the user does with
// mouse, touch or keyboard (Enter/Space on a focused button is a trusted click) arrives with it true.
// Every overlay action goes through `trusted`, so only the user can fill the panel's form or copy.

/** Wraps an event handler so it runs only for events the browser itself generated from user input. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event: E): void => {
    if (event.isTrusted !== true) return;
    handler(event);
  };
}
