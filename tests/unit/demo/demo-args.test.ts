import { describe, expect, it } from 'vitest';
import { parseDemoArgs, sampleLang } from '../../e2e/demo-args';

describe('npm run demo: arguments and sample language', () => {
  it('opens お名前.com in Japanese and Wix in English by default', () => {
    const args = parseDemoArgs([]);
    expect(args).toEqual({});
    expect(sampleLang('onamae', args.lang)).toBe('ja');
    expect(sampleLang('wix', args.lang)).toBe('en');
  });

  it('puts every sample in one language with --lang', () => {
    expect(parseDemoArgs(['--lang', 'ja'])).toEqual({ lang: 'ja' });
    expect(parseDemoArgs(['--headless', '--lang=en'])).toEqual({ headed: false, lang: 'en' });
    expect(sampleLang('wix', 'ja')).toBe('ja');
    expect(sampleLang('onamae', 'en')).toBe('en');
  });

  it('refuses an unknown language or argument with a clear message', () => {
    expect(() => parseDemoArgs(['--lang', 'fr'])).toThrow('--lang takes ja or en, not "fr"');
    expect(() => parseDemoArgs(['--lang'])).toThrow('not nothing');
    expect(() => parseDemoArgs(['--fast'])).toThrow('unknown argument "--fast"');
    expect(parseDemoArgs(['--headed'])).toEqual({ headed: true });
  });
});
