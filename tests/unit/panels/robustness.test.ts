// Pages we have not seen: the fixtures with random parts removed or renamed. The readers are called
// without the adapters' safety net (which would hide a crash), and what they return must still
// make sense: lower-case FQDNs, sane TTLs, rows inside the page, known problem codes.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnamae } from '../../../lib/panels/onamae-read';
import type { PanelRead } from '../../../lib/panels/types';
import { readWix } from '../../../lib/panels/wix-read';
import { loadFixture, type FixtureName, type LoadedFixture } from '../../fixtures/load';

const KNOWN_CODES = ['TABLE_NOT_FOUND', 'DOMAIN_NOT_FOUND', 'TYPE_UNKNOWN'];

type Damage = { kind: 'remove' | 'strip-attributes' | 'rename-text'; pick: number };

const damage: fc.Arbitrary<Damage[]> = fc.array(
  fc.record({ kind: fc.constantFrom('remove' as const, 'strip-attributes' as const, 'rename-text' as const), pick: fc.nat() }),
  { minLength: 1, maxLength: 6 },
);

function apply(doc: Document, steps: Damage[]): void {
  for (const step of steps) {
    const all = Array.from(doc.body.querySelectorAll('*'));
    const target = all[step.pick % Math.max(all.length, 1)];
    if (!target) return;
    if (step.kind === 'remove') target.remove();
    else if (step.kind === 'strip-attributes') for (const name of target.getAttributeNames()) target.removeAttribute(name);
    else if (target.children.length === 0) target.textContent = `x${step.pick}`;
  }
}

function checkSane(doc: Document, read: PanelRead): void {
  for (const record of [...read.records, ...read.pending]) {
    expect(record.host).toBe(record.host.toLowerCase());
    expect(record.host.endsWith('.')).toBe(false);
    if (record.ttl !== null) expect(Number.isInteger(record.ttl) && record.ttl >= 0).toBe(true);
    expect(doc.contains(record.row)).toBe(true);
  }
  for (const p of read.problems) expect(KNOWN_CODES).toContain(p.code);
  if (read.domain !== null) expect(read.domain).toMatch(/^[a-z0-9_.-]+$/);
}

const pages: Record<FixtureName, { html: string; url: string }> = {} as never;
let fixtures: LoadedFixture[] = [];
beforeAll(async () => {
  // Render each fixture once; every run then starts from a copy of the rendered markup.
  for (const name of ['wix', 'onamae'] as const) {
    const fixture = await loadFixture(name, name === 'wix' ? { variant: 'spf-double' } : { variant: 'spf' });
    pages[name] = { html: fixture.document.documentElement.outerHTML, url: fixture.url };
    fixtures.push(fixture);
  }
});
afterAll(async () => {
  await Promise.all(fixtures.map((f) => f.close()));
  fixtures = [];
});

describe.each([
  ['wix', readWix],
  ['onamae', readOnamae],
] as const)('%s reader on damaged pages', (name, read) => {
  it('never throws and returns sane records', () => {
    const fixture = fixtures.find((f) => f.url === pages[name].url)!;
    const doc = fixture.document;
    fc.assert(
      fc.property(damage, (steps) => {
        doc.documentElement.innerHTML = pages[name].html.replace(/^<html[^>]*>|<\/html>$/g, '');
        apply(doc, steps);
        checkSane(doc, read(doc));
      }),
      { numRuns: 60 },
    );
  });
});
