// Our code never writes HTML strings into a page: no innerHTML/outerHTML/insertAdjacentHTML/
// document.write, and no Preact dangerouslySetInnerHTML. The one "Unsafe assignment to innerHTML"
// warning web-ext lint gives on the bundles is Preact's own code for that prop, which is never set
// (README "web-ext lint"); this test is what makes that explanation true.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles, withoutComments } from '../i18n/source-text';

const ROOT = path.resolve(__dirname, '../../..');
const FORBIDDEN = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML)\b|document\.write/;

describe('no HTML strings into the DOM', () => {
  const files = ['components', 'entrypoints', 'lib'].flatMap((dir) => sourceFiles(ROOT, dir));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(['components', 'entrypoints', 'lib'])('%s/ uses none of innerHTML, outerHTML, insertAdjacentHTML, document.write, dangerouslySetInnerHTML', (dir) => {
    const hits = files
      .filter((file) => file.startsWith(dir))
      .flatMap((file) =>
        withoutComments(readFileSync(path.join(ROOT, file), 'utf8'))
          .split('\n')
          .map((line, index) => (FORBIDDEN.test(line) ? `${file}:${index + 1}: ${line.trim()}` : null))
          .filter((hit): hit is string => hit !== null),
      );
    expect(hits).toEqual([]);
  });
});
