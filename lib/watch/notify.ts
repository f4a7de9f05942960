// The words of a watch: each resolver's state and the notifications, as catalog messages (watch_*), so
// the background renders them in the user's language when it notifies and the popup when it lists.
import { formatClock, formatDuration } from '../content/format';
import type { Lang } from '../diagnosis/types';
import { message, render, translate } from '../i18n';
import type { Message } from '../i18n';
import type { WatchEvent } from './engine';
import type { ResolverWatch, Watch } from './types';
import { isSpfExpectation } from './verdict';

/** "A", "A and B", "A, B and C" in the language's own punctuation. */
export function joinList(lang: Lang, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1).join(translate(lang, 'watch_list_separator'));
  return translate(lang, 'watch_list_and', { a: head, b: items[items.length - 1]! });
}

function lastValues(lang: Lang, state: ResolverWatch): string {
  const values = state.history[state.history.length - 1]?.values ?? [];
  return values.length === 0 ? translate(lang, 'watch_nothing') : values.join(translate(lang, 'watch_list_separator'));
}

/** One resolver's state in words: "Google: still has the old data cached until 14:05:00". */
export function resolverState(lang: Lang, state: ResolverWatch): string {
  const resolver = state.label;
  switch (state.verdict) {
    case 'live':
      return translate(lang, 'watch_state_live', { resolver });
    case 'wrong':
      return translate(lang, 'watch_state_wrong', { resolver, result: state.spfResult ?? '' });
    case 'cached': {
      const time = state.expiresAt !== undefined ? formatClock(state.expiresAt) : '?';
      const negative = state.history[state.history.length - 1]?.negativeSoa;
      return negative
        ? translate(lang, 'watch_state_cached_negative', { resolver, time, zone: negative.zone, minimum: negative.minimum })
        : translate(lang, 'watch_state_cached', { resolver, time });
    }
    case 'different':
      return state.reason === 'other-authority'
        ? translate(lang, 'watch_state_different_authority', { resolver, values: lastValues(lang, state), nameservers: (state.nameservers ?? []).join(' ') })
        : translate(lang, 'watch_state_different_panel', { resolver, values: lastValues(lang, state) });
    case 'error':
      return translate(lang, 'watch_state_error', { resolver, error: state.error ?? '' });
    default:
      return translate(lang, 'watch_state_waiting', { resolver });
  }
}

export interface NotificationText {
  title: string;
  message: string;
}

/** The notification for an event, in `lang`, naming the resolvers. */
export function notificationFor(lang: Lang, event: WatchEvent): NotificationText {
  const { watch } = event;
  const { domain } = watch;
  const { type, name } = watch.expected;
  const spf = isSpfExpectation(watch.expected);
  const labels = (verdict: string) => joinList(lang, watch.resolvers.filter((r) => r.verdict === verdict).map((r) => r.label));
  let title: Message;
  let body: Message;
  if (event.kind === 'live') {
    title = message('watch_notify_title_live', { domain });
    body = spf ? message('watch_notify_live_spf', { domain, resolvers: labels('live') }) : message('watch_notify_live_record', { type, name, resolvers: labels('live') });
  } else if (event.kind === 'wrong') {
    const result = watch.resolvers.find((r) => r.verdict === 'wrong')?.spfResult ?? '';
    title = message('watch_notify_title_wrong', { domain });
    body = message('watch_notify_wrong', { domain, resolvers: labels('wrong'), result });
  } else {
    const hours = Math.round((watch.endedAt ?? watch.startedAt) - watch.startedAt) / 3600_000;
    const states = watch.resolvers.filter((r) => r.verdict !== 'live').map((r) => resolverState(lang, r));
    title = message('watch_notify_title_expired', { domain, duration: formatDuration(lang, hours * 3600) });
    body = message('watch_notify_expired', { type, name, states: states.join(translate(lang, 'watch_list_separator')) });
  }
  return { title: render(lang, title), message: render(lang, body) };
}

/** The pending count for the action badge; a check mark while an ending has not been seen yet. */
export function badgeText(watches: readonly Watch[]): string {
  const pending = watches.filter((w) => w.status === 'pending').length;
  if (pending > 0) return String(pending);
  return watches.some((w) => w.status !== 'pending' && !w.seen) ? '✓' : '';
}
