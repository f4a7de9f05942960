// Every problem an adapter can report, in English and Japanese. Adapters report instead of
// throwing, so the overlay can say exactly what it could not find on a changed page.

import type { PanelProblem } from './types';

const CATALOG = {
  TABLE_NOT_FOUND: ['records table not found', 'レコード一覧の表が見つかりません'],
  DOMAIN_NOT_FOUND: ['domain name not found on the page', 'ページ上にドメイン名が見つかりません'],
  TYPE_UNKNOWN: ['record type of a row could not be told', '行のレコードタイプを判別できません'],
  ADD_FORM_NOT_FOUND: ['{type} add form not found', '{type} レコードの追加フォームが見つかりません'],
  ADD_BUTTON_NOT_FOUND: ['"Add Record" button for {type} not found', '{type} の「レコードを追加」ボタンが見つかりません'],
  FIELD_NOT_FOUND: ['{field} field not found in the form', 'フォームに {field} の入力欄が見つかりません'],
  ROW_NOT_FOUND: ['{type} row to edit not found: {detail}', '編集する {type} の行が見つかりません: {detail}'],
  ROW_AMBIGUOUS: ['several {type} rows match; edit one by hand: {detail}', '該当する {type} の行が複数あります。手動で編集してください: {detail}'],
  EDIT_FORM_NOT_FOUND: ['edit form of the row did not open', '行の編集フォームが開きませんでした'],
  TYPE_NOT_AVAILABLE: ['record type {type} cannot be chosen in the form', 'フォームでレコードタイプ {type} を選べません'],
  TTL_NOT_AVAILABLE: ['TTL {detail} is not offered; left at the default', 'TTL {detail} は選べないため既定値のままです'],
  VALUE_MISMATCH: ['{field} reads back as "{detail}"', '{field} の値が「{detail}」と読み取られました'],
  SPF_ALREADY_PRESENT: [
    'a v=spf1 record already exists for {detail}; edit it instead of adding a second one',
    '{detail} には v=spf1 のレコードが既にあります。2 つ目を追加せず既存のレコードを編集してください',
  ],
  NAME_OUTSIDE_DOMAIN: ['{detail} is not inside the panel\'s domain', '{detail} はこのパネルのドメインに含まれません'],
  VALUE_TOO_LONG: ['value is {detail} characters; this panel accepts at most 255', '値が {detail} 文字あります。このパネルは 255 文字までです'],
  QUEUE_NOT_CONFIRMED: ['the row did not appear in the 追加 list', '「追加」一覧に行が表示されませんでした'],
  PANEL_ERROR: ['the panel showed an error: {detail}', 'パネルがエラーを表示しました: {detail}'],
  UNEXPECTED: ['unexpected page structure: {detail}', '想定外のページ構造です: {detail}'],
} as const satisfies Record<string, readonly [string, string]>;

export type ProblemCode = keyof typeof CATALOG;

export interface ProblemArgs {
  type?: string;
  field?: string;
  detail?: string;
}

function format(template: string, args: ProblemArgs): string {
  return template.replace(/\{(type|field|detail)\}/g, (_, key: keyof ProblemArgs) => args[key] ?? '');
}

export function problem(code: ProblemCode, args: ProblemArgs = {}): PanelProblem {
  const [en, ja] = CATALOG[code];
  return { code, message: format(en, args), messageJa: format(ja, args) };
}

/** Turns anything thrown inside adapter code into a problem, so nothing escapes into the page. */
export function problemFromError(error: unknown): PanelProblem {
  const detail = error instanceof Error ? error.message : String(error);
  return problem('UNEXPECTED', { detail });
}
