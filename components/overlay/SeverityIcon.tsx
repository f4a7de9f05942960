import type { Severity } from '../../lib/diagnosis/types';
import type { T } from './text';

const GLYPH: Record<Severity, string> = { error: '!', warning: '!', info: 'i' };

/** A coloured mark with its meaning spelled out for screen readers (colour is never the only cue). */
export function SeverityIcon({ severity, t }: { severity: Severity; t: T }) {
  return (
    <span class={`sev sev-${severity}`} role="img" aria-label={t(`ui_severity_${severity}`)} title={t(`ui_severity_${severity}`)}>
      <span aria-hidden="true">{GLYPH[severity]}</span>
    </span>
  );
}
