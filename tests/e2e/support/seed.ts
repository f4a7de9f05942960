// The seed zone "as Wix publishes it": the testbed's example.jp publishes exactly the apex TXT records the
// Wix fixture shows (plus `extra`, e.g. the SPF record after Save), read from the fixture itself so the two
// can never drift apart into a spurious PROPAGATION_PENDING.
import { loadFixture } from '../../fixtures/load';
import { zoneText } from '../../dns-testbed/testbed';
import type { DnsTestbed } from '../../dns-testbed/testbed';
import { withApexTxt } from './zone-records';

interface WixFixtureGlobal {
  __wixFixture: { records: { type: string; host: string; value: string }[] };
}

/** The apex TXT values the Wix fixture's seed shows (read by running the fixture in happy-dom). */
export async function wixSeedApexTxt(): Promise<string[]> {
  const fixture = await loadFixture('wix');
  try {
    return (fixture.window as unknown as WixFixtureGlobal).__wixFixture.records
      .filter((r) => r.type === 'TXT' && (r.host === '' || r.host === '@'))
      .map((r) => r.value);
  } finally {
    await fixture.close();
  }
}

/** Makes the testbed's example.jp publish the Wix seed's apex TXT records plus `extra`; returns them all. */
export async function publishSeedTxt(testbed: Pick<DnsTestbed, 'reloadZone'>, extra: readonly string[] = []): Promise<string[]> {
  const values = [...(await wixSeedApexTxt()), ...extra];
  await testbed.reloadZone('example.jp', withApexTxt('example.jp', zoneText('example.jp.zone'), values));
  return values;
}
