// Benchmark: the SPF analyser on a realistic record (Google + Microsoft 365 + SendGrid + お名前メール,
// zones shaped like the real trees) with 50 ms added to every DNS answer, concurrent walk against a
// strictly sequential walk of the same tree in the same run. Budget: concurrent ≤ 0.4 × sequential.
import { ZoneResolver } from '../lib/dns/memory';
import { DelayResolver } from '../lib/dns/wrappers';
import { analyseSpf } from '../lib/spf/analyse';
import { realisticZone } from '../tests/support/spf-zones';

export interface BenchRatio {
  name: string;
  baselineName: string;
  ms: number;
  baselineMs: number;
  ratio: number;
  budgetRatio: number;
}

const LATENCY_MS = 50;
const RUNS = 3;

async function timeWalk(sequential: boolean): Promise<{ ms: number; lookups: number; queries: number }> {
  const resolver = new DelayResolver(new ZoneResolver(realisticZone), LATENCY_MS);
  const started = performance.now();
  const analysis = await analyseSpf('example.jp', { resolver, sequential });
  return { ms: performance.now() - started, lookups: analysis.totalLookups, queries: analysis.queries };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchSpf(): Promise<BenchRatio[]> {
  const concurrent: number[] = [];
  const sequential: number[] = [];
  let shape = { lookups: 0, queries: 0 };
  // Interleave the two walks so machine noise hits both alike.
  for (let i = 0; i < RUNS; i++) {
    const c = await timeWalk(false);
    const s = await timeWalk(true);
    if (c.lookups !== s.lookups || c.queries !== s.queries) throw new Error('the two walks disagree about the tree');
    shape = c;
    concurrent.push(c.ms);
    sequential.push(s.ms);
  }
  const ms = median(concurrent);
  const baselineMs = median(sequential);
  return [
    {
      name: `SPF analyser, concurrent (${shape.queries} DNS questions, ${shape.lookups} lookups, +${LATENCY_MS} ms each)`,
      baselineName: 'sequential walk of the same tree',
      ms,
      baselineMs,
      ratio: ms / baselineMs,
      budgetRatio: 0.4,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchSpf()) {
    console.log(`${r.name}: ${r.ms.toFixed(1)} ms; ${r.baselineName}: ${r.baselineMs.toFixed(1)} ms; ratio ${r.ratio.toFixed(3)} (budget ≤ ${r.budgetRatio})`);
  }
}
