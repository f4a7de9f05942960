// npm run bench: every benchmark of the project. Ratios are measured against a baseline taken in the same
// run; absolute budgets apply where an issue sets one. Exits non-zero when a budget is missed.
import { benchEvaluator } from './evaluator';
import { benchPanels } from './panels';
import { benchSpf } from './spf';

interface Row {
  name: string;
  measured: string;
  budget: string;
  ok: boolean;
}

async function main(): Promise<number> {
  const rows: Row[] = [];
  for (const r of await benchSpf()) {
    rows.push({
      name: r.name,
      measured: `${r.ms.toFixed(1)} ms vs ${r.baselineName} ${r.baselineMs.toFixed(1)} ms = ratio ${r.ratio.toFixed(3)}`,
      budget: `ratio ≤ ${r.budgetRatio}`,
      ok: r.ratio <= r.budgetRatio,
    });
  }
  // The evaluator's CPU cost against pyspf on the rfc7208 suite, in memory (issue #11: ours ≥ 5×).
  const evaluator = await benchEvaluator();
  rows.push({
    name: `SPF evaluator, rfc7208 suite in memory (${evaluator.tests} tests; ours ${evaluator.oursPassed}, pyspf ${evaluator.pyspfPassed} as expected)`,
    measured:
      `ours ${evaluator.oursCpuRate.toFixed(0)} tests/CPU-s (${evaluator.oursWallRate.toFixed(0)} tests/s wall), ` +
      `pyspf ${evaluator.pyspfCpuRate.toFixed(0)} tests/CPU-s (${evaluator.pyspfWallRate.toFixed(0)} wall) = ratio ours/pyspf ${evaluator.ratio.toFixed(2)}`,
    budget: `ratio ≥ ${evaluator.budgetRatio}`,
    ok: evaluator.ratio >= evaluator.budgetRatio,
  });
  // Panel readers (lib/panels) report absolute times against their budgets.
  for (const r of await benchPanels()) {
    rows.push({ name: r.name, measured: `${r.ms.toFixed(2)} ms (median)`, budget: `≤ ${r.budgetMs} ms`, ok: r.ms <= r.budgetMs });
  }
  for (const row of rows) console.log(`${row.ok ? 'ok  ' : 'OVER'} ${row.name}\n     ${row.measured}  (budget ${row.budget})`);
  const over = rows.filter((r) => !r.ok).length;
  console.log(`${rows.length - over} within budget, ${over} over budget`);
  return over > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
