// The copy rules the catalog test applies (tests/unit/i18n/catalog-style.test.ts), in a module of their own
// so a script can list what a catalog breaks. Words quoted in 「」 are literal (a button label, a line of a
// bounce) and are not judged.
import { translate } from '../../../lib/i18n';

type Catalog = Record<string, { message: string }>;

/** A Japanese letter or full-width punctuation mark. */
const JP = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〜・、。（）「」『』：！？／]';
const jp = (pattern: string) => new RegExp(pattern.replace(/JP/g, JP), 'u');
export const hasJapanese = (text: string) => jp('JP').test(text);

/** Text the rules judge: not the quotes 「…」 (literal), nor the selectors of a {name, select, fail {…}} argument. */
const prose = (text: string) => text.replace(/(select,|plural,|\})\s*=?[A-Za-z0-9_]+\s*\{/g, '$1{').replace(/「[^」]*」/g, '「」');

/** Keys whose Japanese value is rightly ASCII only: a name, a record, a unit or a format. */
export const ASCII_VALUES: Record<string, string> = {
  extName: 'product name',
  ui_title: 'product name',
  ui_panel_wix: 'the panel’s name',
  bounce_receiver_gmail: 'a service name',
  ui_fix_ttl: 'the DNS field name, as both panels label it',
  ui_step_dmarc: 'the record’s name',
  popup_bounce_placeholder: 'an example of the English bounce text Gmail sends',
  popup_watch_history_item: 'a format: time and state',
};

/** Words that name one concept two ways; the catalog uses the first. */
const ONE_TERM: [RegExp, string][] = [
  [/パネル/, '管理画面／この画面'],
  [/タイプ/, '種類'],
  [/オプション/, '設定'],
];

/** Raw SPF result words, which must come with a Japanese gloss: 「fail（不合格）」. */
const RESULT_WORD = /(?<![=\w~+?.\-/:])(pass|fail|softfail|neutral|permerror|temperror)(?![\w=])/g;

/** Polite sentence endings (です・ます): a Japanese sentence closed by 。 ends with one of these. */
const POLITE_END = /(です|ます|ました|でした|ません|ませんでした|ください|でしょう|ませんか|ですか)$/u;

export function jaProblems(key: string, text: string): string[] {
  const problems: string[] = [];
  const body = prose(text);
  const japanese = hasJapanese(body);
  if (japanese) {
    if (/[()]/.test(body)) problems.push('half-width ( ) in Japanese text: use （ ）');
    if (/:(?=\s|$)|:(?=[^\x00-\x7f])|(?<=[^\x00-\x7f]):/u.test(body)) problems.push('half-width : as punctuation: use ：');
    if (jp('(JP|\\}) +JP|JP +\\{').test(body)) problems.push('space next to Japanese text or around a placeholder');
    if (jp('\\d +JP').test(body)) problems.push('space between a number and its Japanese unit');
  }
  for (const [word, instead] of ONE_TERM) if (word.test(text)) problems.push(`「${word.source}」: say ${instead}`);
  for (const match of body.matchAll(RESULT_WORD)) {
    const after = body[match.index + match[0].length];
    const before = body[match.index - 1];
    if (after !== '（' && before !== '（') problems.push(`raw result word “${match[0]}” without a Japanese gloss`);
  }
  if (!japanese && !(key in ASCII_VALUES)) problems.push('ASCII only: not translated');
  for (const sentence of body.split('。').slice(0, -1)) {
    const end = sentence.replace(/（[^（）]*）$/u, '').replace(/[」]$/u, '').trim();
    if (jp('JP$').test(end) && !POLITE_END.test(end)) problems.push(`sentence not in です・ます: …${end.slice(-8)}。`);
  }
  return problems;
}

/** Placeholders, also those that choose words ({count, plural, …}). */
export const placeholders = (text: string) => [...new Set([...text.matchAll(/\{([a-zA-Z0-9_]+)(?=[},])/g)].map((m) => m[1]!))].sort();

/** Parameters that carry a number. */
const COUNTS = new Set(['count', 'n', 'lookups', 'errors', 'warnings', 'others', 'hosts', 'pending', 'total', 'own', 'voids', 'voidLookups', 'bits', 'bytes', 'length', 'octets', 'seconds', 'minimum']);

/** Words that may follow "1" though they end in s: not a plural noun. */
const NOT_PLURAL = new Set(['is', 'was', 'has', 'does', 'its', 'this', 'as', 'plus', 's']);

function renderWith(catalog: Catalog, key: string, count: number): string {
  const params = Object.fromEntries(placeholders(catalog[key]!.message).map((name) => [name, COUNTS.has(name) ? count : 'X']));
  return translate('en', key, params);
}

/** What the English message `key` (installed as `catalog`) gets wrong in number. */
export function enProblems(catalog: Catalog, key: string): string[] {
  const problems: string[] = [];
  const one = renderWith(catalog, key, 1);
  for (const match of one.matchAll(/\b1 (?:[A-Z]{2,} |[a-z]+ )?([a-z]+s)\b/g)) if (!NOT_PLURAL.has(match[1]!)) problems.push(`“${match[0]}”`);
  const two = renderWith(catalog, key, 2);
  for (const match of two.matchAll(/\b2 (?:[A-Z]{2,} )?([a-z]+)\b/g)) {
    const word = match[1]!;
    if (!word.endsWith('s') && !['of', 'h', 'min', 'more', 'than', 'and', 'or', 'not', 'here', 'void'].includes(word)) problems.push(`“${match[0]}”`);
  }
  return problems;
}

