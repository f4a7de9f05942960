// One fix: the exact record to enter in the DNS panel, laid out as the panel asks for it, with Copy.
import type { Fix } from '../../lib/diagnosis/types';
import { CopyButton } from './CopyButton';
import type { CopyText } from './CopyButton';
import { useText } from './text';

export function FixCard({ fix, copyText }: { fix: Fix; copyText: CopyText }) {
  const { t, pick } = useText();
  return (
    <li class="fix" data-fix={fix.id}>
      <p class="fix-title">{t(fix.action === 'add' ? 'popup_fix_add' : 'popup_fix_edit', { type: fix.type })}</p>
      <dl class="fix-fields">
        <dt>{t('popup_field_type')}</dt>
        <dd>{fix.type}</dd>
        <dt>{t('popup_field_host')}</dt>
        <dd>{fix.host === '' ? t('popup_host_apex') : <code>{fix.host}</code>}</dd>
        {fix.priority !== undefined && (
          <>
            <dt>{t('popup_field_priority')}</dt>
            <dd>{fix.priority}</dd>
          </>
        )}
        <dt>{t('popup_field_value')}</dt>
        <dd class="fix-value">
          <code>{fix.value}</code>
          <CopyButton text={fix.value} label={t('popup_copy_label', { type: fix.type })} copyText={copyText} />
        </dd>
        {fix.ttl !== undefined && (
          <>
            <dt>{t('popup_field_ttl')}</dt>
            <dd>{t('popup_ttl_seconds', { n: fix.ttl })}</dd>
          </>
        )}
      </dl>
      {fix.replaces !== undefined && (
        <p class="fix-replaces">
          {t('popup_fix_replaces')} <code>{fix.replaces}</code>
        </p>
      )}
      {fix.lookups !== undefined && <p class="fix-lookups">{t('popup_fix_lookups', { n: fix.lookups })}</p>}
      {fix.note && <p class="fix-note">{pick(fix.note)}</p>}
      {fix.warning && <p class="fix-warning">{pick(fix.warning)}</p>}
    </li>
  );
}
