// Benchmark: evaluator CPU. The OpenSPF rfc7208 suite, zones in memory (no latency), every test run by
// our checkHost and by mailauth's spf() (result only: mailauth has no explanation string to compare),
// whole-suite passes interleaved in the same run. Reported: tests per second each, and our time per
// pass over mailauth's (lower is better). How many results each gets right is printed alongside.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spf as mailauthSpf } from 'mailauth/lib/spf/index.js';
import { parseAllDocuments } from 'yaml';
import { ZoneResolver } from '../lib/dns/memory';
import { checkHost } from '../lib/spf/check-host';
import { SUITE_DEFAULT_EXPLANATION, scenarioFromDocument } from '../lib/spf/conformance';
import type { SuiteScenario } from '../lib/spf/conformance';
import { hasSpfSuites, spfSuiteDir } from '../tests/support/shared';
import { nodeStyleResolver } from './mailauth-resolver';
import type { BenchRatio } from './spf';

const PASSES = 5;

function loadSuite(): SuiteScenario[] {
  const text = readFileSync(path.join(spfSuiteDir, 'rfc7208-tests.yml'), 'utf8');
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as Record<string, unknown> | null)
    .filter((data): data is Record<string, unknown> => data !== null)
    .map(scenarioFromDocument);
}

/** One pass over the suite; returns how many tests gave an expected result. */
async function oursPass(suite: SuiteScenario[]): Promise<number> {
  let right = 0;
  for (const scenario of suite) {
    for (const test of scenario.tests) {
      const resolver = new ZoneResolver(scenario.zone, { label: 'suite-zone' });
      const answer = await checkHost(
        { ip: test.host, sender: test.mailfrom, helo: test.helo },
        { resolver, defaultExplanation: SUITE_DEFAULT_EXPLANATION, receiver: 'receiver.example', now: () => 1_700_000_000 },
      );
      if (test.expected.includes(answer.result)) right++;
    }
  }
  return right;
}

async function mailauthPass(suite: SuiteScenario[]): Promise<number> {
  let right = 0;
  for (const scenario of suite) {
    for (const test of scenario.tests) {
      const resolver = nodeStyleResolver(new ZoneResolver(scenario.zone, { label: 'suite-zone' }));
      let result = 'temperror';
      try {
        const answer = (await mailauthSpf({ sender: test.mailfrom, ip: test.host, helo: test.helo, mta: 'receiver.example', resolver })) as { status?: { result?: string } };
        result = answer.status?.result ?? 'none';
      } catch {
        // mailauth throws on input it rejects; the suite then expects an error result, counted as wrong here.
      }
      if ((test.expected as string[]).includes(result)) right++;
    }
  }
  return right;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchMailauthCpu(): Promise<(BenchRatio & { note: string })[]> {
  if (!hasSpfSuites) return [];
  const suite = loadSuite();
  const tests = suite.reduce((sum, scenario) => sum + scenario.tests.length, 0);
  // One warm-up pass each, so neither pays for the JIT inside the measurement.
  const oursRight = await oursPass(suite);
  const theirsRight = await mailauthPass(suite);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    let started = performance.now();
    await oursPass(suite);
    ours.push(performance.now() - started);
    started = performance.now();
    await mailauthPass(suite);
    theirs.push(performance.now() - started);
  }
  const ms = median(ours);
  const baselineMs = median(theirs);
  const perSecond = (passMs: number) => Math.round((tests / passMs) * 1000);
  return [
    {
      name: `SPF evaluator CPU, rfc7208 suite in memory (${tests} tests per pass)`,
      baselineName: 'mailauth spf()',
      ms,
      baselineMs,
      ratio: ms / baselineMs,
      // No issue budget; ours must not be slower than the library a user would pick instead.
      budgetRatio: 1,
      note: `ours ${perSecond(ms)} tests/s (${oursRight}/${tests} expected results), mailauth ${perSecond(baselineMs)} tests/s (${theirsRight}/${tests}, result only)`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchMailauthCpu()) console.log(`${r.name}: ${r.ms.toFixed(1)} ms vs ${r.baselineMs.toFixed(1)} ms = ${r.ratio.toFixed(3)}; ${r.note}`);
}
