// Benchmark: the evaluator's CPU cost. The OpenSPF rfc7208 suite evaluated in memory by our check_host
// and by pyspf (bench/pyspf_rounds.py, one long-lived process so start-up is not counted), in alternating
// rounds; tests per second of CPU time (process.cpuUsage / time.process_time) and of wall time, median of
// the rounds. Budget: ours at least 5× pyspf's tests per CPU second.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { ZoneResolver } from '../lib/dns/memory';
import { checkHost } from '../lib/spf/check-host';
import { scenarioFromDocument, SUITE_DEFAULT_EXPLANATION } from '../lib/spf/conformance';
import type { SuiteScenario } from '../lib/spf/conformance';

const SUITE = fileURLToPath(new URL('../../shared/spf-tests/rfc7208-tests.yml', import.meta.url));
const PYSPF_ROUNDS = fileURLToPath(new URL('./pyspf_rounds.py', import.meta.url));
const ROUNDS = 7;
/** Suite passes per round for each engine, so a round lasts long enough to time (~0.2-0.4 s each). */
const OURS_REPEATS = 150;
const PYSPF_REPEATS = 25;
const WARM_UP_PASSES = 50;

export interface EvaluatorBench {
  tests: number;
  oursCpuRate: number;
  oursWallRate: number;
  pyspfCpuRate: number;
  pyspfWallRate: number;
  /** ours / pyspf, tests per CPU second. */
  ratio: number;
  budgetRatio: number;
  oursPassed: number;
  pyspfPassed: number;
}

function loadSuite(file = SUITE): SuiteScenario[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => doc.toJS() as Record<string, unknown> | null)
    .filter((data): data is Record<string, unknown> => data !== null)
    .map(scenarioFromDocument);
}

async function oursRound(suite: SuiteScenario[], repeats: number): Promise<{ tests: number; passed: number; cpu: number; wall: number }> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let tests = 0;
  let passed = 0;
  for (let r = 0; r < repeats; r++) {
    for (const scenario of suite) {
      const options = { resolver: new ZoneResolver(scenario.zone, { label: 'suite-zone' }), defaultExplanation: SUITE_DEFAULT_EXPLANATION, receiver: 'receiver.example', now: fixedNow };
      for (const test of scenario.tests) {
        const answer = await checkHost({ ip: test.host, sender: test.mailfrom, helo: test.helo }, options);
        tests++;
        if (test.expected.includes(answer.result)) passed++;
      }
    }
  }
  const cpu = process.cpuUsage(cpu0);
  return { tests, passed: passed / repeats, cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - wall0) / 1000 };
}

/** The pyspf process: send the suite once, then ask for rounds. */
function startPyspf(suite: SuiteScenario[]) {
  const child = spawn('/usr/bin/python3', [PYSPF_ROUNDS], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const payload = suite.map((s) => ({
    zone: s.zone,
    tests: s.tests.map((t) => ({ ip: t.host, sender: t.mailfrom, helo: t.helo, expected: t.expected })),
  }));
  child.stdin.write(JSON.stringify(payload) + '\n');
  return {
    async round(repeats: number): Promise<{ tests: number; passed: number; cpu: number; wall: number }> {
      child.stdin.write(`ROUNDS_PER_LINE ${repeats}\n`);
      const next = await lines.next();
      if (next.done) throw new Error('pyspf_rounds.py ended early (is python3-spf installed?)');
      return JSON.parse(next.value);
    },
    stop: () => child.stdin.end(),
  };
}

const fixedNow = () => 1_700_000_000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchEvaluator(): Promise<EvaluatorBench> {
  const suite = loadSuite();
  const pyspf = startPyspf(suite);
  const ours = { cpu: [] as number[], wall: [] as number[] };
  const theirs = { cpu: [] as number[], wall: [] as number[] };
  let tests = 0;
  let oursPassed = 0;
  let pyspfPassed = 0;
  try {
    // Warm-up, not counted: module loading and the JIT for ours, the imports and caches for pyspf.
    await oursRound(suite, WARM_UP_PASSES);
    await pyspf.round(2);
    // Alternate the engines so machine noise hits both alike.
    for (let i = 0; i < ROUNDS; i++) {
      const o = await oursRound(suite, OURS_REPEATS);
      const p = await pyspf.round(PYSPF_REPEATS);
      ours.cpu.push(o.tests / o.cpu);
      ours.wall.push(o.tests / o.wall);
      theirs.cpu.push(p.tests / p.cpu);
      theirs.wall.push(p.tests / p.wall);
      tests = o.tests / OURS_REPEATS;
      oursPassed = o.passed;
      pyspfPassed = p.passed;
    }
  } finally {
    pyspf.stop();
  }
  const oursCpuRate = median(ours.cpu);
  const pyspfCpuRate = median(theirs.cpu);
  return {
    tests,
    oursCpuRate,
    oursWallRate: median(ours.wall),
    pyspfCpuRate,
    pyspfWallRate: median(theirs.wall),
    ratio: oursCpuRate / pyspfCpuRate,
    budgetRatio: 5,
    oursPassed,
    pyspfPassed,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchEvaluator();
  console.log(
    `rfc7208 suite (${r.tests} tests, ours ${r.oursPassed} / pyspf ${r.pyspfPassed} expected results), median of ${ROUNDS} alternating rounds:\n` +
      `  ours  ${r.oursCpuRate.toFixed(0)} tests/CPU-s, ${r.oursWallRate.toFixed(0)} tests/s wall\n` +
      `  pyspf ${r.pyspfCpuRate.toFixed(0)} tests/CPU-s, ${r.pyspfWallRate.toFixed(0)} tests/s wall\n` +
      `  ours/pyspf = ${r.ratio.toFixed(2)} (budget ≥ ${r.budgetRatio})`,
  );
}
