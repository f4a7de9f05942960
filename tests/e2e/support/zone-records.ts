// A testbed zone's records as a DNS panel lists them. Wix serves the zones whose NS are ns0/ns1.wixdns.net,
// so its "Manage DNS Records" page shows exactly what the zone file holds; the end-to-end tests make the
// Wix fixture show that (see fixtures/wix-zone-records.js) instead of a hand-copied variant.
// The zone is canonicalised by BIND's own named-compilezone (one record per line, absolute names).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TESTBED_DIR } from '../../dns-testbed/testbed';

export interface ZoneRecord {
  /** Absolute, lower-case, no trailing dot. */
  name: string;
  ttl: number;
  type: string;
  /** TXT: the character-strings joined; MX: the exchange; others: the presentation data without a trailing dot. */
  value: string;
  priority?: number;
}

/** Parses the presentation format of one TXT RDATA ("a" "b" → ['a', 'b']), with \" \\ and \DDD escapes. */
export function txtStrings(rdata: string): string[] {
  const strings: string[] = [];
  let i = 0;
  while (i < rdata.length) {
    if (/\s/.test(rdata[i]!)) {
      i++;
      continue;
    }
    if (rdata[i] !== '"') throw new Error(`unquoted TXT data: ${rdata}`);
    i++;
    let text = '';
    for (;;) {
      if (i >= rdata.length) throw new Error(`unterminated TXT string: ${rdata}`);
      const c = rdata[i]!;
      if (c === '"') {
        i++;
        break;
      }
      if (c === '\\') {
        const digits = /^\d{3}/.exec(rdata.slice(i + 1));
        if (digits) {
          text += String.fromCharCode(Number(digits[0]));
          i += 4;
        } else {
          text += rdata[i + 1] ?? '';
          i += 2;
        }
        continue;
      }
      text += c;
      i++;
    }
    strings.push(text);
  }
  return strings;
}

const stripDot = (name: string) => name.replace(/\.$/, '').toLowerCase();

/** Parses named-compilezone's canonical output. */
export function parseCanonicalZone(text: string): ZoneRecord[] {
  const records: ZoneRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith(';')) continue;
    const match = /^(\S+)\s+(\d+)\s+IN\s+(\S+)\s+(.*)$/.exec(line);
    if (!match) throw new Error(`unexpected line from named-compilezone: ${line}`);
    const [, owner, ttl, type, rdata] = match as unknown as [string, string, string, string, string];
    const base = { name: stripDot(owner), ttl: Number(ttl), type };
    if (type === 'TXT') records.push({ ...base, value: txtStrings(rdata).join('') });
    else if (type === 'MX') {
      const [preference, exchange] = rdata.trim().split(/\s+/);
      records.push({ ...base, value: stripDot(exchange ?? ''), priority: Number(preference) });
    } else if (type === 'CNAME' || type === 'NS') records.push({ ...base, value: stripDot(rdata.trim()) });
    else records.push({ ...base, value: rdata.trim() });
  }
  return records;
}

/** The records of tests/dns-testbed/zones/<zone>.zone (or of `text`, a zone file's content). */
export function zoneRecords(zone: string, text?: string): ZoneRecord[] {
  const args = ['-q', '-s', 'full', '-o', '-', zone];
  if (text === undefined) return parseCanonicalZone(execFileSync('named-compilezone', [...args, join(TESTBED_DIR, 'zones', `${zone}.zone`)], { encoding: 'utf8' }));
  // named-compilezone wants a regular file (it cannot read a pipe).
  const dir = mkdtempSync(join(tmpdir(), 'spf-doctor-zone-'));
  try {
    const file = join(dir, `${zone}.zone`);
    writeFileSync(file, text);
    return parseCanonicalZone(execFileSync('named-compilezone', [...args, file], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A row of the Wix fixture's model (tests/fixtures/wix/manage-dns-records.html, `rec()`), without its id. */
export interface WixRow {
  type: string;
  /** Relative to the domain, '' for the apex, as Wix lists it. */
  host: string;
  value: string;
  ttl: number;
  priority?: number;
  readOnly?: boolean;
}

const WIX_TYPES = new Set(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS']);

/** What Wix's page lists for a zone it serves: every record but the SOA, the apex NS read-only. */
export function wixRowsForZone(zone: string, records: ZoneRecord[]): WixRow[] {
  return records.flatMap((r): WixRow[] => {
    if (r.type === 'SOA') return [];
    if (!WIX_TYPES.has(r.type)) throw new Error(`the Wix fixture cannot show ${r.type} records (${r.name})`);
    const host = r.name === zone ? '' : r.name.endsWith(`.${zone}`) ? r.name.slice(0, -(zone.length + 1)) : null;
    if (host === null) throw new Error(`${r.name} is outside ${zone}`);
    const row: WixRow = { type: r.type, host, value: r.value, ttl: r.ttl };
    if (r.priority !== undefined) row.priority = r.priority;
    if (r.type === 'NS') row.readOnly = true;
    return [row];
  });
}

/** One TXT RDATA in zone-file syntax: quoted, escaped, split into ≤255-octet character-strings. */
export function txtRdata(value: string): string {
  const chunks: string[] = [];
  for (let i = 0; i < value.length || chunks.length === 0; i += 255) chunks.push(value.slice(i, i + 255));
  return chunks.map((c) => `"${c.replace(/["\\]/g, '\\$&')}"`).join(' ');
}

/**
 * A zone file's text with its apex TXT records replaced by `values` (TTL 60), the way the DNS host
 * publishes what its panel holds. Only `@ [ttl] IN TXT` lines on one line are recognised; the result is
 * checked with named-compilezone.
 */
export function withApexTxt(zone: string, text: string, values: readonly string[]): string {
  const apexTxt = /^@\s+(\d+\s+)?(IN\s+)?TXT\s/;
  const kept = text.split('\n').filter((line) => !apexTxt.test(line));
  const added = values.map((v) => `@ 60 IN TXT ${txtRdata(v)}`);
  const result = `${kept.join('\n').replace(/\n*$/, '\n')}${added.join('\n')}\n`;
  const published = zoneRecords(zone, result).filter((r) => r.type === 'TXT' && r.name === zone).map((r) => r.value).sort();
  if (JSON.stringify(published) !== JSON.stringify([...values].sort())) throw new Error(`apex TXT of the rewritten ${zone} is ${JSON.stringify(published)}`);
  return result;
}
