// Reading the overlay through its test contract, the same way in both browsers: the shadow host
// <spf-doctor-overlay> (closed shadow root, reached through support/closed-root.ts) with data-state / data-provider / data-domain / data-record-count,
// one [data-finding="CODE"] element per finding, and [data-action] buttons (apply, copy, recheck).
// The reading itself happens in the page (support/page-probe.js); this side only polls and explains.
import type { OverlayPage } from './closed-root';
import type { PageTiming } from './timing';

export interface OverlayFinding {
  code: string | null;
  text: string;
}

export interface OverlayAction {
  action: string | null;
  text: string;
  disabled: boolean;
}

export interface OverlaySnapshot {
  /** How many <spf-doctor-overlay> hosts the page has (the contract implies one). */
  hosts: number;
  /** 'closed': the page's `host.shadowRoot` is null, only the test channel reads the overlay. */
  shadowRoot: 'open' | 'closed' | 'none';
  state: string | null;
  provider: string | null;
  domain: string | null;
  recordCount: string | null;
  findings: OverlayFinding[];
  actions: OverlayAction[];
  /** The overlay's visible wording (styles left out). */
  text: string;
}

/** The one thing both Playwright's and Puppeteer's pages can do alike: evaluate an expression. */
export interface EvaluatingPage {
  evaluate(expression: string): Promise<unknown>;
}

export function readOverlay(page: OverlayPage): Promise<OverlaySnapshot | null> {
  return page.inOverlay<OverlaySnapshot | null>('function (root) { return window.__spfDoctorE2e ? window.__spfDoctorE2e.overlay(root) : null; }');
}

export async function readTiming(page: EvaluatingPage): Promise<PageTiming | null> {
  return (await page.evaluate('window.__spfDoctorE2e ? JSON.parse(JSON.stringify(window.__spfDoctorE2e.timing)) : null')) as PageTiming | null;
}

export const codes = (overlay: OverlaySnapshot | null): string[] => (overlay ? overlay.findings.map((f) => f.code ?? '') : []);

export const finding = (overlay: OverlaySnapshot | null, code: string): OverlayFinding | undefined => overlay?.findings.find((f) => f.code === code);

const POLL_MS = 50;

/**
 * Polls the overlay until `condition` holds; on timeout the error shows what the overlay last looked like,
 * so a failure says what was missing instead of only "timed out".
 */
export async function waitForOverlay(
  page: OverlayPage,
  condition: (overlay: OverlaySnapshot) => boolean,
  description: string,
  timeoutMs = 20_000,
): Promise<OverlaySnapshot> {
  const deadline = Date.now() + timeoutMs;
  let last: OverlaySnapshot | null = null;
  for (;;) {
    last = await readOverlay(page);
    if (last && condition(last)) return last;
    if (Date.now() > deadline) throw new Error(`overlay: ${description} not reached within ${timeoutMs} ms; last seen: ${describeOverlay(last)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A finished verdict: data-state "done" (or "error", which the fault scenarios expect). */
export function waitForVerdict(page: OverlayPage, timeoutMs = 20_000): Promise<OverlaySnapshot> {
  return waitForOverlay(page, (o) => o.state === 'done' || o.state === 'error', 'data-state="done" or "error"', timeoutMs);
}

export function describeOverlay(overlay: OverlaySnapshot | null): string {
  if (!overlay) return 'no <spf-doctor-overlay> on the page';
  const text = overlay.text.length > 600 ? `${overlay.text.slice(0, 600)}…` : overlay.text;
  return JSON.stringify({ ...overlay, text });
}
