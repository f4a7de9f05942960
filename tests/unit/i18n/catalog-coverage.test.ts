// Every code a lib module can return has its words in both catalogs, with the same placeholders in
// English and Japanese. The code lists are the modules' own exported constants, so a new code without
// a message fails here.
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import ja from '../../../public/_locales/ja/messages.json';
import { BOUNCE_KINDS, parseBounce } from '../../../lib/bounce/parse';
import { FINDING_CODES } from '../../../lib/diagnosis/types';
import { hasMessage, render } from '../../../lib/i18n';
import type { Message } from '../../../lib/i18n';
import { DKIM_ERROR_CODES, DKIM_WARNING_CODES, parseDkimKey } from '../../../lib/mail/dkim';
import { DMARC_ERROR_CODES, DMARC_WARNING_CODES, parseDmarc, selectDmarcRecord } from '../../../lib/mail/dmarc';
import { GMAIL_REQUIREMENT_IDS, gmailReadiness } from '../../../lib/mail/gmail';
import { allProviders } from '../../../lib/mail/providers';
import { ED25519_RAW, RSA_1024_PKCS1, RSA_1024_SPKI, RSA_2048_SPKI, RSA_512_SPKI } from '../mail/keys';
import { PROBLEM_CODES, problem, problemMessage } from '../../../lib/panels/problems';

type Catalog = Record<string, { message: string }>;
const catalogs: Record<'en' | 'ja', Catalog> = { en, ja };

const snake = (code: string) => code.replace(/-/g, '_');
// Also the parameters that choose words: {count, plural, one {…} other {…}}.
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{([a-zA-Z0-9_]+)(?=[},])/g)].map((m) => m[1]))].sort();

/** The keys a code may render through: `<prefix><code>` itself, or variants `<prefix><code>_<variant>`. */
function keysOf(prefix: string, code: string): string[] {
  const base = prefix + snake(code);
  return Object.keys(en).filter((key) => key === base || key.startsWith(`${base}_`));
}

/** The module's code lists and the catalog prefix each code's message key starts with. */
const FAMILIES: { name: string; prefix: string; codes: readonly string[]; exact: boolean }[] = [
  { name: 'findings', prefix: 'finding_', codes: FINDING_CODES, exact: true },
  { name: 'panel problems', prefix: 'panel_problem_', codes: PROBLEM_CODES, exact: true },
  { name: 'DMARC errors', prefix: 'dmarc_', codes: DMARC_ERROR_CODES, exact: false },
  { name: 'DMARC warnings', prefix: 'dmarc_', codes: DMARC_WARNING_CODES, exact: false },
  { name: 'DKIM errors', prefix: 'dkim_', codes: DKIM_ERROR_CODES, exact: false },
  { name: 'DKIM warnings', prefix: 'dkim_', codes: DKIM_WARNING_CODES, exact: false },
  { name: 'bounce readings', prefix: 'bounce_reading_', codes: BOUNCE_KINDS, exact: true },
  { name: 'Gmail requirements', prefix: 'gmail_', codes: GMAIL_REQUIREMENT_IDS, exact: true },
];

/** Records that make the parsers return codes, to see that the key a code renders through is its own. */
const BAD_DMARC = ['', '"v=DMARC1; p=none"', ' v=DMARC1; p=none', 'v=DMARC1; p=none;; rua=x', 'v=DMARC1; p', 'v=DMARC1; p=none; b@d=1',
  'p=none; v=DMARC1', 'p=none', 'v=DMARC2; p=none', 'v=dmarc1; p=none', 'v=DMARC1 p=none', 'v=DMARC1; p=none; p=reject', 'v=DMARC1; pct=5',
  'v=DMARC1; p=nope', 'v=DMARC1; p=none; sp=x', 'v=DMARC1; p=x; rua=mailto:a@example.com', 'v=DMARC1; rua=mailto:a@example.com',
  'v=DMARC1; p=none; adkim=x', 'v=DMARC1; p=none; aspf=x', 'v=DMARC1; p=none; pct=101', 'v=DMARC1; p=none; ri=x', 'v=DMARC1; p=none; fo=9',
  'v=DMARC1; p=none; rf=a b', 'v=DMARC1; p=none; rf=iodef', 'v=DMARC1; p=none; rua=a@example.com', 'v=DMARC1; p=none; rua=mailto:x!9q',
  'v=DMARC1; p=none; rua=nothing', 'v=DMARC1; p=none; rua=mailto:nobody', 'v=DMARC1; p=none; rua=https://example.com/r',
  'v=DMARC1; p=none; np=reject', 'v=DMARC1; p=none; xyz=1', 'v=DMARC1; sp=none; p=none'];
