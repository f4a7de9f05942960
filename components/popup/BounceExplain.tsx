// "Paste a bounce": the pasted text goes to the background, which parses it and runs check_host.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BounceExplanation } from '../../lib/bounce/explain';
import type { LocalizedText } from '../../lib/diagnosis/types';
import { localized } from '../../lib/i18n';
import { BounceView } from './BounceView';
import { requestBounceExplanation } from './port';
import type { BounceAnswer, Connect, PendingRequest } from './port';
import { useText } from './text';

type BounceState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; explanation: BounceExplanation }
  | { phase: 'failed'; message: LocalizedText };

/** The background accepts at most this much text (lib/messages.ts); longer pastes are cut, keeping the start. */
export const MAX_BOUNCE_CHARS = 20_000;

export function BounceExplain({ connect, onCheckDomain }: { connect: Connect; onCheckDomain: (domain: string) => void }) {
  const { t, pick } = useText();
  const [text, setText] = useState('');
  const [state, setState] = useState<BounceState>({ phase: 'idle' });
  const pending = useRef<PendingRequest<BounceAnswer> | null>(null);

  useEffect(() => () => pending.current?.cancel(), []);

  const explain = () => {
    if (text.trim() === '') {
      setState({ phase: 'failed', message: localized('bounce_missing_text') });
      return;
    }
    pending.current?.cancel();
    setState({ phase: 'running' });
    const current = requestBounceExplanation(connect, text.slice(0, MAX_BOUNCE_CHARS));
    pending.current = current;
    void current.done.then((message) => {
      if (pending.current !== current) return;
      pending.current = null;
      if (message.kind === 'bounce-result') setState({ phase: 'done', explanation: message.explanation });
      else setState({ phase: 'failed', message: message.message });
    });
  };

  const running = state.phase === 'running';
  return (
    <div class="bounce">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          explain();
        }}
      >
        <label for="bounce-text">{t('popup_bounce_label')}</label>
        <textarea
          id="bounce-text"
          rows={7}
          spellcheck={false}
          maxLength={MAX_BOUNCE_CHARS}
          placeholder={t('popup_bounce_placeholder')}
          aria-describedby="bounce-hint"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <p id="bounce-hint" class="hint">
          {t('popup_bounce_hint')}
        </p>
        <button type="submit" class="primary" disabled={running}>
          {t('popup_bounce_explain')}
        </button>
      </form>

      <p class="live" role="status" aria-live="polite" data-testid="bounce-status">
        {running ? t('popup_bounce_running') : state.phase === 'done' ? t('popup_bounce_done') : ''}
      </p>

      {state.phase === 'failed' && (
        <p class="error-box" role="alert">
          {pick(state.message)}
        </p>
      )}
      {state.phase === 'done' && <BounceView explanation={state.explanation} onCheckDomain={onCheckDomain} />}
    </div>
  );
}
