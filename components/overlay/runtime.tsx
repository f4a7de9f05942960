// The content-script side of SPF Doctor for one panel: detects the panel, mounts the overlay in a
// shadow root, keeps one watcher on the page, talks to the background over a validated port, and fills
// the panel's form when the user asks. Everything is wrapped so nothing ever throws into the page, and
// every listener goes through `ctx` so an extension update or reload removes it.
import { render } from 'preact';
import { browser } from '#imports';
import type { ContentScriptContext } from '#imports';
import type { Fix, Lang, PropagationItem } from '../../lib/diagnosis/types';
import { applyFix } from '../../lib/content/apply';
import { applyHostAttributes } from '../../lib/content/host';
import type { PortLike } from '../../lib/content/port';
import { loadStoredChoices } from '../../lib/content/provider-store';
import { armSaveWatch } from '../../lib/content/save-watch';
import { PanelSession } from '../../lib/content/session';
import type { SessionView } from '../../lib/content/session';
import { createPanelWatcher, isOwnNode, stableContainer } from '../../lib/content/watcher';
import type { Timers } from '../../lib/content/watcher';
import { hasCatalog, installCatalog, localized, pickLang } from '../../lib/i18n';
import { DIAGNOSE_PORT } from '../../lib/messages';
import type { WatchRequest } from '../../lib/messages';
import { parsePageKit } from '../../lib/page-kit';
import type { PageKitRequest } from '../../lib/page-kit';
import { parseWatchStartReply, watchRequestFor, watchRequestForPending } from '../../lib/watch/request';
import type { FillResult, PanelAdapter } from '../../lib/panels/types';
import type { ProviderChoice } from '../../lib/mail/provider-choice';
import { allProviders, installProviders } from '../../lib/mail/providers';
import { DEFAULT_SETTINGS, SETTINGS_KEY, normalizeSettings } from '../../lib/settings';
import type { Settings } from '../../lib/settings';
import type { PointerTarget } from './Badges';
import { copyText } from './clipboard';
import { Overlay } from './Overlay';
import { verdictReady } from './Verdict';
import { textFor } from './text';
import type { WatchNotice } from './Overlay';
import { isFocusRequest } from '../../lib/focus-command';
import { createShadowHost } from './shadow-host';
import { createSkipControl } from './skip-control';
import type { SkipControl } from './skip-control';
import type { ShadowHostUi } from './shadow-host';

export const OVERLAY_NAME = 'spf-doctor-overlay';

export interface OverlayRuntimeOptions {
  /** Distance from the bottom-right corner, to clear the panel's own floating widgets. */
  offset?: { bottom: number; right: number };
  /** The overlay's stylesheet, put into its shadow root (the content script loads it with the module). */
  css?: string;
  /** A page-kit answer the content script asked for while the module loaded (lib/content/overlay-module.ts). */
  kit?: { lang: Lang; answer: Promise<unknown> } | null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return normalizeSettings(stored[SETTINGS_KEY]);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/**
 * The overlay's words in `lang` and the provider table, from the background (lib/page-kit.ts); the
 * overlay module is built without either. A failure leaves what is there.
 */
async function loadKit(lang: Lang, preloaded?: { lang: Lang; answer: Promise<unknown> } | null): Promise<void> {
  if (hasCatalog(lang) && allProviders.length > 0) return;
  try {
    const request: PageKitRequest = { kind: 'page-kit', lang };
    const answer = preloaded?.lang === lang ? await preloaded.answer : await browser.runtime.sendMessage(request);
    const kit = parsePageKit(answer, lang);
    if (!kit) return;
    installCatalog(lang, kit.catalog);
    if (allProviders.length === 0) installProviders(kit.providers);
  } catch {
    // The background is gone (extension reloaded): the overlay shows catalog keys rather than nothing.
  }
}

function uiLanguage(settings: Settings): Lang {
  let browserLanguage: string | undefined;
  try {
    browserLanguage = browser.i18n.getUILanguage();
  } catch {
    browserLanguage = globalThis.navigator?.language;
  }
  return pickLang(settings.language, browserLanguage);
}

/** Scroll and resize, once per animation frame, for the badges (capture: inner containers scroll too). */
function viewportEvents(ctx: ContentScriptContext): { subscribe(listener: () => void): () => void; notify(): void } {
  const listeners = new Set<() => void>();
  let scheduled = false;
  const notify = (): void => {
    if (scheduled || listeners.size === 0) return;
    scheduled = true;
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      for (const listener of listeners) {
        try {
          listener();
        } catch {
          // A badge that cannot be placed is skipped; the page must not see the error.
        }
      }
    });
  };
  ctx.addEventListener(window, 'scroll', notify, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', notify, { passive: true });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify,
  };
}

/** Resolves once the page has rendered its next frame (a frame callback, then a task after it). */
function afterNextFrame(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => ctx.requestAnimationFrame(() => ctx.setTimeout(resolve, 0)));
}

function inViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
}

