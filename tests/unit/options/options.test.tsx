// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../components/options/OptionsApp';
import type { OptionsDeps } from '../../../components/options/OptionsApp';
import { loadSettings } from '../../../components/options/settings-store';
import { SETTINGS_KEY } from '../../../lib/settings';
import { $, changeTo, click, mount, settle, submit, textOf, typeInto } from '../popup/harness';

const CLOUDFLARE = 'https://cloudflare-dns.com/dns-query';
const GOOGLE = 'https://dns.google/dns-query';

let cleanup: (() => void) | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function setup(options: { grant?: boolean | Error; uiLanguage?: string } = {}) {
  const request = vi.fn(async (_: { origins: string[] }) => {
    if (options.grant instanceof Error) throw options.grant;
    return options.grant ?? true;
  });
  const remove = vi.fn(async (_: { origins: string[] }) => true);
  const deps: OptionsDeps = {
    storage: fakeBrowser.storage.local,
    permissions: { request, remove },
    uiLanguage: options.uiLanguage ?? 'en-US',
    now: () => Date.UTC(2026, 0, 15, 3, 4, 5),
  };
  const view = mount(<OptionsApp deps={deps} />);
  cleanup = view.unmount;
  await settle();
  return { ...view, request, remove };
}

const urls = (container: HTMLElement) => [...container.querySelectorAll('.resolver')].map((li) => li.getAttribute('data-url'));
const button = (container: HTMLElement, label: string) => $(container, `button[aria-label="${label}"]`) as HTMLButtonElement;
const stored = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown> | undefined;

function addResolver(container: HTMLElement, label: string, url: string) {
  typeInto($(container, '#resolver-label') as HTMLInputElement, label);
  typeInto($(container, '#resolver-url') as HTMLInputElement, url);
  submit($(container, '.add-form'));
}

describe('options page: resolvers', () => {
  it('starts with Cloudflare then Google, and keeps the last resolver', async () => {
    const { container } = await setup();
    expect(urls(container)).toEqual([CLOUDFLARE, GOOGLE]);
    expect(button(container, 'Move Cloudflare up').disabled).toBe(true);
    expect(button(container, 'Move Google down').disabled).toBe(true);
    click(button(container, 'Remove Cloudflare'));
    await settle();
    expect(urls(container)).toEqual([GOOGLE]);
    expect(button(container, 'Remove Google').disabled).toBe(true);
    expect(container.textContent).toContain('At least one resolver is needed.');
  });

  it('reorders with the move buttons, keeps focus on the moved entry, and saves with a visible confirmation', async () => {
    const { container } = await setup();
    expect(textOf(container, '.save-status')).toBe('');
    const up = button(container, 'Move Google up');
    up.focus();
    click(up);
    await settle();
    expect(urls(container)).toEqual([GOOGLE, CLOUDFLARE]);
    // Google is now first: its "up" is disabled, so focus moved to its "down".
    expect(document.activeElement).toBe(button(container, 'Move Google down'));
    expect(textOf(container, '.save-status')).toMatch(/^Saved \(.+\)\.$/);
    expect($(container, '.save-status').getAttribute('role')).toBe('status');
    expect(((await stored())?.resolvers as { url: string }[]).map((r) => r.url)).toEqual([GOOGLE, CLOUDFLARE]);
  });

  it('rejects unusable URLs and duplicates without asking for a permission', async () => {
    const { container, request } = await setup();
    addResolver(container, 'FTP', 'ftp://dns.example.net/dns-query');
    expect(textOf(container, '#resolver-add-error')).toContain('Enter an https:// address');
    expect($(container, '#resolver-url').getAttribute('aria-invalid')).toBe('true');
    addResolver(container, 'Plain', 'http://dns.example.net/dns-query');
    expect(textOf(container, '#resolver-add-error')).toContain('Enter an https:// address');
    addResolver(container, 'Secret', 'https://user:pw@dns.example.net/dns-query');
    expect(textOf(container, '#resolver-add-error')).toContain('Enter an https:// address');
    addResolver(container, 'Again', CLOUDFLARE);
    expect(textOf(container, '#resolver-add-error')).toBe('This resolver is already in the list.');
    await settle();
    expect(request).not.toHaveBeenCalled();
    expect(urls(container)).toEqual([CLOUDFLARE, GOOGLE]);
  });

  it('asks for the resolver\'s host (without port) inside the click, then adds and saves it', async () => {
    const { container, request } = await setup({ grant: true });
    addResolver(container, 'Office', 'https://dns.example.net:8443/dns-query');
    // Called synchronously from the submit handler: still inside the user gesture.
    expect(request).toHaveBeenCalledWith({ origins: ['https://dns.example.net/*'] });
    await settle();
    expect(urls(container)).toEqual([CLOUDFLARE, GOOGLE, 'https://dns.example.net:8443/dns-query']);
    expect(textOf(container, '.add-note')).toBe('Added Office. Access to https://dns.example.net/* is allowed.');
    expect(($(container, '#resolver-url') as HTMLInputElement).value).toBe('');
    expect((await stored())?.resolvers).toEqual([
      { label: 'Cloudflare', url: CLOUDFLARE },
      { label: 'Google', url: GOOGLE },
      { label: 'Office', url: 'https://dns.example.net:8443/dns-query' },
    ]);
  });

  it('asks for loopback resolvers too, naming the host after the label when none is given', async () => {
    const { container, request } = await setup();
    addResolver(container, '', 'http://127.0.0.1:8053/dns-query');
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    await settle();
    expect(container.querySelector('[data-url="http://127.0.0.1:8053/dns-query"] .resolver-label')?.textContent).toBe('127.0.0.1:8053');
  });

  it('still adds a resolver when the permission is refused (or the request fails), explaining CORS', async () => {
    const refused = await setup({ grant: false });
    addResolver(refused.container, 'Office', 'https://dns.example.net/dns-query');
    await settle();
    expect(urls(refused.container)).toContain('https://dns.example.net/dns-query');
    expect(textOf(refused.container, '.add-note')).toBe(
      'Added Office, but access to https://dns.example.net/* was not allowed: it works only if the resolver sends CORS headers.',
    );
    cleanup?.();
    fakeBrowser.reset();

    const failing = await setup({ grant: new Error('Only permissions specified in the manifest may be requested.') });
    addResolver(failing.container, 'IPv6 loopback', 'http://[::1]:8053/dns-query');
    await settle();
    expect(urls(failing.container)).toContain('http://[::1]:8053/dns-query');
    expect(textOf(failing.container, '.add-note')).toContain('was not allowed');
  });

  it('re-adds a built-in resolver without a permission prompt, and gives a custom host\'s permission back on removal', async () => {
    const { container, request, remove } = await setup();
    click(button(container, 'Remove Google'));
    await settle();
    addResolver(container, 'Google', GOOGLE);
    await settle();
    expect(request).not.toHaveBeenCalled();
    expect(textOf(container, '.add-note')).toBe('Added Google.');
    expect(remove).not.toHaveBeenCalled();

    addResolver(container, 'Office', 'https://dns.example.net/dns-query');
    await settle();
    click(button(container, 'Remove Office'));
    await settle();
    expect(remove).toHaveBeenCalledWith({ origins: ['https://dns.example.net/*'] });
  });

  it('resets to Cloudflare then Google', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { resolvers: [{ label: 'Office', url: 'https://dns.example.net/dns-query' }] } });
    const { container } = await setup();
    expect(urls(container)).toEqual(['https://dns.example.net/dns-query']);
    click([...container.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Reset to defaults')));
    await settle();
    expect(urls(container)).toEqual([CLOUDFLARE, GOOGLE]);
    expect((await loadSettings(fakeBrowser.storage.local)).resolvers.map((r) => r.url)).toEqual([CLOUDFLARE, GOOGLE]);
  });
});

