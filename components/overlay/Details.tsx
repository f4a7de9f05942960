import { useState } from 'preact/hooks';
import type { Diagnosis, Lang } from '../../lib/diagnosis/types';
import { DetailsBody } from './DetailsBody';
import type { T } from './text';
import { trusted } from './trusted';

/** The collapsible technical part: closed by default, so the summary and the fix come first. */
export function Details({ diagnosis, lang, t }: { diagnosis: Diagnosis; lang: Lang; t: T }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="details">
      <button type="button" class="disclosure" data-action="details" aria-expanded={open} aria-controls="spf-doctor-details" onClick={trusted(() => setOpen(!open))}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('ui_details')}
      </button>
      <div id="spf-doctor-details" hidden={!open}>
        {open && <DetailsBody diagnosis={diagnosis} lang={lang} t={t} />}
      </div>
    </section>
  );
}
