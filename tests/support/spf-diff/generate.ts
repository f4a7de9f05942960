// Seeded random SPF scenarios for the differential test against pyspf: a small world of names with SPF
// records built from every mechanism and modifier (qualifiers, macros, dual CIDR, exp=, unknown
// modifiers, the odd syntax error), address/MX/PTR/CNAME data, void names, scripted timeouts and
// SERVFAILs, and IPv4/IPv6 clients. The same seed always gives the same scenarios.
import type { ZoneData, ZoneEntry } from '../../../lib/dns/memory';
import { reverseName, parseIp } from '../../../lib/spf/ip';

export interface DiffTest {
  ip: string;
  sender: string;
  helo: string;
}

export interface DiffScenario {
  zone: ZoneData;
  tests: DiffTest[];
}

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; enough for test generation. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Pick {
  constructor(private readonly random: () => number) {}
  chance(p: number): boolean {
    return this.random() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
}

const TOP = 'example.com';
/** Names that may carry data; the "nx" ones never do (void lookups). */
const NAMES = [TOP, 'a.example.com', 'b.example.com', 'c.example.com', 'mx1.example.com', 'mx2.example.com', 'e.example.net', 'f.example.net', 'g.example.org', 'alias.example.net'];
const VOID_NAMES = ['nx1.example.com', 'nx2.example.org', 'gone.example.net'];
const CLIENTS4 = ['192.0.2.1', '192.0.2.77', '198.51.100.5', '203.0.113.200'];
const CLIENTS6 = ['2001:db8::1', '2001:db8:1::25', '2001:db8:ffff::7'];
const MACRO_DOMAINS = ['%{d}', '%{o}', '%{d2}', '%{ir}.%{v}._spf.%{d}', '%{i}._ip.%{d}', '%{l}.u.%{d}', '%{h}', '%{d1r}.example.net', '%{s}', '%{p}', '%{l-}.x.%{d}', '%{ir}.%{v}.arpa.example.com'];
const EXP_TEXTS = ['%{i} is not allowed to send for %{d}', 'See %{s} %{l} %{o} %{h}', '%{c} rejected by %{r} at %{t}', 'Plain explanation', '%{p} %{v} %{ir}', 'bad %{z} macro', '%{i2r}%_%-%%'];

function targetDomain(pick: Pick): string {
  if (pick.chance(0.12)) return pick.one(MACRO_DOMAINS);
  if (pick.chance(0.18)) return pick.one(VOID_NAMES);
  return pick.one(NAMES);
}

function cidr(pick: Pick, six: boolean): string {
  const four = pick.chance(0.5) ? `/${pick.one([0, 8, 16, 24, 25, 30, 31, 32])}` : '';
  const v6 = six && pick.chance(0.5) ? `//${pick.one([0, 32, 48, 64, 127, 128])}` : '';
  return four + v6;
}

function network4(pick: Pick): string {
  const base = pick.one([...CLIENTS4, '192.0.2.0', '10.0.0.0', '198.51.100.0']);
  return `${base}${pick.chance(0.7) ? `/${pick.one([0, 1, 8, 16, 24, 28, 31, 32])}` : ''}`;
}

function network6(pick: Pick): string {
  const base = pick.one([...CLIENTS6, '2001:db8::', '2001:db8:1::', '::ffff:192.0.2.1', 'fe80::']);
  return `${base}${pick.chance(0.7) ? `/${pick.one([0, 16, 32, 48, 64, 96, 127, 128])}` : ''}`;
}

/** A term that is wrong on purpose now and then, so permerror paths are compared too. */
const BROKEN_TERMS = ['ip4:192.0.2.1/33', 'ip6:2001:db8::/129', 'foo:bar', 'a:', 'mx:%{z}.example.com', 'include:', 'exists:%', 'a/40', 'ip4:300.1.1.1', 'redirect:example.com', '-exp=x', 'a:example..com', 'ip4:192.0.2.1/08'];

function mechanism(pick: Pick, depthBudget: { includes: number }): string {
  const qualifier = pick.one(['', '', '', '+', '-', '~', '?']);
  const spec = () => (pick.chance(0.35) ? '' : `:${targetDomain(pick)}`);
  switch (pick.int(0, 9)) {
    case 0:
      return `${qualifier}all`;
    case 1:
      return `${qualifier}ip4:${network4(pick)}`;
    case 2:
      return `${qualifier}ip6:${network6(pick)}`;
    case 3:
    case 4:
      return `${qualifier}a${spec()}${cidr(pick, true)}`;
    case 5:
      return `${qualifier}mx${spec()}${cidr(pick, true)}`;
    case 6:
      return `${qualifier}ptr${spec()}`;
    case 7:
      return `${qualifier}exists:${pick.chance(0.5) ? pick.one(MACRO_DOMAINS) : targetDomain(pick)}`;
    default:
      if (depthBudget.includes-- > 0) return `${qualifier}include:${targetDomain(pick)}`;
      return `${qualifier}a`;
  }
}

function spfRecord(pick: Pick): string {
  const terms: string[] = [];
  const budget = { includes: pick.int(0, 3) };
  // Now and then a record heavy in DNS terms, to reach the 10-lookup and void limits.
  const count = pick.chance(0.1) ? pick.int(8, 13) : pick.int(0, 5);
  for (let i = 0; i < count; i++) terms.push(mechanism(pick, budget));
  if (pick.chance(0.06)) terms.splice(pick.int(0, terms.length), 0, pick.one(BROKEN_TERMS));
  if (pick.chance(0.2)) terms.push(`redirect=${targetDomain(pick)}`);
  if (pick.chance(0.25)) terms.push(`exp=${pick.chance(0.2) ? pick.one(MACRO_DOMAINS) : pick.one([...NAMES, ...VOID_NAMES, 'why.example.com'])}`);
  if (pick.chance(0.08)) terms.push(pick.one(['foo=bar', 'ra=postmaster', 'x-unknown=%{d}']));
  if (pick.chance(0.03)) terms.push(terms.length > 0 && pick.chance(0.5) ? 'redirect=a.example.com' : 'exp=why.example.com');
  const head = pick.chance(0.02) ? 'v=spf1' : 'v=spf1';
  return [head, ...terms].join(' ');
}

function addresses(pick: Pick, type: 'A' | 'AAAA', client: string): ZoneEntry[] {
  const pool = type === 'A' ? [...CLIENTS4, '192.0.2.200', '198.51.100.77'] : [...CLIENTS6, '2001:db8::99'];
  const entries: ZoneEntry[] = [];
  const n = pick.int(0, 2);
  for (let i = 0; i < n; i++) entries.push({ type, value: pick.chance(0.3) && parseIp(client)?.family === (type === 'A' ? 4 : 6) ? client : pick.one(pool) });
  return entries;
}

function nameData(pick: Pick, name: string, client: string): ZoneEntry[] {
  const entries: ZoneEntry[] = [];
  if (name !== TOP && pick.chance(0.08)) {
    // A CNAME (sometimes into a loop or to a void name) instead of data.
    return [{ type: 'CNAME', value: pick.one([...NAMES, ...VOID_NAMES]) }];
  }
  if (name === TOP || pick.chance(0.65)) {
    if (pick.chance(0.04)) entries.push({ type: 'TXT', fail: pick.chance(0.5) ? 'timeout' : 'servfail' });
    else {
      if (pick.chance(0.9)) entries.push({ type: 'TXT', value: splitTxt(pick, spfRecord(pick)) });
      if (pick.chance(0.03)) entries.push({ type: 'TXT', value: [spfRecord(pick)] });
      if (pick.chance(0.2)) entries.push({ type: 'TXT', value: ['google-site-verification=abc'] });
    }
  }
  if (pick.chance(0.05)) entries.push({ type: pick.one(['A', 'AAAA', 'MX'] as const), fail: pick.chance(0.5) ? 'timeout' : 'servfail' });
  entries.push(...addresses(pick, 'A', client), ...addresses(pick, 'AAAA', client));
  if (pick.chance(0.4)) {
    const n = pick.chance(0.05) ? 11 : pick.int(1, 3);
    for (let i = 0; i < n; i++) entries.push({ type: 'MX', value: { preference: pick.int(0, 3) * 10, exchange: pick.one([...NAMES, ...VOID_NAMES]) } });
  }
  if (pick.chance(0.03)) entries.push({ timeoutRest: true });
  return entries;
}

/** TXT values sometimes split into several character-strings (joined without spaces, §3.3). */
function splitTxt(pick: Pick, text: string): string[] {
  if (text.length < 12 || !pick.chance(0.15)) return [text];
  const at = pick.int(1, text.length - 1);
  return [text.slice(0, at), text.slice(at)];
}

export function generateScenario(pick: Pick): DiffScenario {
  const six = pick.chance(0.35);
  const client = six ? pick.one(CLIENTS6) : pick.one(CLIENTS4);
  const zone: ZoneData = {};
  for (const name of NAMES) {
    if (name !== TOP && pick.chance(0.15)) continue; // leave some names out entirely (NXDOMAIN)
    zone[name] = nameData(pick, name, client);
  }
  // The client's PTR names, some validated by their address records, some not.
  if (pick.chance(0.5)) {
    const reverse = reverseName(parseIp(client)!);
    if (pick.chance(0.08)) zone[reverse] = [{ type: 'PTR', fail: pick.chance(0.5) ? 'timeout' : 'servfail' }];
    else zone[reverse] = Array.from({ length: pick.chance(0.05) ? 12 : pick.int(1, 3) }, () => ({ type: 'PTR' as const, value: pick.one([...NAMES, ...VOID_NAMES]) }));
  }
  // Names the macros build (%{i}._ip.%{d}, %{l}.u.%{d}, ...) exist now and then.
  if (pick.chance(0.3)) zone[`${client.includes(':') ? 'x' : client}._ip.${TOP}`] = [{ type: 'A', value: '127.0.0.2' }];
  if (pick.chance(0.3)) zone[`user.u.${TOP}`] = [{ type: 'A', value: '127.0.0.2' }];
  if (pick.chance(0.5)) zone['why.example.com'] = [{ type: 'TXT', value: [pick.one(EXP_TEXTS)] }];
  for (const name of NAMES) {
    if (zone[name] && pick.chance(0.1)) zone[name]!.push({ type: 'TXT', value: [pick.one(EXP_TEXTS)] });
  }
  const tests: DiffTest[] = [];
  const n = pick.int(1, 3);
  for (let i = 0; i < n; i++) {
    const ip = i === 0 ? client : pick.chance(0.5) ? client : pick.one(six ? CLIENTS6 : CLIENTS4);
    const sender = pick.one(['user@example.com', 'user@example.com', 'postmaster@example.com', 'first.last@example.com', 'a-b@example.com']);
    const helo = pick.one(['mail.example.com', 'example.com', 'mx1.example.com', 'unknown.example.org']);
    tests.push({ ip, sender, helo });
  }
  return { zone, tests };
}

export function generateScenarios(count: number, seed: number): DiffScenario[] {
  const pick = new Pick(prng(seed));
  return Array.from({ length: count }, () => generateScenario(pick));
}
