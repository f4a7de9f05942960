// Stands for ../Verdict.tsx inside the overlay modules (wxt.config.ts, lazyDetails): the verdict part of
// the overlay comes with the details module. The runtime awaits verdictReady() before it paints a view
// that has a diagnosis, so the verdict is drawn in one go; the module is asked for when the overlay
// starts, while the first DNS answers are still on their way.
import type { FunctionComponent } from 'preact';
import { takeVerdict } from '../../../lib/content/overlay-module';
import type { VerdictProps } from '../Verdict';
import { loadDetails } from './DetailsBody';

type Verdict = FunctionComponent<VerdictProps>;
let Loaded: Verdict | null = null;
let failure: string | null = null;

/** Resolves once the verdict code is here (or its load failed: the overlay then says so). */
export function verdictReady(): Promise<void> {
  if (Loaded) return Promise.resolve();
  return loadDetails().then(
    () => {
      Loaded = takeVerdict() as Verdict | null;
      failure = Loaded ? null : 'the details module registered no verdict';
    },
    (error: unknown) => {
      failure = error instanceof Error ? error.message : String(error);
    },
  );
}

export function VerdictBody(props: VerdictProps) {
  if (Loaded) return <Loaded {...props} />;
  // Only when the extension's own file could not load (updated or removed under the page).
  return (
    <div class="error-box" role="alert">
      <p class="error-title">{props.t('ui_error')}</p>
      <p>{props.t('ui_error_unexpected', { reason: failure ?? '…' })}</p>
    </div>
  );
}
