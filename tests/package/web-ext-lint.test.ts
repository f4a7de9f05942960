// `web-ext lint` (Mozilla's addons-linter, as AMO runs it on upload) on the Firefox zip's contents:
// no errors, no notices, and every warning is one the README's "web-ext lint" table explains, found at
// the very code that explanation is about.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_ZIP, ROOT, unpack } from './support';

interface LintMessage {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** The warning codes the README's "web-ext lint" table explains (its first column). */
function explainedCodes(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('### web-ext lint');
  if (start < 0) return [];
  const section = readme.slice(start, readme.indexOf('\n#', start + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => (line.split('|')[1] ?? '').replace(/`/g, '').trim());
}

/**
 * What each explained warning must point at, checked in the bundle at the warning's line and column, so an
 * explanation never covers a new warning of the same code somewhere else (file names change with bundling).
 */
const EXPLAINED_AT: Record<string, { what: string; pattern: RegExp }> = {
  // Preact's renderer: `dom.innerHTML = newHtml.__html` for the dangerouslySetInnerHTML prop; and the
  // hand-over to the overlay and fill modules: `import(getURL(files.module))`, `import(getURL(overlayFiles(panel).fill))`
  // (lib/content/overlay-module.ts names the files; the property names survive minification).
  UNSAFE_VAR_ASSIGNMENT: {
    what: "Preact's dangerouslySetInnerHTML code, or the import() of our own overlay, fill or details module",
    pattern: /^(?:[\w$.]*innerHTML\s*=\s*[\w$]+\.__html|import\([\w$]+\([\w$]+(?:\([\w$]+\))?\.(?:module|fill)\)\))/,
  },
};

/** The source text at a warning's position (1-based line, 0-based column as addons-linter gives them). */
function sourceAt(dir: string, warning: LintMessage): string {
  if (!warning.file || warning.line === undefined) return '';
  const line = readFileSync(join(dir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  // The column points at the assignment's left side; look back to the start of the member expression.
  const column = warning.column ?? 0;
  const from = line.slice(0, column).search(/[\w$.]*$/);
  return line.slice(from, column + 200);
}

let report: LintReport;
let dir: string;

beforeAll(() => {
  if (!existsSync(FIREFOX_ZIP)) throw new Error(`${FIREFOX_ZIP} is missing: run npm run zip first`);
  dir = unpack(FIREFOX_ZIP, 'firefox-lint');
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

  it('reports only warnings the README explains, each at the code the explanation is about', () => {
    const explained = explainedCodes();
    expect(explained.filter((code) => !EXPLAINED_AT[code]), 'README rows this test cannot check').toEqual([]);
    const unexplained = report.warnings.filter((w) => {
      const at = EXPLAINED_AT[w.code];
      return !explained.includes(w.code) || !at || !at.pattern.test(sourceAt(dir, w));
    });
    expect(unexplained.map((w) => `${w.code} ${w.file ?? ''}:${w.line ?? ''}:${w.column ?? ''}: ${w.message} at "${sourceAt(dir, w).slice(0, 80)}"`)).toEqual([]);
  });

  it('explains no warning that is not there any more', () => {
    expect(explainedCodes().filter((code) => !report.warnings.some((w) => w.code === code))).toEqual([]);
  });

  it('reports no notices', () => {
    expect(report.notices.map((n) => `${n.code} ${n.file ?? ''}: ${n.message}`)).toEqual([]);
  });
});
