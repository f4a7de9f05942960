// The options page: DoH resolvers, language, re-check interval. Every valid change is saved at once to
// browser.storage.local, and a status line confirms it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DohEndpoint } from '../../lib/dns/endpoints';
import { pickLang } from '../../lib/i18n';
import { DEFAULT_SETTINGS, MAX_RECHECK_SECONDS, MIN_RECHECK_SECONDS } from '../../lib/settings';
import type { Settings } from '../../lib/settings';
import { LangContext, useText } from '../popup/text';
import { ResolverSection } from './ResolverSection';
import type { PermissionsLike } from './ResolverSection';
import { loadSettings, saveSettings } from './settings-store';
import type { StorageAreaLike } from './settings-store';

export interface OptionsDeps {
  storage: StorageAreaLike;
  permissions: PermissionsLike;
  /** browser.i18n.getUILanguage(), for the "auto" language. */
  uiLanguage: string;
  /** Milliseconds clock for the "saved at" time. */
  now?: () => number;
}

type SaveState = { kind: 'idle' } | { kind: 'saved'; at: number } | { kind: 'failed'; detail: string };

export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef<Settings | null>(null);

  useEffect(() => {
    loadSettings(deps.storage).then(
      (loaded) => {
        latest.current = loaded;
        setSettings(loaded);
      },
      (error: unknown) => setLoadError(String(error)),
    );
  }, []);

  const lang = pickLang(settings?.language ?? 'auto', deps.uiLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  /** Applies a change to the latest settings (a permission prompt may answer after other edits) and saves. */
  const update = (change: (current: Settings) => Settings) => {
    if (!latest.current) return;
    const next = change(latest.current);
    latest.current = next;
    setSettings(next);
    saveSettings(deps.storage, next).then(
      () => setSave({ kind: 'saved', at: (deps.now ?? Date.now)() }),
      (error: unknown) => setSave({ kind: 'failed', detail: String(error) }),
    );
  };

  return (
    <LangContext.Provider value={lang}>
      <Options settings={settings} loadError={loadError} save={save} update={update} permissions={deps.permissions} />
    </LangContext.Provider>
  );
}

function Options({
  settings,
  loadError,
  save,
  update,
  permissions,
}: {
  settings: Settings | null;
  loadError: string | null;
  save: SaveState;
  update: (change: (current: Settings) => Settings) => void;
  permissions: PermissionsLike;
}) {
  const { t, lang } = useText();
  const savedTime = save.kind === 'saved' ? new Date(save.at).toLocaleTimeString(lang === 'ja' ? 'ja-JP' : 'en-US') : '';

  return (
    <main class="options">
      <header>
        <h1>{t('options_title')}</h1>
        <p class="save-status" role="status" aria-live="polite" data-state={save.kind}>
          {save.kind === 'saved' ? t('options_saved', { time: savedTime }) : save.kind === 'failed' ? t('options_save_failed', { detail: save.detail }) : ''}
        </p>
      </header>
      {loadError && (
        <p class="error-box" role="alert">
          {t('options_load_failed', { detail: loadError })}
        </p>
      )}
      {settings && (
        <>
          <ResolverSection
            resolvers={settings.resolvers}
            permissions={permissions}
            onChange={(change: (current: readonly DohEndpoint[]) => DohEndpoint[]) => update((s) => ({ ...s, resolvers: change(s.resolvers) }))}
            onReset={() => update((s) => ({ ...s, resolvers: DEFAULT_SETTINGS.resolvers.map((r) => ({ ...r })) }))}
          />
          <LanguageSection value={settings.language} onChange={(language) => update((s) => ({ ...s, language }))} />
          <RecheckSection value={settings.recheckSeconds} onChange={(recheckSeconds) => update((s) => ({ ...s, recheckSeconds }))} />
        </>
      )}
    </main>
  );
}

function LanguageSection({ value, onChange }: { value: Settings['language']; onChange: (language: Settings['language']) => void }) {
  const { t } = useText();
  return (
    <section class="card" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('options_language_heading')}</h2>
      <label for="language-select">{t('options_language_label')}</label>
      <select
        id="language-select"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value as Settings['language'])}
      >
        <option value="auto">{t('options_language_auto')}</option>
        {/* Each language is named in itself, so a user who cannot read the current one still finds theirs. */}
        <option value="en" lang="en">English</option>
        <option value="ja" lang="ja">日本語</option>
      </select>
    </section>
  );
}

function RecheckSection({ value, onChange }: { value: number; onChange: (seconds: number) => void }) {
  const { t } = useText();
  const [text, setText] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setText(String(value)), [value]);

  // Reads the box itself: the change event can arrive before the last keystroke's re-render.
  const commit = (raw: string) => {
    const seconds = Number(raw.trim());
    const ok = raw.trim() !== '' && Number.isInteger(seconds) && seconds >= MIN_RECHECK_SECONDS && seconds <= MAX_RECHECK_SECONDS;
    setInvalid(!ok);
    if (ok && seconds !== value) onChange(seconds);
  };

  return (
    <section class="card" aria-labelledby="recheck-heading">
      <h2 id="recheck-heading">{t('options_recheck_heading')}</h2>
      <label for="recheck-input">{t('options_recheck_label')}</label>
      <div class="row">
        <input
          id="recheck-input"
          type="number"
          min={MIN_RECHECK_SECONDS}
          max={MAX_RECHECK_SECONDS}
          step={1}
          value={text}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? 'recheck-error' : 'recheck-hint'}
          onInput={(event) => setText(event.currentTarget.value)}
          onChange={(event) => commit(event.currentTarget.value)}
        />
        <span>{t('options_seconds')}</span>
      </div>
      {invalid ? (
        <p id="recheck-error" class="field-error">
          {t('options_recheck_error', { min: MIN_RECHECK_SECONDS, max: MAX_RECHECK_SECONDS })}
        </p>
      ) : (
        <p id="recheck-hint" class="hint">
          {t('options_recheck_hint')}
        </p>
      )}
    </section>
  );
}
