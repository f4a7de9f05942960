// "Mail is sent through: [select]": many small businesses receive mail at one provider (the MX) and send
// it through another, and a domain without a recognisable MX gets no SPF fix at all. Picking a provider
// here re-runs the diagnosis with it; Xserver and Sakura also need the user's own server name.
import { useEffect, useState } from 'preact/hooks';
import type { DetectedProviderSummary, Diagnosis, Lang } from '../../lib/diagnosis/types';
import type { Provider } from '../../lib/mail/providers';
import { checkServerHost, needsServerHost, selectableProviders, serverHostExample } from '../../lib/mail/provider-choice';
import type { ProviderChoice } from '../../lib/mail/provider-choice';
import type { T } from './text';
import { trusted } from './trusted';

interface ProviderPickerProps {
  diagnosis: Diagnosis;
  /** The choice in effect (null: detected from MX). */
  choice: ProviderChoice | null;
  onChoose(choice: ProviderChoice | null): void;
  lang: Lang;
  t: T;
  /** No provider is known, so choosing one is what the user must do first (marks the select `data-primary-action`). */
  primary?: boolean;
}

const SELECT_ID = 'spf-doctor-provider';
const SERVER_ID = 'spf-doctor-provider-server';
const SERVER_ERROR_ID = 'spf-doctor-provider-server-error';

/** What MX detection found (also while a picked provider overrides it). */
function fromMx(diagnosis: Diagnosis): DetectedProviderSummary[] {
  return diagnosis.mxProviders ?? diagnosis.providers.filter((p) => p.source === 'mx');
}

/** The default option's wording: what MX detection found, in the UI language. */
function detectedLabel(detected: DetectedProviderSummary[], lang: Lang, t: T): string {
  if (detected.length === 0) return t('ui_provider_not_detected');
  return t('ui_provider_detected', { name: detected.map((p) => p.name[lang]).join(t('ui_provider_detected_separator')) });
}

function Options({ providers, lang }: { providers: readonly Provider[]; lang: Lang }) {
  return (
    <>
      {providers.map((provider) => (
        <option key={provider.id} value={provider.id}>
          {provider.name[lang]}
        </option>
      ))}
    </>
  );
}

export function ProviderPicker({ diagnosis, choice, onChoose, lang, t, primary = false }: ProviderPickerProps) {
  const { mailbox, sending } = selectableProviders();
  // What the select shows; differs from `choice` while a provider waits for its server name.
  const [selected, setSelected] = useState(choice?.providerId ?? '');
  const [server, setServer] = useState(choice?.providerServer ?? '');
  const [serverError, setServerError] = useState<'empty' | 'invalid' | null>(null);

  // A choice restored from storage (or made in another tab) replaces what the controls show.
  useEffect(() => {
    setSelected(choice?.providerId ?? '');
    setServer(choice?.providerServer ?? '');
    setServerError(null);
  }, [choice?.providerId, choice?.providerServer]);

  const askServer = selected !== '' && needsServerHost(selected);
  const example = askServer ? serverHostExample(selected) : '';
  const detected = fromMx(diagnosis);
  const hintKey = choice ? 'ui_provider_saved' : detected.length > 0 ? 'ui_provider_hint' : 'ui_provider_hint_none';

  const onSelect = (value: string): void => {
    setSelected(value);
    setServerError(null);
    if (value === '') {
      if (choice) onChoose(null);
      return;
    }
    if (needsServerHost(value)) {
      // The check waits for the name; start from one typed earlier for this provider, or its MX host.
      setServer(choice?.providerId === value ? (choice.providerServer ?? '') : (detected.find((p) => p.id === value)?.mxHost ?? ''));
      return;
    }
    onChoose({ providerId: value });
  };

  // The form's own submit event is fired by the browser even for a scripted click on its button, so it
  // only stops the page from navigating; the check runs from the (trusted) click or Enter key itself.
  const onServerSubmit = (event: Event): void => event.preventDefault();
  const onServerEnter = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    submitServer();
  };
  const submitServer = (): void => {
    const checked = checkServerHost(selected, server);
    if (!checked.ok) {
      setServerError(checked.reason);
      return;
    }
    setServerError(null);
    setServer(checked.host);
    onChoose({ providerId: selected, providerServer: checked.host });
  };

  return (
    <section class="provider-choice" data-provider-choice={choice?.providerId ?? 'mx'}>
      <label for={SELECT_ID} class="provider-label">
        {t('ui_provider_label')}
      </label>
      <select id={SELECT_ID} data-action="provider" data-primary-action={primary ? 'choose-provider' : undefined} value={selected} onChange={trusted((event: Event) => onSelect((event.currentTarget as HTMLSelectElement).value))}>
        <option value="">{detectedLabel(detected, lang, t)}</option>
        <optgroup label={t('ui_provider_group_mailbox')}>
          <Options providers={mailbox} lang={lang} />
        </optgroup>
        <optgroup label={t('ui_provider_group_sending')}>
          <Options providers={sending} lang={lang} />
        </optgroup>
      </select>
      {askServer && (
        <form class="provider-server" noValidate onSubmit={onServerSubmit}>
          <label for={SERVER_ID}>{t('ui_provider_server_label')}</label>
          <div class="provider-server-row">
            <input
              id={SERVER_ID}
              type="text"
              data-action="provider-server"
              autoComplete="off"
              autoCapitalize="off"
              spellcheck={false}
              placeholder={example}
              value={server}
              aria-invalid={serverError ? true : undefined}
              aria-describedby={serverError ? SERVER_ERROR_ID : undefined}
              onInput={(event) => setServer(event.currentTarget.value)}
              onKeyDown={trusted(onServerEnter)}
            />
            <button type="submit" data-action="provider-server-use" onClick={trusted(submitServer)}>
              {t('ui_provider_server_use')}
            </button>
          </div>
          {serverError ? (
            <p id={SERVER_ERROR_ID} class="field-error" role="alert">
              {t(serverError === 'empty' ? 'ui_provider_server_empty' : 'ui_provider_server_invalid', { example })}
            </p>
          ) : (
            <p class="provider-hint">{t('ui_provider_server_hint', { example })}</p>
          )}
        </form>
      )}
      {!askServer && <p class="provider-hint">{t(hintKey, { domain: diagnosis.domain })}</p>}
    </section>
  );
}
