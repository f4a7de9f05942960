// "Records on screen → overlay verdict": support/page-probe.js, injected into every panel page before its
// own scripts, notes with performance.now() when the fixture rendered its records and every data-state
// the overlay host goes through. The numbers are read back from the page, so they do not include the
// test runner's polling. This file holds the Node side: the probe's text, medians, the timings file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Where the verdict time goes: until the overlay first reacts (reading/checking), then until done. */
export function verdictBreakdown(timing: PageTiming | undefined | null): { detectMs: number | null; diagnoseMs: number | null } {
  if (!timing || timing.ready === null) return { detectMs: null, diagnoseMs: null };
  const ready = timing.ready;
  const first = timing.states.find((s) => s.at >= ready && s.state !== 'done');
  const checking = timing.states.find((s) => s.at >= ready && s.state === 'checking');
  return {
    detectMs: first ? first.at - ready : null,
    diagnoseMs: checking && timing.done !== null ? timing.done - checking.at : null,
  };
}

export interface ScenarioTiming {
  browser: string;
  scenario: string;
  /** Resolver-fault scenarios wait for DoH timeouts on purpose; they are kept out of the headline median. */
  fault?: boolean;
  /** Records on screen → data-state="done". */
  verdictMs: number | null;
  /** Records on screen → the overlay's first state (reading/checking). */
  detectMs?: number | null;
  /** data-state="checking" → "done": the diagnosis round trip through the background. */
  diagnoseMs?: number | null;
  /** Whole test, wall clock. */
  testMs: number;
}

/** One scenario's timing entry from what its page's probe recorded. */
export function scenarioTiming(browser: string, scenario: string, timing: PageTiming | null, testMs: number): ScenarioTiming {
  return { browser, scenario, fault: scenario.startsWith('fault-'), verdictMs: verdictMs(timing), ...verdictBreakdown(timing), testMs: Math.round(testMs) };
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
    const values = (entries: ScenarioTiming[], key: 'verdictMs' | 'detectMs' | 'diagnoseMs') =>
      entries.flatMap((e) => (typeof e[key] === 'number' ? [e[key] as number] : []));
    const normal = own.filter((e) => !e.fault);
    const verdicts = values(normal, 'verdictMs');
    const round = (n: number | null) => (n === null ? null : Math.round(n));
    return {
      browser,
      scenarios: own.length,
      /** Median over the scenarios with working resolvers (fault scenarios wait for timeouts on purpose). */
      medianVerdictMs: round(median(verdicts)),
      maxVerdictMs: verdicts.length ? round(Math.max(...verdicts)) : null,
      medianDetectMs: round(median(values(normal, 'detectMs'))),
      medianDiagnoseMs: round(median(values(normal, 'diagnoseMs'))),
      measured: verdicts.length,
      medianVerdictMsAllScenarios: round(median(values(own, 'verdictMs'))),
    };
  }

  /** Replaces this browser's section of the timings file (keeping the other browser's) and the overall median. */
  write(browser: string): string {
    mkdirSync(dirname(TIMINGS_FILE), { recursive: true });
    const existing = existsSync(TIMINGS_FILE) ? (JSON.parse(readFileSync(TIMINGS_FILE, 'utf8')) as Record<string, unknown>) : {};
    const data: Record<string, unknown> = { ...existing, [browser]: { ...this.summary(browser), writtenAt: new Date().toISOString(), entries: this.entries.filter((e) => e.browser === browser) } };
    const all = Object.entries(data).flatMap(([key, section]) =>
      key === 'overall' ? [] : (((section as { entries?: ScenarioTiming[] }).entries ?? []) as ScenarioTiming[]),
    );
    const verdicts = all.flatMap((e) => (!e.fault && typeof e.verdictMs === 'number' ? [e.verdictMs] : []));
    const overall = median(verdicts);
    data.overall = { medianVerdictMs: overall === null ? null : Math.round(overall), measured: verdicts.length, browsers: Object.keys(data).filter((k) => k !== 'overall') };
    writeFileSync(TIMINGS_FILE, `${JSON.stringify(data, null, 2)}\n`);
    const s = this.summary(browser);
    const ms = (n: number | null) => (n === null ? 'n/a' : `${n} ms`);
    return `${browser}: median records on screen → overlay verdict ${ms(s.medianVerdictMs)} over ${s.measured} scenario(s) with working resolvers (max ${ms(s.maxVerdictMs)}; overlay reacts after ${ms(s.medianDetectMs)}, diagnosis ${ms(s.medianDiagnoseMs)}); all ${s.scenarios} incl. resolver faults: ${ms(s.medianVerdictMsAllScenarios)}. Both browsers so far: ${ms(overall === null ? null : Math.round(overall))} over ${verdicts.length}`;
  }
}
