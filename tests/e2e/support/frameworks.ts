// Panel-side facts of the framework fixtures (tests/fixtures/wix-wds, tests/fixtures/onamae-angular), read
// from the frameworks' own state, shared by the Chromium and Firefox suites.
import { zoneText } from '../../dns-testbed/testbed';
import type { EvaluatingPage } from './overlay';

export interface WdsSaved {
  type: string;
  host: string;
  value: string;
  ttl: number;
  recordId: number | null;
}

/** What the WDS fixture's Save stored: its React state at the moment of the click. */
export async function wdsSaved(page: EvaluatingPage): Promise<WdsSaved[]> {
  return (await page.evaluate('JSON.parse(JSON.stringify(window.__saved || []))')) as WdsSaved[];
}

/** The WDS editor's React state (null when no editor is open). */
export async function wdsDraft(page: EvaluatingPage): Promise<{ type: string; host: string; value: string; ttl: number } | null> {
  return (await page.evaluate('window.__wdsFixture && window.__wdsFixture.draft() ? JSON.parse(JSON.stringify(window.__wdsFixture.draft())) : null')) as {
    type: string;
    host: string;
    value: string;
    ttl: number;
  } | null;
}

/** Record rows the WDS table shows (a row being edited inline has inputs and is left out). */
export async function wdsRowCount(page: EvaluatingPage): Promise<number> {
  return (await page.evaluate(`Array.prototype.filter.call(document.querySelectorAll('tr[data-table-row]'), function (row) { return !row.querySelector('input'); }).length`)) as number;
}

export interface OnamaeAdded {
  host: string;
  type: string;
  ttl: string;
  value: string;
  status: string;
}

/** What the Angular fixture's 「追加」 queued: its ngModel at the moment of the click. */
export async function onamaeAdded(page: EvaluatingPage): Promise<OnamaeAdded[]> {
  return (await page.evaluate('JSON.parse(JSON.stringify(window.__added || []))')) as OnamaeAdded[];
}

/** The Angular add row's model right now. */
export async function onamaeModel(page: EvaluatingPage): Promise<{ host: string; type: string; value: string; ttl: string }> {
  return (await page.evaluate('JSON.parse(JSON.stringify(window.__onamaeAngular.model()))')) as { host: string; type: string; value: string; ttl: string };
}

/** example.jp with DNS at お名前.com (NS 01–04.dnsv.jp) and no SPF yet: the panel where Fill belongs. */
export function onamaeHostedWithoutSpf(): string {
  const text = zoneText('variants/example.jp.onamae.zone');
  const withoutSpf = text.split('\n').filter((line) => !line.includes('v=spf1')).join('\n');
  if (withoutSpf === text) throw new Error('variants/example.jp.onamae.zone has no SPF line to take out');
  return withoutSpf;
}
