// Benchmark: SPF on the realistic four-provider record (Google + Microsoft 365 + SendGrid + お名前メール,
// zones shaped like the real trees) with 50 ms added to every DNS answer, ours against mailauth's spf()
// (npm `mailauth`, the evaluator a Node user would pick) given the same zones and the same latency
// through its `resolver` option, in the same run. Measured: our full-tree analysis (what the overlay
// shows) and our checkHost for an address that only the last include permits (mailauth's own job).
// Budget: our analysis ≤ 0.4 × mailauth's spf().
import { spf as mailauthSpf } from 'mailauth/lib/spf/index.js';
import { ZoneResolver } from '../lib/dns/memory';
import { DelayResolver } from '../lib/dns/wrappers';
import { analyseSpf } from '../lib/spf/analyse';
import { checkHost } from '../lib/spf/check-host';
import { realisticZone } from '../tests/support/spf-zones';
import { nodeStyleResolver } from './mailauth-resolver';
import type { BenchRatio } from './spf';

const LATENCY_MS = 50;
const RUNS = 3;
/** In _spf.onamae.ne.jp (203.0.113.192/27), the last include, and in no include before it. */
const LAST_INCLUDE_IP = '203.0.113.200';
const SENDER = 'info@example.jp';

const delayed = () => new DelayResolver(new ZoneResolver(realisticZone), LATENCY_MS);

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchMailauthSpf(): Promise<BenchRatio[]> {
  const ours: number[] = [];
  const ourCheck: number[] = [];
  const theirs: number[] = [];
  // Interleaved, a fresh resolver (no cache) each time, so machine noise hits all three alike.
  for (let i = 0; i < RUNS; i++) {
    const analysis = await timed(() => analyseSpf('example.jp', { resolver: delayed() }));
    if (analysis.value.issues.some((issue) => issue.severity === 'error')) throw new Error('our analysis found errors in the realistic record');
    ours.push(analysis.ms);

    const check = await timed(() => checkHost({ ip: LAST_INCLUDE_IP, sender: SENDER, helo: 'mail1042.onamae.ne.jp' }, { resolver: delayed() }));
    if (check.value.result !== 'pass') throw new Error(`our checkHost said ${check.value.result} for ${LAST_INCLUDE_IP}`);
    ourCheck.push(check.ms);

    const mailauth = await timed(() =>
      mailauthSpf({ sender: SENDER, ip: LAST_INCLUDE_IP, helo: 'mail1042.onamae.ne.jp', mta: 'mx.receiver.example', resolver: nodeStyleResolver(delayed()) }),
    );
    const verdict = (mailauth.value as { status?: { result?: string } }).status?.result;
    if (verdict !== 'pass') throw new Error(`mailauth said ${verdict} for ${LAST_INCLUDE_IP}`);
    theirs.push(mailauth.ms);
  }
  const baselineMs = median(theirs);
  const shape = `four-provider record, +${LATENCY_MS} ms per DNS answer`;
  return [
    {
      name: `SPF full-tree analysis vs mailauth spf() (${shape})`,
      baselineName: 'mailauth spf()',
      ms: median(ours),
      baselineMs,
      ratio: median(ours) / baselineMs,
      budgetRatio: 0.4,
    },
    {
      name: `SPF checkHost, address only in the last include, vs mailauth spf() (${shape})`,
      baselineName: 'mailauth spf()',
      ms: median(ourCheck),
      baselineMs,
      ratio: median(ourCheck) / baselineMs,
      // The issue sets no budget here: check_host walks the terms in order (RFC 7208 §4.6) as mailauth
      // does, so about 1.0 is expected; the bar is "not clearly slower", with room for timer noise.
      budgetRatio: 1.2,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchMailauthSpf()) console.log(`${r.name}: ${r.ms.toFixed(1)} ms vs ${r.baselineMs.toFixed(1)} ms = ${r.ratio.toFixed(3)}`);
}
