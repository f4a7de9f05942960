// npm run bench: every benchmark of the project. Ratios are measured against a baseline taken in the same
// run; absolute budgets apply where an issue sets one. Ends with one summary line; exits non-zero when a
// budget is missed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET_BY_KIND } from '../lib/build/budgets';
import { builtSizes, kb } from '../lib/build/sizes';
import { buildExtension } from '../tests/e2e/support/build';
import { CHROME_EXTENSION_DIR } from '../tests/e2e/support/paths';
import { HOST_PAGE_BUDGET, benchHostPage, describeHostPage } from './host-page';
import { benchMailauthCpu } from './mailauth-cpu';
import { benchMailauthSpf } from './mailauth-spf';
import { benchEvaluator } from './evaluator';
import { benchPanels } from './panels';
import { benchSpf } from './spf';
import type { BenchRatio } from './spf';

interface Row {
  name: string;
  measured: string;
  budget: string;
  ok: boolean;
}

const ratioRow = (r: BenchRatio & { note?: string }): Row => ({
  name: r.name,
  measured: `${r.ms.toFixed(1)} ms vs ${r.baselineName} ${r.baselineMs.toFixed(1)} ms = ratio ${r.ratio.toFixed(3)}${r.note ? `; ${r.note}` : ''}`,
  budget: `ratio ≤ ${r.budgetRatio}`,
  ok: r.ratio <= r.budgetRatio,
});

async function main(): Promise<number> {
  const rows: Row[] = [];
  const summary: string[] = [];
  for (const r of await benchSpf()) rows.push(ratioRow(r));

  const vsMailauth = await benchMailauthSpf();
  rows.push(...vsMailauth.map(ratioRow));
  const cpu = await benchMailauthCpu();
  rows.push(...cpu.map(ratioRow));
  const [analysis, check] = vsMailauth;
  summary.push(`ours/mailauth: SPF analysis ${analysis!.ratio.toFixed(2)}, checkHost ${check!.ratio.toFixed(2)}${cpu[0] ? `, evaluator CPU ${cpu[0].ratio.toFixed(2)}` : ''}`);

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
  summary.push(`ours/pyspf: evaluator ${evaluator.ratio.toFixed(2)}`);

  // Panel readers (lib/panels) report absolute times against their budgets.
  for (const r of await benchPanels()) {
    rows.push({ name: r.name, measured: `${r.ms.toFixed(2)} ms (median)`, budget: `≤ ${r.budgetMs} ms`, ok: r.ms <= r.budgetMs });
  }

  // The shipped bundles (a production build), gzip -9.
  if (!existsSync(join(CHROME_EXTENSION_DIR, 'manifest.json'))) await buildExtension({ quiet: true });
  const budgets = BUDGET_BY_KIND;
  const sizes = builtSizes(CHROME_EXTENSION_DIR);
  for (const file of sizes) {
    rows.push({ name: `bundle ${file.file} (${file.kind}, Chrome build)`, measured: `${kb(file.gzip)} gzip -9 (${kb(file.raw)} raw)`, budget: `≤ ${kb(budgets[file.kind])}`, ok: file.gzip <= budgets[file.kind] });
  }
  const largest = (kind: string) => kb(Math.max(...sizes.filter((f) => f.kind === kind).map((f) => f.gzip)));
  summary.push(`bundles: content scripts ≤ ${largest('content-script')}, overlay modules ≤ ${largest('overlay-module')}, background ${largest('background')}`);

  // What the extension costs the page (Chromium, 1000-record panels, with and without the extension).
  const host = await benchHostPage();
  for (const r of host) {
    rows.push({
      name: `host page, ${r.panel} 1000 records: our longest piece of work (thread time)`,
      measured: describeHostPage(r),
      budget: `≤ ${HOST_PAGE_BUDGET.longestOfOursMs} ms, ${HOST_PAGE_BUDGET.idleOurs} pieces of work while idle ${HOST_PAGE_BUDGET.idleSeconds} s`,
      ok: r.with.oursThreadMs <= HOST_PAGE_BUDGET.longestOfOursMs && r.with.idleOurs <= HOST_PAGE_BUDGET.idleOurs,
    });
  }
  if (host.length > 0) summary.push(`host page: our longest ${Math.max(...host.map((r) => r.with.oursThreadMs)).toFixed(1)} ms, idle work ${host.reduce((n, r) => n + r.with.idleOurs, 0)}`);

  for (const row of rows) console.log(`${row.ok ? 'ok  ' : 'OVER'} ${row.name}\n     ${row.measured}  (budget ${row.budget})`);
  const over = rows.filter((r) => !r.ok).length;
  console.log(`${rows.length - over} within budget, ${over} over budget; ${summary.join('; ')}`);
  return over > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
