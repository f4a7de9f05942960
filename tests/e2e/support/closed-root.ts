// The overlay's shadow root is closed (components/overlay/runtime.tsx): page scripts cannot reach it, so
// neither can a test that only evaluates in the page. Both browsers' automation protocols can, though:
// - Chromium (CDP): DOM.describeNode on the host lists its shadow roots, closed ones included;
//   DOM.resolveNode turns the root into a main-world object that Runtime.callFunctionOn can use.
// - Firefox (WebDriver BiDi): a node's remote value carries its shadow root whatever its mode, with a
//   sharedId that can be passed back as an argument of script.callFunction (through Puppeteer's handle).
// Either way the test's function runs in the page's main world with the root as its first argument: it
// can read the overlay, and anything it clicks there is a page-script click (isTrusted false). Real
// clicks and keys go through the protocol's input commands (isTrusted true), like a user's.
import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, JSHandle, Page as PuppeteerPage } from 'puppeteer-core';

export const OVERLAY_HOST = 'spf-doctor-overlay';

/** A panel page seen through the test channel; `evaluate` is the page itself (main world). */
export interface OverlayPage {
  evaluate(expression: string): Promise<unknown>;
  /**
   * Runs `fn(root, ...args)` in the page's main world, `root` being the overlay's closed shadow root
   * (null while there is no overlay host). `fn` is the source of a function; args and result are JSON.
   */
  inOverlay<T = unknown>(fn: string, ...args: unknown[]): Promise<T>;
  /** A real click (protocol input, isTrusted true) on the `index`-th match of `selector` in the overlay. */
  click(selector: string, index?: number): Promise<void>;
  /** Focuses the match in the overlay and presses real keys on it, one after the other. */
  press(selector: string, keys: string[]): Promise<void>;
}

/**
 * The overlay keeps everything but the primary fix in collapsed <details> sections: a control inside one
 * is reached the way a user reaches it, by opening its section first (as a click on its summary would).
 */
export const OPEN_SECTIONS = `function openSections(el) {
  for (var d = el.parentElement; d; d = d.parentElement) if (d.tagName === 'DETAILS' && !d.open) d.open = true;
}`;

/**
 * True when the match sits in the panel while the overlay shrank to its pill for lack of free room: a
 * user opens the pill first (a real click on it), and so do the tests.
 */
const SQUEEZED = `function (root, selector, index) {
  var el = root && root.querySelectorAll(selector)[index];
  var panel = root && root.querySelector('#spf-doctor-panel');
  return !!(el && panel && panel.hidden && panel.contains(el) && root.querySelector('[data-action="expand"]'));
}`;
const PILL = '[data-action="expand"]';

/** Opens the match's sections, scrolls it into view and returns its centre; throws when it is missing or covered. */
const TARGET_CENTRE = `function (root, selector, index) {
  if (!root) throw new Error('no <${OVERLAY_HOST}> on the page');
  var el = root.querySelectorAll(selector)[index];
  if (!el) throw new Error('no ' + selector + ' #' + index + ' in the overlay');
  (${OPEN_SECTIONS})(el);
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  var box = el.getBoundingClientRect();
  var x = box.left + box.width / 2, y = box.top + box.height / 2;
  var hit = root.elementFromPoint(x, y);
  if (!hit || (hit !== el && !el.contains(hit))) throw new Error(selector + ' #' + index + ' is covered at ' + x + ',' + y);
  return { x: x, y: y };
}`;

const FOCUS = `function (root, selector, index) {
  var el = root && root.querySelectorAll(selector)[index];
  if (!el) throw new Error('no ' + selector + ' #' + index + ' in the overlay');
  (${OPEN_SECTIONS})(el);
  el.focus();
  return root.activeElement === el;
}`;

/**
 * Without a root, `fn(null, …)` runs only while there is still no host: the overlay may appear between
 * looking for its root and running `fn`, and `fn` would then see a host without its root. That case
 * answers HOST_APPEARED instead, and the caller looks again.
 */
const HOST_APPEARED = '__spf_doctor_e2e_host_appeared__';
const HOST_RACE_ATTEMPTS = 5;

function withoutRoot(fn: string, args: unknown[]): string {
  return `(document.querySelector('${OVERLAY_HOST}') ? '${HOST_APPEARED}' : (${fn}).apply(null, [null].concat(${JSON.stringify(args)})))`;
}

const isHostAppeared = (value: unknown): boolean => value === HOST_APPEARED;

// ---- Chromium (Playwright + CDP) ----------------------------------------------------------------------

interface CdpRemote {
  objectId?: string;
  value?: unknown;
}
interface CdpCallResult {
  result: CdpRemote;
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

function cdpError(where: string, details: NonNullable<CdpCallResult['exceptionDetails']>): Error {
  return new Error(`${where}: ${details.exception?.description ?? details.text}`);
}

class ChromiumOverlayPage implements OverlayPage {
  private session: Promise<CDPSession> | null = null;

