// Each bundle carries only part of the catalogs (lib/i18n/subsets.ts); every key its sources name, as a
// literal ('ui_copy') or as the head of a template (`ui_step_${step}`), must be in its part.
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import { BACKGROUND_KEYS, CONTENT_SCRIPT_KEYS, PAGE_KEYS, catalogSubset } from '../../../lib/i18n/subsets';
import type { KeyFilter } from '../../../lib/i18n/subsets';
import { repoRoot } from '../../support/shared';
import { readCode, sourceFiles } from './source-text';

const ALL_KEYS = Object.keys(en);

/** The sources each bundle is built from (folders and single files), generously: more is stricter. */
const BUNDLES: { name: string; keep: KeyFilter; sources: string[] }[] = [
  {
    name: 'content scripts',
    keep: CONTENT_SCRIPT_KEYS,
    sources: ['entrypoints/wix.content', 'entrypoints/onamae.content', 'entrypoints/wix-overlay.ts', 'entrypoints/onamae-overlay.ts', 'components/overlay', 'components/shared', 'lib/content', 'lib/panels', 'lib/i18n', 'lib/messages.ts', 'lib/page-kit.ts', 'lib/mail/provider-choice.ts', 'lib/mail/providers.ts', 'lib/mail/provider-table.ts'],
  },
  {
    name: 'background',
    keep: BACKGROUND_KEYS,
    sources: ['entrypoints/background.ts', 'lib/background', 'lib/diagnosis', 'lib/bounce', 'lib/mail', 'lib/spf', 'lib/dns', 'lib/i18n', 'lib/settings.ts', 'lib/messages.ts'],
  },
  {
    name: 'popup and options',
    keep: PAGE_KEYS,
    sources: ['entrypoints/popup', 'entrypoints/options', 'components/popup', 'components/options', 'components/shared', 'lib/content/format.ts', 'lib/panels/problems.ts', 'lib/bounce/validate.ts', 'lib/i18n', 'lib/settings.ts', 'lib/messages.ts', 'lib/mail/provider-choice.ts'],
  },
];

function filesOf(source: string): string[] {
  return statSync(path.join(repoRoot, source)).isDirectory() ? sourceFiles(repoRoot, source) : [source];
}

/** Catalog keys a file names: whole literals, and every key under a template's literal head. */
function keysNamed(file: string): string[] {
  const code = readCode(repoRoot, file);
  const literals = [...code.matchAll(/['"`]([a-zA-Z][A-Za-z0-9_]*)['"`]/g)].map((m) => m[1]!).filter((word) => ALL_KEYS.includes(word));
  const heads = [...code.matchAll(/`([a-z][A-Za-z0-9]*_[A-Za-z0-9_]*)\$\{/g)].map((m) => m[1]!);
  return [...literals, ...heads.flatMap((head) => ALL_KEYS.filter((key) => key.startsWith(head)))];
}

describe('the catalog part each bundle carries', () => {
  it.each(BUNDLES)('holds every key the sources of the $name name', ({ keep, sources }) => {
    const named = new Set(sources.flatMap(filesOf).flatMap(keysNamed));
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((key) => !keep(key)).sort()).toEqual([]);
  });

  it('leaves out real weight: each part is smaller than the whole catalog', () => {
    for (const { keep } of BUNDLES) {
      const kept = Object.keys(catalogSubset(en, keep)).length;
      expect(kept).toBeLessThan(ALL_KEYS.length * 0.8);
      expect(kept).toBeGreaterThan(20);
    }
  });
});
