// The ordered DoH resolver list: move up/down, remove, add (asking for a host permission), reset.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DohEndpoint } from '../../lib/dns/endpoints';
import { useText } from '../popup/text';
import { MAX_LABEL_LENGTH, MAX_RESOLVERS, moveResolver, needsPermission, permissionPattern, validateNewResolver } from './resolvers';
import type { NewResolverError } from './resolvers';

/** The part of browser.permissions used here. */
export interface PermissionsLike {
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

type ListAction = 'up' | 'down' | 'remove';

const ADD_ERRORS: Record<NewResolverError, string> = {
  'url-invalid': 'options_add_error_url',
  duplicate: 'options_add_error_duplicate',
  full: 'options_add_error_full',
};

export function ResolverSection({
  resolvers,
  onChange,
  onReset,
  permissions,
}: {
  resolvers: readonly DohEndpoint[];
  /** Receives a function of the latest list, since a permission prompt may resolve after other edits. */
  onChange: (update: (current: readonly DohEndpoint[]) => DohEndpoint[]) => void;
  onReset: () => void;
  permissions: PermissionsLike;
}) {
  const { t } = useText();
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const [addError, setAddError] = useState<NewResolverError | null>(null);
  const [addNote, setAddNote] = useState('');
  const [adding, setAdding] = useState(false);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusAfter, setFocusAfter] = useState<{ url: string; action: ListAction } | null>(null);

  // After a move, keep the keyboard on the moved entry (its button of the same kind, or the other one at an end).
  useEffect(() => {
    if (!focusAfter) return;
    const same = buttons.current.get(`${focusAfter.url}|${focusAfter.action}`);
    const other = buttons.current.get(`${focusAfter.url}|${focusAfter.action === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
    setFocusAfter(null);
  }, [resolvers]);

  const move = (index: number, delta: number, action: ListAction) => {
    const entry = resolvers[index];
    if (!entry) return;
    setFocusAfter({ url: entry.url, action });
    onChange((current) => moveResolver(current, current.findIndex((r) => r.url === entry.url), delta));
  };

  const remove = (entry: DohEndpoint) => {
    onChange((current) => current.filter((r) => r.url !== entry.url));
    // Give the host permission back when no remaining resolver uses that host.
    const pattern = permissionPattern(entry.url);
    const stillUsed = resolvers.some((r) => r.url !== entry.url && permissionPattern(r.url) === pattern && needsPermission(r.url));
    if (needsPermission(entry.url) && !stillUsed) void permissions.remove({ origins: [pattern] }).catch(() => false);
  };

  const add = (event: Event) => {
    event.preventDefault();
    setAddNote('');
    const checked = validateNewResolver(resolvers, label, url);
    if (!checked.ok) {
      setAddError(checked.error);
      return;
    }
    setAddError(null);
    const entry = checked.resolver;
    const pattern = permissionPattern(entry.url);
    // permissions.request must run inside the click's user gesture: nothing may be awaited before it.
    const granted = needsPermission(entry.url) ? permissions.request({ origins: [pattern] }).catch(() => false) : Promise.resolve(null);
    setAdding(true);
    void granted.then((answer) => {
      setAdding(false);
      onChange((current) => (current.some((r) => r.url === entry.url) ? [...current] : [...current, entry]));
      setLabel('');
      setUrl('');
      if (answer === true) setAddNote(t('options_add_granted', { label: entry.label, origin: pattern }));
      else if (answer === false) setAddNote(t('options_add_denied', { label: entry.label, origin: pattern }));
      else setAddNote(t('options_add_done', { label: entry.label }));
    });
  };

  const full = resolvers.length >= MAX_RESOLVERS;

  return (
    <section class="card" aria-labelledby="resolvers-heading">
      <h2 id="resolvers-heading">{t('options_resolvers_heading')}</h2>
      <p class="hint">{t('options_resolvers_hint')}</p>
      <ol class="resolver-list">
        {resolvers.map((resolver, index) => (
          <li key={resolver.url} class="resolver" data-url={resolver.url}>
            <span class="resolver-rank" aria-hidden="true">
              {index + 1}
            </span>
            <span class="resolver-text">
              <span class="resolver-label">{resolver.label}</span>
              <code class="resolver-url">{resolver.url}</code>
            </span>
            <span class="resolver-actions">
              {(['up', 'down'] as const).map((action) => (
                <button
                  key={action}
                  type="button"
                  class="icon-button"
                  data-action={action}
                  ref={(el) => {
                    if (el) buttons.current.set(`${resolver.url}|${action}`, el);
                    else buttons.current.delete(`${resolver.url}|${action}`);
                  }}
                  disabled={action === 'up' ? index === 0 : index === resolvers.length - 1}
                  aria-label={t(action === 'up' ? 'options_move_up' : 'options_move_down', { label: resolver.label })}
                  title={t(action === 'up' ? 'options_move_up' : 'options_move_down', { label: resolver.label })}
                  onClick={() => move(index, action === 'up' ? -1 : 1, action)}
                >
                  {action === 'up' ? '↑' : '↓'}
                </button>
              ))}
              <button
                type="button"
                class="text-button"
                data-action="remove"
                disabled={resolvers.length <= 1}
                aria-label={t('options_remove_label', { label: resolver.label })}
                onClick={() => remove(resolver)}
              >
                {t('options_remove')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {resolvers.length <= 1 && <p class="hint">{t('options_last_resolver')}</p>}
      <button type="button" class="secondary" onClick={onReset}>
        {t('options_reset')}
      </button>

      <form class="add-form" noValidate onSubmit={add} aria-labelledby="add-heading">
        <h3 id="add-heading">{t('options_add_heading')}</h3>
        <div class="field">
          <label for="resolver-label">{t('options_add_label')}</label>
          <input
            id="resolver-label"
            type="text"
            maxLength={MAX_LABEL_LENGTH}
            value={label}
            placeholder={t('options_add_label_placeholder')}
            onInput={(event) => setLabel(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="resolver-url">{t('options_add_url')}</label>
          <input
            id="resolver-url"
            type="url"
            inputMode="url"
            spellcheck={false}
            autoComplete="off"
            value={url}
            placeholder="https://dns.example/dns-query"
            aria-invalid={addError ? true : undefined}
            aria-describedby={addError ? 'resolver-add-error' : 'resolver-permission-note'}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </div>
        {addError && (
          <p id="resolver-add-error" class="field-error">
            {t(ADD_ERRORS[addError], { max: MAX_RESOLVERS })}
          </p>
        )}
        {full && <p class="hint">{t('options_add_error_full', { max: MAX_RESOLVERS })}</p>}
        <p id="resolver-permission-note" class="hint">
          {t('options_permission_note')}
        </p>
        <button type="submit" class="primary" disabled={adding || full}>
          {t('options_add_button')}
        </button>
        <p class="add-note" role="status">
          {addNote}
        </p>
      </form>
    </section>
  );
}