  constructor(private readonly page: PlaywrightPage) {}

  evaluate(expression: string): Promise<unknown> {
    return this.page.evaluate(expression);
  }

  private cdp(): Promise<CDPSession> {
    this.session ??= this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** The closed root as a main-world object (in `group`, released by the caller), or null without a host. */
  private async rootObject(cdp: CDPSession, group: string): Promise<string | null> {
    const host = (await cdp.send('Runtime.evaluate', { expression: `document.querySelector('${OVERLAY_HOST}')`, objectGroup: group })) as CdpCallResult;
    if (!host.result.objectId) return null;
    const { node } = (await cdp.send('DOM.describeNode', { objectId: host.result.objectId, depth: 0 })) as { node: { shadowRoots?: { backendNodeId: number }[] } };
    const backendNodeId = node.shadowRoots?.[0]?.backendNodeId;
    if (backendNodeId === undefined) return null;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId, objectGroup: group })) as { object: CdpRemote };
    return object.objectId ?? null;
  }

  async inOverlay<T>(fn: string, ...args: unknown[]): Promise<T> {
    const cdp = await this.cdp();
    const group = 'spf-doctor-e2e';
    for (let attempt = 1; ; attempt++) {
      try {
        const root = await this.rootObject(cdp, group);
        const jsonArgs = args.map((value) => ({ value }));
        const call = root
          ? ((await cdp.send('Runtime.callFunctionOn', {
              functionDeclaration: fn,
              objectId: root,
              arguments: [{ objectId: root }, ...jsonArgs],
              returnByValue: true,
              awaitPromise: true,
            })) as CdpCallResult)
          : ((await cdp.send('Runtime.evaluate', { expression: withoutRoot(fn, args), returnByValue: true, awaitPromise: true })) as CdpCallResult);
        if (call.exceptionDetails) throw cdpError('in the overlay', call.exceptionDetails);
        if (!isHostAppeared(call.result.value)) return call.result.value as T;
        if (attempt >= HOST_RACE_ATTEMPTS) throw new Error(`<${OVERLAY_HOST}> is on the page but its shadow root could not be reached`);
      } finally {
        await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group }).catch(() => {});
      }
    }
  }

  async click(selector: string, index = 0): Promise<void> {
    if (selector !== PILL && (await this.inOverlay<boolean>(SQUEEZED, selector, index))) await this.click(PILL);
    const { x, y } = await this.inOverlay<{ x: number; y: number }>(TARGET_CENTRE, selector, index);
    await this.page.mouse.click(x, y);
  }

  async press(selector: string, keys: string[]): Promise<void> {
    if (await this.inOverlay<boolean>(SQUEEZED, selector, 0)) await this.click(PILL);
    if (!(await this.inOverlay<boolean>(FOCUS, selector, 0))) throw new Error(`${selector} did not take the focus`);
    for (const key of keys) await this.page.keyboard.press(key);
  }
}

// ---- Firefox (Puppeteer + WebDriver BiDi) --------------------------------------------------------------

/** What Puppeteer's BiDi handles hold: the BiDi remote value (node values list their shadow root). */
interface BidiNodeValue {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string } | null };
}
interface BidiHandle extends JSHandle {
  remoteValue(): BidiNodeValue;
  realm: unknown;
}
interface BidiHandleClass {
  from(value: { type: 'node'; sharedId: string }, realm: unknown): JSHandle;
}

/** A Node-side function from its source, so Puppeteer can send it with handles as arguments. */
function toFunction(source: string): (...args: unknown[]) => unknown {
  return new Function(`return (${source});`)() as (...args: unknown[]) => unknown;
}

class FirefoxOverlayPage implements OverlayPage {
  constructor(private readonly page: PuppeteerPage) {}

  evaluate(expression: string): Promise<unknown> {
    return this.page.evaluate(expression);
  }

  /** The closed root as a handle (BiDi sharedId of the host's shadow root), or null without a host. */
  private async rootHandle(): Promise<JSHandle | null> {
    const host = (await this.page.evaluateHandle(`document.querySelector('${OVERLAY_HOST}')`)) as BidiHandle;
    const sharedId = host.remoteValue().value?.shadowRoot?.sharedId;
    if (host.remoteValue().type !== 'node' || !sharedId) {
      await host.dispose();
      return null;
    }
    return (host.constructor as unknown as BidiHandleClass).from({ type: 'node', sharedId }, host.realm);
  }

