// Every word the user reads lives in public/_locales: lib modules return catalog keys and parameters.
// The only Japanese left in lib/ code (comments aside) is data that is Japanese by nature, listed here
// with the reason and, where a file holds other code too, the lines it may appear on.
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/shared';
import { readCode, sourceFiles, withoutComments } from './source-text';

/** Hiragana, katakana, CJK ideographs, CJK punctuation and full-width forms. */
const JAPANESE = /[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;

interface Exemption {
  reason: string;
  /** Only lines matching this may hold Japanese; absent: the whole file is data of that kind. */
  lines?: RegExp;
}

const EXEMPT: Record<string, Exemption> = {
  'lib/panels/onamae-labels.ts': { reason: 'お名前.com Navi\'s own headings, column and button labels, which the adapter matches' },
  'lib/panels/wix-labels.ts': { reason: 'the Japanese labels of Wix\'s panel, which the adapter matches' },
  'lib/panels/ttl.ts': { reason: 'TTL unit words as the panels show them (1時間, 30分)' },
  'lib/panels/records.ts': { reason: 'record-type labels as the panels show them (TXT（テキスト）, レコード)', lines: /RegExp\(|`\^\(/ },
  'lib/panels/text.ts': { reason: 'full-width punctuation the label normaliser removes', lines: /\.replace\(/ },
  'lib/panels/wix-fill.ts': { reason: 'Wix\'s Japanese Save button label', lines: /'保存'/ },
  'lib/panels/onamae-fill.ts': { reason: 'お名前.com field and button labels named in problems (ホスト名, 優先, 追加)', lines: /field: '/ },
  'lib/mail/provider-table.ts': { reason: 'provider names, written as each provider writes them', lines: /^\s*name: \{ en: '.*', ja: '.*' \},$/ },
  'lib/diagnosis/dns-hosts.ts': { reason: 'DNS host names, written as each host writes them', lines: /\bname: \{ en: '.*', ja: '.*' \}/ },
};

function japaneseLines(file: string): string[] {
  const exemption = EXEMPT[file];
  return readCode(repoRoot, file)
    .split('\n')
    .flatMap((line, index) => (JAPANESE.test(line) ? [{ line, number: index + 1 }] : []))
    .filter(({ line }) => exemption !== undefined && exemption.lines !== undefined ? !exemption.lines.test(line) : exemption === undefined)
    .map(({ line, number }) => `${file}:${number}: ${line.trim()}`);
}

describe('lib/ holds no prose', () => {
  const files = sourceFiles(repoRoot, 'lib');

  it('has no Japanese outside comments and the data listed as Japanese by nature', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(japaneseLines)).toEqual([]);
  });

  it('lists only files that exist and still hold such data, each with a reason', () => {
    for (const [file, exemption] of Object.entries(EXEMPT)) {
      expect(files, file).toContain(file);
      expect(exemption.reason.length, file).toBeGreaterThan(10);
      expect(JAPANESE.test(readCode(repoRoot, file)), file).toBe(true);
    }
  });

  it('reads code, not comments: strings and regular expressions stay, comments go', () => {
    const code = withoutComments("const a = '// 文字'; // コメント\n/* 説明\n */ const b = /[（]/g; const c = `${a}「」`;");
    expect(code).toContain("'// 文字'");
    expect(code).toContain('/[（]/g');
    expect(code).toContain('`${a}「」`');
    expect(code).not.toContain('コメント');
    expect(code).not.toContain('説明');
    expect(code.split('\n')).toHaveLength(3);
  });
});
