// The command line against the real loopback DNS: the same diagnosis the extension shows.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testbed } from './helpers';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

async function check(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'bin/check.ts', ...args], { cwd: root });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('npm run check against the loopback resolver', () => {
  it('prints the nested include tree with lookups per node and check_host for an IP', async () => {
    const { stdout, code } = await check('nested.jp', '--resolver', testbed().dohUrl, '--ip', '192.0.2.30');
    expect(code).toBe(0);
    const tree = stdout.split('\n').filter((l) => /\[\d+ lookups?\]/.test(l)).map((l) => l.trim());
    expect(tree).toEqual([
      'nested.jp  v=spf1 a include:spf1.nested.jp -all  [5 lookups]',
      '└─ include:spf1.nested.jp → spf1.nested.jp  v=spf1 ip4:192.0.2.10 include:spf2.nested.jp ~all  [3 lookups]',
      '└─ include:spf2.nested.jp → spf2.nested.jp  v=spf1 ip4:192.0.2.16/29 ip6:2001:db8:10::/48 a:relay.nested.jp mx:nested.jp ~all  [2 lookups]',
    ]);
    expect(stdout).toContain('lookups:     5 of 10, void lookups: 0 of 2');
    expect(stdout).toMatch(/check_host\(192\.0\.2\.30, postmaster@nested\.jp, helo nested\.jp\) = pass/);
    expect(stdout).toContain('spf2.nested.jp: a:relay.nested.jp → match  [lookups 4, void 0]');
  });

  it('--json gives findings and fixes from diagnose()', async () => {
    const { stdout, code } = await check('spf-strict.jp', '--resolver', testbed().dohUrl, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { domain: string; findings: { code: string }[]; fixes: { type: string; host: string; value: string }[] };
    expect(result.domain).toBe('spf-strict.jp');
    expect(result.findings.map((f) => f.code)).toContain('SPF_SENDER_NOT_COVERED');
    expect(result.fixes).toContainEqual(
      expect.objectContaining({ type: 'TXT', host: '', value: 'v=spf1 include:_spf.google.com include:_spf.onamae.ne.jp -all' }),
    );
  });

  it('--panel onamae on the seed names the Wix nameservers', async () => {
    const { stdout } = await check('example.jp', '--resolver', testbed().dohUrl, '--panel', 'onamae', '--json');
    const result = JSON.parse(stdout) as { findings: { code: string; message: { en: string } }[] };
    const ns = result.findings.find((f) => f.code === 'NS_NOT_AUTHORITATIVE');
    expect(ns?.message.en).toContain('ns0.wixdns.net, ns1.wixdns.net (Wix)');
    expect(result.findings.map((f) => f.code)).toContain('SPF_MISSING');
  });

  it('--provider with --provider-server builds the fix for a numbered server', async () => {
    const { stdout, code } = await check('example.jp', '--resolver', testbed().dohUrl, '--provider', 'xserver', '--provider-server', 'sv1234.xserver.jp', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { fixes: { value: string }[]; providers: { id: string; source: string }[] };
    expect(result.providers).toEqual([expect.objectContaining({ id: 'xserver', source: 'user' })]);
    expect(result.fixes.map((f) => f.value)).toContain('v=spf1 a:sv1234.xserver.jp include:spf.sender.xserver.jp ~all');
    const bad = await check('example.jp', '--provider-server', 'sv1.xserver.jp');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/needs --provider/);
  });

  it('says in one line when no resolver answers, and rejects bad arguments', async () => {
    const down = await check('example.jp', '--resolver', testbed().blackholeUrl, '--timeout', '300');
    expect(down.code).toBe(1);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(/no resolver answered for example\.jp: .*timeout/);
    const bad = await check('not_a_domain');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not a valid domain name/);
  });
});
