// Keyboard entry in Firefox (issue #10 item 3) on the Wix and お名前.com seed samples: the skip control,
// Tab counts, Escape, and the shortcut (its command registered with Alt+Shift+S; its message sent from
// an extension page, since synthetic keys over WebDriver BiDi do not trigger extension commands).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestbed } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';
import { firefoxOverlay } from './support/closed-root';
import { launchFirefox } from './support/firefox';
import type { FirefoxHarness } from './support/firefox';
import { checkKeyboardEntry, LIST_COMMANDS, SEND_FOCUS_MESSAGE } from './support/keyboard';
import type { KeyboardDriver } from './support/keyboard';
import { waitForVerdict } from './support/overlay';
import { settingsWith } from './support/scenarios';

let testbed: DnsTestbed;
let firefox: FirefoxHarness;
const pages: Page[] = [];

beforeAll(async () => {
  testbed = await startTestbed();
  firefox = await launchFirefox({ settings: settingsWith([{ label: 'loopback', url: testbed.dohUrl }]) });
});

afterAll(async () => {
  await firefox?.close();
  await testbed?.stop();
});

function driverFor(panel: 'wix' | 'onamae'): () => Promise<KeyboardDriver> {
  return async () => {
    for (const old of pages.splice(0)) await old.close().catch(() => {});
    const page = await firefox.openPanel(panel, { delay: 200 });
    pages.push(page);
    const overlay = firefoxOverlay(page);
    await waitForVerdict(overlay);
    return {
      overlay,
      press: (key) => page.keyboard.press(key),
      sendFocusCommand: async () => {
        expect(await firefox.inExtension(SEND_FOCUS_MESSAGE), 'tabs that took the focus message').toBe(1);
        await page.bringToFront();
      },
    };
  };
}

describe('Firefox: keyboard entry', () => {
  it('registers the shortcut with its key and localized description', async () => {
    const commands = (await firefox.inExtension(LIST_COMMANDS)) as { name: string; shortcut: string; description: string }[];
    expect(commands).toContainEqual({ name: 'focus-overlay', shortcut: 'Alt+Shift+S', description: "Go to SPF Doctor's diagnosis on this DNS page" });
  });

  for (const panel of ['wix', 'onamae'] as const) {
    it(`${panel} seed: skip control, Tab count, Escape and the shortcut`, async () => {
      const figures = await checkKeyboardEntry(driverFor(panel));
      console.log(`keyboard firefox ${panel}: ${figures.withSkip} Tab(s) with the skip control, ${figures.withoutSkip} without; shortcut ${figures.shortcut}`);
    }, 120_000);
  }
});
