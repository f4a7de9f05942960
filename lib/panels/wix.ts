// The Wix adapter: "Manage DNS Records" (manage.wix.com, React SPA, data-hook attributes).
// Detection needs the host *and* the page: Wix's DNS page URL is not known, and the SPA keeps the
// host while the content changes, so the DOM decides (re-run detect after every re-render).

import { columnOf, headerTexts } from './dom';
import { problemFromError } from './problems';
import { relativeLabel } from './names';
import { typeFromHeading } from './records';
import type { FillOptions, FillResult, PanelAdapter, PanelFix, PanelRead, ReadContext } from './types';
import { fillWix } from './wix-fill';
import { WIX } from './wix-labels';
import { findTitle, readWix, sectionTypeOf } from './wix-read';

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The DOM says "DNS records page": a dns-records hook, the page title, or a records table under a type heading. */
export function isWixDnsPage(doc: Document): boolean {
  if (doc.querySelector(`[data-hook^="${WIX.pageHookPrefix}"]`)) return true;
  if (findTitle(doc)) return true;
  // A records table: host and TTL columns, and either a Type column or a type section heading.
  for (const table of doc.querySelectorAll('table')) {
    const headers = headerTexts(table);
    if (columnOf(headers, WIX.headers.host) < 0 || columnOf(headers, WIX.headers.ttl) < 0) continue;
    if (columnOf(headers, WIX.headers.type) >= 0 || sectionTypeOf(table)) return true;
  }
  // Type headings such as "TXT (Text)" next to "CNAME (Aliases)".
  let typeHeadings = 0;
  for (const heading of doc.querySelectorAll('h1, h2, h3, h4, [role="heading"]')) {
    if (typeFromHeading(heading.textContent)) typeHeadings++;
  }
  return typeHeadings >= 2;
}

export const wixAdapter: PanelAdapter = {
  id: 'wix',

  detect(url: string, doc: Document): boolean {
    const host = hostOf(url);
    if (!host || !(WIX.hosts as readonly string[]).includes(host)) return false;
    try {
      return isWixDnsPage(doc);
    } catch {
      return false;
    }
  },

  read(doc: Document, context?: ReadContext): PanelRead {
    try {
      return readWix(doc, context);
    } catch (error) {
      return { domain: null, records: [], pending: [], problems: [problemFromError(error)] };
    }
  },

  async fill(doc: Document, fix: PanelFix, options?: FillOptions): Promise<FillResult> {
    try {
      return await fillWix(doc, fix, options);
    } catch (error) {
      return { ok: false, filled: { host: '', type: fix.type, value: '' }, problems: [problemFromError(error)], nextStep: 'save', saveLabel: 'Save' };
    }
  },

  /** Wix's Host Name is relative: '' for the apex, 'www' for www.example.jp. */
  hostLabel(fqdn: string, domain: string): string {
    return relativeLabel(fqdn, domain) ?? fqdn;
  },
};
