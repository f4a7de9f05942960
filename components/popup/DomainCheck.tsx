// "Check any domain": the domain box, progress while the background asks DNS, then the diagnosis.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Diagnosis, LocalizedText, ProgressStep } from '../../lib/diagnosis/types';
import { checkServerHost, needsServerHost, selectableProviders, serverHostExample } from '../../lib/mail/provider-choice';
import type { ProviderChoice } from '../../lib/mail/provider-choice';
import type { CopyText } from './DiagnosisView';
import { DiagnosisView } from './DiagnosisView';
import type { WatchApi } from './watch-api';
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

type ServerError = 'empty' | 'invalid';

/**
 * The optional "Mail is sent through" choice: detect from MX (default), or a provider picked by hand,
 * with the server name for the providers whose SPF names the user's own server.
 */
function ProviderFields(props: {
  providerId: string;
  server: string;
  serverError: ServerError | null;
  serverRef: { current: HTMLInputElement | null };
  onProvider(id: string): void;
  onServer(text: string): void;
}) {
  const { t, lang } = useText();
  const { mailbox, sending } = selectableProviders();
  const askServer = props.providerId !== '' && needsServerHost(props.providerId);
  const example = askServer ? serverHostExample(props.providerId) : '';
  const group = (label: string, providers: typeof mailbox) => (
    <optgroup label={label}>
      {providers.map((provider) => (
        <option key={provider.id} value={provider.id}>
          {provider.name[lang]}
        </option>
      ))}
    </optgroup>
  );
  return (
    <div class="provider-fields">
      <label for="provider-select">{t('popup_provider_label')}</label>
      <select id="provider-select" data-action="provider" value={props.providerId} onChange={(event) => props.onProvider(event.currentTarget.value)}>
        <option value="">{t('popup_provider_detect')}</option>
        {group(t('popup_provider_group_mailbox'), mailbox)}
        {group(t('popup_provider_group_sending'), sending)}
      </select>
      {askServer && (
        <>
          <label for="provider-server">{t('popup_provider_server_label')}</label>
          <input
            id="provider-server"
            ref={props.serverRef}
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            placeholder={example}
            value={props.server}
            aria-invalid={props.serverError ? true : undefined}
            aria-describedby={props.serverError ? 'provider-server-error' : 'provider-server-hint'}
            onInput={(event) => props.onServer(event.currentTarget.value)}
          />
          {props.serverError ? (
            <p id="provider-server-error" class="field-error">
              {t(props.serverError === 'empty' ? 'popup_provider_server_empty' : 'popup_provider_server_invalid', { example })}
            </p>
          ) : (
            <p id="provider-server-hint" class="hint">
              {t('popup_provider_server_hint', { example })}
            </p>
          )}
        </>
      )}
    </div>
  );
}

export function DomainCheck({ connect, copyText, request, watches }: { connect: Connect; copyText: CopyText; request?: CheckRequest; watches?: WatchApi }) {
  const { t, pick } = useText();
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<DomainInputError | null>(null);
  const [state, setState] = useState<CheckState>({ phase: 'idle' });
  const [shownDomain, setShownDomain] = useState('');
  const [providerId, setProviderId] = useState('');
  const [server, setServer] = useState('');
  const [serverError, setServerError] = useState<ServerError | null>(null);
  const pending = useRef<PendingRequest<DiagnoseAnswer> | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const serverRef = useRef<HTMLInputElement>(null);

  /** The provider picked in the form, or null for MX detection; undefined when its server name is wrong. */
  const readChoice = (): ProviderChoice | null | undefined => {
    if (providerId === '') return null;
    if (!needsServerHost(providerId)) return { providerId };
    const checked = checkServerHost(providerId, server);
    if (!checked.ok) {
      setServerError(checked.reason);
      serverRef.current?.focus();
      return undefined;
    }
    setServerError(null);
    return { providerId, providerServer: checked.host };
  };

  useEffect(() => () => pending.current?.cancel(), []);

  const run = (raw: string, force = false) => {
    const parsed = parseDomainInput(raw);
    if (!parsed.ok) {
      setInputError(parsed.error);
      inputRef.current?.focus();
      return;
    }
    setInputError(null);
    const choice = readChoice();
    if (choice === undefined) return;
    setShownDomain(parsed.unicode ? `${parsed.unicode} (${parsed.domain})` : parsed.domain);
    pending.current?.cancel();
    setState({ phase: 'running', domain: parsed.domain, reported: [] });
    const current = requestDiagnosis(connect, parsed.domain, {
      force,
      choice,
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
        <ProviderFields
          providerId={providerId}
          server={server}
          serverError={serverError}
          serverRef={serverRef}
          onProvider={(id) => {
            setProviderId(id);
            setServerError(null);
          }}
          onServer={setServer}
        />
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
          <DiagnosisView diagnosis={state.diagnosis} cached={state.cached} copyText={copyText} {...(watches ? { watches } : {})} />
          <button type="button" class="secondary" onClick={() => run(state.diagnosis.domain, true)}>
            {t('popup_check_again')}
          </button>
        </>
      )}
    </div>
  );
}
