// The お名前.com Navi adapter: DNSレコード設定 (navi.onamae.com, Angular). Detection needs the host
// and the input page's DOM (its component, heading, add row or 登録済 table).

import { fillOnamae } from './onamae-fill';
import { ONAMAE } from './onamae-labels';
import { readOnamae, tablesOf } from './onamae-read';
import { relativeLabel } from './names';
import { problemFromError } from './problems';
import { labelIs } from './text';
import type { FillOptions, FillResult, PanelAdapter, PanelFix, PanelRead } from './types';

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The DOM is the DNS record input page: its Angular component, its h1, its add row or its 登録済 table. */
export function isOnamaeDnsPage(doc: Document): boolean {
  if (doc.querySelector(ONAMAE.page.component)) return true;
  for (const h1 of doc.querySelectorAll('h1')) if (labelIs(h1.textContent, ONAMAE.page.titles)) return true;
  if (doc.querySelector(ONAMAE.addRow.host.map((n) => `input[name="${n}"]`).join(', '))) return true;
  return tablesOf(doc, 'registered').length > 0;
}

export const onamaeAdapter: PanelAdapter = {
  id: 'onamae',

  detect(url: string, doc: Document): boolean {
    const host = hostOf(url);
    if (!host || !(ONAMAE.hosts as readonly string[]).includes(host)) return false;
    try {
      return isOnamaeDnsPage(doc);
    } catch {
      return false;
    }
  },

  read(doc: Document): PanelRead {
    try {
      return readOnamae(doc);
    } catch (error) {
      return { domain: null, records: [], pending: [], problems: [problemFromError(error)], nsDnsvFlg: null };
    }
  },

  async fill(doc: Document, fix: PanelFix, options?: FillOptions): Promise<FillResult> {
    try {
      return withConfirmLabel(await fillOnamae(doc, fix, options));
    } catch (error) {
      return withConfirmLabel({
        ok: false,
        filled: { host: '', type: fix.type, value: '' },
        problems: [problemFromError(error)],
        nextStep: fix.action === 'add' ? 'add-then-confirm' : 'save',
        saveLabel: fix.action === 'add' ? ONAMAE.buttons.add[0] : ONAMAE.buttons.confirm[0],
      });
    }
  },

  /** The 入力 row's ホスト名 is relative to the domain (the ".example.jp" hint follows it); '' is the apex. */
  hostLabel(fqdn: string, domain: string): string {
    return relativeLabel(fqdn, domain) ?? fqdn;
  },
};

/** 「追加」 queues the row; the user then presses 「確認画面へ進む」, named here so the shared fix card need not know the panel. */
function withConfirmLabel(result: FillResult): FillResult {
  return result.nextStep === 'add-then-confirm' ? { ...result, confirmLabel: result.confirmLabel ?? ONAMAE.buttons.confirm[0] } : result;
}
