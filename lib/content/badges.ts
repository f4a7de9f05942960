// Which panel rows the findings are about (for the badges beside them), and where a badge goes.
// Pure: rows come in as elements but only identity is used here; their boxes come in as numbers.
import type { Finding, RecordRef, Severity } from '../diagnosis/types';
import { sameValue } from '../panels/records';
import type { PanelRecord } from '../panels/types';

export interface BadgeTarget {
  row: Element;
  /** The most severe finding's severity. */
  severity: Severity;
  findings: Finding[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function worstSeverity(severities: readonly Severity[]): Severity {
  return severities.reduce<Severity>((worst, s) => (SEVERITY_RANK[s] > SEVERITY_RANK[worst] ? s : worst), 'info');
}

/** TXT as DNS joins it: `"part one" "part two"` → `part onepart two` (RFC 7208 §3.3). */
function joinedTxt(value: string): string {
  const text = value.trim();
  if (!/^"(?:[^"\\]|\\.)*"(?:\s+"(?:[^"\\]|\\.)*")*$/.test(text)) return text;
  return (text.match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((part) => part.slice(1, -1).replace(/\\(.)/g, '$1')).join('');
}

function hostOf(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

export function refMatches(ref: RecordRef, record: PanelRecord): boolean {
  if (hostOf(ref.host) !== hostOf(record.host)) return false;
  if (ref.type.toUpperCase() !== record.type.toUpperCase()) return false;
  if (ref.value === undefined) return true;
  if (ref.truncatedFrom !== undefined) return record.value.length === ref.truncatedFrom && record.value.startsWith(ref.value);
  if (sameValue(record.type, ref.value, record.value)) return true;
  return record.type.toUpperCase() === 'TXT' && joinedTxt(ref.value) === joinedTxt(record.value);
}

/** One target per row that at least one finding refers to, in page order. */
export function badgeTargets(findings: readonly Finding[], records: readonly PanelRecord[]): BadgeTarget[] {
  const byRow = new Map<Element, Finding[]>();
  for (const record of records) {
    const about = findings.filter((f) => f.records.some((ref) => refMatches(ref, record)));
    if (about.length === 0) continue;
    const list = byRow.get(record.row) ?? [];
    for (const finding of about) if (!list.includes(finding)) list.push(finding);
    byRow.set(record.row, list);
  }
  return [...byRow].map(([row, list]) => ({ row, findings: list, severity: worstSeverity(list.map((f) => f.severity)) }));
}

export interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export function intersect(a: Box, b: Box): Box | null {
  const box = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
  return box.top < box.bottom && box.left < box.right ? box : null;
}

/**
 * Where a badge of `size` goes for a row (viewport coordinates, for a position:fixed marker), or null
 * when the row's middle is scrolled out of `clip` (the viewport cut by every scrolling ancestor), or when
 * no free spot is left. Free means covering none of `obstacles` (the row's text and its controls): just
 * left of the row when there is room, else inside the row's left gutter, else just after one of the
 * row's texts or controls (the gap between two columns), so it never sits on a host name or a button.
 */
export function placeBadge(row: Box, clip: Box, size: { width: number; height: number }, gap = 4, obstacles: readonly Box[] = []): { top: number; left: number } | null {
  const middle = (row.top + row.bottom) / 2;
  if (middle < clip.top || middle > clip.bottom) return null;
  if (row.right <= clip.left || row.left >= clip.right) return null;
  const top = Math.min(Math.max(middle - size.height / 2, clip.top), clip.bottom - size.height);
  const lefts = [row.left - gap - size.width, Math.max(row.left, clip.left) + gap, ...obstacles.map((o) => o.right + gap).sort((a, b) => a - b)];
  for (const left of lefts) {
    if (left < clip.left || left + size.width > clip.right) continue;
    const box = { top, left, right: left + size.width, bottom: top + size.height };
    if (!obstacles.some((o) => intersect(box, o) !== null)) return { top: Math.round(top), left: Math.round(left) };
  }
  return null;
}
