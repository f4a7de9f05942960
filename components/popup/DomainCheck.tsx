// "Check any domain": the domain box, progress while the background asks DNS, then the diagnosis.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Diagnosis, LocalizedText, ProgressStep } from '../../lib/diagnosis/types';
import type { CopyText } from './CopyButton';
import { DiagnosisView } from './DiagnosisView';
import { parseDomainInput } from './domain';
import type { DomainInputError } from './domain';
import { requestDiagnosis } from './port';
import type { Connect, DiagnoseAnswer, PendingRequest } from './port';
import { useText } from './text';

/**
 * The steps the background reports ('done' only closes the list), in the order diagnose() usually
 * finishes them; the first three run at once, so any of them may come first.
 */
export const CHECK_STEPS: readonly Exclude<ProgressStep, 'done'>[] = ['nameservers', 'mx', 'dmarc', 'spf', 'dkim', 'propagation'];

type CheckState =
  | { phase: 'idle' }
  /** `reported`: every step the background has reported so far, latest last. */
  | { phase: 'running'; domain: string; reported: ProgressStep[] }
  | { phase: 'done'; diagnosis: Diagnosis; cached: boolean }
  | { phase: 'failed'; message: LocalizedText };

/** A check asked for from elsewhere in the popup (the bounce tab's "Check this domain"). */
export interface CheckRequest {
  domain: string;
  /** Changes on every request, so asking twice for the same domain runs twice. */
  seq: number;
}

const ERROR_KEYS: Record<DomainInputError, string> = {
  empty: 'popup_domain_empty',
  invalid: 'popup_domain_invalid',
  ip: 'popup_domain_ip',
  'single-label': 'popup_domain_single_label',
  'too-long': 'popup_domain_too_long',
};

export function DomainCheck({ connect, copyText, request }: { connect: Connect; copyText: CopyText; request?: CheckRequest }) {
  const { t, pick } = useText();
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<DomainInputError | null>(null);
  const [state, setState] = useState<CheckState>({ phase: 'idle' });
  const [shownDomain, setShownDomain] = useState('');
  const pending = useRef<PendingRequest<DiagnoseAnswer> | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => () => pending.current?.cancel(), []);

  const run = (raw: string, force = false) => {
    const parsed = parseDomainInput(raw);
    if (!parsed.ok) {
      setInputError(parsed.error);
      inputRef.current?.focus();
      return;
    }
    setInputError(null);
    setShownDomain(parsed.unicode ? `${parsed.unicode} (${parsed.domain})` : parsed.domain);
    pending.current?.cancel();
    setState({ phase: 'running', domain: parsed.domain, reported: [] });
    const current = requestDiagnosis(connect, parsed.domain, {
      force,
      onProgress: (step) => setState((s) => (s.phase === 'running' && !s.reported.includes(step) ? { ...s, reported: [...s.reported, step] } : s)),
    });
    pending.current = current;
    void current.done.then((message) => {
      if (pending.current !== current) return; // superseded by a newer check
      pending.current = null;
      if (message.kind === 'result') setState({ phase: 'done', diagnosis: message.diagnosis, cached: message.cached });
      else setState({ phase: 'failed', message: message.message });
    });
  };

  useEffect(() => {
    if (!request) return;
    setInput(request.domain);
    run(request.domain);
  }, [request?.seq]);

  const running = state.phase === 'running';
  const reported = running ? state.reported : [];
  const latest = reported[reported.length - 1];
  const lastStep = reported.filter((step) => step !== 'done').pop();
  // A reported step is under way until a later one arrives; then it counts as finished.
  const stepClass = (step: ProgressStep) =>
    !reported.includes(step) ? 'step' : step === latest && latest !== 'done' ? 'step current' : 'step done';
  const status = running
    ? t('popup_progress', { domain: shownDomain, step: lastStep ? t(`popup_step_${lastStep}`) : t('popup_step_start') })
    : state.phase === 'done'
      ? t('popup_progress_done', { domain: shownDomain })
      : '';

  return (
    <div class="domain-check">
      <form
        class="check-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          run(input);
        }}
      >
        <label for="domain-input">{t('popup_domain_label')}</label>
        <div class="row">
          <input
            id="domain-input"
            ref={inputRef}
            type="text"
            inputMode="url"
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            placeholder="example.jp"
            value={input}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? 'domain-error' : 'domain-hint'}
            onInput={(event) => setInput(event.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={running}>
            {t('popup_check')}
          </button>
        </div>
        {inputError ? (
          <p id="domain-error" class="field-error">
            {t(ERROR_KEYS[inputError], { input: input.trim() })}
          </p>
        ) : (
          <p id="domain-hint" class="hint">
            {t('popup_domain_hint')}
          </p>
        )}
      </form>

      <p class="live" role="status" aria-live="polite" data-testid="check-status">
        {status}
      </p>

      {running && (
        <ol class="steps" aria-hidden="true">
          {CHECK_STEPS.map((step) => (
            <li key={step} class={stepClass(step)} data-step={step}>
              {t(`popup_step_${step}`)}
            </li>
          ))}
        </ol>
      )}

      {state.phase === 'failed' && (
        <p class="error-box" role="alert">
          {pick(state.message)}
        </p>
      )}

      {state.phase === 'done' && (
        <>
          <DiagnosisView diagnosis={state.diagnosis} cached={state.cached} copyText={copyText} />
          <button type="button" class="secondary" onClick={() => run(state.diagnosis.domain, true)}>
            {t('popup_check_again')}
          </button>
        </>
      )}
    </div>
  );
}
