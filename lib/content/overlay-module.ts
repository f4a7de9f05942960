// The hand-over between a content script and its overlay module. The module is a separate file the
// content script imports (import() of a web-accessible extension URL) once the DNS page is detected;
// it runs in the content script's isolated world and leaves its start function on that world's global,
// where the page cannot see it. The fill code (the largest part of an adapter, needed only when the user
// presses Fill) is a third file the overlay loads the same way on first use (components/overlay/lazy-fill.ts).
import type { ContentScriptContext } from '#imports';
import type { Lang } from '../diagnosis/types';
import type { FillOptions, FillResult, PanelFix, PanelId } from '../panels/types';

/** What the content script fetched while the module loaded: its stylesheet, and the page kit it asked for. */
export interface OverlayHandOver {
  css: string;
  /** The background's raw answer to a page-kit request for `lang` (the overlay validates it). */
  kit: { lang: Lang; answer: Promise<unknown> } | null;
}

export interface OverlayStart {
  (ctx: ContentScriptContext, handOver: OverlayHandOver): Promise<void>;
}

const slot = (panel: PanelId): string => `__spfDoctorOverlay_${panel}`;

export function registerOverlay(panel: PanelId, start: OverlayStart): void {
  (globalThis as Record<string, unknown>)[slot(panel)] = start;
}

export function takeOverlay(panel: PanelId): OverlayStart | null {
  const start = (globalThis as Record<string, unknown>)[slot(panel)];
  return typeof start === 'function' ? (start as OverlayStart) : null;
}

/** The module file (an unlisted script) and the stylesheet a panel's content script loads; the fill
 * module the overlay loads when the user first presses Fill. */
export function overlayFiles(panel: PanelId): { module: string; css: string; fill: string } {
  return { module: `/${panel}-overlay.js`, css: `/content-scripts/${panel}.css`, fill: `/${panel}-fill.js` };
}

/** A panel's fill function (lib/panels/<panel>-fill.ts), left by its fill module the same way. */
export type FillFunction = (doc: Document, fix: PanelFix, options?: FillOptions) => Promise<FillResult>;

const fillSlot = (panel: PanelId): string => `__spfDoctorFill_${panel}`;

export function registerFill(panel: PanelId, fill: FillFunction): void {
  (globalThis as Record<string, unknown>)[fillSlot(panel)] = fill;
}

export function takeFill(panel: PanelId): FillFunction | null {
  const fill = (globalThis as Record<string, unknown>)[fillSlot(panel)];
  return typeof fill === 'function' ? (fill as FillFunction) : null;
}

/** The details module (entrypoints/details.ts), shared by both panels, loaded when Details first opens. */
export const DETAILS_FILES = { module: '/details.js' } as const;

const DETAILS_SLOT = '__spfDoctorDetails';
const JSX_SLOT = '__spfDoctorJsx';

/** What the overlay lends the details module so both render with one Preact (wxt.config.ts, sharedJsx). */
export interface SharedJsx {
  jsx: unknown;
  jsxs: unknown;
  Fragment: unknown;
  /** preact/hooks: the components it renders keep state on the overlay's Preact. */
  hooks: Record<string, unknown>;
}

export function lendJsx(shared: SharedJsx): void {
  (globalThis as Record<string, unknown>)[JSX_SLOT] = shared;
}

export function registerDetails(component: unknown): void {
  (globalThis as Record<string, unknown>)[DETAILS_SLOT] = component;
}

const LAYOUT_SLOT = '__spfDoctorLayout';

/** The overlay's placement code (components/overlay/dock-layout.ts), shipped in the details module. */
export function registerLayout(layout: object): void {
  (globalThis as Record<string, unknown>)[LAYOUT_SLOT] = layout;
}

export function takeLayout(): unknown {
  return (globalThis as Record<string, unknown>)[LAYOUT_SLOT] ?? null;
}

const VERDICT_SLOT = '__spfDoctorVerdict';

/** The verdict part of the overlay (components/overlay/Verdict.tsx), shipped in the details module. */
export function registerVerdict(component: unknown): void {
  (globalThis as Record<string, unknown>)[VERDICT_SLOT] = component;
}

export function takeVerdict(): unknown {
  const component = (globalThis as Record<string, unknown>)[VERDICT_SLOT];
  return typeof component === 'function' ? component : null;
}

export function takeDetails(): unknown {
  const component = (globalThis as Record<string, unknown>)[DETAILS_SLOT];
  return typeof component === 'function' ? component : null;
}
