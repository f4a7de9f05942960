// @vitest-environment happy-dom
// The popup's Watching tab over a fake watch API: each watch with its record, every resolver's state and
// history, the next check, Stop; and the notifications offer when the permission is missing.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { WatchList } from '../../../components/popup/WatchList';
import type { WatchApi } from '../../../components/popup/watch-api';
import { LangContext } from '../../../components/popup/text';
import type { Lang } from '../../../lib/diagnosis/types';
import type { WatchReply, WatchRequest } from '../../../lib/watch/request';
import type { Watch } from '../../../lib/watch/types';
import { click, mount, settle } from './harness';

const SPF = 'v=spf1 include:_spf.onamae.ne.jp ~all';
const at = (h: number, m: number) => new Date(2026, 11, 3, h, m, 0).getTime();

function pendingWatch(): Watch {
  return {
    id: 'example.jp TXT example.jp',
    domain: 'example.jp',
    panel: 'wix',
    expected: { type: 'TXT', name: 'example.jp', value: SPF, previous: [] },
    nameservers: ['ns0.wixdns.net'],
    startedAt: at(10, 0),
    nextCheckAt: at(10, 11),
    attempts: 1,
    status: 'pending',
    seen: false,
    resolvers: [
      { label: 'Cloudflare', url: 'https://cloudflare-dns.com/dns-query', verdict: 'live', history: [{ at: at(10, 0), verdict: 'cached', values: [], ttl: 600 }, { at: at(10, 10), verdict: 'live', values: [SPF], ttl: 600 }] },
      { label: 'Google', url: 'https://dns.google/dns-query', verdict: 'cached', expiresAt: at(10, 20), history: [{ at: at(10, 10), verdict: 'cached', values: [], ttl: 600 }] },
    ],
  };
}

function fakeApi(watches: Watch[], granted = true): WatchApi & { sent: WatchRequest[]; asked: number } {
  const api = {
    sent: [] as WatchRequest[],
    asked: 0,
    async send(request: WatchRequest): Promise<WatchReply> {
      api.sent.push(request);
      if (request.kind === 'watch-stop') {
        watches = watches.filter((w) => w.id !== request.id);
        return { kind: 'watch-stopped', id: request.id };
      }
      return { kind: 'watch-list', watches };
    },
    notificationsGranted: async () => granted,
    async requestNotifications() {
      api.asked++;
      granted = true;
      return true;
    },
  };
  return api;
}

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

async function show(api: WatchApi, lang: Lang = 'en'): Promise<HTMLElement> {
  const mounted = mount(
    <LangContext.Provider value={lang}>
      <WatchList api={api} active={true} />
    </LangContext.Provider>,
  );
  unmount = mounted.unmount;
  await settle();
  return mounted.container;
}

describe('popup: Watching', () => {
  it('lists the watch: record expected, each resolver with its state and history, the next check', async () => {
    const container = await show(fakeApi([pendingWatch()]));
    const watch = container.querySelector('[data-watch="example.jp TXT example.jp"]')!;
    expect(watch.getAttribute('data-watch-status')).toBe('pending');
    expect(watch.querySelector('.watch-domain')!.textContent).toBe('example.jp — Waiting for propagation');
    expect(watch.querySelector('.watch-expected')!.textContent).toBe(`Expected: TXT example.jp ${SPF}`);
    const cloudflare = watch.querySelector('[data-resolver="Cloudflare"]')!;
    expect(cloudflare.getAttribute('data-verdict')).toBe('live');
    expect([...cloudflare.querySelectorAll('[data-observation]')].map((li) => li.textContent)).toEqual([
      '10:00:00 Cloudflare: still has the old data cached, until 10:10:00 at the latest',
      '10:10:00 Cloudflare: live',
    ]);
    expect(watch.querySelector('[data-resolver="Google"] .watch-verdict')!.textContent).toBe('Google: still has the old data cached, until 10:20:00 at the latest');
    expect(watch.querySelector('.meta')!.textContent).toBe('Next check at 10:11:00');
    expect(container.querySelector('[data-action="notifications"]')).toBeNull();
  });

  it('Stop ends the watch and the list follows', async () => {
    const api = fakeApi([pendingWatch()]);
    const container = await show(api, 'ja');
    const stop = container.querySelector('[data-action="watch-stop"]')!;
    expect(stop.textContent).toBe('停止');
    click(stop);
    await settle();
    expect(api.sent.filter((r) => r.kind === 'watch-stop')).toEqual([{ kind: 'watch-stop', id: 'example.jp TXT example.jp' }]);
    expect(container.querySelectorAll('[data-watch]')).toHaveLength(0);
    expect(container.textContent).toContain('まだ見守りはありません');
  });

  it('without the notifications permission: says the badge counts, and asks only on the user\'s click', async () => {
    const api = fakeApi([], false);
    const container = await show(api);
    const ask = container.querySelector('[data-action="notifications"]')!;
    expect(container.querySelector('.watch-notifications')!.textContent).toContain('the toolbar badge counts the pending watches');
    // A scripted click (untrusted) asks nothing; the user's click (the harness's) asks once.
    act(() => (ask as HTMLElement).click());
    expect(api.asked).toBe(0);
    click(ask);
    await settle();
    expect(api.asked).toBe(1);
    expect(container.querySelector('[data-action="notifications"]')).toBeNull();
  });
});
