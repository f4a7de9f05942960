// A Copy button for a record value, with a short "Copied" confirmation that screen readers hear too.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useText } from './text';

export type CopyText = (text: string) => Promise<void>;

const CONFIRM_MS = 2000;

export function CopyButton({ text, label, copyText }: { text: string; label: string; copyText: CopyText }) {
  const { t } = useText();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await copyText(text);
      setState('copied');
      timer.current = setTimeout(() => setState('idle'), CONFIRM_MS);
    } catch {
      // Clipboard access can be refused (no focus, policy); the value stays selectable by hand.
      setState('failed');
    }
  };

  return (
    <span class="copy">
      <button type="button" class="copy-button" aria-label={label} onClick={copy}>
        {t(state === 'copied' ? 'popup_copied' : 'popup_copy')}
      </button>
      <span class="copy-status" role="status">
        {state === 'failed' ? t('popup_copy_failed') : ''}
      </span>
    </span>
  );
}
