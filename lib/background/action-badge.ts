// The toolbar button's per-tab verdict: ✓ / ! / × on the action of a tab whose DNS panel was diagnosed,
// cleared when the panel goes away. Only tab-scoped calls (setBadgeText({tabId})), which need no
// permission; a global badge (set without tabId, e.g. for pending watches) shows wherever no tab
// verdict is set, because clearing a tab's text with null falls back to the global text.
import type { Diagnosis } from '../diagnosis/types';

export type Verdict = Diagnosis['verdict'];

/** The part of browser.action this module uses (a fake in tests). */
export interface BadgeAction {
  setBadgeText(details: { tabId: number; text: string | null }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string | null }): Promise<void>;
  setBadgeTextColor?(details: { tabId: number; color: string | null }): Promise<void>;
}

/** One short sign per verdict: the colors alone would not tell a color-blind user which it is. */
export const VERDICT_BADGES: Readonly<Record<Verdict, { text: string; color: string }>> = {
  ok: { text: '✓', color: '#1a7f37' },
  warning: { text: '!', color: '#9a6700' },
  error: { text: '×', color: '#cf222e' },
};

export class ActionBadge {
  constructor(private readonly action: BadgeAction) {}

  /** Shows the verdict of the panel open in `tabId`. Never throws (the tab may have closed meanwhile). */
  async show(tabId: number, verdict: Verdict): Promise<void> {
    const badge = VERDICT_BADGES[verdict];
    await this.quietly(() => this.action.setBadgeBackgroundColor({ tabId, color: badge.color }));
    if (this.action.setBadgeTextColor) await this.quietly(() => this.action.setBadgeTextColor!({ tabId, color: '#ffffff' }));
    await this.quietly(() => this.action.setBadgeText({ tabId, text: badge.text }));
  }

  /** Removes the tab's verdict; the global badge (if any) shows again. Never throws. */
  async clear(tabId: number): Promise<void> {
    await this.quietly(() => this.action.setBadgeText({ tabId, text: null }));
    // Firefox resets a tab's colors with null; Chrome rejects null colors, and keeps ours until the tab
    // navigates or closes (only visible if a global badge text is set meanwhile).
    await this.quietly(() => this.action.setBadgeBackgroundColor({ tabId, color: null }));
    if (this.action.setBadgeTextColor) await this.quietly(() => this.action.setBadgeTextColor!({ tabId, color: null }));
  }

  private async quietly(call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } catch {
      // A closed tab or a browser that rejects the value: the badge is decoration, never an error.
    }
  }
}
