// Differential test: 2,000 generated scenarios (about 4,000 checks) through our check_host and pyspf
// (Debian python3-spf, one batch process) with the same in-memory zones. Every disagreement must be a
// known pyspf deviation (tests/support/spf-diff/classify.ts, README "Differential testing").
import { describe, expect, it } from 'vitest';
import { classify, DEVIATIONS } from '../../support/spf-diff/classify';
import { generateScenarios } from '../../support/spf-diff/generate';
import { describeDisagreement, pyspfAvailable, runDiff, runOurs, runPyspf } from '../../support/spf-diff/run';

const SCENARIOS = 2_000;
const SEED = 7208;

describe('differential test against pyspf', () => {
  it('finds pyspf (python3-spf) through /usr/bin/python3', () => {
    // Not skipped when missing: CI installs it (.ci/install-system-deps.sh), so its absence is a failure.
    expect(pyspfAvailable(), 'install Debian python3-spf: bash .ci/install-system-deps.sh').toBe(true);
  });

  it('both engines give permerror for the issue\'s mx + a:v2 + a:v3 example (three void lookups)', async () => {
    const scenario = {
      zone: {
        'example.com': [
          { type: 'TXT' as const, value: ['v=spf1 mx a:v2.example a:v3.example a -all'] },
          { type: 'MX' as const, value: { preference: 10, exchange: 'mx.example.com' } },
          { type: 'A' as const, value: '192.0.2.9' },
        ],
        'mx.example.com': [{ type: 'TXT' as const, value: ['no address'] }],
      },
      tests: [{ ip: '192.0.2.1', sender: 'user@example.com', helo: 'mail.example.com' }],
    };
    expect(runPyspf([scenario])[0]![0]!.result).toBe('permerror');
    expect((await runOurs(scenario, scenario.tests[0]!)).result).toBe('permerror');
  });

  it('leaves a disagreement of an unknown kind unexplained', async () => {
    const [scenario] = generateScenarios(1, 1);
    const ours = await runOurs(scenario!, scenario!.tests[0]!);
    const other = ours.result === 'pass' ? 'fail' : 'pass';
    expect(classify(scenario!, scenario!.tests[0]!, ours, { result: other, explanation: null, reason: null })).toBeNull();
  });

  it(`${SCENARIOS} random scenarios: every disagreement is a known pyspf deviation`, async () => {
    const report = await runDiff(SCENARIOS, SEED);
    expect(report.tests).toBeGreaterThanOrEqual(SCENARIOS);
    // Most checks agree outright; the explained ones are each tied to an RFC section.
    expect(report.agreed / report.tests).toBeGreaterThan(0.9);
    for (const id of Object.keys(report.explained)) expect(DEVIATIONS.map((d) => d.id)).toContain(id);
    expect(report.unexplained.map(describeDisagreement).slice(0, 3)).toEqual([]);
  }, 120_000);
});
