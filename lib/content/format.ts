// Small text formatting shared by the overlay: durations and clock times in the UI language.
import type { Lang } from '../diagnosis/types';
import { translate } from '../i18n';

/** "5 min", "2 h", "1.5 h" from seconds (rounded up to the minute: an estimate must not promise early). */
export function formatDuration(lang: Lang, seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return translate(lang, 'duration_unknown');
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 120) return translate(lang, 'duration_minutes', { n: minutes });
  const hours = Math.round((minutes / 60) * 10) / 10;
  return translate(lang, 'duration_hours', { n: hours });
}

/** HH:MM:SS (or HH:MM, rounded up: an estimate must not promise early) in the viewer's time zone. */
export function formatClock(epochMs: number, seconds = true): string {
  const date = new Date(seconds ? epochMs : Math.ceil(epochMs / 60_000) * 60_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return seconds ? `${clock}:${pad(date.getSeconds())}` : clock;
}