const BAD_DKIM = ['', '"p=abc"', 'k=rsa; v=DKIM1; p=abc', 'v=DKIM2; p=abc', 'P=abc', 'k=rsa', 't=y; p=', 'p=!!!!', 'p=ab"c', 'p=abc;; t=y',
  'p', 'b@d=1; p=abc', 'p=abc; p=abc', 'k=dsa; p=abc', 'k=ed25519; p=MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
  'k=ed25519; p=AAAA', 'p=AAAA', 'h=sha1; p=', 's=other; p=', 'x=1; p=', `k=ed25519; p=${RSA_2048_SPKI}`, `p=${ED25519_RAW}`,
  `p=${RSA_1024_PKCS1}`, `p=${RSA_512_SPKI}`, `p=${RSA_1024_SPKI}`];

function issuesOf(): { code: string; key: string; prefix: string }[] {
  const dmarc = BAD_DMARC.map(parseDmarc).flatMap((r) => [...(r.ok ? [] : [r.error]), ...r.warnings]);
  const dkim = BAD_DKIM.map(parseDkimKey).flatMap((r) => [...(r.ok ? [] : [r.error]), ...r.warnings]);
  return [...dmarc.map((i) => ({ ...i, prefix: 'dmarc_' })), ...dkim.map((i) => ({ ...i, prefix: 'dkim_' }))];
}

describe('message catalogs', () => {
  it('hold the same keys in English and Japanese, all valid for Chrome', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).filter((key) => !/^[A-Za-z0-9_]+$/.test(key))).toEqual([]);
  });

  it('give every message the same placeholders in both languages', () => {
    const differing = Object.keys(en).filter((key) => placeholders(en[key as keyof typeof en].message).join() !== placeholders(catalogs.ja[key]?.message ?? '').join());
    expect(differing).toEqual([]);
  });

  it.each(FAMILIES)('have a message for every code: $name', ({ prefix, codes, exact }) => {
    expect(codes.length).toBeGreaterThan(0);
    const missing = codes.filter((code) => (exact ? !hasMessage(prefix + snake(code)) : keysOf(prefix, code).length === 0));
    expect(missing).toEqual([]);
  });

  it('render each DMARC and DKIM issue through a key of its own code', () => {
    const issues = issuesOf();
    const seen = new Set(issues.map((i) => `${i.prefix}${i.code}`));
    // The records above reach every code the two parsers have.
    expect([...seen].sort()).toEqual(
      [...[...DMARC_ERROR_CODES, ...DMARC_WARNING_CODES].map((c) => `dmarc_${c}`), ...[...DKIM_ERROR_CODES, ...DKIM_WARNING_CODES].map((c) => `dkim_${c}`)].sort(),
    );
    expect(issues.filter((i) => !keysOf(i.prefix, i.code).includes(i.key)).map((i) => `${i.code} → ${i.key}`)).toEqual([]);
  });

  it('leave no placeholder unfilled in what the lib modules return', () => {
    const messages: Message[] = [
      ...issuesOf().map((i) => i as unknown as Message),
      ...PROBLEM_CODES.map((code) => problemMessage(problem(code, { type: 'TXT', field: 'Value', detail: 'x' }))),
      ...['', 'v=spf1', 'v=DMARC1; p=none', 'v=DMARC1; p=none|v=DMARC1; p=reject'].map((txt) => selectDmarcRecord(txt.split('|').filter(Boolean)).explanation),
      ...gmailReadiness({ spf: 'pass', dkim: 'present', dmarc: 'present', bulk: true }).map((item) => item.requirement),
      ...allProviders.flatMap((provider) => (provider.note ? [provider.note] : [])),
      ...['550 5.7.26 unauthenticated', '550 5.1.1 no such user', 'Authentication-Results: mx.google.com; spf=fail', 'nothing'].map((text) => parseBounce(text).explanation),
    ];
    expect(messages.length).toBeGreaterThan(80);
    for (const lang of ['en', 'ja'] as const) {
      const rendered = messages.map((m) => render(lang, m));
      expect(rendered.filter((text) => /\{[a-zA-Z0-9_]+\}|^[a-z_]+$/.test(text))).toEqual([]);
    }
  });
});
