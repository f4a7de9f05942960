// "Records on screen → overlay verdict": support/page-probe.js, injected into every panel page before its
// own scripts, notes with performance.now() when the fixture rendered its records and every data-state
// the overlay host goes through. The numbers are read back from the page, so they do not include the
// test runner's polling. This file holds the Node side: the probe's text, medians, the timings file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TIMINGS_FILE } from './paths';

export interface PageTiming {
  /** performance.now() when the records appeared. */
  ready: number | null;
  /** The first data-state="done" after that. */
  done: number | null;
  states: { state: string; at: number }[];
}

/** The in-page probe (support/page-probe.js): timing, plus the overlay contract reader. */
export const PAGE_PROBE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'page-probe.js'), 'utf8');

/** Milliseconds from records on screen to the first verdict, or null when either is missing. */
export function verdictMs(timing: PageTiming | undefined | null): number | null {
  if (!timing || timing.ready === null || timing.done === null) return null;
  return timing.done - timing.ready;
}

export interface ScenarioTiming {
  browser: string;
  scenario: string;
  /** Records on screen → data-state="done". */
  verdictMs: number | null;
  /** Whole test, wall clock. */
  testMs: number;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Collects one test file's timings and writes them (merged with other files' entries) to artifacts/e2e-timings.json. */
export class TimingLog {
  readonly entries: ScenarioTiming[] = [];

  add(entry: ScenarioTiming): void {
    this.entries.push(entry);
  }

  summary(browser: string) {
    const own = this.entries.filter((e) => e.browser === browser);
    const verdicts = own.flatMap((e) => (e.verdictMs === null ? [] : [e.verdictMs]));
    return { browser, scenarios: own.length, measured: verdicts.length, medianVerdictMs: median(verdicts), maxVerdictMs: verdicts.length ? Math.max(...verdicts) : null };
  }

  /** Replaces this browser's section of the timings file, keeping the other browser's. */
  write(browser: string, existing: Record<string, unknown> = {}): string {
    mkdirSync(dirname(TIMINGS_FILE), { recursive: true });
    const data = { ...existing, [browser]: { ...this.summary(browser), writtenAt: new Date().toISOString(), entries: this.entries.filter((e) => e.browser === browser) } };
    writeFileSync(TIMINGS_FILE, `${JSON.stringify(data, null, 2)}\n`);
    const s = this.summary(browser);
    return `${browser}: median records→verdict ${s.medianVerdictMs === null ? 'n/a' : `${s.medianVerdictMs.toFixed(0)} ms`} over ${s.measured} scenario(s) (max ${s.maxVerdictMs === null ? 'n/a' : `${s.maxVerdictMs.toFixed(0)} ms`})`;
  }
}
