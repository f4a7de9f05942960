// `web-ext lint` (Mozilla's addons-linter, as AMO runs it on upload) on the Firefox zip's contents:
// no errors, and every warning is one the README's "web-ext lint" table explains (code and file).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_ZIP, ROOT, unpack } from './support';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** The README's explained warnings: `| CODE | file, file | why |` rows of its "web-ext lint" table. */
function explainedWarnings(): { code: string; files: string[] }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('### web-ext lint');
  if (start < 0) return [];
  const section = readme.slice(start, readme.indexOf('\n#', start + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [code = '', files = ''] = line.split('|').slice(1).map((cell) => cell.trim());
      return { code: code.replace(/`/g, ''), files: files.split(',').map((file) => file.replace(/`/g, '').trim()) };
    });
}

/** A build file name without its content hash (chunks/settings-store-BnzooMIO.js → chunks/settings-store.js). */
const unhashed = (file: string): string => file.replace(/-[A-Za-z0-9_]{8}(\.[a-z]+)$/, '$1');

let report: LintReport;

beforeAll(() => {
  if (!existsSync(FIREFOX_ZIP)) throw new Error(`${FIREFOX_ZIP} is missing: run npm run zip first`);
  const dir = unpack(FIREFOX_ZIP, 'firefox-lint');
  let output: string;
  try {
    output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // web-ext exits 1 when there are errors; the JSON is still on stdout.
    output = (error as { stdout?: string }).stdout ?? '';
  }
  report = JSON.parse(output.slice(output.indexOf('{'))) as LintReport;
});

describe('web-ext lint on the Firefox package', () => {
  it('reports no errors', () => {
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
  });

  it('reports only warnings the README explains', () => {
    const explained = explainedWarnings();
    const unexplained = report.warnings.filter((w) => !explained.some((e) => e.code === w.code && e.files.includes(unhashed(w.file ?? ''))));
    expect(unexplained.map((w) => `${w.code} ${w.file ?? ''}: ${w.message}`)).toEqual([]);
  });

  it('explains no warning that is not there any more', () => {
    const stale = explainedWarnings().flatMap((e) => e.files.filter((file) => !report.warnings.some((w) => w.code === e.code && unhashed(w.file ?? '') === file)).map((file) => `${e.code} ${file}`));
    expect(stale).toEqual([]);
  });

  it('reports no notices', () => {
    expect(report.notices.map((n) => `${n.code} ${n.file ?? ''}: ${n.message}`)).toEqual([]);
  });
});
