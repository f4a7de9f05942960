import type { ProgressStep } from '../../lib/diagnosis/types';
import type { T } from './text';

/** The steps in the order the diagnosis runs them ('done' only closes the list). */
export const STEPS: readonly Exclude<ProgressStep, 'done'>[] = ['nameservers', 'spf', 'mx', 'dmarc', 'dkim', 'propagation'];

export function Progress({ done, t }: { done: readonly ProgressStep[]; t: T }) {
  const current = STEPS.find((step) => !done.includes(step));
  return (
    <div class="progress" role="status" aria-live="polite">
      <p class="progress-title">{t('ui_progress')}</p>
      <ol class="steps">
        {STEPS.map((step) => {
          const state = done.includes(step) ? 'done' : step === current ? 'current' : 'todo';
          return (
            <li key={step} class={`step step-${state}`} data-step={step} data-step-state={state}>
              <span class="step-mark" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'current' ? '…' : '·'}
              </span>
              {t(`ui_step_${step}`)}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
