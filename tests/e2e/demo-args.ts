// npm run demo's command line, kept pure so a unit test can check it: headed/headless and the language.
export type DemoLang = 'en' | 'ja';

export interface DemoArgs {
  /** Undefined: headed when a display exists. */
  headed?: boolean;
  /** One language for every sample (--lang ja|en); undefined: each panel in its own users' language. */
  lang?: DemoLang;
}

export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const args: DemoArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--headed') args.headed = true;
    else if (arg === '--headless') args.headed = false;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (value !== 'ja' && value !== 'en') throw new Error(`--lang takes ja or en, not ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
      args.lang = value;
    } else throw new Error(`unknown argument ${JSON.stringify(arg)} (use --headed, --headless, --lang ja|en)`);
  }
  return args;
}

/** お名前.com's users read Japanese, Wix's sample is the English panel; --lang overrides both. */
export function sampleLang(panel: 'wix' | 'onamae', forced?: DemoLang): DemoLang {
  return forced ?? (panel === 'onamae' ? 'ja' : 'en');
}
