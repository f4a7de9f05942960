// The "Watching" tab: every watch with its domain, the record expected, each resolver's state and
// history, the next check, and Stop (or Remove once it ended). Refreshed while the tab is shown.
import { useEffect, useState } from 'preact/hooks';
import { formatClock } from '../../lib/content/format';
import { resolverState } from '../../lib/watch/notify';
import type { ResolverWatch, Watch } from '../../lib/watch/types';
import { trusted } from '../overlay/trusted';
import { useText } from './text';
import type { WatchApi } from './watch-api';

export const WATCH_REFRESH_MS = 2000;

/** A resolver's state as it was at its i-th observation (for the history lines). */
function asOf(resolver: ResolverWatch, index: number): ResolverWatch {
  const observation = resolver.history[index]!;
  const state: ResolverWatch = { label: resolver.label, url: resolver.url, verdict: observation.verdict, history: resolver.history.slice(0, index + 1) };
  if (observation.error) state.error = observation.error;
  if (observation.verdict === 'cached' && observation.ttl !== undefined) state.expiresAt = observation.at + observation.ttl * 1000;
  // Reasons and SPF results are kept for the latest check only.
  if (index === resolver.history.length - 1) {
    if (resolver.reason) state.reason = resolver.reason;
    if (resolver.nameservers) state.nameservers = resolver.nameservers;
    if (resolver.spfResult) state.spfResult = resolver.spfResult;
  }
  return state;
}

export function WatchList({ api, active }: { api: WatchApi; active: boolean }) {
  const { t, lang } = useText();
  const [watches, setWatches] = useState<Watch[] | null>(null);
  const [granted, setGranted] = useState(true);

  const load = async (): Promise<void> => {
    const reply = await api.send({ kind: 'watch-list' });
    if (reply?.kind === 'watch-list') setWatches(reply.watches);
  };

  useEffect(() => {
    if (!active) return;
    void load();
    void api.notificationsGranted().then(setGranted, () => setGranted(false));
    const timer = setInterval(() => void load(), WATCH_REFRESH_MS);
    return () => clearInterval(timer);
  }, [active]);

  const stop = async (id: string): Promise<void> => {
    await api.send({ kind: 'watch-stop', id });
    await load();
  };

  if (watches === null) return null;
  return (
    <div class="watch-list">
      {!granted && (
        <p class="hint watch-notifications">
          {t('popup_watch_notifications_off')}{' '}
          <button
            type="button"
            class="link-button"
            data-action="notifications"
            onClick={trusted(() => void api.requestNotifications().then(setGranted, () => setGranted(false)))}
          >
            {t('popup_watch_notifications')}
          </button>
        </p>
      )}
      {watches.length === 0 ? (
        <p class="hint">{t('popup_watch_empty')}</p>
      ) : (
        <ul class="watches">
          {[...watches].reverse().map((watch) => (
            <li key={watch.id} class={`watch watch-${watch.status}`} data-watch={watch.id} data-watch-status={watch.status}>
              <p class="watch-domain">
                <strong>{watch.domain}</strong> — {t(`popup_watch_status_${watch.status}`)}
              </p>
              <p class="watch-expected">
                {t('popup_watch_expected', { type: watch.expected.type, name: watch.expected.name })} <code>{watch.expected.value}</code>
              </p>
              <ul class="watch-resolvers">
                {watch.resolvers.map((resolver) => (
                  <li key={resolver.label} data-resolver={resolver.label} data-verdict={resolver.verdict} data-history={resolver.history.length}>
                    <span class={`watch-verdict verdict-${resolver.verdict}`}>{resolverState(lang, resolver)}</span>
                    {resolver.history.length > 0 && (
                      <details class="watch-history">
                        <summary>{t('popup_watch_history')}</summary>
                        <ol>
                          {resolver.history.map((observation, i) => (
                            <li key={i} data-observation={observation.verdict}>
                              {t('popup_watch_history_item', { time: formatClock(observation.at), state: resolverState(lang, asOf(resolver, i)) })}
                            </li>
                          ))}
                        </ol>
                      </details>
                    )}
                  </li>
                ))}
              </ul>
              {watch.status === 'pending' && <p class="meta">{t('popup_watch_next', { time: formatClock(watch.nextCheckAt) })}</p>}
              <button type="button" class="secondary" data-action="watch-stop" onClick={() => void stop(watch.id)}>
                {t(watch.status === 'pending' ? 'popup_watch_stop' : 'popup_watch_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
