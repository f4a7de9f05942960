// axe-core in the e2e run: the extension's pages (popup, options) are ordinary documents; the overlay
// lives in a closed shadow root that axe cannot enter by itself (it walks element.shadowRoot, null for a
// closed root). Through the test channel (closed-root.ts) the root's nodes and style sheets are cloned
// into an open root on the same page, and axe checks that clone with the page's real fonts and layout.
import axe from 'axe-core';
import { expect } from 'vitest';
import type { OverlayPage } from './closed-root';
import { waitForVerdict } from './overlay';

/** A page of either harness (Playwright in Chromium, Puppeteer in Firefox): both evaluate a string. */
export interface EvaluatingPage {
  evaluate(expression: string): Promise<unknown>;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** WCAG 2.x A/AA plus axe's best practices (landmarks, regions, one main), as the issue asks. */
const RUN_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations', 'passes'] };

/** Reduces axe's result to what a failing assertion should print. */
const SUMMARISE = `function (result) {
  // A run that checked nothing (empty context, wrong node) must not read as "no violations".
  if (result.passes.length === 0) throw new Error('axe checked nothing: no rule passed on any node');
  return result.violations.map(function (v) {
    return { id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(function (n) { return String(n.target) + ' :: ' + (n.failureSummary || '').split('\\n').slice(0, 2).join(' '); }) };
  });
}`;

/** axe on a whole extension page (popup.html, options.html). */
export async function axePage(page: EvaluatingPage): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(`axe.run(document, ${JSON.stringify(RUN_OPTIONS)}).then(${SUMMARISE})`) as Promise<AxeViolation[]>;
}

/** axe on the overlay's closed shadow root, through an open clone of it (removed afterwards). */
export async function axeOverlay(page: EvaluatingPage, overlay: OverlayPage): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  return overlay.inOverlay<AxeViolation[]>(
    `async function (root, options) {
      if (!root) throw new Error('no overlay on the page');
      var host = root.host;
      var copy = document.createElement(host.localName + '-axe-copy');
      var open = copy.attachShadow({ mode: 'open' });
      open.adoptedStyleSheets = root.adoptedStyleSheets;
      for (var i = 0; i < root.childNodes.length; i++) open.appendChild(root.childNodes[i].cloneNode(true));
      copy.setAttribute('style', host.getAttribute('style') || '');
      // Landmark and region rules judge the page, which is not ours: only our root is in the context.
      var hostVisibility = host.style.visibility;
      host.style.visibility = 'hidden';
      document.documentElement.appendChild(copy);
      try {
        var result = await axe.run({ include: [[copy.localName]] }, Object.assign({}, options, { rules: { region: { enabled: false } } }));
        return (${SUMMARISE})(result);
      } finally {
        copy.remove();
        host.style.visibility = hostVisibility;
      }
    }`,
    RUN_OPTIONS,
  );
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');
}

/** The overlay on a panel page, once it has a verdict: it speaks `lang` (whatever the page's own) and axe finds nothing. */
export async function expectAccessibleOverlay(page: EvaluatingPage, overlay: OverlayPage, lang: 'ja' | 'en'): Promise<void> {
  await waitForVerdict(overlay, 30_000);
  expect(await overlay.inOverlay(`function (root) { return root.querySelector('[data-lang]').getAttribute('lang'); }`)).toBe(lang);
  const violations = await axeOverlay(page, overlay);
  expect(violations, describeViolations(violations)).toEqual([]);
}
