// Differential run: the same generated scenarios through our check_host and through pyspf (one batch
// process, tests/support/spf-diff/pyspf_harness.py), then every disagreement is either explained by a
// known pyspf deviation (classify.ts, each naming the RFC section that makes our answer right) or
// reported as unexplained.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ZoneResolver } from '../../../lib/dns/memory';
import { checkHost } from '../../../lib/spf/check-host';
import { formatTrace } from '../../../lib/spf/format';
import type { CheckHostResult } from '../../../lib/spf/types';
import { classify } from './classify';
import { generateScenarios } from './generate';
import type { DiffScenario, DiffTest } from './generate';

export const PYTHON = '/usr/bin/python3';
const HARNESS = fileURLToPath(new URL('./pyspf_harness.py', import.meta.url));
/** pyspf's own default explanation, so a fail without exp= reads the same from both engines. */
const DEFAULT_EXPLANATION = 'SPF fail - not authorized';

export interface PyOutcome {
  result: string;
  explanation: string | null;
  /** pyspf's message for permerror and temperror. */
  reason: string | null;
}

export interface Disagreement {
  scenario: DiffScenario;
  test: DiffTest;
  ours: CheckHostResult;
  pyspf: PyOutcome;
  /** The known deviation that explains it, or null. */
  explained: string | null;
}

export interface DiffReport {
  scenarios: number;
  tests: number;
  agreed: number;
  /** Explained disagreements by deviation id. */
  explained: Record<string, number>;
  unexplained: Disagreement[];
}

/** Whether Debian's python3-spf is importable by the system Python. */
export function pyspfAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import spf'], { stdio: 'ignore' }).status === 0;
}

/** Runs every scenario through pyspf in one process; one answer list per scenario. */
export function runPyspf(scenarios: DiffScenario[]): PyOutcome[][] {
  const input = scenarios.map((s) => JSON.stringify(s)).join('\n') + '\n';
  const run = spawnSync(PYTHON, [HARNESS], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`pyspf harness failed (status ${run.status}): ${run.stderr || run.error?.message}`);
  const lines = run.stdout.trim().split('\n');
  if (lines.length !== scenarios.length) throw new Error(`pyspf harness answered ${lines.length} of ${scenarios.length} scenarios`);
  return lines.map((line) => JSON.parse(line) as PyOutcome[]);
}

export async function runOurs(scenario: DiffScenario, test: DiffTest): Promise<CheckHostResult> {
  return checkHost(
    { ip: test.ip, sender: test.sender, helo: test.helo },
    {
      resolver: new ZoneResolver(scenario.zone, { label: 'diff-zone' }),
      receiver: 'receiver.example',
      now: () => 1_700_000_000,
      defaultExplanation: DEFAULT_EXPLANATION,
    },
  );
}

function agrees(ours: CheckHostResult, theirs: PyOutcome): boolean {
  if (ours.result !== theirs.result) return false;
  // Explanations compare without case, as the OpenSPF suites do (pyspf writes %{i} nibbles upper-case).
  return ours.result !== 'fail' || ours.explanation?.toLowerCase() === theirs.explanation?.toLowerCase();
}

export async function runDiff(count: number, seed: number): Promise<DiffReport> {
  const scenarios = generateScenarios(count, seed);
  const theirs = runPyspf(scenarios);
  const report: DiffReport = { scenarios: count, tests: 0, agreed: 0, explained: {}, unexplained: [] };
  for (let i = 0; i < scenarios.length; i++) {
    const scenario = scenarios[i]!;
    for (let j = 0; j < scenario.tests.length; j++) {
      const test = scenario.tests[j]!;
      const pyspf = theirs[i]![j]!;
      const ours = await runOurs(scenario, test);
      report.tests++;
      if (agrees(ours, pyspf)) {
        report.agreed++;
        continue;
      }
      const explained = classify(scenario, test, ours, pyspf);
      if (explained) report.explained[explained] = (report.explained[explained] ?? 0) + 1;
      else report.unexplained.push({ scenario, test, ours, pyspf, explained });
    }
  }
  return report;
}

/** A disagreement as text: the client, the zone and both answers, enough to make a unit test of it. */
export function describeDisagreement(d: Disagreement): string {
  const zone = Object.entries(d.scenario.zone)
    .map(([name, entries]) => `  ${name}: ${JSON.stringify(entries)}`)
    .join('\n');
  return [
    `client ${d.test.ip} sender ${d.test.sender} helo ${d.test.helo}`,
    `ours:  ${d.ours.result}${d.ours.explanation !== undefined ? ` "${d.ours.explanation}"` : ''} (${d.ours.reason})`,
    `pyspf: ${d.pyspf.result}${d.pyspf.explanation ? ` "${d.pyspf.explanation}"` : ''}${d.pyspf.reason ? ` (${d.pyspf.reason})` : ''}`,
    zone,
    'our trace:',
    ...formatTrace(d.ours).map((line) => `  ${line}`),
  ].join('\n');
}
