// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { badgeTargets, placeBadge, refMatches, worstSeverity } from '../../../lib/content/badges';
import type { Finding, RecordRef } from '../../../lib/diagnosis/types';
import type { PanelRecord } from '../../../lib/panels/types';
import { onamaeNsElsewhere } from '../../fixtures/diagnoses/onamae-ns';
import { wixPropagationPending } from '../../fixtures/diagnoses/wix-pending';

const record = (fields: Omit<PanelRecord, 'row'>): PanelRecord => ({ ...fields, row: document.createElement('tr') });

describe('refMatches', () => {
  const txt = record({ host: 'example.jp', type: 'TXT', ttl: 3600, value: '"v=spf1 include:_spf.onamae.ne.jp ~all"' });
  const mx = record({ host: 'example.jp', type: 'MX', ttl: 3600, value: 'mail1042.onamae.ne.jp.', priority: 10 });

  it.each<[string, RecordRef, PanelRecord, boolean]>([
    ['host and type without a value', { host: 'example.jp', type: 'TXT' }, txt, true],
    ['one layer of quotes off', { host: 'example.jp', type: 'TXT', value: 'v=spf1 include:_spf.onamae.ne.jp ~all' }, txt, true],
    ['a trailing dot and case on names', { host: 'EXAMPLE.JP.', type: 'mx', value: 'Mail1042.onamae.ne.jp' }, mx, true],
    ['a different value', { host: 'example.jp', type: 'TXT', value: 'v=spf1 -all' }, txt, false],
    ['a different host', { host: 'www.example.jp', type: 'TXT' }, txt, false],
    ['a different type', { host: 'example.jp', type: 'MX' }, txt, false],
  ])('%s', (_, ref, rec, expected) => {
    expect(refMatches(ref, rec)).toBe(expected);
  });

  it('finds a truncated row by its beginning and full length only', () => {
    const long = record({ host: 'example.jp', type: 'TXT', ttl: 3600, value: `v=spf1 ${'a'.repeat(25_000)}` });
    const ref: RecordRef = { host: 'example.jp', type: 'TXT', value: long.value.slice(0, 20_000), truncatedFrom: long.value.length };
    expect(refMatches(ref, long)).toBe(true);
    expect(refMatches(ref, { ...long, value: `${long.value}b` })).toBe(false);
    expect(refMatches(ref, txt)).toBe(false);
  });

  it('joins TXT character-strings the way DNS does', () => {
    const split = record({ host: 'example.jp', type: 'TXT', ttl: 3600, value: '"v=spf1 include:_spf.google.com " "include:_spf.onamae.ne.jp ~all"' });
    expect(refMatches({ host: 'example.jp', type: 'TXT', value: 'v=spf1 include:_spf.google.com include:_spf.onamae.ne.jp ~all' }, split)).toBe(true);
  });
});

describe('badgeTargets', () => {
  it('puts one badge on each NS row the お名前.com findings name, with the worst severity', () => {
    const rows = ['01', '02', '03', '04'].map((n) => record({ host: 'example.jp', type: 'NS', ttl: 86400, value: `${n}.dnsv.jp`, readOnly: true }));
    const other = record({ host: 'example.jp', type: 'A', ttl: 3600, value: '203.0.113.80' });
    const targets = badgeTargets(onamaeNsElsewhere.findings, [...rows, other]);
    expect(targets.map((t) => t.row)).toEqual(rows.map((r) => r.row));
    expect(targets[0]!.findings.map((f) => f.code)).toEqual(['NS_NOT_AUTHORITATIVE', 'NS_DNSV_FLAG_RISK']);
    expect(targets[0]!.severity).toBe('error');
  });

  it('marks the freshly saved SPF row while it propagates, and no other TXT row… of another name', () => {
    const spf = record({ host: 'example.jp', type: 'TXT', ttl: 3600, value: 'v=spf1 include:_spf.onamae.ne.jp ~all' });
    const dkim = record({ host: 'default._domainkey.example.jp', type: 'TXT', ttl: 3600, value: 'v=DKIM1; k=rsa; p=MIIB' });
    const targets = badgeTargets(wixPropagationPending.findings, [spf, dkim]);
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ row: spf.row, severity: 'warning' });
  });

  it('has no badge for findings without records (SPF missing)', () => {
    const finding: Finding = { code: 'SPF_MISSING', severity: 'error', key: 'finding_SPF_MISSING', params: {}, message: { en: '', ja: '' }, records: [] };
    expect(badgeTargets([finding], [record({ host: 'example.jp', type: 'TXT', ttl: 3600, value: 'x' })])).toEqual([]);
  });

  it('worstSeverity orders error > warning > info', () => {
    expect(worstSeverity(['info', 'warning'])).toBe('warning');
    expect(worstSeverity(['warning', 'error', 'info'])).toBe('error');
    expect(worstSeverity([])).toBe('info');
  });
});

describe('placeBadge', () => {
  const size = { width: 20, height: 20 };
  const viewport = { top: 0, left: 0, right: 1000, bottom: 800 };

  it('sits just left of the row, vertically centred', () => {
    expect(placeBadge({ top: 100, bottom: 140, left: 200, right: 900 }, viewport, size, 6)).toEqual({ top: 110, left: 174 });
  });

  it('moves inside the row when the clip leaves no room on the left', () => {
    const clip = { top: 50, left: 190, right: 950, bottom: 700 };
    expect(placeBadge({ top: 100, bottom: 140, left: 200, right: 900 }, clip, size, 6)).toEqual({ top: 110, left: 206 });
  });

  it('hides the badge when the row scrolled out of its container', () => {
    const clip = { top: 300, left: 0, right: 1000, bottom: 600 };
    expect(placeBadge({ top: 100, bottom: 140, left: 200, right: 900 }, clip, size)).toBeNull();
    expect(placeBadge({ top: 620, bottom: 660, left: 200, right: 900 }, clip, size)).toBeNull();
  });

  it('never sits on the row\'s text or controls: the left gutter, else the gap after a column', () => {
    const clip = { top: 0, left: 190, right: 1000, bottom: 800 };
    const row = { top: 100, bottom: 140, left: 200, right: 900 };
    // The host name starts at the row's edge: the gutter is taken, the gap after it (ends 300, next at 400) is free.
    const host = { top: 110, bottom: 130, left: 204, right: 300 };
    const value = { top: 110, bottom: 130, left: 400, right: 600 };
    const button = { top: 105, bottom: 135, left: 820, right: 890 };
    expect(placeBadge(row, clip, size, 6, [host, value, button])).toEqual({ top: 110, left: 306 });
    // No gap wide enough anywhere: no badge rather than one on the text.
    const wall = { top: 100, bottom: 140, left: 190, right: 1000 };
    expect(placeBadge(row, clip, size, 6, [wall])).toBeNull();
  });

  it('stays inside the clip when the row is half visible', () => {
    const clip = { top: 300, left: 0, right: 1000, bottom: 600 };
    expect(placeBadge({ top: 290, bottom: 320, left: 200, right: 900 }, clip, size, 6)!.top).toBe(300);
  });
});
