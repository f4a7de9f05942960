// npm run spf-suite -- FILE.yml [FILE.yml …]: runs OpenSPF-format suites, prints each failure with its
// scenario and test name, and ends with "N passed, N failed" (exit status 1 when any failed).
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { runScenario, scenarioFromDocument } from '../lib/spf/conformance';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run spf-suite -- FILE.yml [FILE.yml …]');
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`cannot read ${file}: ${(error as Error).message}`);
      return 2;
    }
    for (const doc of parseAllDocuments(text)) {
      const data = doc.toJS() as Record<string, unknown> | null;
      if (!data) continue;
      const scenario = scenarioFromDocument(data);
      for (const outcome of await runScenario(scenario)) {
        if (outcome.passed) {
          passed++;
          continue;
        }
        failed++;
        const t = outcome.test;
        const want = t.expected.join(' or ') + (t.explanation !== undefined ? ` with explanation "${t.explanation}"` : '');
        const got = outcome.result + (outcome.explanation !== undefined ? ` with explanation "${outcome.explanation}"` : '');
        console.log(`FAIL ${t.name} [${t.scenario}]${t.spec ? ` (spec ${t.spec})` : ''}\n  expected ${want}\n  got      ${got}\n  because  ${outcome.reason}`);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
