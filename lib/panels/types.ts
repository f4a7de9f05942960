// The one interface every DNS-panel adapter implements (Wix, お名前.com Navi).
//
// An adapter only ever receives a Document (or elements of it): no `browser.*`, no globals, so the
// same code runs in a content script, under Vitest (happy-dom) and in the Node benchmark.
//
//   detect(url, doc)  is this page the panel's DNS record page? (URL host *and* DOM)
//   read(doc, ctx)    the domain, every record row shown, the pending (not yet saved) edits, problems
//   fill(doc, fix)    put one record into the panel's own form; never saves, never deletes
//   hostLabel(...)    how the panel wants a host typed (both panels: relative, '' for the apex)
//
// Nothing here throws into the page: what could not be found is reported as a PanelProblem.

import type { ProblemArgs, ProblemCode } from './problems';

export type PanelId = 'wix' | 'onamae';

/** One record row as the panel shows it. */
export interface PanelRecord {
  /** FQDN, lower-case, no trailing dot. */
  host: string;
  /** Upper-case record type as shown ('A', 'TXT', …); '' when the page does not say. */
  type: string;
  /** Seconds; null when the TTL is not shown or cannot be read. */
  ttl: number | null;
  /**
   * The value as shown, trimmed: A as four octets joined with '.', MX/CNAME targets as shown
   * (お名前.com keeps a trailing dot), TXT exactly as shown (no unquoting, no joining).
   */
  value: string;
  /** MX preference. */
  priority?: number;
  /** お名前.com's 状態 column (有効/無効). */
  status?: 'enabled' | 'disabled';
  /** The row offers no inputs (お名前.com's NS rows). */
  readOnly?: boolean;
  /** A row the user (or fill) has entered but the panel has not saved yet. */
  pending?: boolean;
  /** The row element, so an overlay can anchor a badge to it. */
  row: Element;
}

/** What a fill should put into the panel. */
export interface PanelFix {
  /** 'edit' changes an existing row (an SPF merge must edit, never add a second v=spf1). */
  action: 'add' | 'edit';
  type: 'TXT' | 'MX' | 'CNAME' | 'A';
  /** FQDN of the record. */
  name: string;
  value: string;
  /** Seconds; left at the panel's default when absent. */
  ttl?: number;
  /** MX preference. */
  priority?: number;
  /** For 'edit': the current value of the row to change. */
  replaces?: string;
}

export interface PanelProblem {
  /** Stable code, e.g. 'TABLE_NOT_FOUND', 'ADD_FORM_NOT_FOUND'; its words are in the catalogs (see problems.ts). */
  code: ProblemCode;
  params: ProblemArgs;
}

export interface FillResult {
  /** True when every requested field was found, set, and read back as requested. */
  ok: boolean;
  /** What the form holds now, read back from it (host as the panel wants it typed). */
  filled: { host: string; type: string; value: string; ttl?: string; priority?: string };
  problems: PanelProblem[];
  /**
   * 'save': the user presses `saveLabel` (Wix 'Save', お名前.com 「確認画面へ進む」).
   * 'add-then-confirm': お名前.com; the user presses 「追加」 (`saveLabel`), then 「確認画面へ進む」.
   */
  nextStep: 'save' | 'add-then-confirm';
  /** The panel's own button the user presses next. */
  saveLabel: string;
  /** 'add-then-confirm': the button pressed after `saveLabel` (set by the お名前.com adapter). */
  confirmLabel?: string;
}

export interface PanelRead {
  domain: string | null;
  /** Saved rows, in page order. */
  records: PanelRecord[];
  /** Rows entered but not saved: Wix's open edit row, お名前.com's 「追加」 queue. */
  pending: PanelRecord[];
  problems: PanelProblem[];
  /**
   * お名前.com only: whether 「DNSレコード設定用のネームサーバーに変更する」 (nsDnsvFlg) is ticked;
   * null when the checkbox is not on the page. The overlay warns; adapters never change it.
   */
  nsDnsvFlg?: boolean | null;
}

export interface FillOptions {
  /**
   * お名前.com only: also press 「追加」, which queues the row on the page (nothing is sent).
   * The result's nextStep then becomes 'save' with 「確認画面へ進む」.
   */
  queue?: boolean;
  /** How long to wait for the panel to render a form after a click (ms). Default 3000. */
  timeoutMs?: number;
}

/** What the caller already knows about the page it reads again (same URL, earlier read). */
export interface ReadContext {
  /**
   * The domain an earlier read of this page found. Used only when the page stops showing it: WDS's
   * Page minimizes its header on scroll and drops the subtitle that names the domain.
   */
  knownDomain?: string | null;
}

export interface PanelAdapter {
  id: PanelId;
  detect(url: string, doc: Document): boolean;
  read(doc: Document, context?: ReadContext): PanelRead;
  fill(doc: Document, fix: PanelFix, options?: FillOptions): Promise<FillResult>;
  hostLabel(fqdn: string, domain: string): string;
}
