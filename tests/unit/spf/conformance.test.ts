import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runScenario, scenarioFromDocument } from '../../../lib/spf/conformance';
import type { SuiteOutcome } from '../../../lib/spf/conformance';
import { hasSpfSuites, spfSuiteDir } from '../../support/shared';

async function runSuite(file: string): Promise<SuiteOutcome[]> {
  const outcomes: SuiteOutcome[] = [];
  for (const doc of parseAllDocuments(readFileSync(path.join(spfSuiteDir, file), 'utf8'))) {
    const data = doc.toJS() as Record<string, unknown> | null;
    if (data) outcomes.push(...(await runScenario(scenarioFromDocument(data))));
  }
  return outcomes;
}

const describeSuites = hasSpfSuites ? describe : describe.skip;

describeSuites('OpenSPF conformance suites (../shared/spf-tests)', () => {
  it('passes every rfc7208 test, explanations included', async () => {
    const outcomes = await runSuite('rfc7208-tests.yml');
    const failures = outcomes.filter((o) => !o.passed).map((o) => `${o.test.name}: got ${o.result} (${o.reason})`);
    expect(failures).toEqual([]);
    expect(outcomes).toHaveLength(203);
    expect(outcomes.filter((o) => o.test.explanation !== undefined)).toHaveLength(22);
  });

  it('passes every rfc4408 test (RFC 7208 changed none of the expectations it lists)', async () => {
    const outcomes = await runSuite('rfc4408-tests.yml');
    expect(outcomes.filter((o) => !o.passed).map((o) => o.test.name)).toEqual([]);
    expect(outcomes).toHaveLength(191);
  });
});
