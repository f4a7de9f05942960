// The words of a watch in both languages, and the badge.
import { describe, expect, it } from 'vitest';
import { badgeText, joinList, notificationFor, resolverState } from '../../../lib/watch/notify';
import type { ResolverWatch, Watch } from '../../../lib/watch/types';

const SPF = 'v=spf1 include:_spf.onamae.ne.jp ~all';
const resolver = (label: string, verdict: ResolverWatch['verdict'], extra: Partial<ResolverWatch> = {}): ResolverWatch => ({ label, url: `https://${label}.test/dns-query`, verdict, history: [], ...extra });

function watch(resolvers: ResolverWatch[], status: Watch['status'] = 'pending'): Watch {
  return {
    id: 'example.jp TXT example.jp',
    domain: 'example.jp',
    panel: 'wix',
    expected: { type: 'TXT', name: 'example.jp', value: SPF, previous: [] },
    nameservers: [],
    startedAt: 0,
    nextCheckAt: 0,
    attempts: 0,
    status,
    seen: false,
    resolvers,
    ...(status === 'expired' ? { endedAt: 72 * 3600_000 } : {}),
  };
}

describe('notifications', () => {
  it('live: names the resolvers, in English and Japanese', () => {
    const live = watch([resolver('Cloudflare', 'live'), resolver('Google', 'live')], 'done');
    expect(notificationFor('en', { kind: 'live', watch: live }).message).toBe('SPF for example.jp is live at Cloudflare and Google — mail sent from now on will pass.');
    expect(notificationFor('ja', { kind: 'live', watch: live }).message).toBe('example.jpのSPFはCloudflareとGoogleで反映されました。これから送るメールはSPFを通過します。');
  });

  it('expired: says what is still wrong at each resolver', () => {
    const text = notificationFor('en', {
      kind: 'expired',
      watch: watch([resolver('Cloudflare', 'live'), resolver('Google', 'different', { reason: 'other-authority', nameservers: ['dns1.onamae.com'], history: [{ at: 0, verdict: 'different', values: ['v=spf1 -all'] }] })], 'expired'),
    });
    expect(text.title).toBe('SPF Doctor: example.jp is still not live after 72 h');
    expect(text.message).toContain('Google: answers another value (v=spf1 -all) — other nameservers are authoritative now (dns1.onamae.com)');
    expect(text.message).not.toContain('Cloudflare');
  });

  it('wrong: live but SPF fails, with the result', () => {
    const text = notificationFor('en', { kind: 'wrong', watch: watch([resolver('Google', 'wrong', { spfResult: 'softfail' })]) });
    expect(text.message).toContain('SPF still fails (softfail)');
  });

  it('states: cached names its expiry, error its failure', () => {
    const expiresAt = new Date(2026, 11, 3, 14, 5, 0).getTime();
    expect(resolverState('en', resolver('Google', 'cached', { expiresAt }))).toBe('Google: still has the old data cached, until 14:05:00 at the latest');
    expect(resolverState('ja', resolver('Google', 'error', { error: 'timeout' }))).toBe('Google：問い合わせに失敗しました（timeout）');
    expect(joinList('en', ['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('badgeText', () => {
  it('counts the pending watches; a check mark for an ending not seen yet; empty otherwise', () => {
    expect(badgeText([watch([], 'pending'), watch([], 'pending')])).toBe('2');
    expect(badgeText([watch([], 'done')])).toBe('✓');
    expect(badgeText([{ ...watch([], 'done'), seen: true }])).toBe('');
    expect(badgeText([])).toBe('');
  });
});
