// The seed zone "as Wix publishes it": the Wix fixture's seed shows a google-site-verification TXT whose
// token differs from the one in tests/dns-testbed/zones/example.jp.zone. On a real Wix account the panel
// and the zone agree, so the seed scenario (and the demo) first make the testbed's example.jp publish the
// fixture's apex TXT records; otherwise that unrelated difference shows up as PROPAGATION_PENDING.
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
