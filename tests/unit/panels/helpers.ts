// Shared by the panel tests: records without their row element, for exact comparison.

import { afterEach } from 'vitest';
import type { PanelRecord } from '../../../lib/panels/types';
import { loadFixture, type FixtureOptions, type LoadedFixture } from '../../fixtures/load';

export type PlainRecord = Omit<PanelRecord, 'row'>;

export function plain(records: readonly PanelRecord[]): PlainRecord[] {
  return records.map(({ row: _row, ...rest }) => rest);
}

/** Shorthand for an expected record: host, type, TTL, value, and optional extras. */
export function r(host: string, type: string, ttl: number | null, value: string, extra: Partial<PlainRecord> = {}): PlainRecord {
  return { host, type, ttl, value, ...extra };
}

/** Runs `mutate` over every element matching `selector` (changing a page the way a redesign would). */
export function each(doc: Document, selector: string, mutate: (el: Element) => void): void {
  for (const el of Array.from(doc.querySelectorAll(selector))) mutate(el);
}

/** What a test file uses to open fixtures; each one opened or tracked is closed after each test. */
export interface FixtureLoader {
  (options?: FixtureOptions): Promise<LoadedFixture>;
  /** Closes a fixture opened some other way (openFixture, a custom path) with the others. */
  track(fixture: LoadedFixture): LoadedFixture;
}

export function fixtureLoader(name: 'wix' | 'onamae'): FixtureLoader {
  let open: LoadedFixture[] = [];
  afterEach(async () => {
    await Promise.all(open.map((f) => f.close()));
    open = [];
  });
  const track = (fixture: LoadedFixture) => {
    open.push(fixture);
    return fixture;
  };
  return Object.assign(async (options: FixtureOptions = {}) => track(await loadFixture(name, options)), { track });
}
