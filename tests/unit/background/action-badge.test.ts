import { describe, expect, it } from 'vitest';
import { ActionBadge, VERDICT_BADGES } from '../../../lib/background/action-badge';
import type { BadgeAction } from '../../../lib/background/action-badge';

/** Records calls like the real action API: per-tab values over a global one (absent tabId). */
function fakeAction(options: { rejectNullColor?: boolean; failAll?: boolean } = {}) {
  const calls: string[] = [];
  const text = new Map<number, string>();
  const color = new Map<number, string>();
  const action: BadgeAction = {
    async setBadgeText({ tabId, text: value }) {
      if (options.failAll) throw new Error('No tab with id');
      calls.push(`text ${tabId} ${value}`);
      if (value === null) text.delete(tabId);
      else text.set(tabId, value);
    },
    async setBadgeBackgroundColor({ tabId, color: value }) {
      if (options.failAll) throw new Error('No tab with id');
      if (value === null && options.rejectNullColor) throw new Error('Invalid color');
      calls.push(`color ${tabId} ${value}`);
      if (value === null) color.delete(tabId);
      else color.set(tabId, value);
    },
  };
  return { action, calls, text, color };
}

describe('ActionBadge', () => {
  it.each([
    ['ok', '✓'],
    ['warning', '!'],
    ['error', '×'],
  ] as const)('shows %s as %s with its own color on that tab only', async (verdict, sign) => {
    const fake = fakeAction();
    await new ActionBadge(fake.action).show(12, verdict);
    expect(fake.text).toEqual(new Map([[12, sign]]));
    expect(fake.color.get(12)).toBe(VERDICT_BADGES[verdict].color);
  });

  it('gives each verdict a different sign and color', () => {
    const badges = Object.values(VERDICT_BADGES);
    expect(new Set(badges.map((b) => b.text)).size).toBe(3);
    expect(new Set(badges.map((b) => b.color)).size).toBe(3);
  });

  it('clears with null so a global badge shows again, even where null colors are refused', async () => {
    const fake = fakeAction({ rejectNullColor: true });
    const badge = new ActionBadge(fake.action);
    await badge.show(3, 'error');
    await badge.show(4, 'ok');
    await badge.clear(3);
    expect(fake.text).toEqual(new Map([[4, '✓']]));
    expect(fake.calls).toContain('text 3 null');
  });

  it('never throws when the tab is gone', async () => {
    const badge = new ActionBadge(fakeAction({ failAll: true }).action);
    await expect(badge.show(99, 'warning')).resolves.toBeUndefined();
    await expect(badge.clear(99)).resolves.toBeUndefined();
  });
});
