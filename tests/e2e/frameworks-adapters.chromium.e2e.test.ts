// The adapters run directly in Chromium pages rendered by the real frameworks (no extension): fills the
// overlay's seed fix does not need — a TTL that makes WDS's Dropdown open and take a click on its option,
// an edit of an existing row, an MX whose priority field Angular only renders after TYPE changes — each
// checked against the framework's state, never by the DOM alone.
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FillResult, PanelFix } from '../../lib/panels/types';
import { adaptersScript } from './support/adapters-in-page';
import { preparePanelPage } from './support/chromium';
import { wdsDraft, wdsSaved, onamaeAdded, onamaeModel } from './support/frameworks';
import { panelUrl } from './support/panels';
import type { PanelOptions } from './support/panels';
import { CHROMIUM_PATH } from './support/paths';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--proxy-server=http://127.0.0.1:9'] });
});

afterAll(async () => {
  await browser?.close();
});

async function open(name: 'wix' | 'onamae', options: PanelOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await preparePanelPage(page);
  await page.goto(panelUrl(name, { framework: true, delay: 0, ...options }));
  await page.addScriptTag({ content: await adaptersScript() });
  // The records are in: the adapter reads them (and the domain) before any fill.
  await expect.poll(() => page.evaluate(`window.__spfPanels.${name}Adapter.read(document).records.length`)).toBeGreaterThan(0);
  return page;
}

function fill(page: Page, name: 'wix' | 'onamae', fix: PanelFix): Promise<FillResult> {
  return page.evaluate(
    `window.__spfPanels.${name}Adapter.fill(document, ${JSON.stringify(fix)}).then(function (r) { return JSON.parse(JSON.stringify({ ok: r.ok, filled: r.filled, problems: r.problems, nextStep: r.nextStep, saveLabel: r.saveLabel })); })`,
  ) as Promise<FillResult>;
}

const SPF = 'v=spf1 include:_spf.onamae.ne.jp ~all';
const VERIFICATION = 'google-site-verification=Xq3v9TzJ0eK1mP4sR7uW2yB5nD8fH6gL0aC3vE1iO9';

describe('the fixtures keep framework state apart from the DOM (what makes the fill tests able to fail)', () => {
  it('WDS: a value written only into the DOM is not what Save stores', async () => {
    const page = await open('wix');
    try {
      await page.getByRole('heading', { name: 'TXT (Text)' }).locator('xpath=ancestor::div[.//button][1]').getByRole('button', { name: 'Add Record' }).dispatchEvent('click');
      const value = page.getByRole('dialog').locator('input').nth(1);
      await value.evaluate((el, spf) => { (el as HTMLInputElement).value = spf; el.dispatchEvent(new Event('input', { bubbles: true })); }, SPF);
      await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
      expect(await wdsSaved(page)).toEqual([{ type: 'TXT', host: '', value: '', ttl: 3600, recordId: null }]);
    } finally {
      await page.close();
    }
  });

  it('Angular: a value written only into the DOM is not what 「追加」 queues', async () => {
    const page = await open('onamae');
    try {
      await page.getByText('レコード追加', { exact: true }).click();
      await page.locator('select[name="dnsTypeInput"]').selectOption('50');
      await page.locator('input[name="recValueInput"]').evaluate((el, spf) => { (el as HTMLInputElement).value = spf; }, SPF);
      await page.getByRole('button', { name: '追加', exact: true }).click();
      expect(await onamaeAdded(page)).toEqual([{ host: '', type: 'TXT', typeCode: '50', ttl: '3600', value: '', priority: '', status: '1' }]);
    } finally {
      await page.close();
    }
  });
});

describe('adapters on @wix/design-system', () => {
  for (const variant of [undefined, 'inline']) {
    it(`chooses a TTL in WDS's Dropdown by clicking its option (${variant ?? 'modal'})`, async () => {
      const page = await open('wix', variant ? { variant } : {});
      try {
        const result = await fill(page, 'wix', { action: 'add', type: 'TXT', name: 'example.jp', value: SPF, ttl: 14400 });
        expect(result.problems).toEqual([]);
        expect(result.ok).toBe(true);
        expect(await wdsDraft(page)).toMatchObject({ type: 'TXT', host: '', value: SPF, ttl: 14400 });
        // The Dropdown closed again on the option's click; nothing was saved.
        expect(await page.locator('[role="listbox"]:visible, [data-hook="dropdown-layout-options"]:visible').count()).toBe(0);
        expect(await wdsSaved(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('edits an existing TXT row through its Edit action (React state holds the new value, same record)', async () => {
    const page = await open('wix', { lang: 'ja' });
    try {
      const result = await fill(page, 'wix', { action: 'edit', type: 'TXT', name: 'example.jp', value: `${VERIFICATION}x`, replaces: VERIFICATION });
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.saveLabel).toBe('保存');
      const draft = (await wdsDraft(page)) as unknown as { recordId: number | null; value: string; type: string };
      expect(draft).toMatchObject({ type: 'TXT', value: `${VERIFICATION}x` });
      expect(draft.recordId).not.toBeNull();
      expect(await wdsSaved(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('adapters on Angular', () => {
  it('fills an MX: TYPE first, then the priority field Angular renders for it, all in the ngModel', async () => {
    const page = await open('onamae');
    try {
      const result = await fill(page, 'onamae', { action: 'add', type: 'MX', name: 'example.jp', value: 'mail1043.onamae.ne.jp.', priority: 20, ttl: 600 });
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(await onamaeModel(page)).toMatchObject({ type: '40', host: '', value: 'mail1043.onamae.ne.jp.', priority: '20', ttl: '600' });
      expect(await onamaeAdded(page), 'fill does not press 追加 unless asked to queue').toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('queues with 「追加」 when asked (queue option): the pending list holds the model', async () => {
    const page = await open('onamae');
    try {
      const result = (await page.evaluate(
        `window.__spfPanels.onamaeAdapter.fill(document, ${JSON.stringify({ action: 'add', type: 'TXT', name: 'example.jp', value: SPF })}, { queue: true }).then(function (r) { return { ok: r.ok, problems: r.problems, nextStep: r.nextStep }; })`,
      )) as { ok: boolean; problems: unknown[]; nextStep: string };
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(await onamaeAdded(page)).toEqual([{ host: '', type: 'TXT', typeCode: '50', ttl: '3600', value: SPF, priority: '', status: '1' }]);
      // The adapter reads the queued row back as pending.
      const pending = await page.evaluate(`window.__spfPanels.onamaeAdapter.read(document).pending.map(function (r) { return [r.type, r.host, r.value]; })`);
      expect(pending).toEqual([['TXT', 'example.jp', SPF]]);
    } finally {
      await page.close();
    }
  });
});
