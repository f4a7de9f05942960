// reloadZone: swapping zone data in a running testbed. This file starts its own testbed, because the
// shared one must keep the scenario zones as written while other test files read them in parallel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DohResolver } from '../../lib/dns/doh';
import { txtJoin } from '../../lib/dns/types';
import { startTestbed, zoneText } from '../dns-testbed/testbed';
import type { DnsTestbed } from '../dns-testbed/testbed';

let bed: DnsTestbed;
beforeAll(async () => {
  bed = await startTestbed();
});
afterAll(async () => {
  await bed?.stop();
});

function resolver(): DohResolver {
  return new DohResolver({ endpoints: [{ label: 'private testbed', url: bed.dohUrl }], cache: false });
}

async function spfAndNs(): Promise<{ spf: string[]; ns: string[] }> {
  const r = resolver();
  const [txt, ns] = await Promise.all([r.query('example.jp', 'TXT'), r.query('example.jp', 'NS')]);
  return {
    spf: txt.answers.map(txtJoin).filter((text) => text.startsWith('v=spf1')),
    ns: ns.answers.map((record) => String(record.data)).sort(),
  };
}

describe('reloadZone', () => {
  it('swaps in the お名前.com variant of the seed and back again', async () => {
    expect(await spfAndNs()).toEqual({ spf: [], ns: ['ns0.wixdns.net', 'ns1.wixdns.net'] });

    await bed.reloadZone('example.jp', zoneText('variants/example.jp.onamae.zone'));
    expect(await spfAndNs()).toEqual({
      spf: ['v=spf1 include:_spf.onamae.ne.jp ~all'],
      ns: ['01.dnsv.jp', '02.dnsv.jp', '03.dnsv.jp', '04.dnsv.jp'],
    });

    await bed.reloadZone('example.jp');
    expect(await spfAndNs()).toEqual({ spf: [], ns: ['ns0.wixdns.net', 'ns1.wixdns.net'] });
  });

  it('picks up several edits in quick succession', async () => {
    const base = zoneText('example.jp.zone');
    for (const n of [1, 2, 3]) {
      await bed.reloadZone('example.jp', `${base}@ 60 IN TXT "edit ${n}"\n`);
      const answer = await resolver().query('example.jp', 'TXT');
      expect(answer.answers.map(txtJoin)).toContain(`edit ${n}`);
    }
    await bed.reloadZone('example.jp');
  });

  it('rejects zone text that does not load and keeps serving the old data', async () => {
    await expect(bed.reloadZone('example.jp', `${zoneText('example.jp.zone')}@ IN NOSUCHTYPE "x"\n`)).rejects.toThrow(/failed to load/);
    expect((await spfAndNs()).ns).toEqual(['ns0.wixdns.net', 'ns1.wixdns.net']);
    await bed.reloadZone('example.jp');
  });

  it('refuses zones the testbed does not serve', async () => {
    await expect(bed.reloadZone('not-a-zone.jp', '')).rejects.toThrow(/no zone/);
    await expect(bed.reloadZone('../named', '')).rejects.toThrow(/not a zone name/);
  });
});