  async inOverlay<T>(fn: string, ...args: unknown[]): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const root = await this.rootHandle();
      const value = root ? await this.page.evaluate(toFunction(fn), root, ...args) : await this.page.evaluate(withoutRoot(fn, args));
      if (!isHostAppeared(value)) return value as T;
      if (attempt >= HOST_RACE_ATTEMPTS) throw new Error(`<${OVERLAY_HOST}> is on the page but its shadow root could not be reached`);
    }
  }

  private async element(selector: string, index: number): Promise<ElementHandle<Element>> {
    const root = await this.rootHandle();
    if (!root) throw new Error(`no <${OVERLAY_HOST}> on the page`);
    const handle = await this.page.evaluateHandle(toFunction('function (root, selector, index) { return root.querySelectorAll(selector)[index] || null; }'), root, selector, index);
    const element = handle.asElement();
    if (!element) throw new Error(`no ${selector} #${index} in the overlay`);
    return element as ElementHandle<Element>;
  }

  async click(selector: string, index = 0): Promise<void> {
    if (selector !== PILL && (await this.inOverlay<boolean>(SQUEEZED, selector, index))) await this.click(PILL);
    // Same checks as in Chromium (in view, not covered), then Puppeteer's input actions at that point.
    await this.inOverlay(TARGET_CENTRE, selector, index);
    await (await this.element(selector, index)).click();
  }

  async press(selector: string, keys: string[]): Promise<void> {
    if (await this.inOverlay<boolean>(SQUEEZED, selector, 0)) await this.click(PILL);
    if (!(await this.inOverlay<boolean>(FOCUS, selector, 0))) throw new Error(`${selector} did not take the focus`);
    for (const key of keys) await this.page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]);
  }
}

const chromiumPages = new WeakMap<PlaywrightPage, OverlayPage>();
const firefoxPages = new WeakMap<PuppeteerPage, OverlayPage>();

export function chromiumOverlay(page: PlaywrightPage): OverlayPage {
  let seen = chromiumPages.get(page);
  if (!seen) chromiumPages.set(page, (seen = new ChromiumOverlayPage(page)));
  return seen;
}

export function firefoxOverlay(page: PuppeteerPage): OverlayPage {
  let seen = firefoxPages.get(page);
  if (!seen) firefoxPages.set(page, (seen = new FirefoxOverlayPage(page)));
  return seen;
}

/** What a page script sees of the overlay: `host.shadowRoot` (null for a closed root). */
export async function pageSeesShadowRoot(page: OverlayPage): Promise<'open' | 'closed-or-none'> {
  return (await page.evaluate(`document.querySelector('${OVERLAY_HOST}') && document.querySelector('${OVERLAY_HOST}').shadowRoot ? 'open' : 'closed-or-none'`)) as 'open' | 'closed-or-none';
}

/** The value of a control in the overlay (a select's, an input's). */
export function readOverlayControl(page: OverlayPage, selector: string): Promise<{ value: string; firstOption: string | null } | null> {
  return page.inOverlay(
    `function (root, selector) {
      var el = root && root.querySelector(selector);
      if (!el) return null;
      return { value: el.value, firstOption: el.options && el.options[0] ? el.options[0].textContent : null };
    }`,
    selector,
  );
}

/** A page script clicking an overlay control: `element.click()` in the main world (isTrusted false). */
export function scriptedClickInOverlay(page: OverlayPage, selector: string, index = 0): Promise<boolean> {
  return page.inOverlay(
    `function (root, selector, index) {
      var el = root && root.querySelectorAll(selector)[index];
      if (!el) return false;
      el.click();
      return true;
    }`,
    selector,
    index,
  );
}

/**
 * Chooses `value` in an overlay <select> the way a keyboard user does: focus, Alt+ArrowDown opens the
 * list, arrows move through it, Enter takes the option. One trusted change event, for the final choice
 * only (arrows on a closed select would change it, and start a diagnosis, at every step).
 */
export async function chooseInOverlay(page: OverlayPage, selector: string, value: string): Promise<void> {
  const at = await page.inOverlay<{ from: number; to: number } | null>(
    `function (root, selector, value) {
      var el = root && root.querySelector(selector);
      if (!el) return null;
      var to = -1;
      for (var i = 0; i < el.options.length; i++) if (el.options[i].value === value) to = i;
      return { from: el.selectedIndex, to: to };
    }`,
    selector,
    value,
  );
  if (!at || at.to < 0) throw new Error(`no option ${value} in ${selector}`);
  const steps = at.to - at.from;
  const arrows = Array.from({ length: Math.abs(steps) }, () => (steps > 0 ? 'ArrowDown' : 'ArrowUp'));
  await page.press(selector, ['Alt+ArrowDown', ...arrows, 'Enter']);
}

/**
 * Opens Details with a real click and waits for its body (loaded from the details module on first open):
 * the domains of the SPF include tree it shows, root first.
 */
export async function openDetailsTree(page: OverlayPage, timeoutMs = 10_000): Promise<string[]> {
  await page.click('[data-action="details"]');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const domains = await page.inOverlay<string[] | null>(
      `function (root) {
        var body = root && root.querySelector('#spf-doctor-details .details-body');
        return body ? Array.prototype.map.call(body.querySelectorAll('[data-spf-domain]'), function (el) { return el.getAttribute('data-spf-domain'); }) : null;
      }`,
    );
    if (domains) return domains;
    if (Date.now() > deadline) throw new Error('the Details body did not appear (details module not loaded)');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
