// The testbed's zone files are shared test data: each must say what it is, be listed in the README,
// and be served by the running testbed (except broken.jp, which exists to fail).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DohResolver } from '../../lib/dns/doh';
import { DnsError } from '../../lib/dns/types';
import { TESTBED_DIR } from '../dns-testbed/testbed';
import { testbed } from './helpers';

const zonesDir = join(TESTBED_DIR, 'zones');
const zoneFiles = readdirSync(zonesDir).filter((file) => file.endsWith('.zone'));
const variantFiles = readdirSync(join(zonesDir, 'variants')).map((file) => `variants/${file}`);
const readme = readFileSync(join(TESTBED_DIR, 'README.md'), 'utf8');

describe('testbed zone files', () => {
  it('include every scenario the DNS tests and later suites rely on', () => {
    const zones = zoneFiles.map((file) => file.replace(/\.zone$/, ''));
    for (const zone of ['example.jp', 'spf-double.jp', 'spf-toomany.jp', 'spf-syntax.jp', 'spf-strict.jp', 'dmarc-wix.jp', 'nested.jp', 'multistring.jp', 'cname-spf.jp', 'broken.jp', 'onamae.ne.jp', 'google.com', 'outlook.com', 'sendgrid.net', 'wixdns.net', 'wixemails.com', 'dnsv.jp']) {
      expect(zones).toContain(zone);
    }
    expect(variantFiles).toContain('variants/example.jp.onamae.zone');
  });

  it.each([...zoneFiles, ...variantFiles])('%s starts with a comment line and is listed in the README', (file) => {
    const firstLine = readFileSync(join(zonesDir, file), 'utf8').split('\n')[0] ?? '';
    expect(firstLine).toMatch(/^; \S.{20,}/);
    const listed = file.startsWith('variants/') ? `\`${file}\`` : `| \`${file.replace(/\.zone$/, '')}\` |`;
    expect(readme).toContain(listed);
  });

  it.each(zoneFiles.map((file) => file.replace(/\.zone$/, '')))('%s is served by the testbed', async (zone) => {
    const resolver = new DohResolver({ endpoints: [{ label: 'testbed', url: testbed().dohUrl }], cache: false });
    const query = resolver.query(zone, 'SOA');
    if (zone === 'broken.jp') {
      await expect(query).rejects.toMatchObject({ kind: 'servfail' });
      await expect(query).rejects.toBeInstanceOf(DnsError);
    } else {
      expect((await query).answers).toHaveLength(1);
    }
  });
});
