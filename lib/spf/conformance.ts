// Runs OpenSPF-format conformance scenarios (the rfc7208/rfc4408 test suites) against checkHost.
// Input is the already-parsed YAML documents, so this module stays free of file and YAML handling.
import { ZoneResolver } from '../dns/memory';
import type { ZoneData, ZoneEntry } from '../dns/memory';
import type { RecordType } from '../dns/types';
import { checkHost } from './check-host';
import type { SpfResult } from './types';

export interface SuiteTest {
  scenario: string;
  name: string;
  spec?: string;
  host: string;
  mailfrom: string;
  helo: string;
  expected: SpfResult[];
  explanation?: string;
}

export interface SuiteScenario {
  description: string;
  tests: SuiteTest[];
  zone: ZoneData;
}

export interface SuiteOutcome {
  test: SuiteTest;
  passed: boolean;
  result: SpfResult;
  explanation?: string;
  reason: string;
}

/** The suites' "DEFAULT" stands for the receiver's default explanation. */
export const SUITE_DEFAULT_EXPLANATION = 'DEFAULT';

type RawRecord = string | Record<string, unknown>;

/** Turns one YAML document (scenario) into tests and zone data, following pyspf's test driver. */
export function scenarioFromDocument(doc: Record<string, unknown>): SuiteScenario {
  const description = String(doc.description ?? '');
  const rawTests = (doc.tests ?? {}) as Record<string, Record<string, unknown>>;
  const tests: SuiteTest[] = Object.entries(rawTests).map(([name, t]) => ({
    scenario: description,
    name,
    spec: t.spec === undefined ? undefined : String(t.spec),
    host: String(t.host),
    mailfrom: t.mailfrom === undefined || t.mailfrom === null ? '' : String(t.mailfrom),
    helo: t.helo === undefined || t.helo === null ? '' : String(t.helo),
    expected: (Array.isArray(t.result) ? t.result : [t.result]).map((r) => String(r) as SpfResult),
    explanation: t.explanation === undefined ? undefined : String(t.explanation),
  }));
  return { description, tests, zone: zoneFromYaml((doc.zonedata ?? {}) as Record<string, RawRecord[]>) };
}

function zoneFromYaml(zonedata: Record<string, RawRecord[]>): ZoneData {
  const zone: ZoneData = {};
  for (const [name, records] of Object.entries(zonedata)) {
    const entries: ZoneEntry[] = [];
    const spfValues: string[][] = [];
    let hasTxt = false;
    for (const record of records ?? []) {
      if (record === 'TIMEOUT') {
        entries.push({ timeoutRest: true });
        continue;
      }
      if (typeof record !== 'object' || record === null) continue;
      for (const [rawType, value] of Object.entries(record)) {
        const type = rawType.toUpperCase();
        if (type === 'TXT') hasTxt = true;
        if (value === 'NONE') continue;
        if (type === 'SPF') {
          if (value !== 'TIMEOUT') spfValues.push(textStrings(value));
          continue;
        }
        if (value === 'TIMEOUT') {
          entries.push({ type: type as RecordType, fail: 'timeout' });
          continue;
        }
        entries.push(toEntry(type, value));
      }
    }
    // Type-99 SPF data stands in for TXT when the name has no TXT entry at all (pyspf's driver).
    if (!hasTxt) for (const value of spfValues) entries.push({ type: 'TXT', value });
    zone[name] = entries;
  }
  return zone;
}

function textStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function toEntry(type: string, value: unknown): ZoneEntry {
  switch (type) {
    case 'MX': {
      const [preference, exchange] = value as [number, string];
      return { type: 'MX', value: { preference: Number(preference), exchange: String(exchange) } };
    }
    case 'TXT':
      return { type: 'TXT', value: textStrings(value) };
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return { type, value: String(value) };
    default:
      throw new Error(`unsupported record type ${type} in suite zone data`);
  }
}

export async function runScenario(scenario: SuiteScenario): Promise<SuiteOutcome[]> {
  const outcomes: SuiteOutcome[] = [];
  for (const test of scenario.tests) {
    const resolver = new ZoneResolver(scenario.zone, { label: 'suite-zone' });
    const answer = await checkHost(
      { ip: test.host, sender: test.mailfrom, helo: test.helo },
      { resolver, defaultExplanation: SUITE_DEFAULT_EXPLANATION, receiver: 'receiver.example', now: () => 1_700_000_000 },
    );
    let passed = test.expected.includes(answer.result);
    if (passed && test.explanation !== undefined) {
      passed = (answer.explanation ?? '').toLowerCase() === test.explanation.toLowerCase();
    }
    outcomes.push({ test, passed, result: answer.result, explanation: answer.explanation, reason: answer.reason });
  }
  return outcomes;
}
