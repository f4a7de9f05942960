// The copy rules of issue #10, checked on every message: Japanese as お名前.com's and Wix's own screens
// write it (full-width punctuation, no spaces around placeholders, です・ます, one term per concept, raw
// result words glossed), English that agrees in number. Words quoted in 「」 are literal (a button label,
// a line of a bounce) and are not judged.
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import ja from '../../../public/_locales/ja/messages.json';
import { installCatalog } from '../../../lib/i18n';
import { ASCII_VALUES, enProblems, hasJapanese, jaProblems, placeholders } from './copy-rules';

type Catalog = Record<string, { message: string }>;
const EN = en as Catalog;
const JA = ja as Catalog;

describe('catalog copy rules', () => {
  installCatalog('en', EN);
  installCatalog('ja', JA);

  it('hold the same keys and placeholders in English and Japanese', () => {
    expect(Object.keys(JA).sort()).toEqual(Object.keys(EN).sort());
    const differing = Object.keys(EN).filter((key) => placeholders(EN[key]!.message).join() !== placeholders(JA[key]?.message ?? '').join());
    expect(differing).toEqual([]);
  });

  it('write Japanese with full-width punctuation, no stray spaces, です・ます, one term per concept', () => {
    const problems = Object.entries(JA).flatMap(([key, { message }]) => jaProblems(key, message).map((p) => `${key}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('give a reason for every ASCII-only Japanese value, and use each reason', () => {
    for (const key of Object.keys(ASCII_VALUES)) expect(hasJapanese(JA[key]?.message ?? 'なし'), key).toBe(false);
  });

  it('make English agree in number: every count renders right with 1 and with 2', () => {
    const problems = Object.keys(EN).flatMap((key) => enProblems(EN, key).map((p) => `${key}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    expect(jaProblems('x', 'お名前メール の DKIM')).not.toEqual([]);
    expect(jaProblems('x', '60 分以内')).not.toEqual([]);
    expect(jaProblems('x', '（Wix） が')).not.toEqual([]);
    expect(jaProblems('x', '(空欄 / blank = @)')).not.toEqual([]);
    expect(jaProblems('x', 'テストアドレス 203.0.113.1：fail')).not.toEqual([]);
    expect(jaProblems('x', 'このパネルの値')).not.toEqual([]);
    expect(jaProblems('x', 'レコードタイプ')).not.toEqual([]);
    expect(jaProblems('x', '確認する。')).not.toEqual([]);
    expect(jaProblems('x', 'none')).not.toEqual([]);
    expect(jaProblems('x', '「fail（不合格）」です。')).toEqual([]);
    expect(jaProblems('x', '{domain}のSPFレコードはfail（不合格）です。')).toEqual([]);
    expect(jaProblems("x", "SPFは{result, select, fail {fail（不合格）} other {#}}です。")).toEqual([]);
    const wrong = { x_test: { message: 'SPF check ({n} steps), {count} record' } };
    installCatalog('en', wrong);
    expect(enProblems(wrong, 'x_test')).toEqual(['“1 steps”', '“2 record”']);
    const right = { x_test: { message: 'SPF check ({n, plural, one {# step} other {# steps}})' } };
    installCatalog('en', right);
    expect(enProblems(right, 'x_test')).toEqual([]);
    installCatalog('en', EN);
  });
});
