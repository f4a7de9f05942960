// Panel reading speed: one full read of a 1000-record panel page (Wix and お名前.com), median of
// repeated runs after a warm-up. Budget from the issue: ≤ 10 ms. Runs in Node on happy-dom, which
// is slower than a browser's native DOM, so the budget holds there a fortiori.
//   npx tsx bench/panels.ts

import { pathToFileURL } from 'node:url';
import { onamaeAdapter } from '../lib/panels/onamae';
import type { PanelAdapter } from '../lib/panels/types';
import { wixAdapter } from '../lib/panels/wix';
import { largeOnamaePanel, largeWixPanel, type LargePanel } from '../tests/fixtures/large-panels';

export interface PanelBenchResult {
  name: string;
  ms: number;
  budgetMs: number;
}

const RECORDS = 1000;
const BUDGET_MS = 10;
const WARMUP = 5;
const RUNS = 31;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function measure(name: string, panel: LargePanel, adapter: PanelAdapter): Promise<PanelBenchResult> {
  try {
    const first = adapter.read(panel.document);
    // A bench that reads the wrong thing fast proves nothing.
    if (first.records.length < RECORDS) throw new Error(`${name}: read ${first.records.length} records, expected ≥ ${RECORDS}`);
    for (let i = 0; i < WARMUP; i++) adapter.read(panel.document);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      adapter.read(panel.document);
      times.push(performance.now() - start);
    }
    return { name, ms: median(times), budgetMs: BUDGET_MS };
  } finally {
    await panel.close();
  }
}

export async function benchPanels(): Promise<PanelBenchResult[]> {
  return [
    await measure(`panels: read a ${RECORDS}-record Wix page`, largeWixPanel(RECORDS), wixAdapter),
    await measure(`panels: read a ${RECORDS}-record お名前.com page`, largeOnamaePanel(RECORDS), onamaeAdapter),
  ];
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  const results = await benchPanels();
  for (const r of results) console.log(`${r.ms <= r.budgetMs ? 'ok  ' : 'OVER'} ${r.name}: ${r.ms.toFixed(2)} ms (median of ${RUNS}; budget ≤ ${r.budgetMs} ms)`);
  process.exitCode = results.every((r) => r.ms <= r.budgetMs) ? 0 : 1;
}
