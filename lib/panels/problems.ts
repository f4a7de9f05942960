// Every problem an adapter can report, as a stable code with its parameters; the words are in the
// catalogs (panel_problem_<CODE>). Adapters report instead of throwing, so the overlay can say exactly
// what it could not find on a changed page.

import type { CatalogKey, Message } from '../i18n';
import type { PanelProblem } from './types';

export const PROBLEM_CODES = [
  'TABLE_NOT_FOUND',
  'DOMAIN_NOT_FOUND',
  'TYPE_UNKNOWN',
  'ADD_FORM_NOT_FOUND',
  'ADD_BUTTON_NOT_FOUND',
  'FIELD_NOT_FOUND',
  'ROW_NOT_FOUND',
  'ROW_AMBIGUOUS',
  'EDIT_FORM_NOT_FOUND',
  'TYPE_NOT_AVAILABLE',
  'TTL_NOT_AVAILABLE',
  'VALUE_MISMATCH',
  'SPF_ALREADY_PRESENT',
  'NAME_OUTSIDE_DOMAIN',
  'VALUE_TOO_LONG',
  'QUEUE_NOT_CONFIRMED',
  'PANEL_ERROR',
  'UNEXPECTED',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface ProblemArgs {
  type?: string;
  field?: string;
  detail?: string;
}

export function problem(code: ProblemCode, args: ProblemArgs = {}): PanelProblem {
  return { code, params: args };
}

/** The catalog message of a problem; a parameter the adapter did not give renders as nothing. */
export function problemMessage(found: PanelProblem): Message {
  const key: CatalogKey = `panel_problem_${found.code}`;
  return { key, params: { type: '', field: '', detail: '', ...found.params } };
}

/** Turns anything thrown inside adapter code into a problem, so nothing escapes into the page. */
export function problemFromError(error: unknown): PanelProblem {
  const detail = error instanceof Error ? error.message : String(error);
  return problem('UNEXPECTED', { detail });
}
