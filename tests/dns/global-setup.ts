// Vitest global setup for the `dns` project: one loopback testbed (BIND + dnsdist + fault server) for all
// DNS test files, handed to them through provide/inject. It is read-only by convention: a test that
// changes zone data starts its own testbed (see tests/dns-testbed/README.md).
import type { TestProject } from 'vitest/node';
import { startTestbed } from '../dns-testbed/testbed';
import type { TestbedInfo } from '../dns-testbed/testbed';

declare module 'vitest' {
  export interface ProvidedContext {
    dnsTestbed: TestbedInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const testbed = await startTestbed();
  project.provide('dnsTestbed', testbed.info);
  return () => testbed.stop();
}
