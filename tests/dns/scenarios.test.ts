// diagnose() over real DNS-over-HTTPS against every scenario zone of the loopback testbed.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../lib/diagnosis/diagnose';
import type { PanelId } from '../../lib/diagnosis/types';
import { DohResolver } from '../../lib/dns/doh';
import { testbed } from './helpers';

async function findings(domain: string, panel: PanelId | null = null) {
  const resolver = new DohResolver({ endpoints: [{ label: 'loopback', url: testbed().dohUrl }] });
  const d = await diagnose({ panel, domain, records: [] }, { resolver });
  return { d, codes: d.findings.map((f) => f.code).sort() };
}

describe('scenario zones, diagnosed over DoH', () => {
  it.each([
    ['example.jp', ['DKIM_MISSING', 'DMARC_MISSING', 'SPF_MISSING']],
    ['spf-double.jp', ['DKIM_MISSING', 'DMARC_MISSING', 'SPF_MULTIPLE']],
    ['spf-toomany.jp', ['DKIM_MISSING', 'DMARC_MISSING', 'SPF_LOOKUP_LIMIT']],
    ['spf-syntax.jp', ['DKIM_MISSING', 'DMARC_MISSING', 'SPF_SYNTAX']],
    ['spf-strict.jp', ['DKIM_MISSING', 'DMARC_MISSING', 'SPF_SENDER_NOT_COVERED']],
    ['dmarc-wix.jp', []],
    ['multistring.jp', ['DKIM_MISSING', 'DMARC_MISSING']],
  ])('%s → %j', async (domain, expected) => {
    expect((await findings(domain)).codes).toEqual(expected);
  });

  it('follows _dmarc through its CNAME to wixemails.com and finds the DKIM key', async () => {
    const { d } = await findings('dmarc-wix.jp');
    expect(d.live.dmarcChain).toEqual(['_dmarc.wixemails.com']);
    expect(d.live.dmarc).toMatch(/^v=DMARC1; p=none/);
    expect(d.live.dkim).toEqual([{ selector: 'default', found: true }]);
    expect(d.spf.providerCheck?.result).toBe('pass');
  });

  it('reports a SERVFAIL zone as a TempError naming the resolver', async () => {
    const { d } = await findings('broken.jp');
    const temp = d.findings.filter((f) => f.code === 'DNS_TEMPORARY_ERROR');
    expect(temp.length).toBeGreaterThan(0);
    expect(temp[0]!.message.en).toMatch(/^TempError: loopback did not answer for broken\.jp/);
    expect(d.findings.map((f) => f.code)).not.toContain('SPF_MISSING');
  });

  it('the seed seen from the お名前.com panel: not authoritative, Wix named', async () => {
    const { d } = await findings('example.jp', 'onamae');
    expect(d.live.delegation).toBe('elsewhere');
    expect(d.findings[0]!.code).toBe('NS_NOT_AUTHORITATIVE');
  });
});