export async function runPanelOverlay(ctx: ContentScriptContext, adapter: PanelAdapter, options: OverlayRuntimeOptions = {}): Promise<void> {
  // The domain's provider choice must be known before the first diagnosis is asked for.
  // The page kit comes at the same time, for the browser's language (the likely one; the content script
  // may have asked for it already); the stored choices are checked against its provider table.
  const guess = uiLanguage(DEFAULT_SETTINGS);
  const [loadedSettings] = await Promise.all([loadSettings(), loadKit(guess, options.kit)]);
  let settings = loadedSettings;
  let lang = uiLanguage(settings);
  await loadKit(lang);
  const choices = await loadStoredChoices(browser.storage.local);
  // The verdict's half of the overlay loads while the panel is read and the first answers come in.
  void verdictReady();
  let pointer: PointerTarget | null = null;
  let ui: ShadowHostUi | null = null;
  let mounted = false;
  let watchNotice: WatchNotice | null = null;
  let disarmSave: (() => void) | null = null;
  // Keyboard entry (shortcut, skip control): each request bumps the counter the overlay watches.
  let focusRequest = 0;
  let skip: SkipControl | null = null;
  const requestFocus = (): void => {
    if (!mounted) return;
    focusRequest++;
    void show(session.view);
  };
  const viewport = viewportEvents(ctx);

  const timers: Timers = {
    setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
    clearTimeout: (handle) => clearTimeout(handle as number),
  };

  const session = new PanelSession({
    adapter,
    doc: document,
    getUrl: () => location.href,
    connect: () => browser.runtime.connect({ name: DIAGNOSE_PORT }) as unknown as PortLike,
    timers,
    now: Date.now,
    recheckSeconds: () => settings.recheckSeconds,
    onUpdate: (view) => void show(view),
    choices,
  });

  const watcher = createPanelWatcher({
    doc: document,
    timers,
    findContainer: () => stableContainer(session.view.records.map((r) => r.row), document.body),
    onSettled: () => {
      session.refresh();
      viewport.notify();
    },
  });

  /** Asks the background to watch a record; the overlay says whether it did. */
  async function startWatch(request: WatchRequest): Promise<void> {
    try {
      const reply = parseWatchStartReply(await browser.runtime.sendMessage(request));
      watchNotice =
        reply?.kind === 'watch-started' ? { status: 'started', domain: reply.domain } : { status: 'failed', reason: reply?.kind === 'watch-error' ? reply.code : 'no-answer' };
    } catch (error) {
      watchNotice = { status: 'failed', reason: 'no-answer', detail: errorText(error) };
    }
    void show(session.view);
  }

  const providerExtra = () => {
    const choice = session.view.providerChoice;
    return choice ? { providerId: choice.providerId, ...(choice.providerServer ? { providerServer: choice.providerServer } : {}) } : {};
  };

  const actions = {
    recheck: () => session.recheck(),
    watch: (item: PropagationItem) => {
      const diagnosis = session.view.diagnosis;
      const request = diagnosis ? watchRequestForPending(item, diagnosis, providerExtra()) : null;
      if (request) void startWatch(request);
    },
    chooseProvider: (choice: ProviderChoice | null) => session.chooseProvider(choice),
    copy: (text: string) => copyText(text, ui?.shadow ?? document.body),
    apply: async (fix: Fix): Promise<FillResult> => {
      const { result, button } = await applyFix(adapter, document, fix);
      // The form changed under us: read it again, and point at the button the user presses next.
      watcher.wake({ settle: true });
      pointer = button ? { element: button, label: result.saveLabel } : null;
      // When the user then presses the panel's own Save, the background follows the record until it is live.
      disarmSave?.();
      disarmSave = null;
      if (button && result.ok && result.nextStep === 'save' && fix.target !== 'dns-host') {
        const request = watchRequestFor(fix, session.view.diagnosis, providerExtra());
        disarmSave = armSaveWatch(document, button, result.saveLabel, () => {
          disarmSave = null;
          void startWatch(request);
        });
      }
      // Bring the filled form and its button into view (the user asked for this by pressing Apply), and
      // put the keyboard on that button: the next step is the panel's own Save / 追加. Focus leaves our
      // shadow root on purpose. The overlay re-docks away from the form on the scroll and the settle.
      if (button && !inViewport(button)) button.scrollIntoView({ block: 'center' });
      if (button instanceof HTMLElement) button.focus({ preventScroll: true });
      viewport.notify();
      void show(session.view);
      return result;
    },
  };

  async function ensureUi(): Promise<ShadowHostUi> {
    if (ui) return ui;
    ui = createShadowHost(ctx, {
      name: OVERLAY_NAME,
      // Closed: the page cannot reach into the overlay, neither to read the diagnosis nor to click it.
      mode: 'closed',
      css: options.css ?? '',
      onRemove: (container) => render(null, container),
    });
    // Marked before it enters the page, so the watcher never takes our own node for a page change.
    applyHostAttributes(ui.shadowHost, { state: 'reading', provider: adapter.id, domain: null, recordCount: 0 });
    return ui;
  }

  let showing = Promise.resolve();
  function show(view: SessionView): Promise<void> {
    // Serialized: creating the shadow root is async, and renders must not overtake each other.
    showing = showing.then(() => paint(view)).catch((error) => paintCrash(error));
    return showing;
  }

  async function paint(view: SessionView): Promise<void> {
    if (ctx.isInvalid) return;
    // The verdict's code (the details module, asked for at start) must be here before a verdict is drawn.
    if (view.diagnosis) await verdictReady();
    if (ctx.isInvalid) return;
    if (!view.detected) {
      if (mounted && ui) {
        ui.remove();
        mounted = false;
        pointer = null;
      }
      skip?.remove();
      skip = null;
      return;
    }
    const shadowUi = await ensureUi();
    if (!mounted) {
      // The overlay and its badges read layout (getBoundingClientRect) as they render. Mounted after the
      // page's next frame, they read a layout the page already made in its own task, instead of forcing
      // the first layout of a big panel inside ours (measured by bench/host-page.ts).
      await afterNextFrame(ctx);
      if (ctx.isInvalid) return;
      shadowUi.mount();
      mounted = true;
    }
    const skipLabel = textFor(lang)('ui_skip_to_overlay');
    if (skip) skip.setLabel(skipLabel);
    else skip = createSkipControl(document, skipLabel, options.css ?? '', requestFocus);
    if (pointer && !pointer.element.isConnected) pointer = null;
    applyHostAttributes(shadowUi.shadowHost, { state: view.state, provider: adapter.id, domain: view.domain, recordCount: view.recordCount });
    render(
      <Overlay
        provider={adapter.id}
        lang={lang}
        view={view}
        recheckSeconds={settings.recheckSeconds}
        actions={actions}
        subscribe={viewport.subscribe}
        pointer={pointer}
        watchNotice={watchNotice}
        focusRequest={focusRequest}
        {...(options.offset ? { offset: options.offset } : {})}
      />,
      shadowUi.uiContainer,
    );
  }

  /** Last resort: our UI itself failed; say so inside our own box rather than in the page's console. */
  function paintCrash(error: unknown): void {
    if (!ui || !mounted) return;
    try {
      const view: SessionView = { ...session.view, state: 'error', error: localized('ui_error_unexpected', { reason: errorText(error) }) };
      applyHostAttributes(ui.shadowHost, { state: 'error', provider: adapter.id, domain: view.domain, recordCount: view.recordCount });
      render(<Overlay provider={adapter.id} lang={lang} view={view} recheckSeconds={settings.recheckSeconds} actions={actions} subscribe={viewport.subscribe} />, ui.uiContainer);
    } catch {
      // Nothing more we can do without touching the page.
    }
  }

  // User interaction re-arms the watcher; inside the records' area (or a dialog) it also re-reads,
  // since typing changes input values without any DOM mutation.
  const onInteraction = (event: Event): void => {
    try {
      const target = event.target as Node | null;
      if (!target || isOwnNode(target) || (ui && target === ui.shadowHost)) return;
      const container = watcher.target;
      const element = target.nodeType === 1 ? (target as Element) : target.parentElement;
      // Form controls anywhere count too: お名前.com's nameserver-change box sits outside the records.
      const formControl = event.type === 'change' && element?.matches('input, select, textarea') === true;
      // A pressed button anywhere counts too: お名前.com's 「追加」 queues the record in a table of its own,
      // outside the registered records the watcher observes (one debounced re-read, a few ms).
      const pressed = event.type === 'click' && element?.closest('button, [role="button"], input[type="button"], input[type="submit"]') != null;
      const inside =
        formControl ||
        pressed || (container !== null && container !== document.body && container.contains(target)) || element?.closest('[role="dialog"], dialog') != null;
      watcher.wake({ settle: inside || container === document.body });
    } catch {
      // Never let our listener break the page's own handlers.
    }
  };
  for (const type of ['click', 'keydown', 'input', 'change'] as const) {
    ctx.addEventListener(document, type, onInteraction, { capture: true, passive: true });
  }

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    pointer = null;
    session.refresh();
    watcher.wake({ settle: true });
  });

  const onStorageChange = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local') return;
    // A choice made for this domain in another tab: the session picks it up on its next read.
    void choices.applyChanges(changes).then((changed) => {
      if (changed && !ctx.isInvalid) session.refresh();
    });
    if (!(SETTINGS_KEY in changes)) return;
    settings = normalizeSettings(changes[SETTINGS_KEY]?.newValue);
    const next = uiLanguage(settings);
    void loadKit(next).then(() => {
      lang = next;
      void show(session.view);
    });
  };
  browser.storage.onChanged.addListener(onStorageChange);

  // The keyboard shortcut, relayed by the background (lib/background/commands.ts).
  const onMessage = (raw: unknown, sender: { id?: string }): undefined => {
    if (isFocusRequest(raw, sender, browser.runtime.id)) requestFocus();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    disarmSave?.();
    skip?.remove();
    watcher.stop();
    session.dispose();
    try {
      browser.storage.onChanged.removeListener(onStorageChange);
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension context is already gone.
    }
  });

  session.refresh();
}
