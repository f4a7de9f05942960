// npm run fuzz:diff -- [N] [SEED] [SHOW]: N generated scenarios (default 10000) through our check_host and
// pyspf with the same in-memory zones; prints the explained deviations, the first SHOW unexplained
// disagreements in full, and "N agreed, N explained, N unexplained" (exit status 1 when any is unexplained).
import { describeDisagreement, pyspfAvailable, runDiff } from '../tests/support/spf-diff/run';
import { DEVIATIONS } from '../tests/support/spf-diff/classify';

async function main(args: string[]): Promise<number> {
  const count = Number(args[0] ?? 10_000);
  const seed = Number(args[1] ?? Date.now() % 1_000_000);
  const show = Number(args[2] ?? 5);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error('usage: npm run fuzz:diff -- [N] [SEED] [SHOW]');
    return 2;
  }
  if (!pyspfAvailable()) {
    console.error('pyspf is missing: install Debian python3-spf (bash .ci/install-system-deps.sh)');
    return 2;
  }
  const started = performance.now();
  const report = await runDiff(count, seed);
  console.log(`seed ${seed}: ${report.scenarios} scenarios, ${report.tests} tests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const [id, n] of Object.entries(report.explained)) {
    const deviation = DEVIATIONS.find((d) => d.id === id);
    console.log(`  explained ${id} (${deviation?.rfc ?? '?'}): ${n}`);
  }
  const kinds: Record<string, number> = {};
  for (const d of report.unexplained) kinds[`ours ${d.ours.result} / pyspf ${d.pyspf.result}`] = (kinds[`ours ${d.ours.result} / pyspf ${d.pyspf.result}`] ?? 0) + 1;
  for (const [kind, n] of Object.entries(kinds)) console.log(`  unexplained ${kind}: ${n}`);
  for (const d of report.unexplained.slice(0, show)) console.log(`---- unexplained\n${describeDisagreement(d)}`);
  const explained = Object.values(report.explained).reduce((a, b) => a + b, 0);
  console.log(`${report.agreed} agreed, ${explained} explained, ${report.unexplained.length} unexplained`);
  return report.unexplained.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