describe('options page: language and re-check interval', () => {
  it('follows the browser language, switches language when chosen, and saves the choice', async () => {
    const { container } = await setup({ uiLanguage: 'ja' });
    expect(textOf(container, 'h1')).toBe('SPF Doctorの設定');
    changeTo($(container, '#language-select') as HTMLSelectElement, 'en');
    await settle();
    expect(textOf(container, 'h1')).toBe('SPF Doctor settings');
    expect(document.documentElement.lang).toBe('en');
    expect((await stored())?.language).toBe('en');
    expect($(container, 'label[for="language-select"]').textContent).toBe('Language of SPF Doctor');
  });

  it('accepts 10 to 3600 seconds, explains anything else, and saves only valid values', async () => {
    const { container } = await setup();
    const input = $(container, '#recheck-input') as HTMLInputElement;
    expect(input.value).toBe('60');
    changeTo(input, '5');
    await settle();
    expect(textOf(container, '#recheck-error')).toBe('Enter a whole number from 10 to 3600.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toBeUndefined();
    changeTo(input, '12.5');
    await settle();
    expect(container.querySelector('#recheck-error')).not.toBeNull();
    changeTo(input, '120');
    await settle();
    expect(container.querySelector('#recheck-error')).toBeNull();
    expect((await stored())?.recheckSeconds).toBe(120);
  });

  it('reads back what it saved (and normalizes what it reads)', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { resolvers: [{ label: 'Bad', url: 'ftp://x' }, { label: 'Google', url: GOOGLE }], language: 'fr', recheckSeconds: 99999 },
    });
    const first = await setup();
    expect(urls(first.container)).toEqual([GOOGLE]);
    expect(($(first.container, '#recheck-input') as HTMLInputElement).value).toBe('3600');
    changeTo($(first.container, '#language-select') as HTMLSelectElement, 'ja');
    addResolver(first.container, 'Office', 'https://dns.example.net/dns-query');
    await settle();
    cleanup?.();

    const second = await setup();
    expect(urls(second.container)).toEqual([GOOGLE, 'https://dns.example.net/dns-query']);
    expect(($(second.container, '#language-select') as HTMLSelectElement).value).toBe('ja');
    expect(textOf(second.container, 'h1')).toBe('SPF Doctorの設定');
  });
});
