// Every message key the popup, options page and bounce explanation use exists in both catalogs, and
// every key is one Chrome accepts (letters, digits, underscores).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import ja from '../../../public/_locales/ja/messages.json';
import { hasMessage } from '../../../lib/i18n';
import { repoRoot } from '../../support/shared';

const SOURCES = ['components/popup', 'components/options', 'lib/bounce'];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
  );
}

/** Keys built from data at run time, with every value the data can take. */
const FAMILIES: Record<string, readonly string[]> = {
  popup_step_: ['nameservers', 'spf', 'mx', 'dmarc', 'dkim', 'propagation'],
  popup_tab_: ['check', 'bounce'],
  popup_verdict_: ['ok', 'warning', 'error'],
  popup_severity_: ['error', 'warning', 'info'],
  popup_gmail_: ['ok', 'missing', 'unknown'],
  popup_tree_status_: ['none', 'multiple', 'syntax_error', 'dns_error', 'loop', 'invalid_domain'],
  bounce_meaning_: ['fail', 'softfail', 'neutral', 'none', 'permerror'],
};

describe('message catalogs for the popup, options and bounce explanation', () => {
  it('have every literal key the sources use', () => {
    const used = new Set<string>();
    for (const file of SOURCES.flatMap(sourceFiles)) {
      for (const match of readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/'((?:popup|options|bounce)_[A-Za-z0-9_]+)'/g)) {
        used.add(match[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !hasMessage(key))).toEqual([]);
  });

  it('have every key of the families built at run time', () => {
    const keys = Object.entries(FAMILIES).flatMap(([prefix, values]) => values.map((value) => prefix + value));
    expect(keys.filter((key) => !hasMessage(key))).toEqual([]);
  });

  it('hold the same keys in English and Japanese, all valid for Chrome', () => {
    const mine = (catalog: object) => Object.keys(catalog).filter((key) => /^(popup|options|bounce)_/.test(key)).sort();
    expect(mine(ja)).toEqual(mine(en));
    expect(mine(en).filter((key) => !/^[A-Za-z0-9_]+$/.test(key))).toEqual([]);
  });
});
